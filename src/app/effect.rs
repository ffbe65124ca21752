//! What the app asks the world to do, and what the world reports back.
//!
//! `App::update` is the only writer of the app. It never touches the disk
//! or the terminal: it returns `Effect`s, the runtime performs them, and the
//! runtime's answers come back through `update` as `Msg::Report`s. So save,
//! export and quit can be driven in a test without threads or files.

use std::path::PathBuf;

use super::field::Field;
use super::state::{App, Tone};
use crate::export::{CopyKind, Format};
use crate::model::Timestamp;

/// Something for the runtime to do. Saving when the keyboard pauses needs
/// no effect: the runtime compares `App::revision` with what it last saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save at once rather than when the keyboard next pauses (Ctrl+S, and
    /// finalising). Answered with `Report::SaveNowDone`.
    SaveNow,
    /// Write this copy beside the session file. Answered with
    /// `Report::Exported` or `Report::ExportFailed`.
    Export(CopyKind, Format),
    /// Write the pack (each person's letter and copy) into a new folder
    /// beside the session file. Answered like `Export`, with the folder.
    ExportLetters(Format),
    /// Leave the session (the runtime keeps what is typed and saves first).
    Quit,
    /// The draft offered back is already in the session: remove it.
    ForgetDraft,
    /// The draft offered back has nowhere to go: move it out of the way
    /// (keeping its text) and say where. Answered with `Report::Warning`.
    SetDraftAside,
}

/// What the runtime did, or found, for the app to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Report {
    /// The session's file from now on. A file keeps its name, so the
    /// runtime never sends this for a rename.
    File(PathBuf),
    /// The session as it was at `revision` is on disk.
    Saved {
        revision: u64,
        at: Timestamp,
    },
    /// A save failed; everything stays in memory and the runtime retries.
    SaveFailed {
        why: String,
    },
    /// The save asked for by `Effect::SaveNow` is finished (a failure has
    /// been reported by `SaveFailed` already).
    SaveNowDone,
    Exported(PathBuf),
    ExportFailed {
        why: String,
    },
    /// Text that was being typed when cpconf last stopped, found in a draft,
    /// with the record form it was typed in when the draft says. Answered
    /// with `Effect::ForgetDraft` or `Effect::SetDraftAside` when no editor
    /// opens for it.
    Draft {
        field: Field,
        record: Option<super::drafting::RecordRef>,
        text: String,
        saved_at: Timestamp,
    },
    /// The newest draft was written (`Ok`), or the disk refused it.
    DraftWritten(Result<(), String>),
    /// Something the chair should know that needs no answer (a draft that
    /// could not be placed, a file that loaded with a warning).
    Warning(String),
    /// The window is closing: keep what is typed and stop the stage clock.
    Leaving(Timestamp),
}

impl App {
    /// Queues an effect for the runtime; `update` hands the queue over.
    pub(super) fn emit(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    /// One export's report; while the three copies are being written
    /// together, gathered, and said once all three are in: "exported the
    /// three copies to DIR: a, b, c", or each problem in turn.
    fn exported(&mut self, result: Result<PathBuf, (Tone, String)>) {
        let Some(batch) = &mut self.export_batch else {
            match result {
                Ok(path) => self.say(Tone::Info, format!("exported to {}", path.display())),
                Err((tone, text)) => self.say(tone, text),
            }
            return;
        };
        match result {
            Ok(path) => batch.written.push(path),
            Err(note) => batch.notes.push(note),
        }
        batch.left = batch.left.saturating_sub(1);
        if batch.left > 0 {
            return;
        }
        let Some(batch) = self.export_batch.take() else {
            return;
        };
        let names: Vec<String> = batch
            .written
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        let dir = batch.written.first().and_then(|p| p.parent());
        let mut parts = Vec::new();
        if let (false, Some(dir)) = (names.is_empty(), dir) {
            let how_many = match names.len() {
                3 => "the three copies".to_string(),
                n => format!("{n} of the three copies"),
            };
            parts.push(format!(
                "exported {how_many} to {}: {}",
                dir.display(),
                names.join(", ")
            ));
        }
        parts.extend(batch.notes.iter().map(|(_, note)| note.clone()));
        let worst = batch.notes.iter().map(|(t, _)| *t).max_by_key(|t| match t {
            Tone::Error => 2,
            Tone::Warning => 1,
            Tone::Info => 0,
        });
        let said = match parts.is_empty() {
            true => "nothing exported".to_string(),
            false => parts.join("; "),
        };
        self.say(worst.unwrap_or(Tone::Info), said);
    }

    pub(super) fn report(&mut self, report: Report) {
        match report {
            Report::File(path) => self.file = Some(path),
            Report::Saved { revision, at } => {
                self.saved_revision = self.saved_revision.max(revision);
                self.last_saved_at = Some(at);
                self.save_error = None;
            }
            Report::SaveFailed { why } => self.save_error = Some(why),
            Report::SaveNowDone => {
                // "saving…" becomes "saved"; a message that says more (such
                // as "finalised: the record is locked") stays, since the
                // corner of the status bar shows the save anyway.
                let saying_more = self.message.as_ref().is_some_and(|m| m.text != "saving…");
                if self.save_error.is_none() && !self.read_only() && !saying_more {
                    self.say(Tone::Info, "saved");
                }
            }
            Report::Exported(path) => self.exported(Ok(path)),
            Report::ExportFailed { why } => {
                self.exported(Err((Tone::Error, format!("export failed: {why}"))))
            }
            // Exporting with a key warns (not exported, or not encrypted).
            Report::Warning(text) if self.export_batch.is_some() => {
                self.exported(Err((Tone::Warning, text)))
            }
            Report::Draft {
                field,
                record,
                text,
                saved_at,
            } => match self.recover_draft(field, record, &text, saved_at) {
                super::drafting::Recovered::Editing => {}
                super::drafting::Recovered::AlreadyKept => self.emit(Effect::ForgetDraft),
                super::drafting::Recovered::Nowhere => self.emit(Effect::SetDraftAside),
            },
            Report::DraftWritten(result) => self.note_draft_written(result),
            Report::Warning(text) => self.say(Tone::Warning, text),
            Report::Leaving(now) => self.prepare_to_leave(now),
        }
    }
}
