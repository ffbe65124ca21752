//! A list or map column: moving, opening, deleting, and typing, which
//! starts a new item holding the typed text (line-by-line capture: Enter
//! keeps it and starts the next, Esc keeps it and stops).

use super::super::field::Field;
use super::super::field_edit::edit_text;
use super::super::field_owner::first_words;
use super::super::keymap::{Command, Context, key_for};
use super::super::panes::PaneContent;
use super::super::panes::{
    ListKind, add_record, delete_record, list_key_refs, list_keys, list_len, record_fields,
};
use super::super::state::*;

impl App {
    pub(super) fn list_command(
        &mut self,
        cmd: Command,
        kind: &ListKind,
        pane_count: usize,
        typed: Option<char>,
    ) {
        // Counted, not copied: a move in a long list (a map column of L has
        // hundreds of items) copied every key on every key press.
        let len = list_len(&self.session, kind);
        let row = self.cursor(self.pane).row.min(len.saturating_sub(1));
        let key_at = |app: &App| {
            list_key_refs(&app.session, kind)
                .get(row)
                .map(std::string::ToString::to_string)
        };
        match cmd {
            Command::Up => self.move_row(-1, len),
            Command::Down => self.move_row(1, len),
            Command::First => self.set_row(0),
            Command::Last => self.set_row(len.saturating_sub(1)),
            Command::Left => self.step_pane(false, pane_count),
            Command::Right => self.step_pane(true, pane_count),
            Command::Type => self.start_capture(kind, typed.map(String::from).unwrap_or_default()),
            Command::New => self.add_item(kind),
            Command::Edit => {
                if *kind == ListKind::Audit {
                    self.say(Tone::Info, "the audit trail is read-only");
                    return;
                }
                if *kind == ListKind::DecisionChildren {
                    if len > 0 {
                        self.pane = 1;
                    }
                    return;
                }
                match key_at(self) {
                    Some(key) => self.open_record(Some(kind.clone()), key),
                    None => self.say(Tone::Info, "nothing here yet: type to add one"),
                }
            }
            Command::Delete => {
                if let Some(key) = key_at(self) {
                    self.delete_item(kind, &key);
                }
            }
            _ => {}
        }
    }

    /// Deletes a list's item, saying what went and how to bring it back.
    pub(super) fn delete_item(&mut self, kind: &ListKind, key: &str) -> bool {
        let words = self.item_words(kind, key);
        let deleted = self.change_scoped(
            *kind == ListKind::Addenda,
            format!("deleted {} {key}", kind.noun()),
            |s| delete_record(s, kind, key),
        );
        match deleted {
            Some(_) => {
                self.name_last_change(format!("deleted {words}"));
                self.say(
                    Tone::Info,
                    format!(
                        "deleted {words} ({} brings it back)",
                        key_for(Context::Session, Command::Undo)
                    ),
                );
                self.clamp_cursors();
                true
            }
            None => false,
        }
    }

    /// An item as the chair knows it: "map item 'Ruth visits daily'", from
    /// its main text, or the first text it has.
    pub(super) fn item_words(&self, kind: &ListKind, key: &str) -> String {
        let texts = capture_field(kind, key).into_iter().chain(
            record_fields(kind, key)
                .into_iter()
                .filter(|f| f.kind().is_typed()),
        );
        let text = texts
            .map(|f| edit_text(&self.session, &f))
            .find(|t| !t.trim().is_empty())
            .unwrap_or_default();
        match first_words(&text) {
            Some(words) => format!("{} {words}", kind.noun()),
            None => format!("an empty {}", kind.noun()),
        }
    }

    /// Ctrl+N: an empty item, its form open and typing its first text.
    fn add_item(&mut self, kind: &ListKind) {
        if matches!(kind, ListKind::Audit | ListKind::DecisionChildren) {
            self.start_capture(kind, String::new());
            return;
        }
        let now = self.now;
        let addendum = *kind == ListKind::Addenda;
        let Some(key) = self.change_scoped(addendum, format!("added {}", kind.noun()), |s| {
            add_record(s, kind, now)
        }) else {
            return;
        };
        self.name_last_change(format!("added {}", kind.noun()));
        let len = list_len(&self.session, kind);
        self.set_row(len.saturating_sub(1));
        self.open_record(Some(kind.clone()), key.clone());
        let fields = record_fields(kind, &key);
        if let Some(i) = fields.iter().position(|f| f.kind().is_typed()) {
            if let Some(Overlay::Record(form)) = self.overlays.last_mut() {
                form.selected = i;
            }
            self.open_editor(&fields[i], None);
        }
    }

