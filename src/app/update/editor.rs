//! Typing into one field. Every printable key goes into the text; Esc,
//! Enter and Tab keep it (nothing typed is ever thrown away); Enter in an
//! item started by typing into a list keeps it and starts the next.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::super::field::{Field, FieldKind};
use super::super::field_edit::{commit_text, edit_text};
use super::super::keymap::{Command, Context, is_printable, key_for};
use super::super::panes::PaneContent;
use super::super::state::*;
use super::list::capture_field;
use crate::model::*;

/// Where the focus goes once the text is kept.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Then {
    Stay,
    NextField,
    PreviousField,
    /// Enter: the next field, or in a grid the next person (as a
    /// spreadsheet's Enter goes down, where Tab goes across).
    NextRow,
}

impl App {
    pub(super) fn editor_command(&mut self, cmd: Command, ev: KeyEvent) {
        let Some(Overlay::Editor(editor)) = self.overlays.last_mut() else {
            return;
        };
        match cmd {
            Command::Type => {
                if let KeyCode::Char(ch) = ev.code {
                    if is_printable(&ev) {
                        editor.text.insert_char(ch);
                    }
                }
            }
            Command::Back => self.close_editor(Then::Stay),
            Command::Edit if editor.capture.is_some() => self.capture_next(),
            Command::Edit if editor.multiline() => editor.text.insert_newline(),
            Command::Edit => self.close_editor(Then::NextRow),
            Command::NextPane => self.close_editor(Then::NextField),
            Command::PrevPane => self.close_editor(Then::PreviousField),
            Command::SelectAll => editor.text.select_all(),
            Command::Save => {
                self.keep_editor_text();
                self.request_save();
            }
            Command::Undo => {
                editor.text.undo();
            }
            Command::Redo => {
                editor.text.redo();
            }
            // Moving and rubbing out: the keys the table lists, as the text
            // area knows them.
            Command::Erase
            | Command::Delete
            | Command::Left
            | Command::Right
            | Command::Up
            | Command::Down
            | Command::First
            | Command::Last
            | Command::WordLeft
            | Command::WordRight => {
                editor.text.input(ev);
            }
            _ => {}
        }
    }

    /// Stores what is typed so far without leaving the editor.
    pub(super) fn keep_editor_text(&mut self) -> bool {
        let Some(Overlay::Editor(editor)) = self.overlays.last() else {
            return false;
        };
        let (field, text) = (editor.field.clone(), editor.value());
        // Only a person typed straight into the register is a whole row; a
        // name edited in its form may hold a comma.
        let row = editor.capture.is_some();
        let editor_capture = editor.capture.clone();
        let current = edit_text(&self.session, &field);
        if current == text {
            self.forget_slips();
            return true;
        }
        let mut error = None;
        let addendum = field.is_addendum();
        let refusal = self.refusal_for(addendum);
        if refusal.is_none() {
            // One attempt (it used to be a trial run on a copy, then the
            // change): `apply_change` leaves the session as it was on error.
            let mut unread = None;
            let (before, whose) = (self.revision, field.for_chair(&self.session));
            match self.apply_change(format!("edited {}", field.describe()), |s| {
                unread = commit_typed(s, &field, &text, row)?;
                Ok(())
            }) {
                Err(e) => error = Some(e),
                Ok(()) => {
                    // Words added after what the field held are named
                    // alone: "undone: typed 'mum said' in …", not the
                    // whole field, which Ctrl+Z leaves as it was.
                    let added = text
                        .strip_prefix(current.as_str())
                        .filter(|_| !current.is_empty())
                        .map(str::trim_start)
                        .filter(|a| !a.is_empty());
                    let words = quoted(added.unwrap_or(&text));
                    // A value read as the one it was changes nothing.
                    self.name_change_since(before, format!("typed {words} in {whose}"));
                    if let Some(capture) = &editor_capture {
                        self.join_with_its_start(capture, &text);
                    }
                    match unread {
                        Some(why) => self.say(
                            Tone::Warning,
                            format!("kept as typed, not read as a row: {why} (Enter on the person to put it right)"),
                        ),
                        None if row && text.contains(',') => self.say_register_row(&field),
                        None => {}
                    }
                }
            }
        }
        match error {
            Some(e) => {
                // Not stored, and the editor stays open: nothing typed is
                // lost. Selected, so typing the value again replaces it.
                let words = reads_as_words(&field, &text);
                if let Some(Overlay::Editor(editor)) = self.overlays.last_mut() {
                    editor.text.select_all();
                    editor.refused = words.then_some(text);
                }
                // Say how to leave, the way out first (a narrow status bar
                // cuts the end): leaving again puts words in notes; a value
                // mistyped ("31/02") is the chair's to correct.
                let said = match self.refused_words_home().filter(|_| words) {
                    Some(home) => format!(
                        "not stored: {} again keeps the words in {home}; or {e}",
                        key_for(Context::Editor, Command::Back)
                    ),
                    None => format!(
                        "not stored: {e}. Type it again, or {} then {} to leave it blank",
                        key_for(Context::Editor, Command::SelectAll),
                        key_for(Context::Editor, Command::Erase)
                    ),
                };
                self.say_until_edit(Tone::Error, said);
                false
            }
            None => {
                self.forget_slips();
                true
            }
        }
    }

