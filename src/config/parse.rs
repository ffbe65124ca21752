//! Text to `Config`: pure, no files. A file is either wholly accepted or
//! refused with the first problem and where it is.

use std::fmt;

use super::Config;
use super::position::{line_column, span_of};
use super::validate::problems;

/// What is wrong with a config text, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line and column, when the problem can be placed.
    pub position: Option<(usize, usize)>,
    /// The key at fault, for values that parsed but are out of range.
    pub key: Option<String>,
    /// One line, in plain words.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, column)) = self.position {
            write!(f, "line {line}, column {column}: ")?;
        }
        if let Some(key) = &self.key {
            write!(f, "{key} ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

// toml's messages may span lines; the chair gets one, without Rust's
// type names.
fn one_line(s: &str) -> String {
    let mut out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for rust in ["expected usize", "expected u32"] {
        out = out.replace(rust, "expected a whole number");
    }
    out
}

/// Parses and checks a config text. Keys left out keep their defaults.
pub fn parse(text: &str) -> Result<Config, ParseError> {
    let config: Config = toml::from_str(text).map_err(|e| ParseError {
        position: e.span().map(|s| line_column(text, s.start)),
        key: None,
        message: one_line(e.message()),
    })?;
    if let Some(p) = problems(&config).into_iter().next() {
        return Err(ParseError {
            position: span_of(text, &p.path).map(|s| line_column(text, s.start)),
            key: Some(p.path.to_string()),
            message: p.message,
        });
    }
    Ok(config)
}
