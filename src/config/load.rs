//! Finding and reading the config file. The only part that touches disk.

use std::ffi::OsString;
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::Config;
use super::parse::{ParseError, parse};

/// Bigger than any real config; stops `--config /dev/zero` reading forever.
const MAX_BYTES: u64 = 1024 * 1024;

/// Why the config cannot be used. Displayed as one line naming the file.
#[derive(Debug)]
pub enum ConfigError {
    /// `--config FILE` named a file that is not there.
    Missing { path: PathBuf },
    /// The file is there but cannot be read as text.
    Read { path: PathBuf, error: io::Error },
    /// The file was read but is not a valid config.
    Invalid { path: PathBuf, error: ParseError },
}

impl ConfigError {
    pub fn path(&self) -> &Path {
        match self {
            ConfigError::Missing { path }
            | ConfigError::Read { path, .. }
            | ConfigError::Invalid { path, .. } => path,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot use config {}: ", self.path().display())?;
        match self {
            ConfigError::Missing { .. } => f.write_str("no such file"),
            ConfigError::Read { error, .. } => write!(f, "{error}"),
            ConfigError::Invalid { error, .. } => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Where the config is looked for without `--config`:
/// `$XDG_CONFIG_HOME/cpconf/config.toml`, else
/// `$HOME/.config/cpconf/config.toml`. A relative XDG_CONFIG_HOME is
/// ignored, as the XDG spec says.
pub fn default_path_from(
    xdg_config_home: Option<OsString>,
    home: Option<OsString>,
) -> Option<PathBuf> {
    let xdg = xdg_config_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = match xdg {
        Some(p) => p,
        None => PathBuf::from(home.filter(|h| !h.is_empty())?).join(".config"),
    };
    Some(base.join("cpconf").join("config.toml"))
}

/// [`default_path_from`] with this process's environment.
pub fn default_path() -> Option<PathBuf> {
    default_path_from(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
}

fn read_text(path: &Path) -> io::Result<String> {
    // Looked at before opening: opening a named pipe (FIFO) waits for a
    // writer that may never come, and a device may never end.
    check_plain_file(&std::fs::metadata(path)?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Never blocks in open, even if a pipe took the name meanwhile.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    check_plain_file(&file.metadata()?)?;
    let mut text = String::new();
    file.take(MAX_BYTES + 1).read_to_string(&mut text)?;
    if text.len() as u64 > MAX_BYTES {
        return Err(io::Error::other("larger than 1 MiB: not a config file"));
    }
    Ok(text)
}

/// Only a regular file is a config: not a folder, pipe, device or socket.
fn check_plain_file(meta: &std::fs::Metadata) -> io::Result<()> {
    if meta.is_dir() {
        return Err(io::Error::other("is a folder, not a file"));
    }
    if !meta.is_file() {
        return Err(io::Error::other(
            "not a regular file (a pipe, device or socket); a config is a plain TOML file",
        ));
    }
    Ok(())
}

fn load_file(path: &Path, must_exist: bool) -> Result<Option<Config>, ConfigError> {
    let text = match read_text(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound && must_exist => {
            return Err(ConfigError::Missing {
                path: path.to_path_buf(),
            });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => {
            return Err(ConfigError::Read {
                path: path.to_path_buf(),
                error,
            });
        }
    };
    parse(&text)
        .map(Some)
        .map_err(|error| ConfigError::Invalid {
            path: path.to_path_buf(),
            error,
        })
}

/// The config in force and the file it came from (`None`: the compiled-in
/// defaults). With `explicit` (`--config FILE`) the file must exist;
/// otherwise the usual place is read if there is a file there.
pub fn load(explicit: Option<&Path>) -> Result<(Config, Option<PathBuf>), ConfigError> {
    let (path, must_exist) = match explicit {
        Some(p) => (p.to_path_buf(), true),
        None => match default_path() {
            // A dangling link there is a mistake to report, not "no file".
            Some(p) => {
                let must_exist = std::fs::symlink_metadata(&p).is_ok();
                (p, must_exist)
            }
            None => return Ok((Config::default(), None)),
        },
    };
    Ok(match load_file(&path, must_exist)? {
        Some(config) => (config, Some(path)),
        None => (Config::default(), None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xdg_first_then_home() {
        let p = |x: Option<&str>, h: Option<&str>| {
            default_path_from(x.map(OsString::from), h.map(OsString::from))
        };
        assert_eq!(
            p(Some("/x"), Some("/h")),
            Some(PathBuf::from("/x/cpconf/config.toml"))
        );
        assert_eq!(
            p(Some("relative"), Some("/h")),
            Some(PathBuf::from("/h/.config/cpconf/config.toml"))
        );
        assert_eq!(
            p(Some(""), Some("/h")),
            Some(PathBuf::from("/h/.config/cpconf/config.toml"))
        );
        assert_eq!(p(None, None), None);
        assert_eq!(p(None, Some("")), None);
    }
}
