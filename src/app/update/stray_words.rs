//! Words typed where they cannot be stored go on as text into the nearest
//! notes field, so no word is lost: words on a tick box, or on a choice or
//! picker they fit nothing in, at once; words on a date, a time or a score
//! cell they do not read as, when the chair leaves the field a second time
//! without changing them (the first time says why they were refused).

use super::super::field::{Field, FieldKind};
use super::super::field_owner::first_words;
use super::super::keymap::{Command, Context, key_for};
use super::super::panes::PaneContent;
use super::super::state::*;

/// A notes field that can take stray words, and how to reach it.
struct Home {
    /// The stage's pane that holds it; None for the form on top.
    pane: Option<usize>,
    row: usize,
    field: Field,
}

impl Home {
    /// The field of `fields` nearest row `at` that takes stray words.
    fn near(fields: &[Field], at: usize, pane: Option<usize>) -> Option<Home> {
        text_home_near(fields, at).map(|row| Home {
            pane,
            row,
            field: fields[row].clone(),
        })
    }
}

impl App {
    /// Words typed where they change nothing (a tick box, a choice or a
    /// picker they fit nothing in) go on as text into the nearest notes
    /// field of the form with the focus (or, with none, its nearest line),
    /// which opens to show them, so no word is lost; `why` says so on the
    /// status bar. False if the form has no such field.
    pub(super) fn send_words_home(&mut self, words: &str, why: &str) -> bool {
        let Some(home) = self
            .form_in_focus()
            .and_then(|(fields, at)| Home::near(&fields, at, None))
        else {
            return false;
        };
        let came_from = self.form_in_focus().map(|(_, at)| at);
        self.select_form_row(home.row);
        let home = home.field;
        self.open_editor(&home, None);
        let Some(Overlay::Editor(editor)) = self.overlays.last_mut() else {
            return false;
        };
        editor.add_words(words);
        editor.came_from = came_from;
        self.say(
            Tone::Info,
            format!("typing went into {}: {why}", home.label()),
        );
        true
    }

    /// The label of the notes field that words refused by the field being
    /// edited would go into, if there is one.
    pub(super) fn refused_words_home(&self) -> Option<&'static str> {
        self.home_under_editor().map(|h| h.field.label())
    }

    /// Leaving the editor again with the words its field refused, as they
    /// were: they go into the nearest notes field, the field keeps its
    /// value, and the focus stays on the field the chair was leaving (the
    /// next words typed are theirs to place). False when there is nowhere
    /// for them; the editor stays open.
    pub(super) fn keep_refused_words_elsewhere(&mut self) -> bool {
        let Some(home) = self.home_under_editor() else {
            return false;
        };
        let Some(Overlay::Editor(editor)) = self.overlays.pop() else {
            return false;
        };
        let (words, refused_by) = (editor.value(), editor.field.label());
        let (pane, row) = (self.pane, self.form_in_focus().map(|(_, at)| at));
        match home.pane {
            Some(pane) => {
                self.pane = pane;
                self.set_row(home.row);
            }
            None => self.select_form_row(home.row),
        }
        self.open_editor(&home.field, None);
        let Some(Overlay::Editor(notes)) = self.overlays.last_mut() else {
            return true;
        };
        notes.add_words(words.trim());
        if self.keep_editor_text() {
            self.overlays.pop();
        }
        self.pane = pane;
        if let Some(row) = row {
            self.select_form_row(row);
        }
        self.say(
            Tone::Info,
            format!(
                "{} kept in {}; {refused_by} left as it was ({} takes them back)",
                first_words(&words).unwrap_or_default(),
                home.field.label(),
                key_for(Context::Session, Command::Undo)
            ),
        );
        true
    }

    /// Where words refused by the field being edited would go: the nearest
    /// notes field of the form under the editor, or on a grid, the first
    /// such field of the stage's forms.
    fn home_under_editor(&self) -> Option<Home> {
        let [.., under, Overlay::Editor(_)] = self.overlays.as_slice() else {
            return self.home_in_stage();
        };
        let Overlay::Record(form) = under else {
            return None;
        };
        Home::near(&form.fields, form.selected, None)
    }

    /// With the editor alone on the stage: the focused form's nearest notes,
    /// or from a grid, the stage's first form with a field for them.
    fn home_in_stage(&self) -> Option<Home> {
        if !matches!(self.overlays.as_slice(), [Overlay::Editor(_)]) {
            return None;
        }
        let panes = self.panes();
        let near = |pane: usize, at: usize| match &panes.get(pane)?.content {
            PaneContent::Form(fields) => Home::near(fields, at, Some(pane)),
            _ => None,
        };
        match panes.get(self.pane).map(|p| &p.content) {
            Some(PaneContent::Form(_)) => near(self.pane, self.cursor(self.pane).row),
            Some(PaneContent::Grid(_)) => (0..panes.len()).find_map(|pane| near(pane, 0)),
            _ => None,
        }
    }
}

/// The row of the text field nearest `at` that a note typed in the wrong
/// place may go into: a notes field first, then a line; the nearer of the
/// two sides, below on a tie. Dates, times and scores take no words, nor
/// do fields whose text is a statement of its own: the inquorate reason and
/// plan (text there says the conference was inquorate) and the scaling
/// question (put to the family in their copy).
fn text_home_near(fields: &[Field], at: usize) -> Option<usize> {
    let takes_notes = |f: &Field, kind: FieldKind| {
        f.kind() == kind
            && !matches!(
                f,
                Field::InquorateReason | Field::InterimPlan | Field::ScalingQuestion
            )
    };
    [FieldKind::Lines, FieldKind::Line]
        .into_iter()
        .find_map(|kind| {
            (0..fields.len())
                .filter(|row| takes_notes(&fields[*row], kind))
                .min_by_key(|row| (row.abs_diff(at), *row < at))
        })
}
