//! The one place the application state changes: `App::update`.
//!
//! A key is looked up in the one key table (`keymap`) for the focus, and the
//! part that has the focus acts on it: one module per overlay (`record`,
//! `editor`, `picker`, `confirm`, `export`) and per pane kind (`list`,
//! `form`, `grid`), with the session-wide commands in `stage` and the
//! undoable changes in `change`. Inside a session a printable key always
//! types: no module runs a command on one.

mod change;
mod confirm;
mod editor;
mod export;
mod form;
mod grid;
mod list;
mod picker;
mod record;
mod stage;
mod stray_words;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::effect::Effect;
use super::field::{Field, FieldKind};
use super::keymap::{Command, Context, binding_for, is_printable, key_for};
use super::panes::PaneContent;
use super::state::*;
use crate::model::*;

/// Everything that can happen to the app.
#[derive(Clone, Debug)]
pub enum Msg {
    Key(KeyEvent),
    /// A bracketed paste: lands as one edit.
    Paste(String),
    /// The clock moved on.
    Tick(Timestamp),
    /// A mouse click, already found on screen by `ui::hit_test`.
    Click(ClickTarget),
    /// Go to a stage (the projector's and the tests' way in).
    GoToStage(Stage),
    /// What the runtime did about an effect (see `effect.rs`).
    Report(super::effect::Report),
}

/// What a click landed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClickTarget {
    Stage(Stage),
    Pane(usize),
    /// A row of a pane: an item, a field, or a person in a grid.
    Row {
        pane: usize,
        row: usize,
    },
}

/// How long an information message stays in the status bar.
const MESSAGE_SECONDS: i64 = 6;

impl App {
    /// Applies one message; returns what the runtime is to do about it.
    pub fn update(&mut self, msg: Msg) -> Vec<super::effect::Effect> {
        self.handle(msg);
        std::mem::take(&mut self.effects)
    }

    fn handle(&mut self, msg: Msg) {
        match msg {
            Msg::Tick(now) => {
                self.now = now;
                if let Some(m) = &self.message {
                    if m.tone == Tone::Info && (now - m.at).num_seconds() >= MESSAGE_SECONDS {
                        self.message = None;
                    }
                }
            }
            Msg::Paste(text) => self.paste(&text),
            Msg::Click(target) => self.click(target),
            Msg::GoToStage(stage) => self.jump_to_stage(stage),
            Msg::Report(report) => self.report(report),
            Msg::Key(ev) => {
                if ev.kind == KeyEventKind::Release {
                    return;
                }
                self.key(ev);
            }
        }
        self.sync_drafting();
    }

    /// The contexts whose keys apply now, most specific first. Every
    /// overlay ends with the session's keys, so a stage key, help or quit
    /// is never swallowed by a box.
    pub fn contexts(&self) -> Vec<Context> {
        match self.overlays.last() {
            Some(Overlay::Editor(_)) => vec![Context::Editor, Context::Session],
            Some(Overlay::Picker(_)) => vec![Context::Picker, Context::Session],
            Some(Overlay::Record(_)) => vec![Context::Record, Context::Session],
            Some(Overlay::Confirm(_)) => vec![Context::Confirm, Context::Session],
            Some(Overlay::Export(_)) => vec![Context::Export, Context::Session],
            Some(Overlay::GoTo) => vec![Context::GoTo, Context::Session],
            Some(Overlay::Help(_)) => vec![Context::Session],
            None => {
                let mut out = Vec::new();
                match self.panes().get(self.pane).map(|p| &p.content) {
                    Some(PaneContent::List(_)) => out.push(Context::List),
                    Some(PaneContent::Form(_)) => out.push(Context::Form),
                    Some(PaneContent::Grid(_)) => out.push(Context::Grid),
                    None => {}
                }
                if self.stage == Stage::Decision {
                    out.push(Context::Decision);
                }
                if self.stage == Stage::Record {
                    out.push(Context::SignOff);
                }
                out.push(Context::Session);
                out
            }
        }
    }

