//! The one place the application state changes: `App::update`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::effect::Effect;
use super::field::{Field, FieldKind};
use super::field_edit::{commit_text, cycle, edit_text, pick_options, picked, set_picked, toggle};
use super::keymap::{Command, Context, command_for};
use super::panes::{
    GridKind, ListKind, PaneContent, add_record, delete_record, ensure_recommendation, grid_people,
    list_keys, list_len, recommendation_for, record_fields,
};
use super::state::*;
use super::undo::Patch;
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

/// A pause this long ends typing outside a field: letters are commands
/// again. Ticks come four times a second, so the pause is felt as 1-1.25 s.
const STRAY_PAUSE_MS: i64 = 1000;

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
                if self
                    .stray_typing_since
                    .is_some_and(|at| (now - at).num_milliseconds() >= STRAY_PAUSE_MS)
                {
                    self.stray_typing_since = None;
                }
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
    }

    /// The contexts whose keys apply now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        match self.overlays.last() {
            Some(Overlay::Editor(_)) => vec![Context::Editor],
            Some(Overlay::Picker(_)) => vec![Context::Picker],
            Some(Overlay::Record(_)) => vec![Context::Record, Context::Session],
            Some(Overlay::Confirm(_)) => vec![Context::Confirm],
            Some(Overlay::Export(_)) => vec![Context::Picker],
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
                out.push(Context::Session);
                out
            }
        }
    }

    fn key(&mut self, ev: KeyEvent) {
        if matches!(self.overlays.last(), Some(Overlay::Help(_))) {
            self.overlays.pop();
            return;
        }
        if self.editing() {
            self.editor_key(ev);
            return;
        }
        if self.stray_typing(&ev) {
            return;
        }
        let Some(cmd) = command_for(&ev, &self.contexts()) else {
            return;
        };
        match self.overlays.last() {
            Some(Overlay::Picker(_)) => self.picker_command(cmd),
            Some(Overlay::Confirm(_)) => self.confirm_command(cmd),
            Some(Overlay::Export(_)) => self.export_command(cmd),
            Some(Overlay::Record(_)) => self.record_command(cmd),
            _ => self.stage_command(cmd),
        }
    }

    /// Typing outside a field: a letter no command takes starts it, and
    /// every letter after it is taken as more of it (not as `d`, Space or
    /// `q`) until the keyboard pauses or a key that is not a letter comes.
    /// Says so at once. True when the key was taken as stray typing.
    fn stray_typing(&mut self, ev: &KeyEvent) -> bool {
        let letter = matches!(ev.code, KeyCode::Char(_))
            && !ev
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if !letter {
            self.stray_typing_since = None;
            return false;
        }
        let overlay = self.overlays.last();
        if !matches!(overlay, None | Some(Overlay::Record(_))) {
            return false;
        }
        if self.stray_typing_since.is_none() && command_for(ev, &self.contexts()).is_some() {
            return false;
        }
        self.stray_typing_since = Some(self.now);
        let hint = if self.read_only() {
            "read-only: Enter reads the selection, ] and [ change stage, ? lists the keys"
        } else if overlay.is_some() {
            "not typing: letters are ignored until you pause; Enter edits the field"
        } else if self.contexts().first() == Some(&Context::List) {
            "not typing: letters are ignored until you pause; Enter edits, a adds"
        } else {
            "not typing: letters are ignored until you pause; Enter edits the selection"
        };
        self.say_until_edit(Tone::Warning, hint);
        true
    }

    // ----- changing the session -------------------------------------------------

    /// Applies a change as one undoable step, or refuses it with a message.
    /// Refusal happens here, in the update logic, so a read-only window can
    /// never change anything whatever is on screen.
    pub(super) fn change<R>(
        &mut self,
        what: impl Into<String>,
        f: impl FnOnce(&mut Session) -> Result<R, String>,
    ) -> Option<R> {
        self.change_scoped(false, what, f)
    }

    /// `addendum`: the change is to an addendum, which a finalised record
    /// still accepts.
    pub(super) fn change_scoped<R>(
        &mut self,
        addendum: bool,
        what: impl Into<String>,
        f: impl FnOnce(&mut Session) -> Result<R, String>,
    ) -> Option<R> {
        let refusal = if addendum {
            self.addendum_refusal()
        } else {
            self.edit_refusal()
        };
        if let Some(why) = refusal {
            self.say(Tone::Warning, why);
            return None;
        }
        match self.apply_change(what, f) {
            Ok(r) => Some(r),
            Err(why) => {
                self.say(Tone::Warning, why);
                None
            }
        }
    }

    /// Applies `f` as one undoable step (the caller has checked it may);
    /// on an error the session is left exactly as it was.
    fn apply_change<R>(
        &mut self,
        what: impl Into<String>,
        f: impl FnOnce(&mut Session) -> Result<R, String>,
    ) -> Result<R, String> {
        // The recorder keeps a copy of the session as the last step left
        // it, and copies out only what a change alters: no whole copy of
        // the session per change (milliseconds on a large one).
        self.recorder.begin(&self.session);
        let r = match f(&mut self.session) {
            Ok(r) => r,
            Err(why) => {
                self.recorder.restore(&mut self.session);
                return Err(why);
            }
        };
        // The derived records follow the change (refreshing an unchanged
        // session changes nothing), then one comparison finds what
        // changed: None is nothing at all, as `session != before` was.
        self.session.refresh_derived();
        if let Some(patch) = self.recorder.record(&self.session) {
            self.session.updated_at = self.now;
            self.session.audit.push(AuditEntry {
                at: self.now,
                stage: self.stage,
                what: what.into(),
            });
            self.undo.push(patch);
            self.trim_undo();
            self.redo.clear();
            self.revision += 1;
        }
        Ok(r)
    }

    /// Keeps the undo history within its depth and its memory budget.
    fn trim_undo(&mut self) {
        let mut bytes: usize = self.undo.iter().map(Patch::bytes).sum();
        let mut drop = 0;
        while self.undo.len() - drop > 1
            && (self.undo.len() - drop > UNDO_DEPTH || bytes > UNDO_BYTES)
        {
            bytes -= self.undo[drop].bytes();
            drop += 1;
        }
        self.undo.drain(..drop);
    }

    fn undo_redo(&mut self, undo: bool) {
        if let Some(why) = self.edit_refusal() {
            self.say(Tone::Warning, why);
            return;
        }
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(patch) = from.pop() else {
            self.say(
                Tone::Info,
                if undo {
                    "nothing to undo"
                } else {
                    "nothing to redo"
                },
            );
            return;
        };
        // Time spent in stages and the audit trail are facts, not edits:
        // undo never rewinds them (the patch leaves them alone), and is
        // itself recorded.
        let inverse = patch.apply(&mut self.session);
        self.session.audit.push(AuditEntry {
            at: self.now,
            stage: self.stage,
            what: if undo {
                "undid the last change"
            } else {
                "redid a change"
            }
            .into(),
        });
        self.session.updated_at = self.now;
        self.recorder.follow(&self.session);
        to.push(inverse);
        self.revision += 1;
        self.clamp_cursors();
        self.say(Tone::Info, if undo { "undone" } else { "redone" });
    }

    // ----- normal mode ----------------------------------------------------------

    fn stage_command(&mut self, cmd: Command) {
        let panes = self.panes();
        let pane_count = panes.len().max(1);
        let content = panes.get(self.pane).map(|p| p.content.clone());
        match cmd {
            Command::NextStage => self.go_to_stage(self.stage.next()),
            Command::PrevStage => self.go_to_stage(self.stage.previous()),
            Command::NextPane => self.pane = (self.pane + 1) % pane_count,
            Command::PrevPane => self.pane = (self.pane + pane_count - 1) % pane_count,
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::Save => {
                self.emit(Effect::SaveNow);
                self.say(Tone::Info, "saving…");
            }
            Command::Help => self.open_help(),
            Command::Quit => self.emit(Effect::Quit),
            Command::Finalise => self.ask_finalise(),
            // Exporting reads the session; it is allowed read-only too.
            Command::Export => self
                .overlays
                .push(Overlay::Export(ExportMenu { selected: 0 })),
            _ => match content {
                Some(PaneContent::List(kind)) => self.list_command(cmd, &kind, pane_count),
                Some(PaneContent::Form(fields)) => self.form_command(cmd, &fields),
                Some(PaneContent::Grid(kind)) => self.grid_command(cmd, kind),
                None => {}
            },
        }
    }

    fn open_help(&mut self) {
        let contexts = self.contexts();
        self.overlays.push(Overlay::Help(contexts));
    }

    fn go_to_stage(&mut self, stage: Option<Stage>) {
        let Some(stage) = stage else {
            return;
        };
        if self.ask_why_inquorate() {
            return;
        }
        self.close_stage_visit();
        self.stage = stage;
        self.pane = 0;
        self.open_stage_visit();
    }

    /// A click moves there; a click on what is already chosen opens it,
    /// as Enter would.
    fn click(&mut self, target: ClickTarget) {
        if !self.overlays.is_empty() {
            return;
        }
        match target {
            ClickTarget::Stage(stage) => self.jump_to_stage(stage),
            ClickTarget::Pane(pane) => self.pane = pane,
            ClickTarget::Row { pane, row } => {
                let again = self.pane == pane && self.cursor(pane).row == row;
                self.pane = pane;
                self.cursors.entry((self.stage, pane)).or_default().row = row;
                if again {
                    self.stage_command(Command::Edit);
                }
            }
        }
    }

    /// Leaving introductions while not quorate asks, once, why the
    /// conference goes ahead: the answer is part of the record. Returns
    /// true when it asked (and the chair stays to answer).
    fn ask_why_inquorate(&mut self) -> bool {
        let s = &self.session;
        if self.stage != Stage::Introductions
            || self.quorum_asked
            || self.edit_refusal().is_some()
            || s.attendees.is_empty()
            || self.quorum().is_quorate()
            || !s.inquorate_reason.trim().is_empty()
        {
            return false;
        }
        self.quorum_asked = true;
        let Some(form) = self.panes().iter().position(
            |p| matches!(&p.content, PaneContent::Form(f) if f.contains(&Field::InquorateReason)),
        ) else {
            return false;
        };
        self.pane = form;
        self.open_editor(&Field::InquorateReason);
        // The question goes once it is answered (or left blank).
        self.say_until_edit(
            Tone::Warning,
            format!(
                "{} — why does the conference go ahead? (Esc leaves it blank)",
                self.quorum().summary()
            ),
        );
        true
    }

    /// Jumps to a stage by number (used by mouse clicks and tests).
    fn jump_to_stage(&mut self, stage: Stage) {
        if stage != self.stage {
            self.go_to_stage(Some(stage));
        }
    }

    fn move_row(&mut self, delta: isize, len: usize) {
        let key = (self.stage, self.pane);
        let cur = self.cursors.entry(key).or_default();
        cur.row = step(cur.row, delta, len);
    }

    fn list_command(&mut self, cmd: Command, kind: &ListKind, pane_count: usize) {
        let keys = list_keys(&self.session, kind);
        let row = self.cursor(self.pane).row.min(keys.len().saturating_sub(1));
        match cmd {
            Command::Up => self.move_row(-1, keys.len()),
            Command::Down => self.move_row(1, keys.len()),
            Command::Left => self.pane = (self.pane + pane_count - 1) % pane_count,
            Command::Right => self.pane = (self.pane + 1) % pane_count,
            Command::Add => {
                let added = {
                    let now = self.now;
                    let addendum = *kind == ListKind::Addenda;
                    self.change_scoped(addendum, format!("added {}", kind.noun()), |s| {
                        add_record(s, kind, now)
                    })
                };
                if let Some(key) = added {
                    let len = list_len(&self.session, kind);
                    self.cursors.insert(
                        (self.stage, self.pane),
                        Cursor {
                            row: len.saturating_sub(1),
                            col: 0,
                        },
                    );
                    self.open_record(Some(kind.clone()), key, true);
                }
            }
            Command::Edit => {
                if *kind == ListKind::Audit {
                    self.say(Tone::Info, "the audit trail is read-only");
                    return;
                }
                if *kind == ListKind::DecisionChildren {
                    if !keys.is_empty() {
                        self.pane = 1;
                    }
                    return;
                }
                match keys.get(row) {
                    Some(key) => self.open_record(Some(kind.clone()), key.clone(), false),
                    None => self.say(Tone::Info, "nothing here yet: press a to add"),
                }
            }
            Command::Delete => {
                if let Some(key) = keys.get(row).cloned() {
                    if let Some(what) = self.change_scoped(
                        *kind == ListKind::Addenda,
                        format!("deleted {} {key}", kind.noun()),
                        |s| delete_record(s, kind, &key),
                    ) {
                        self.say(Tone::Info, format!("deleted {what} (u to undo)"));
                        self.clamp_cursors();
                    }
                }
            }
            _ => {}
        }
    }

    fn form_command(&mut self, cmd: Command, fields: &[Field]) {
        let row = self
            .cursor(self.pane)
            .row
            .min(fields.len().saturating_sub(1));
        let Some(field) = fields.get(row).cloned() else {
            return;
        };
        match cmd {
            Command::Up => self.move_row(-1, fields.len()),
            Command::Down => self.move_row(1, fields.len()),
            Command::Edit => self.activate(&field, false),
            Command::Toggle => self.activate(&field, true),
            Command::Left | Command::Right if field.kind() == FieldKind::Choice => {
                self.cycle_field(&field, cmd == Command::Right);
            }
            _ => {}
        }
    }

    fn grid_command(&mut self, cmd: Command, kind: GridKind) {
        let people = grid_people(&self.session, kind);
        let children = self.session.all_child_ids();
        let key = (self.stage, self.pane);
        let cur = self.cursors.entry(key).or_default();
        match cmd {
            Command::Up => cur.row = step(cur.row, -1, people.len()),
            Command::Down => cur.row = step(cur.row, 1, people.len()),
            Command::Left => cur.col = step(cur.col, -1, children.len()),
            Command::Right => cur.col = step(cur.col, 1, children.len()),
            Command::Edit | Command::Delete => {
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
                match (kind, cmd) {
                    (GridKind::Scaling, Command::Edit) => {
                        self.activate(&Field::ScoreEntry(person, child), false)
                    }
                    (GridKind::Scaling, _) => {
                        let f = Field::ScoreEntry(person, child);
                        self.change(format!("cleared {}", f.describe()), |s| {
                            commit_text(s, &f, "")
                        });
                    }
                    (GridKind::Recommendations, Command::Edit) => {
                        let existing = recommendation_for(&self.session, &person, &child)
                            .map(|r| r.id.clone());
                        let id = match existing {
                            Some(id) => Some(id),
                            None => self.change(
                                format!("added recommendation of {person} for {child}"),
                                |s| Ok(ensure_recommendation(s, &person, &child)),
                            ),
                        };
                        if let Some(id) = id {
                            self.open_record(None, id.0, false);
                        }
                    }
                    (GridKind::Recommendations, _) => {
                        self.change(
                            format!("cleared recommendation of {person} for {child}"),
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

    /// Does what Enter (or Space, `toggle_key`) means on a field.
    fn activate(&mut self, field: &Field, toggle_key: bool) {
        match field.kind() {
            FieldKind::Toggle => {
                self.change(format!("ticked {}", field.describe()), |s| {
                    Ok(toggle(s, field))
                });
            }
            FieldKind::Choice => self.cycle_field(field, true),
            FieldKind::PickOne | FieldKind::PickMany => {
                if let Some(why) = self.edit_refusal() {
                    self.say(Tone::Warning, why);
                    return;
                }
                let options = pick_options(&self.session, field, &self.config.categories);
                if options.is_empty() {
                    self.say(Tone::Info, "nothing to choose from yet");
                    return;
                }
                let chosen = picked(&self.session, field);
                let selected = options
                    .iter()
                    .position(|o| chosen.contains(&o.key))
                    .unwrap_or(0);
                self.overlays.push(Overlay::Picker(Picker {
                    field: field.clone(),
                    title: field.label().into(),
                    options,
                    chosen,
                    selected,
                    multi: field.kind() == FieldKind::PickMany,
                }));
            }
            _ if toggle_key => {}
            _ => self.open_editor(field),
        }
    }

    /// Moves a choice on. Choosing a child protection plan fills in the
    /// first core group and review dates from the timescales, for the chair
    /// to change if the meeting agrees other dates.
    fn cycle_field(&mut self, field: &Field, forward: bool) {
        let rules = self.config.clone();
        let now = self.now;
        self.change(format!("changed {}", field.describe()), |s| {
            cycle(s, field, forward);
            if let Field::DecisionOutcome(child) = field {
                super::outcome::outcome_chosen(s, child, &rules, now.time());
            }
            Ok(())
        });
    }

    fn open_editor(&mut self, field: &Field) {
        let refusal = if field.is_addendum() {
            self.addendum_refusal()
        } else {
            self.edit_refusal()
        };
        if let Some(why) = refusal {
            self.say(Tone::Warning, why);
            return;
        }
        self.forget_slips();
        let initial = edit_text(&self.session, field);
        let title = format!("{} › {}", self.stage.title(), field.label());
        self.overlays.push(Overlay::Editor(Box::new(Editor::new(
            field.clone(),
            title,
            &initial,
        ))));
    }

    /// Opens a record's form; a new record goes straight to typing its first
    /// text field.
    fn open_record(&mut self, list: Option<ListKind>, key: String, start_typing: bool) {
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
        let first_typed = fields.iter().position(|f| f.kind().is_typed());
        self.overlays.push(Overlay::Record(RecordForm {
            title,
            list,
            key,
            fields: fields.clone(),
            selected: if start_typing {
                first_typed.unwrap_or(0)
            } else {
                0
            },
        }));
        if start_typing {
            if let Some(i) = first_typed {
                self.open_editor(&fields[i]);
            }
        }
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

    fn record_command(&mut self, cmd: Command) {
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
            Command::Up => set_selected(self, step(form.selected, -1, n)),
            Command::Down => set_selected(self, step(form.selected, 1, n)),
            Command::Back | Command::Quit => {
                self.overlays.pop();
            }
            Command::Edit => {
                if let Some(f) = field {
                    self.activate(&f, false)
                }
            }
            Command::Toggle => {
                if let Some(f) = field {
                    self.activate(&f, true)
                }
            }
            Command::Left | Command::Right => {
                if let Some(f) = field.filter(|f| f.kind() == FieldKind::Choice) {
                    self.cycle_field(&f, cmd == Command::Right);
                }
            }
            Command::Delete => {
                let deleted = match &form.list {
                    Some(kind) => self.change_scoped(
                        *kind == ListKind::Addenda,
                        format!("deleted {} {}", kind.noun(), form.key),
                        |s| delete_record(s, kind, &form.key),
                    ),
                    None => self.change(format!("deleted recommendation {}", form.key), |s| {
                        s.recommendations.retain(|r| r.id.0 != form.key);
                        Ok("recommendation".into())
                    }),
                };
                if let Some(what) = deleted {
                    self.overlays.pop();
                    self.clamp_cursors();
                    self.say(Tone::Info, format!("deleted {what} (u to undo)"));
                }
            }
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::Save => self.emit(Effect::SaveNow),
            Command::Help => self.open_help(),
            Command::NextStage | Command::PrevStage | Command::NextPane | Command::PrevPane => {
                self.overlays.pop();
                self.stage_command(cmd);
            }
            _ => {}
        }
    }

    fn picker_command(&mut self, cmd: Command) {
        let Some(Overlay::Picker(p)) = self.overlays.last_mut() else {
            return;
        };
        let n = p.options.len();
        match cmd {
            Command::Up => p.selected = step(p.selected, -1, n),
            Command::Down => p.selected = step(p.selected, 1, n),
            Command::Toggle | Command::Edit => {
                if let Some(key) = p.options.get(p.selected).map(|o| o.key.clone()) {
                    if p.multi {
                        if cmd == Command::Toggle {
                            if let Some(i) = p.chosen.iter().position(|k| *k == key) {
                                p.chosen.remove(i);
                            } else {
                                p.chosen.push(key);
                            }
                            return;
                        }
                    } else {
                        p.chosen = vec![key];
                    }
                }
                if cmd == Command::Edit || !p.multi {
                    self.close_picker();
                }
            }
            Command::Back => self.close_picker(),
            _ => {}
        }
    }

    /// Keeps what was ticked: leaving a picker never throws choices away.
    fn close_picker(&mut self) {
        if let Some(Overlay::Picker(p)) = self.overlays.pop() {
            let field = p.field.clone();
            self.change(format!("chose {}", field.describe()), |s| {
                set_picked(s, &field, &p.chosen);
                Ok(())
            });
        }
    }

    fn export_command(&mut self, cmd: Command) {
        let Some(Overlay::Export(menu)) = self.overlays.last_mut() else {
            return;
        };
        let options = ExportMenu::options();
        match cmd {
            Command::Up => menu.selected = step(menu.selected, -1, options.len()),
            Command::Down => menu.selected = step(menu.selected, 1, options.len()),
            Command::Edit | Command::Toggle => {
                let chosen = options.get(menu.selected).copied();
                self.overlays.pop();
                if let Some((copy, format)) = chosen {
                    self.emit(Effect::Export(copy, format));
                }
            }
            Command::Back => {
                self.overlays.pop();
            }
            _ => {}
        }
    }

    fn confirm_command(&mut self, cmd: Command) {
        let Some(Overlay::Confirm(c)) = self.overlays.pop() else {
            return;
        };
        if cmd != Command::Yes {
            self.say(Tone::Info, "not finalised");
            return;
        }
        match c.action {
            ConfirmAction::Finalise => self.finalise(),
        }
    }

    fn ask_finalise(&mut self) {
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

    // ----- typing ---------------------------------------------------------------

    fn editor_key(&mut self, ev: KeyEvent) {
        let Some(Overlay::Editor(editor)) = self.overlays.last_mut() else {
            return;
        };
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match ev.code {
            KeyCode::Esc => self.close_editor(false),
            KeyCode::Char('c') if ctrl => {
                // Quitting from the editor keeps the text, like Esc.
                if self.keep_editor_text() {
                    self.overlays.pop();
                }
                self.emit(Effect::Quit);
            }
            KeyCode::Enter if !editor.multiline() => self.close_editor(true),
            KeyCode::Char('s') if ctrl => {
                self.keep_editor_text();
                self.emit(Effect::SaveNow);
            }
            KeyCode::Char('z') if ctrl => {
                editor.text.undo();
            }
            KeyCode::Char('y') | KeyCode::Char('r') if ctrl => {
                editor.text.redo();
            }
            _ => {
                editor.text.input(ev);
            }
        }
    }

    /// Stores what is typed so far without leaving the editor.
    fn keep_editor_text(&mut self) -> bool {
        let Some(Overlay::Editor(editor)) = self.overlays.last() else {
            return false;
        };
        let (field, text) = (editor.field.clone(), editor.value());
        let current = edit_text(&self.session, &field);
        if current == text {
            self.forget_slips();
            return true;
        }
        let mut error = None;
        let addendum = field.is_addendum();
        let refusal = if addendum {
            self.addendum_refusal()
        } else {
            self.edit_refusal()
        };
        if refusal.is_none() {
            // One attempt (it used to be a trial run on a copy, then the
            // change): `apply_change` leaves the session as it was on error.
            if let Err(e) = self.apply_change(format!("edited {}", field.describe()), |s| {
                commit_text(s, &field, &text)
            }) {
                error = Some(e);
            }
        }
        match error {
            Some(e) => {
                // Not stored, and the editor stays open: nothing typed is
                // lost. Selected, so typing the value again replaces it.
                if let Some(Overlay::Editor(editor)) = self.overlays.last_mut() {
                    editor.text.select_all();
                }
                self.say_until_edit(Tone::Error, format!("not stored: {e} (type it again)"));
                false
            }
            None => {
                self.forget_slips();
                true
            }
        }
    }

    /// Leaves the editor, keeping the text. `advance` moves a record form on
    /// to its next field (Enter on a one-line field).
    fn close_editor(&mut self, advance: bool) {
        if !self.keep_editor_text() {
            return;
        }
        self.overlays.pop();
        if advance {
            match self.overlays.last_mut() {
                Some(Overlay::Record(f)) => {
                    f.selected = (f.selected + 1).min(f.fields.len().saturating_sub(1));
                }
                // Typed straight into a stage's form: on to its next field.
                None => {
                    if let Some(PaneContent::Form(fields)) =
                        self.panes().get(self.pane).map(|p| p.content.clone())
                    {
                        self.move_row(1, fields.len());
                    }
                }
                _ => {}
            }
        }
    }

    /// Before the window closes: keep what is typed and stop the stage clock.
    /// Text that cannot be stored (an invalid date) stays in the editor, so
    /// the runtime's draft file keeps it.
    pub(super) fn prepare_to_leave(&mut self, now: Timestamp) {
        self.now = now;
        while let Some(top) = self.overlays.last() {
            if matches!(top, Overlay::Editor(_)) && !self.keep_editor_text() {
                break;
            }
            self.overlays.pop();
        }
        self.close_stage_visit();
    }

    /// Reopens the editor on a field with text recovered from a draft.
    pub(super) fn restore_draft(&mut self, field: Field, text: &str, saved_at: Timestamp) {
        if self.edit_refusal().is_some() || edit_text(&self.session, &field) == text {
            return;
        }
        let title = format!("Recovered · {}", field.label());
        self.overlays
            .push(Overlay::Editor(Box::new(Editor::new(field, title, text))));
        self.say(
            Tone::Warning,
            format!(
                "recovered what you were typing at {}: Esc keeps it",
                saved_at.format("%H:%M:%S")
            ),
        );
    }

    fn paste(&mut self, text: &str) {
        let Some(Overlay::Editor(editor)) = self.overlays.last_mut() else {
            self.say(
                Tone::Info,
                "to paste, first press Enter on a text field, then paste",
            );
            return;
        };
        let clean = text.replace("\r\n", "\n").replace('\r', "\n");
        let clean = if editor.multiline() {
            clean
        } else {
            clean.replace('\n', " ")
        };
        editor.text.insert_str(clean);
    }

    /// Keeps every cursor inside its list after rows disappear.
    fn clamp_cursors(&mut self) {
        let panes = self.panes();
        for (i, pane) in panes.iter().enumerate() {
            let len = match &pane.content {
                PaneContent::List(kind) => list_len(&self.session, kind),
                PaneContent::Form(fields) => fields.len(),
                PaneContent::Grid(kind) => grid_people(&self.session, *kind).len(),
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
