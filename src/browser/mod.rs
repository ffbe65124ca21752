//! The session list: saved sessions newest first, filled in as a background
//! scan reads them, so it shows at once however many there are.

mod view;

pub use view::draw;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::thread;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use crate::app::keymap::{Command, Context, command_for};
use crate::model::Choice;
use crate::storage::{self, Entry};

/// What the browser asks the runtime to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    Open(PathBuf),
    View(PathBuf),
    New,
    Quit,
}

pub struct Browser {
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    /// Files found but not yet read.
    pub pending: usize,
    /// What has been typed: the list shows only sessions holding it.
    pub filter: String,
    pub selected: usize,
    pub help: bool,
    /// The series view of one family, while it is open.
    pub series: Option<(String, Vec<crate::model::series::ChildSeries>)>,
    pub message: Option<String>,
    incoming: Option<Receiver<Entry>>,
}

impl Browser {
    /// Lists the folder now and reads the files in the background.
    pub fn open(dir: &Path) -> std::io::Result<Self> {
        let files = storage::list_session_files(dir)?;
        let pending = files.len();
        let (tx, rx) = channel();
        // Several readers share the files (each file is read and validated
        // in full, so an unreadable one is flagged with its exact reason):
        // with 1,000 sessions one reader alone took seconds to finish the
        // list. The list is sorted as entries arrive, so order is unchanged.
        let files = std::sync::Arc::new(files);
        let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let readers = thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 4));
        for _ in 0..readers {
            let (tx, files, next) = (tx.clone(), files.clone(), next.clone());
            thread::Builder::new()
                .name("cpconf-scan".into())
                .spawn(move || {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(f) = files.get(i) else { break };
                        if tx.send(storage::summarise(f)).is_err() {
                            break;
                        }
                    }
                })?;
        }
        Ok(Browser {
            dir: dir.to_path_buf(),
            entries: Vec::new(),
            pending,
            filter: String::new(),
            selected: 0,
            help: false,
            series: None,
            message: None,
            incoming: Some(rx),
        })
    }

    /// Takes in what the scan has read so far; true if anything changed.
    pub fn absorb(&mut self) -> bool {
        let Some(rx) = &self.incoming else {
            return false;
        };
        let fresh: Vec<Entry> = rx.try_iter().collect();
        if fresh.is_empty() {
            return false;
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
        if self.pending == 0 {
            self.incoming = None;
        }
        if let Some(path) = chosen {
            if let Some(i) = self.visible().iter().position(|e| e.path == path) {
                self.selected = i;
            }
        }
        true
    }

    pub fn visible(&self) -> Vec<&Entry> {
        let needle = self.filter.to_lowercase();
        self.entries
            .iter()
            .filter(|e| needle.is_empty() || search_text(e).contains(&needle))
            .collect()
    }

    pub fn update(&mut self, ev: KeyEvent) -> Option<Request> {
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
        match command_for(&ev, &[Context::Browser])? {
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
                let entry = self.visible().get(self.selected).map(|e| e.summary.is_ok());
                match (chosen, entry) {
                    (Some(path), Some(true)) => {
                        return Some(
                            if command_for(&ev, &[Context::Browser]) == Some(Command::Open) {
                                Request::Open(path)
                            } else {
                                Request::View(path)
                            },
                        );
                    }
                    (Some(_), _) => {
                        self.message =
                            Some("this file cannot be read: see the message beside it".into())
                    }
                    (None, _) => {
                        self.message = Some("no session chosen: Ctrl+N starts a new one".into())
                    }
                }
            }
            Command::New => return Some(Request::New),
            Command::Series => self.open_series(),
            Command::Back => {
                self.filter.clear();
                self.selected = 0;
            }
            Command::Help => self.help = true,
            Command::Quit => return Some(Request::Quit),
            _ => {}
        }
        None
    }
}

impl Browser {
    /// Reads every readable session of the chosen one's family.
    fn open_series(&mut self) {
        let Some(family) = self
            .visible()
            .get(self.selected)
            .and_then(|e| e.summary.as_ref().ok())
            .map(|s| s.family_reference.clone())
        else {
            self.message = Some("choose a readable session first".into());
            return;
        };
        let sessions: Vec<crate::model::Session> = self
            .entries
            .iter()
            .filter(|e| {
                e.summary
                    .as_ref()
                    .is_ok_and(|s| s.family_reference == family)
            })
            .filter_map(|e| storage::load(&e.path).ok().map(|l| l.session))
            .collect();
        self.series = Some((family, crate::model::series::family_series(&sessions)));
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
