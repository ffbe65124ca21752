//! The last state handed to the saver, kept where a panic can reach it, so
//! a crash writes an emergency copy instead of losing work.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::model::Session;

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

/// Writes the last known session to the recovery folder; returns its path.
pub fn write_emergency_copy() -> Option<PathBuf> {
    // try_lock: a panic while the lock is held must not deadlock.
    let session = LATEST.try_lock().ok()?.clone()?;
    let dir = crate::storage::recovery_dir();
    crate::storage::ensure_dir(&dir).ok()?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let path = dir.join(format!("emergency-{}-{stamp}.json", session.id));
    crate::storage::save(&crate::storage::DurableWriter, &path, &session).ok()?;
    Some(path)
}
