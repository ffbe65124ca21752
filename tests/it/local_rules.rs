//! The local rules at work in a running session: the quorum rule, planned
//! minutes, category names, the working calendar, the scaling wording and
//! the extra opening statements all change what the chair sees and what is
//! recorded. (Parsing the file itself is tested in config.rs.)

use crate::support;

use std::sync::Arc;

use chrono::NaiveDate;
use cpconf::app::field_edit::show_date;
use cpconf::app::state::{Access, App};
use cpconf::app::update::Msg;
use cpconf::config::{self, Config};
use cpconf::model::{Session, Stage, Status};
use support::*;

fn rules(toml: &str) -> Arc<Config> {
    Arc::new(config::parse(toml).expect("valid rules"))
}

fn example_at(stage: Stage, rules: Arc<Config>) -> App {
    let mut s = cpconf::example::example_icpc();
    s.status = Status::InProgress;
    s.finalised = None;
    let mut app = App::new(s, Access::Edit, at("12:00:00")).with_config(rules);
    app.update(Msg::GoToStage(stage));
    app
}

#[test]
fn a_stricter_quorum_rule_turns_the_signal_and_the_sidebar() {
    let usual = example_at(Stage::Introductions, Arc::default());
    assert!(
        usual.quorum().is_quorate(),
        "the example meets the England rule"
    );
    assert!(screen(&usual, 100, 30).contains("✓ quorate"));

    let strict = example_at(
        Stage::Introductions,
        rules("[quorum]\nother_agencies = 9\n"),
    );
    assert!(!strict.quorum().is_quorate());
    let shown = screen(&strict, 100, 30);
    assert!(shown.contains("✗ not quorate"), "{shown}");
    assert!(shown.contains("more agencies"), "{shown}");
}

#[test]
fn planned_minutes_come_from_the_rules() {
    let usual = example_at(Stage::Map, Arc::default());
    assert!(screen(&usual, 120, 30).contains("of 40 min"));
    let local = example_at(Stage::Map, rules("[planned_minutes]\nmap = 75\n"));
    let shown = screen(&local, 120, 30);
    assert!(shown.contains("of 75 min"), "{shown}");
    assert_eq!(
        local.overrun_minutes(Stage::Map),
        None,
        "54 minutes is within 75"
    );
}

#[test]
fn category_names_are_the_local_ones_on_screen_and_in_the_picker() {
    let local = rules("[categories]\nneglect = \"Neglect (local)\"\n");
    let mut app = example_at(Stage::Decision, local);
    commands(&mut app, "<Down>"); // Rory, whose plan is under neglect
    let shown = screen(&app, 160, 48);
    assert!(shown.contains("Neglect (local)"), "{shown}");

    // The stored value keeps its stable name.
    let saved = serde_json::to_string(app.session()).unwrap();
    assert!(!saved.contains("Neglect (local)"));
    assert!(saved.contains("\"neglect\""));

    let s = &app.session();
    let child = s.children[0].id.clone();
    let options = cpconf::app::field_edit::pick_options(
        s,
        &cpconf::app::field::Field::DecisionCategories(child),
        &app.config().categories,
    );
    assert!(options.iter().any(|o| o.label == "Neglect (local)"));
}

#[test]
fn local_closure_days_move_the_key_dates() {
    let mut s = Session::new("dates".into(), at("09:00:00"));
    s.setup.date = NaiveDate::from_ymd_opt(2026, 12, 14);
    let usual = App::new(s.clone(), Access::Edit, at("09:00:00"));
    // 10 working days after Monday 14 December 2026, with Christmas Day
    // and the Boxing Day substitute (Monday 28th) not counted.
    let england = show_date(NaiveDate::from_ymd_opt(2026, 12, 30).unwrap());
    assert!(screen(&usual, 120, 30).contains(&format!("First core group by: {england}")));

    let closed = App::new(s, Access::Edit, at("09:00:00"))
        .with_config(rules("extra_bank_holidays = [2026-12-24]\n"));
    let local = show_date(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
    let shown = screen(&closed, 120, 30);
    assert!(
        shown.contains(&format!("First core group by: {local}")),
        "{shown}"
    );
}

#[test]
fn a_new_session_takes_the_local_statements_and_question() {
    let local = rules(
        "opening_statements = [\"Confidentiality\", \"Recording the meeting\", \"complaints\"]\n\
         [scaling]\nquestion = \"Where are things today, 0 to 10?\"\n\
         zero_means = \"not safe at home\"\nten_means = \"safe to close\"\n",
    );
    let mut s = Session::new("new".into(), at("09:00:00"));
    local.prepare_new(&mut s);
    // The standard four keep their own places; only the new one is added.
    let texts: Vec<&str> = s
        .opening_statements
        .local
        .iter()
        .map(|o| &o.text[..])
        .collect();
    assert_eq!(texts, ["Recording the meeting"]);
    assert_eq!(s.scaling.question, "Where are things today, 0 to 10?");
    // Preparing twice adds nothing.
    local.prepare_new(&mut s);
    assert_eq!(s.opening_statements.local.len(), 1);

    let mut app = App::new(s, Access::Edit, at("09:00:00")).with_config(local);
    app.update(Msg::GoToStage(Stage::Introductions));
    let shown = screen(&app, 120, 30);
    assert!(shown.contains("Recording the meeting"), "{shown}");

    // Tick it off by keys, like the four standard ones.
    commands(&mut app, "<Tab>");
    for _ in 0..4 {
        commands(&mut app, "<Down>");
    }
    commands(&mut app, "<Enter>");
    assert!(
        app.session().opening_statements.local[0].given,
        "{:?}",
        app.message()
    );
    commands(&mut app, "u");
    assert!(
        !app.session().opening_statements.local[0].given,
        "undo restores it"
    );

    app.update(Msg::GoToStage(Stage::Scaling));
    let shown = screen(&app, 120, 30);
    assert!(
        shown.contains("0 not safe at home · 10 safe to close"),
        "{shown}"
    );
}

#[test]
fn the_england_defaults_leave_a_new_session_as_it_was() {
    let mut s = Session::new("plain".into(), at("09:00:00"));
    let before = s.clone();
    Config::default().prepare_new(&mut s);
    assert_eq!(s, before);
}

#[test]
fn exports_follow_the_rules_in_force() {
    use cpconf::export::{CopyKind, Format, render, render_under};
    let s = cpconf::example::example_icpc();
    let strict = rules("[quorum]\nother_agencies = 9\n[timescales]\ncomplaint_days = 21\n");

    let usual_record = render(&s, CopyKind::Record, Format::Text);
    let local_record = render_under(&s, CopyKind::Record, Format::Text, &strict);
    assert!(!usual_record.contains("Why the conference went ahead"));
    assert!(local_record.contains("Why the conference went ahead"));

    let usual_family = render(&s, CopyKind::Family, Format::Text);
    let local_family = render_under(&s, CopyKind::Family, Format::Text, &strict);
    assert!(usual_family.contains("within 28 days"), "{usual_family}");
    assert!(local_family.contains("within 21 days"), "{local_family}");
}
