//! Everything the screen shows, in one struct. Only `update` changes it.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::field::{Field, FieldKind};
use super::field_edit::PickOption;
use super::panes::{ListKind, Pane, stage_panes};
use crate::model::*;

/// Whether this window may change the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    Edit,
    /// Opened with `cpconf view` (or refused the write lock): nothing changes.
    ReadOnly(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub text: String,
    pub tone: Tone,
    pub at: Timestamp,
    /// About a slip at the keyboard, or a question the open field answers:
    /// gone once a field is opened or a value is kept, so it never outlives
    /// the mistake or the answer.
    pub until_edit: bool,
}

/// The chosen row (and column, in a grid) of a pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub row: usize,
    pub col: usize,
}

/// The form of one record, opened over the stage.
#[derive(Clone, Debug)]
pub struct RecordForm {
    pub title: String,
    /// The list the record lives in; None for a recommendation (grid cell).
    pub list: Option<ListKind>,
    pub key: String,
    pub fields: Vec<Field>,
    pub selected: usize,
}

/// Typing into one field. What is typed stays here until it is kept.
#[derive(Clone, Debug)]
pub struct Editor {
    pub field: Field,
    pub title: String,
    pub text: TextArea<'static>,
    /// Typed straight into a list: Enter keeps the item and starts the next.
    pub capture: Option<Capture>,
    /// The text its field last refused (words typed on a date or a score):
    /// leaving again with it unchanged keeps it in the nearest notes.
    pub refused: Option<String>,
    /// Words typed in the wrong place, sent here: the row of the form the
    /// chair was on, where Esc puts the focus back.
    pub came_from: Option<usize>,
}

/// Line-by-line capture into a list (see `update::editor`).
#[derive(Clone, Debug)]
pub struct Capture {
    pub list: ListKind,
    /// The item being typed, made when typing started.
    pub key: String,
    /// How many steps the undo history held once the item was added: the
    /// text kept later joins that step, so one Ctrl+Z takes back the item
    /// as typed (not its text first, leaving an empty item).
    pub added_at: usize,
}

impl Editor {
    pub fn new(field: Field, title: String, initial: &str) -> Self {
        let lines: Vec<String> = initial.split('\n').map(str::to_string).collect();
        let mut text = TextArea::new(lines);
        text.set_wrap_mode(WrapMode::WordOrGlyph);
        text.move_cursor(CursorMove::Bottom);
        text.move_cursor(CursorMove::End);
        // A date, time or score is usually replaced, not amended: it opens
        // selected, so typing replaces it and an arrow key keeps it.
        if matches!(
            field.kind(),
            FieldKind::Date | FieldKind::Time | FieldKind::Score
        ) && !initial.is_empty()
        {
            text.select_all();
        }
        Editor {
            field,
            title,
            text,
            capture: None,
            refused: None,
            came_from: None,
        }
    }

    pub fn multiline(&self) -> bool {
        self.field.kind() == FieldKind::Lines
    }

    /// Adds typed words at the cursor (the end, on opening): over the
    /// selection when there is one (a prefilled date typed over), else as
    /// a new word after what the field holds ("school every day", not
    /// "schoolevery day"). Punctuation goes straight on ("day.").
    pub fn add_words(&mut self, words: &str) {
        let after_word = !self.text.is_selecting()
            && self
                .text
                .lines()
                .last()
                .and_then(|line| line.chars().last())
                .is_some_and(|c| !c.is_whitespace());
        if after_word && words.starts_with(char::is_alphanumeric) {
            self.text.insert_char(' ');
        }
        self.text.insert_str(words);
    }

    /// The text as typed so far.
    pub fn value(&self) -> String {
        self.text.lines().join("\n")
    }
}

