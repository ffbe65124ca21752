//! Reading, parsing and writing field values. Invalid input is refused with
//! a message and never stored.

use crate::config::CategoryNames;
use crate::dates::parse::{DateContext, YearGuess};
use chrono::{NaiveDate, NaiveTime};

use super::field::{Field, FieldKind, find, find_mut, slots, slots_mut};
use crate::model::*;

mod choice;
mod pick;

pub use choice::{choose_by_letters, chosen_by_letters, cycle, toggle};
pub use pick::{pick_options, picked, set_picked};

/// One choice in a picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickOption {
    pub key: String,
    pub label: String,
}

/// A date as shown: "Thu 17 Dec 2026", weekday first, as a chair says it.
pub fn show_date(d: NaiveDate) -> String {
    crate::dates::parse::read_back(d)
}

/// Reads a typed date (British forms and ISO; see `dates::parse`). Empty
/// clears the date.
pub fn parse_date(text: &str, cx: &DateContext) -> Result<Option<NaiveDate>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    crate::dates::parse::parse_date(text, cx).map(Some)
}

/// Reads a typed time: 14:05, 9:30, 1405, 10am, 2:30pm. Empty clears it.
pub fn parse_time(text: &str) -> Result<Option<NaiveTime>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    crate::dates::parse::parse_time(text).map(Some)
}

/// What a date typed into `f` is read against. A date typed without a
/// year (`17/12`) is the next such day on or after the conference (or,
/// for the conference date itself and before one is set, on or after
/// `today`): conferences, reviews, core groups and actions lie ahead.
/// A date of birth and the strategy discussion come before the
/// conference, so for them it is the last such day on or before it.
pub fn date_context(s: &Session, f: &Field, today: NaiveDate) -> DateContext {
    let anchor = match f {
        Field::SetupDate => today,
        _ => s.setup.date.unwrap_or(today),
    };
    let guess = match f {
        Field::ChildDateOfBirth(_) | Field::SetupStrategyDate => YearGuess::OnOrBefore,
        _ => YearGuess::OnOrAfter,
    };
    DateContext {
        today,
        anchor,
        guess,
    }
}

/// "7 things are better" → (7, "things are better").
pub fn parse_score(text: &str) -> Result<Option<(u8, String)>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let (number, reason) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    match number.parse::<u8>() {
        Ok(n) if n <= 10 => Ok(Some((n, reason.trim().to_string()))),
        _ => Err(format!(
            "\"{number}\" is not a score: type a whole number from 0 to 10, then the reason"
        )),
    }
}

pub fn score<'a>(s: &'a Session, person: &AttendeeId, child: &ChildId) -> Option<&'a Score> {
    s.scaling
        .scores
        .iter()
        .find(|x| &x.person == person && &x.child == child)
}

/// The text the editor starts with.
pub fn edit_text(s: &Session, f: &Field) -> String {
    let slot = slots(s, f);
    if let Some(t) = slot.text {
        return t.clone();
    }
    if let Some(d) = slot.date {
        return d
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
    }
    if let Some(t) = slot.time {
        return t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
    }
    if let Field::ScoreEntry(p, c) = f {
        return score(s, p, c)
            .map(|x| format!("{} {}", x.score, x.reason).trim_end().to_string())
            .unwrap_or_default();
    }
    if let Field::ChildPreviousPlans(id) = f {
        return previous_plans(s, id);
    }
    String::new()
}

fn previous_plans(s: &Session, id: &ChildId) -> String {
    find(&s.children, id)
        .and_then(|c| c.previous_plans)
        .map(|n| n.to_string())
        .unwrap_or_default()
}

/// A child's age in whole years on `on`; `None` before the birth.
pub fn age_on(born: NaiveDate, on: NaiveDate) -> Option<u32> {
    on.years_since(born)
}

/// "2019-06-17 Mon (age 7)": the age at the conference (or today's date
/// when the conference has none), which a chair should not have to work out.
fn birth_with_age(s: &Session, born: NaiveDate) -> String {
    let on = s.setup.date.unwrap_or_else(|| s.updated_at.date_naive());
    match age_on(born, on) {
        Some(age) => format!("{} (age {age})", show_date(born)),
        None => show_date(born),
    }
}

