//! Drafts of the field being edited, written as the chair types, so a
//! crash mid-sentence loses nothing. One draft per session file: keyed by
//! the session's id and the file's real path, so two copies of a session
//! never share (or swap) a draft. Kept in a private state directory (never
//! beside the sessions, never in the repository).

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

/// `<dir>/<session id>-<hash of the file's real path>.draft.json`: one
/// draft per session and file.
pub fn draft_path(dir: &Path, session_id: &str, session_file: &Path) -> PathBuf {
    let real = std::fs::canonicalize(session_file).unwrap_or_else(|_| session_file.to_path_buf());
    let by_id = id_draft_path(dir, session_id);
    let name = by_id
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".draft.json").unwrap_or(&name);
    dir.join(format!(
        "{stem}-{:016x}.draft.json",
        fnv1a(&real.to_string_lossy())
    ))
}

/// `<dir>/<session id>.draft.json`, with the id made safe as a file name:
/// where drafts were kept before they were keyed by file too.
fn id_draft_path(dir: &Path, session_id: &str) -> PathBuf {
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
    let bytes = crate::crypt::seal(&bytes)?;
    let path = draft_path(dir, &draft.session_id, &draft.session_file);
    writer.write_atomic(&path, &bytes)
}

/// The draft of this session in this file, if there is a readable one
/// (also one an older build kept by id alone, if it names this file). A
/// damaged draft gives `None` and is left on disk for a person to look at.
pub fn load_draft(dir: &Path, session_id: &str, session_file: &Path) -> Option<Draft> {
    let same_file = |d: &Draft| {
        let real = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        real(&d.session_file) == real(session_file)
    };
    read_draft(&draft_path(dir, session_id, session_file))
        .or_else(|| read_draft(&id_draft_path(dir, session_id)).filter(same_file))
        .filter(|d| d.session_id == session_id)
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

/// Removes the draft of this session in this file once its text is
/// safely in the session (and one an older build kept for it).
pub fn clear_draft(dir: &Path, session_id: &str, session_file: &Path) -> io::Result<()> {
    let old = id_draft_path(dir, session_id);
    if read_draft(&old).is_some_and(|d| {
        std::fs::canonicalize(&d.session_file).ok() == std::fs::canonicalize(session_file).ok()
    }) {
        let _ = std::fs::remove_file(old);
    }
    match std::fs::remove_file(draft_path(dir, session_id, session_file)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Moves a draft that cannot be put back out of the way (it would come
/// back on every open), keeping its text for a person to read. Returns
/// where it went.
pub fn set_draft_aside(dir: &Path, session_id: &str, session_file: &Path) -> io::Result<PathBuf> {
    let from = draft_path(dir, session_id, session_file);
    let from = if from.exists() {
        from
    } else {
        id_draft_path(dir, session_id)
    };
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut name = from.file_name().map(OsString::from).unwrap_or_default();
    name.push(format!(".not-restored-{stamp}"));
    let to = from.with_file_name(name);
    std::fs::rename(&from, &to)?;
    Ok(to)
}

fn read_draft(path: &Path) -> Option<Draft> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(MAX_FILE_BYTES)
        .read_to_end(&mut bytes)
        .ok()?;
    serde_json::from_slice(&crate::crypt::open(&bytes).ok()?).ok()
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
        let p = id_draft_path(Path::new("/d"), "../x/y");
        assert_eq!(p, PathBuf::from("/d/___x_y-3d0f426952c81be2.draft.json"));
        // Distinct from the id it would otherwise collide with.
        assert_ne!(p, id_draft_path(Path::new("/d"), "___x_y"));
        // A safe id is used as it is.
        let id = "3f0c6c1e-8d7a-4a57-9d49-2b1c1f0e9a11";
        let p = id_draft_path(Path::new("/d"), id);
        assert_eq!(p, PathBuf::from(format!("/d/{id}.draft.json")));
        // A huge id still makes a name the file system accepts.
        let file = Path::new("/nowhere/s.json");
        let p = draft_path(Path::new("/d"), &"x".repeat(5000), file);
        assert!(p.file_name().unwrap().len() < 120, "{p:?}");
        // Two files of one session: two drafts.
        assert_ne!(
            draft_path(Path::new("/d"), id, Path::new("/a/s.json")),
            draft_path(Path::new("/d"), id, Path::new("/b/s.json"))
        );
    }
}
