//! The session list: saved sessions newest first, filled in as a background
//! scan reads them, so it shows at once however many there are.
//!
//! As with a session, `Browser::update` is the only writer of the list: it
//! takes keys and the loop's reports (`Msg`) and returns what the loop must
//! do (`Effect`): open, view or start a session, read a family's series,
//! quit. The loop performs them and reports back, so the list is driven in
//! a test without threads or a terminal.

mod scan;
mod view;

pub use scan::Scan;
pub use view::draw;

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use crate::app::keymap::{Command, Context, command_for, key_for};
use crate::model::series::{ChildSeries, family_series};
use crate::model::{Choice, Session};
use crate::storage::Entry;

/// What reaches the list: keys, and the loop's reports.
#[derive(Clone, Debug)]
pub enum Msg {
    Key(KeyEvent),
    /// Sessions the background scan has read since the last report.
    Scanned(Vec<Entry>),
    /// The sessions `Effect::ReadSeries` asked for (those that could be read).
    SeriesRead {
        family: String,
        sessions: Vec<Session>,
    },
    /// What was asked could not be done (a session that would not open):
    /// shown under the list until the next key.
    Failed(String),
}

/// What the list asks the loop to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Open(PathBuf),
    View(PathBuf),
    New,
    /// Read these sessions of one family and answer with `Msg::SeriesRead`.
    ReadSeries {
        family: String,
        files: Vec<PathBuf>,
    },
    Quit,
}

pub struct Browser {
    dir: PathBuf,
    entries: Vec<Entry>,
    /// Files found but not yet read.
    pending: usize,
    /// What has been typed: the list shows only sessions holding it.
    filter: String,
    selected: usize,
    help: bool,
    /// The series view of one family, while it is open.
    series: Option<(String, Vec<ChildSeries>)>,
    message: Option<String>,
    /// The working days and timescales for the overdue flag, and today.
    paperwork: PaperworkCheck,
}

/// What the list needs to flag paperwork overdue: the local rules' working
/// days and timescales, and today's date.
#[derive(Clone, Debug)]
pub struct PaperworkCheck {
    pub calendar: crate::dates::WorkingCalendar,
    pub timescales: crate::dates::Timescales,
    pub today: chrono::NaiveDate,
}

impl PaperworkCheck {
    pub fn new(rules: &crate::config::Config, today: chrono::NaiveDate) -> Self {
        PaperworkCheck {
            calendar: rules.calendar(),
            timescales: rules.timescales,
            today,
        }
    }

    /// Whether a finalised session's letters or record are past their due
    /// date and not marked sent.
    pub fn overdue(&self, s: &crate::storage::Summary) -> bool {
        use crate::dates::paperwork::{letters_due, record_due};
        use crate::model::Paperwork;
        let Some(day) = s
            .date
            .filter(|_| s.status == crate::model::Status::Finalised)
        else {
            return false;
        };
        [
            (
                Paperwork::Letters,
                letters_due(&self.calendar, &self.timescales, day),
            ),
            (
                Paperwork::Record,
                record_due(&self.calendar, &self.timescales, day),
            ),
        ]
        .iter()
        .any(|(what, due)| !s.sent.contains(what) && self.today > *due)
    }
}

