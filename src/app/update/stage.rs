//! The session-wide commands: stages, panes, undo, save, help, quit,
//! export and finalise; and the way a key reaches the focused pane.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::super::effect::Effect;
use super::super::field::Field;
use super::super::keymap::{Command, Context, is_printable, key_for};
use super::super::panes::PaneContent;
use super::super::state::*;
use super::ClickTarget;
use crate::model::*;

impl App {
    pub(super) fn stage_command(&mut self, cmd: Command, ev: &KeyEvent) {
        let panes = self.panes();
        let pane_count = panes.len().max(1);
        let content = panes.get(self.pane).map(|p| p.content.clone());
        let typed = match ev.code {
            KeyCode::Char(ch) if is_printable(ev) => Some(ch),
            _ => None,
        };
        match cmd {
            Command::NextStage => self.go_to_stage(self.stage.next()),
            Command::PrevStage => self.go_to_stage(self.stage.previous()),
            Command::JumpStage => {
                if let KeyCode::Char(d) = ev.code {
                    self.jump_to_number(d);
                }
            }
            Command::GoTo => {
                self.overlays.push(Overlay::GoTo);
                self.say(
                    Tone::Info,
                    format!(
                        "go to stage: type its number (0 setup … 9 record), {} stays",
                        key_for(Context::GoTo, Command::Back)
                    ),
                );
            }
            Command::NextPane | Command::PrevPane
                if !matches!(content, Some(PaneContent::Form(_))) =>
            {
                self.step_pane(cmd == Command::NextPane, pane_count);
            }
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::Save => self.request_save(),
            Command::Help => self.open_help(),
            Command::Quit => self.emit(Effect::Quit),
            Command::Finalise => self.ask_finalise(),
            Command::MarkSent => self.ask_mark_sent(),
            // Exporting reads the session; it is allowed read-only too.
            Command::Export => self.overlays.push(Overlay::Export(ExportMenu {
                selected: 0,
                format: self.export_format,
            })),
            _ => match content {
                Some(PaneContent::List(kind)) => self.list_command(cmd, &kind, pane_count, typed),
                Some(PaneContent::Form(fields)) => self.form_command(cmd, &fields, typed),
                Some(PaneContent::Grid(kind)) => self.grid_command(cmd, kind, typed),
                None => {}
            },
        }
    }

    /// Moves to the next (or previous) pane, wrapping round.
    pub(super) fn step_pane(&mut self, forward: bool, pane_count: usize) {
        self.pane = if forward {
            (self.pane + 1) % pane_count
        } else {
            (self.pane + pane_count - 1) % pane_count
        };
    }

    fn go_to_stage(&mut self, stage: Option<Stage>) {
        let Some(stage) = stage else {
            return;
        };
        if self.ask_why_inquorate() {
            return;
        }
        self.close_stage_visit();
        // An information about the stage left behind (where typed words
        // went, what a choice chose) is no news on the next one, and a long
        // one would keep that stage's hints off the status bar.
        if self.message.as_ref().is_some_and(|m| m.tone == Tone::Info) {
            self.message = None;
        }
        self.stage = stage;
        self.pane = 0;
        self.open_stage_visit();
    }

    /// A click moves there; a click on what is already chosen opens it,
    /// as Enter would.
    pub(super) fn click(&mut self, target: ClickTarget) {
        if !self.overlays.is_empty() {
            return;
        }
        // A click names a pane and row as drawn; one that is not there (a
        // stale frame) selects nothing rather than a row past the end.
        let panes = self.panes().len();
        match target {
            ClickTarget::Stage(stage) => self.jump_to_stage(stage),
            ClickTarget::Pane(pane) if pane < panes => self.pane = pane,
            ClickTarget::Pane(_) => {}
            ClickTarget::Row { pane, row } if pane < panes => {
                let again = self.pane == pane && self.cursor(pane).row == row;
                self.pane = pane;
                self.cursors.entry((self.stage, pane)).or_default().row = row;
                self.clamp_cursors();
                if again {
                    let enter = KeyEvent::from(KeyCode::Enter);
                    self.stage_command(Command::Edit, &enter);
                }
            }
            ClickTarget::Row { .. } => {}
        }
    }

    /// Leaving introductions while not quorate asks, once, why the
    /// conference goes ahead: the answer is part of the record. Returns
    /// true when it asked (and the chair stays to answer). The question is
    /// an editor on the reason: a stage key there keeps what is typed and
    /// moves on, since the question has been asked.
    fn ask_why_inquorate(&mut self) -> bool {
        let s = &self.session;
        if self.stage != Stage::Introductions
            || self.quorum_asked
            || self.edit_refusal().is_some()
            || s.attendees.is_empty()
            || self.quorum().is_quorate()
            || !s.inquorate_reason.trim().is_empty()
        {
            return false;
        }
        self.quorum_asked = true;
        let Some(form) = self.panes().iter().position(
            |p| matches!(&p.content, PaneContent::Form(f) if f.contains(&Field::InquorateReason)),
        ) else {
            return false;
        };
        self.pane = form;
        if let Some(PaneContent::Form(fields)) = self.panes().get(form).map(|p| p.content.clone()) {
            if let Some(row) = fields.iter().position(|f| *f == Field::InquorateReason) {
                self.set_row(row);
            }
        }
        self.open_editor(&Field::InquorateReason, None);
        // The question goes once it is answered (or left blank).
        self.say_until_edit(
            Tone::Warning,
            format!(
                "{} — why does the conference go ahead? ({} leaves it blank, {} moves on)",
                self.quorum().summary(),
                key_for(Context::Editor, Command::Back),
                key_for(Context::Session, Command::NextStage)
            ),
        );
        true
    }

    /// Jumps to a stage by number (Alt+digit, mouse clicks and tests).
    pub(in crate::app) fn jump_to_stage(&mut self, stage: Stage) {
        if stage != self.stage {
            self.go_to_stage(Some(stage));
        }
    }

    /// The stage whose number is the digit `d` (Alt+digit, or typed after
    /// Ctrl+G).
    fn jump_to_number(&mut self, d: char) {
        let stage = d
            .to_digit(10)
            .and_then(|n| Stage::SCREENS.get(n as usize).copied());
        match stage {
            Some(s) => self.jump_to_stage(s),
            None => self.say(Tone::Info, "no stage has that number"),
        }
    }

    /// After Ctrl+G: a digit goes to that stage; Esc stays; any other key
    /// closes the question and does what it does where the focus was, so
    /// a sentence typed after a stray Ctrl+G still lands as text.
    pub(super) fn go_to_command(&mut self, cmd: Command, ev: KeyEvent) {
        self.overlays.pop();
        // The question is answered whatever the key: its prompt goes.
        self.message = None;
        match (cmd, ev.code) {
            (Command::Type, KeyCode::Char(d)) if d.is_ascii_digit() => self.jump_to_number(d),
            (Command::Back, _) => self.say(Tone::Info, format!("stayed at {}", self.stage.title())),
            _ => self.key(ev),
        }
    }
}
