//! Running one session on screen: keys in, frames out, saves in the
//! background, and nothing left unsaved on the way out.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, MouseButton, MouseEventKind};

use super::emergency;
use super::outside::Outside;
use super::saver::{Job, Outcome, Saver};
use super::terminal::Term;
use crate::app::effect::{Effect, Report};
use crate::app::state::App;
use crate::app::update::Msg;
use crate::model::{Session, Status};
use crate::storage::{self, Draft, DurableWriter, SessionLock};
use crate::ui;

pub enum Exit {
    /// The chair quit (q, Ctrl+C) or the terminal was closed.
    Quit,
}

/// How often the clock, drafts and retries are looked at.
const BEAT: Duration = Duration::from_millis(250);
/// How long to wait before retrying a failed save.
const RETRY: Duration = Duration::from_secs(2);
/// A change is handed to the saver once the keyboard has been quiet this
/// long (or, however busy it is, once the change is `SAVE_WITHIN` old).
/// Handing it over copies the session on this thread, which takes
/// milliseconds for a large one: done then, it never stands between a key
/// and the frame that shows it.
const QUIET: Duration = Duration::from_millis(100);
const SAVE_WITHIN: Duration = Duration::from_secs(1);

pub fn now() -> crate::model::Timestamp {
    chrono::Local::now().fixed_offset()
}

struct Run<'a> {
    app: App,
    lock: Option<SessionLock>,
    saver: Saver,
    submitted: u64,
    retry_at: Option<Instant>,
    draft_sent: Option<String>,
    term: &'a mut Term,
}

pub fn run_session(
    term: &mut Term,
    app: App,
    lock: Option<SessionLock>,
    outside: &Outside,
) -> io::Result<Exit> {
    let recovery = storage::recovery_dir();
    let saver = Saver::start(Arc::new(DurableWriter), recovery);
    let saved = app.saved_revision();
    let mut run = Run {
        app,
        lock,
        saver,
        submitted: saved,
        retry_at: None,
        draft_sent: None,
        term,
    };
    let result = run.event_loop(outside);
    // Whatever happened, write what we have.
    run.finish();
    emergency::forget();
    result
}

