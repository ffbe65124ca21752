//! A picker (who said it, which children, core group, categories): typing
//! finds a name, Space ticks (or chooses, in a pick-one), Enter chooses
//! and closes (an item's form too; a stage's form moves on), Tab chooses
//! and goes on to the next field, Esc closes; what is ticked is always
//! kept.

use super::super::field_edit::set_picked;
use super::super::keymap::Command;
use super::super::state::*;
use super::editor::Then;
use super::step;

impl App {
    pub(super) fn picker_command(&mut self, cmd: Command, typed: Option<char>) {
        let Some(Overlay::Picker(p)) = self.overlays.last_mut() else {
            return;
        };
        let shown: Vec<String> = p.visible().iter().map(|o| o.key.clone()).collect();
        let n = shown.len();
        match cmd {
            Command::Up => p.selected = step(p.selected, -1, n),
            Command::Down => p.selected = step(p.selected, 1, n),
            Command::Type => {
                if let Some(ch) = typed {
                    if p.toggled.take().is_some() {
                        p.filter.clear();
                    }
                    p.filter.push(ch);
                    p.selected = 0;
                    if let Some(run) = p.typed.as_mut() {
                        run.push(ch);
                    }
                    if p.visible().is_empty() {
                        self.found_no_name();
                    }
                }
            }
            // A space straight after letters typed on the field is a gap
            // between words, as on a tick box: in a pick-one it finds on
            // ("pc j"), never chooses; a pick-many's Space ticks the name
            // found, taken back if the letters turn out to be words.
            Command::Toggle if self.space_in_sentence && p.typed.is_some() && !p.multi => {
                self.picker_command(Command::Type, Some(' '));
            }
            Command::Erase => {
                p.toggled = None;
                p.filter.pop();
                p.selected = 0;
            }
            // Tab chooses as Enter does, then goes on to the next field
            // (Shift+Tab: the one before), as in a web form's drop-down.
            Command::NextPane | Command::PrevPane => {
                let then = if cmd == Command::NextPane {
                    Then::NextField
                } else {
                    Then::PreviousField
                };
                self.choose_found(cmd, shown, then);
            }
            Command::Toggle | Command::Edit => {
                self.choose_found(cmd, shown, Then::NextRow);
            }
            Command::Back => self.close_picker(),
            _ => {}
        }
    }

    /// Space, Enter or Tab on the name in focus: Space ticks or unticks it
    /// and stays; the others choose it (a pick-many: tick a name found by
    /// typing) and close, then `then`.
    fn choose_found(&mut self, cmd: Command, shown: Vec<String>, then: Then) {
        let Some(Overlay::Picker(p)) = self.overlays.last_mut() else {
            return;
        };
        if cmd == Command::Toggle {
            if let Some(run) = p.typed.as_mut() {
                run.push(' ');
            }
        }
        let Some(key) = shown.get(p.selected).cloned() else {
            if cmd != Command::Toggle {
                self.choose_and_move_on(then);
            }
            return;
        };
        if p.multi {
            let ticked = p.chosen.contains(&key);
            // Enter or Tab on a name found by typing ticks it, then
            // closes (not the one Space has just unticked); Space ticks or
            // unticks and stays.
            let just_toggled = p.toggled.as_ref() == Some(&key);
            if cmd == Command::Toggle || !ticked && !p.filter.is_empty() && !just_toggled {
                match p.chosen.iter().position(|k| *k == key) {
                    Some(i) => {
                        p.chosen.remove(i);
                    }
                    None => p.chosen.push(key.clone()),
                }
            }
            if cmd == Command::Toggle {
                // The filter stays, so the cursor stays on this name.
                p.toggled = Some(key);
                return;
            }
        } else {
            p.chosen = vec![key];
        }
        self.choose_and_move_on(then);
    }

    /// The filter fits no name. Typed straight on to the field with a space
    /// among the letters, these are words typed in the wrong place ("do
    /// quick" on Said by): the picker closes as it opened, nothing chosen
    /// or ticked by them, and the words go on into the form's notes.
    fn found_no_name(&mut self) {
        let Some(Overlay::Picker(p)) = self.overlays.last() else {
            return;
        };
        let words = p.typed.clone().filter(|run| run.contains(' '));
        let Some(words) = words else {
            let typed = p.filter.clone();
            self.say(
                Tone::Info,
                format!("no name holds '{typed}': Backspace rubs out"),
            );
            return;
        };
        let label = p.field.label();
        self.overlays.pop();
        let why = format!("no name holds those words, and {label} is as it was");
        if !self.send_words_home(&words, &why) {
            self.say(
                Tone::Info,
                format!("no name holds '{words}': {label} is as it was"),
            );
        }
    }

    /// Enter: keeps what was chosen and does what Enter on a line does: in
    /// an item's form, closes the form; in a stage's form, moves on to the
    /// next field. Tab (`then` NextField) always moves on; Esc keeps it
    /// and stays.
    fn choose_and_move_on(&mut self, then: Then) {
        self.close_picker();
        match (then, self.overlays.last()) {
            (Then::NextRow, Some(Overlay::Record(_))) => self.close_record_form(),
            (Then::PreviousField, _) => self.step_field(-1),
            _ => self.step_field(1),
        }
    }

    /// Keeps what was ticked: leaving a picker never throws choices away.
    pub(super) fn close_picker(&mut self) {
        if let Some(Overlay::Picker(p)) = self.overlays.pop() {
            let field = p.field.clone();
            let said = format!("chose {}", field.for_chair(&self.session));
            self.change_said(format!("chose {}", field.describe()), said, |s| {
                set_picked(s, &field, &p.chosen);
                Ok(())
            });
        }
    }
}