    /// Leaves the editor, keeping the text, and moves the focus on.
    fn close_editor(&mut self, then: Then) {
        let (capture, refused_again, came_from) = match self.overlays.last() {
            Some(Overlay::Editor(e)) => (
                e.capture.clone(),
                e.refused.as_deref() == Some(e.value().as_str()),
                e.came_from,
            ),
            _ => (None, false, None),
        };
        // Left again with words the field refused, unchanged: they are
        // notes typed in the wrong place, not a value to correct.
        if refused_again && self.keep_refused_words_elsewhere() {
            return;
        }
        if !self.keep_editor_text() {
            return;
        }
        self.overlays.pop();
        if let Some(c) = capture {
            self.drop_if_empty(&c);
            // Tab from an item typed into a list goes on to its next field,
            // as in a web form: its form opens there (Shift+Tab: at the
            // field before, such as who said it).
            let exists = super::super::panes::list_keys(&self.session, &c.list).contains(&c.key);
            if then != Then::Stay && exists {
                let fields = super::super::panes::record_fields(&c.list, &c.key);
                let typed_at = capture_field(&c.list, &c.key)
                    .and_then(|f| fields.iter().position(|x| *x == f));
                let at = match then {
                    Then::PreviousField => typed_at.map_or(0, |i| i.saturating_sub(1)),
                    _ => typed_at.map_or(0, |i| (i + 1).min(fields.len().saturating_sub(1))),
                };
                self.open_record(Some(c.list.clone()), c.key.clone());
                if let Some(Overlay::Record(form)) = self.overlays.last_mut() {
                    form.selected = at;
                }
            }
            return;
        }
        // Esc from words sent here from where they were typed: the focus
        // goes back to that field, where the chair was working.
        if let (Then::Stay, Some(row)) = (then, came_from) {
            self.select_form_row(row);
            return;
        }
        let delta = match then {
            Then::Stay => return,
            Then::NextField | Then::NextRow => 1,
            Then::PreviousField => -1,
        };
        if self.overlays.is_empty() && self.move_in_grid(then) {
            return;
        }
        match self.overlays.last_mut() {
            // Tab after a grid cell form's last field: on to the next cell.
            Some(Overlay::Record(f))
                if then == Then::NextField
                    && f.list.is_none()
                    && f.selected + 1 == f.fields.len() =>
            {
                self.next_grid_cell();
            }
            // Enter in an item's form keeps the line and closes the form,
            // as a web form's Enter sends it: the list is ready for the
            // next line. Tab is the key that goes on to the next field.
            Some(Overlay::Record(_)) if then == Then::NextRow => self.close_record_form(),
            _ => self.step_field(delta),
        }
    }

    /// After a grid cell's entry: Tab on to the next child (at the last,
    /// the next person's first), Shift+Tab back, Enter down to the next
    /// person in the column where this row's entries began. False when the
    /// focus is not on a grid.
    pub(super) fn move_in_grid(&mut self, then: Then) -> bool {
        let Some(PaneContent::Grid(kind)) = self.panes().get(self.pane).map(|p| p.content.clone())
        else {
            return false;
        };
        let people = super::super::panes::grid_people(&self.session, kind).len();
        let children = self.session.children.len();
        let start = self.grid_row_start;
        let cur = self.cursors.entry((self.stage, self.pane)).or_default();
        match then {
            Then::NextField if cur.col + 1 < children => {
                self.grid_row_start = Some(start.unwrap_or(cur.col));
                cur.col += 1;
            }
            Then::NextField | Then::NextRow => {
                cur.col = start.unwrap_or(if then == Then::NextRow { cur.col } else { 0 });
                cur.row = super::step(cur.row, 1, people);
                self.grid_row_start = None;
            }
            Then::PreviousField => cur.col = cur.col.saturating_sub(1),
            Then::Stay => {}
        }
        true
    }

    /// Enter in an item started by typing into a list: keeps it and starts
    /// the next in the same list; on an empty one, stops.
    fn capture_next(&mut self) {
        let Some(Overlay::Editor(editor)) = self.overlays.last() else {
            return;
        };
        let (capture, empty) = (editor.capture.clone(), editor.value().trim().is_empty());
        let Some(capture) = capture else {
            return;
        };
        if !self.keep_editor_text() {
            return;
        }
        self.overlays.pop();
        if empty {
            self.drop_if_empty(&capture);
            return;
        }
        self.start_capture(&capture.list, String::new());
    }

