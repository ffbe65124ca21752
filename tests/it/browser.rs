//! The session list, driven in-process: keys and the loop's reports go in
//! through `Browser::update`, what the loop must do comes out as effects.
//! The background scan has one test of its own.

use std::path::Path;
use std::time::{Duration, Instant};

use cpconf::browser::{Browser, Effect, Msg, PaperworkCheck, Scan};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(b: &mut Browser, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
    b.update(Msg::Key(KeyEvent::new(code, mods)))
}

fn letter(b: &mut Browser, c: char) -> Vec<Effect> {
    key(b, KeyCode::Char(c), KeyModifiers::NONE)
}

fn ctrl(b: &mut Browser, c: char) -> Vec<Effect> {
    key(b, KeyCode::Char(c), KeyModifiers::CONTROL)
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

/// The list with every file read here, in order, as the scan would report.
fn listed(dir: &Path) -> Browser {
    let files = cpconf::storage::list_session_files(dir).unwrap();
    let mut b = Browser::new(dir, files.len(), no_overdue_check());
    let entries = files
        .iter()
        .map(|f| cpconf::storage::summarise(f))
        .collect();
    assert!(b.update(Msg::Scanned(entries)).is_empty());
    b
}

fn screen(b: &Browser) -> String {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 24)).unwrap();
    term.draw(|f| cpconf::browser::draw(f, b)).unwrap();
    let buf = term.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn lists_newest_first_and_carries_on_past_a_broken_file() {
    let dir = folder_with_examples();
    let b = listed(dir.path());
    assert_eq!(b.pending(), 0);
    assert_eq!(b.entries().len(), 3);
    let dates: Vec<String> = b
        .entries()
        .iter()
        .filter_map(|e| e.summary.as_ref().ok())
        .map(|s| s.date.unwrap().to_string())
        .collect();
    assert_eq!(dates, vec!["2027-02-09", "2026-11-09"]);
    assert!(
        b.entries()
            .iter()
            .any(|e| e.summary.as_ref().is_err_and(|m| m.contains("broken.json")))
    );
}

#[test]
fn sessions_arriving_later_keep_the_chosen_one_chosen() {
    let dir = folder_with_examples();
    let files = cpconf::storage::list_session_files(dir.path()).unwrap();
    let mut entries: Vec<_> = files
        .iter()
        .map(|f| cpconf::storage::summarise(f))
        .collect();
    let older = entries
        .iter()
        .position(|e| e.path.to_string_lossy().contains("icpc"))
        .unwrap();
    let first = entries.remove(older);
    let mut b = Browser::new(dir.path(), files.len(), no_overdue_check());
    b.update(Msg::Scanned(vec![first.clone()]));
    assert_eq!(b.pending(), 2);
    assert!(screen(&b).contains("1 sessions, reading 2 more"));
    // The newer review arrives and sorts above: the chosen one stays chosen.
    b.update(Msg::Scanned(entries));
    assert_eq!(b.pending(), 0);
    assert_eq!(b.visible()[b.selected()].path, first.path);
    assert_ne!(b.selected(), 0, "the newer session sorted above it");
}

