//! A stage's form, and what a key does on one field (shared with an item's
//! form): Enter edits, ticks or picks; typing edits a text field, starting
//! with the key typed, or chooses a choice by its first letters; Space
//! ticks a tick box.

use super::super::field::{Field, FieldKind};
use super::super::field_edit::{choose_by_letters, cycle, edit_text, pick_options, picked, toggle};
use super::super::keymap::Command;
use super::super::state::*;

impl App {
    pub(super) fn form_command(&mut self, cmd: Command, fields: &[Field], typed: Option<char>) {
        let row = self
            .cursor(self.pane)
            .row
            .min(fields.len().saturating_sub(1));
        let Some(field) = fields.get(row).cloned() else {
            return;
        };
        let pane_count = self.panes().len().max(1);
        match cmd {
            Command::Up => self.move_row(-1, fields.len()),
            Command::Down => self.move_row(1, fields.len()),
            Command::First => self.set_row(0),
            Command::Last => self.set_row(fields.len().saturating_sub(1)),
            // Tab goes field to field, as in a web form, then on to the
            // next pane; Shift+Tab comes back the same way.
            Command::NextPane if row + 1 < fields.len() => self.move_row(1, fields.len()),
            Command::PrevPane if row > 0 => self.move_row(-1, fields.len()),
            Command::NextPane | Command::PrevPane => {
                self.step_pane(cmd == Command::NextPane, pane_count)
            }
            Command::Edit => self.activate(&field),
            Command::Toggle | Command::Type => self.type_on_field(&field, typed),
            // ← and → go to the pane beside, as in a list, on a choice too:
            // an arrow pressed to leave a form must never change what it
            // holds (← pressed to go back to the children changed a child's
            // outcome). A choice changes by its first letters, or Enter.
            // The form keeps its field for when the focus comes back.
            Command::Left | Command::Right => self.step_pane(cmd == Command::Right, pane_count),
            _ => {}
        }
    }

    /// A printable key on a field: it types into a text field, chooses on a
    /// choice, ticks a tick box (Space), opens a picker already finding.
    pub(super) fn type_on_field(&mut self, field: &Field, typed: Option<char>) {
        let Some(ch) = typed else {
            return;
        };
        let refusal = self.refusal_for(field.is_addendum());
        if refusal.is_some() {
            self.refuse_typing();
            return;
        }
        match field.kind() {
            // A sentence typed on a tick box ticks nothing: only a Space
            // that does not follow letters does.
            FieldKind::Toggle if ch == ' ' && self.space_in_sentence => self.say(
                Tone::Info,
                format!(
                    "{} is a tick box: typing changes nothing; Space on its own ticks it",
                    field.label()
                ),
            ),
            FieldKind::Toggle if ch == ' ' => self.activate(field),
            FieldKind::Toggle => self.say(
                Tone::Info,
                format!("{} is a tick box: Space ticks it", field.label()),
            ),
            FieldKind::Choice => self.choose_typed(field, ch),
            FieldKind::PickOne | FieldKind::PickMany => {
                self.open_picker(field);
                if ch != ' ' {
                    if let Some(Overlay::Picker(p)) = self.overlays.last_mut() {
                        p.filter.push(ch);
                        p.selected = 0;
                    }
                }
            }
            _ => {
                self.open_editor(field, None);
                if let Some(Overlay::Editor(editor)) = self.overlays.last_mut() {
                    // Added to what is there; a prefilled date, time or
                    // score opens selected, so the key types over it.
                    editor.text.insert_char(ch);
                }
            }
        }
    }

