//! Storage: broken files get one clear line and stay byte-identical; saves
//! are durable, owner-only and keep the last good version; one writer per
//! session; drafts survive. All in temp dirs, never the real home.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, NaiveDate};
use cpconf::model::*;
use cpconf::storage::{self, DurableWriter, FileWriter, LockError};
use tempfile::TempDir;

fn t0() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-23T10:00:00+00:00").unwrap()
}

/// A small valid session about a fictional family.
fn sample(id: &str) -> Session {
    let mut s = Session::new(id.into(), t0());
    s.setup.family_reference = "FAM0042".into();
    s.setup.chair = "Pat Example".into();
    let child = s.add_child();
    s.children[0].name = "Robin Sample".into();
    let sw = s.add_attendee();
    s.attendees[0].name = "Alex Fictional".into();
    s.attendees[0].agency_kind = AgencyKind::ChildrensSocialCare;
    let id = s.new_item_id();
    s.map_items.push(MapItem {
        id,
        column: Column::WorkingWell,
        text: "Robin goes to nursery every day — «très bien» 👍".into(),
        said_by: Some(sw),
        children: vec![child],
        tag: Tag::Strength,
        restricted: true,
        from_last_conference: false,
    });
    s.refresh_derived();
    assert!(s.problems().is_empty(), "{:?}", s.problems());
    s
}

fn json(s: &Session) -> Vec<u8> {
    storage::to_json_bytes(s).unwrap()
}

/// Every file in `dir` (names, including hidden ones) with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = if e.file_type().unwrap().is_file() {
                fs::read(e.path()).unwrap()
            } else {
                b"<dir>".to_vec()
            };
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

// ---------------------------------------------------------------- loading

enum Content {
    Bytes(Vec<u8>),
    /// A sparse file of this many bytes: big on paper, cheap on disk.
    Sparse(u64),
}

