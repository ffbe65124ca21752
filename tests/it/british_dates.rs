//! British dates and times typed into the real app: stored as ISO in the
//! session, read back on screen as "Thu 17 Dec 2026".

use crate::support::*;
use chrono::{NaiveDate, NaiveTime};

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn a_british_date_is_stored_as_iso_and_read_back_with_its_weekday() {
    let mut app = new_app();
    commands(&mut app, "j");
    set_field(&mut app, "17 December 2026");
    assert_eq!(app.session().setup.date, date(2026, 12, 17));
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Thu 17 Dec 2026"), "{shown}");

    // The file keeps ISO dates: the format is unchanged.
    let json = serde_json::to_string(&app.session()).unwrap();
    assert!(json.contains("\"date\":\"2026-12-17\""), "{json}");
}

#[test]
fn a_time_typed_as_2_30pm_is_stored_as_14_30() {
    let mut app = new_app();
    commands(&mut app, "jj");
    set_field(&mut app, "2:30pm");
    assert_eq!(
        app.session().setup.start_time,
        NaiveTime::from_hms_opt(14, 30, 0)
    );
    assert!(screen(&app, 120, 40).contains("14:30"));
}

#[test]
fn a_birthday_without_a_year_is_the_last_one_before_the_conference() {
    let mut app = new_app();
    commands(&mut app, "j");
    set_field(&mut app, "23/11/2026");
    // A child: name, then the date of birth typed as day and month only.
    commands(&mut app, "<Tab>a");
    type_text(&mut app, "Amira Testwood");
    commands(&mut app, "<Enter><Enter>");
    type_text(&mut app, "17/12");
    commands(&mut app, "<Enter><Esc>");
    assert_eq!(app.session().children[0].date_of_birth, date(2025, 12, 17));
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("born Wed 17 Dec 2025"), "{shown}");
}

#[test]
fn an_impossible_date_is_refused_with_the_reason_and_nothing_is_stored() {
    let mut app = new_app();
    commands(&mut app, "j");
    set_field(&mut app, "23/11/2026");
    let before = app.session().clone();
    press(&mut app, ratatui::crossterm::event::KeyCode::Enter);
    ctrl(&mut app, 'a');
    ctrl(&mut app, 'k');
    type_text(&mut app, "31/02/2027");
    press(&mut app, ratatui::crossterm::event::KeyCode::Esc);
    assert!(app.editing(), "the editor stays open with the text");
    assert_eq!(app.session(), &before);
    let message = app.message().map(|m| m.text.clone()).unwrap_or_default();
    assert!(
        message.contains("31/02/2027: February has 28 days in 2027"),
        "{message}"
    );
    assert!(screen(&app, 120, 40).contains("February has 28 days in 2027"));
}

#[test]
fn today_and_tomorrow_are_the_computers_date() {
    let mut app = new_app();
    focus_field(&mut app, "Strategy discussion");
    let before = chrono::Local::now().date_naive();
    set_field(&mut app, "today");
    let after = chrono::Local::now().date_naive();
    let stored = app.session().setup.strategy_discussion_date;
    assert!(
        stored == Some(before) || stored == Some(after),
        "{stored:?}"
    );
}
