//! One writer per session. A lock file `.<file name>.lock` sits beside the
//! session, holding who has it open; an OS advisory lock (flock) on that
//! file is the real guard, so a crashed or killed program's lock vanishes
//! with it and a leftover file is simply taken over.
//!
//! The lock belongs to the file, not to the name used for it: a symbolic
//! link is followed to the real file before the lock is placed, and a file
//! with more than one name (a hard link) is also locked by its device and
//! inode in the state folder, so every name of it is "in use". Lock files
//! are opened without following links: a lock file that is a link is
//! refused, never written through.

use std::fmt;
use std::fs::File;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Timestamp;

/// What the lock file says about its holder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LockInfo {
    pub pid: u32,
    #[serde(default)]
    pub hostname: Option<String>,
    pub since: Timestamp,
}

/// Held while a session is open for editing; dropping it removes the lock
/// file and releases the OS lock.
#[derive(Debug)]
pub struct SessionLock {
    main: Held,
    /// For a file with several names: the lock on its identity.
    identity: Option<Held>,
}

/// One lock file we hold.
#[derive(Debug)]
struct Held {
    // Kept open: closing it would release the OS lock.
    file: File,
    path: PathBuf,
    info: LockInfo,
}

impl SessionLock {
    pub fn lock_file(&self) -> &Path {
        &self.main.path
    }

    pub fn info(&self) -> &LockInfo {
        &self.main.info
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        for held in std::iter::once(&self.main).chain(&self.identity) {
            // Remove first, then release: a program that opened the old
            // file in between finds it is no longer at the path and retries.
            let _ = std::fs::remove_file(&held.path);
            let _ = fs4::FileExt::unlock(&held.file);
        }
    }
}

#[derive(Debug)]
pub enum LockError {
    /// Another running cpconf has the session open. `pid`/`since` are
    /// `None` when its lock file could not be read.
    HeldElsewhere {
        session: PathBuf,
        pid: Option<u32>,
        hostname: Option<String>,
        since: Option<Timestamp>,
    },
    Io {
        session: PathBuf,
        error: io::Error,
    },
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::HeldElsewhere {
                session,
                pid,
                hostname,
                since,
            } => {
                let file = session.display();
                write!(f, "{file} is open in another cpconf")?;
                let mut about = Vec::new();
                if let Some(pid) = pid {
                    about.push(format!("process {pid}"));
                }
                if let Some(host) = hostname
                    .as_ref()
                    .filter(|h| Some(*h) != this_host().as_ref())
                {
                    about.push(format!("on {host}"));
                }
                if let Some(since) = since {
                    about.push(format!("since {}", when(since)));
                }
                if !about.is_empty() {
                    write!(f, " ({})", about.join(", "))?;
                }
                write!(f, "; open it read-only with: cpconf view {file}")
            }
            LockError::Io { session, error } => {
                write!(f, "cannot lock {} for editing: {error}", session.display())
            }
        }
    }
}

impl std::error::Error for LockError {}

/// "10:02" today, "2026-11-20 10:02" on another day.
fn when(t: &Timestamp) -> String {
    let today = chrono::Local::now().fixed_offset().date_naive();
    if t.date_naive() == today {
        t.format("%H:%M").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// `.<file name>.lock` beside the session file.
pub fn lock_path(session_path: &Path) -> PathBuf {
    let name = session_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    session_path.with_file_name(format!(".{name}.lock"))
}

/// Takes the session for editing, or says who has it. `session_path` may
/// be a link: the lock is placed on the file it names.
pub fn acquire(session_path: &Path) -> Result<SessionLock, LockError> {
    acquire_with_identity_dir(session_path, &super::recovery::recovery_dir().join("locks"))
}

/// [`acquire`], with the folder for identity locks given (for tests).
pub fn acquire_with_identity_dir(
    session_path: &Path,
    identity_dir: &Path,
) -> Result<SessionLock, LockError> {
    let io_err = |error| LockError::Io {
        session: session_path.to_path_buf(),
        error,
    };
    let real = real_path(session_path);
    let mut lock = SessionLock {
        main: lock_file_at(session_path, &lock_path(&real))?,
        identity: None,
    };
    if let Some(key) = shared_identity(&real) {
        // On failure `lock` is dropped, releasing the first lock too.
        super::perms::ensure_dir(identity_dir).map_err(io_err)?;
        lock.identity = Some(lock_file_at(
            session_path,
            &identity_dir.join(format!("{key}.lock")),
        )?);
    }
    Ok(lock)
}

/// The file a path names, links followed; for a file not made yet, its
/// folder's real path and its name.
fn real_path(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(parent), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// "dev-ino" of a file that has more than one name, else `None`.
fn shared_identity(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(path).ok()?;
        (m.nlink() > 1).then(|| format!("{}-{}", m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Takes the OS lock on `path`, naming `session_path` in any message.
fn lock_file_at(session_path: &Path, path: &Path) -> Result<Held, LockError> {
    let io_err = |error| LockError::Io {
        session: session_path.to_path_buf(),
        error,
    };
    // A few tries: the holder may remove its lock file while we open it.
    for _ in 0..5 {
        let mut file = open_lock_file(path).map_err(io_err)?;
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(fs4::TryLockError::WouldBlock) => {
                let info = read_info(path);
                return Err(LockError::HeldElsewhere {
                    session: session_path.to_path_buf(),
                    pid: info.as_ref().map(|i| i.pid),
                    hostname: info.as_ref().and_then(|i| i.hostname.clone()),
                    since: info.map(|i| i.since),
                });
            }
            Err(fs4::TryLockError::Error(e)) => return Err(io_err(e)),
        }
        if !still_at_path(&file, path) {
            continue;
        }
        let info = LockInfo {
            pid: std::process::id(),
            hostname: this_host(),
            since: chrono::Local::now().fixed_offset(),
        };
        write_info(&mut file, &info).map_err(io_err)?;
        return Ok(Held {
            file,
            path: path.to_path_buf(),
            info,
        });
    }
    Err(io_err(io::Error::other(
        "the lock file keeps changing; try again",
    )))
}

/// Opens (creating) a lock file, never through a link: a lock file that is
/// a symbolic link would make us overwrite whatever it points at.
fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path).map_err(|e| {
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            io::Error::new(
                e.kind(),
                format!(
                    "its lock file {} is a symbolic link; remove it (cpconf never follows one)",
                    path.display()
                ),
            )
        } else {
            e
        }
    })
}

fn read_info(path: &Path) -> Option<LockInfo> {
    let mut text = String::new();
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options
        .open(path)
        .ok()?
        .take(4096)
        .read_to_string(&mut text)
        .ok()?;
    serde_json::from_str(&text).ok()
}

fn write_info(file: &mut File, info: &LockInfo) -> io::Result<()> {
    let mut bytes = serde_json::to_vec(info).map_err(io::Error::other)?;
    bytes.push(b'\n');
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(&bytes)?;
    file.sync_data()
}

/// Whether the file we locked is still the one at `path` (not one its
/// previous holder removed after we opened it).
fn still_at_path(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

fn this_host() -> Option<String> {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}
