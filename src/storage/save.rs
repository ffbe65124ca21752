//! Writing sessions: durable, atomic, owner-only, with the last good
//! version kept beside the file as `<file>.prev`.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::MAX_FILE_BYTES;
use super::load::{LoadError, LoadErrorKind, parse};
use super::names::unique_path;
use super::perms::ensure_dir;
use crate::model::Session;

/// Where bytes go. The real one is [`DurableWriter`]; tests inject writers
/// that fail to prove a failed save leaves the last good file alone.
pub trait FileWriter: Send + Sync {
    /// Replaces `path` with `bytes` all at once: afterwards the file holds
    /// either the old bytes or the new ones, never a mix or nothing.
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;

    /// Creates `path` with `bytes`, failing with `AlreadyExists` if it is
    /// there, so two programs never claim the same new file name.
    fn write_new(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        write_new_file_exclusive(path, bytes)
    }
}

/// Temp file in the same directory, fsync, rename over the target, fsync
/// the directory (the `atomic-write-file` crate). New files are 0600.
#[derive(Clone, Copy, Debug, Default)]
pub struct DurableWriter;

impl FileWriter for DurableWriter {
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut options = atomic_write_file::OpenOptions::new();
        #[cfg(unix)]
        {
            use atomic_write_file::unix::OpenOptionsExt as _;
            use std::os::unix::fs::OpenOptionsExt as _;
            // Always owner-only, even when replacing a looser file.
            options.preserve_mode(false).mode(0o600);
        }
        let mut file = options.open(path)?;
        file.write_all(bytes)?;
        // Dropping without commit discards the temp file: the old file stays.
        let result = file.commit();
        if result.is_err() {
            // atomic-write-file 0.3 leaves its named temp file behind when the
            // final rename fails; it holds session data, so remove it.
            remove_leftover_temp_files(path);
        }
        result
    }
}

/// Removes `.<name>.XXXXXX` files (atomic-write-file's temp names) beside
/// `path`. Only the session's one writer (see `lock`) writes there.
fn remove_leftover_temp_files(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let entry_name = entry.file_name();
        let entry_name = entry_name.to_string_lossy();
        let is_temp = entry_name.strip_prefix(&prefix).is_some_and(|suffix| {
            suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        });
        if is_temp && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The pretty JSON a session is saved as, with a trailing newline.
pub fn to_json_bytes(session: &Session) -> io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(session).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// `<file>.prev`: the previous good version, kept beside the file.
pub fn prev_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(OsString::from).unwrap_or_default();
    name.push(".prev");
    path.with_file_name(name)
}

/// Saves `session` to `path`, first copying the file's current good
/// contents to `<file>.prev`. Refuses to replace a file that holds a
/// different session. On any error the file at `path` is as it was.
pub fn save(writer: &dyn FileWriter, path: &Path, session: &Session) -> io::Result<()> {
    let context =
        |e: io::Error| io::Error::new(e.kind(), format!("cannot save {}: {e}", path.display()));
    let bytes = to_json_bytes(session).map_err(context)?;
    match read_bounded(path) {
        Ok(raw) => {
            // Compared and checked as plaintext (see `crypt`).
            let old = crate::crypt::open_for_replacing(path, &raw)?;
            if *old == bytes && crate::crypt::sealed_as_wanted(&raw) {
                return Ok(());
            }
            // Only a good old version is worth keeping; a damaged one must
            // not push the last good copy out of `.prev`.
            let parsed = parse(path, &old);
            if let Err(LoadError {
                kind: LoadErrorKind::NewerSchema { found },
                ..
            }) = &parsed
            {
                // Replacing it would silently throw away what the newer
                // program recorded.
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "cannot save {}: it was written by a newer cpconf (schema version {found}); not replacing it",
                        path.display()
                    ),
                ));
            }
            if let Ok(previous) = parsed {
                if previous.session.id != session.id {
                    return Err(io::Error::new(
                        io::ErrorKind::AlreadyExists,
                        format!(
                            "cannot save {}: it holds a different session (id {}); not replacing it",
                            path.display(),
                            previous.session.id
                        ),
                    ));
                }
                let kept = crate::crypt::reseal(&raw, &old).map_err(context)?;
                writer.write_atomic(&prev_path(path), &kept).map_err(|e| {
                    io::Error::new(
                        e.kind(),
                        format!(
                            "cannot save {}: keeping the previous version failed: {e}",
                            path.display()
                        ),
                    )
                })?;
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(context(e)),
    }
    let sealed = crate::crypt::seal(&bytes).map_err(context)?;
    writer.write_atomic(path, &sealed).map_err(context)
}

/// The current bytes at `path`, or nothing worth keeping if it is too big
/// to be a session.
fn read_bounded(path: &Path) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Saves a session that has no file yet under a fresh name in `dir` (see
/// [`unique_path`]), creating `dir` owner-only if needed. Returns the path.
pub fn save_new(writer: &dyn FileWriter, dir: &Path, session: &Session) -> io::Result<PathBuf> {
    ensure_dir(dir)?;
    let bytes = crate::crypt::seal(&to_json_bytes(session)?)?;
    // Another program may take the name between choosing and writing it.
    for _ in 0..100 {
        let path = unique_path(dir, session, None);
        match writer.write_new(&path, &bytes) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(io::Error::new(
                    e.kind(),
                    format!("cannot save {}: {e}", path.display()),
                ));
            }
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("cannot find a free file name in {}", dir.display()),
    ))
}

/// Copies a backup or emergency copy into `dir` as a new session: a new id
/// (so two files never claim one session) and a fresh name. `from` is only
/// read. Returns the new file.
pub fn save_copy_as_new(
    writer: &dyn FileWriter,
    dir: &Path,
    from: &Path,
    new_id: String,
) -> Result<PathBuf, String> {
    let mut session = super::load::load(from).map_err(|e| e.to_string())?.session;
    session.id = new_id;
    save_new(writer, dir, &session).map_err(|e| e.to_string())
}

/// Creates `path` holding `bytes`, durably, failing with `AlreadyExists`
/// if it exists: the bytes go to a 0600 temp file, are synced, then
/// hard-linked to the name (which never replaces an existing file).
pub fn write_new_file_exclusive(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let mut tmp_name = OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".new-{}-{stamp}", std::process::id()));
    let tmp = dir.join(tmp_name);

    let result =
        write_synced_new(&tmp, bytes).and_then(|()| match std::fs::hard_link(&tmp, path) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => {
                // Some file systems have no hard links: reserve the name
                // exclusively, then rename the full file over it.
                open_new(path)?;
                std::fs::rename(&tmp, path)
            }
            other => other,
        });
    let _ = std::fs::remove_file(&tmp);
    result?;
    sync_dir(dir)
}

fn open_new(path: &Path) -> io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options.open(path)
}

fn write_synced_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = open_new(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes a new name in `dir` survive a power cut.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