    /// The chair's words for the last change, said when it is undone.
    pub(super) fn name_last_change(&mut self, words: String) {
        if let Some(patch) = self.undo.last_mut() {
            patch.what = words;
        }
    }

    /// Starts a new item in `kind` holding `text`, with the editor open on
    /// its main field; `text` may be empty (Enter after an item: the next).
    /// Typing on the decision's list of children: the children come from
    /// setup, so what is typed goes into the chosen child's decision, in
    /// the form beside: while undecided, its outcome, chosen by letters as
    /// a recommendation's cell is (`c` a child protection plan; words that
    /// fit no outcome go on into the rationale); once decided, the
    /// rationale, the decision's words.
    fn type_into_decision(&mut self, text: &str) {
        let child = self.session.children.get(self.cursor(0).row);
        let undecided = child.is_some_and(|c| {
            self.session
                .decisions
                .iter()
                .find(|d| d.child == c.id)
                .is_none_or(|d| d.outcome == crate::model::Outcome::Undecided)
        });
        let child = child
            .map(|c| c.name.trim().to_string())
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| "this child".into());
        let wanted = |f: &Field| match f {
            Field::DecisionOutcome(_) => undecided,
            Field::DecisionRationale(_) => !undecided,
            _ => false,
        };
        let found = self.panes().get(1).and_then(|p| match &p.content {
            PaneContent::Form(fields) => fields
                .iter()
                .position(wanted)
                .map(|row| (row, fields[row].clone())),
            _ => None,
        });
        let Some((row, field)) = found else {
            self.say(
                Tone::Info,
                "no children yet: they are added in setup (stage 0)",
            );
            return;
        };
        self.pane = 1;
        self.set_row(row);
        self.type_on_field(&field, text.chars().next());
        if undecided {
            return;
        }
        self.say(
            Tone::Info,
            format!("typing went into {child}'s rationale (the children come from setup)"),
        );
    }

    pub(super) fn start_capture(&mut self, kind: &ListKind, text: String) {
        match kind {
            ListKind::Audit => {
                self.say(
                    Tone::Info,
                    "the audit trail is written by cpconf: nothing can be typed into it",
                );
                return;
            }
            ListKind::DecisionChildren => {
                self.type_into_decision(&text);
                return;
            }
            _ => {}
        }
        let addendum = *kind == ListKind::Addenda;
        let refusal = self.refusal_for(addendum);
        if refusal.is_some() {
            self.refuse_typing();
            return;
        }
        let now = self.now;
        let Some(key) = self.change_scoped(addendum, format!("added {}", kind.noun()), |s| {
            add_record(s, kind, now)
        }) else {
            return;
        };
        self.name_last_change(format!("added {}", kind.noun()));
        let row = list_keys(&self.session, kind)
            .iter()
            .position(|k| *k == key)
            .unwrap_or_else(|| list_len(&self.session, kind).saturating_sub(1));
        self.set_row(row);
        let Some(field) = capture_field(kind, &key) else {
            self.open_record(Some(kind.clone()), key);
            return;
        };
        let capture = Capture {
            list: kind.clone(),
            key,
            added_at: self.undo.len(),
        };
        self.open_editor(&field, Some(capture));
        if let Some(Overlay::Editor(editor)) = self.overlays.last_mut() {
            editor.text.insert_str(text);
        }
    }
}

/// The field typing into a list fills: the item's main text.
pub(super) fn capture_field(kind: &ListKind, key: &str) -> Option<Field> {
    let fields = record_fields(kind, key);
    let main = fields.iter().find(|f| matches!(f, Field::DangerWorry(_)));
    main.or_else(|| fields.iter().find(|f| f.kind().is_typed()))
        .cloned()
}