fn broken_files() -> Vec<(&'static str, Content, Vec<&'static str>)> {
    use Content::*;
    let good = json(&sample("s-broken"));
    let truncated = good[..good.len() / 2].to_vec();
    let mut dangling: serde_json::Value = serde_json::from_slice(&good).unwrap();
    dangling["map_items"][0]["children"] = serde_json::json!(["child-99"]);
    let mut orphan: serde_json::Value = serde_json::from_slice(&good).unwrap();
    orphan["decisions"][0]["child"] = serde_json::json!("child-77");
    let corrupt = b"{\n  \"schema_version\": 1,\n  \"id\": \"x\"\n  \"status\": 1\n}\n".to_vec();
    vec![
        (
            "corrupt.json",
            Bytes(corrupt),
            vec!["invalid JSON at line 4, column 3", "expected `,` or `}`"],
        ),
        (
            "truncated.json",
            Bytes(truncated),
            vec!["ends too early at line", ", column", "cut off"],
        ),
        ("empty.json", Bytes(Vec::new()), vec!["the file is empty"]),
        (
            "blank.json",
            Bytes(b"  \n\t\n".to_vec()),
            vec!["the file is empty"],
        ),
        (
            "binary.json",
            Bytes(b"{\x00\x01\x02\xff}".to_vec()),
            vec!["not a text file"],
        ),
        (
            "latin1.json",
            Bytes(b"{\"schema_version\": 1, \"id\": \"Zo\xeb\"}".to_vec()),
            vec!["not a text file"],
        ),
        (
            "huge.json",
            Sparse(51_000_000),
            vec!["file is 51.0 MB, larger than the 50 MB limit"],
        ),
        (
            "wrong-type.json",
            Bytes(br#"{"schema_version":1,"id":5}"#.to_vec()),
            vec![
                "at line 1, column 26",
                "invalid type: integer `5`, expected a string",
            ],
        ),
        (
            "missing-field.json",
            Bytes(br#"{"schema_version":1,"id":"a"}"#.to_vec()),
            vec!["line 1, column", "missing field"],
        ),
        (
            "newer.json",
            Bytes(br#"{"schema_version": 99, "id": "from-the-future"}"#.to_vec()),
            vec!["written by a newer cpconf (schema version 99; this build reads up to 2)"],
        ),
        (
            "no-version.json",
            Bytes(br#"{"id": "x", "status": "in_progress"}"#.to_vec()),
            vec!["no \"schema_version\" field"],
        ),
        (
            "text-version.json",
            Bytes(br#"{"schema_version": "1"}"#.to_vec()),
            vec!["\"schema_version\" must be a whole number, not \"1\""],
        ),
        (
            "version-zero.json",
            Bytes(br#"{"schema_version": 0}"#.to_vec()),
            vec!["unknown schema version 0"],
        ),
        (
            "array.json",
            Bytes(b"[1, 2, 3]".to_vec()),
            vec!["expected a JSON object"],
        ),
        (
            "unknown-value.json",
            Bytes(br#"{"schema_version":1,"id":"a","status":"in\nprogress"}"#.to_vec()),
            vec!["line 1, column", "unknown variant `in\\nprogress`"],
        ),
        (
            "dangling.json",
            Bytes(serde_json::to_vec_pretty(&dangling).unwrap()),
            vec![
                "inconsistent",
                "map item item-3 names a child not in the file",
            ],
        ),
        (
            "orphan-decision.json",
            Bytes(serde_json::to_vec_pretty(&orphan).unwrap()),
            vec!["inconsistent", "decision for unknown child child-77"],
        ),
    ]
}

#[test]
fn broken_files_get_one_clear_line_and_stay_byte_identical() {
    for (name, content, expected) in broken_files() {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join(name);
        match content {
            Content::Bytes(b) => fs::write(&path, b).unwrap(),
            Content::Sparse(len) => fs::File::create(&path).unwrap().set_len(len).unwrap(),
        }
        let before = snapshot(dir.path());
        let err = storage::load(&path).expect_err(name);
        let msg = err.to_string();
        assert!(
            msg.starts_with(&format!("cannot open {}: ", path.display())),
            "{name}: {msg}"
        );
        assert!(!msg.contains('\n'), "{name}: not one line: {msg}");
        for e in expected {
            assert!(msg.contains(e), "{name}: expected {e:?} in {msg:?}");
        }
        // Summaries for the browser carry the same message and never fail.
        let entry = storage::summarise(&path);
        assert_eq!(entry.summary, Err(msg.clone()), "{name}");
        assert_eq!(snapshot(dir.path()), before, "{name}: files changed");
    }
}

#[test]
fn missing_files_and_directories_are_named() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nope.json");
    let msg = storage::load(&missing).unwrap_err().to_string();
    assert_eq!(
        msg,
        format!("cannot open {}: no such file", missing.display())
    );
    let sub = dir.path().join("folder.json");
    fs::create_dir(&sub).unwrap();
    let msg = storage::load(&sub).unwrap_err().to_string();
    assert!(msg.contains("is a directory"), "{msg}");
    // A named pipe would block a plain read forever; it is refused unread.
    #[cfg(unix)]
    {
        let fifo = dir.path().join("pipe.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let msg = storage::load(&fifo).unwrap_err().to_string();
            assert!(msg.contains("not a regular file"), "{msg}");
        }
    }
}

#[test]
fn every_fixture_schema_version_opens() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = 0;
    for entry in fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.starts_with("schema-v") && name.ends_with(".json")) {
            continue;
        }
        let loaded = storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
        // What we write from it reads back the same.
        let again = storage::parse(&path, &json(&loaded.session)).unwrap();
        assert_eq!(again.session, loaded.session, "{name}");
        seen += 1;
    }
    assert!(seen >= 1, "no fixtures in {}", fixtures.display());
}

#[test]
fn the_documented_example_opens() {
    let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/file-format.md"))
        .unwrap();
    let start = doc.find("```json\n").unwrap() + "```json\n".len();
    let len = doc[start..].find("```").unwrap();
    let example = &doc[start..start + len];
    let loaded = storage::parse(Path::new("docs/file-format.md"), example.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.session.next_id, 4);
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("bom.json");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(json(&sample("bom")));
    fs::write(&path, &bytes).unwrap();
    assert_eq!(storage::load(&path).unwrap().session, sample("bom"));
}

#[cfg(unix)]
#[test]
fn loose_permissions_are_a_warning_with_the_fix() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("loose.json");
    fs::write(&path, json(&sample("loose"))).unwrap();
    set_mode(&path, 0o644);
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    let w = &loaded.warnings[0];
    assert!(w.contains("readable by other users (mode 0644)"), "{w}");
    assert!(w.contains(&format!("chmod 600 {}", path.display())), "{w}");
    assert_eq!(mode(&path), 0o644, "load must not change the file");
    set_mode(&path, 0o600);
    assert!(storage::load(&path).unwrap().warnings.is_empty());
}

// ----------------------------------------------------------------- saving

#[test]
fn save_then_load_gives_the_same_session() {
    let dir = TempDir::new().unwrap();
    let s = sample("round-trip");
    let path = storage::save_new(&DurableWriter, dir.path(), &s).unwrap();
    assert_eq!(path.file_name().unwrap(), "2026-11-23-icpc-FAM0042.json");
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded.session, s);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.ends_with("}\n"));
    assert!(
        text.contains(&format!("\n  \"schema_version\": {SCHEMA_VERSION},\n")),
        "pretty JSON"
    );
    // RFC 3339; chrono writes a zero offset as "Z".
    assert!(
        text.contains("\"created_at\": \"2026-11-23T10:00:00Z\""),
        "{text}"
    );
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
    // Only the session: no temp files left behind.
    assert_eq!(snapshot(dir.path()).len(), 1);
}

