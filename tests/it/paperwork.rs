//! The distribution list after sign-off: what is due, to whom and by when
//! (the letters by the next working day, the record by 15 working days, a
//! local rule), marking each sent from the record screen with F2 (asked
//! first, audited), overdue items flagged on the record screen, in the
//! session list and by `cpconf dates --session`.

use std::process::Command;

use chrono::{DateTime, NaiveDate};
use cpconf::app::state::{Access, App, Overlay};
use cpconf::browser::{Browser, PaperworkCheck};
use cpconf::config::Config;
use cpconf::model::{Paperwork, Session, Stage};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::support::*;

/// The example conference moved to Thursday 17 December 2026, finalised.
fn december() -> Session {
    let mut s = cpconf::example::example_icpc();
    s.setup.date = NaiveDate::from_ymd_opt(2026, 12, 17);
    s.setup.strategy_discussion_date = NaiveDate::from_ymd_opt(2026, 12, 1);
    let at = DateTime::parse_from_rfc3339("2026-12-17T12:30:00+00:00").unwrap();
    s.status = cpconf::model::Status::InProgress;
    s.finalise(at, s.setup.chair.clone());
    s
}

fn on(day: &str) -> cpconf::model::Timestamp {
    DateTime::parse_from_rfc3339(&format!("{day}T09:00:00+00:00")).unwrap()
}

fn record_screen(s: Session, day: &str) -> App {
    let mut app = App::new(s, Access::Edit, on(day));
    app.update(cpconf::app::update::Msg::GoToStage(Stage::Record));
    app
}

#[test]
fn a_conference_on_17_december_has_letters_due_the_18th_and_the_record_12_january() {
    let s = december();
    let rules = Config::default();
    let list = rules.distribution_list(&s, NaiveDate::from_ymd_opt(2026, 12, 17).unwrap());
    // A line for each decision letter: each parent, the professionals, the
    // child the chair writes to; then the record and the comments.
    let who: Vec<&str> = list.iter().map(|d| d.who.as_str()).collect();
    assert_eq!(
        who[..4],
        [
            "to Leanne Marchbank",
            "to Dean Fairlie",
            "to the professionals invited",
            "to Kacey Marchbank"
        ]
    );
    for letter in &list[..4] {
        assert_eq!(letter.paperwork, Some(Paperwork::Letters));
        assert_eq!(letter.due, NaiveDate::from_ymd_opt(2026, 12, 18));
    }
    assert_eq!(list[4].paperwork, Some(Paperwork::Record));
    assert_eq!(list[4].due, NaiveDate::from_ymd_opt(2027, 1, 12));
    assert_eq!(list[5].due, None, "comments: once the record is sent");
    // Wales: the record within 20 working days.
    let wales = cpconf::config::parse("[timescales]\nrecord_working_days = 20\n").unwrap();
    let list = wales.distribution_list(&s, NaiveDate::from_ymd_opt(2026, 12, 17).unwrap());
    assert_eq!(list[4].due, NaiveDate::from_ymd_opt(2027, 1, 19));
}

