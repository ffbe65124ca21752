//! Random sessions, built through the model API, with restricted map items
//! whose text is a unique marker: no marker ever reaches the family's copy
//! or the decision letter, in any format, and every marker is in the record.

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;

use cpconf::export::{CopyKind, Format, render};
use cpconf::model::*;

#[derive(Clone, Debug)]
struct Plan {
    children: usize,
    people: Vec<(u8, u8)>,
    /// (column, restricted, child mask, author)
    items: Vec<(u8, bool, u8, u8)>,
    outcomes: Vec<u8>,
    dated: bool,
    finalised: bool,
    seed: u32,
}

fn plans() -> impl Strategy<Value = Plan> {
    (
        0usize..4,
        prop::collection::vec((0u8..11, 0u8..5), 0..6),
        prop::collection::vec((0u8..4, any::<bool>(), any::<u8>(), any::<u8>()), 0..12),
        prop::collection::vec(0u8..4, 0..4),
        any::<bool>(),
        any::<bool>(),
        any::<u32>(),
    )
        .prop_map(
            |(children, people, items, outcomes, dated, finalised, seed)| Plan {
                children,
                people,
                items,
                outcomes,
                dated,
                finalised,
                seed,
            },
        )
}

/// A session from the plan, and the markers of its restricted items.
fn build(p: &Plan) -> (Session, Vec<String>) {
    let now = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+00:00").unwrap();
    let mut s = Session::new(format!("prop-{}", p.seed), now);
    if !p.dated {
        s.setup.date = None;
    }
    s.setup.chair = "Alex Chair".into();
    let kids: Vec<ChildId> = (0..p.children)
        .map(|i| {
            let id = s.add_child();
            s.children[i].name = format!("Child{i} Example");
            s.children[i].date_of_birth = NaiveDate::from_ymd_opt(2020, 1, 1 + i as u32);
            id
        })
        .collect();
    let people: Vec<AttendeeId> = p
        .people
        .iter()
        .enumerate()
        .map(|(i, (kind, att))| {
            let id = s.add_attendee();
            let a = s.attendees.last_mut().unwrap();
            a.name = format!("Person{i} Example");
            a.agency_kind = AgencyKind::ALL[*kind as usize % AgencyKind::ALL.len()];
            a.attendance = Attendance::ALL[*att as usize % Attendance::ALL.len()];
            a.gives_recommendation = true;
            id
        })
        .collect();
    let mut markers = Vec::new();
    for (n, (col, restricted, mask, author)) in p.items.iter().enumerate() {
        let text = if *restricted {
            let m = format!("SECRETx{:08x}x{n}", p.seed);
            markers.push(m.clone());
            m
        } else {
            format!("Open item {n} about home")
        };
        let id = s.new_item_id();
        let children = kids
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, k)| k.clone())
            .collect();
        s.map_items.push(MapItem {
            id,
            column: Column::ALL[*col as usize % 4],
            text,
            said_by: people.get(*author as usize % people.len().max(1)).cloned(),
            children,
            tag: Tag::ALL[*author as usize % Tag::ALL.len()],
            restricted: *restricted,
            from_last_conference: false,
        });
    }
    for (i, k) in kids.iter().enumerate() {
        let outcome = Outcome::ALL[p.outcomes.get(i).copied().unwrap_or(0) as usize % 4];
        if let Some(who) = people.first() {
            let id = s.new_item_id();
            s.recommendations.push(Recommendation {
                id,
                professional: who.clone(),
                child: k.clone(),
                outcome,
                categories: vec![Category::Neglect],
                reason: "Reason given".into(),
            });
        }
        if let Some(d) = s.decisions.iter_mut().find(|d| &d.child == k) {
            d.outcome = outcome;
            d.rationale = "Because.".into();
            d.dissents.push(Dissent {
                id: ItemId::numbered(10_000 + i as u64),
                who: people.last().cloned(),
                why: "Disagrees.".into(),
            });
        }
    }
    s.refresh_derived();
    if p.finalised {
        s.finalise(now, "Alex Chair".into());
    }
    (s, markers)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn restricted_text_never_leaves_the_record(p in plans()) {
        let (s, markers) = build(&p);
        for format in Format::ALL {
            let record = render(&s, CopyKind::Record, format);
            for m in &markers {
                prop_assert!(record.contains(m.as_str()), "{format:?} record lacks {m}");
            }
            for copy in [CopyKind::Family, CopyKind::DecisionLetter] {
                let out = render(&s, copy, format);
                for m in &markers {
                    // Any form: also the marker's distinctive core.
                    prop_assert!(!out.contains(m.as_str()), "{copy:?} {format:?} leaks {m}");
                    prop_assert!(!out.contains("SECRETx"), "{copy:?} {format:?} leaks a marker");
                }
                prop_assert!(!out.contains("RESTRICTED"));
            }
        }
    }
}
