//! Who was in the room for which part: the one place that decides what a
//! family member's own copy and letter leave out.
//!
//! A copy can leave out the discussion parts of the agenda. Setup, the
//! introductions (who took part) and the decision with its reasons are in
//! every copy: everyone invited is told the decision and why.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveTime;

use crate::model::{
    AgencyKind, Attendee, AttendeeId, PartAttendance, PartMovement, Session, Stage,
};

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
/// exclusion or separate-attendance records (for separate attendance,
/// always the joint pre-meeting too: it holds the other parent's own
/// views), and those their part attendance says they missed (see
/// `missed_parts`). Every copy and letter asks this one function.
pub fn excluded_parts(session: &Session, person: &AttendeeId) -> BTreeSet<Stage> {
    missed_parts(session, person).into_keys().collect()
}

/// Why a person's copy leaves a part out.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Why {
    /// Excluded from it before the conference.
    Excluded,
    /// Attended the conference separately.
    Separately,
    /// Out of the room for some or all of it: the part they left for, in
    /// the chair's words, with its times.
    OutOfTheRoom(String),
    /// There only for other parts (the ones named, with their times).
    ThereOnlyFor(String),
}

impl Why {
    /// A few words for the record: "out of the room for the police
    /// information, 10:40 to 10:50".
    pub fn phrase(&self) -> String {
        match self {
            Why::Excluded => "excluded from it".into(),
            Why::Separately => "attended separately".into(),
            Why::OutOfTheRoom(p) => format!("out of the room for {p}"),
            Why::ThereOnlyFor(p) => format!("there only for {p}"),
        }
    }
}

/// Each part `person` missed, with every reason it is missed.
///
/// A part record names a part in the chair's words and perhaps times. It
/// covers the agenda parts its words name ("the scaling") and the parts
/// open in the room at any moment of its times: a person out of the room
/// for some of the map may have missed anything said on it, so their copy
/// leaves the whole map out. A record the program cannot place (no part
/// it knows by name, no times) covers every part that can be left out:
/// when in doubt, a copy shares less.
pub fn missed_parts(session: &Session, person: &AttendeeId) -> BTreeMap<Stage, BTreeSet<Why>> {
    let mut out: BTreeMap<Stage, BTreeSet<Why>> = BTreeMap::new();
    let mut miss = |stage: Stage, why: Why| {
        if EXCLUDABLE.contains(&stage) {
            out.entry(stage).or_default().insert(why);
        }
    };
    for e in &session.pre_meeting.exclusions {
        if e.person.as_ref() != Some(person) {
            continue;
        }
        let why = if e.separate_attendance {
            Why::Separately
        } else {
            Why::Excluded
        };
        for p in &e.parts {
            miss(*p, why.clone());
        }
        if e.separate_attendance {
            miss(Stage::PreMeeting, why);
        }
    }
    let parts: Vec<&PartAttendance> = session.parts_of(person).collect();
    for p in parts.iter().filter(|p| p.movement == PartMovement::LeftFor) {
        let covered = covered_by(session, p);
        let why = Why::OutOfTheRoom(described(p));
        let stages = if covered.is_empty() && !placed(p) {
            EXCLUDABLE.to_vec()
        } else {
            covered
        };
        for stage in stages {
            miss(stage, why.clone());
        }
    }
    let joined: Vec<&&PartAttendance> = parts
        .iter()
        .filter(|p| p.movement == PartMovement::JoinedFor)
        .collect();
    if !joined.is_empty() {
        let there: BTreeSet<Stage> = joined.iter().flat_map(|p| attended(session, p)).collect();
        let names: Vec<String> = joined.iter().map(|p| described(p)).collect();
        let why = Why::ThereOnlyFor(super::words::join_and(&names));
        for stage in EXCLUDABLE.iter().filter(|s| !there.contains(s)) {
            miss(*stage, why.clone());
        }
    }
    out
}

/// A part record's part and times, for a sentence: "Dean's separate part,
/// 11:32 to 11:50".
fn described(p: &PartAttendance) -> String {
    let name = p.part.trim();
    let name = if name.is_empty() {
        "a part not named"
    } else {
        name
    };
    let hm = |t: NaiveTime| t.format("%H:%M").to_string();
    match (p.from, p.to) {
        (Some(f), Some(t)) => format!("{name}, {} to {}", hm(f), hm(t)),
        (Some(f), None) => format!("{name}, from {}", hm(f)),
        (None, Some(t)) => format!("{name}, until {}", hm(t)),
        (None, None) => name.to_string(),
    }
}