    /// Chooses by the letters typed so far on this field ("fa" finds
    /// "Family member"); a letter that matches nothing starts again.
    fn choose_typed(&mut self, field: &Field, ch: char) {
        let (mut letters, mut filled_so_far) = match self.type_ahead.take() {
            Some((f, letters, filled)) if f == *field => (letters, filled),
            _ => (String::new(), Vec::new()),
        };
        letters.push(ch);
        let found = self.choose_letters(field, &letters).or_else(|| {
            letters = ch.to_string();
            self.choose_letters(field, &letters)
        });
        match found {
            Some((label, filled)) => {
                for f in filled {
                    if !filled_so_far.contains(&f) {
                        filled_so_far.push(f);
                    }
                }
                let also = crate::app::outcome::filled_note(&filled_so_far)
                    .map(|f| format!(" · {f}"))
                    .unwrap_or_default();
                self.say(Tone::Info, format!("{}: {label}{also}", field.label()));
                self.type_ahead = Some((field.clone(), letters, filled_so_far));
            }
            None => self.say(
                Tone::Info,
                format!(
                    "no choice of {} starts with '{letters}': ← → go through them",
                    field.label()
                ),
            ),
        }
    }

    /// The choice made, and what choosing it filled in (see `outcome`).
    fn choose_letters(
        &mut self,
        field: &Field,
        letters: &str,
    ) -> Option<(&'static str, Vec<&'static str>)> {
        let rules = self.config.clone();
        let now = self.now;
        let mut label = None;
        let mut filled = Vec::new();
        self.change(format!("changed {}", field.describe()), |s| {
            label = choose_by_letters(s, field, letters);
            if let Field::DecisionOutcome(child) = field {
                filled = crate::app::outcome::outcome_chosen(s, child, &rules, now.time());
            }
            Ok(())
        });
        label.map(|l| (l, filled))
    }

    /// Does what Enter means on a field.
    pub(super) fn activate(&mut self, field: &Field) {
        match field.kind() {
            FieldKind::Toggle => {
                self.change(format!("ticked {}", field.describe()), |s| {
                    Ok(toggle(s, field))
                });
            }
            FieldKind::Choice => self.cycle_field(field, true),
            FieldKind::PickOne | FieldKind::PickMany => self.open_picker(field),
            _ => self.open_editor(field, None),
        }
    }

    /// Opens a picker with the cursor at the top (never on the first ticked
    /// name, where Space would untick it).
    fn open_picker(&mut self, field: &Field) {
        if let Some(why) = self.edit_refusal() {
            self.say(Tone::Warning, why);
            return;
        }
        let options = pick_options(&self.session, field, &self.config.categories);
        if options.is_empty() {
            self.say(Tone::Info, "nothing to choose from yet");
            return;
        }
        self.overlays.push(Overlay::Picker(Picker {
            field: field.clone(),
            title: field.label().into(),
            chosen: picked(&self.session, field),
            options,
            selected: 0,
            multi: field.kind() == FieldKind::PickMany,
            filter: String::new(),
        }));
    }

    /// Moves a choice on. Choosing a child protection plan fills in the
    /// first core group and review dates from the timescales, for the chair
    /// to change if the meeting agrees other dates.
    pub(super) fn cycle_field(&mut self, field: &Field, forward: bool) {
        let rules = self.config.clone();
        let now = self.now;
        let mut filled = Vec::new();
        self.change(format!("changed {}", field.describe()), |s| {
            cycle(s, field, forward);
            if let Field::DecisionOutcome(child) = field {
                filled = crate::app::outcome::outcome_chosen(s, child, &rules, now.time());
            }
            Ok(())
        });
        if let Some(f) = crate::app::outcome::filled_note(&filled) {
            self.say(Tone::Info, f);
        }
    }

    pub(super) fn open_editor(&mut self, field: &Field, capture: Option<Capture>) {
        let refusal = self.refusal_for(field.is_addendum());
        if let Some(why) = refusal {
            self.say(Tone::Warning, why);
            return;
        }
        self.forget_slips();
        let initial = edit_text(&self.session, field);
        let title = match &capture {
            Some(c) => format!(
                "{} › new {}: {}",
                self.stage.title(),
                c.list.noun(),
                field.label()
            ),
            None => format!("{} › {}", self.stage.title(), field.label()),
        };
        let mut editor = Editor::new(field.clone(), title, &initial);
        editor.capture = capture;
        self.overlays.push(Overlay::Editor(Box::new(editor)));
    }
}
