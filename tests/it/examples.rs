//! The fictional example sessions in `sessions/` are generated from
//! `cpconf::example`. These tests keep the committed files in step with the
//! code (run with `UPDATE_EXAMPLES=1` to rewrite them) and check that the
//! examples show what a reader of the product brief expects to see.

use std::path::PathBuf;

use chrono::NaiveDate;

use cpconf::example::{ICPC_FILE, ICPC_ID, REVIEW_FILE, REVIEW_ID, example_icpc, example_review};
use cpconf::model::*;

fn sessions_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sessions")
}

fn rendered(s: &Session) -> String {
    serde_json::to_string_pretty(s).expect("example serialises") + "\n"
}

/// Compares the committed file with the generated one, or rewrites it when
/// `UPDATE_EXAMPLES=1`.
fn check_file(name: &str, session: &Session) {
    let path = sessions_dir().join(name);
    let fresh = rendered(session);
    if std::env::var("UPDATE_EXAMPLES").as_deref() == Ok("1") {
        std::fs::create_dir_all(sessions_dir()).expect("create sessions/");
        std::fs::write(&path, &fresh).expect("write example file");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\nGenerate it with: UPDATE_EXAMPLES=1 cargo test --lib -- it::examples::",
            path.display()
        )
    });
    if committed != fresh {
        let line = committed
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .map(|i| i + 1)
            .unwrap_or_else(|| committed.lines().count().min(fresh.lines().count()) + 1);
        panic!(
            "{} is out of date with src/example/ (first difference at line {line}).\n\
             Regenerate it with: UPDATE_EXAMPLES=1 cargo test --lib -- it::examples::",
            path.display()
        );
    }
}

#[test]
fn committed_icpc_file_matches_the_code() {
    check_file(ICPC_FILE, &example_icpc());
}

#[test]
fn committed_review_file_matches_the_code() {
    check_file(REVIEW_FILE, &example_review());
}

#[test]
fn examples_are_deterministic() {
    assert_eq!(rendered(&example_icpc()), rendered(&example_icpc()));
    assert_eq!(rendered(&example_review()), rendered(&example_review()));
}

#[test]
fn examples_parse_back_equal_and_are_valid() {
    for s in [example_icpc(), example_review()] {
        let back: Session = serde_json::from_str(&rendered(&s)).expect("example parses");
        assert_eq!(back, s, "{} does not round-trip", s.id);
        assert!(s.problems().is_empty(), "{}: {:?}", s.id, s.problems());
        assert_eq!(s.schema_version, SCHEMA_VERSION);
        assert!(
            s.quorum().is_quorate(),
            "{}: {}",
            s.id,
            s.quorum().summary()
        );
    }
}

#[test]
fn icpc_is_finalised_and_complete() {
    let s = example_icpc();
    assert_eq!(s.id, ICPC_ID);
    assert_eq!(s.setup.kind, ConferenceKind::Initial);
    assert!(s.is_finalised());
    let f = s.finalised.as_ref().expect("finalisation recorded");
    assert_eq!(f.by, s.setup.chair);
    assert_eq!(s.children.len(), 2);
    for stage in Stage::ALL {
        assert!(s.stage_visited(stage), "stage {stage:?} never visited");
    }
    assert!(s.stage_visits.iter().all(|v| v.ended_at.is_some()));
    assert!(
        s.map_items.iter().any(|m| m.restricted),
        "no restricted item"
    );
    for column in Column::ALL {
        let n = s.map_items.iter().filter(|m| m.column == *column).count();
        assert!((4..=6).contains(&n), "{column:?} has {n} items");
    }
    assert!(s.pre_meeting.exclusions.len() == 1);
    assert!(
        s.child_voices
            .iter()
            .all(|v| v.method != VoiceMethod::NotYetGathered && !v.words.is_empty())
    );
    assert!(
        s.decisions.iter().any(|d| !d.dissents.is_empty()),
        "no dissent"
    );
    assert!(s.decisions.iter().any(|d| d.differs_from_recommendations));
    let (a, b) = (&s.decisions[0], &s.decisions[1]);
    assert!(
        a.outcome != b.outcome || a.categories != b.categories,
        "the two children have the same outcome"
    );
    for d in &s.decisions {
        assert!(!d.rationale.is_empty());
        assert_eq!(
            d.plan.first_core_group,
            NaiveDate::from_ymd_opt(2026, 11, 23)
        );
        assert_eq!(d.plan.review_date, NaiveDate::from_ymd_opt(2027, 2, 9));
    }
    assert!(
        s.safety_goals
            .iter()
            .all(|g| !g.danger_statements.is_empty() && g.actions.len() >= 2)
    );
}

#[test]
fn review_follows_the_icpc_and_can_be_continued() {
    let icpc = example_icpc();
    let s = example_review();
    assert_eq!(s.id, REVIEW_ID);
    assert_eq!(s.setup.kind, ConferenceKind::Review);
    assert_eq!(s.status, Status::InProgress);
    assert!(s.finalised.is_none());
    let prev = s
        .setup
        .previous_session
        .as_ref()
        .expect("refers to the ICPC");
    assert_eq!(prev.id, icpc.id);
    assert_eq!(prev.file, ICPC_FILE);
    assert_eq!(s.all_child_ids(), icpc.all_child_ids());
    assert_eq!(s.setup.family_reference, icpc.setup.family_reference);
    assert_eq!(s.scaling.previous_scores.len(), icpc.scaling.scores.len());
    assert!(s.map_items.iter().any(|m| m.from_last_conference));
    assert!(!s.recommendations.is_empty());
    assert!(s.decisions.iter().all(|d| d.outcome == Outcome::Undecided));
    assert!(
        s.stage_visits.last().is_some_and(|v| v.ended_at.is_none()),
        "the review should be left open on a stage"
    );
}
