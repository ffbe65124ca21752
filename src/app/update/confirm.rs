//! The question before finalising: Enter finalises, Esc does not. Letters
//! are not answers, so a sentence typed at the wrong moment cannot finalise.

use super::super::effect::Effect;
use super::super::keymap::Command;
use super::super::state::*;
use crate::model::*;

impl App {
    pub(super) fn confirm_command(&mut self, cmd: Command) {
        match cmd {
            Command::Yes | Command::No => {}
            _ => return,
        }
        let Some(Overlay::Confirm(c)) = self.overlays.pop() else {
            return;
        };
        if cmd != Command::Yes {
            self.say(Tone::Info, c.action.unanswered());
            return;
        }
        match c.action {
            ConfirmAction::Finalise => self.finalise(),
            ConfirmAction::MarkSent(what) => self.mark_sent(what),
        }
    }

    pub(super) fn ask_finalise(&mut self) {
        if let Some(why) = self.edit_refusal() {
            self.say(Tone::Warning, why);
            return;
        }
        let undecided: Vec<String> = self
            .session
            .decisions
            .iter()
            .filter(|d| d.outcome == Outcome::Undecided)
            .map(|d| self.session.child_name(&d.child))
            .collect();
        if self.session.children.is_empty() {
            self.say(Tone::Warning, "add the children at setup before finalising");
            return;
        }
        if !undecided.is_empty() {
            self.say(
                Tone::Warning,
                format!("no outcome yet for {}", undecided.join(", ")),
            );
            return;
        }
        self.overlays.push(Overlay::Confirm(Confirm {
            question: "Finalise this conference? The record is then locked: \
                       later changes can only be dated addenda."
                .into(),
            action: ConfirmAction::Finalise,
        }));
    }

    fn finalise(&mut self) {
        self.close_stage_visit();
        let now = self.now;
        let done = self.change("finalised the record", |s| {
            let by = s.setup.chair.clone();
            s.finalise(now, by);
            Ok(())
        });
        if done.is_some() {
            self.emit(Effect::SaveNow);
            self.say(Tone::Info, "finalised: the record is locked");
        }
    }
}
