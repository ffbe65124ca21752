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
    pub filter: String,
    pub filtering: bool,
    pub selected: usize,
    pub help: bool,
    pub message: Option<String>,
    incoming: Option<Receiver<Entry>>,
}

impl Browser {
    /// Lists the folder now and reads the files in the background.
    pub fn open(dir: &Path) -> std::io::Result<Self> {
        let files = storage::list_session_files(dir)?;
        let pending = files.len();
        let (tx, rx) = channel();
        thread::Builder::new()
            .name("cpconf-scan".into())
            .spawn(move || {
                for f in files {
                    if tx.send(storage::summarise(&f)).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Browser {
            dir: dir.to_path_buf(),
            entries: Vec::new(),
            pending,
            filter: String::new(),
            filtering: false,
            selected: 0,
            help: false,
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
        self.entries.sort_by_key(|e| std::cmp::Reverse(sort_key(e)));
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
        if self.help {
            self.help = false;
            return None;
        }
        if self.filtering {
            match ev.code {
                KeyCode::Enter => self.filtering = false,
                KeyCode::Esc => {
                    self.filtering = false;
                    self.filter.clear();
                }
                KeyCode::Backspace => {
                    self.filter.pop();
                }
                KeyCode::Char(c) if !c.is_control() => self.filter.push(c),
                _ => {}
            }
            self.selected = 0;
            return None;
        }
        let n = self.visible().len();
        let chosen = self.visible().get(self.selected).map(|e| e.path.clone());
        match command_for(&ev, &[Context::Browser])? {
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
                        self.message = Some("no session chosen: press n for a new one".into())
                    }
                }
            }
            Command::New => return Some(Request::New),
            Command::Filter => self.filtering = true,
            Command::Back => self.filter.clear(),
            Command::Help => self.help = true,
            Command::Quit => return Some(Request::Quit),
            _ => {}
        }
        None
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
