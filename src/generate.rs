//! Fictional sessions of a chosen size, for benchmarks and load tests.
//!
//! Everything here is made up: names come from small lists of invented
//! first names and surnames, text from a list of everyday words. The same
//! size and seed always give the same session (a small built-in generator,
//! no randomness from the machine), so figures can be reproduced.
//!
//! Sizes: `S` is a small family (2 children, 15 people, 60 map items);
//! `M` sits between; `L` is the largest conference we plan for (10
//! children, 60 people, 2,000 map items, 200 actions, 50 KB notes).

use std::io;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone};

use crate::model::*;
use crate::storage::{self, DurableWriter};

/// How big a generated session is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Size {
    S,
    M,
    L,
}

impl Size {
    pub const ALL: [Size; 3] = [Size::S, Size::M, Size::L];

    pub fn name(self) -> &'static str {
        match self {
            Size::S => "S",
            Size::M => "M",
            Size::L => "L",
        }
    }

    fn shape(self) -> Shape {
        match self {
            Size::S => Shape {
                children: 2,
                attendees: 15,
                map_items: 60,
                dangers: 4,
                goals: 2,
                actions_per_goal: 3,
                note_bytes: 2_000,
                audit: 80,
            },
            Size::M => Shape {
                children: 5,
                attendees: 30,
                map_items: 500,
                dangers: 10,
                goals: 8,
                actions_per_goal: 5,
                note_bytes: 10_000,
                audit: 500,
            },
            Size::L => Shape {
                children: 10,
                attendees: 60,
                map_items: 2_000,
                dangers: 25,
                goals: 20,
                actions_per_goal: 10,
                note_bytes: 50_000,
                audit: 2_000,
            },
        }
    }
}

impl std::str::FromStr for Size {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_uppercase().as_str() {
            "S" => Ok(Size::S),
            "M" => Ok(Size::M),
            "L" => Ok(Size::L),
            _ => Err(format!("size must be S, M or L, not {s:?}")),
        }
    }
}

struct Shape {
    children: usize,
    attendees: usize,
    map_items: usize,
    dangers: usize,
    goals: usize,
    actions_per_goal: usize,
    note_bytes: usize,
    audit: usize,
}

/// splitmix64: tiny, deterministic, good enough for made-up text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST: &[&str] = &[
    "Ama", "Bryn", "Cato", "Dilys", "Ebo", "Fenna", "Gethin", "Hana", "Idris", "Jory", "Kezia",
    "Lowri", "Milo", "Nia", "Osian", "Pip", "Rhian", "Siôn", "Tamsin", "Una", "Wren", "Yara",
    "Zofia", "Ifan",
];
const SURNAME: &[&str] = &[
    "Ashcombe",
    "Brindle",
    "Carrow",
    "Dunmere",
    "Elstow",
    "Farrant",
    "Gellow",
    "Harrowby",
    "Inchley",
    "Jessop",
    "Kellaway",
    "Loxley",
    "Marrick",
    "Nethercott",
    "Orrell",
    "Pennock",
];
const WORDS: &[&str] = &[
    "school",
    "home",
    "mum",
    "dad",
    "nan",
    "the",
    "and",
    "said",
    "visits",
    "routine",
    "bedtime",
    "breakfast",
    "worker",
    "health",
    "visitor",
    "plan",
    "safe",
    "worried",
    "attends",
    "every",
    "week",
    "when",
    "there",
    "is",
    "shouting",
    "tidy",
    "kitchen",
    "food",
    "clean",
    "clothes",
    "doctor",
    "appointments",
    "missed",
    "kept",
    "calm",
    "angry",
    "drink",
    "friends",
    "support",
    "group",
    "nursery",
    "teacher",
    "reports",
    "happy",
    "quiet",
    "sleeps",
    "well",
    "tired",
    "late",
    "on",
    "time",
    "money",
    "rent",
    "housing",
    "move",
    "police",
    "called",
    "neighbour",
    "heard",
    "arguments",
    "night",
    "garden",
    "park",
    "football",
    "drawing",
    "reading",
    "homework",
    "asked",
    "about",
    "feels",
    "scared",
    "sometimes",
    "often",
    "never",
    "always",
    "together",
    "family",
];
const AGENCIES: &[(&str, AgencyKind, &str)] = &[
    (
        "Northvale Children's Services",
        AgencyKind::ChildrensSocialCare,
        "Social worker",
    ),
    (
        "Northvale Police",
        AgencyKind::Police,
        "Detective constable",
    ),
    ("Northvale Health", AgencyKind::Health, "Health visitor"),
    ("Hillside Primary", AgencyKind::Education, "Designated lead"),
    (
        "Probation Service",
        AgencyKind::Probation,
        "Probation officer",
    ),
    ("Riverside Housing", AgencyKind::Housing, "Housing officer"),
    (
        "Family Futures",
        AgencyKind::Voluntary,
        "Family support worker",
    ),
    ("", AgencyKind::Family, "Parent"),
];