#[derive(Clone, Debug)]
pub struct Picker {
    pub field: Field,
    pub title: String,
    pub options: Vec<PickOption>,
    pub chosen: Vec<String>,
    /// The highlighted row among the options the filter lets through.
    pub selected: usize,
    pub multi: bool,
    /// What has been typed to find a name.
    pub filter: String,
    /// The name Space just ticked or unticked: the names found stay shown
    /// (↓ goes on to the next of them), Enter on it only closes, and the
    /// next letter starts a new find.
    pub toggled: Option<String>,
    /// Opened by typing on its field: everything typed since, spaces
    /// included, in case it turns out to be words (see `picker.rs`).
    pub typed: Option<String>,
}

impl Picker {
    /// The options whose label holds what is typed: those that start with
    /// it first, then those with a word that starts with it, then the rest,
    /// each group in the picker's order (as a type-ahead ranks, so the
    /// first letter of a first name puts that person at the top).
    pub fn visible(&self) -> Vec<&PickOption> {
        let needle = self.filter.to_lowercase();
        let mut shown: Vec<(u8, &PickOption)> = self
            .options
            .iter()
            .filter_map(|o| {
                let label = o.label.to_lowercase();
                let rank = if label.starts_with(&needle) {
                    0
                } else if label
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.starts_with(&needle))
                {
                    1
                } else if label.contains(&needle) {
                    2
                } else {
                    return None;
                };
                Some((rank, o))
            })
            .collect();
        shown.sort_by_key(|(rank, _)| *rank);
        shown.into_iter().map(|(_, o)| o).collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfirmAction {
    Finalise,
    /// The paperwork was sent (see `distribution`).
    MarkSent(crate::model::Paperwork),
}

impl ConfirmAction {
    /// What the status bar says when the question is not answered yes.
    pub fn unanswered(&self) -> &'static str {
        match self {
            ConfirmAction::Finalise => "not finalised",
            ConfirmAction::MarkSent(_) => "not marked",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Confirm {
    pub question: String,
    pub action: ConfirmAction,
}

/// The choice of what to export: which copy (a row each) in which format
/// (one choice for them all, ← →, remembered while the window is open).
#[derive(Clone, Debug)]
pub struct ExportMenu {
    pub selected: usize,
    pub format: crate::export::Format,
}

/// The reports of exports asked for together, until the last is in.
#[derive(Clone, Debug, Default)]
pub struct ExportBatch {
    /// Reports still to come.
    pub left: usize,
    /// The files written.
    pub written: Vec<std::path::PathBuf>,
    /// What went wrong or needs saying (an unencrypted copy), in order.
    pub notes: Vec<(Tone, String)>,
}

/// One thing the export menu can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportChoice {
    Copy(crate::export::CopyKind),
    /// The three copies at once: the record, the family's, the letter.
    AllCopies,
    /// The pack: every person's letter and copy, into a new folder.
    Letters,
}

impl ExportMenu {
    /// The rows, in order: all three copies at once (what a conference
    /// sends out, so Enter alone writes it), each copy alone, then the
    /// pack.
    pub fn choices() -> Vec<ExportChoice> {
        std::iter::once(ExportChoice::AllCopies)
            .chain(
                crate::export::CopyKind::ALL
                    .iter()
                    .map(|c| ExportChoice::Copy(*c)),
            )
            .chain([ExportChoice::Letters])
            .collect()
    }

    pub fn label(choice: ExportChoice) -> &'static str {
        use crate::export::CopyKind;
        match choice {
            ExportChoice::Copy(CopyKind::Record) => "Full record (restricted items included)",
            ExportChoice::Copy(CopyKind::Family) => "Family's copy (nothing restricted)",
            ExportChoice::Copy(CopyKind::DecisionLetter) => "Decision letter to the parents",
            ExportChoice::AllCopies => "All three: the record, the family's copy and the letter",
            ExportChoice::Letters => "Letters and copies for each person (a folder)",
        }
    }

    pub fn format_label(format: crate::export::Format) -> &'static str {
        use crate::export::Format;
        match format {
            Format::Markdown => "Markdown",
            Format::Html => "HTML, prints on A4",
            Format::Text => "plain text",
            Format::Docx => "Word file",
        }
    }
}

