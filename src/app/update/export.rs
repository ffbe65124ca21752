//! The export menu: every copy in every format.

use super::super::effect::Effect;
use super::super::keymap::Command;
use super::super::state::*;
use super::step;

impl App {
    pub(super) fn export_command(&mut self, cmd: Command) {
        let Some(Overlay::Export(menu)) = self.overlays.last_mut() else {
            return;
        };
        let options = ExportMenu::options();
        match cmd {
            Command::Up => menu.selected = step(menu.selected, -1, options.len()),
            Command::Down => menu.selected = step(menu.selected, 1, options.len()),
            Command::Edit => {
                let chosen = options.get(menu.selected).copied();
                self.overlays.pop();
                match chosen {
                    Some((ExportChoice::Copy(copy), format)) => {
                        self.emit(Effect::Export(copy, format));
                    }
                    Some((ExportChoice::Letters, format)) => {
                        self.emit(Effect::ExportLetters(format));
                    }
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