fn name(r: &mut Rng) -> String {
    format!("{} {}", r.pick(FIRST), r.pick(SURNAME))
}

fn sentence(r: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        let word = *r.pick::<&str>(WORDS);
        out.push_str(word);
    }
    if let Some(first) = out.get(0..1) {
        let upper = first.to_ascii_uppercase();
        out.replace_range(0..1, &upper);
    }
    out.push('.');
    out
}

fn text(r: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| {
            let n = 6 + r.below(14);
            sentence(r, n)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// About `bytes` of notes, in paragraphs (some of them long).
fn notes(r: &mut Rng, bytes: usize) -> String {
    let mut out = String::new();
    while out.len() < bytes {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let n = 3 + r.below(30);
        out.push_str(&text(r, n));
    }
    out
}

fn day(base: NaiveDate, r: &mut Rng, span: i64) -> NaiveDate {
    base + Duration::days(r.below(span as usize) as i64)
}

/// One fictional session of `size`; `seed` varies names, text and dates.
// Long on purpose: one pass of random draws whose order fixes every generated
// session, read top to bottom; split up, that order would be hidden.
pub fn session(size: Size, seed: u64) -> Session {
    let shape = size.shape();
    let mut r = Rng(seed ^ (size as u64 + 1).wrapping_mul(0xA076_1D64_78BD_642F));
    let date = NaiveDate::from_ymd_opt(2026, 1, 5).expect("a real date")
        + Duration::days((seed % 700) as i64);
    let start = chrono::FixedOffset::east_opt(0)
        .expect("UTC is an offset")
        .from_local_datetime(&date.and_hms_opt(9, 30, 0).expect("a real time"))
        .single()
        .expect("a fixed offset has one local time");
    let mut s = Session::new(format!("generated-{}-{seed:06}", size.name()), start);
    s.setup.kind = if seed % 3 == 1 {
        ConferenceKind::Review
    } else {
        ConferenceKind::Initial
    };
    s.setup.date = Some(date);
    s.setup.start_time = NaiveTime::from_hms_opt(9, 30, 0);
    s.setup.venue = "Room 2, Northvale Civic Centre (fictional)".into();
    s.setup.chair = name(&mut r);
    s.setup.family_reference = format!("GEN{}{seed:05}", size.name());
    s.setup.strategy_discussion_date = Some(date - Duration::days(14));

    let surname = *r.pick(SURNAME);
    for _ in 0..shape.children {
        let id = s.add_child();
        let c = s
            .children
            .iter_mut()
            .find(|c| c.id == id)
            .expect("the child just added");
        c.name = format!("{} {surname}", r.pick(FIRST));
        c.date_of_birth = Some(day(
            NaiveDate::from_ymd_opt(2011, 1, 1).expect("a real date"),
            &mut r,
            5000,
        ));
    }
    let child_ids = s.all_child_ids();

    for i in 0..shape.attendees {
        let id = s.add_attendee();
        let (agency, kind, role) = AGENCIES[i % AGENCIES.len()];
        let who = name(&mut r);
        let a = s
            .attendees
            .iter_mut()
            .find(|a| a.id == id)
            .expect("the person just added");
        a.name = who;
        a.role = role.into();
        a.agency = agency.into();
        a.agency_kind = kind;
        a.attendance = *r.pick(&[
            Attendance::Present,
            Attendance::Present,
            Attendance::Present,
            Attendance::Apologies,
            Attendance::ReportOnly,
            Attendance::JoinedLate,
        ]);
        if a.attendance == Attendance::JoinedLate {
            a.joined_at = NaiveTime::from_hms_opt(10, 5, 0);
        }
        a.gives_recommendation = kind.is_agency() && i < AGENCIES.len() * 3;
        a.report_received = r.chance(50);
        a.report_shared_with_parents = a.report_received && r.chance(70);
    }
    let people: Vec<AttendeeId> = s.attendees.iter().map(|a| a.id.clone()).collect();

    let pm = &mut s.pre_meeting;
    pm.explained_purpose = true;
    pm.explained_how_it_runs = true;
    pm.explained_complaints = true;
    pm.language = "English".into();
    pm.advocate = name(&mut r);
    pm.parents_views = notes(&mut r, shape.note_bytes);
    s.opening_statements.confidentiality = true;
    s.opening_statements.equality = true;
    let id = s.new_item_id();
    s.pre_meeting.exclusions.push(Exclusion {
        id,
        person: people.last().cloned(),
        grounds: text(&mut r, 3),
        which_part: "the police update".into(),
        separate_attendance: true,
        parts: Vec::new(),
    });

    for _ in 0..shape.dangers {
        let id = s.new_item_id();
        let children = vec![r.pick(&child_ids).clone()];
        let (who, worry, if_not) = (
            format!("{} and {}", name(&mut r), name(&mut r)),
            text(&mut r, 3),
            text(&mut r, 2),
        );
        let dispute = if r.chance(30) {
            text(&mut r, 1)
        } else {
            String::new()
        };
        s.danger_statements.push(DangerStatement {
            id,
            who_is_worried: who,
            worry,
            if_nothing_changes: if_not,
            children,
            dispute,
        });
    }

    for i in 0..shape.map_items {
        let id = s.new_item_id();
        let column = Column::ALL[i % 4];
        // Most items are a sentence or two; one in ten is a long account.
        let sentences = if r.chance(10) {
            8 + r.below(10)
        } else {
            1 + r.below(3)
        };
        let text = text(&mut r, sentences);
        let children = if r.chance(60) {
            child_ids.clone()
        } else {
            vec![r.pick(&child_ids).clone()]
        };
        let said_by = r.chance(80).then(|| r.pick(&people).clone());
        s.map_items.push(MapItem {
            id,
            column,
            text,
            said_by,
            children,
            tag: *r.pick(Tag::ALL),
            restricted: r.chance(5),
            from_last_conference: s.setup.kind == ConferenceKind::Review && r.chance(20),
        });
    }

    for c in &child_ids {
        let words = notes(&mut r, shape.note_bytes / 10);
        if let Some(v) = s.child_voices.iter_mut().find(|v| &v.child == c) {
            v.method = VoiceMethod::ThreeHouses;
            v.words = words;
        }
    }

    s.scaling.question = String::new();
    for p in &people {
        for c in &child_ids {
            if r.chance(80) {
                let id = s.new_item_id();
                let reason = text(&mut r, 1);
                s.scaling.scores.push(Score {
                    id,
                    person: p.clone(),
                    child: c.clone(),
                    score: r.below(11) as u8,
                    reason,
                });
            }
        }
    }

    let danger_ids: Vec<ItemId> = s.danger_statements.iter().map(|d| d.id.clone()).collect();
    for _ in 0..shape.goals {
        let id = s.new_item_id();
        let mut actions = Vec::new();
        for _ in 0..shape.actions_per_goal {
            let id = s.new_item_id();
            let n = 1 + r.below(2);
            actions.push(SafetyAction {
                id,
                what: text(&mut r, n),
                who: name(&mut r),
                by_when: Some(day(date, &mut r, 90)),
                how_we_will_know: text(&mut r, 1),
                progress: ActionProgress::NotReviewed,
                who_person: None,
                recurrence: Recurrence::Once,
                until: None,
            });
        }
        s.safety_goals.push(SafetyGoal {
            id,
            parents_will: text(&mut r, 2),
            child_will_experience: text(&mut r, 2),
            professionals_will_see: text(&mut r, 2),
            danger_statements: vec![r.pick(&danger_ids).clone()],
            actions,
        });
    }
    s.bottom_lines = notes(&mut r, shape.note_bytes);
    s.contingency_plan = notes(&mut r, shape.note_bytes);

    let recommenders: Vec<AttendeeId> = s
        .attendees
        .iter()
        .filter(|a| a.gives_recommendation)
        .map(|a| a.id.clone())
        .collect();
    for p in &recommenders {
        for c in &child_ids {
            let id = s.new_item_id();
            let outcome = *r.pick(&[
                Outcome::ChildProtectionPlan,
                Outcome::ChildProtectionPlan,
                Outcome::ChildInNeed,
            ]);
            let categories = if outcome == Outcome::ChildProtectionPlan {
                vec![*r.pick(Category::ALL)]
            } else {
                vec![]
            };
            let reason = text(&mut r, 2);
            s.recommendations.push(Recommendation {
                id,
                professional: p.clone(),
                child: c.clone(),
                outcome,
                categories,
                reason,
            });
        }
    }
    let rationale = notes(&mut r, shape.note_bytes / 5);
    for d in &mut s.decisions {
        d.rationale = rationale.clone();
    }

    let mut at = start;
    for (i, stage) in Stage::ALL.iter().enumerate() {
        let end = at + Duration::minutes(8 + (i as i64 * 3) % 11);
        s.stage_visits.push(StageVisit {
            stage: *stage,
            started_at: at,
            ended_at: Some(end),
        });
        at = end;
    }
    for i in 0..shape.audit {
        s.audit.push(AuditEntry {
            at: start + Duration::seconds(i as i64 * 5),
            stage: Stage::ALL[i % Stage::ALL.len()],
            what: format!("edited Map › Text (item-{})", 10 + i % 500),
        });
    }
    s.updated_at = at;
    s.refresh_derived();
    s
}

/// Writes `count` sessions of `size` into `dir` (created owner-only if
/// missing) as ordinary session files; returns their paths.
pub fn write_sessions(dir: &Path, size: Size, count: usize) -> io::Result<Vec<PathBuf>> {
    (0..count)
        .map(|i| storage::save_new(&DurableWriter, dir, &session(size, i as u64)))
        .collect()
}