impl Browser {
    /// An empty list of `dir`, waiting for `pending` files to be scanned;
    /// `paperwork` flags finalised sessions whose paperwork is overdue.
    pub fn new(dir: &Path, pending: usize, paperwork: PaperworkCheck) -> Self {
        Browser {
            dir: dir.to_path_buf(),
            entries: Vec::new(),
            pending,
            filter: String::new(),
            selected: 0,
            help: false,
            series: None,
            message: None,
            paperwork,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every session read so far, newest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Files found but not yet read.
    pub fn pending(&self) -> usize {
        self.pending
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// The chosen row of `visible()`.
    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn help_open(&self) -> bool {
        self.help
    }

    /// The family and its children over time, while the series view is open.
    pub fn series(&self) -> Option<(&str, &[ChildSeries])> {
        self.series
            .as_ref()
            .map(|(family, children)| (family.as_str(), children.as_slice()))
    }

    /// How overdue paperwork is told apart, for drawing.
    pub fn paperwork(&self) -> &PaperworkCheck {
        &self.paperwork
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The sessions the filter lets through, newest first.
    pub fn visible(&self) -> Vec<&Entry> {
        let needle = self.filter.to_lowercase();
        self.entries
            .iter()
            .filter(|e| needle.is_empty() || search_text(e).contains(&needle))
            .collect()
    }

    /// The one writer of the list.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Key(key) => {
                self.message = None;
                self.key(key).into_iter().collect()
            }
            Msg::Scanned(fresh) => {
                self.absorb(fresh);
                Vec::new()
            }
            Msg::SeriesRead { family, sessions } => {
                self.series = Some((family, family_series(&sessions)));
                Vec::new()
            }
            Msg::Failed(why) => {
                self.message = Some(why);
                Vec::new()
            }
        }
    }

    /// Takes in what the scan has read, keeping the chosen session chosen.
    fn absorb(&mut self, fresh: Vec<Entry>) {
        if fresh.is_empty() {
            return;
        }
        let chosen = self.visible().get(self.selected).map(|e| e.path.clone());
        self.pending = self.pending.saturating_sub(fresh.len());
        self.entries.extend(fresh);
        // Ties (same date and time) keep the folder's name order, whichever
        // reader finished first.
        self.entries.sort_by(|a, b| {
            sort_key(b)
                .cmp(&sort_key(a))
                .then_with(|| a.path.cmp(&b.path))
        });
        if let Some(path) = chosen {
            if let Some(i) = self.visible().iter().position(|e| e.path == path) {
                self.selected = i;
            }
        }
    }

    fn key(&mut self, ev: KeyEvent) -> Option<Effect> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        if self.help || self.series.is_some() {
            self.help = false;
            self.series = None;
            return None;
        }
        let n = self.visible().len();
        let chosen = self.visible().get(self.selected).map(|e| e.path.clone());
        let command = command_for(&ev, &[Context::Browser])?;
        match command {
            // Nothing can be typed into a session here, so typing filters.
            Command::Type => {
                if let KeyCode::Char(c) = ev.code {
                    self.filter.push(c);
                    self.selected = 0;
                }
            }
            Command::Erase => {
                self.filter.pop();
                self.selected = 0;
            }
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Command::Open | Command::View => {
                let readable = self.visible().get(self.selected).map(|e| e.summary.is_ok());
                match (chosen, readable) {
                    (Some(path), Some(true)) => {
                        return Some(if command == Command::Open {
                            Effect::Open(path)
                        } else {
                            Effect::View(path)
                        });
                    }
                    (Some(_), _) => {
                        self.message =
                            Some("this file cannot be read: see the message beside it".into());
                    }
                    (None, _) => {
                        self.message = Some(format!(
                            "no session chosen: {} starts a new one",
                            key_for(Context::Browser, Command::New)
                        ));
                    }
                }
            }
            Command::New => return Some(Effect::New),
            Command::Series => return self.ask_for_series(),
            Command::Back => {
                self.filter.clear();
                self.selected = 0;
            }
            Command::Help => self.help = true,
            Command::Quit => return Some(Effect::Quit),
            _ => {}
        }
        None
    }

    /// Asks for every readable session of the chosen one's family.
    fn ask_for_series(&mut self) -> Option<Effect> {
        let Some(family) = self
            .visible()
            .get(self.selected)
            .and_then(|e| e.summary.as_ref().ok())
            .map(|s| s.family_reference.clone())
        else {
            self.message = Some("choose a readable session first".into());
            return None;
        };
        let files = self
            .entries
            .iter()
            .filter(|e| {
                e.summary
                    .as_ref()
                    .is_ok_and(|s| s.family_reference == family)
            })
            .map(|e| e.path.clone())
            .collect();
        Some(Effect::ReadSeries { family, files })
    }
}

fn sort_key(e: &Entry) -> (Option<chrono::NaiveDate>, Option<std::time::SystemTime>) {
    (e.summary.as_ref().ok().and_then(|s| s.date), e.modified)
}

fn search_text(e: &Entry) -> String {
    let file = e
        .path
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    match &e.summary {
        Ok(s) => format!(
            "{file} {} {} {} {} {}",
            s.date.map(|d| d.to_string()).unwrap_or_default(),
            s.kind.label(),
            s.family_reference,
            s.children.join(" "),
            s.status.label()
        )
        .to_lowercase(),
        Err(msg) => format!("{file} {msg}").to_lowercase(),
    }
}
