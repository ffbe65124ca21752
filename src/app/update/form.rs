//! A stage's form, and what a key does on one field (shared with an item's
//! form): Enter edits, ticks or picks; typing edits a text field, starting
//! with the key typed, or chooses a choice by its first letters; Space
//! ticks a tick box.

use super::super::field::{Field, FieldKind};
use super::super::field_edit::{choose_by_letters, cycle, edit_text, pick_options, picked, toggle};
use super::super::keymap::{Command, Context, key_for};
use super::super::panes::PaneContent;
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
            Command::Edit if self.keeps_letters_chosen(&field) => self.step_field(1),
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
            // Ticked, and on to the next tick box, as down a checklist
            // read aloud ("what the chair explained", opening statements);
            // the last of a run keeps the focus, so Space again unticks it.
            FieldKind::Toggle if ch == ' ' => {
                self.activate(field);
                if self.next_field_is_a_tick_box() {
                    self.step_field(1);
                }
            }
            FieldKind::Toggle => self.type_beside_tick_box(field, ch),
            FieldKind::Choice => self.choose_typed(field, ch),
            FieldKind::PickOne | FieldKind::PickMany => {
                self.open_picker(field);
                if ch != ' ' {
                    if let Some(Overlay::Picker(p)) = self.overlays.last_mut() {
                        p.filter.push(ch);
                        p.selected = 0;
                        p.typed = Some(ch.to_string());
                    }
                }
            }
            _ => {
                self.open_editor(field, None);
                if let Some(Overlay::Editor(editor)) = self.overlays.last_mut() {
                    // Added to what is there; a prefilled date, time or
                    // score opens selected, so the key types over it.
                    editor.add_words(&ch.to_string());
                }
            }
        }
    }

    /// Enter straight after letters chose on this choice: it keeps their
    /// choice ("c" then Enter is a child protection plan, not the next
    /// outcome round) and, as Enter on a line, goes on.
    pub(super) fn keeps_letters_chosen(&mut self, field: &Field) -> bool {
        matches!(self.type_ahead.take(), Some(run) if run.field == *field && run.changes > 0)
    }

    fn next_field_is_a_tick_box(&self) -> bool {
        self.form_in_focus()
            .and_then(|(fields, at)| fields.get(at + 1).map(Field::kind))
            == Some(FieldKind::Toggle)
    }

    /// A letter typed on a tick box starts a note typed in the wrong place:
    /// it goes into the form's nearest notes field. The inquorate fields
    /// take none: text there says the conference was inquorate.
    fn type_beside_tick_box(&mut self, tick: &Field, ch: char) {
        let why = format!("{} is a tick box (Space ticks it)", tick.label());
        if !self.send_words_home(&ch.to_string(), &why) {
            self.say(
                Tone::Info,
                format!("{} is a tick box: Space ticks it", tick.label()),
            );
        }
    }

    /// The fields of the form with the focus (an item's form on top, or
    /// the stage's form in focus) and the row in focus.
    pub(super) fn form_in_focus(&self) -> Option<(Vec<Field>, usize)> {
        match self.overlays.last() {
            Some(Overlay::Record(form)) => Some((form.fields.clone(), form.selected)),
            Some(_) => None,
            None => match self.panes().get(self.pane).map(|p| p.content.clone()) {
                Some(PaneContent::Form(fields)) => {
                    let at = self.cursor(self.pane).row;
                    Some((fields, at))
                }
                _ => None,
            },
        }
    }

    /// Puts the focus on `row` of the form that has it.
    pub(super) fn select_form_row(&mut self, row: usize) {
        match self.overlays.last_mut() {
            Some(Overlay::Record(form)) => form.selected = row,
            Some(_) => {}
            None => self.set_row(row),
        }
    }

    /// Chooses by the letters typed so far on this field ("fa" finds
    /// "Family member"; the same letter again goes on to the next choice
    /// starting with it). Letters that fit no choice after the first are a
    /// sentence typed in the wrong place: see `sentence_on_choice`.
    fn choose_typed(&mut self, field: &Field, ch: char) {
        let fresh = !matches!(&self.type_ahead, Some(run) if run.field == *field);
        if fresh && ch == ' ' {
            self.say(
                Tone::Info,
                format!(
                    "{} is a choice: its first letters or {} choose",
                    field.label(),
                    key_for(Context::Form, Command::Edit)
                ),
            );
            return;
        }
        let mut run = match self.type_ahead.take() {
            Some(run) if run.field == *field => run,
            _ => TypeAhead {
                field: field.clone(),
                letters: String::new(),
                filled: Vec::new(),
                changes: 0,
                failed: false,
            },
        };
        run.letters.push(ch);
        let before = self.revision;
        let mut found = self.choose_letters(field, &run.letters, true);
        // A letter that does not go on from the ones before starts again
        // ("fa" then "po" finds Police), unless a letter of this run has
        // already fitted nothing: then these are words.
        let same_letter = run.letters.chars().all(|c| c == ch);
        if found.is_none() && (!run.failed || same_letter) {
            let letter = ch.to_string();
            // Starting again takes a choice's first letter only: "can"
            // must not find "No further action" by its "a".
            found = self.choose_letters(field, &letter, false);
            if found.is_some() {
                run.letters = letter;
            }
        }
        if self.revision != before {
            run.changes += 1;
        }
        run.failed |= found.is_none();
        match found {
            Some((label, filled)) => {
                for f in filled {
                    if !run.filled.contains(&f) {
                        run.filled.push(f);
                    }
                }
                let also = crate::app::outcome::filled_note(&run.filled)
                    .map(|f| format!(" · {f}"))
                    .unwrap_or_default();
                self.say(Tone::Info, format!("{}: {label}{also}", field.label()));
                self.type_ahead = Some(run);
            }
            None if run.letters.chars().count() > 1 => self.sentence_on_choice(run),
            None => {
                self.say(
                    Tone::Info,
                    format!(
                        "no choice of {} starts with '{}': {} goes through them",
                        field.label(),
                        run.letters,
                        key_for(Context::Form, Command::Edit)
                    ),
                );
                self.type_ahead = Some(run);
            }
        }
    }

    /// Letters typed on a choice that fit none of its choices are words
    /// ("can we" chose a child protection plan by its "c"): what the run
    /// chose is taken back, and the letters go on as text into the form's
    /// nearest notes field, as on a tick box, so no word is lost.
    fn sentence_on_choice(&mut self, run: TypeAhead) {
        for _ in 0..run.changes {
            self.take_back_last_change();
        }
        let label = run.field.label();
        let why = format!(
            "'{}' is no choice of {label}, which is as it was",
            run.letters
        );
        if !self.send_words_home(&run.letters, &why) {
            self.say(
                Tone::Info,
                format!(
                    "no choice of {label} starts with '{}': it is as it was",
                    run.letters
                ),
            );
            self.type_ahead = Some(TypeAhead { changes: 0, ..run });
        }
    }

    /// The choice made, and what choosing it filled in (see `outcome`).
    fn choose_letters(
        &mut self,
        field: &Field,
        letters: &str,
        words: bool,
    ) -> Option<(&'static str, Vec<&'static str>)> {
        let rules = self.config.clone();
        let now = self.now;
        let mut label = None;
        let mut filled = Vec::new();
        let said = format!("changed {}", field.for_chair(&self.session));
        self.change_said(format!("changed {}", field.describe()), said, |s| {
            label = choose_by_letters(s, field, letters, words);
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
                let ticking = !crate::app::field::slots(&self.session, field)
                    .flag
                    .is_some_and(|b| *b);
                let said = format!(
                    "{} {}",
                    if ticking { "ticked" } else { "unticked" },
                    field.for_chair(&self.session)
                );
                self.change_said(format!("ticked {}", field.describe()), said, |s| {
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
            toggled: None,
            typed: None,
        }));
    }

    /// Moves a choice on. Choosing a child protection plan fills in the
    /// first core group and review dates from the timescales, for the chair
    /// to change if the meeting agrees other dates.
    pub(super) fn cycle_field(&mut self, field: &Field, forward: bool) {
        let rules = self.config.clone();
        let now = self.now;
        let mut filled = Vec::new();
        let said = format!("changed {}", field.for_chair(&self.session));
        self.change_said(format!("changed {}", field.describe()), said, |s| {
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
