//! Who was in the room when: attendance times, and the parts a person was
//! out of the room for or there only for. Quorum at a decision and the
//! copies each person receives both ask these questions.

use chrono::NaiveTime;

use super::choices::{Attendance, PartMovement};
use super::ids::AttendeeId;
use super::session::{Attendee, PartAttendance, Session};
use crate::model::Choice;

/// Whether a person was in the room at a moment, and if not, why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Presence {
    Present,
    /// Not there, in a few words: "left at 11:30", "sent apologies".
    Absent(String),
}

impl Presence {
    pub fn is_present(&self) -> bool {
        matches!(self, Presence::Present)
    }
}

fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// True when `t` falls in `[from, to)`; an open end is open.
fn within(t: NaiveTime, from: Option<NaiveTime>, to: Option<NaiveTime>) -> bool {
    from.is_none_or(|f| f <= t) && to.is_none_or(|e| t < e)
}

impl Session {
    /// The parts recorded for one person, in the order entered.
    pub fn parts_of<'a>(
        &'a self,
        person: &'a AttendeeId,
    ) -> impl Iterator<Item = &'a PartAttendance> {
        self.parts
            .iter()
            .filter(move |p| p.person.as_ref() == Some(person))
    }

    /// Was `person` in the room at `t`? Their register entry (present,
    /// joined at, left at) first, then the parts they left the room for or
    /// were there only for.
    pub fn presence_at(&self, person: &AttendeeId, t: NaiveTime) -> Presence {
        let Some(a) = self.attendee(person) else {
            return Presence::Absent("not on the register".into());
        };
        if let Some(why) = register_absence(a, t) {
            return Presence::Absent(why);
        }
        for p in self.parts_of(person) {
            if p.movement == PartMovement::LeftFor && within(t, p.from, p.to) {
                return Presence::Absent(format!("out of the room for {}", part_name(p)));
            }
        }
        let joined_for: Vec<&PartAttendance> = self
            .parts_of(person)
            .filter(|p| p.movement == PartMovement::JoinedFor)
            .collect();
        if !joined_for.is_empty() && !joined_for.iter().any(|p| within(t, p.from, p.to)) {
            let names: Vec<String> = joined_for.iter().map(|p| part_name(p)).collect();
            return Presence::Absent(format!("there only for {}", names.join(", ")));
        }
        Presence::Present
    }

    /// Was `person` there for the part called `part` (as the chair named it
    /// in a part record)? False when they left the room for it, or were
    /// there only for other parts, or not there at all.
    pub fn present_for_part(&self, person: &AttendeeId, part: &str) -> bool {
        let Some(a) = self.attendee(person) else {
            return false;
        };
        if !a.attendance.is_present() {
            return false;
        }
        let same = |p: &PartAttendance| p.part.trim().eq_ignore_ascii_case(part.trim());
        let mut joined_any = false;
        for p in self.parts_of(person) {
            match p.movement {
                PartMovement::LeftFor if same(p) => return false,
                PartMovement::JoinedFor if same(p) => return true,
                PartMovement::JoinedFor => joined_any = true,
                PartMovement::LeftFor => {}
            }
        }
        !joined_any
    }

    /// One line per part record, for the record: "Dean Fairlie: joined only
    /// for his separate part (11:32 to 11:50)".
    pub fn part_lines(&self) -> Vec<String> {
        self.parts
            .iter()
            .map(|p| {
                let who = p
                    .person
                    .as_ref()
                    .map(|a| self.attendee_name(a))
                    .unwrap_or_else(|| "(person not recorded)".into());
                let times = match (p.from, p.to) {
                    (Some(f), Some(t)) => format!(" ({} to {})", hm(f), hm(t)),
                    (Some(f), None) => format!(" (from {})", hm(f)),
                    (None, Some(t)) => format!(" (until {})", hm(t)),
                    (None, None) => String::new(),
                };
                format!(
                    "{who}: {} {}{times}",
                    p.movement.label().to_lowercase(),
                    part_name(p)
                )
            })
            .collect()
    }
}

fn part_name(p: &PartAttendance) -> String {
    if p.part.trim().is_empty() {
        "a part not named".into()
    } else {
        p.part.trim().to_string()
    }
}

/// Why the register says a person was not in the room at `t`, if it does.
fn register_absence(a: &Attendee, t: NaiveTime) -> Option<String> {
    match a.attendance {
        Attendance::Apologies => return Some("sent apologies".into()),
        Attendance::ReportOnly => return Some("sent a report only".into()),
        Attendance::Invited => return Some("not marked as present".into()),
        Attendance::DidNotAttend => return Some("did not attend".into()),
        Attendance::Present | Attendance::JoinedLate | Attendance::LeftEarly => {}
    }
    if let Some(j) = a.joined_at.filter(|j| t < *j) {
        return Some(format!("joined at {}", hm(j)));
    }
    if let Some(l) = a.left_at.filter(|l| *l <= t) {
        return Some(format!("left at {}", hm(l)));
    }
    None
}