#[test]
fn saving_keeps_one_previous_good_version() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s.json");
    let mut s = sample("prev");
    storage::save(&DurableWriter, &path, &s).unwrap();
    let first = fs::read(&path).unwrap();
    let prev = storage::prev_path(&path);
    assert!(!prev.exists(), "nothing to keep on the first save");

    s.bottom_lines = "Robin is never left alone.".into();
    storage::save(&DurableWriter, &path, &s).unwrap();
    let second = fs::read(&path).unwrap();
    assert_eq!(fs::read(&prev).unwrap(), first);

    s.contingency_plan = "A meeting is called.".into();
    storage::save(&DurableWriter, &path, &s).unwrap();
    assert_eq!(
        fs::read(&prev).unwrap(),
        second,
        "only one previous version"
    );
    assert_eq!(storage::load(&path).unwrap().session, s);
    #[cfg(unix)]
    assert_eq!(mode(&prev), 0o600);
    assert_eq!(
        snapshot(dir.path()).keys().cloned().collect::<Vec<_>>(),
        vec!["s.json".to_string(), "s.json.prev".to_string()]
    );
}

#[test]
fn a_damaged_file_does_not_push_the_good_copy_out_of_prev() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s.json");
    let mut s = sample("damaged");
    storage::save(&DurableWriter, &path, &s).unwrap();
    s.bottom_lines = "one".into();
    storage::save(&DurableWriter, &path, &s).unwrap();
    let good_prev = fs::read(storage::prev_path(&path)).unwrap();
    fs::write(&path, b"{ garbage").unwrap();
    s.bottom_lines = "two".into();
    storage::save(&DurableWriter, &path, &s).unwrap();
    assert_eq!(fs::read(storage::prev_path(&path)).unwrap(), good_prev);
    assert_eq!(storage::load(&path).unwrap().session, s);
}

#[test]
fn saving_never_replaces_another_sessions_file() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s.json");
    storage::save(&DurableWriter, &path, &sample("first")).unwrap();
    let before = snapshot(dir.path());
    let err = storage::save(&DurableWriter, &path, &sample("second")).unwrap_err();
    assert!(
        err.to_string()
            .contains("holds a different session (id first)"),
        "{err}"
    );
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn saving_never_replaces_a_file_from_a_newer_cpconf() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s.json");
    fs::write(&path, br#"{"schema_version": 99, "id": "future"}"#).unwrap();
    let before = snapshot(dir.path());
    let err = storage::save(&DurableWriter, &path, &sample("now")).unwrap_err();
    assert!(
        err.to_string().contains("newer cpconf (schema version 99)"),
        "{err}"
    );
    assert_eq!(snapshot(dir.path()), before);
}

/// Fails every write (or only writes to paths ending in `only`), counting
/// attempts, like a full disk.
struct FailingWriter {
    only: Option<&'static str>,
    attempts: AtomicUsize,
}

impl FailingWriter {
    fn new(only: Option<&'static str>) -> Self {
        FailingWriter {
            only,
            attempts: AtomicUsize::new(0),
        }
    }
}

impl FileWriter for FailingWriter {
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.attempts.fetch_add(1, Ordering::SeqCst);
        match self.only {
            Some(suffix) if !path.to_string_lossy().ends_with(suffix) => {
                DurableWriter.write_atomic(path, bytes)
            }
            _ => Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device",
            )),
        }
    }
}

