//! Storage with a key unlocked (this test binary's whole process is one
//! sitting): saves, backups, new files and drafts are ciphertext only
//! (an emergency copy is a save); they read back; a plaintext session
//! opens and is encrypted at its next save; broken encrypted files get one
//! line and stay byte-identical; a file encrypted to another key is never
//! replaced. Its own test binary: the sitting's key is process-wide, and
//! the other integration tests run without one.
// A failed unwrap is a failed test (as in tests/it/main.rs).
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::Once;

use chrono::DateTime;
use cpconf::crypt::{self, sitting};
use cpconf::model::*;
use cpconf::storage::{self, DurableWriter};
use tempfile::TempDir;

fn unlocked() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        sitting::begin(sitting::Unlocked::new(age::x25519::Identity::generate()));
    });
}

fn t0() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-23T10:00:00+00:00").unwrap()
}

const SECRET_WORDS: &str = "Robin hides under the stairs when voices rise";

fn sample(id: &str) -> Session {
    let mut s = Session::new(id.into(), t0());
    s.setup.family_reference = "FAM0042".into();
    s.pre_meeting.parents_views = SECRET_WORDS.into();
    s
}

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

/// No file in `dir` holds `text` in plaintext, and every file is age.
fn all_ciphertext(dir: &Path) {
    for (name, bytes) in snapshot(dir) {
        assert!(!holds(&bytes, SECRET_WORDS), "{name} holds plaintext");
        assert!(crypt::is_encrypted(&bytes), "{name} is not an age file");
    }
}

#[test]
fn saves_and_backups_are_ciphertext_and_read_back() {
    unlocked();
    let dir = TempDir::new().unwrap();
    let mut s = sample("enc-1");
    let path = storage::save_new(&DurableWriter, dir.path(), &s).unwrap();
    s.setup.venue = "Room 2".into();
    storage::save(&DurableWriter, &path, &s).unwrap();
    s.setup.venue = "Room 3".into();
    storage::save(&DurableWriter, &path, &s).unwrap();
    all_ciphertext(dir.path());
    assert_eq!(storage::load(&path).unwrap().session, s);
    let prev = storage::load(&storage::prev_path(&path)).unwrap().session;
    assert_eq!(prev.setup.venue, "Room 2");
    // Saving the same session again writes nothing (compared as plaintext).
    let before = snapshot(dir.path());
    storage::save(&DurableWriter, &path, &s).unwrap();
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_plaintext_session_opens_and_is_encrypted_at_its_next_save() {
    unlocked();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("old.json");
    let s = sample("enc-2");
    fs::write(&path, storage::to_json_bytes(&s).unwrap()).unwrap();
    assert_eq!(storage::load(&path).unwrap().session, s);
    // Unchanged, it is still written: encrypted, with the backup too.
    storage::save(&DurableWriter, &path, &s).unwrap();
    all_ciphertext(dir.path());
    assert_eq!(storage::load(&path).unwrap().session, s);
}

#[test]
fn drafts_are_ciphertext_and_read_back() {
    unlocked();
    let dir = TempDir::new().unwrap();
    let d = storage::Draft {
        session_id: "enc-3".into(),
        session_file: "sessions/x.json".into(),
        field: "Parents' pre-meeting › Parents' first views".into(),
        target: serde_json::json!({}),
        text: SECRET_WORDS.into(),
        saved_at: t0(),
    };
    storage::save_draft(&DurableWriter, dir.path(), &d).unwrap();
    all_ciphertext(dir.path());
    assert_eq!(
        storage::load_draft(dir.path(), "enc-3", std::path::Path::new("sessions/x.json")),
        Some(d.clone())
    );
    assert_eq!(storage::list_drafts(dir.path()), vec![d]);
}

#[test]
fn broken_encrypted_files_get_one_line_and_stay_byte_identical() {
    unlocked();
    let good = storage::to_json_bytes(&sample("enc-4")).unwrap();
    let sealed = crypt::seal(&good).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "cut.json",
            sealed[..sealed.len() - 7].to_vec(),
            "the encrypted file is damaged",
        ),
        (
            "corrupt.json",
            crypt::seal(b"{\n  \"schema_version\": 1,\n  oops\n}\n").unwrap(),
            "invalid JSON at line 3",
        ),
        (
            "other-key.json",
            crypt::codec::encrypt_to(&age::x25519::Identity::generate().to_public(), &good)
                .unwrap(),
            "encrypted to another key",
        ),
    ];
    for (name, bytes, expected) in cases {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join(name);
        fs::write(&path, &bytes).unwrap();
        let before = snapshot(dir.path());
        let msg = storage::load(&path).expect_err(name).to_string();
        assert!(
            msg.starts_with(&format!("cannot open {}: ", path.display())),
            "{msg}"
        );
        assert!(!msg.contains('\n'), "{msg}");
        assert!(msg.contains(expected), "{name}: {msg}");
        assert_eq!(storage::summarise(&path).summary, Err(msg));
        assert_eq!(snapshot(dir.path()), before, "{name} changed");
    }
}

#[test]
fn a_file_encrypted_to_another_key_is_never_replaced() {
    unlocked();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("theirs.json");
    let s = sample("enc-5");
    let theirs = crypt::codec::encrypt_to(
        &age::x25519::Identity::generate().to_public(),
        &storage::to_json_bytes(&s).unwrap(),
    )
    .unwrap();
    fs::write(&path, &theirs).unwrap();
    let err = storage::save(&DurableWriter, &path, &s).unwrap_err();
    assert!(err.to_string().contains("another key"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), theirs);
    assert!(!storage::prev_path(&path).exists());
}
