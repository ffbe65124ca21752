//! Drafts of the field being edited, written as the chair types, so a
//! crash mid-sentence loses nothing. One draft per session, in a private
//! state directory (never beside the sessions, never in the repository).

use std::ffi::OsString;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::MAX_FILE_BYTES;
use super::perms::ensure_dir;
use super::save::FileWriter;
use crate::model::Timestamp;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub session_id: String,
    pub session_file: PathBuf,
    /// Where it was typed, for the chair: "Map › What's working well › item-12 text".
    pub field: String,
    /// The app's own address of the field; storage does not look inside.
    pub target: serde_json::Value,
    pub text: String,
    pub saved_at: Timestamp,
}

/// `$XDG_STATE_HOME/cpconf`, else `~/.local/state/cpconf`. It is created
/// (0700) by the first [`save_draft`].
pub fn recovery_dir() -> PathBuf {
    recovery_dir_from(std::env::var_os("XDG_STATE_HOME"), std::env::var_os("HOME"))
}

/// [`recovery_dir`] from given variables, for tests.
pub fn recovery_dir_from(xdg_state_home: Option<OsString>, home: Option<OsString>) -> PathBuf {
    // The XDG spec says relative values are to be ignored.
    if let Some(state) = xdg_state_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
    {
        return state.join("cpconf");
    }
    match home.filter(|h| !h.is_empty()) {
        Some(home) => PathBuf::from(home).join(".local/state/cpconf"),
        // No home at all: a per-user folder under the temp dir is better
        // than losing drafts.
        None => std::env::temp_dir().join(format!("cpconf-state-{}", user_tag())),
    }
}

fn user_tag() -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(m) = std::fs::metadata("/proc/self") {
            return m.uid().to_string();
        }
    }
    std::env::var("USER").unwrap_or_else(|_| "user".into())
}

/// `<dir>/<session id>.draft.json`, with the id made safe as a file name.
pub fn draft_path(dir: &Path, session_id: &str) -> PathBuf {
    let safe: String = session_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    // A hand-edited file can carry any id: a very long one made a name the
    // file system refuses ("File name too long"), so its drafts could not be
    // saved, and "a/b" and "a_b" shared one draft. Such ids keep a short safe
    // prefix plus a stable hash of the whole id (found by tests/it/properties.rs).
    if safe == session_id && safe.len() <= MAX_SAFE_ID {
        return dir.join(format!("{safe}.draft.json"));
    }
    let prefix: String = safe.chars().take(MAX_SAFE_ID).collect();
    dir.join(format!("{prefix}-{:016x}.draft.json", fnv1a(session_id)))
}

/// Longest id used as it is in a draft's file name (a UUID is 36).
const MAX_SAFE_ID: usize = 64;

/// FNV-1a: stable across Rust versions, unlike `DefaultHasher`, so a draft
/// written by one build is found by the next.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Writes the draft durably and atomically, owner-only.
pub fn save_draft(writer: &dyn FileWriter, dir: &Path, draft: &Draft) -> io::Result<()> {
    ensure_dir(dir)?;
    let bytes = serde_json::to_vec_pretty(draft).map_err(io::Error::other)?;
    writer.write_atomic(&draft_path(dir, &draft.session_id), &bytes)
}

/// The session's draft, if there is a readable one. A damaged draft gives
/// `None` and is left on disk for a person to look at.
pub fn load_draft(dir: &Path, session_id: &str) -> Option<Draft> {
    read_draft(&draft_path(dir, session_id)).filter(|d| d.session_id == session_id)
}

/// Every readable draft in `dir`, oldest first: what to offer back when
/// the program starts after a crash.
pub fn list_drafts(dir: &Path) -> Vec<Draft> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut drafts: Vec<Draft> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".draft.json"))
        .filter_map(|e| read_draft(&e.path()))
        .collect();
    drafts.sort_by_key(|d| d.saved_at);
    drafts
}

/// Removes the session's draft once its text is safely in the session.
pub fn clear_draft(dir: &Path, session_id: &str) -> io::Result<()> {
    match std::fs::remove_file(draft_path(dir, session_id)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

fn read_draft(path: &Path) -> Option<Draft> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(MAX_FILE_BYTES)
        .read_to_end(&mut bytes)
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_dir_prefers_absolute_xdg_state_home() {
        let d = recovery_dir_from(Some("/x/state".into()), Some("/home/a".into()));
        assert_eq!(d, PathBuf::from("/x/state/cpconf"));
        let d = recovery_dir_from(Some("rel".into()), Some("/home/a".into()));
        assert_eq!(d, PathBuf::from("/home/a/.local/state/cpconf"));
        let d = recovery_dir_from(None, None);
        assert!(d.starts_with(std::env::temp_dir()));
    }

    #[test]
    fn draft_names_are_safe() {
        let p = draft_path(Path::new("/d"), "../x/y");
        assert_eq!(p, PathBuf::from("/d/___x_y-3d0f426952c81be2.draft.json"));
        // Distinct from the id it would otherwise collide with.
        assert_ne!(p, draft_path(Path::new("/d"), "___x_y"));
        // A safe id is used as it is.
        let id = "3f0c6c1e-8d7a-4a57-9d49-2b1c1f0e9a11";
        let p = draft_path(Path::new("/d"), id);
        assert_eq!(p, PathBuf::from(format!("/d/{id}.draft.json")));
        // A huge id still makes a name the file system accepts.
        let p = draft_path(Path::new("/d"), &"x".repeat(5000));
        assert!(p.file_name().unwrap().len() < 100, "{p:?}");
    }
}