    /// What the status bar needs to know of the focus to choose its hints,
    /// worked out once a frame (see `HintsHere::offers`).
    pub fn hints_here(&self) -> HintsHere {
        let list = match self.panes().get(self.pane).map(|p| p.content.clone()) {
            Some(PaneContent::List(kind)) => Some(kind),
            _ => None,
        };
        HintsHere {
            field_kind: self.focused_field().map(|f| f.kind()),
            typing_adds_nothing: matches!(
                list,
                Some(super::panes::ListKind::DecisionChildren | super::panes::ListKind::Audit)
            ),
            boxed: !self.overlays.is_empty(),
            notes_editor: matches!(
                self.overlays.last(),
                Some(Overlay::Editor(e)) if e.multiline() && e.capture.is_none()
            ),
        }
    }

    /// The field with the focus in a stage's form or an item's form.
    fn focused_field(&self) -> Option<Field> {
        self.form_in_focus()
            .and_then(|(fields, at)| fields.get(at).cloned())
    }

    fn key(&mut self, ev: KeyEvent) {
        // Reports of the last key's exports are all in by now.
        self.export_batch = None;
        if matches!(self.overlays.last(), Some(Overlay::Help(_))) {
            self.overlays.pop();
            return;
        }
        let Some(binding) = binding_for(&ev, &self.contexts()) else {
            if is_printable(&ev) && !self.overlays.is_empty() {
                self.say(
                    Tone::Info,
                    format!(
                        "nothing to type into here: {} lists the keys",
                        key_for(Context::Session, Command::Help)
                    ),
                );
            }
            return;
        };
        let (cmd, from) = (binding.command, binding.context);
        let typed = match ev.code {
            KeyCode::Char(ch) if is_printable(&ev) => Some(ch),
            _ => None,
        };
        if !matches!(cmd, Command::Type | Command::Toggle | Command::Edit)
            || from == Context::Editor
        {
            // Letters typed on a choice count only while they come in a row
            // (a space among them: "no further action"); an Enter straight
            // after them takes the run (see `keeps_letters_chosen`).
            self.type_ahead = None;
        }
        // A space right after letters typed outside the editor is the gap
        // between words of a sentence typed in the wrong place, not a tick.
        self.space_in_sentence = typed == Some(' ') && self.letters_just_typed;
        self.letters_just_typed =
            cmd == Command::Type && from != Context::Editor && typed.is_some_and(|c| c != ' ');
        if from == Context::Session && !self.overlays.is_empty() {
            self.session_key_over_overlay(cmd, &ev);
            return;
        }
        match self.overlays.last() {
            Some(Overlay::Editor(_)) => self.editor_command(cmd, ev),
            Some(Overlay::Picker(_)) => self.picker_command(cmd, typed),
            Some(Overlay::Confirm(_)) => self.confirm_command(cmd),
            Some(Overlay::Export(_)) => self.export_command(cmd),
            Some(Overlay::Record(_)) => self.record_command(cmd, typed),
            Some(Overlay::GoTo) => self.go_to_command(cmd, ev),
            _ => self.stage_command(cmd, &ev),
        }
    }

    /// A session key pressed while a box is open: help opens over it, save
    /// and undo keep the box where they can; anything that moves away first
    /// closes the boxes, keeping what they hold (typed text, ticks).
    fn session_key_over_overlay(&mut self, cmd: Command, ev: &KeyEvent) {
        match cmd {
            Command::Help => self.open_help(),
            Command::Save => {
                self.keep_editor_text();
                self.request_save();
            }
            Command::Quit => {
                self.leave_overlays();
                self.emit(Effect::Quit);
            }
            Command::Undo | Command::Redo
                if matches!(self.overlays.last(), Some(Overlay::Record(_))) =>
            {
                self.undo_redo(cmd == Command::Undo);
                self.close_records_of_gone_items();
            }
            _ => {
                if self.leave_overlays() {
                    self.stage_command(cmd, ev);
                }
            }
        }
    }

    /// Closes every box, keeping what each holds. False (and the boxes
    /// stay) when typed text cannot be kept, such as a date that is not one.
    fn leave_overlays(&mut self) -> bool {
        while let Some(top) = self.overlays.last() {
            match top {
                Overlay::Editor(_) => {
                    if !self.keep_editor_text() {
                        return false;
                    }
                    self.overlays.pop();
                }
                Overlay::Picker(_) => self.close_picker(),
                Overlay::Confirm(c) => {
                    let unanswered = c.action.unanswered();
                    self.overlays.pop();
                    self.say(Tone::Info, unanswered);
                }
                _ => {
                    self.overlays.pop();
                }
            }
        }
        true
    }