    /// An item started by typing and left empty is taken back, as if never
    /// started: Esc or Enter on an empty line leaves no blank item behind.
    fn drop_if_empty(&mut self, capture: &Capture) {
        let empty = capture_field(&capture.list, &capture.key)
            .is_some_and(|f| edit_text(&self.session, &f).trim().is_empty());
        // Its start is still the last step (the text kept joins it).
        let last_is_its_start = self.undo.len() == capture.added_at
            && self.undo.last().is_some_and(|p| is_start_of(p, capture));
        if empty && last_is_its_start {
            self.take_back_last_change();
        }
    }

    /// The text of an item typed into a list joins the step that added the
    /// item: one Ctrl+Z takes the item back as typed ("undone: added map
    /// item 'Ruth visits daily'"), never leaving an empty item behind.
    fn join_with_its_start(&mut self, capture: &Capture, text: &str) {
        let n = self.undo.len();
        if n != capture.added_at + 1 || !is_start_of(&self.undo[n - 2], capture) {
            return;
        }
        let (Some(typed), Some(start)) = (self.undo.pop(), self.undo.pop()) else {
            return;
        };
        let mut joined = typed.after(start);
        joined.what = match text.trim() {
            "" => format!("added {}", capture.list.noun()),
            _ => format!("added {} {}", capture.list.noun(), quoted(text)),
        };
        self.undo.push(joined);
    }

    /// Before the window closes: keep what is typed and stop the stage clock.
    /// Text that cannot be stored (an invalid date) stays in the editor, so
    /// the runtime's draft file keeps it.
    pub(in crate::app) fn prepare_to_leave(&mut self, now: Timestamp) {
        self.now = now;
        while let Some(top) = self.overlays.last() {
            if matches!(top, Overlay::Editor(_)) && !self.keep_editor_text() {
                break;
            }
            self.overlays.pop();
        }
        self.close_stage_visit();
        self.sync_drafting();
    }

    /// Reopens the editor on a field with text recovered from a draft, with
    /// the focus on the field it belongs to, so that Esc leaves the chair
    /// there and not in some other list.
    pub(in crate::app) fn restore_draft(&mut self, field: Field, text: &str, saved_at: Timestamp) {
        if self.edit_refusal().is_some() || edit_text(&self.session, &field) == text {
            return;
        }
        self.focus_field(&field);
        let title = format!("Recovered · {}", field.label());
        self.overlays
            .push(Overlay::Editor(Box::new(Editor::new(field, title, text))));
        self.say(
            Tone::Warning,
            format!(
                "recovered what you were typing at {}: {} keeps it",
                saved_at.format("%H:%M:%S"),
                key_for(Context::Editor, Command::Back)
            ),
        );
    }

    /// Puts the focus on a field: its stage's form row, or its item's form
    /// opened over the list it lives in.
    fn focus_field(&mut self, field: &Field) {
        for stage in Stage::SCREENS {
            let first_row = self.cursors.get(&(stage, 0)).map_or(0, |c| c.row);
            let panes = super::super::panes::stage_panes(&self.session, stage, first_row);
            for (i, pane) in panes.iter().enumerate() {
                match &pane.content {
                    PaneContent::Form(fields) => {
                        if let Some(row) = fields.iter().position(|f| f == field) {
                            self.jump_to_stage(stage);
                            self.pane = i;
                            self.set_row(row);
                            return;
                        }
                    }
                    PaneContent::List(kind) => {
                        let keys = super::super::panes::list_keys(&self.session, kind);
                        for (row, key) in keys.iter().enumerate() {
                            let fields = super::super::panes::record_fields(kind, key);
                            if let Some(at) = fields.iter().position(|f| f == field) {
                                self.jump_to_stage(stage);
                                self.pane = i;
                                self.set_row(row);
                                self.open_record(Some(kind.clone()), key.clone());
                                if let Some(Overlay::Record(r)) = self.overlays.last_mut() {
                                    r.selected = at;
                                }
                                return;
                            }
                        }
                    }
                    PaneContent::Grid(_) => {}
                }
            }
        }
    }

