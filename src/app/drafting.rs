//! Which item is still being written. The projector reads only the saved
//! file, so the file itself must say which item's form is open: until the
//! chair closes it (and has decided its restricted flag), the projector
//! leaves that item out.

use super::keymap::{Command, Context, key_for};
use super::panes::ListKind;
use super::state::{App, Overlay, Tone};
use crate::model::ItemId;

impl App {
    /// The item whose record form is open, or which is being typed straight
    /// into its list, if it is one the projector could show (children and
    /// people are not items). Enter in a list keeps the item and shows it;
    /// Tab keeps it and opens its form, where it can be marked restricted
    /// before the room sees it.
    fn item_being_written(&self) -> Option<ItemId> {
        let item = |list: Option<&ListKind>, key: &str| match list {
            Some(ListKind::Children | ListKind::Attendees | ListKind::DecisionChildren) => None,
            _ => Some(ItemId(key.to_string())),
        };
        self.overlays.iter().find_map(|o| match o {
            Overlay::Record(form) => item(form.list.as_ref(), &form.key),
            Overlay::Editor(editor) => editor
                .capture
                .as_ref()
                .and_then(|c| item(Some(&c.list), &c.key)),
            _ => None,
        })
    }

    /// Brings the session's `drafting` mark in line with the open form; a
    /// change is saved like any other, so the projector sees it at once.
    pub(crate) fn sync_drafting(&mut self) {
        // A window that cannot change the record (read-only, finalised)
        // never marks it: nothing in it is being written.
        if self.edit_refusal().is_some() {
            return;
        }
        let now = self.item_being_written();
        if self.session.drafting != now {
            self.session.drafting = now;
            self.revision += 1;
        }
    }
}

/// The record form a draft was typed in, kept with the draft so that text
/// whose item never reached the file can become a new item of that list.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RecordRef {
    pub list: ListKind,
    pub key: String,
}

/// What became of recovered text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recovered {
    /// It is in an open editor; Esc keeps it.
    Editing,
    /// The session already holds exactly this text.
    AlreadyKept,
    /// Its field is gone and there is no list to add it to.
    Nowhere,
}

/// Whether the place a field's value lives still exists in the session.
fn field_exists(s: &crate::model::Session, f: &super::field::Field) -> bool {
    use super::field::{Field, FieldKind, slots};
    match f.kind() {
        FieldKind::Date => slots(s, f).date.is_some(),
        FieldKind::Time => slots(s, f).time.is_some(),
        FieldKind::Line | FieldKind::Lines => slots(s, f).text.is_some(),
        FieldKind::Score => match f {
            Field::ScoreEntry(person, child) => {
                s.attendee(person).is_some() && s.child(child).is_some()
            }
            _ => false,
        },
        _ => true,
    }
}

impl App {
    /// The record form the open editor belongs to, if any.
    pub fn draft_record(&self) -> Option<RecordRef> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Record(form) => form.list.clone().map(|list| RecordRef {
                list,
                key: form.key.clone(),
            }),
            _ => None,
        })
    }

    /// Puts back text recovered from a draft. When its item never reached
    /// the file (cpconf stopped between adding it and the first save), a
    /// new item of the same list is made for it (Ctrl+Z takes it away), so
    /// the editor can always be closed and the draft never comes back.
    pub(super) fn recover_draft(
        &mut self,
        field: super::field::Field,
        record: Option<RecordRef>,
        text: &str,
        saved_at: crate::model::Timestamp,
    ) -> Recovered {
        if self.edit_refusal().is_some() {
            // A read-only window leaves the draft for the next editor.
            return Recovered::Editing;
        }
        if field_exists(&self.session, &field) {
            self.restore_draft(field, text, saved_at);
            return if self.editing() {
                Recovered::Editing
            } else {
                Recovered::AlreadyKept
            };
        }
        let Some(RecordRef { list, key }) = record else {
            return Recovered::Nowhere;
        };
        let old_fields = super::panes::record_fields(&list, &key);
        let Some(at) = old_fields.iter().position(|f| *f == field) else {
            return Recovered::Nowhere;
        };
        let now = self.now;
        let Some(new_key) = self.change_scoped(
            false,
            format!("added {} recovered from a draft", list.noun()),
            |s| super::panes::add_record(s, &list, now),
        ) else {
            return Recovered::Nowhere;
        };
        let new_field = super::panes::record_fields(&list, &new_key)[at].clone();
        self.open_record(Some(list.clone()), new_key);
        if let Some(Overlay::Record(form)) = self.overlays.last_mut() {
            form.selected = at;
        }
        let title = format!("Recovered · {}", new_field.label());
        self.overlays
            .push(Overlay::Editor(Box::new(super::state::Editor::new(
                new_field, title, text,
            ))));
        self.say(
            Tone::Warning,
            format!(
                "recovered what you were typing at {}; its {} was never saved, so it is a new one: {} keeps it, {} takes it away",
                saved_at.format("%H:%M:%S"),
                list.noun(),
                key_for(Context::Editor, Command::Back),
                key_for(Context::Session, Command::Undo)
            ),
        );
        self.sync_drafting();
        Recovered::Editing
    }

    /// Tells the chair when the disk refuses drafts, and takes the notice
    /// away when it accepts them again: while it refuses, what is being
    /// typed is only in memory.
    pub(super) fn note_draft_written(&mut self, result: Result<(), String>) {
        const REFUSED: &str = "no draft kept of what you are typing";
        match result {
            Err(why) => self.say(
                Tone::Error,
                format!(
                    "{REFUSED} ({why}); {} keeps it in the session",
                    key_for(Context::Editor, Command::Back)
                ),
            ),
            Ok(()) => {
                if self
                    .message
                    .as_ref()
                    .is_some_and(|m| m.text.starts_with(REFUSED))
                {
                    self.message = None;
                }
            }
        }
    }
}
