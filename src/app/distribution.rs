//! Marking the paperwork sent, from the record screen (F2): each decision
//! letter in turn (each parent or carer, the professionals, each child the
//! chair writes to), then the record. Asks first, naming the recipient;
//! the mark (what, to whom, by whom, when) is an audited change that a
//! finalised record accepts, like an addendum. Kept apart from `update` so
//! the key's whole story is here.

use crate::model::Paperwork;

use super::state::{App, Confirm, ConfirmAction, Overlay, Tone};

impl App {
    /// F2 on the record screen: asks whether the next paperwork was sent.
    pub(super) fn ask_mark_sent(&mut self) {
        if let Some(why) = self.addendum_refusal() {
            self.say(Tone::Warning, why);
            return;
        }
        if !self.session.is_finalised() {
            self.say(
                Tone::Warning,
                "finalise the record first (F at the chair's decision)",
            );
            return;
        }
        let Some(next) = self.session.next_unsent() else {
            self.say(
                Tone::Info,
                "the letters and the record are both marked sent",
            );
            return;
        };
        let by = if self.session.setup.chair.trim().is_empty() {
            "the chair".to_string()
        } else {
            self.session.setup.chair.trim().to_string()
        };
        let question = match (next, self.session.next_unsent_letter()) {
            (Paperwork::Letters, Some(to)) => {
                let later: Vec<String> = self
                    .session
                    .letter_recipients()
                    .into_iter()
                    .filter(|r| r.key != to.key && self.session.letter_sent(&r.key).is_none())
                    .map(|r| r.name)
                    .collect();
                let then = if later.is_empty() {
                    String::new()
                } else {
                    format!(" (still to mark after it: {})", later.join(", "))
                };
                format!(
                    "Mark the decision letter to {} as sent today by {by}?{then}",
                    to.name
                )
            }
            _ => format!(
                "Mark the {} as sent today by {by}? (to {})",
                next.label().to_lowercase(),
                self.session.recipients(next).join(", ")
            ),
        };
        self.overlays.push(Overlay::Confirm(Confirm {
            question,
            action: ConfirmAction::MarkSent(next),
        }));
    }

    /// After "yes" to a decision letter: the one asked about is the first
    /// not yet marked (nothing changes while the question is open).
    fn mark_letter_sent(&mut self) {
        let Some(to) = self.session.next_unsent_letter() else {
            return;
        };
        let (now, by) = (self.now, self.session.setup.chair.trim().to_string());
        let done = self.change_scoped(
            true,
            format!("marked the decision letter to {} as sent", to.name),
            |s| s.mark_letter_sent(&to.key, by, now),
        );
        if done.is_some() {
            self.emit(super::effect::Effect::SaveNow);
            self.say(
                Tone::Info,
                format!("decision letter to {} marked sent", to.name),
            );
        }
    }

    /// After "yes": records the mark (an audit entry says so).
    pub(super) fn mark_sent(&mut self, what: Paperwork) {
        if what == Paperwork::Letters {
            return self.mark_letter_sent();
        }
        let now = self.now;
        let by = self.session.setup.chair.trim().to_string();
        let done = self.change_scoped(
            true,
            format!("marked the {} as sent", what.label().to_lowercase()),
            |s| s.mark_sent(what, by, now),
        );
        if done.is_some() {
            self.emit(super::effect::Effect::SaveNow);
            self.say(
                Tone::Info,
                format!("{} marked sent", what.label().to_lowercase()),
            );
        }
    }
}