    /// A bracketed paste is typing: into the editor if one is open, else
    /// where a typed key would go (a text field, or a new item in a list).
    pub(super) fn paste(&mut self, text: &str) {
        let opened = !self.editing();
        if opened && !self.start_typing_for_paste() {
            self.say(
                Tone::Info,
                "to paste, put the focus on a text field or a list first",
            );
            return;
        }
        let Some(Overlay::Editor(editor)) = self.overlays.last_mut() else {
            return;
        };
        let clean = text.replace("\r\n", "\n").replace('\r', "\n");
        let clean = if editor.multiline() {
            clean
        } else {
            clean.replace('\n', " ")
        };
        // Pasted onto a field, it is added as typing is (a new word after
        // what is there); into an open editor, exactly at the cursor.
        if opened {
            editor.add_words(&clean);
        } else {
            editor.text.insert_str(clean);
        }
    }
}

impl App {
    /// Opens the editor where a typed key would start one, for a paste.
    /// False where nothing can be typed.
    fn start_typing_for_paste(&mut self) -> bool {
        let field = match self.overlays.last() {
            Some(Overlay::Record(form)) => form.fields.get(form.selected).cloned(),
            Some(_) => None,
            None => match self.panes().get(self.pane).map(|p| p.content.clone()) {
                Some(PaneContent::Form(fields)) => fields.get(self.cursor(self.pane).row).cloned(),
                Some(PaneContent::List(kind)) => {
                    self.start_capture(&kind, String::new());
                    return self.editing();
                }
                _ => None,
            },
        };
        match field.filter(|f| f.kind().is_typed()) {
            Some(f) => {
                self.open_editor(&f, None);
                self.editing()
            }
            None => false,
        }
    }
}

impl App {
    /// After a register row: what was read from it, so a guessed agency
    /// kind or recommendation is seen at once (and changed in the form).
    fn say_register_row(&mut self, field: &Field) {
        let Field::AttendeeName(id) = field else {
            return;
        };
        let Some(a) = self.session.attendees.iter().find(|a| &a.id == id) else {
            return;
        };
        let recommends = if a.gives_recommendation {
            "gives a recommendation".to_string()
        } else {
            match self.session.voice_of_agency(&a.agency, &a.id) {
                Some(v) => format!(
                    "no recommendation: {} gives the agency's (one voice an agency; end the row with y to give one)",
                    v.name
                ),
                None => "no recommendation".to_string(),
            }
        };
        let mut text = format!("{}: {} · {recommends}", a.name, a.agency_kind.label());
        if a.attendance != crate::model::Attendance::Present {
            text.push_str(&format!(" · {}", a.attendance.label()));
        }
        self.say(Tone::Info, text);
    }
}

/// Stores typed text. A person typed into the register with commas is a
/// whole row,
/// `name, role, agency, agency kind, gives recommendation, attendance`,
/// read by the register's parser (the one `cpconf new --invitees` uses).
/// A row it cannot read is kept as typed, as the name, and why it was not
/// read is returned: Esc keeps what was typed, never traps it.
fn commit_typed(
    s: &mut Session,
    field: &Field,
    text: &str,
    row: bool,
) -> Result<Option<String>, String> {
    let Field::AttendeeName(id) = field else {
        return commit_text(s, field, text).map(|()| None);
    };
    if !row || !text.contains(',') {
        return commit_text(s, field, text).map(|()| None);
    }
    let row = match crate::register::parse_row(text) {
        Ok(row) => row,
        Err(why) => return commit_text(s, field, text).map(|()| Some(why)),
    };
    // One voice an agency: a row that did not say y gives none when
    // someone from the same agency already gives it.
    let voiced = row.recommendation_assumed && s.voice_of_agency(&row.agency, id).is_some();
    let a = s
        .attendees
        .iter_mut()
        .find(|a| &a.id == id)
        .ok_or("that person is no longer in the register")?;
    a.name = row.name;
    a.role = row.role;
    a.agency = row.agency;
    a.agency_kind = row.agency_kind;
    a.gives_recommendation = row.gives_recommendation && !voiced;
    if let Some(attendance) = row.attendance {
        a.attendance = attendance;
    }
    Ok(None)
}

/// Whether `step` is the one that added the item being typed (its text
/// may have joined it already).
fn is_start_of(step: &crate::app::undo::Patch, capture: &Capture) -> bool {
    step.what
        .starts_with(&format!("added {}", capture.list.noun()))
}

/// Whether text a field refused is words typed in the wrong place ("mum
/// said she is scared" on a score or a date) rather than a value mistyped
/// ("11 very safe", "31/02/2026"): a score starts with its number; a date
/// or a time holds digits.
fn reads_as_words(field: &Field, text: &str) -> bool {
    let t = text.trim_start();
    match field.kind() {
        FieldKind::Score => t.starts_with(|c: char| !c.is_ascii_digit()),
        _ => !t.is_empty() && !t.contains(|c: char| c.is_ascii_digit()),
    }
}

/// Typed text as the status bar quotes it: its first line, cut short.
fn quoted(text: &str) -> String {
    super::super::field_owner::first_words(text).unwrap_or_else(|| "nothing".into())
}
