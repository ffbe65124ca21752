//! The export menu: a row for each copy and one for all three, ↑ ↓; the
//! format for them all, ← → (remembered for the next export from this
//! window); Enter writes.

use super::super::effect::Effect;
use super::super::keymap::Command;
use super::super::state::*;
use super::step;

impl App {
    pub(super) fn export_command(&mut self, cmd: Command) {
        let Some(Overlay::Export(menu)) = self.overlays.last_mut() else {
            return;
        };
        let choices = ExportMenu::choices();
        match cmd {
            Command::Up => menu.selected = step(menu.selected, -1, choices.len()),
            Command::Down => menu.selected = step(menu.selected, 1, choices.len()),
            Command::Left | Command::Right => {
                let all = crate::export::Format::ALL;
                let at = all.iter().position(|f| *f == menu.format).unwrap_or(0);
                let next = if cmd == Command::Right {
                    (at + 1) % all.len()
                } else {
                    (at + all.len() - 1) % all.len()
                };
                menu.format = all[next];
                self.export_format = all[next];
            }
            Command::Edit => {
                let (chosen, format) = (choices.get(menu.selected).copied(), menu.format);
                self.overlays.pop();
                match chosen {
                    Some(ExportChoice::Copy(copy)) => self.emit(Effect::Export(copy, format)),
                    Some(ExportChoice::AllCopies) => {
                        let copies = crate::export::CopyKind::ALL;
                        self.export_batch = Some(ExportBatch {
                            left: copies.len(),
                            ..ExportBatch::default()
                        });
                        for copy in copies {
                            self.emit(Effect::Export(copy, format));
                        }
                    }
                    Some(ExportChoice::Letters) => self.emit(Effect::ExportLetters(format)),
                    None => {}
                }
            }
            Command::Back => {
                self.overlays.pop();
            }
            _ => {}
        }
    }
}
