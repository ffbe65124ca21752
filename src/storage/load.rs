//! Opening a session file: read-only, size-checked, validated, migrated.
//! Any problem becomes one line naming the file; the file is never written.

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde_json::Value;
use serde_json::error::Category;

use super::MAX_FILE_BYTES;
use super::migrate::{OLDEST_SCHEMA_VERSION, migrate};
use super::perms::permission_warning;
use crate::model::{SCHEMA_VERSION, Session};

/// A session that opened, with things the chair should know about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub session: Session,
    /// One line each, e.g. loose permissions or an upgrade from an older
    /// schema version.
    pub warnings: Vec<String>,
}

/// Why a file did not open. `Display` is one line: "cannot open FILE: why".
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    pub path: PathBuf,
    pub kind: LoadErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadErrorKind {
    NotFound,
    PermissionDenied,
    IsDirectory,
    NotAFile,
    Empty,
    /// NUL bytes or invalid UTF-8.
    NotText,
    TooLarge {
        bytes: u64,
    },
    InvalidJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON stops before it is complete, usually a cut-off copy.
    Truncated {
        line: usize,
        column: usize,
    },
    /// Valid JSON of the wrong shape. Line and column are 0 when the
    /// document was migrated first (positions are lost then).
    WrongShape {
        line: usize,
        column: usize,
        message: String,
    },
    NotAnObject,
    MissingSchemaVersion,
    BadSchemaVersion(String),
    NewerSchema {
        found: u64,
    },
    OlderThanSupported {
        found: u64,
    },
    Migration(String),
    /// The session breaks an invariant (e.g. a dangling reference).
    Inconsistent {
        first: String,
        more: usize,
    },
    Io(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Messages can quote the file's own text (e.g. an unknown value);
        // escaping control characters keeps the promise of one line.
        let line = format!("cannot open {}: {}", self.path.display(), self.kind);
        f.write_str(&one_line(&line))
    }
}

fn one_line(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c {
            '\n' => "\\n".to_string(),
            '\r' => "\\r".to_string(),
            '\t' => "\\t".to_string(),
            c if c.is_control() => format!("\\u{{{:x}}}", c as u32),
            c => c.to_string(),
        })
        .collect()
}

impl std::error::Error for LoadError {}

impl fmt::Display for LoadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use LoadErrorKind::*;
        match self {
            NotFound => write!(f, "no such file"),
            PermissionDenied => write!(f, "permission denied"),
            IsDirectory => write!(f, "it is a directory, not a session file"),
            NotAFile => write!(f, "not a regular file"),
            Empty => write!(f, "the file is empty"),
            NotText => write!(f, "not a text file (a cpconf session is JSON text)"),
            TooLarge { bytes } => write!(
                f,
                "file is {:.1} MB, larger than the {} MB limit",
                *bytes as f64 / 1e6,
                MAX_FILE_BYTES / 1_000_000
            ),
            InvalidJson {
                line,
                column,
                message,
            } => write!(f, "invalid JSON at line {line}, column {column}: {message}"),
            Truncated { line, column } => write!(
                f,
                "the JSON ends too early at line {line}, column {column} (the file looks cut off)"
            ),
            WrongShape {
                line: 0, message, ..
            } => write!(f, "not a valid cpconf session: {message}"),
            WrongShape {
                line,
                column,
                message,
            } => write!(
                f,
                "not a valid cpconf session at line {line}, column {column}: {message}"
            ),
            NotAnObject => write!(f, "not a cpconf session (expected a JSON object)"),
            MissingSchemaVersion => write!(
                f,
                "no \"schema_version\" field, so this is not a cpconf session file"
            ),
            BadSchemaVersion(v) => write!(f, "\"schema_version\" must be a whole number, not {v}"),
            NewerSchema { found } => write!(
                f,
                "written by a newer cpconf (schema version {found}; this build reads up to {SCHEMA_VERSION})"
            ),
            OlderThanSupported { found } => write!(
                f,
                "unknown schema version {found} (this build reads {OLDEST_SCHEMA_VERSION} to {SCHEMA_VERSION})"
            ),
            Migration(m) => write!(f, "cannot upgrade the file: {m}"),
            Inconsistent { first, more: 0 } => {
                write!(f, "the session is inconsistent: {first}")
            }
            Inconsistent { first, more } => write!(
                f,
                "the session is inconsistent: {first} (and {more} more problem{})",
                if *more == 1 { "" } else { "s" }
            ),
            Io(m) => write!(f, "{m}"),
        }
    }
}

/// Opens a session file. Never writes to it.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let err = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    // Metadata first: refuse directories, pipes (opening one would block)
    // and huge files before reading a byte.
    let meta = std::fs::metadata(path).map_err(|e| err(io_kind(&e)))?;
    if meta.is_dir() {
        return Err(err(LoadErrorKind::IsDirectory));
    }
    if !meta.is_file() {
        return Err(err(LoadErrorKind::NotAFile));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(err(LoadErrorKind::TooLarge { bytes: meta.len() }));
    }
    let file = std::fs::File::open(path).map_err(|e| err(io_kind(&e)))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may have grown since the metadata was read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(io_kind(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(err(LoadErrorKind::TooLarge {
            bytes: bytes.len() as u64,
        }));
    }
    let mut loaded = parse(path, &bytes)?;
    if let Some(w) = permission_warning(path, &meta) {
        loaded.warnings.insert(0, w);
    }
    Ok(loaded)
}