#[test]
fn f2_marks_each_letter_then_the_record_sent_asking_first() {
    let mut app = record_screen(december(), "2026-12-18");
    let shown = screen(&app, 160, 30);
    assert!(shown.contains("Paperwork due"), "{shown}");
    assert!(
        shown.contains(
            "Decision letters: due Fri 18 Dec 2026 · not sent yet: Leanne Marchbank, Dean Fairlie, the professionals invited, Kacey Marchbank"
        ),
        "{shown}"
    );
    keys(&mut app, "<F2>");
    let Some(Overlay::Confirm(c)) = app.overlays().last() else {
        panic!("F2 asks first");
    };
    assert!(
        c.question.starts_with(
            "Mark the decision letter to Leanne Marchbank as sent today by Ruth Calloway?"
        ),
        "{}",
        c.question
    );
    keys(&mut app, "<Esc>");
    assert!(app.session().distribution.is_empty(), "no means no");
    keys(&mut app, "<F2><Enter>");
    let s = app.session();
    let mark = s.letter_sent("att-1").or_else(|| {
        let leanne = &s.letter_recipients()[0];
        s.letter_sent(&leanne.key)
    });
    let mark = mark.expect("Leanne's letter marked").clone();
    assert_eq!(mark.by, "Ruth Calloway");
    assert_eq!(mark.at, on("2026-12-18"));
    assert!(s.sent(Paperwork::Letters).is_none(), "one letter of four");
    let dean = &s.letter_recipients()[1];
    assert!(
        s.letter_sent(&dean.key).is_none(),
        "only the one asked about"
    );
    assert!(s.audit.iter().any(|a| {
        a.what
            .contains("marked the decision letter to Leanne Marchbank as sent")
    }));
    let shown = screen(&app, 220, 30);
    assert!(
        shown.contains(
            "not sent yet: Dean Fairlie, the professionals invited, Kacey Marchbank · ✓ sent: Leanne Marchbank (18 Dec 09:00)"
        ),
        "{shown}"
    );
    // The next F2 asks about the next letter, naming it.
    keys(&mut app, "<F2>");
    let Some(Overlay::Confirm(c)) = app.overlays().last() else {
        panic!("F2 asks first");
    };
    assert!(
        c.question.contains("decision letter to Dean Fairlie"),
        "{}",
        c.question
    );
    keys(&mut app, "<Enter><F2><Enter><F2><Enter>");
    assert!(app.session().sent(Paperwork::Letters).is_some(), "all four");
    let shown = screen(&app, 160, 30);
    assert!(
        shown.contains("Decision letters: due Fri 18 Dec 2026 · ✓ all 4 sent, the last 18 Dec 09:00 by Ruth Calloway"),
        "{shown}"
    );
    assert!(app.session().sent(Paperwork::Record).is_none());
    keys(&mut app, "<F2><Enter>");
    assert!(app.session().sent(Paperwork::Record).is_some());
    // Comments on accuracy: 10 working days after the record was sent.
    let shown = screen(&app, 160, 30);
    assert!(
        shown.contains("Comments on accuracy: due Wed 6 Jan 2027 · from everyone"),
        "{shown}"
    );
    keys(&mut app, "<F2>");
    assert!(app.overlays().is_empty(), "nothing left to mark");
    // Marks sit outside the fingerprint: the record still matches.
    assert_eq!(app.session().integrity(), cpconf::model::Integrity::Intact);
}

#[test]
fn nothing_is_marked_before_sign_off_or_from_a_read_only_window() {
    let mut s = december();
    s.status = cpconf::model::Status::InProgress;
    s.finalised = None;
    let mut app = record_screen(s, "2026-12-18");
    keys(&mut app, "<F2>");
    assert!(app.overlays().is_empty());
    assert!(!screen(&app, 120, 30).contains("Paperwork due"));

    let mut app = App::new(
        december(),
        Access::ReadOnly("test".into()),
        on("2026-12-18"),
    );
    app.update(cpconf::app::update::Msg::GoToStage(Stage::Record));
    keys(&mut app, "<F2>");
    assert!(app.overlays().is_empty());
    assert!(app.session().distribution.is_empty());
    // The list is shown, but a read-only window is not offered the key.
    let text = screen(&app, 120, 30);
    assert!(text.contains("Paperwork due"), "{text}");
    assert!(!text.contains("F2"), "{text}");
}

#[test]
fn overdue_paperwork_is_flagged_in_words() {
    let app = record_screen(december(), "2026-12-21");
    let shown = screen(&app, 120, 30);
    assert!(shown.contains("! OVERDUE, not sent"), "{shown}");

    // In the session list too.
    let dir = tempfile::tempdir().unwrap();
    cpconf::storage::save_new(&cpconf::storage::DurableWriter, dir.path(), &december()).unwrap();
    let listed_on = |day: u32| {
        let files = cpconf::storage::list_session_files(dir.path()).unwrap();
        let check = PaperworkCheck::new(
            &Config::default(),
            NaiveDate::from_ymd_opt(2026, 12, day).unwrap(),
        );
        let mut b = Browser::new(dir.path(), files.len(), check);
        let entries = files
            .iter()
            .map(|f| cpconf::storage::summarise(f))
            .collect();
        b.update(cpconf::browser::Msg::Scanned(entries));
        b
    };
    let draw = |b: &Browser| {
        let mut term = Terminal::new(TestBackend::new(120, 20)).unwrap();
        term.draw(|f| cpconf::browser::draw(f, b)).unwrap();
        format!("{:?}", term.backend().buffer())
    };
    let shown = draw(&listed_on(18));
    assert!(
        shown.contains("FAM2041") && !shown.contains("! overdue"),
        "{shown}"
    );
    let b = listed_on(21);
    let shown = draw(&b);
    assert!(shown.contains("! overdue"), "{shown}");
}

