//! Wording shared by the copies: dates and times the British way, names
//! with placeholders, lists joined with "and", outcomes in plain words.

use chrono::{Duration, NaiveDate, NaiveTime};

use crate::model::{Category, Child, ChildId, Choice, ConferenceKind, Outcome, Session, Timestamp};

/// Shown for a field the chair left empty, in the record.
pub const NOT_RECORDED: &str = "(not recorded)";

/// "Monday 9 November 2026".
pub fn long_date(d: NaiveDate) -> String {
    d.format("%A %-d %B %Y").to_string()
}

/// "17 June 2019": for dates of birth, where the weekday is noise.
pub fn short_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// A date, or `missing` when it is not set.
pub fn date_or(d: Option<NaiveDate>, missing: &str) -> String {
    d.map(long_date).unwrap_or_else(|| missing.to_string())
}

/// "10:00".
pub fn time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// "9 November 2026 at 12:40".
pub fn stamp(t: &Timestamp) -> String {
    t.format("%-d %B %Y at %H:%M").to_string()
}

/// "1 h 05 min", "36 min", "0 min".
pub fn duration(d: Duration) -> String {
    let minutes = d.num_minutes().max(0);
    if minutes >= 60 {
        format!("{} h {:02} min", minutes / 60, minutes % 60)
    } else {
        format!("{minutes} min")
    }
}

/// The text, or `(not recorded)` when it is blank.
pub fn or_not_recorded(text: &str) -> String {
    or(text, NOT_RECORDED)
}

/// The text trimmed, or `missing` when it is blank.
pub fn or(text: &str, missing: &str) -> String {
    if text.trim().is_empty() {
        missing.to_string()
    } else {
        text.trim().to_string()
    }
}

pub fn yes_no(b: bool) -> &'static str {
    if b { "Yes" } else { "No" }
}

/// "a", "a and b", "a, b and c".
pub fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter()
                .map(std::convert::AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// Category labels in lower case, joined: "neglect and emotional abuse".
pub fn categories(cats: &[Category]) -> String {
    let words: Vec<String> = cats.iter().map(|c| c.label().to_lowercase()).collect();
    join_and(&words)
}

/// When an action happens: its date, or how often and until when.
pub fn action_when(a: &crate::model::SafetyAction) -> String {
    use crate::model::Recurrence;
    if a.recurrence == Recurrence::Once {
        return date_or(a.by_when, NOT_RECORDED);
    }
    let mut text = a.recurrence.label().to_string();
    if let Some(from) = a.by_when {
        text.push_str(&format!(", from {}", long_date(from)));
    }
    match a.until {
        Some(until) => text.push_str(&format!(", until {}", long_date(until))),
        None => text.push_str(", while the plan lasts"),
    }
    text
}

/// "17 June 2019 (age 7)": the age on the conference date.
pub fn birth_with_age(child: &Child, on: Option<NaiveDate>) -> String {
    match (child.date_of_birth, on) {
        (Some(d), Some(on)) => match on.years_since(d) {
            Some(age) => format!("born {} (age {age})", short_date(d)),
            None => birth(child),
        },
        _ => birth(child),
    }
}

/// Date of birth, expected delivery, or a placeholder.
pub fn birth(child: &Child) -> String {
    match (child.date_of_birth, child.expected_delivery) {
        (Some(d), _) => format!("born {}", short_date(d)),
        (None, Some(d)) => format!("expected {}", short_date(d)),
        (None, None) => "date of birth not recorded".into(),
    }
}

/// The children's first names for friendly text ("Kacey and Rory"),
/// "your children" / "your child" when none are named.
pub fn first_names(session: &Session) -> String {
    let names: Vec<String> = session
        .children
        .iter()
        .filter_map(|c| c.name.split_whitespace().next().map(str::to_string))
        .collect();
    if names.is_empty() {
        if session.children.len() == 1 {
            "your child".into()
        } else {
            "your children".into()
        }
    } else {
        join_and(&names)
    }
}

/// A child's first name for friendly text, or "your child".
pub fn first_name(session: &Session, id: &ChildId) -> String {
    session
        .child(id)
        .and_then(|c| c.name.split_whitespace().next())
        .map(str::to_string)
        .unwrap_or_else(|| "your child".into())
}

/// First names of some children ("Kacey and Rory"), for friendly text.
pub fn first_names_of(session: &Session, ids: &[ChildId]) -> String {
    let names: Vec<String> = ids.iter().map(|id| first_name(session, id)).collect();
    if names.is_empty() {
        "the children".into()
    } else {
        join_and(&names)
    }
}

/// "the initial child protection conference", for sentences.
pub fn conference_phrase(kind: ConferenceKind) -> &'static str {
    match kind {
        ConferenceKind::Initial => "the initial child protection conference",
        ConferenceKind::Review => "the review child protection conference",
        ConferenceKind::PreBirth => "the pre-birth child protection conference",
        ConferenceKind::TransferIn => "the transfer-in child protection conference",
    }
}

/// What was decided for one child, as one plain sentence for the family.
/// At a review, the outcomes speak of the plan continuing or ending.
pub fn outcome_sentence(
    kind: ConferenceKind,
    name: &str,
    outcome: Outcome,
    cats: &[Category],
) -> String {
    let review = kind == ConferenceKind::Review;
    let category = match cats.len() {
        0 => String::new(),
        1 => format!(", under the category of {}", categories(cats)),
        _ => format!(", under the categories of {}", categories(cats)),
    };
    match outcome {
        Outcome::ChildProtectionPlan if review => {
            format!("{name}'s child protection plan will continue{category}.")
        }
        Outcome::ChildProtectionPlan => {
            format!("{name} will have a child protection plan{category}.")
        }
        Outcome::ChildInNeed if review => format!(
            "{name}'s child protection plan will end, and {name} will have a child in need plan instead."
        ),
        Outcome::ChildInNeed => format!("{name} will have a child in need plan."),
        Outcome::NoFurtherAction if review => format!(
            "{name}'s child protection plan will end, with no further action by children's social care."
        ),
        Outcome::NoFurtherAction => {
            format!("No further action by children's social care is needed for {name}.")
        }
        Outcome::Undecided => format!("No decision has been made yet for {name}."),
    }
}

/// What the outcome means for the family, in a sentence or two.
pub fn outcome_meaning(name: &str, outcome: Outcome) -> Option<String> {
    match outcome {
        Outcome::ChildProtectionPlan => Some(format!(
            "This means that you, your family and the professionals will work together on a \
             written plan to keep {name} safe. A small group (the core group) will meet \
             regularly to check how the plan is going, and a review conference will decide \
             whether the plan is still needed."
        )),
        Outcome::ChildInNeed => Some(format!(
            "This is not a child protection plan. It means your social worker will keep \
             working with you and {name} to give your family the help you need."
        )),
        Outcome::NoFurtherAction => Some(
            "The services you already know, such as school, the GP and the health visitor, \
             will carry on supporting your family."
                .into(),
        ),
        Outcome::Undecided => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_with_and() {
        let none: [&str; 0] = [];
        assert_eq!(join_and(&none), "");
        assert_eq!(join_and(&["a"]), "a");
        assert_eq!(join_and(&["a", "b"]), "a and b");
        assert_eq!(join_and(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Duration::minutes(36)), "36 min");
        assert_eq!(duration(Duration::minutes(65)), "1 h 05 min");
        assert_eq!(duration(Duration::minutes(-5)), "0 min");
    }

    #[test]
    fn dates_are_british() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 9).unwrap();
        assert_eq!(long_date(d), "Monday 9 November 2026");
    }
}