/// Validates and upgrades the bytes of a session file; `path` is only used
/// in messages. `load` is this plus reading the file.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let err = |kind| LoadError {
        path: path.to_path_buf(),
        kind,
    };
    if bytes.contains(&0) {
        return Err(err(LoadErrorKind::NotText));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| err(LoadErrorKind::NotText))?;
    // Some editors add a byte-order mark; it is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(err(LoadErrorKind::Empty));
    }
    // Fast path: a current file parses straight into `Session`, once. Any
    // file that does not (an error, an older or newer version) takes the
    // path below from the start, which gives every message and line and
    // column exactly as before. When the typed parse succeeds and the
    // version is current, the path below would reach the same typed parse.
    let mut warnings = Vec::new();
    let mut session = match serde_json::from_str::<Session>(text) {
        Ok(s) if s.schema_version == SCHEMA_VERSION => s,
        _ => parse_value(text, &err, &mut warnings)?,
    };
    // refresh_derived would silently drop per-child records whose child is
    // missing; a file like that is broken, so say so instead.
    let mut problems: Vec<String> = orphans(&session);
    session.refresh_derived();
    problems.extend(session.problems());
    if let Some(first) = problems.first() {
        return Err(err(LoadErrorKind::Inconsistent {
            first: first.clone(),
            more: problems.len() - 1,
        }));
    }
    Ok(Loaded { session, warnings })
}

/// The careful path: any JSON value first, then the version checks and
/// migration, then the typed parse.
fn parse_value(
    text: &str,
    err: &dyn Fn(LoadErrorKind) -> LoadError,
    warnings: &mut Vec<String>,
) -> Result<Session, LoadError> {
    let mut doc: Value = serde_json::from_str(text).map_err(|e| err(json_error(&e, false)))?;
    let version = match doc.as_object().map(|o| o.get("schema_version")) {
        None => return Err(err(LoadErrorKind::NotAnObject)),
        Some(None) => return Err(err(LoadErrorKind::MissingSchemaVersion)),
        Some(Some(v)) => v
            .as_u64()
            .ok_or_else(|| err(LoadErrorKind::BadSchemaVersion(short(v))))?,
    };
    if version > u64::from(SCHEMA_VERSION) {
        return Err(err(LoadErrorKind::NewerSchema { found: version }));
    }
    if version < u64::from(OLDEST_SCHEMA_VERSION) {
        return Err(err(LoadErrorKind::OlderThanSupported { found: version }));
    }
    let session: Session = if version == u64::from(SCHEMA_VERSION) {
        // Typed parse of the text itself so shape errors keep line/column.
        serde_json::from_str(text).map_err(|e| err(json_error(&e, true)))?
    } else {
        // `version` is below SCHEMA_VERSION here, so it fits in u32.
        let from = version as u32;
        migrate(&mut doc, from).map_err(|m| err(LoadErrorKind::Migration(m)))?;
        warnings.push(format!(
            "migrated from schema version {from}; it will be saved as version {SCHEMA_VERSION}"
        ));
        serde_json::from_value(doc).map_err(|e| {
            // Migrations only add to a document, so a shape fault is
            // usually in the file as written: read it there to give its
            // line and column.
            match serde_json::from_str::<Session>(text) {
                Err(original) if original.line() > 0 && original.is_data() => {
                    err(json_error(&original, true))
                }
                _ => err(LoadErrorKind::WrongShape {
                    line: 0,
                    column: 0,
                    message: format!("after upgrading from version {from}: {e}"),
                }),
            }
        })?
    };
    Ok(session)
}

fn orphans(s: &Session) -> Vec<String> {
    let known = |c| s.child(c).is_some();
    let voices = s.child_voices.iter().map(|v| ("child's voice", &v.child));
    let decisions = s.decisions.iter().map(|d| ("decision", &d.child));
    voices
        .chain(decisions)
        .filter(|(_, c)| !known(c))
        .map(|(what, c)| format!("{what} for unknown child {c}"))
        .collect()
}

fn io_kind(e: &io::Error) -> LoadErrorKind {
    match e.kind() {
        io::ErrorKind::NotFound => LoadErrorKind::NotFound,
        io::ErrorKind::PermissionDenied => LoadErrorKind::PermissionDenied,
        _ => LoadErrorKind::Io(e.to_string()),
    }
}

/// serde_json's message without its " at line L column C" tail, which we
/// print our own way.
fn json_error(e: &serde_json::Error, typed: bool) -> LoadErrorKind {
    let full = e.to_string();
    let tail = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&tail).unwrap_or(&full).to_string();
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        Category::Eof => LoadErrorKind::Truncated { line, column },
        Category::Data if typed => LoadErrorKind::WrongShape {
            line,
            column,
            message,
        },
        Category::Io => LoadErrorKind::Io(message),
        _ => LoadErrorKind::InvalidJson {
            line,
            column,
            message,
        },
    }
}

/// A JSON value cut short for a one-line message.
fn short(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s,
    }
}
