//! The session browser and `cpconf list`: what is in a sessions folder.

use std::cmp::Reverse;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::NaiveDate;

use super::load::load;
use crate::model::{ConferenceKind, Session, Status};

/// One file in the folder; `summary` is the one-line reason when it does
/// not open, so the browser can show it as unreadable and carry on.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
    pub summary: Result<Summary, String>,
}

/// What a list of sessions shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub id: String,
    pub date: Option<NaiveDate>,
    pub kind: ConferenceKind,
    pub family_reference: String,
    /// Children's names, in order (placeholders for unnamed ones).
    pub children: Vec<String>,
    pub status: Status,
    /// The paperwork marked sent, for the list's overdue flag.
    pub sent: Vec<crate::model::Paperwork>,
    /// When the session was handed over to the case system (see
    /// `retention`); a receipt always has one.
    pub handed_over: Option<NaiveDate>,
}

impl Summary {
    pub fn of(session: &Session) -> Self {
        Summary {
            id: session.id.clone(),
            date: session.setup.date,
            kind: session.setup.kind,
            family_reference: session.setup.family_reference.clone(),
            children: session
                .children
                .iter()
                .map(|c| session.child_name(&c.id))
                .collect(),
            status: session.status,
            sent: session.sent_in_full(),
            handed_over: super::receipt::handed_over(session).map(|(a, _)| a.at.date_naive()),
        }
    }

    /// The status column: "handed over" wins over the session's status.
    pub fn status_label(&self) -> &'static str {
        if self.handed_over.is_some() {
            "handed over"
        } else {
            crate::model::Choice::label(self.status)
        }
    }
}

/// The session files in `dir`, by name, without opening them: `*.json`,
/// not hidden files (lock files, temp files) and not drafts. `.prev`
/// copies do not end in `.json`, so they are left out too.
pub fn list_session_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let named = |e: io::Error| {
        io::Error::new(
            e.kind(),
            format!("cannot read the sessions folder {}: {e}", dir.display()),
        )
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(named)? {
        let entry = entry.map_err(named)?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') || !name.ends_with(".json") || name.ends_with(".draft.json") {
            continue;
        }
        let path = entry.path();
        // Follows symlinks: a linked session is still a session.
        if std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// Opens one file for the list; never fails.
pub fn summarise(path: &Path) -> Entry {
    Entry {
        path: path.to_path_buf(),
        modified: std::fs::metadata(path).and_then(|m| m.modified()).ok(),
        summary: if super::receipt::is_receipt_name(path) {
            super::receipt::read_receipt(path).map(|r| r.summary())
        } else {
            load(path)
                .map(|l| Summary::of(&l.session))
                .map_err(|e| e.to_string())
        },
    }
}

/// Every session file in `dir`, newest first by conference date, then by
/// modification time. An unreadable folder gives an empty list; use
/// [`try_scan`] to tell the chair why.
pub fn scan(dir: &Path) -> Vec<Entry> {
    try_scan(dir).unwrap_or_default()
}

pub fn try_scan(dir: &Path) -> io::Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = list_session_files(dir)?
        .iter()
        .map(|p| summarise(p))
        .collect();
    entries.sort_by_key(|e| {
        let date = e.summary.as_ref().ok().and_then(|s| s.date);
        Reverse((date, e.modified))
    });
    Ok(entries)
}
