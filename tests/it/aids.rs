//! The chair's aids: time against the plan, the break reminder, and the
//! reason recorded when an inquorate conference goes ahead.

use crate::support;

use cpconf::app::field::Field;
use cpconf::app::update::Msg;
use cpconf::model::*;
use support::*;

#[test]
fn a_stage_over_its_planned_time_says_so_gently() {
    let mut app = new_app();
    app.update(Msg::GoToStage(Stage::DangerStatements));
    tick(&mut app, "09:44:00");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("14 of 15 min"), "{shown}");
    assert!(!shown.contains("over plan"));
    tick(&mut app, "09:50:00");
    assert_eq!(app.overrun_minutes(Stage::DangerStatements), Some(5));
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("5 min over plan"), "{shown}");
    assert!(
        shown.contains("3 Dangers     20m!"),
        "sidebar marks it: {shown}"
    );
}

#[test]
fn a_break_is_suggested_after_ninety_minutes_of_meeting() {
    let mut app = new_app();
    app.update(Msg::GoToStage(Stage::Map));
    tick(&mut app, "10:59:00");
    assert!(!app.break_due(), "89 minutes in");
    tick(&mut app, "11:01:00");
    assert!(app.break_due());
    assert!(screen(&app, 120, 30).contains("time for a break?"));
    tick(&mut app, "11:15:00");
    assert!(!app.break_due(), "the reminder does not nag");
}

fn one_professional() -> cpconf::app::state::App {
    let mut app = new_app();
    app.update(Msg::GoToStage(Stage::Introductions));
    commands(&mut app, "a");
    type_text(&mut app, "Sam Social");
    commands(&mut app, "<Esc><Esc>");
    assert!(!app.session().quorum().is_quorate());
    app
}

#[test]
fn leaving_introductions_inquorate_asks_why_and_records_it() {
    let mut app = one_professional();
    commands(&mut app, "]");
    assert_eq!(
        app.stage(),
        Stage::Introductions,
        "the chair stays to answer"
    );
    assert_eq!(
        app.draft().map(|(f, _)| f.clone()),
        Some(Field::InquorateReason)
    );
    assert!(app.message().unwrap().text.contains("NOT QUORATE"));
    type_text(
        &mut app,
        "Police sent a report; the family had travelled far.",
    );
    commands(&mut app, "<Esc>");
    assert!(
        app.message().is_none(),
        "the question goes once answered: {:?}",
        app.message()
    );
    commands(&mut app, "]");
    assert_eq!(
        app.session().inquorate_reason,
        "Police sent a report; the family had travelled far."
    );
    assert_eq!(app.stage(), Stage::DangerStatements);
}

#[test]
fn the_question_is_asked_once_and_can_be_left() {
    let mut app = one_professional();
    commands(&mut app, "]<Esc>");
    assert!(app.message().is_none(), "left blank, the question goes");
    commands(&mut app, "]");
    assert_eq!(app.stage(), Stage::DangerStatements);
    assert_eq!(app.session().inquorate_reason, "");
}
