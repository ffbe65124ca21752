use super::*;
use chrono::DateTime;

fn t0() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-23T10:00:00+00:00").unwrap()
}

fn family() -> Session {
    let mut s = Session::new("s1".into(), t0());
    let a = s.add_child();
    let b = s.add_child();
    s.children[0].name = "Amira".into();
    s.children[1].name = "Bo".into();
    let sw = s.add_attendee();
    s.attendees[0].agency_kind = AgencyKind::ChildrensSocialCare;
    s.attendees[0].name = "Sam Social".into();
    s.recommendations.push(Recommendation {
        id: s.clone().new_item_id(),
        professional: sw,
        child: a.clone(),
        outcome: Outcome::ChildProtectionPlan,
        categories: vec![Category::Neglect],
        reason: String::new(),
    });
    let _ = b;
    s.refresh_derived();
    s
}

#[test]
fn each_child_gets_one_decision_and_one_voice() {
    let s = family();
    assert_eq!(s.decisions.len(), 2);
    assert_eq!(s.child_voices.len(), 2);
    assert!(s.problems().is_empty(), "{:?}", s.problems());
}

#[test]
fn removing_a_child_removes_its_per_child_records() {
    let mut s = family();
    let a = s.children[0].id.clone();
    s.remove_child(&a);
    assert_eq!(s.decisions.len(), 1);
    assert!(s.recommendations.is_empty());
    assert!(s.problems().is_empty(), "{:?}", s.problems());
}

#[test]
fn removing_a_person_keeps_the_session_valid() {
    let mut s = family();
    let p = s.attendees[0].id.clone();
    s.remove_attendee(&p);
    assert!(s.recommendations.is_empty());
    assert!(s.problems().is_empty(), "{:?}", s.problems());
}

#[test]
fn decision_differs_when_any_professional_recommended_otherwise() {
    let mut s = family();
    s.decisions[0].outcome = Outcome::ChildInNeed;
    s.refresh_derived();
    assert!(s.decisions[0].differs_from_recommendations);
    s.decisions[0].outcome = Outcome::ChildProtectionPlan;
    s.refresh_derived();
    assert!(!s.decisions[0].differs_from_recommendations);
}

#[test]
fn quorum_needs_social_care_and_two_other_agencies() {
    let mut s = family();
    assert!(!s.quorum().is_quorate());
    for (kind, agency) in [
        (AgencyKind::Health, "NHS"),
        (AgencyKind::Education, "School"),
    ] {
        s.add_attendee();
        let a = s.attendees.last_mut().unwrap();
        a.agency_kind = kind;
        a.agency = agency.into();
    }
    assert!(s.quorum().is_quorate(), "{}", s.quorum().summary());
    s.attendees[2].attendance = Attendance::Apologies;
    assert!(!s.quorum().is_quorate());
    assert!(s.quorum().summary().contains("1 more agency"));
}

#[test]
fn a_blank_person_being_typed_counts_for_no_agency() {
    let mut s = family();
    s.add_attendee();
    let a = s.attendees.last_mut().unwrap();
    a.agency_kind = AgencyKind::Health;
    a.agency = "NHS".into();
    // A new row in the register starts blank ("Other agency").
    s.add_attendee();
    assert_eq!(s.attendees.last().unwrap().agency_kind, AgencyKind::Other);
    assert!(!s.quorum().is_quorate(), "{}", s.quorum().summary());
    s.attendees.last_mut().unwrap().agency = "Acme Youth Trust".into();
    assert!(s.quorum().is_quorate(), "{}", s.quorum().summary());
}

#[test]
fn quorum_follows_a_local_rule() {
    let mut s = family();
    s.add_attendee();
    let a = s.attendees.last_mut().unwrap();
    a.agency_kind = AgencyKind::Police;
    a.agency = "Police".into();
    s.add_attendee();
    let a = s.attendees.last_mut().unwrap();
    a.agency_kind = AgencyKind::Health;
    a.agency = "NHS".into();
    a.attendance = Attendance::ReportOnly;

    // Report only does not count under the default rule.
    let strict = QuorumRule {
        social_care_required: false,
        other_agencies: 2,
        count_report_only: false,
        ..QuorumRule::default()
    };
    assert!(!s.quorum_with(&strict).is_quorate());
    let lenient = QuorumRule {
        count_report_only: true,
        ..strict
    };
    let q = s.quorum_with(&lenient);
    assert!(q.is_quorate(), "{}", q.summary());
    assert_eq!(q.rule, lenient);
    let one = QuorumRule {
        social_care_required: false,
        other_agencies: 1,
        count_report_only: false,
        ..QuorumRule::default()
    };
    assert!(s.quorum_with(&one).is_quorate());
    // Without social care: refused by the default rule, fine by `one`.
    s.attendees[0].attendance = Attendance::Apologies;
    assert!(s.quorum().summary().contains("children's social care"));
    let q = s.quorum_with(&one);
    assert!(q.is_quorate());
    assert_eq!(q.summary(), "QUORATE: Police");
}

#[test]
fn ids_are_never_reused() {
    let mut s = family();
    let first = s.new_item_id();
    let second = s.new_item_id();
    assert_ne!(first, second);
}

#[test]
fn tally_leading_outcome_is_none_on_a_tie() {
    let t = Tally {
        plan: 2,
        child_in_need: 2,
        ..Tally::default()
    };
    assert_eq!(t.leading(), None);
    let t = Tally {
        plan: 3,
        child_in_need: 2,
        ..Tally::default()
    };
    assert_eq!(t.leading(), Some(Outcome::ChildProtectionPlan));
}
