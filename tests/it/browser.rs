//! The session list: filled in by a background read, filtered, and the
//! series view of one family.

use std::time::{Duration, Instant};

use cpconf::browser::{Browser, Request};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(b: &mut Browser, c: char) -> Option<Request> {
    b.update(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn folder_with_examples() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for s in [
        cpconf::example::example_icpc(),
        cpconf::example::example_review(),
    ] {
        cpconf::storage::save_new(&cpconf::storage::DurableWriter, dir.path(), &s).unwrap();
    }
    std::fs::write(dir.path().join("broken.json"), b"{ not json").unwrap();
    dir
}

/// Waits (as a guard, not a timing assertion) for the background read.
fn read_all(b: &mut Browser) {
    let give_up = Instant::now() + Duration::from_secs(20);
    while b.pending > 0 && Instant::now() < give_up {
        b.absorb();
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(b.pending, 0, "the folder was never read");
}

#[test]
fn lists_newest_first_and_carries_on_past_a_broken_file() {
    let dir = folder_with_examples();
    let mut b = Browser::open(dir.path()).unwrap();
    read_all(&mut b);
    assert_eq!(b.entries.len(), 3);
    let dates: Vec<String> = b
        .entries
        .iter()
        .filter_map(|e| e.summary.as_ref().ok())
        .map(|s| s.date.unwrap().to_string())
        .collect();
    assert_eq!(dates, vec!["2027-02-09", "2026-11-09"]);
    assert!(
        b.entries
            .iter()
            .any(|e| e.summary.as_ref().is_err_and(|m| m.contains("broken.json")))
    );
}

#[test]
fn typing_filters_the_list_and_enter_and_ctrl_r_ask_to_open() {
    let dir = folder_with_examples();
    let mut b = Browser::open(dir.path()).unwrap();
    read_all(&mut b);
    // Nothing here types into a session, so typing filters, letters that
    // were commands (q, n, v, s) included.
    for c in "rcpcq".chars() {
        assert!(key(&mut b, c).is_none(), "{c:?} asked for something");
    }
    assert_eq!(b.visible().len(), 0, "no reference holds 'rcpcq'");
    b.update(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    assert_eq!(b.visible().len(), 1);
    match b.update(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)) {
        Some(Request::View(path)) => assert!(path.to_string_lossy().contains("rcpc")),
        other => panic!("expected a read-only view request, got {other:?}"),
    }
    match b.update(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)) {
        Some(Request::Open(_)) => {}
        other => panic!("expected an open request, got {other:?}"),
    }
}

#[test]
fn ctrl_t_shows_the_family_over_time() {
    let dir = folder_with_examples();
    let mut b = Browser::open(dir.path()).unwrap();
    read_all(&mut b);
    assert!(
        b.update(KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL))
            .is_none()
    );
    let (family, children) = b.series.clone().expect("series view open");
    assert_eq!(family, "FAM2041");
    assert_eq!(children.len(), 2);
    assert!(children.iter().all(|c| c.points.len() == 2));
    // Any key closes it.
    key(&mut b, 'x');
    assert!(b.series.is_none());
}
