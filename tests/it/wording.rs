//! The sentences a family reads, on a small fictional conference built to
//! show each wording fault found when a parent read the copies: a local
//! scaling question and its anchors, a parent asked to leave for part, a
//! safety goal written in the third person ("keeping their arguments away
//! ..."), a "working well" column nobody agreed. Golden files in
//! `tests/golden/wording-*`; rewrite them with
//! `UPDATE_GOLDEN=1 cargo test --lib it::wording`, then read the diff.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate};
use cpconf::export::{CopyKind, Format, render};
use cpconf::model::*;

fn wording_session() -> Session {
    let now = DateTime::parse_from_rfc3339("2026-12-17T09:30:00+00:00").unwrap();
    let mut s = Session::new("wording-example".into(), now);
    s.setup.chair = "Sam Okafor".into();
    s.setup.family_reference = "FAM7001".into();
    // The chair's own question, from the local rules, saved with the session.
    s.scaling.question = "Where 0 is certain Mikey will be harmed and 10 is certain he will be \
                          safe, where are things today?"
        .into();
    s.scaling.zero_means = "certain Mikey will be harmed".into();
    s.scaling.ten_means = "certain Mikey will be safe".into();
    let mikey = s.add_child();
    s.children[0].name = "Mikey Baird".into();
    s.children[0].date_of_birth = NaiveDate::from_ymd_opt(2023, 5, 2);
    let person = |s: &mut Session, name: &str, kind: AgencyKind, role: &str| {
        let id = s.add_attendee();
        let a = s.attendees.last_mut().unwrap();
        a.name = name.into();
        a.agency_kind = kind;
        a.role = role.into();
        a.gives_recommendation = kind.is_agency();
        id
    };
    let mum = person(&mut s, "Chloe Baird", AgencyKind::Family, "Mother of Mikey");
    let dad = person(&mut s, "Liam Baird", AgencyKind::Family, "Father of Mikey");
    let sw = person(
        &mut s,
        "Priya Nair",
        AgencyKind::ChildrensSocialCare,
        "Social worker",
    );
    let hv = person(&mut s, "Jo Reece", AgencyKind::Health, "Health visitor");
    let id = s.new_item_id();
    s.pre_meeting.exclusions.push(Exclusion {
        id,
        person: Some(dad.clone()),
        grounds: "Police information about an investigation (GROUNDS-NEVER-SHARED).".into(),
        which_part: "The police report".into(),
        separate_attendance: false,
        parts: Vec::new(),
    });
    let id = s.new_item_id();
    s.map_items.push(MapItem {
        id,
        column: Column::WorkingWell,
        text: "Mikey is always clean and dressed for the weather.".into(),
        said_by: Some(hv.clone()),
        children: vec![],
        tag: Tag::None,
        restricted: false,
        from_last_conference: false,
    });
    let id = s.new_item_id();
    s.safety_goals.push(SafetyGoal {
        id,
        parents_will: "keeping their arguments away from Mikey, and feeding Mikey at regular \
                       times every day"
            .into(),
        child_will_experience: "calm meals at the table".into(),
        professionals_will_see: "a weight gain at each weighing".into(),
        danger_statements: vec![],
        actions: vec![],
    });
    for (who, n) in [(&mum, 8), (&dad, 7), (&sw, 4), (&hv, 5)] {
        let id = s.new_item_id();
        s.scaling.scores.push(Score {
            id,
            person: who.clone(),
            child: mikey.clone(),
            score: n,
            reason: String::new(),
        });
    }
    let d = s.decisions.iter_mut().find(|d| d.child == mikey).unwrap();
    d.outcome = Outcome::ChildProtectionPlan;
    d.categories = vec![Category::Neglect];
    d.rationale = "Mikey's weight has fallen for three months.".into();
    d.plan.lead_social_worker = Some(sw);
    s
}

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

#[test]
fn the_wording_fixture_matches_its_golden_files() {
    let s = wording_session();
    let update = std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1");
    for copy in CopyKind::ALL {
        let file = format!("wording-{}.txt", copy.name());
        let fresh = render(&s, copy, Format::Text);
        if update {
            std::fs::write(golden(&file), &fresh).expect("write golden");
            continue;
        }
        let committed = std::fs::read_to_string(golden(&file)).unwrap_or_default();
        assert!(
            committed == fresh,
            "{file} is out of date; regenerate with UPDATE_GOLDEN=1 cargo test --lib it::wording\n{fresh}"
        );
    }
}

/// The family's copy and the letter, as one line of words.
fn family_words(s: &Session) -> String {
    [CopyKind::Family, CopyKind::DecisionLetter]
        .iter()
        .map(|c| render(s, *c, Format::Text))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_family_copy_explains_the_chairs_own_scale() {
    let words = family_words(&wording_session());
    assert!(
        words.contains("0 means certain Mikey will be harmed"),
        "{words}"
    );
    assert!(words.contains("10 means certain Mikey will be safe"));
    // Never the built-in anchors beside a local question.
    assert!(!words.contains("cannot safely live at home"), "{words}");
}

#[test]
fn no_heading_claims_an_agreement_and_no_label_says_you_for_them() {
    let words = family_words(&wording_session());
    assert!(!words.contains("everyone agreed is going well"), "{words}");
    assert!(words.contains("What is going well"));
    assert!(!words.contains("What you will be doing"), "{words}");
    assert!(words.contains("What the parents will be doing: keeping their arguments away"));
    let record = render(&wording_session(), CopyKind::Record, Format::Text);
    assert!(!record.contains("The parents will:"), "{record}");
}

#[test]
fn a_parent_asked_to_leave_is_named_in_a_whole_sentence() {
    let words = family_words(&wording_session());
    assert!(!words.contains("was not at part of"), "{words}");
    assert!(words.contains("Liam Baird was not in the room for part of the conference."));
    assert!(!words.contains("GROUNDS-NEVER-SHARED"));
}
