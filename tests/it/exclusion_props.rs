//! Random sessions with random exclusions, separate attendance and
//! attendance for parts (out of the room for a part, or there only for
//! one; the part named in words or by its times): no text
//! from a part a family member was not in the room for reaches that
//! person's own copy or letter (in any text format; the Word files render
//! the same documents, read back in `export_docx`), and all of it is in
//! the record. Each part's text is a
//! unique marker.

use chrono::{DateTime, NaiveDate, NaiveTime};
use proptest::prelude::*;

use cpconf::config::Config;
use cpconf::export::{CopyKind, EXCLUDABLE, Format, pack, render, render_doc};
use cpconf::model::*;

#[derive(Clone, Debug)]
struct Plan {
    /// Per family member: which parts they missed (a bit per EXCLUDABLE
    /// stage), and whether they attended separately.
    members: Vec<(u8, bool)>,
    /// Per family member: their part records, each (left the room rather
    /// than there only for it, which EXCLUDABLE stage, named in words
    /// rather than by its times).
    parts: Vec<Vec<(bool, u8, bool)>>,
    outcome: u8,
    finalised: bool,
}

fn plans() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec((any::<u8>(), any::<bool>()), 1..4),
        prop::collection::vec(
            prop::collection::vec((any::<bool>(), 0u8..6, any::<bool>()), 0..3),
            3,
        ),
        0u8..4,
        any::<bool>(),
    )
        .prop_map(|(members, parts, outcome, finalised)| Plan {
            members,
            parts,
            outcome,
            finalised,
        })
}

/// When each part that can be left out was open: ten minutes each from
/// 10:00, in agenda order.
fn window(stage_index: usize) -> (NaiveTime, NaiveTime) {
    let start = NaiveTime::from_hms_opt(10, 0, 0).unwrap()
        + chrono::Duration::minutes(10 * stage_index as i64);
    (start, start + chrono::Duration::minutes(10))
}

/// The parts a member missed, worked out here rather than by the code under
/// test: the parts chosen on their exclusion, the joint pre-meeting for
/// separate attendance, each part they left the room for, and every part
/// but the ones they were there only for.
fn missed_by(p: &Plan, i: usize) -> Vec<Stage> {
    let (mask, separate) = p.members[i];
    let records: &[(bool, u8, bool)] = p.parts.get(i).map(Vec::as_slice).unwrap_or(&[]);
    let joined: Vec<usize> = records
        .iter()
        .filter(|(left, _, _)| !left)
        .map(|(_, k, _)| *k as usize)
        .collect();
    EXCLUDABLE
        .iter()
        .enumerate()
        .filter(|(b, st)| {
            mask & (1 << b) != 0
                || (separate && **st == Stage::PreMeeting)
                || records
                    .iter()
                    .any(|(left, k, _)| *left && *k as usize == *b)
                || (!joined.is_empty() && !joined.contains(b))
        })
        .map(|(_, st)| *st)
        .collect()
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
            person: Some(person.clone()),
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
        for (left, k, named) in p.parts.get(i).cloned().unwrap_or_default() {
            let k = k as usize;
            let (from, to) = window(k);
            let id = s.new_item_id();
            s.parts.push(PartAttendance {
                id,
                person: Some(person.clone()),
                movement: if left {
                    PartMovement::LeftFor
                } else {
                    PartMovement::JoinedFor
                },
                // In words ("Scaling") with no times, or by its times with
                // words that name no part.
                part: if named {
                    EXCLUDABLE[k].title().into()
                } else {
                    format!("item {k}")
                },
                from: (!named).then_some(from),
                to: (!named).then_some(to),
            });
        }
    }
    for (k, stage) in EXCLUDABLE.iter().enumerate() {
        let (from, to) = window(k);
        let at = |t: NaiveTime| {
            DateTime::parse_from_rfc3339(&format!("2026-12-17T{}+00:00", t.format("%H:%M:%S")))
                .unwrap()
        };
        s.stage_visits.push(StageVisit {
            stage: *stage,
            started_at: at(from),
            ended_at: Some(at(to)),
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
        for i in 0..p.members.len() {
            let missed = missed_by(&p, i);
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
            let anyone = (0..p.members.len()).any(|i| missed_by(&p, i).contains(stage));
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
        parts: vec![],
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