#[derive(Clone, Debug)]
pub enum Overlay {
    Record(RecordForm),
    /// Boxed: the text area is large and overlays are moved around.
    Editor(Box<Editor>),
    Picker(Picker),
    Confirm(Confirm),
    Export(ExportMenu),
    /// Help for the contexts that were active when it was opened.
    Help(Vec<super::keymap::Context>),
    /// Ctrl+G: waiting for the number of the stage to go to (the status
    /// bar asks for it).
    GoTo,
}

/// Private to `app`: only `App::update` changes it. Drawing and the
/// runtime read it through the methods below.
pub struct App {
    pub(super) session: Session,
    /// Where the session is saved; None until the runtime gives it a file.
    pub(super) file: Option<PathBuf>,
    pub(super) access: Access,
    pub(super) stage: Stage,
    pub(super) pane: usize,
    pub(super) cursors: HashMap<(Stage, usize), Cursor>,
    pub(super) overlays: Vec<Overlay>,
    /// Undo and redo hold patches (what each change altered), not whole
    /// copies of the session: see `undo.rs`.
    pub(super) undo: Vec<super::undo::Patch>,
    pub(super) redo: Vec<super::undo::Patch>,
    /// Makes each change's patch (see `undo.rs`).
    pub(super) recorder: super::undo::Recorder,
    /// Bumped on every change to the session; the saver compares it.
    pub(super) revision: u64,
    pub(super) saved_revision: u64,
    pub(super) last_saved_at: Option<Timestamp>,
    /// A save that failed and has not yet succeeded since: shown until fixed.
    pub(super) save_error: Option<String>,
    pub(super) message: Option<Message>,
    pub(super) now: Timestamp,
    /// What the runtime is to do, handed over by `update` (see `effect.rs`).
    pub(super) effects: Vec<super::effect::Effect>,
    /// The chair has been asked why an inquorate conference goes ahead.
    pub(super) quorum_asked: bool,
    /// Letters typed on a choice so far, to choose by first letters as a
    /// web form's drop-down does; forgotten when the focus moves, and by
    /// the Enter after them (which keeps what they chose).
    pub(super) type_ahead: Option<TypeAhead>,
    /// The grid column where Tab started moving along a row of entries, so
    /// that Enter goes down to the next person there, as a spreadsheet does.
    pub(super) grid_row_start: Option<usize>,
    /// The last key was a letter typed outside the editor (on a field, a
    /// list, a tick box), and this key is a space after it: see `key`.
    pub(super) letters_just_typed: bool,
    pub(super) space_in_sentence: bool,
    /// The export menu's format, as last chosen in this window.
    pub(super) export_format: crate::export::Format,
    /// The three copies asked for at once: their reports, gathered into
    /// one message (see `effect::report`).
    pub(super) export_batch: Option<ExportBatch>,
    /// The local rules in force (defaults unless given by `with_config`).
    pub(super) config: Arc<crate::config::Config>,
    /// The stage's panes as last built, with what they were built from: a
    /// key and the frame after it ask for them several times, and every
    /// change to the session moves `revision` on. A memo, never read as
    /// the truth: a different key builds them again.
    pub(super) panes_memo: std::cell::RefCell<Option<(PanesKey, std::rc::Rc<[Pane]>)>>,
}

/// What a stage's panes are built from (see `stage_panes`): the session
/// as of a revision, the stage, and the row chosen in its first pane
/// (which goal's actions, which child's decision).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct PanesKey {
    revision: u64,
    stage: Stage,
    first_row: usize,
}

