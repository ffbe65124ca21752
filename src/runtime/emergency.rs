//! Where the words go when the session file cannot take them: the last
//! state handed to the saver is kept where a panic can reach it, and
//! [`keep_somewhere`] tries, in order, the state folder, the user's home
//! and the temp folder, and as a last resort hands the text back to be
//! printed on stderr.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::model::Session;
use crate::storage;

static LATEST: Mutex<Option<Arc<Session>>> = Mutex::new(None);

pub fn remember(session: Arc<Session>) {
    if let Ok(mut slot) = LATEST.lock() {
        *slot = Some(session);
    }
}

pub fn forget() {
    if let Ok(mut slot) = LATEST.lock() {
        *slot = None;
    }
}

/// Where an emergency copy ended up.
#[derive(Debug, PartialEq)]
pub enum Kept {
    /// A file holding the whole session.
    File(PathBuf),
    /// No folder would take it: the session's JSON, to print on stderr.
    Text(String),
}

impl Kept {
    /// One paragraph for stderr, after the terminal is restored.
    pub fn describe(&self) -> String {
        match self {
            Kept::File(path) => format!("Everything is in an emergency copy: {}", path.display()),
            Kept::Text(json) => format!(
                "No folder would take an emergency copy either (state folder, home, temp). \
                 The whole session follows; copy it into a file to keep it:\n{json}"
            ),
        }
    }
}

/// The folders tried for an emergency copy, in order.
pub fn emergency_folders() -> Vec<PathBuf> {
    let mut folders = vec![storage::recovery_dir()];
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        folders.push(PathBuf::from(home));
    }
    folders.push(std::env::temp_dir());
    folders
}

/// Writes `session` to the first of `folders` that takes it (a new
/// owner-only file, never replacing one), else gives back its text.
pub fn keep_in(folders: &[PathBuf], session: &Session) -> Kept {
    let bytes = match storage::to_json_bytes(session) {
        Ok(b) => b,
        Err(e) => return Kept::Text(format!("(the session could not be written out: {e})")),
    };
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let safe_id = storage::sanitise_reference(&session.id);
    for dir in folders {
        if let Some(path) = write_in(dir, &format!("cpconf-emergency-{safe_id}-{stamp}"), &bytes) {
            return Kept::File(path);
        }
    }
    Kept::Text(String::from_utf8_lossy(&bytes).into_owned())
}

fn write_in(dir: &Path, stem: &str, bytes: &[u8]) -> Option<PathBuf> {
    storage::ensure_dir(dir).ok()?;
    for n in 1..20 {
        let name = if n == 1 {
            format!("{stem}.json")
        } else {
            format!("{stem}-{n}.json")
        };
        let path = dir.join(name);
        match storage::write_new_file_exclusive(&path, bytes) {
            Ok(()) => return Some(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(_) => return None,
        }
    }
    None
}

/// Keeps `session` somewhere, trying the usual folders in order.
pub fn keep_somewhere(session: &Session) -> Kept {
    keep_in(&emergency_folders(), session)
}

/// Writes the last known session somewhere safe (used when cpconf stops
/// unexpectedly); `None` when there is nothing to keep.
pub fn write_emergency_copy() -> Option<Kept> {
    // try_lock: a panic while the lock is held must not deadlock.
    let session = LATEST.try_lock().ok()?.clone()?;
    Some(keep_somewhere(&session))
}
