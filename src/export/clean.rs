//! Nothing leaves the program with raw control characters: pasted text can
//! hold ESC, BEL, C1 codes or a bare CR, which in an export sent to a
//! terminal could set its title or move its cursor, and in a file hide
//! text. Newlines and tabs are kept; every other control character goes.

use std::borrow::Cow;

use crate::model::Session;

/// Whether `c` may leave the program.
fn allowed(c: char) -> bool {
    !c.is_control() || c == '\n' || c == '\t'
}

/// `text` without control characters other than newline and tab.
pub fn strip_controls(text: &str) -> Cow<'_, str> {
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| allowed(*c)).collect())
    }
}

/// A copy of `session` with every text stripped of control characters,
/// done before a copy is built so no escaping step ever sees one (a
/// character removed after escaping could otherwise leave markup behind).
pub fn session_without_controls(session: &Session) -> Cow<'_, Session> {
    let Ok(mut value) = serde_json::to_value(session) else {
        return Cow::Borrowed(session);
    };
    if !strip_in(&mut value) {
        return Cow::Borrowed(session);
    }
    match serde_json::from_value(value) {
        Ok(clean) => Cow::Owned(clean),
        Err(_) => Cow::Borrowed(session),
    }
}

/// Strips every string in `value`; true if any changed.
fn strip_in(value: &mut serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::String(s) => match strip_controls(s) {
            Cow::Owned(clean) => {
                *s = clean;
                true
            }
            Cow::Borrowed(_) => false,
        },
        // Every element is visited: no short cut once one has changed.
        Value::Array(items) => items.iter_mut().map(strip_in).filter(|c| *c).count() > 0,
        Value::Object(map) => map.values_mut().map(strip_in).filter(|c| *c).count() > 0,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_newlines_and_tabs_drops_the_rest() {
        assert_eq!(
            strip_controls("a\x1b]0;owned\x07b\r\n\tc\u{9b}d\u{85}"),
            "a]0;ownedb\n\tcd"
        );
        assert!(matches!(strip_controls("plain\ntext"), Cow::Borrowed(_)));
    }
}
