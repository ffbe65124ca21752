//! Starting the next review conference from the last one.

use chrono::DateTime;
use cpconf::example::example_icpc;
use cpconf::model::*;

fn review() -> (Session, Session) {
    let icpc = example_icpc();
    let now = DateTime::parse_from_rfc3339("2027-02-01T09:00:00+00:00").unwrap();
    let r = Session::review_of(
        PreviousRef {
            session: &icpc,
            file_name: "example-2026-11-09-icpc-FAM2041.json",
        },
        "review-1".into(),
        now,
    );
    (icpc, r)
}

#[test]
fn a_review_carries_forward_what_it_should() {
    let (icpc, r) = review();
    assert!(r.problems().is_empty(), "{:?}", r.problems());
    assert_eq!(r.setup.kind, ConferenceKind::Review);
    assert_eq!(r.status, Status::InProgress);
    let prev = r
        .setup
        .previous_session
        .as_ref()
        .expect("refers to the last conference");
    assert_eq!(prev.id, icpc.id);
    assert_eq!(prev.file, "example-2026-11-09-icpc-FAM2041.json");
    assert_eq!(r.setup.family_reference, icpc.setup.family_reference);
    // The review is held on the date the last conference set.
    assert_eq!(
        r.setup.date,
        icpc.decisions
            .iter()
            .filter_map(|d| d.plan.review_date)
            .min()
    );

    assert_eq!(r.children, icpc.children, "same children, same ids");
    assert_eq!(r.attendees.len(), icpc.attendees.len());
    assert!(
        r.attendees
            .iter()
            .all(|a| a.attendance == Attendance::Invited)
    );
    assert!(!r.quorum().is_quorate(), "nobody is marked present yet");

    assert_eq!(r.danger_statements, icpc.danger_statements);
    assert_eq!(r.safety_goals.len(), icpc.safety_goals.len());
    let actions: usize = r.safety_goals.iter().map(|g| g.actions.len()).sum();
    assert!(actions > 0);
    assert!(
        r.safety_goals
            .iter()
            .flat_map(|g| &g.actions)
            .all(|a| a.progress == ActionProgress::NotReviewed)
    );

    assert_eq!(r.map_items.len(), icpc.map_items.len());
    assert!(r.map_items.iter().all(|m| m.from_last_conference));
    assert_eq!(
        r.map_items.iter().filter(|m| m.restricted).count(),
        icpc.map_items.iter().filter(|m| m.restricted).count(),
        "restricted items stay restricted"
    );

    assert_eq!(r.scaling.previous_scores.len(), icpc.scaling.scores.len());
    assert!(r.scaling.scores.is_empty());
    assert!(r.recommendations.is_empty());

    for (d, last) in r.decisions.iter().zip(&icpc.decisions) {
        assert_eq!(d.outcome, Outcome::Undecided, "the chair decides afresh");
        assert!(
            d.categories.is_empty(),
            "categories are re-confirmed, not carried"
        );
        let p = d
            .previous
            .as_ref()
            .expect("last decision shown for reference");
        assert_eq!(p.outcome, last.outcome);
        assert_eq!(p.categories, last.categories);
    }
    assert!(r.stage_visits.is_empty());
    assert!(
        r.next_id >= icpc.next_id,
        "ids never collide with the last conference's"
    );
}

#[test]
fn a_review_saves_and_loads_unchanged() {
    let (_, r) = review();
    let dir = tempfile::tempdir().unwrap();
    let path = cpconf::storage::save_new(&cpconf::storage::DurableWriter, dir.path(), &r).unwrap();
    assert!(
        path.file_name()
            .unwrap()
            .to_string_lossy()
            .contains("rcpc-FAM2041")
    );
    assert_eq!(cpconf::storage::load(&path).unwrap().session, r);
}

#[test]
fn choosing_a_plan_at_a_review_sets_the_next_review_six_months_on() {
    let (_, r) = review();
    let mut app = cpconf::app::state::App::new(
        r,
        cpconf::app::state::Access::Edit,
        DateTime::parse_from_rfc3339("2027-02-09T10:00:00+00:00").unwrap(),
    );
    app.update(Msg::GoToStage(Stage::Decision));
    use cpconf::app::update::Msg;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    // Enter to the decision's form, Enter on its outcome: a plan, the
    // first after "not yet decided".
    for code in [KeyCode::Enter, KeyCode::Enter] {
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
    let d = &app.session().decisions[0];
    assert_eq!(d.outcome, Outcome::ChildProtectionPlan);
    // Review on Tue 9 Feb 2027 + 6 months = Mon 9 Aug 2027 (a working day).
    assert_eq!(
        d.plan.review_date,
        chrono::NaiveDate::from_ymd_opt(2027, 8, 9)
    );
}
