//! Marking the paperwork sent, from the record screen (F2): the decision
//! letters first, then the record. Asks first; the mark (what, by whom,
//! when) is an audited change that a finalised record accepts, like an
//! addendum. Kept apart from `update` so the key's whole story is here.

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
        self.overlays.push(Overlay::Confirm(Confirm {
            question: format!(
                "Mark the {} as sent today by {by}? (to {})",
                next.label().to_lowercase(),
                self.session.recipients(next).join(", ")
            ),
            action: ConfirmAction::MarkSent(next),
        }));
    }

    /// After "yes": records the mark (an audit entry says so).
    pub(super) fn mark_sent(&mut self, what: Paperwork) {
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