#[test]
fn the_letters_stay_overdue_while_any_one_is_unsent() {
    let rules = Config::default();
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    let overdue_with = |s: &Session| {
        let dir = tempfile::tempdir().unwrap();
        cpconf::storage::save_new(&cpconf::storage::DurableWriter, dir.path(), s).unwrap();
        let files = cpconf::storage::list_session_files(dir.path()).unwrap();
        let summary = cpconf::storage::summarise(&files[0]).summary.unwrap();
        PaperworkCheck::new(&rules, day(21)).overdue(&summary)
    };
    let mut s = december();
    s.mark_sent(Paperwork::Record, "Ruth Calloway".into(), on("2026-12-18"))
        .unwrap();
    let keys: Vec<String> = s.letter_recipients().into_iter().map(|r| r.key).collect();
    for key in &keys[..keys.len() - 1] {
        s.mark_letter_sent(key, "Ruth Calloway".into(), on("2026-12-18"))
            .unwrap();
    }
    assert!(rules.paperwork_overdue(&s, day(21)));
    assert!(
        overdue_with(&s),
        "the session list: one letter still unsent"
    );
    let list = rules.distribution_list(&s, day(21));
    let late: Vec<&str> = list
        .iter()
        .filter(|d| d.overdue)
        .map(|d| d.who.as_str())
        .collect();
    assert_eq!(late, ["to Kacey Marchbank"]);
    let last = keys.last().unwrap();
    s.mark_letter_sent(last, "Ruth Calloway".into(), on("2026-12-21"))
        .unwrap();
    assert!(!overdue_with(&s));
    let twice = s.mark_letter_sent(last, "Ruth Calloway".into(), on("2026-12-21"));
    assert!(
        twice
            .unwrap_err()
            .contains("decision letter to Kacey Marchbank was already marked sent"),
    );
    assert!(
        s.mark_letter_sent("att-999", "x".into(), on("2026-12-21"))
            .is_err()
    );
}

#[test]
fn cpconf_dates_shows_the_due_dates_and_the_distribution_list() {
    let out = Command::new(crate::pty::binary())
        .args(["dates", "--conference", "2026-12-17"])
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("letters_due: 2026-12-18\n"), "{text}");
    assert!(text.contains("record_due: 2027-01-12\n"), "{text}");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.json");
    let mut s = december();
    // One mark for all the letters, as files written before letters were
    // marked one by one have: every letter reads as sent.
    s.mark_sent(Paperwork::Letters, "Ruth Calloway".into(), on("2026-12-18"))
        .unwrap();
    cpconf::storage::save(&cpconf::storage::DurableWriter, &file, &s).unwrap();
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("\"what\": \"letters\",\n      \"by\""),
        "the old shape: no \"to\" {saved}"
    );
    let out = Command::new(crate::pty::binary())
        .args(["dates", "--session", &file.display().to_string()])
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for to in [
        "Leanne Marchbank",
        "Dean Fairlie",
        "the professionals invited",
        "Kacey Marchbank",
    ] {
        assert!(
            text.contains(&format!(
                "Decision letter: due 2026-12-18, to {to}; sent 2026-12-18 09:00 by Ruth Calloway"
            )),
            "{text}"
        );
    }
    assert!(
        text.contains("Record and family copies: due 2027-01-12"),
        "{text}"
    );

    // A session not yet finalised: a clear one-line refusal.
    let draft = dir.path().join("draft.json");
    cpconf::storage::save(
        &cpconf::storage::DurableWriter,
        &draft,
        &cpconf::example::example_review(),
    )
    .unwrap();
    let out = Command::new(crate::pty::binary())
        .args(["dates", "--session", &draft.display().to_string()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("is not finalised"), "{err}");
}
