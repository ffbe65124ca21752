//! Which item is still being written. The projector reads only the saved
//! file, so the file itself must say which item's form is open: until the
//! chair closes it (and has decided its restricted flag), the projector
//! leaves that item out.

use super::panes::ListKind;
use super::state::{App, Overlay};
use crate::model::ItemId;

impl App {
    /// The item whose record form is open, if it is one the projector
    /// could show (children and people are not items).
    fn item_being_written(&self) -> Option<ItemId> {
        self.overlays.iter().find_map(|o| match o {
            Overlay::Record(form) => match &form.list {
                Some(ListKind::Children | ListKind::Attendees | ListKind::DecisionChildren) => {
                    None
                }
                _ => Some(ItemId(form.key.clone())),
            },
            _ => None,
        })
    }

    /// Brings the session's `drafting` mark in line with the open form; a
    /// change is saved like any other, so the projector sees it at once.
    pub(crate) fn sync_drafting(&mut self) {
        if self.read_only() {
            return;
        }
        let now = self.item_being_written();
        if self.session.drafting != now {
            self.session.drafting = now;
            self.revision += 1;
        }
    }
}