/// Whether the program can tell which parts a record is about: it names
/// one, or has a time.
fn placed(p: &PartAttendance) -> bool {
    !stages_named(&p.part).is_empty() || p.from.is_some() || p.to.is_some()
}

/// The agenda parts a record covers: those its words name, and those open
/// at any moment between its times.
fn covered_by(session: &Session, p: &PartAttendance) -> Vec<Stage> {
    let mut out = stages_named(&p.part);
    if p.from.is_some() || p.to.is_some() {
        for v in &session.stage_visits {
            let start = v.started_at.time();
            let end = v.ended_at.map(|e| e.time());
            let after_start = end.is_none_or(|e| p.from.is_none_or(|f| f < e));
            let before_end = p.to.is_none_or(|t| start < t);
            if after_start && before_end && !out.contains(&v.stage) {
                out.push(v.stage);
            }
        }
    }
    out
}

/// The agenda parts a "there only for" record lets the person share: the
/// parts its words name, and the parts whose every opening fell inside its
/// times (a part also open while they were away is missed).
fn attended(session: &Session, p: &PartAttendance) -> Vec<Stage> {
    let mut out = stages_named(&p.part);
    if p.from.is_none() && p.to.is_none() {
        return out;
    }
    for stage in EXCLUDABLE {
        let mut visits = session.stage_visits.iter().filter(|v| v.stage == stage);
        let mut any = false;
        let inside = visits.all(|v| {
            any = true;
            let start = v.started_at.time();
            let starts_in = p.from.is_none_or(|f| f <= start);
            let ends_in = match (v.ended_at, p.to) {
                (_, None) => true,
                (Some(e), Some(t)) => e.time() <= t,
                (None, Some(_)) => false,
            };
            starts_in && ends_in
        });
        if any && inside && !out.contains(&stage) {
            out.push(stage);
        }
    }
    out
}

/// The agenda parts named in the chair's words for a part: "left for the
/// scaling", "there only for the danger statements".
pub fn stages_named(words: &str) -> Vec<Stage> {
    let lower = words.to_lowercase();
    let w: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let starts = |prefix: &str| w.iter().any(|x| x.starts_with(prefix));
    let is = |word: &str| w.contains(&word);
    let pair = |a: &str, b: &str| w.windows(2).any(|p| p[0] == a && p[1] == b);
    let mut out = Vec::new();
    if is("premeeting") || pair("pre", "meeting") || pair("pre", "meet") {
        out.push(Stage::PreMeeting);
    }
    if starts("danger") {
        out.push(Stage::DangerStatements);
    }
    if is("map") || starts("worr") || pair("going", "well") {
        out.push(Stage::Map);
    }
    if starts("scal") {
        out.push(Stage::Scaling);
    }
    if starts("goal") || pair("safety", "plan") {
        out.push(Stage::SafetyGoals);
    }
    if starts("recommend") {
        out.push(Stage::Recommendations);
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
            let missed = missed_parts(session, &a.id);
            let name = a.name.trim();
            if missed.is_empty() {
                format!("{name}: their own letter and copy, with everything that can be shared.")
            } else {
                let parts: Vec<&str> = missed.keys().map(|p| part_phrase(*p)).collect();
                let whys: BTreeSet<&Why> = missed.values().flatten().collect();
                let whys: Vec<String> = whys.iter().map(|w| w.phrase()).collect();
                format!(
                    "{name}: their own letter and copy, leaving out {} ({}).",
                    super::words::join_and(&parts),
                    whys.join("; ")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chairs_words_name_the_parts_they_mean_and_no_others() {
        assert_eq!(stages_named("the scaling"), [Stage::Scaling]);
        assert_eq!(
            stages_named("Dean's part: dangers, worries, scaling"),
            [Stage::DangerStatements, Stage::Map, Stage::Scaling]
        );
        assert_eq!(stages_named("Parents' pre-meeting"), [Stage::PreMeeting]);
        assert_eq!(stages_named("the safety plan"), [Stage::SafetyGoals]);
        assert_eq!(stages_named("The map"), [Stage::Map]);
        // Words that only contain a part's name do not name it.
        assert!(stages_named("police information about escalation").is_empty());
        assert!(stages_named("the child protection plan decision").is_empty());
        assert!(stages_named("mapping the family network").is_empty());
    }
}