/// The value as shown in a form or list; empty when not set.
/// `names`: the local names of the categories.
// Long because it is a table: one arm per field, each reading its own value.
pub fn display(s: &Session, f: &Field, names: &CategoryNames) -> String {
    use Field as F;
    let slot = slots(s, f);
    if let Some(t) = slot.text {
        return t.clone();
    }
    if let (F::ChildDateOfBirth(_), Some(Some(born))) = (f, slot.date) {
        return birth_with_age(s, *born);
    }
    if let Some(d) = slot.date {
        return d.map(show_date).unwrap_or_default();
    }
    if let Some(t) = slot.time {
        return t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
    }
    if let Some(b) = slot.flag {
        return if *b { "[x] yes" } else { "[ ] no" }.into();
    }
    let person = |p: Option<&AttendeeId>| p.map(|p| s.attendee_name(p)).unwrap_or_default();
    match f {
        F::SetupKind => s.setup.kind.label().into(),
        F::SetupVenueKind => s.setup.venue_kind.label().into(),
        F::AttendeeAgencyKind(id) => find(&s.attendees, id)
            .map(|a| a.agency_kind.label().into())
            .unwrap_or_default(),
        F::AttendeeAttendance(id) => find(&s.attendees, id)
            .map(|a| a.attendance.label().into())
            .unwrap_or_default(),
        F::ExclusionPerson(id) => {
            person(find(&s.pre_meeting.exclusions, id).and_then(|e| e.person.as_ref()))
        }
        F::DangerChildren(id) => find(&s.danger_statements, id)
            .map(|d| s.children_label(&d.children))
            .unwrap_or_default(),
        F::MapColumn(id) => find(&s.map_items, id)
            .map(|m| m.column.label().into())
            .unwrap_or_default(),
        F::MapSaidBy(id) => person(find(&s.map_items, id).and_then(|m| m.said_by.as_ref())),
        F::MapChildren(id) => find(&s.map_items, id)
            .map(|m| s.children_label(&m.children))
            .unwrap_or_default(),
        F::MapTag(id) => find(&s.map_items, id)
            .filter(|m| m.tag != Tag::None)
            .map(|m| m.tag.label().into())
            .unwrap_or_default(),
        F::VoiceMethod(id) => find(&s.child_voices, id)
            .map(|v| v.method.label().into())
            .unwrap_or_default(),
        F::ScoreEntry(p, c) => score(s, p, c)
            .map(|x| format!("{} {}", x.score, x.reason).trim_end().to_string())
            .unwrap_or_default(),
        F::GoalDangers(id) => find(&s.safety_goals, id)
            .map(|g| {
                g.danger_statements
                    .iter()
                    .filter_map(|d| s.danger_statements.iter().position(|x| &x.id == d))
                    .map(|i| format!("D{}", i + 1))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
        F::RecOutcome(id) => find(&s.recommendations, id)
            .map(|r| r.outcome.label().into())
            .unwrap_or_default(),
        F::RecCategories(id) => find(&s.recommendations, id)
            .map(|r| names.list(&r.categories))
            .unwrap_or_default(),
        F::DecisionOutcome(id) => find(&s.decisions, id)
            .map(|d| d.outcome.label().into())
            .unwrap_or_default(),
        F::ChildGender(id) => find(&s.children, id)
            .map(|c| c.gender.label().into())
            .unwrap_or_default(),
        F::ChildPreviousPlans(id) => previous_plans(s, id),
        F::PartPerson(id) => person(find(&s.parts, id).and_then(|p| p.person.as_ref())),
        F::PartMovement(id) => find(&s.parts, id)
            .map(|p| p.movement.label().into())
            .unwrap_or_default(),
        F::ActionWhoPerson(g, a) => person(
            find(&s.safety_goals, g)
                .and_then(|g| find(&g.actions, a))
                .and_then(|a| a.who_person.as_ref()),
        ),
        F::ActionRecurrence(g, a) => find(&s.safety_goals, g)
            .and_then(|g| find(&g.actions, a))
            .map(|a| a.recurrence.label().into())
            .unwrap_or_default(),
        F::ActionProgress(g, a) => find(&s.safety_goals, g)
            .and_then(|g| find(&g.actions, a))
            .map(|a| a.progress.label().into())
            .unwrap_or_default(),
        F::DecisionCategories(id) => find(&s.decisions, id)
            .map(|d| names.list(&d.categories))
            .unwrap_or_default(),
        F::ExclusionParts(id) => find(&s.pre_meeting.exclusions, id)
            .map(|e| {
                e.parts
                    .iter()
                    .map(|p| p.title())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
        F::DecisionLead(id) => {
            person(find(&s.decisions, id).and_then(|d| d.plan.lead_social_worker.as_ref()))
        }
        F::DecisionCoreGroup(id) => find(&s.decisions, id)
            .map(|d| {
                d.plan
                    .core_group
                    .iter()
                    .map(|p| s.attendee_name(p))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
        F::DissentWho(c, x) => person(
            find(&s.decisions, c)
                .and_then(|d| find(&d.dissents, x))
                .and_then(|x| x.who.as_ref()),
        ),
        _ => String::new(),
    }
}

/// Stores typed text in a field, or says why it cannot. `today` (for a
/// typed "today" or "tomorrow") is the computer's local date.
pub fn commit_text(s: &mut Session, f: &Field, text: &str) -> Result<(), String> {
    commit_text_on(s, f, text, chrono::Local::now().date_naive())
}

/// `commit_text` with the day that "today" means given.
pub fn commit_text_on(
    s: &mut Session,
    f: &Field,
    text: &str,
    today: NaiveDate,
) -> Result<(), String> {
    match f {
        Field::ChildNhsNumber(id) => {
            let value = if text.trim().is_empty() {
                String::new()
            } else {
                check_nhs_number(text)?
            };
            find_mut(&mut s.children, id).ok_or_else(gone)?.nhs_number = value;
            return Ok(());
        }
        Field::ChildPreviousPlans(id) => {
            let t = text.trim();
            let value = if t.is_empty() {
                None
            } else {
                Some(t.parse::<u32>().ok().filter(|n| *n < 100).ok_or_else(|| {
                    format!("\"{t}\" is not a number of plans: type a whole number, e.g. 0")
                })?)
            };
            find_mut(&mut s.children, id)
                .ok_or_else(gone)?
                .previous_plans = value;
            return Ok(());
        }
        _ => {}
    }
    match f.kind() {
        FieldKind::Date => {
            let value = parse_date(text, &date_context(s, f, today))?;
            *slots_mut(s, f).date.ok_or_else(gone)? = value;
        }
        FieldKind::Time => {
            let value = parse_time(text)?;
            *slots_mut(s, f).time.ok_or_else(gone)? = value;
        }
        FieldKind::Score => {
            let Field::ScoreEntry(person, child) = f else {
                return Err(gone());
            };
            let value = parse_score(text)?;
            set_score(s, person, child, value);
        }
        FieldKind::Line => {
            // A single line: a pasted newline becomes a space.
            let one_line = text.replace(['\r', '\n'], " ");
            *slots_mut(s, f).text.ok_or_else(gone)? = one_line;
        }
        FieldKind::Lines => {
            *slots_mut(s, f).text.ok_or_else(gone)? = text.replace('\r', "");
        }
        _ => return Err("this field is not typed: use Enter or Space".into()),
    }
    Ok(())
}

fn gone() -> String {
    "that item no longer exists".into()
}

pub fn set_score(
    s: &mut Session,
    person: &AttendeeId,
    child: &ChildId,
    value: Option<(u8, String)>,
) {
    let existing = s
        .scaling
        .scores
        .iter()
        .position(|x| &x.person == person && &x.child == child);
    match (existing, value) {
        (Some(i), None) => {
            s.scaling.scores.remove(i);
        }
        (Some(i), Some((n, reason))) => {
            s.scaling.scores[i].score = n;
            s.scaling.scores[i].reason = reason;
        }
        (None, Some((n, reason))) => {
            let id = s.new_item_id();
            s.scaling.scores.push(Score {
                id,
                person: person.clone(),
                child: child.clone(),
                score: n,
                reason,
            });
        }
        (None, None) => {}
    }
}