impl Run<'_> {
    fn event_loop(&mut self, outside: &Outside) -> io::Result<Exit> {
        let mut dirty = true;
        let mut last_beat = Instant::now() - BEAT;
        let mut last_input = Instant::now();
        // When the change not yet handed to the saver was first seen.
        let mut unsaved_since: Option<Instant> = None;
        loop {
            if dirty {
                self.term.draw(|f| ui::draw(f, &self.app))?;
                dirty = false;
            }
            if self.app.revision() != self.submitted {
                let since = *unsaved_since.get_or_insert_with(Instant::now);
                let quiet = last_input.elapsed() >= QUIET && !outside.event_waiting();
                if quiet || since.elapsed() >= SAVE_WITHIN {
                    self.submit_if_changed();
                }
            }
            if self.app.revision() == self.submitted {
                unsaved_since = None;
            }
            let mut wait = BEAT.saturating_sub(last_beat.elapsed());
            if unsaved_since.is_some() && last_input.elapsed() < QUIET {
                // Wake when the keyboard has been quiet long enough.
                wait = wait.min(QUIET - last_input.elapsed());
            }
            let mut effects = Vec::new();
            if let Some(event) = outside.next_event(wait) {
                last_input = Instant::now();
                match event {
                    Event::Key(k) => effects = self.app.update(Msg::Key(k)),
                    Event::Paste(text) => effects = self.app.update(Msg::Paste(text)),
                    Event::Mouse(m)
                        if matches!(m.kind, MouseEventKind::Down(MouseButton::Left)) =>
                    {
                        let size = self.term.size()?;
                        let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
                        if let Some(target) = ui::hit_test(&self.app, area, m.column, m.row) {
                            effects = self.app.update(Msg::Click(target));
                        }
                    }
                    _ => {}
                }
                dirty = true;
            }
            if last_beat.elapsed() >= BEAT {
                last_beat = Instant::now();
                effects.extend(self.app.update(Msg::Tick(now())));
                self.send_draft();
                dirty = true;
            }
            dirty |= self.collect_outcomes();
            let mut quit = outside.should_stop();
            for effect in effects {
                dirty = true;
                match effect {
                    Effect::SaveNow => self.save_now(),
                    Effect::Export(copy, format) => self.export(copy, format),
                    Effect::Quit => quit = true,
                }
            }
            if quit {
                return Ok(Exit::Quit);
            }
        }
    }

    /// Tells the app what happened; a report asks for nothing further.
    fn report(&mut self, report: Report) {
        let effects = self.app.update(Msg::Report(report));
        debug_assert!(effects.is_empty(), "a report asked for {effects:?}");
    }

    /// Where the session should live now: its name follows the date, kind
    /// and family reference until it is finalised.
    fn target_path(&mut self) -> Option<(PathBuf, Option<PathBuf>)> {
        let current = self.app.file()?.to_path_buf();
        if self.app.session().status == Status::Finalised {
            return Some((current, None));
        }
        let dir = current.parent().map(Path::to_path_buf).unwrap_or_default();
        let wanted = storage::unique_path(&dir, self.app.session(), Some(&current));
        if wanted == current {
            return Some((current, None));
        }
        match storage::acquire(&wanted) {
            Ok(lock) => {
                self.lock = Some(lock);
                self.report(Report::File(wanted.clone()));
                Some((wanted, Some(current)))
            }
            Err(_) => Some((current, None)),
        }
    }

    fn submit_if_changed(&mut self) {
        if self.app.revision() == self.submitted || self.app.read_only() {
            return;
        }
        if self.retry_at.is_some_and(|t| Instant::now() < t) {
            return;
        }
        let Some((path, remove_old)) = self.target_path() else {
            return;
        };
        let session = Arc::new(self.app.session().clone());
        emergency::remember(session.clone());
        self.saver.send(Job::Save {
            session,
            revision: self.app.revision(),
            path,
            remove_old,
        });
        self.submitted = self.app.revision();
    }

    fn collect_outcomes(&mut self) -> bool {
        let outcomes: Vec<Outcome> = self.saver.outcomes.try_iter().collect();
        let any = !outcomes.is_empty();
        for o in outcomes {
            match o.result {
                Ok(at) => {
                    self.report(Report::Saved {
                        revision: o.revision,
                        at,
                    });
                    self.retry_at = None;
                }
                Err(why) => {
                    // Keep everything in memory and try again shortly; the
                    // last good file is untouched.
                    self.report(Report::SaveFailed { why });
                    self.retry_at = Some(Instant::now() + RETRY);
                    self.submitted = 0;
                }
            }
        }
        any
    }

    fn save_now(&mut self) {
        self.retry_at = None;
        self.submit_if_changed();
        self.saver.flush();
        self.collect_outcomes();
        self.report(Report::SaveNowDone);
    }

    /// Writes an export beside the session, owner-only, never over an
    /// existing file, and says where it went.
    fn export(&mut self, copy: crate::export::CopyKind, format: crate::export::Format) {
        let Some(file) = self.app.file().map(Path::to_path_buf) else {
            return;
        };
        let text = crate::export::render_under(self.app.session(), copy, format, self.app.config());
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_else(|| "session".into());
        let mut result = Err(std::io::Error::other("no free file name"));
        for n in 1..100 {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let path = dir.join(format!(
                "{stem}.{}{suffix}.{}",
                copy.name(),
                format.extension()
            ));
            match storage::write_new_file_exclusive(&path, text.as_bytes()) {
                Ok(()) => {
                    result = Ok(path);
                    break;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        self.report(match result {
            Ok(path) => Report::Exported(path),
            Err(e) => Report::ExportFailed { why: e.to_string() },
        });
    }

    fn send_draft(&mut self) {
        let draft = self.app.draft().map(|(f, t)| (f.clone(), t));
        match draft {
            Some((field, text)) if self.draft_sent.as_ref() != Some(&text) => {
                let Some(file) = self.app.file().map(Path::to_path_buf) else {
                    return;
                };
                self.saver.send(Job::Draft(Draft {
                    session_id: self.app.session().id.clone(),
                    session_file: file,
                    field: format!("{} › {}", self.app.stage().title(), field.label()),
                    target: serde_json::to_value(&field).unwrap_or_default(),
                    text: text.clone(),
                    saved_at: now(),
                }));
                self.draft_sent = Some(text);
            }
            None if self.draft_sent.is_some() => {
                self.saver
                    .send(Job::ClearDraft(self.app.session().id.clone()));
                self.draft_sent = None;
            }
            _ => {}
        }
    }

    /// Keeps what is being typed, ends the stage's timing, and saves. If the
    /// disk refuses, an emergency copy is written and its path printed.
    fn finish(&mut self) {
        if self.app.read_only() {
            return;
        }
        self.report(Report::Leaving(now()));
        self.send_draft();
        self.retry_at = None;
        self.submit_if_changed();
        self.saver.flush();
        self.collect_outcomes();
        if self.app.has_unsaved_changes() {
            emergency::remember(Arc::new(self.app.session().clone()));
            if let Some(path) = emergency::write_emergency_copy() {
                eprintln!(
                    "cpconf could not save {}: {}. Everything is in an emergency copy: {}",
                    self.app
                        .file()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    self.app.save_error().unwrap_or_default(),
                    path.display()
                );
            }
        }
        drop(self.lock.take());
    }
}

/// Brings back text that was being typed when cpconf last stopped.
pub fn offer_draft(app: &mut App, recovery: &Path) {
    let Some(draft) = storage::load_draft(recovery, &app.session().id) else {
        return;
    };
    let report = match serde_json::from_value(draft.target.clone()) {
        Ok(field) => Report::Draft {
            field,
            text: draft.text,
            saved_at: draft.saved_at,
        },
        Err(_) => Report::Warning(format!(
            "unsaved typing from {} is kept in {}",
            draft.saved_at.format("%H:%M"),
            recovery.display()
        )),
    };
    app.update(Msg::Report(report));
}

/// A session's starting state for a window.
pub fn session_app(session: Session, file: PathBuf, access: crate::app::state::Access) -> App {
    App::new(session, access, now()).with_file(file)
}
