//! An item's form, opened over the stage from a list or a grid cell.

use super::super::field::{Field, FieldKind};
use super::super::keymap::{Command, Context, key_for};
use super::super::panes::{ListKind, list_keys, record_fields};
use super::super::state::*;
use super::step;
use crate::model::*;

impl App {
    /// Opens a record's form at its first field.
    pub(in crate::app) fn open_record(&mut self, list: Option<ListKind>, key: String) {
        let fields = match &list {
            Some(kind) => record_fields(kind, &key),
            None => {
                let id = ItemId(key.clone());
                vec![
                    Field::RecOutcome(id.clone()),
                    Field::RecCategories(id.clone()),
                    Field::RecReason(id),
                ]
            }
        };
        let title = self.record_title(list.as_ref(), &key);
        self.overlays.push(Overlay::Record(RecordForm {
            title,
            list,
            key,
            fields,
            selected: 0,
        }));
    }

    fn record_title(&self, list: Option<&ListKind>, key: &str) -> String {
        let s = &self.session;
        match list {
            Some(ListKind::Children) => "Child".into(),
            Some(ListKind::Attendees) => "Person".into(),
            Some(ListKind::Parts) => "Out of the room, or there only for a part".into(),
            Some(ListKind::Household) => "Household member".into(),
            Some(ListKind::Network) => "Safety network member".into(),
            Some(ListKind::Exclusions) => "Exclusion / separate attendance".into(),
            Some(ListKind::Dangers) => "Danger statement".into(),
            Some(ListKind::Map(c)) => c.label().into(),
            Some(ListKind::Goals) => "Safety goal".into(),
            Some(ListKind::Actions(_)) => "Action".into(),
            Some(ListKind::DecisionChildren) => "Child".into(),
            Some(ListKind::Dissents(c)) => format!("Dissent about {}", s.child_name(c)),
            Some(ListKind::Addenda) => "Addendum".into(),
            Some(ListKind::Audit) => "Audit entry".into(),
            None => s
                .recommendations
                .iter()
                .find(|r| r.id.0 == key)
                .map(|r| {
                    format!(
                        "Recommendation: {} for {}",
                        s.attendee_name(&r.professional),
                        s.child_name(&r.child)
                    )
                })
                .unwrap_or_else(|| "Recommendation".into()),
        }
    }

    pub(super) fn record_command(&mut self, cmd: Command, typed: Option<char>) {
        let Some(Overlay::Record(form)) = self.overlays.last() else {
            return;
        };
        let form = form.clone();
        let n = form.fields.len();
        let set_selected = |app: &mut App, i: usize| {
            if let Some(Overlay::Record(f)) = app.overlays.last_mut() {
                f.selected = i;
            }
        };
        let field = form.fields.get(form.selected).cloned();
        match cmd {
            Command::Up | Command::PrevPane => set_selected(self, step(form.selected, -1, n)),
            Command::NextPane if form.list.is_none() && form.selected + 1 == n => {
                self.next_grid_cell();
            }
            Command::Down | Command::NextPane => set_selected(self, step(form.selected, 1, n)),
            Command::First => set_selected(self, 0),
            Command::Last => set_selected(self, n.saturating_sub(1)),
            Command::Back => {
                self.overlays.pop();
            }
            Command::Edit => match field {
                Some(f) if self.keeps_letters_chosen(&f) => self.close_record_form(),
                Some(f) => self.activate(&f),
                None => {}
            },
            Command::Toggle | Command::Type => {
                if let Some(f) = field {
                    self.type_on_field(&f, typed)
                }
            }
            Command::Left | Command::Right => {
                if let Some(f) = field.filter(|f| f.kind() == FieldKind::Choice) {
                    self.cycle_field(&f, cmd == Command::Right);
                }
            }
            Command::Delete => {
                let deleted = match &form.list {
                    Some(kind) => self.delete_item(kind, &form.key),
                    None => self
                        .change_said(
                            format!("deleted recommendation {}", form.key),
                            format!(
                                "deleted the recommendation of {}",
                                Field::RecOutcome(ItemId(form.key.clone()))
                                    .owner_words(&self.session)
                                    .unwrap_or_default()
                            ),
                            |s| {
                                s.recommendations.retain(|r| r.id.0 != form.key);
                                Ok(())
                            },
                        )
                        .inspect(|_| {
                            self.say(
                                Tone::Info,
                                format!(
                                    "deleted the recommendation ({} brings it back)",
                                    key_for(Context::Session, Command::Undo)
                                ),
                            )
                        })
                        .is_some(),
                };
                if deleted {
                    self.overlays.pop();
                    self.clamp_cursors();
                }
            }
            _ => {}
        }
    }

    /// Enter that keeps a line or a choice in an item's (or a grid cell's)
    /// form: the form closes with everything kept, the focus on its item,
    /// and typing starts the next item.
    pub(super) fn close_record_form(&mut self) {
        if let Some(Overlay::Record(_)) = self.overlays.last() {
            self.overlays.pop();
        }
    }

    /// Tab after the last field of a grid cell's form (a recommendation):
    /// the form closes and the next cell has the focus, as Tab after a
    /// scaling entry goes across.
    pub(super) fn next_grid_cell(&mut self) {
        if let Some(Overlay::Record(_)) = self.overlays.last() {
            self.overlays.pop();
        }
        self.move_in_grid(super::editor::Then::NextField);
    }

    /// After an undo, a form whose item is gone closes.
    pub(super) fn close_records_of_gone_items(&mut self) {
        while let Some(Overlay::Record(form)) = self.overlays.last() {
            let exists = match &form.list {
                Some(kind) => list_keys(&self.session, kind).contains(&form.key),
                None => self
                    .session
                    .recommendations
                    .iter()
                    .any(|r| r.id.0 == form.key),
            };
            if exists {
                break;
            }
            self.overlays.pop();
        }
    }
}