#[test]
fn a_failed_write_leaves_the_last_good_file_intact() {
    for only in [None, Some(".json")] {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("s.json");
        let mut s = sample("full-disk");
        storage::save(&DurableWriter, &path, &s).unwrap();
        let before = snapshot(dir.path());
        s.bottom_lines = "typed during the meeting".into();
        let writer = FailingWriter::new(only);
        let err = storage::save(&writer, &path, &s).unwrap_err();
        assert!(err.to_string().contains("cannot save"), "{err}");
        assert!(err.to_string().contains("no space left"), "{err}");
        assert!(writer.attempts.load(Ordering::SeqCst) >= 1);
        // The main file is as it was; at most a `.prev` copy of it appeared.
        let after = snapshot(dir.path());
        assert_eq!(after["s.json"], before["s.json"], "only={only:?}");
        if let Some(prev) = after.get("s.json.prev") {
            assert_eq!(prev, &before["s.json"]);
        }
        assert!(after.len() <= 2);
        assert_ne!(storage::load(&path).unwrap().session, s);
    }
}

#[test]
fn a_real_write_failure_leaves_the_last_good_file_intact() {
    // `.prev` is a directory, so keeping the old version fails on any
    // machine, even as root; the save must stop before touching the file.
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s.json");
    let mut s = sample("real-failure");
    storage::save(&DurableWriter, &path, &s).unwrap();
    fs::create_dir(storage::prev_path(&path)).unwrap();
    let before = snapshot(dir.path());
    s.bottom_lines = "changed".into();
    let err = storage::save(&DurableWriter, &path, &s).unwrap_err();
    assert!(
        err.to_string()
            .contains("keeping the previous version failed"),
        "{err}"
    );
    assert_eq!(snapshot(dir.path()), before);
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_leaves_the_last_good_file_intact() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s.json");
    let mut s = sample("read-only");
    storage::save(&DurableWriter, &path, &s).unwrap();
    let before = snapshot(dir.path());
    set_mode(dir.path(), 0o500);
    // Root ignores directory permissions; nothing to prove there.
    let root = fs::write(dir.path().join("probe"), b"").is_ok();
    if !root {
        s.bottom_lines = "changed".into();
        assert!(storage::save(&DurableWriter, &path, &s).is_err());
        assert_eq!(snapshot(dir.path()), before);
    }
    set_mode(dir.path(), 0o700);
}

#[test]
fn unique_path_never_picks_another_sessions_file() {
    let dir = TempDir::new().unwrap();
    let s = sample("u1");
    let preferred = dir.path().join("2026-11-23-icpc-FAM0042.json");
    assert_eq!(storage::unique_path(dir.path(), &s, None), preferred);
    fs::write(&preferred, b"someone else's").unwrap();
    let second = storage::unique_path(dir.path(), &s, None);
    assert_eq!(second, dir.path().join("2026-11-23-icpc-FAM0042-2.json"));
    // The session's own file is not "taken".
    assert_eq!(
        storage::unique_path(dir.path(), &s, Some(&preferred)),
        preferred
    );
    fs::write(&second, b"another").unwrap();
    assert_eq!(
        storage::unique_path(dir.path(), &s, None),
        dir.path().join("2026-11-23-icpc-FAM0042-3.json")
    );
}

#[test]
fn two_new_sessions_of_the_same_family_and_day_get_two_files() {
    let dir = TempDir::new().unwrap();
    let a = storage::save_new(&DurableWriter, dir.path(), &sample("a")).unwrap();
    let a_bytes = fs::read(&a).unwrap();
    let b = storage::save_new(&DurableWriter, dir.path(), &sample("b")).unwrap();
    assert_ne!(a, b);
    assert_eq!(fs::read(&a).unwrap(), a_bytes);
    assert_eq!(storage::load(&b).unwrap().session.id, "b");
}

#[test]
fn exclusive_write_refuses_an_existing_file() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("x.json");
    storage::write_new_file_exclusive(&path, b"one").unwrap();
    let err = storage::write_new_file_exclusive(&path, b"two").unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
    assert_eq!(fs::read(&path).unwrap(), b"one");
    assert_eq!(snapshot(dir.path()).len(), 1, "temp file cleaned up");
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
}