/// Reading the state, for drawing, the runtime and tests.
impl App {
    pub fn session(&self) -> &Session {
        &self.session
    }
    pub fn file(&self) -> Option<&std::path::Path> {
        self.file.as_deref()
    }
    pub fn access(&self) -> &Access {
        &self.access
    }
    pub fn stage(&self) -> Stage {
        self.stage
    }
    /// The pane in focus.
    pub fn pane(&self) -> usize {
        self.pane
    }
    /// The open overlays, the one in front last.
    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }
    pub fn revision(&self) -> u64 {
        self.revision
    }
    pub fn saved_revision(&self) -> u64 {
        self.saved_revision
    }
    pub fn last_saved_at(&self) -> Option<Timestamp> {
        self.last_saved_at
    }
    pub fn save_error(&self) -> Option<&str> {
        self.save_error.as_deref()
    }
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }
    pub fn now(&self) -> Timestamp {
        self.now
    }
    /// How the screen is styled: the local rules' choice, which the
    /// command line and NO_COLOR have already settled for this run.
    pub fn theme(&self) -> crate::config::ThemeName {
        self.config.theme
    }
    pub fn config(&self) -> &Arc<crate::config::Config> {
        &self.config
    }
}

impl App {
    /// Minutes over the plan for a stage, if it has a plan and is over.
    pub fn overrun_minutes(&self, stage: Stage) -> Option<i64> {
        let planned = i64::from(self.config.planned(stage));
        let spent = self.session.time_in_stage(stage, self.now).num_minutes();
        (planned > 0 && spent > planned).then_some(spent - planned)
    }

    /// Quorum under the local rule.
    pub fn quorum(&self) -> crate::model::Quorum {
        self.session.quorum_with(&self.config.quorum)
    }

    /// True for ten minutes once the meeting has run the break interval.
    pub fn break_due(&self) -> bool {
        let Some(t) = self.session.meeting_time(self.now) else {
            return false;
        };
        let at = i64::from(self.config.break_reminder_minutes);
        at > 0 && (at..at + 10).contains(&t.num_minutes()) && !self.session.is_finalised()
    }
}

/// How many changes can be undone.
pub const UNDO_DEPTH: usize = 500;

/// The most memory the undo history may hold; the oldest steps are dropped
/// past it (always keeping the last one), so a long meeting on a large
/// session stays small in memory.
pub const UNDO_BYTES: usize = 8 << 20;

impl App {
    pub fn new(mut session: Session, access: Access, now: Timestamp) -> Self {
        session.refresh_derived();
        let stage = session
            .stage_visits
            .last()
            .map(|v| v.stage)
            .unwrap_or(Stage::Setup);
        let mut app = App {
            session,
            file: None,
            access,
            stage,
            pane: 0,
            cursors: HashMap::new(),
            overlays: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            recorder: Default::default(),
            revision: 0,
            panes_memo: Default::default(),
            saved_revision: 0,
            last_saved_at: None,
            save_error: None,
            message: None,
            now,
            effects: Vec::new(),
            quorum_asked: false,
            type_ahead: None,
            grid_row_start: None,
            export_format: crate::export::Format::Html,
            export_batch: None,
            letters_just_typed: false,
            space_in_sentence: false,
            config: Arc::default(),
        };
        app.open_stage_visit();
        app
    }

    /// The same app under local rules (`App::new` uses the defaults).
    pub fn with_config(mut self, config: Arc<crate::config::Config>) -> Self {
        self.config = config;
        self
    }

    /// The same app saving to `file`.
    pub fn with_file(mut self, file: PathBuf) -> Self {
        self.file = Some(file);
        self
    }

    /// The same app with `overlay` open in front, as if its key had been
    /// pressed: for drawing every overlay in tests.
    pub fn with_overlay(mut self, overlay: Overlay) -> Self {
        self.overlays.push(overlay);
        self
    }

    /// The same app drawn in `theme`.
    pub fn with_theme(mut self, theme: crate::config::ThemeName) -> Self {
        Arc::make_mut(&mut self.config).theme = theme;
        self
    }

    pub fn read_only(&self) -> bool {
        matches!(self.access, Access::ReadOnly(_))
    }

