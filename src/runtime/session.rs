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
use crate::model::Session;
use crate::storage::{self, Draft, DurableWriter, SessionLock};
use crate::ui;

pub enum Exit {
    /// The chair quit (q, Ctrl+C) or the terminal was closed.
    Quit,
}

/// How often drafts, saves and retries are looked at while busy.
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
/// The keyboard quiet this long (and nothing waiting to be saved), the loop
/// stops beating and sleeps until the clock on screen next moves.
const IDLE_AFTER: Duration = Duration::from_secs(1);
/// Waking this much after the minute turns, the clock has surely turned.
const CLOCK_MARGIN: Duration = Duration::from_millis(20);

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
    // Whatever happened, write what we have; words that could not reach
    // the session file make this run fail, saying where they went.
    let kept = run.finish();
    emergency::forget();
    let exit = result?;
    kept.map(|()| exit).map_err(io::Error::other)
}

impl Run<'_> {
    fn event_loop(&mut self, outside: &Outside) -> io::Result<Exit> {
        // What the terminal shows and the panes drawn last: a frame redraws
        // and sends only what a key changed. Whatever ends the loop, the
        // terminal is handed back whole for the session list.
        let mut screen = ui::Screen::default();
        let result = self.frames(outside, &mut screen);
        // A terminal that hung up cannot be cleared, and nothing is drawn
        // on it after: that failure is not the session's.
        let _ = screen.leave(self.term);
        result
    }

    fn frames(&mut self, outside: &Outside, screen: &mut ui::Screen) -> io::Result<Exit> {
        let mut dirty = true;
        let mut last_beat = Instant::now() - BEAT;
        let mut last_input = Instant::now();
        // When the change not yet handed to the saver was first seen.
        let mut unsaved_since: Option<Instant> = None;
        // What the last frame showed of the clock: the time alone redraws
        // only when that moves on.
        let mut time_shown = ui::clock::time_shown(&self.app);
        loop {
            if dirty {
                screen.present(self.term, &self.app)?;
                time_shown = ui::clock::time_shown(&self.app);
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
            // Busy (a save or a draft on its way, a retry due, keys just
            // typed): look every beat. Idle: sleep until the clock shown
            // next changes, and draw only if it did, so a session left open
            // costs next to nothing (a stop asked from outside wakes it:
            // see `Outside`).
            let busy = unsaved_since.is_some()
                || self.app.has_unsaved_changes()
                || self.retry_at.is_some()
                || last_input.elapsed() < IDLE_AFTER;
            let beat = if busy {
                BEAT
            } else {
                ui::clock::next_change(&self.app) + CLOCK_MARGIN
            };
            let mut wait = beat.saturating_sub(last_beat.elapsed());
            if unsaved_since.is_some() && last_input.elapsed() < QUIET {
                // Wake when the keyboard has been quiet long enough.
                wait = wait.min(QUIET - last_input.elapsed());
            }
            let mut effects = Vec::new();
            if let Some(event) = outside.next_event(wait) {
                last_input = Instant::now();
                effects = self.handle(event)?;
                dirty = true;
            }
            if last_beat.elapsed() >= beat {
                last_beat = Instant::now();
                effects.extend(self.app.update(Msg::Tick(now())));
                self.send_draft();
                dirty |= ui::clock::time_shown(&self.app) != time_shown;
            }
            dirty |= self.collect_outcomes();
            dirty |= !effects.is_empty();
            let quit = self.perform(effects);
            if quit || outside.should_stop() {
                return Ok(Exit::Quit);
            }
        }
    }

    /// One event from the terminal, through `App::update`; returns the
    /// effects it asked for.
    fn handle(&mut self, event: Event) -> io::Result<Vec<Effect>> {
        // The clock is read only when the loop wakes: bring it up to date
        // first, so what the key does is stamped with the time.
        let mut effects = self.app.update(Msg::Tick(now()));
        match event {
            Event::Key(k) => effects.extend(self.app.update(Msg::Key(k))),
            Event::Paste(text) => effects.extend(self.app.update(Msg::Paste(text))),
            Event::Mouse(m) if matches!(m.kind, MouseEventKind::Down(MouseButton::Left)) => {
                let size = self.term.size()?;
                let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
                if let Some(target) = ui::hit_test(&self.app, area, m.column, m.row) {
                    effects.extend(self.app.update(Msg::Click(target)));
                }
            }
            _ => {}
        }
        Ok(effects)
    }

    /// Does what the app asked for; returns whether it asked to quit.
    fn perform(&mut self, effects: Vec<Effect>) -> bool {
        let mut quit = false;
        for effect in effects {
            match effect {
                Effect::SaveNow => self.save_now(),
                Effect::Export(copy, format) => self.export(copy, format),
                Effect::ExportLetters(format) => self.export_letters(format),
                Effect::Quit => quit = true,
                // Only asked for when a draft is offered, before the window
                // runs (see `recover::offer_draft`).
                Effect::ForgetDraft | Effect::SetDraftAside => {}
            }
        }
        quit
    }

    /// Tells the app what happened; a report asks for nothing further.
    fn report(&mut self, report: Report) {
        let effects = self.app.update(Msg::Report(report));
        debug_assert!(effects.is_empty(), "a report asked for {effects:?}");
    }

    fn submit_if_changed(&mut self) {
        if self.app.revision() == self.submitted || self.app.read_only() {
            return;
        }
        if self.retry_at.is_some_and(|t| Instant::now() < t) {
            return;
        }
        // A file keeps its name: always the one it was opened or created with.
        let Some(path) = self.app.file().map(Path::to_path_buf) else {
            return;
        };
        let session = Arc::new(self.app.session().clone());
        emergency::remember(session.clone());
        self.saver.send(Job::Save {
            session,
            revision: self.app.revision(),
            path,
        });
        self.submitted = self.app.revision();
    }

    fn collect_outcomes(&mut self) -> bool {
        // Only the newest draft's fate matters to the chair.
        let draft = self.saver.drafts.try_iter().last();
        let draft_news = draft.is_some();
        if let Some(result) = draft {
            self.report(Report::DraftWritten(result));
        }
        let outcomes: Vec<Outcome> = self.saver.outcomes.try_iter().collect();
        let any = !outcomes.is_empty() || draft_news;
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
        let encrypted = crate::crypt::sitting::current().is_some();
        if encrypted && copy == crate::export::CopyKind::Record {
            // A plaintext record needs a confirmation the screen cannot
            // give without a new overlay; the command line asks for it.
            self.report(Report::Warning(
                "not exported: the full record would be unencrypted; use cpconf export FILE --copy record (it asks first)".into(),
            ));
            return;
        }
        let text = crate::export::render_bytes(self.app.session(), copy, format, self.app.config());
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        let stem = storage::export_stem(self.app.session());
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
            match storage::write_new_file_exclusive(&path, &text) {
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
            // A reminder with the path: with a key this is the one file of
            // the session that is not encrypted.
            Ok(path) if encrypted => Report::Warning(format!(
                "exported to {} (not encrypted: to print and send; delete it once sent)",
                path.display()
            )),
            Ok(path) => Report::Exported(path),
            Err(e) => Report::ExportFailed { why: e.to_string() },
        });
    }

    /// Writes the pack into a new owner-only folder beside the session
    /// (`STEM.letters`, then `STEM.letters-2`, ...), never into one that
    /// exists, and says where it went.
    fn export_letters(&mut self, format: crate::export::Format) {
        let Some(file) = self.app.file().map(Path::to_path_buf) else {
            return;
        };
        let items = crate::export::pack(self.app.session(), self.app.config());
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        let stem = storage::export_stem(self.app.session());
        let result = (1..100)
            .map(|n| match n {
                1 => dir.join(format!("{stem}.letters")),
                n => dir.join(format!("{stem}.letters-{n}")),
            })
            .find_map(|folder| match storage::create_new_dir(&folder) {
                Ok(()) => Some(Ok(folder)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => None,
                Err(e) => Some(Err(e)),
            })
            .unwrap_or_else(|| Err(std::io::Error::other("no free folder name")))
            .and_then(|folder| {
                for item in &items {
                    let path = folder.join(format!("{}.{}", item.file_stem, format.extension()));
                    let bytes = crate::export::doc_bytes(&item.doc, format);
                    storage::write_new_file_exclusive(&path, &bytes)?;
                }
                Ok(folder)
            });
        self.report(match result {
            Ok(folder) => Report::Exported(folder),
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
                    target: super::recover::target_of(&field, self.app.draft_record()),
                    text: text.clone(),
                    saved_at: now(),
                }));
                self.draft_sent = Some(text);
            }
            None if self.draft_sent.is_some() => {
                if let Some(file) = self.app.file().map(Path::to_path_buf) {
                    self.saver
                        .send(Job::ClearDraft(self.app.session().id.clone(), file));
                }
                self.draft_sent = None;
            }
            _ => {}
        }
    }

    /// Keeps what is being typed, ends the stage's timing, and saves. If the
    /// session file refuses, the words go to an emergency copy (see
    /// `emergency`) and the error says where.
    fn finish(&mut self) -> Result<(), String> {
        if self.app.read_only() {
            return Ok(());
        }
        self.report(Report::Leaving(now()));
        self.send_draft();
        self.retry_at = None;
        self.submit_if_changed();
        self.saver.flush();
        self.collect_outcomes();
        let outcome = if self.app.has_unsaved_changes() {
            let kept = emergency::keep_somewhere(self.app.session());
            Err(format!(
                "could not save {}: {}. {}",
                self.app
                    .file()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
                self.app.save_error().unwrap_or("the save did not finish"),
                kept.describe()
            ))
        } else {
            Ok(())
        };
        drop(self.lock.take());
        outcome
    }
}

pub use super::recover::offer_draft;

/// A session's starting state for a window.
pub fn session_app(session: Session, file: PathBuf, access: crate::app::state::Access) -> App {
    App::new(session, access, now()).with_file(file)
}