#[test]
fn typing_filters_the_list_and_enter_and_ctrl_r_ask_to_open() {
    let dir = folder_with_examples();
    let mut b = listed(dir.path());
    // Nothing here types into a session, so typing filters, letters that
    // were commands (q, n, v, s) included.
    for c in "rcpcq".chars() {
        assert_eq!(letter(&mut b, c), vec![], "{c:?} asked for something");
    }
    assert_eq!(b.filter(), "rcpcq");
    assert_eq!(b.visible().len(), 0, "no reference holds 'rcpcq'");
    key(&mut b, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(b.visible().len(), 1);
    match ctrl(&mut b, 'r').as_slice() {
        [Effect::View(path)] => assert!(path.to_string_lossy().contains("rcpc")),
        other => panic!("expected a read-only view, got {other:?}"),
    }
    match key(&mut b, KeyCode::Enter, KeyModifiers::NONE).as_slice() {
        [Effect::Open(path)] => assert!(path.to_string_lossy().contains("rcpc")),
        other => panic!("expected an open, got {other:?}"),
    }
    assert_eq!(ctrl(&mut b, 'n'), vec![Effect::New]);
    assert_eq!(ctrl(&mut b, 'q'), vec![Effect::Quit]);
}

#[test]
fn an_unreadable_file_or_an_empty_choice_opens_nothing_and_says_why() {
    let dir = folder_with_examples();
    let mut b = listed(dir.path());
    for c in "broken".chars() {
        letter(&mut b, c);
    }
    assert_eq!(b.visible().len(), 1);
    assert_eq!(key(&mut b, KeyCode::Enter, KeyModifiers::NONE), vec![]);
    assert_eq!(
        b.message(),
        Some("this file cannot be read: see the message beside it")
    );
    letter(&mut b, 'x');
    assert_eq!(b.message(), None, "a key clears the message");
    assert_eq!(b.visible().len(), 0);
    assert_eq!(ctrl(&mut b, 'r'), vec![]);
    assert_eq!(
        b.message(),
        Some("no session chosen: Ctrl+N starts a new one")
    );
}

#[test]
fn a_session_that_would_not_open_is_shown_on_the_list_until_a_key() {
    let dir = folder_with_examples();
    let mut b = listed(dir.path());
    let why = "cannot open x.json: held by the chair's other window";
    assert!(b.update(Msg::Failed(why.into())).is_empty());
    assert_eq!(b.message(), Some(why));
    assert!(screen(&b).contains(why));
    key(&mut b, KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(b.message(), None);
}

#[test]
fn ctrl_t_asks_for_the_familys_sessions_and_shows_them_over_time() {
    let dir = folder_with_examples();
    let mut b = listed(dir.path());
    let files = match ctrl(&mut b, 't').as_slice() {
        [Effect::ReadSeries { family, files }] => {
            assert_eq!(family, "FAM2041");
            files.clone()
        }
        other => panic!("expected a request for the series, got {other:?}"),
    };
    assert_eq!(files.len(), 2, "both readable sessions of the family");
    assert!(
        b.series().is_none(),
        "nothing shows until the sessions are read"
    );
    let sessions = files
        .iter()
        .map(|f| cpconf::storage::load(f).unwrap().session)
        .collect();
    let asked = b.update(Msg::SeriesRead {
        family: "FAM2041".into(),
        sessions,
    });
    assert!(asked.is_empty());
    let (family, children) = b.series().expect("series view open");
    assert_eq!(family, "FAM2041");
    assert_eq!(children.len(), 2);
    assert!(children.iter().all(|c| c.points.len() == 2));
    assert!(screen(&b).contains("FAM2041: scaling and outcomes over time"));
    // Any key closes it, and does nothing else.
    assert_eq!(letter(&mut b, 'x'), vec![]);
    assert!(b.series().is_none());
    assert_eq!(b.filter(), "");
}

#[test]
fn ctrl_t_on_an_unreadable_file_asks_for_nothing() {
    let dir = folder_with_examples();
    let mut b = listed(dir.path());
    for c in "broken".chars() {
        letter(&mut b, c);
    }
    assert_eq!(ctrl(&mut b, 't'), vec![]);
    assert_eq!(b.message(), Some("choose a readable session first"));
}

#[test]
fn the_background_scan_reads_every_file_in_the_folder() {
    let dir = folder_with_examples();
    let (scan, files) = Scan::start(dir.path()).unwrap();
    assert_eq!(files, 3);
    let mut b = Browser::new(dir.path(), files, no_overdue_check());
    // A guard against a scan that never finishes, not a timing assertion.
    let give_up = Instant::now() + Duration::from_secs(20);
    while b.pending() > 0 && Instant::now() < give_up {
        b.update(Msg::Scanned(scan.take()));
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(b.pending(), 0, "the folder was never read");
    assert_eq!(b.entries().len(), 3);
}

/// The default local rules, today: what the list is given when it opens.
fn no_overdue_check() -> PaperworkCheck {
    PaperworkCheck::new(
        &cpconf::config::Config::default(),
        chrono::Local::now().date_naive(),
    )
}
