//! Who was in the room for which part: the one place that decides what a
//! family member's own copy and letter leave out.
//!
//! A copy can leave out the discussion parts of the agenda. Setup, the
//! introductions (who took part) and the decision with its reasons are in
//! every copy: everyone invited is told the decision and why.

use std::collections::BTreeSet;

use crate::model::{AgencyKind, Attendee, AttendeeId, Session, Stage};

use super::doc::Section;

/// The parts a person's copy can leave out.
pub const EXCLUDABLE: [Stage; 6] = [
    Stage::PreMeeting,
    Stage::DangerStatements,
    Stage::Map,
    Stage::Scaling,
    Stage::SafetyGoals,
    Stage::Recommendations,
];

/// The parts `person` was not in the room for: those named on their
/// exclusion or separate-attendance records, and, for separate attendance,
/// always the joint pre-meeting (it holds the other parent's own views).
pub fn excluded_parts(session: &Session, person: &AttendeeId) -> BTreeSet<Stage> {
    let mut out = BTreeSet::new();
    for e in &session.pre_meeting.exclusions {
        if e.person.as_ref() != Some(person) {
            continue;
        }
        out.extend(e.parts.iter().copied().filter(|p| EXCLUDABLE.contains(p)));
        if e.separate_attendance {
            out.insert(Stage::PreMeeting);
        }
    }
    out
}

/// The family members on the register, each of whom gets their own copy
/// and letter.
pub fn family_members(session: &Session) -> impl Iterator<Item = &Attendee> {
    session
        .attendees
        .iter()
        .filter(|a| a.agency_kind == AgencyKind::Family && !a.name.trim().is_empty())
}

/// Who a family copy or letter is for.
#[derive(Clone, Copy, Debug)]
pub enum Reader<'a> {
    /// The whole family at once: leaves out every part any of them missed.
    Family,
    /// One family member, addressed alone.
    Member(&'a Attendee),
}

impl Reader<'_> {
    /// The parts this reader's copy leaves out.
    pub fn missing(self, session: &Session) -> BTreeSet<Stage> {
        match self {
            Reader::Family => family_members(session)
                .flat_map(|a| excluded_parts(session, &a.id))
                .collect(),
            Reader::Member(a) => excluded_parts(session, &a.id),
        }
    }

    /// Whether `person` is the one reading.
    pub fn is(self, person: &AttendeeId) -> bool {
        matches!(self, Reader::Member(a) if &a.id == person)
    }
}

/// The name of a part in a sentence: "the parents' pre-meeting".
pub fn part_phrase(stage: Stage) -> &'static str {
    match stage {
        Stage::PreMeeting => "the parents' meeting with the chair before the conference",
        Stage::DangerStatements => "the danger statements",
        Stage::Map => "the discussion of what is going well and what people are worried about",
        Stage::Scaling => "the scaling",
        Stage::SafetyGoals => "the safety goals and the plan",
        Stage::Recommendations => "the professionals' recommendations",
        _ => "a part of the conference",
    }
}

/// For the record: which copy and letter each person gets, and what each
/// family member's leaves out.
pub fn who_gets_what(session: &Session, sec: &mut Section) {
    let mut lines: Vec<String> = family_members(session)
        .map(|a| {
            let missed = excluded_parts(session, &a.id);
            let name = a.name.trim();
            if missed.is_empty() {
                format!("{name}: their own letter and copy, with everything that can be shared.")
            } else {
                let parts: Vec<&str> = missed.iter().map(|p| part_phrase(*p)).collect();
                format!(
                    "{name}: their own letter and copy, leaving out {}.",
                    super::words::join_and(&parts)
                )
            }
        })
        .collect();
    lines.push("Professionals invited: the letter to professionals, and this record.".to_string());
    for c in session.children.iter().filter(|c| c.own_letter) {
        lines.push(format!(
            "{}: a letter in plain words.",
            super::words::or(&c.name, "The child")
        ));
    }
    sec.list_or(lines, "");
}
