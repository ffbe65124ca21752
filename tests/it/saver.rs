//! The background saver with an injected failing writer: a failed save is
//! reported, the last good file is untouched, and the next try succeeds.

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::DateTime;
use cpconf::model::Session;
use cpconf::runtime::saver::{Job, Saver};
use cpconf::storage::{DurableWriter, FileWriter};

/// Writes like the real thing until told the disk is full.
struct FlakyDisk {
    full: AtomicBool,
}

impl FileWriter for FlakyDisk {
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        if self.full.load(Ordering::SeqCst) {
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "No space left on device",
            ));
        }
        DurableWriter.write_atomic(path, bytes)
    }
}

fn session(reference: &str) -> Arc<Session> {
    let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+00:00").unwrap();
    let mut s = Session::new("saver-test".into(), now);
    s.setup.family_reference = reference.into();
    Arc::new(s)
}

#[test]
fn a_failed_save_is_reported_and_never_replaces_the_last_good_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let disk = Arc::new(FlakyDisk {
        full: AtomicBool::new(false),
    });
    let saver = Saver::start(disk.clone(), dir.path().join("state"));

    let save = |reference: &str, revision: u64| {
        saver.send(Job::Save {
            session: session(reference),
            revision,
            path: path.clone(),
            remove_old: None,
        });
        saver.flush();
        saver.outcomes.try_iter().last().expect("an outcome")
    };

    assert!(save("FIRST", 1).result.is_ok());
    let good = std::fs::read(&path).unwrap();

    disk.full.store(true, Ordering::SeqCst);
    let failed = save("SECOND", 2);
    let message = failed.result.expect_err("the full disk must be reported");
    assert!(message.contains("No space left"), "{message}");
    assert_eq!(failed.revision, 2);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        good,
        "the last good file is untouched"
    );

    disk.full.store(false, Ordering::SeqCst);
    assert!(save("THIRD", 3).result.is_ok());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("THIRD"));
}

#[test]
fn only_the_newest_of_queued_saves_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let saver = Saver::start(Arc::new(DurableWriter), dir.path().join("state"));
    for (i, reference) in ["A1", "A2", "A3"].iter().enumerate() {
        saver.send(Job::Save {
            session: session(reference),
            revision: i as u64 + 1,
            path: path.clone(),
            remove_old: None,
        });
    }
    saver.flush();
    let outcomes: Vec<u64> = saver.outcomes.try_iter().map(|o| o.revision).collect();
    assert_eq!(outcomes.last(), Some(&3));
    assert!(std::fs::read_to_string(&path).unwrap().contains("A3"));
}