    /// Why the session cannot be changed, if it cannot.
    pub fn edit_refusal(&self) -> Option<String> {
        match &self.access {
            Access::ReadOnly(why) => Some(format!("read-only: {why}")),
            Access::Edit if self.session.is_finalised() => {
                Some("this record is finalised and locked".into())
            }
            Access::Edit => None,
        }
    }

    /// Why this change cannot be made: an addendum's (see
    /// `addendum_refusal`) or any other change's (`edit_refusal`).
    pub(crate) fn refusal_for(&self, addendum: bool) -> Option<String> {
        if addendum {
            self.addendum_refusal()
        } else {
            self.edit_refusal()
        }
    }

    /// Why an addendum cannot be written: only a read-only window refuses,
    /// since addenda are how a finalised record is corrected.
    pub fn addendum_refusal(&self) -> Option<String> {
        match &self.access {
            Access::ReadOnly(why) => Some(format!("read-only: {why}")),
            Access::Edit => None,
        }
    }

    pub fn has_unsaved_changes(&self) -> bool {
        self.revision != self.saved_revision
    }

    pub fn cursor(&self, pane: usize) -> Cursor {
        self.cursors
            .get(&(self.stage, pane))
            .copied()
            .unwrap_or_default()
    }

    /// The stage's panes, built once for each revision, stage and row
    /// chosen in the first pane.
    pub fn panes(&self) -> std::rc::Rc<[Pane]> {
        let key = PanesKey {
            revision: self.revision,
            stage: self.stage,
            first_row: self.cursor(0).row,
        };
        if let Some((built_from, panes)) = &*self.panes_memo.borrow() {
            if *built_from == key {
                return panes.clone();
            }
        }
        let panes: std::rc::Rc<[Pane]> =
            stage_panes(&self.session, self.stage, key.first_row).into();
        *self.panes_memo.borrow_mut() = Some((key, panes.clone()));
        panes
    }

    /// The text being typed, if any: what a draft file holds.
    pub fn draft(&self) -> Option<(&Field, String)> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Editor(e) => Some((&e.field, e.value())),
            _ => None,
        })
    }

    pub fn editing(&self) -> bool {
        matches!(self.overlays.last(), Some(Overlay::Editor(_)))
    }

    /// Starts timing the current stage, if this window may record it.
    pub(super) fn open_stage_visit(&mut self) {
        if self.edit_refusal().is_some() {
            return;
        }
        self.close_stage_visit();
        self.session.stage_visits.push(StageVisit {
            stage: self.stage,
            started_at: self.now,
            ended_at: None,
        });
        self.revision += 1;
    }

    pub(super) fn close_stage_visit(&mut self) {
        if self.edit_refusal().is_some() {
            return;
        }
        if let Some(v) = self.session.stage_visits.last_mut() {
            if v.ended_at.is_none() {
                v.ended_at = Some(self.now);
                self.revision += 1;
            }
        }
    }

    pub(super) fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            tone,
            at: self.now,
            until_edit: false,
        });
    }

    /// Says something that lasts until the next edit (see `Message::until_edit`).
    pub(super) fn say_until_edit(&mut self, tone: Tone, text: impl Into<String>) {
        self.say(tone, text);
        if let Some(m) = &mut self.message {
            m.until_edit = true;
        }
    }

    /// A field was opened or a value kept: slips mentioned before are past.
    pub(super) fn forget_slips(&mut self) {
        if self.message.as_ref().is_some_and(|m| m.until_edit) {
            self.message = None;
        }
    }
}

/// Letters typed in a row on one choice.
#[derive(Debug, Clone)]
pub(super) struct TypeAhead {
    pub(super) field: Field,
    pub(super) letters: String,
    /// What choosing filled in so far (said again with each letter, so it
    /// is not lost behind the last one).
    pub(super) filled: Vec<&'static str>,
    /// The changes the letters made, to take back if they turn out to be
    /// a sentence.
    pub(super) changes: usize,
    /// A letter of the run fitted no choice.
    pub(super) failed: bool,
}
