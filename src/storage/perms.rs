//! Owner-only permissions: session data is about children, so files are
//! 0600 and directories we create are 0700.

use std::fs::Metadata;
use std::io;
use std::path::Path;

/// Creates `dir` (and its parents) owner-only if it does not exist. An
/// existing directory is left as it is; an existing non-directory is an
/// error.
pub fn ensure_dir(dir: &Path) -> io::Result<()> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => return Ok(()),
        Ok(_) => {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} exists but is not a directory", dir.display()),
            ));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(io::Error::new(
                e.kind(),
                format!("cannot use directory {}: {e}", dir.display()),
            ));
        }
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot create directory {}: {e}", dir.display()),
        )
    })
}

/// A warning when an existing session file can be read or changed by other
/// users, with the command that fixes it.
#[cfg(unix)]
pub fn permission_warning(path: &Path, meta: &Metadata) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o777;
    let who = if mode & 0o044 != 0 {
        "readable"
    } else if mode & 0o022 != 0 {
        "writable"
    } else {
        return None;
    };
    Some(format!(
        "{} is {who} by other users (mode {mode:04o}); run: chmod 600 {}",
        path.display(),
        shell_quote(&path.display().to_string())
    ))
}

#[cfg(not(unix))]
pub fn permission_warning(_path: &Path, _meta: &Metadata) -> Option<String> {
    None
}

/// Quotes a path for a copy-pasteable shell command, only when needed.
fn shell_quote(s: &str) -> String {
    let plain = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+,:@".contains(c));
    if plain && !s.is_empty() {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// Creates one new owner-only directory; an existing one (of any kind) is
/// an `AlreadyExists` error, so nothing already there is ever written into.
pub fn create_new_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(shell_quote("sessions/a.json"), "sessions/a.json");
        assert_eq!(shell_quote("my sessions/a.json"), "'my sessions/a.json'");
        assert_eq!(shell_quote("it's.json"), "'it'\\''s.json'");
    }
}
