//! The scaling and recommendations grids: people down the side, children
//! across. Typing on a cell starts its entry (`7 home unpredictable`).

use super::super::field::Field;
use super::super::field_edit::commit_text;
use super::super::field_owner::person_for_child;
use super::super::keymap::Command;
use super::super::panes::{GridKind, ensure_recommendation, grid_people, recommendation_for};
use super::super::state::*;
use super::step;

impl App {
    pub(super) fn grid_command(&mut self, cmd: Command, kind: GridKind, typed: Option<char>) {
        let people = grid_people(&self.session, kind);
        let children = self.session.all_child_ids();
        let key = (self.stage, self.pane);
        if cmd != Command::Type {
            // Moving by hand ends a row of entries (see `move_in_grid`).
            self.grid_row_start = None;
        }
        let cur = self.cursors.entry(key).or_default();
        match cmd {
            Command::Up => cur.row = step(cur.row, -1, people.len()),
            Command::Down => cur.row = step(cur.row, 1, people.len()),
            Command::Left => cur.col = step(cur.col, -1, children.len()),
            Command::Right => cur.col = step(cur.col, 1, children.len()),
            Command::Edit | Command::Delete | Command::Type => {
                let cur = *cur;
                let (Some(person), Some(child)) = (people.get(cur.row), children.get(cur.col))
                else {
                    self.say(
                        Tone::Info,
                        match kind {
                            GridKind::Scaling => {
                                "add people (stage 2) and children (stage 0) to score"
                            }
                            GridKind::Recommendations => {
                                "mark who gives a recommendation in the register (stage 2)"
                            }
                        },
                    );
                    return;
                };
                let (person, child) = (person.clone(), child.clone());
                let whose = person_for_child(&self.session, &person, &child);
                match (kind, cmd) {
                    (_, Command::Type) if self.edit_refusal().is_some() => self.refuse_typing(),
                    (GridKind::Scaling, Command::Edit) => {
                        self.open_editor(&Field::ScoreEntry(person, child), None)
                    }
                    (GridKind::Scaling, Command::Type) => {
                        self.type_on_field(&Field::ScoreEntry(person, child), typed)
                    }
                    (GridKind::Scaling, _) => {
                        let f = Field::ScoreEntry(person, child);
                        let said = format!("cleared {}", f.for_chair(&self.session));
                        self.change_said(format!("cleared {}", f.describe()), said, |s| {
                            commit_text(s, &f, "")
                        });
                    }
                    (GridKind::Recommendations, Command::Edit | Command::Type) => {
                        let existing = recommendation_for(&self.session, &person, &child)
                            .map(|r| r.id.clone());
                        let id = match existing {
                            Some(id) => Some(id),
                            None => self.change_said(
                                format!("added recommendation of {person} for {child}"),
                                format!("added the recommendation of {whose}"),
                                |s| Ok(ensure_recommendation(s, &person, &child)),
                            ),
                        };
                        if let Some(id) = id {
                            self.open_record(None, id.0);
                            // Typing on the cell chooses its outcome by letters.
                            if cmd == Command::Type {
                                self.record_command(Command::Type, typed);
                            }
                        }
                    }
                    (GridKind::Recommendations, _) => {
                        self.change_said(
                            format!("cleared recommendation of {person} for {child}"),
                            format!("cleared the recommendation of {whose}"),
                            |s| {
                                s.recommendations
                                    .retain(|r| !(r.professional == person && r.child == child));
                                Ok(())
                            },
                        );
                    }
                }
            }
            _ => {}
        }
    }
}
