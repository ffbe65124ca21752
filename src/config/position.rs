//! Where in the file a problem is: byte offsets to line and column, and a
//! key path (`quorum.other_agencies`, `opening_statements[2]`) to its span.

use std::fmt;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

/// One step of a key path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A key path such as `planned_minutes.map` or `opening_statements[2]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyPath(pub Vec<Seg>);

impl KeyPath {
    pub fn key(name: &str) -> Self {
        KeyPath(vec![Seg::Key(name.to_string())])
    }

    pub fn then(&self, name: &str) -> Self {
        let mut p = self.clone();
        p.0.push(Seg::Key(name.to_string()));
        p
    }

    pub fn at(&self, i: usize) -> Self {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }
}

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if n == 0 => f.write_str(k)?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// 1-based line and column (in characters) of a byte offset. An offset
/// past the end, or inside a character, is moved back to a boundary.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The span of the value at `path` in `text`, if it is written there.
pub fn span_of(text: &str, path: &KeyPath) -> Option<Range<usize>> {
    let root = DeTable::parse(text).ok()?;
    let root_span = root.span();
    let root = DeValue::Table(root.into_inner());
    let mut current = &root;
    let mut span = root_span;
    for seg in &path.0 {
        let next = match seg {
            Seg::Key(k) => current.get(k.as_str())?,
            Seg::Index(i) => current.get(*i)?,
        };
        span = next.span();
        current = next.get_ref();
    }
    Some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // "bé = " is 6 bytes but 5 characters.
        assert_eq!(line_column(text, 12), (2, 6));
        // Inside the two-byte é, and past the end: no panic.
        assert_eq!(line_column(text, 8), (2, 2));
        assert_eq!(line_column(text, 999), (3, 1));
    }

    #[test]
    fn key_paths_find_their_values() {
        let text = "list = [\"a\", \"b\"]\n[quorum]\nother_agencies = 11\n";
        let path = KeyPath::key("quorum").then("other_agencies");
        assert_eq!(path.to_string(), "quorum.other_agencies");
        let span = span_of(text, &path).unwrap();
        assert_eq!(&text[span.clone()], "11");
        assert_eq!(line_column(text, span.start), (3, 18));
        let span = span_of(text, &KeyPath::key("list").at(1)).unwrap();
        assert_eq!(&text[span], "\"b\"");
        assert_eq!(span_of(text, &KeyPath::key("nothing")), None);
    }
}
