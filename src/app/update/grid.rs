//! The scaling and recommendations grids: people down the side, children
//! across. Typing on a cell starts its entry (`7 home unpredictable`).

use super::super::field::Field;
use super::super::field_edit::{commit_text, score, set_score};
use super::super::field_owner::{first_name, person_for_child};
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
            Command::FillRight => {
                let cur = *cur;
                self.fill_right(kind, cur.row, cur.col);
            }
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

    /// Ctrl+R: this cell the same as the one to its left (the same person,
    /// the child before), as Excel's Fill Right: a recommendation's outcome
    /// and categories, or a score. This cell's reason stays its own.
    fn fill_right(&mut self, kind: GridKind, row: usize, col: usize) {
        if let Some(why) = self.edit_refusal() {
            self.say(Tone::Warning, why);
            return;
        }
        let people = grid_people(&self.session, kind);
        let children = self.session.all_child_ids();
        let (Some(person), Some(child)) = (people.get(row), children.get(col)) else {
            return;
        };
        let Some(left) = col.checked_sub(1).and_then(|c| children.get(c)) else {
            self.say(
                Tone::Info,
                "nothing to the left to copy: this is the first child",
            );
            return;
        };
        let (person, child, left) = (person.clone(), child.clone(), left.clone());
        let whose = person_for_child(&self.session, &person, &child);
        let left_name = self.session.child_name(&left);
        let from = format!("for {}", first_name(&left_name));
        let copied = match kind {
            GridKind::Recommendations => {
                let source = recommendation_for(&self.session, &person, &left)
                    .filter(|r| r.outcome != crate::model::Outcome::Undecided)
                    .map(|r| (r.outcome, r.categories.clone()));
                source.map(|(outcome, categories)| {
                    let named = self.config.outcomes.name(outcome).to_string();
                    let what = match categories.is_empty() {
                        true => named,
                        false => format!("{named} ({})", self.config.categories.list(&categories)),
                    };
                    self.change_said(
                        format!("filled recommendation of {person} for {child}"),
                        format!("made the recommendation of {whose} the same as {from}"),
                        |s| {
                            let id = ensure_recommendation(s, &person, &child);
                            if let Some(r) = s.recommendations.iter_mut().find(|r| r.id == id) {
                                r.outcome = outcome;
                                r.categories = categories;
                            }
                            Ok(())
                        },
                    );
                    what
                })
            }
            GridKind::Scaling => {
                let left_score = score(&self.session, &person, &left).map(|x| x.score);
                let reason = score(&self.session, &person, &child)
                    .map(|x| x.reason.clone())
                    .unwrap_or_default();
                left_score.map(|n| {
                    self.change_said(
                        format!("filled score of {person} for {child}"),
                        format!("made the score of {whose} the same as {from}"),
                        |s| {
                            set_score(s, &person, &child, Some((n, reason)));
                            Ok(())
                        },
                    );
                    n.to_string()
                })
            }
        };
        match copied {
            Some(what) => self.say(Tone::Info, format!("{whose}: {what}, the same as {from}")),
            None => self.say(
                Tone::Info,
                format!(
                    "nothing to copy: {} has none yet",
                    person_for_child(&self.session, &person, &left)
                ),
            ),
        }
    }
}
