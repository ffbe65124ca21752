//! Choices and tick boxes: moving a choice on, choosing by first letters
//! as a drop-down does, ticking.

use super::super::field::{Field, find_mut, slots_mut};
use super::*;

/// Moves a choice field to its next (or previous) value.
pub fn cycle(s: &mut Session, f: &Field, forward: bool) -> bool {
    use Field as F;
    macro_rules! turn {
        ($place:expr) => {{
            $place = $place.cycled(forward);
            true
        }};
    }
    match f {
        F::SetupKind => turn!(s.setup.kind),
        F::SetupVenueKind => turn!(s.setup.venue_kind),
        F::AttendeeAgencyKind(id) => {
            find_mut(&mut s.attendees, id).is_some_and(|a| turn!(a.agency_kind))
        }
        F::AttendeeAttendance(id) => {
            find_mut(&mut s.attendees, id).is_some_and(|a| turn!(a.attendance))
        }
        F::MapColumn(id) => find_mut(&mut s.map_items, id).is_some_and(|m| turn!(m.column)),
        F::MapTag(id) => find_mut(&mut s.map_items, id).is_some_and(|m| turn!(m.tag)),
        F::VoiceMethod(id) => find_mut(&mut s.child_voices, id).is_some_and(|v| turn!(v.method)),
        F::RecOutcome(id) => find_mut(&mut s.recommendations, id).is_some_and(|r| turn!(r.outcome)),
        F::DecisionOutcome(id) => find_mut(&mut s.decisions, id).is_some_and(|d| turn!(d.outcome)),
        F::ActionProgress(g, a) => find_mut(&mut s.safety_goals, g)
            .and_then(|g| find_mut(&mut g.actions, a))
            .is_some_and(|a| turn!(a.progress)),
        F::ActionRecurrence(g, a) => find_mut(&mut s.safety_goals, g)
            .and_then(|g| find_mut(&mut g.actions, a))
            .is_some_and(|a| turn!(a.recurrence)),
        F::ChildGender(id) => find_mut(&mut s.children, id).is_some_and(|c| turn!(c.gender)),
        F::PartMovement(id) => find_mut(&mut s.parts, id).is_some_and(|p| turn!(p.movement)),
        _ => false,
    }
}

/// Letters fit a label that starts with them, or whose words' first letters
/// start with them, as chairs shorten outcomes: "cpp", "cin", "nfa".
fn fits(label: &str, letters: &str) -> bool {
    let label = label.to_lowercase();
    let initials: String = label
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter_map(|w| w.chars().next())
        .collect();
    label.starts_with(letters) || initials.starts_with(letters)
}

/// Failing that, letters fit a label one of whose later words starts with
/// them, as a picker finds a name: "in" finds "Child in need plan",
/// "social" "Through the social worker".
fn fits_a_word(label: &str, letters: &str) -> bool {
    let label = label.to_lowercase();
    label
        .split(|c: char| !c.is_alphanumeric())
        .skip(1)
        .any(|w| w.starts_with(letters))
}

/// Which of `labels` letters typed on a choice whose value is `labels[at]`
/// choose. A second letter (`again`) refines the current choice if it
/// still fits; the first letter moves on, so pressing it again goes
/// through every choice starting with it. With `words`, letters that start
/// no label may start a later word of one.
pub fn chosen_by_letters(
    labels: &[&str],
    at: usize,
    letters: &str,
    again: bool,
    words: bool,
) -> Option<usize> {
    let n = labels.len();
    let start = if again { at } else { at + 1 };
    let round = || (0..n).map(|i| (start + i) % n);
    round().find(|i| fits(labels[*i], letters)).or_else(|| {
        round()
            .filter(|_| words)
            .find(|i| fits_a_word(labels[*i], letters))
    })
}

/// Sets a choice field to the first value, from the one after the current
/// one round to itself, whose label starts with `letters` (any case), as a
/// web form's drop-down does, or failing any, one with a word that does
/// ("i" a child in need plan). The label chosen, or None if none fits.
pub fn choose_by_letters(
    s: &mut Session,
    f: &Field,
    letters: &str,
    words: bool,
) -> Option<&'static str> {
    use Field as F;
    let letters = letters.to_lowercase();
    fn pick<T: Choice>(
        place: &mut T,
        letters: &str,
        again: bool,
        words: bool,
    ) -> Option<&'static str> {
        let all = T::ALL;
        let at = all.iter().position(|c| c == place).unwrap_or(0);
        let labels: Vec<&str> = all.iter().map(|c| c.label()).collect();
        let found = all[chosen_by_letters(&labels, at, letters, again, words)?];
        *place = found;
        Some(found.label())
    }
    let again = letters.chars().count() > 1;
    let l = letters.as_str();
    match f {
        F::SetupKind => pick(&mut s.setup.kind, l, again, words),
        F::SetupVenueKind => pick(&mut s.setup.venue_kind, l, again, words),
        F::AttendeeAgencyKind(id) => {
            find_mut(&mut s.attendees, id).and_then(|a| pick(&mut a.agency_kind, l, again, words))
        }
        F::AttendeeAttendance(id) => {
            find_mut(&mut s.attendees, id).and_then(|a| pick(&mut a.attendance, l, again, words))
        }
        F::MapColumn(id) => {
            find_mut(&mut s.map_items, id).and_then(|m| pick(&mut m.column, l, again, words))
        }
        F::MapTag(id) => {
            find_mut(&mut s.map_items, id).and_then(|m| pick(&mut m.tag, l, again, words))
        }
        F::VoiceMethod(id) => {
            find_mut(&mut s.child_voices, id).and_then(|v| pick(&mut v.method, l, again, words))
        }
        F::RecOutcome(id) => {
            find_mut(&mut s.recommendations, id).and_then(|r| pick(&mut r.outcome, l, again, words))
        }
        F::DecisionOutcome(id) => {
            find_mut(&mut s.decisions, id).and_then(|d| pick(&mut d.outcome, l, again, words))
        }
        F::ActionProgress(g, a) => find_mut(&mut s.safety_goals, g)
            .and_then(|g| find_mut(&mut g.actions, a))
            .and_then(|a| pick(&mut a.progress, l, again, words)),
        _ => None,
    }
}

/// Flips a yes/no field.
pub fn toggle(s: &mut Session, f: &Field) -> bool {
    match slots_mut(s, f).flag {
        Some(b) => {
            *b = !*b;
            true
        }
        None => false,
    }
}
