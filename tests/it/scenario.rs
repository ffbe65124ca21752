//! A whole two-child initial conference, run by keys alone, finalised,
//! saved, and loaded back field for field.

use crate::support;

use cpconf::model::*;
use support::icpc::run_icpc;
use support::*;

#[test]
fn a_whole_two_child_conference_by_keys_alone() {
    let app = run_icpc();
    let s = &app.session();
    assert!(s.problems().is_empty(), "{:?}", s.problems());

    assert_eq!(s.setup.date, chrono::NaiveDate::from_ymd_opt(2026, 11, 23));
    assert_eq!(
        s.setup.start_time.map(|t| t.to_string()),
        Some("10:00:00".into())
    );
    assert_eq!(s.setup.venue, "Room 2, Civic Centre");
    assert_eq!(s.setup.chair, "Morgan Reeve");
    assert_eq!(s.setup.family_reference, "FAM9001");
    assert_eq!(s.children.len(), 2);
    assert_eq!(s.children[1].name, "Bo Testwood 🌱");
    assert_eq!(
        s.children[1].date_of_birth,
        chrono::NaiveDate::from_ymd_opt(2024, 1, 5)
    );

    let pm = &s.pre_meeting;
    assert!(pm.explained_purpose && pm.explained_complaints);
    assert_eq!(
        pm.parents_views,
        "We want the children home and safe.\nWe know things have to change."
    );
    assert_eq!(pm.exclusions.len(), 1);
    assert!(pm.exclusions[0].separate_attendance);
    assert_eq!(pm.exclusions[0].which_part, "Danger statements and the map");

    assert_eq!(s.attendees.len(), 5);
    assert_eq!(s.attendees[0].agency_kind, AgencyKind::ChildrensSocialCare);
    assert!(s.attendees[3].gives_recommendation);
    assert!(s.opening_statements.confidentiality && s.opening_statements.complaints);

    let d = &s.danger_statements[0];
    assert_eq!(
        d.children,
        vec![s.children[0].id.clone()],
        "danger is about Amira only"
    );
    assert_eq!(d.dispute, "Dad says he stopped drinking in October.");

    assert_eq!(s.map_items.len(), 4);
    for col in Column::ALL {
        assert_eq!(
            s.map_items.iter().filter(|m| m.column == *col).count(),
            1,
            "{col:?}"
        );
    }
    assert!(
        s.map_items
            .iter()
            .any(|m| m.restricted && m.column == Column::Worried)
    );
    assert!(s.map_items.iter().any(|m| m.text.contains("العائلة")));
    assert_eq!(s.child_voices[0].method, VoiceMethod::ThreeHouses);
    assert_eq!(s.child_voices[0].words, "I like it when Dad is calm. 家");

    let scores: Vec<(u8, &str)> = s
        .scaling
        .scores
        .iter()
        .map(|x| (x.score, x.reason.as_str()))
        .collect();
    assert_eq!(
        scores,
        vec![
            (4, "worried about the drinking"),
            (5, ""),
            (6, "health needs met"),
            (3, "")
        ]
    );

    let g = &s.safety_goals[0];
    assert_eq!(g.danger_statements, vec![d.id.clone()]);
    assert_eq!(g.actions[0].who, "Dad");
    assert_eq!(
        g.actions[0].by_when,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 31)
    );
    assert_eq!(
        s.contingency_plan,
        "The children stay with their grandmother."
    );

    assert_eq!(s.recommendations.len(), 6);
    let amira = s.children[0].id.clone();
    let bo = s.children[1].id.clone();
    assert_eq!(s.tally(&amira).plan, 3);
    assert_eq!(s.tally(&bo).child_in_need, 2);
    assert_eq!(s.tally(&bo).plan, 1);

    let da = &s.decisions[0];
    assert_eq!(da.outcome, Outcome::ChildProtectionPlan);
    assert_eq!(da.categories, vec![Category::EmotionalAbuse]);
    assert_eq!(da.plan.lead_social_worker, Some(s.attendees[0].id.clone()));
    assert_eq!(da.plan.core_group.len(), 2);
    // 10 working days after Mon 23 Nov 2026 is Mon 7 Dec; 3 months on is 23 Feb 2027.
    assert_eq!(
        da.plan.first_core_group,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 7)
    );
    assert_eq!(
        da.plan.review_date,
        chrono::NaiveDate::from_ymd_opt(2027, 2, 23)
    );
    assert_eq!(da.dissents[0].who, Some(s.attendees[3].id.clone()));
    let db = &s.decisions[1];
    assert_eq!(db.outcome, Outcome::ChildInNeed);
    assert!(
        db.differs_from_recommendations,
        "one professional recommended a plan for Bo"
    );
    assert!(!da.differs_from_recommendations);

    assert_eq!(s.status, Status::Finalised);
    assert_eq!(
        s.finalised.as_ref().map(|f| f.by.as_str()),
        Some("Morgan Reeve")
    );
    for stage in Stage::ALL {
        assert!(s.stage_visited(stage), "{stage:?} never visited");
    }
    assert!(s.stage_visits.iter().all(|v| v.ended_at.is_some()));
}

#[test]
fn the_finalised_record_is_locked() {
    let mut app = run_icpc();
    let before = app.session().clone();
    commands(&mut app, "[[[[a");
    commands(&mut app, "ud<Enter>");
    assert_eq!(app.session(), &before);
    assert!(
        app.message()
            .as_ref()
            .is_some_and(|m| m.text.contains("finalised"))
    );
}

#[test]
fn saved_and_reloaded_the_session_is_the_same() {
    let app = run_icpc();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    cpconf::storage::save(&cpconf::storage::DurableWriter, &path, app.session()).unwrap();
    let loaded = cpconf::storage::load(&path).unwrap().session;
    assert_eq!(&loaded, app.session());
}