    fn open_help(&mut self) {
        let contexts = self.contexts();
        self.overlays.push(Overlay::Help(contexts));
    }

    /// Ctrl+S: a read-only window has nothing to save, and says so rather
    /// than "saving…".
    fn request_save(&mut self) {
        if let Some(why) = self.edit_refusal().filter(|_| self.read_only()) {
            self.say(Tone::Info, format!("{why}: nothing here is saved"));
            return;
        }
        self.emit(Effect::SaveNow);
        self.say(Tone::Info, "saving…");
    }

    /// Typing where nothing can change: says why, once per keystroke.
    fn refuse_typing(&mut self) {
        let why = self.refusal_for(self.stage == Stage::Record);
        let why = why.unwrap_or_else(|| "nothing to type into here".into());
        self.say(
            Tone::Warning,
            format!(
                "{why} · typing changes nothing; arrows move, {} reads, {} lists the keys",
                key_for(Context::List, Command::Edit),
                key_for(Context::Session, Command::Help)
            ),
        );
    }

    /// Moves the focus `delta` fields on in the form that has it: an item's
    /// form on top, or the stage's form in focus; elsewhere nothing.
    fn step_field(&mut self, delta: isize) {
        match self.overlays.last_mut() {
            Some(Overlay::Record(f)) => f.selected = step(f.selected, delta, f.fields.len()),
            Some(_) => {}
            None => {
                if let Some(PaneContent::Form(fields)) =
                    self.panes().get(self.pane).map(|p| p.content.clone())
                {
                    self.move_row(delta, fields.len());
                }
            }
        }
    }

    fn move_row(&mut self, delta: isize, len: usize) {
        let key = (self.stage, self.pane);
        let cur = self.cursors.entry(key).or_default();
        cur.row = step(cur.row, delta, len);
    }

    fn set_row(&mut self, row: usize) {
        self.cursors.entry((self.stage, self.pane)).or_default().row = row;
    }

    /// Keeps every cursor inside its list after rows disappear.
    fn clamp_cursors(&mut self) {
        let panes = self.panes();
        for (i, pane) in panes.iter().enumerate() {
            let len = match &pane.content {
                PaneContent::List(kind) => super::panes::list_len(&self.session, kind),
                PaneContent::Form(fields) => fields.len(),
                PaneContent::Grid(kind) => super::panes::grid_people(&self.session, *kind).len(),
            };
            if let Some(c) = self.cursors.get_mut(&(self.stage, i)) {
                c.row = c.row.min(len.saturating_sub(1));
                c.col = c.col.min(self.session.children.len().saturating_sub(1));
            }
        }
        self.pane = self.pane.min(panes.len().saturating_sub(1));
    }
}

/// Moves an index by `delta` within `0..len`, stopping at the ends.
fn step(i: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (i as isize + delta).clamp(0, len as isize - 1) as usize
}

/// The focus, as the status bar's hints need it (from `App::hints_here`).
#[derive(Clone, Copy, Debug)]
pub struct HintsHere {
    field_kind: Option<FieldKind>,
    /// A list that typing adds nothing to: the decision's children come
    /// from setup, the audit trail from what was done.
    typing_adds_nothing: bool,
    boxed: bool,
    /// Notes being typed (not a line typed into a list): Enter is a new
    /// line there, not "keep" (the editor's own box says so).
    notes_editor: bool,
}

impl HintsHere {
    /// Whether the status bar should offer `b` where the focus is: Space
    /// ticks only on a tick box (elsewhere it types), and in a form Tab goes
    /// to the next field, not the next pane.
    pub fn offers(&self, b: &super::keymap::Binding) -> bool {
        let in_form = matches!(b.context, Context::Form | Context::Record);
        match b.command {
            Command::Toggle if in_form => self.field_kind == Some(FieldKind::Toggle),
            Command::Type if in_form => self.field_kind != Some(FieldKind::Toggle),
            Command::Type if b.context == Context::List => !self.typing_adds_nothing,
            Command::NextPane if b.context == Context::Session => {
                self.field_kind.is_none() || self.boxed
            }
            Command::Edit if b.context == Context::Editor => !self.notes_editor,
            _ => true,
        }
    }
}