#[cfg(unix)]
#[test]
fn directories_we_create_are_owner_only() {
    let dir = TempDir::new().unwrap();
    let nested = dir.path().join("a/b/sessions");
    storage::ensure_dir(&nested).unwrap();
    assert_eq!(mode(&nested), 0o700);
    storage::ensure_dir(&nested).unwrap();
    let file = dir.path().join("file");
    fs::write(&file, b"").unwrap();
    let err = storage::ensure_dir(&file).unwrap_err();
    assert!(err.to_string().contains("not a directory"), "{err}");
}

#[cfg(unix)]
#[test]
fn saving_over_a_loose_file_makes_it_owner_only() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s.json");
    let mut s = sample("tighten");
    fs::write(&path, json(&s)).unwrap();
    set_mode(&path, 0o644);
    s.bottom_lines = "x".into();
    storage::save(&DurableWriter, &path, &s).unwrap();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&storage::prev_path(&path)), 0o600);
}

// --------------------------------------------------------------- scanning

#[test]
fn scan_lists_sessions_newest_first_and_carries_on_past_bad_ones() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let mut older = sample("older");
    older.setup.date = NaiveDate::from_ymd_opt(2026, 5, 1);
    let newer = sample("newer");
    storage::save(&DurableWriter, &d.join("older.json"), &older).unwrap();
    storage::save(&DurableWriter, &d.join("newer.json"), &newer).unwrap();
    storage::save(&DurableWriter, &d.join("newer.json"), &newer).unwrap();
    fs::write(d.join("newer.json.prev"), json(&newer)).unwrap();
    fs::write(d.join("broken.json"), b"{").unwrap();
    fs::write(d.join(".newer.json.lock"), b"{}").unwrap();
    fs::write(d.join("x.draft.json"), b"{}").unwrap();
    fs::write(d.join("notes.txt"), b"hello").unwrap();
    fs::create_dir(d.join("sub.json")).unwrap();

    let files = storage::list_session_files(d).unwrap();
    let names: Vec<_> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["broken.json", "newer.json", "older.json"]);

    let entries = storage::scan(d);
    assert_eq!(entries.len(), 3);
    let first = entries[0].summary.as_ref().unwrap();
    assert_eq!(first.id, "newer");
    assert_eq!(first.children, ["Robin Sample"]);
    assert_eq!(first.kind, ConferenceKind::Initial);
    assert_eq!(first.family_reference, "FAM0042");
    assert_eq!(first.status, Status::InProgress);
    assert_eq!(entries[1].summary.as_ref().unwrap().id, "older");
    let broken = entries[2].summary.as_ref().unwrap_err();
    assert!(
        broken.contains("broken.json") && broken.contains("ends too early"),
        "{broken}"
    );
    assert!(entries[0].modified.is_some());
    assert!(storage::scan(&d.join("missing")).is_empty());
    assert!(storage::try_scan(&d.join("missing")).is_err());
}

// ----------------------------------------------------------------- locking

#[test]
fn a_second_editor_is_refused_with_pid_and_time() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s.json");
    let lock = storage::acquire(&path).unwrap();
    let lock_file = dir.path().join(".s.json.lock");
    assert_eq!(lock.lock_file(), lock_file);
    let info: storage::LockInfo = serde_json::from_slice(&fs::read(&lock_file).unwrap()).unwrap();
    assert_eq!(info.pid, std::process::id());
    #[cfg(unix)]
    assert_eq!(mode(&lock_file), 0o600);

    // A second handle, even in the same process, is another editor.
    match storage::acquire(&path) {
        Err(LockError::HeldElsewhere { pid, since, .. }) => {
            assert_eq!(pid, Some(std::process::id()));
            assert_eq!(since, Some(info.since));
        }
        other => panic!("expected HeldElsewhere, got {other:?}"),
    }
    let msg = storage::acquire(&path).unwrap_err().to_string();
    let expected = format!(
        "{} is open in another cpconf (process {}, since {})",
        path.display(),
        std::process::id(),
        info.since.format("%H:%M")
    );
    assert!(msg.starts_with(&expected), "{msg}");
    assert!(msg.ends_with(&format!(
        "open it read-only with: cpconf view {}",
        path.display()
    )));

    drop(lock);
    assert!(!lock_file.exists(), "lock file removed on drop");
    let again = storage::acquire(&path).unwrap();
    drop(again);
}

