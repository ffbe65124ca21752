//! Changing the session: every change is one undoable step, refused here
//! (not on screen) when the window may not change anything.

use super::super::state::*;
use super::super::undo::Patch;
use crate::model::*;

impl App {
    /// Applies a change as one undoable step, or refuses it with a message.
    /// Refusal happens here, in the update logic, so a read-only window can
    /// never change anything whatever is on screen.
    pub(in crate::app) fn change<R>(
        &mut self,
        what: impl Into<String>,
        f: impl FnOnce(&mut Session) -> Result<R, String>,
    ) -> Option<R> {
        self.change_scoped(false, what, f)
    }

    /// `change`, named to the chair in `said` when it is undone or redone
    /// ("changed Said by of 'Claire walks…'"), where the audit trail keeps
    /// `what`, which names ids, never content. A change that changed
    /// nothing leaves the last step's name alone.
    pub(in crate::app) fn change_said<R>(
        &mut self,
        what: impl Into<String>,
        said: String,
        f: impl FnOnce(&mut Session) -> Result<R, String>,
    ) -> Option<R> {
        let before = self.revision;
        let r = self.change(what, f);
        self.name_change_since(before, said);
        r
    }

    /// Names the step made since `before` (a revision) in the chair's
    /// words; when none was made, the step before keeps its own name.
    pub(super) fn name_change_since(&mut self, before: u64, said: String) {
        if self.revision != before {
            self.name_last_change(said);
        }
    }

    /// `addendum`: the change is to an addendum, which a finalised record
    /// still accepts.
    pub(in crate::app) fn change_scoped<R>(
        &mut self,
        addendum: bool,
        what: impl Into<String>,
        f: impl FnOnce(&mut Session) -> Result<R, String>,
    ) -> Option<R> {
        let refusal = self.refusal_for(addendum);
        if let Some(why) = refusal {
            self.say(Tone::Warning, why);
            return None;
        }
        match self.apply_change(what, f) {
            Ok(r) => Some(r),
            Err(why) => {
                self.say(Tone::Warning, why);
                None
            }
        }
    }

    /// Applies `f` as one undoable step (the caller has checked it may);
    /// on an error the session is left exactly as it was.
    pub(super) fn apply_change<R>(
        &mut self,
        what: impl Into<String>,
        f: impl FnOnce(&mut Session) -> Result<R, String>,
    ) -> Result<R, String> {
        // The recorder keeps a copy of the session as the last step left
        // it, and copies out only what a change alters: no whole copy of
        // the session per change (milliseconds on a large one).
        self.recorder.begin(&self.session);
        let r = match f(&mut self.session) {
            Ok(r) => r,
            Err(why) => {
                self.recorder.restore(&mut self.session);
                return Err(why);
            }
        };
        // The derived records follow the change (refreshing an unchanged
        // session changes nothing), then one comparison finds what
        // changed: None is nothing at all, as `session != before` was.
        self.session.refresh_derived();
        if let Some(mut patch) = self.recorder.record(&self.session) {
            let what = what.into();
            self.session.updated_at = self.now;
            self.session.audit.push(AuditEntry {
                at: self.now,
                stage: self.stage,
                what: what.clone(),
            });
            patch.what = what;
            self.undo.push(patch);
            self.trim_undo();
            self.redo.clear();
            self.revision += 1;
        }
        Ok(r)
    }

    /// Keeps the undo history within its depth and its memory budget.
    fn trim_undo(&mut self) {
        let mut bytes: usize = self.undo.iter().map(Patch::bytes).sum();
        let mut drop = 0;
        while self.undo.len() - drop > 1
            && (self.undo.len() - drop > UNDO_DEPTH || bytes > UNDO_BYTES)
        {
            bytes -= self.undo[drop].bytes();
            drop += 1;
        }
        self.undo.drain(..drop);
    }

    /// Ctrl+Z / Ctrl+Y: says what was undone or redone.
    pub(super) fn undo_redo(&mut self, undo: bool) {
        if let Some(why) = self.edit_refusal() {
            self.say(Tone::Warning, why);
            return;
        }
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(patch) = from.pop() else {
            self.say(
                Tone::Info,
                if undo {
                    "nothing to undo"
                } else {
                    "nothing to redo"
                },
            );
            return;
        };
        // Time spent in stages and the audit trail are facts, not edits:
        // undo never rewinds them (the patch leaves them alone), and is
        // itself recorded.
        let inverse = patch.apply(&mut self.session);
        let said = format!(
            "{}: {}",
            if undo { "undone" } else { "redone" },
            inverse.what
        );
        self.session.audit.push(AuditEntry {
            at: self.now,
            stage: self.stage,
            // The trail keeps its own words: what the chair sees said may
            // quote an item's text, and the trail never holds content.
            what: if undo {
                "undid the last change"
            } else {
                "redid a change"
            }
            .into(),
        });
        self.session.updated_at = self.now;
        self.recorder.follow(&self.session);
        to.push(inverse);
        self.revision += 1;
        self.clamp_cursors();
        self.say(Tone::Info, said);
    }

    /// Takes back the last change as if it had never been made: an item
    /// started by typing into a list and left empty. Nothing is left to
    /// redo and the audit entry of the change goes with it.
    pub(super) fn take_back_last_change(&mut self) {
        let Some(patch) = self.undo.pop() else {
            return;
        };
        drop(patch.apply(&mut self.session));
        self.session.audit.pop();
        self.recorder.follow(&self.session);
        self.revision += 1;
        self.clamp_cursors();
    }
}
