//! Random sessions with random exclusions and separate attendance: no text
//! from a part a family member was not in the room for reaches that
//! person's own copy or letter (in any text format; the Word files render
//! the same documents, read back in `export_docx`), and all of it is in
//! the record. Each part's text is a
//! unique marker.

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;

use cpconf::config::Config;
use cpconf::export::{CopyKind, EXCLUDABLE, Format, pack, render, render_doc};
use cpconf::model::*;

#[derive(Clone, Debug)]
struct Plan {
    /// Per family member: which parts they missed (a bit per EXCLUDABLE
    /// stage), and whether they attended separately.
    members: Vec<(u8, bool)>,
    outcome: u8,
    finalised: bool,
}

fn plans() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec((any::<u8>(), any::<bool>()), 1..4),
        0u8..4,
        any::<bool>(),
    )
        .prop_map(|(members, outcome, finalised)| Plan {
            members,
            outcome,
            finalised,
        })
}

/// The marker for a stage's text.
fn marker(stage: Stage, n: usize) -> String {
    format!("MARK{stage:?}x{n}")
}

/// A session with one child, two professionals, the plan's family members
/// and a marker in every text of every part that can be left out; the
/// markers by part.
fn build(p: &Plan) -> (Session, Vec<(Stage, String)>) {
    let now = DateTime::parse_from_rfc3339("2026-12-17T09:00:00+00:00").unwrap();
    let mut s = Session::new("exclusions".into(), now);
    s.setup.chair = "Alex Chair".into();
    let child = s.add_child();
    s.children[0].name = "Robin Example".into();
    s.children[0].date_of_birth = NaiveDate::from_ymd_opt(2020, 1, 1);
    s.children[0].own_letter = true;
    let add = |s: &mut Session, name: String, kind: AgencyKind| {
        let id = s.add_attendee();
        let a = s.attendees.last_mut().unwrap();
        a.name = name;
        a.agency_kind = kind;
        a.gives_recommendation = kind.is_agency();
        id
    };
    let sw = add(&mut s, "Sam Worker".into(), AgencyKind::ChildrensSocialCare);
    let hv = add(&mut s, "Hal Visitor".into(), AgencyKind::Health);
    let mut markers = Vec::new();
    let mut mark = |stage: Stage| {
        let m = marker(stage, markers.len());
        markers.push((stage, m.clone()));
        m
    };
    s.pre_meeting.parents_views = mark(Stage::PreMeeting);
    let id = s.new_item_id();
    s.danger_statements.push(DangerStatement {
        id,
        who_is_worried: "Sam Worker".into(),
        worry: mark(Stage::DangerStatements),
        if_nothing_changes: mark(Stage::DangerStatements),
        children: vec![child.clone()],
        dispute: mark(Stage::DangerStatements),
    });
    for column in Column::ALL {
        let id = s.new_item_id();
        s.map_items.push(MapItem {
            id,
            column: *column,
            text: mark(Stage::Map),
            said_by: Some(hv.clone()),
            children: vec![],
            tag: Tag::None,
            restricted: false,
            from_last_conference: false,
        });
    }
    s.child_voices[0].method = VoiceMethod::SocialWorker;
    s.child_voices[0].words = mark(Stage::Map);
    let id = s.new_item_id();
    s.scaling.scores.push(Score {
        id,
        person: hv.clone(),
        child: child.clone(),
        score: 5,
        reason: mark(Stage::Scaling),
    });
    let id = s.new_item_id();
    let action = s.new_item_id();
    s.safety_goals.push(SafetyGoal {
        id,
        parents_will: mark(Stage::SafetyGoals),
        child_will_experience: mark(Stage::SafetyGoals),
        professionals_will_see: mark(Stage::SafetyGoals),
        danger_statements: vec![],
        actions: vec![SafetyAction {
            id: action,
            what: mark(Stage::SafetyGoals),
            who: "Sam Worker".into(),
            who_person: None,
            by_when: None,
            recurrence: Recurrence::default(),
            until: None,
            how_we_will_know: mark(Stage::SafetyGoals),
            progress: ActionProgress::default(),
        }],
    });
    s.bottom_lines = mark(Stage::SafetyGoals);
    s.contingency_plan = mark(Stage::SafetyGoals);
    let id = s.new_item_id();
    s.recommendations.push(Recommendation {
        id,
        professional: hv.clone(),
        child: child.clone(),
        outcome: Outcome::ChildProtectionPlan,
        categories: vec![Category::Neglect],
        reason: mark(Stage::Recommendations),
    });
    for (i, (mask, separate)) in p.members.iter().enumerate() {
        let person = add(&mut s, format!("Parent{i} Example"), AgencyKind::Family);
        let id = s.new_item_id();
        s.pre_meeting.exclusions.push(Exclusion {
            id,
            person: Some(person),
            grounds: "GROUNDSx".into(),
            which_part: "some of it".into(),
            separate_attendance: *separate,
            parts: EXCLUDABLE
                .iter()
                .enumerate()
                .filter(|(b, _)| mask & (1 << b) != 0)
                .map(|(_, st)| *st)
                .collect(),
        });
    }
    let d = &mut s.decisions[0];
    d.outcome = Outcome::ALL[p.outcome as usize % Outcome::ALL.len()];
    d.rationale = "The chair's reasons.".into();
    d.plan.lead_social_worker = Some(sw);
    s.refresh_derived();
    if p.finalised {
        s.finalise(now, "Alex Chair".into());
    }
    (s, markers)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_part_someone_missed_never_reaches_their_copy_or_letter(p in plans()) {
        let (s, markers) = build(&p);
        let record = render(&s, CopyKind::Record, Format::Text);
        let record = record.split_whitespace().collect::<String>();
        for (_, m) in &markers {
            prop_assert!(record.contains(m.as_str()), "the record lacks {m}");
        }
        let items = pack(&s, &Config::default());
        for (i, (mask, separate)) in p.members.iter().enumerate() {
            // The expectation, worked out here rather than by the code
            // under test: the parts chosen, and the joint pre-meeting for
            // separate attendance.
            let missed: Vec<Stage> = EXCLUDABLE
                .iter()
                .enumerate()
                .filter(|(b, st)| {
                    mask & (1 << b) != 0 || (*separate && **st == Stage::PreMeeting)
                })
                .map(|(_, st)| *st)
                .collect();
            let mine: Vec<_> = items
                .iter()
                .filter(|it| it.recipient == format!("Parent{i} Example"))
                .collect();
            prop_assert_eq!(mine.len(), 2, "a letter and a copy each");
            for item in mine {
                for format in Format::TEXT {
                    let out = render_doc(&item.doc, format);
                    prop_assert!(!out.contains("GROUNDSx"), "grounds never shared");
                    for (stage, m) in &markers {
                        if missed.contains(stage) {
                            prop_assert!(
                                !out.contains(m.as_str()),
                                "{} ({format:?}) holds {m} from {stage:?}, which Parent{i} missed",
                                item.file_stem
                            );
                        }
                    }
                }
            }
        }
        // The whole family's copy leaves out every part anyone missed.
        let family = render(&s, CopyKind::Family, Format::Text);
        for (stage, m) in &markers {
            let anyone = p.members.iter().any(|(mask, separate)| {
                let b = EXCLUDABLE.iter().position(|x| x == stage).unwrap();
                mask & (1 << b) != 0 || (*separate && *stage == Stage::PreMeeting)
            });
            if anyone {
                prop_assert!(!family.contains(m.as_str()), "family copy holds {m}");
            }
        }
    }
}

#[test]
fn a_part_nobody_missed_is_in_each_copy() {
    // The other half: leaving out is per part, not everything.
    let (s, markers) = build(&Plan {
        members: vec![(0b0000_0100, false)], // the map only
        outcome: 0,
        finalised: true,
    });
    let items = pack(&s, &Config::default());
    let copy = items
        .iter()
        .find(|i| i.file_stem == "copy-parent0-example")
        .unwrap();
    let out = render_doc(&copy.doc, Format::Text);
    for (stage, m) in &markers {
        match stage {
            Stage::Map => assert!(!out.contains(m.as_str()), "{m}"),
            Stage::Recommendations => {} // never in a family copy
            _ => assert!(out.contains(m.as_str()), "{stage:?} {m} missing:\n{out}"),
        }
    }
}