#[test]
fn a_stale_lock_file_is_taken_over() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s.json");
    let lock_file = storage::lock_path(&path);
    fs::write(
        &lock_file,
        br#"{"pid": 999999, "hostname": "old-laptop", "since": "2026-11-20T09:00:00+00:00"}"#,
    )
    .unwrap();
    let lock = storage::acquire(&path).unwrap();
    assert_eq!(lock.info().pid, std::process::id());
    let info: storage::LockInfo = serde_json::from_slice(&fs::read(&lock_file).unwrap()).unwrap();
    assert_eq!(info.pid, std::process::id());
}

#[cfg(unix)]
#[test]
fn a_lock_held_by_another_process_is_released_when_it_dies() {
    use std::process::Command;
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("s.json");
    let lock_file = storage::lock_path(&path);
    // flock(1) holds the OS lock in a child process. -F: no fork, so the
    // process killed below is the only one holding it (with -o, a child
    // forked to run `sleep` could still hold the descriptor for a moment
    // after flock was killed, and the lock with it).
    let Ok(mut child) = Command::new("flock")
        .arg("-F")
        .arg(&lock_file)
        .args(["sleep", "20"])
        .spawn()
    else {
        eprintln!("flock(1) not available; skipping");
        return;
    };
    // Wait until the child holds the OS lock (probing with a plain handle:
    // a probe through `acquire` would delete the file the child opened).
    let mut refused = false;
    for _ in 0..100 {
        if let Ok(probe) = fs::File::open(&lock_file) {
            if fs4::FileExt::try_lock(&probe).is_err() {
                refused = true;
                break;
            }
            let _ = fs4::FileExt::unlock(&probe);
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    if refused {
        match storage::acquire(&path) {
            Err(LockError::HeldElsewhere { pid: None, .. }) => {}
            other => panic!("expected HeldElsewhere without a pid, got {other:?}"),
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(refused, "the other process's lock was never seen");
    let lock = storage::acquire(&path).unwrap();
    assert_eq!(lock.info().pid, std::process::id());
}

// ----------------------------------------------------------------- drafts

fn draft_file() -> PathBuf {
    PathBuf::from("sessions/2026-11-23-icpc-FAM0042.json")
}

fn draft(session_id: &str, text: &str) -> storage::Draft {
    storage::Draft {
        session_id: session_id.into(),
        session_file: draft_file(),
        field: "Map › What's working well › item-12 text".into(),
        target: serde_json::json!({"map_item": "item-12", "field": "text"}),
        text: text.into(),
        saved_at: t0(),
    }
}

#[test]
fn drafts_round_trip_and_clear() {
    let dir = TempDir::new().unwrap();
    let state = dir.path().join("state/cpconf");
    assert_eq!(storage::load_draft(&state, "s1", &draft_file()), None);
    let d = draft("s1", "Robin said the cat is called Biscuit — half-typed");
    storage::save_draft(&DurableWriter, &state, &d).unwrap();
    assert_eq!(
        storage::load_draft(&state, "s1", &draft_file()),
        Some(d.clone())
    );
    assert_eq!(storage::load_draft(&state, "s2", &draft_file()), None);
    assert_eq!(storage::list_drafts(&state), vec![d]);
    #[cfg(unix)]
    {
        assert_eq!(mode(&state), 0o700);
        assert_eq!(
            mode(&storage::draft_path(&state, "s1", &draft_file())),
            0o600
        );
    }
    storage::clear_draft(&state, "s1", &draft_file()).unwrap();
    assert_eq!(storage::load_draft(&state, "s1", &draft_file()), None);
    storage::clear_draft(&state, "s1", &draft_file()).unwrap();
}

#[test]
fn a_corrupt_draft_is_none_and_left_alone() {
    let dir = TempDir::new().unwrap();
    let path = storage::draft_path(dir.path(), "s1", &draft_file());
    fs::write(&path, b"{\"session_id\": \"s1\", \"te").unwrap();
    let before = snapshot(dir.path());
    assert_eq!(storage::load_draft(dir.path(), "s1", &draft_file()), None);
    assert!(storage::list_drafts(dir.path()).is_empty());
    assert_eq!(snapshot(dir.path()), before);
}
