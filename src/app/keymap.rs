//! The one table of keys. Every key the session, the session list and the
//! projector act on comes from here; the help overlay, the status-bar hints
//! and the README's key table are generated from it, and the names shown for
//! keys are made from the key values (`key_name`), so they cannot disagree.
//!
//! Inside a session a printable key always types (see DESIGN.md): commands
//! live only on keys that never type (arrows, Tab, Enter, Esc, Delete,
//! function keys, Ctrl and Alt chords).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for, before the focused part decides what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    NextStage,
    PrevStage,
    /// Alt+digit: the stage with that number.
    JumpStage,
    /// Ctrl+G: asks for a stage's number, then goes there.
    GoTo,
    NextPane,
    PrevPane,
    Up,
    Down,
    Left,
    Right,
    First,
    Last,
    /// A printable key (letter, digit, punctuation, Space): it types.
    Type,
    /// Space where it ticks (a tick box) or chooses (a picker); elsewhere it
    /// types like any other printable key.
    Toggle,
    Edit,
    /// Backspace: rubs out the last letter of a filter or of typed text.
    Erase,
    Delete,
    SelectAll,
    WordLeft,
    WordRight,
    Undo,
    Redo,
    Save,
    Help,
    Quit,
    Back,
    Finalise,
    /// Ctrl+R in a grid: the same as the cell to the left.
    FillRight,
    /// Mark the next paperwork sent (record screen).
    MarkSent,
    Export,
    Series,
    Open,
    View,
    New,
    Yes,
    No,
    /// The projector: follow the chair's stage, or show a board by number.
    Follow,
    Board,
}

impl Command {
    /// Commands that change the session: not offered on a locked record.
    pub fn edits(self) -> bool {
        matches!(
            self,
            Command::Type
                | Command::Toggle
                | Command::Delete
                | Command::Undo
                | Command::Redo
                | Command::Save
                | Command::Finalise
                | Command::FillRight
                | Command::MarkSent
        )
    }
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Anywhere in a session.
    Session,
    List,
    Form,
    Grid,
    /// The form of one record, opened from a list or grid.
    Record,
    Editor,
    Picker,
    Decision,
    /// The record screen (after the agenda).
    SignOff,
    Confirm,
    Export,
    /// Ctrl+G asked for a stage's number.
    GoTo,
    Browser,
    Projector,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Session => "Everywhere in a session",
            Context::List => "In a list or map column",
            Context::Form => "In a form",
            Context::Grid => "In the scaling or recommendations grid",
            Context::Record => "In an item's form",
            Context::Editor => "While typing",
            Context::Picker => "In a picker (who said it, which children, core group)",
            Context::Decision => "At the chair's decision",
            Context::SignOff => "On the record screen",
            Context::Confirm => "When asked to confirm",
            Context::Export => "In the export menu",
            Context::GoTo => "After Ctrl+G (go to a stage)",
            Context::Browser => "In the session list",
            Context::Projector => "On the projector (cpconf present)",
        }
    }

    /// Every context, in the order the README and help list them.
    pub const ALL: [Context; 14] = [
        Context::Session,
        Context::List,
        Context::Form,
        Context::Grid,
        Context::Record,
        Context::Editor,
        Context::Picker,
        Context::Decision,
        Context::SignOff,
        Context::Confirm,
        Context::Export,
        Context::GoTo,
        Context::Browser,
        Context::Projector,
    ];
}

/// One key: a code and the modifiers held. `TYPING` stands for every
/// printable key at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}
const fn c(ch: char) -> Key {
    k(KeyCode::Char(ch))
}
const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        mods: KeyModifiers::CONTROL,
    }
}
const fn alt(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        mods: KeyModifiers::ALT,
    }
}
const fn ctrl_k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::CONTROL,
    }
}

/// Any printable key: letters, digits, punctuation and Space.
pub const TYPING: Key = k(KeyCode::Null);

/// True for a key that types a character: no Ctrl or Alt held (AltGr,
/// which some keyboards report as Ctrl+Alt, types too).
pub fn is_printable(ev: &KeyEvent) -> bool {
    let KeyCode::Char(ch) = ev.code else {
        return false;
    };
    let chord = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    !ch.is_control() && (chord.is_empty() || chord == KeyModifiers::CONTROL | KeyModifiers::ALT)
}

impl Key {
    /// Shift is ignored for characters ('?' arrives with Shift held).
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        if *self == TYPING {
            return is_printable(ev);
        }
        let mods = if matches!(ev.code, KeyCode::Char(_)) {
            ev.modifiers - KeyModifiers::SHIFT
        } else {
            ev.modifiers
        };
        match (ev.code, self.code) {
            // Shift+Tab arrives as BackTab on most terminals, with or
            // without Shift reported.
            (KeyCode::BackTab, KeyCode::BackTab) => true,
            // Ctrl+letter may arrive in upper case when Caps Lock is on.
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                (a == b
                    || (self.mods.contains(KeyModifiers::CONTROL) && a.to_ascii_lowercase() == b))
                    && mods == self.mods
            }
            (a, b) => a == b && mods == self.mods,
        }
    }

    /// How the key is written for people: `Ctrl+S`, `Alt+3`, `PgDn`, `↑`.
    pub fn name(&self) -> String {
        if *self == TYPING {
            return "typing".into();
        }
        key_name(self.code, self.mods)
    }
}

/// The name of a key as people write it, made from the key itself.
pub fn key_name(code: KeyCode, mods: KeyModifiers) -> String {
    let base = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(ch) if mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
            ch.to_uppercase().to_string()
        }
        KeyCode::Char(ch) => ch.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::BackTab => "Shift+Tab".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other}"),
    };
    let mut name = String::new();
    if mods.contains(KeyModifiers::CONTROL) {
        name.push_str("Ctrl+");
    }
    if mods.contains(KeyModifiers::ALT) {
        name.push_str("Alt+");
    }
    if mods.contains(KeyModifiers::SHIFT) && !matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
        name.push_str("Shift+");
    }
    name.push_str(&base);
    name
}

pub struct Binding {
    pub keys: &'static [Key],
    pub command: Command,
    pub does: &'static str,
    pub context: Context,
    /// Shown in the status bar when this context has focus.
    pub hint: Option<&'static str>,
}

impl Binding {
    /// The keys as people read them: `PgDn`, `Ctrl+Q / Ctrl+C`, and a run
    /// of more than four keys as its first and last (`Alt+0 … Alt+9`).
    pub fn shown(&self) -> String {
        let names: Vec<String> = self.keys.iter().map(Key::name).collect();
        if names.len() > 4 {
            format!("{} … {}", names[0], names[names.len() - 1])
        } else {
            names.join(" / ")
        }
    }

    /// The first key's name: what the status bar shows.
    pub fn first_key(&self) -> String {
        self.keys.first().map(Key::name).unwrap_or_default()
    }

    /// The status-bar hint with its key: ("PgDn", "next stage"), or for
    /// typing the hint alone ("", "type to add").
    pub fn hint_parts(&self) -> Option<(String, &'static str)> {
        let hint = self.hint?;
        Some(if self.keys.first() == Some(&TYPING) {
            (String::new(), hint)
        } else {
            (self.first_key(), hint)
        })
    }
}

use Command as C;
use Context as X;
use KeyCode as K;

macro_rules! bind {
    ($ctx:expr, [$($key:expr),+], $cmd:expr, $does:literal, $hint:expr) => {
        Binding { keys: &[$($key),+], command: $cmd, does: $does, context: $ctx, hint: $hint }
    };
}

/// Kept one binding per line, like the table it is. Within a context the
/// first binding that matches wins, so Space's tick comes before typing.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind!(X::Session, [k(K::PageDown)], C::NextStage, "next agenda stage", Some("next stage")),
    bind!(X::Session, [k(K::PageUp)], C::PrevStage, "previous agenda stage", None),
    bind!(X::Session, [ctrl('g')], C::GoTo, "go to a stage: then type its number (as Go To in Word)", None),
    bind!(X::Session, [alt('0'), alt('1'), alt('2'), alt('3'), alt('4'), alt('5'), alt('6'), alt('7'), alt('8'), alt('9')], C::JumpStage, "go to the stage with that number at once (where the terminal sends Alt; else Ctrl+G)", None),
    bind!(X::Session, [k(K::Tab)], C::NextPane, "next pane or column", Some("pane")),
    bind!(X::Session, [k(K::BackTab)], C::PrevPane, "previous pane or column", None),
    bind!(X::Session, [ctrl('z')], C::Undo, "undo the last change (the status bar says what)", Some("undo")),
    bind!(X::Session, [ctrl('y')], C::Redo, "redo what was undone", None),
    bind!(X::Session, [ctrl('s')], C::Save, "save now (saving also happens by itself)", None),
    bind!(X::Session, [ctrl('e')], C::Export, "export the record, the family's copy or the decision letter", Some("export")),
    bind!(X::Session, [k(K::F(1))], C::Help, "help: every key of this screen", Some("help")),
    bind!(X::Session, [ctrl('q'), ctrl('c')], C::Quit, "quit (everything is saved first)", Some("quit")),
    bind!(X::List, [TYPING], C::Type, "start a new item holding what you type; Enter keeps it and starts the next, Esc keeps it and stops", Some("type to add")),
    bind!(X::List, [k(K::Up)], C::Up, "previous item", None),
    bind!(X::List, [k(K::Down)], C::Down, "next item", None),
    bind!(X::List, [k(K::Home)], C::First, "first item", None),
    bind!(X::List, [k(K::End)], C::Last, "last item", None),
    bind!(X::List, [k(K::Left)], C::Left, "pane or column to the left", None),
    bind!(X::List, [k(K::Right)], C::Right, "pane or column to the right", None),
    bind!(X::List, [k(K::Enter)], C::Edit, "open the item to edit it", Some("open")),
    bind!(X::List, [ctrl('n')], C::New, "add an empty item and open its form", None),
    bind!(X::List, [k(K::Delete)], C::Delete, "delete the item (Ctrl+Z brings it back)", Some("delete")),
    bind!(X::Form, [c(' ')], C::Toggle, "tick or untick a tick box, and go on to the next if it is one too (not a space straight after typed letters; in a text field it types a space)", Some("tick")),
    bind!(X::Form, [TYPING], C::Type, "type into the field (a date or time is typed over); on a choice, choose by its first letters; words typed on a tick box, or that fit no choice, go into the form's notes", Some("type to edit")),
    bind!(X::Form, [k(K::Up)], C::Up, "previous field", None),
    bind!(X::Form, [k(K::Down)], C::Down, "next field", None),
    bind!(X::Form, [k(K::Tab)], C::NextPane, "next field (after the last: the next pane)", Some("next field")),
    bind!(X::Form, [k(K::BackTab)], C::PrevPane, "previous field (before the first: the previous pane)", None),
    bind!(X::Form, [k(K::Home)], C::First, "first field", None),
    bind!(X::Form, [k(K::End)], C::Last, "last field", None),
    bind!(X::Form, [k(K::Enter)], C::Edit, "edit the field, tick it or pick a value; straight after a choice's letters, keep what they chose and go on", Some("edit")),
    bind!(X::Form, [k(K::Left)], C::Left, "the pane to the left (never changes a choice: type its first letters or press Enter)", None),
    bind!(X::Form, [k(K::Right)], C::Right, "the pane to the right", None),
    bind!(X::Grid, [TYPING], C::Type, "start this cell's entry: a score and why (7 home unpredictable), or a recommendation's first letters (cpp)", Some("type in the cell")),
    bind!(X::Grid, [k(K::Up)], C::Up, "previous person", None),
    bind!(X::Grid, [k(K::Down)], C::Down, "next person", None),
    bind!(X::Grid, [k(K::Left)], C::Left, "previous child", None),
    bind!(X::Grid, [k(K::Right)], C::Right, "next child", None),
    bind!(X::Grid, [k(K::Enter)], C::Edit, "open this person's entry for this child", Some("open")),
    bind!(X::Grid, [ctrl('r')], C::FillRight, "the same as the cell to the left (Fill Right, as in Excel): a recommendation's outcome and categories, or a score; the reason stays this cell's", Some("same as left")),
    bind!(X::Grid, [k(K::Delete)], C::Delete, "clear this cell (Ctrl+Z brings it back)", Some("clear")),
    bind!(X::Decision, [TYPING], C::Type, "on a child not yet decided: choose the outcome by its first letters (c a child protection plan); once decided, type the rationale", None),
    bind!(X::Decision, [k(K::F(9))], C::Finalise, "finalise and lock the record (asks first)", Some("finalise")),
    bind!(X::SignOff, [k(K::F(2))], C::MarkSent, "mark the next paperwork sent: the letters, then the record (asks first)", Some("mark sent")),
    bind!(X::Record, [c(' ')], C::Toggle, "tick or untick a tick box, and go on to the next if it is one too (not a space straight after typed letters; in a text field it types a space)", Some("tick")),
    bind!(X::Record, [TYPING], C::Type, "type into the field; on a choice, choose by its first letters; words typed on a tick box, or that fit no choice, go into the form's notes", Some("type to edit")),
    bind!(X::Record, [k(K::Up)], C::Up, "previous field", None),
    bind!(X::Record, [k(K::Down)], C::Down, "next field", None),
    bind!(X::Record, [k(K::Tab)], C::NextPane, "next field; after a grid cell's last field, the next cell", Some("next field")),
    bind!(X::Record, [k(K::BackTab)], C::PrevPane, "previous field", None),
    bind!(X::Record, [k(K::Home)], C::First, "first field", None),
    bind!(X::Record, [k(K::End)], C::Last, "last field", None),
    bind!(X::Record, [k(K::Enter)], C::Edit, "edit the field, tick it or pick a value; straight after a choice's letters, keep what they chose and close the form", Some("edit")),
    bind!(X::Record, [k(K::Left)], C::Left, "previous choice", None),
    bind!(X::Record, [k(K::Right)], C::Right, "next choice", None),
    bind!(X::Record, [k(K::Delete)], C::Delete, "delete this item (Ctrl+Z brings it back)", None),
    bind!(X::Record, [k(K::Esc)], C::Back, "close the form (everything is kept)", Some("close")),
    bind!(X::Editor, [TYPING], C::Type, "types", None),
    bind!(X::Editor, [k(K::Esc)], C::Back, "stop typing; the text is kept", Some("done (kept)")),
    bind!(X::Editor, [k(K::Enter)], C::Edit, "keep a one-line entry (in a list: and start the next; in an item's form: and close it); a new line in notes", Some("keep")),
    bind!(X::Editor, [k(K::Tab)], C::NextPane, "keep the text and go to the next field", Some("next field")),
    bind!(X::Editor, [k(K::BackTab)], C::PrevPane, "keep the text and go to the previous field", None),
    bind!(X::Editor, [k(K::Backspace)], C::Erase, "rub out the letter before the cursor", None),
    bind!(X::Editor, [k(K::Delete)], C::Delete, "rub out the letter after the cursor", None),
    bind!(X::Editor, [k(K::Left)], C::Left, "move left in the text", None),
    bind!(X::Editor, [k(K::Right)], C::Right, "move right in the text", None),
    bind!(X::Editor, [k(K::Up)], C::Up, "move up a line", None),
    bind!(X::Editor, [k(K::Down)], C::Down, "move down a line", None),
    bind!(X::Editor, [k(K::Home)], C::First, "start of the line", None),
    bind!(X::Editor, [k(K::End)], C::Last, "end of the line", None),
    bind!(X::Editor, [ctrl_k(K::Left)], C::WordLeft, "previous word", None),
    bind!(X::Editor, [ctrl_k(K::Right)], C::WordRight, "next word", None),
    bind!(X::Editor, [ctrl('a')], C::SelectAll, "select all (typing then replaces it)", None),
    bind!(X::Editor, [ctrl('z')], C::Undo, "undo typing", None),
    bind!(X::Editor, [ctrl('y')], C::Redo, "redo typing", None),
    bind!(X::Editor, [ctrl('s')], C::Save, "keep the text and save now", None),
    bind!(X::Picker, [c(' ')], C::Toggle, "tick / untick (pick one: choose; a space straight after letters typed on the field finds on)", Some("tick")),
    bind!(X::Picker, [TYPING], C::Type, "find a name by typing its first letters (names that start with them come first); words that fit no name close it as it was and go into the form's notes", Some("type to find")),
    bind!(X::Picker, [k(K::Backspace)], C::Erase, "rub out a letter of what you typed", None),
    bind!(X::Picker, [k(K::Up)], C::Up, "previous choice", None),
    bind!(X::Picker, [k(K::Down)], C::Down, "next choice", None),
    bind!(X::Picker, [k(K::Enter)], C::Edit, "choose and close (in an item's form, the form closes too; what is ticked is kept)", Some("choose")),
    bind!(X::Picker, [k(K::Tab)], C::NextPane, "choose and go on to the next field", Some("next field")),
    bind!(X::Picker, [k(K::BackTab)], C::PrevPane, "choose and go back to the field before", None),
    bind!(X::Picker, [k(K::Esc)], C::Back, "close (ticks are kept)", Some("done")),
    bind!(X::Confirm, [k(K::Enter)], C::Yes, "yes", Some("yes")),
    bind!(X::Confirm, [k(K::Esc)], C::No, "no", Some("no")),
    bind!(X::Export, [k(K::Up)], C::Up, "previous copy", None),
    bind!(X::Export, [k(K::Down)], C::Down, "next copy", None),
    bind!(X::Export, [k(K::Left)], C::Left, "previous format", None),
    bind!(X::Export, [k(K::Right)], C::Right, "next format (Markdown, HTML, plain text, Word)", Some("format")),
    bind!(X::Export, [k(K::Enter)], C::Edit, "export this copy (or all three at once)", Some("export")),
    bind!(X::Export, [k(K::Esc)], C::Back, "cancel", Some("cancel")),
    bind!(X::GoTo, [TYPING], C::Type, "the stage's number, 0 … 9: goes there (any other key closes this and does what it does)", Some("type the stage's number")),
    bind!(X::GoTo, [k(K::Esc)], C::Back, "stay on this stage", Some("stay")),
    bind!(X::Browser, [TYPING], C::Type, "filter by reference, name, kind or date", Some("type to filter")),
    bind!(X::Browser, [k(K::Backspace)], C::Erase, "rub out a letter of the filter", None),
    bind!(X::Browser, [k(K::Up)], C::Up, "previous session", None),
    bind!(X::Browser, [k(K::Down)], C::Down, "next session", None),
    bind!(X::Browser, [k(K::Enter)], C::Open, "open the session to continue it", Some("open")),
    bind!(X::Browser, [ctrl('r')], C::View, "read the session (read-only)", Some("read")),
    bind!(X::Browser, [ctrl('n')], C::New, "start a new conference", Some("new")),
    bind!(X::Browser, [ctrl('t')], C::Series, "this family's conferences over time: scaling and outcomes per child", Some("over time")),
    bind!(X::Browser, [k(K::Esc)], C::Back, "clear the filter", None),
    bind!(X::Browser, [k(K::F(1))], C::Help, "help", Some("help")),
    bind!(X::Browser, [ctrl('q'), ctrl('c')], C::Quit, "quit", Some("quit")),
    bind!(X::Projector, [k(K::Right), k(K::PageDown), k(K::Tab), c(']')], C::NextStage, "next board", None),
    bind!(X::Projector, [k(K::Left), k(K::PageUp), k(K::BackTab), c('[')], C::PrevStage, "previous board", None),
    bind!(X::Projector, [c('1'), c('2'), c('3'), c('4')], C::Board, "danger statements, map, safety goals, scaling", None),
    bind!(X::Projector, [c('a')], C::Follow, "follow the chair's stage (on at start)", None),
    bind!(X::Projector, [k(K::Down), c('j')], C::Down, "scroll a long board down", None),
    bind!(X::Projector, [k(K::Up), c('k')], C::Up, "scroll up", None),
    bind!(X::Projector, [k(K::Home), c('g')], C::First, "back to the top", None),
    bind!(X::Projector, [k(K::F(1)), c('?')], C::Help, "this help (any key closes it)", Some("keys")),
    bind!(X::Projector, [c('q'), ctrl('c')], C::Quit, "quit (the session file is never written)", None),
];

/// The first binding in `contexts` (searched in order) that matches `ev`.
pub fn binding_for(ev: &KeyEvent, contexts: &[Context]) -> Option<&'static Binding> {
    contexts.iter().find_map(|ctx| {
        BINDINGS
            .iter()
            .filter(|b| b.context == *ctx)
            .find(|b| b.keys.iter().any(|k| k.matches(ev)))
    })
}

/// The command of the first binding in `contexts` that matches `ev`.
pub fn command_for(ev: &KeyEvent, contexts: &[Context]) -> Option<Command> {
    binding_for(ev, contexts).map(|b| b.command)
}

/// Bindings of the given contexts, for help and hints.
pub fn bindings_for(contexts: &[Context]) -> impl Iterator<Item = &'static Binding> + '_ {
    contexts
        .iter()
        .flat_map(|ctx| BINDINGS.iter().filter(move |b| b.context == *ctx))
}

/// The name of the first key the table gives `cmd` in `ctx` ("Ctrl+N"),
/// for a sentence on screen that names it: written from the table, so the
/// sentence cannot name a key the program no longer takes.
pub fn key_for(ctx: Context, cmd: Command) -> String {
    bindings_for(&[ctx])
        .find(|b| b.command == cmd)
        .map(Binding::first_key)
        .unwrap_or_default()
}

/// Every key the table gives `cmd` in `ctx`, joined as `shown` joins them
/// ("↑ / k").
pub fn keys_for(ctx: Context, cmd: Command) -> String {
    bindings_for(&[ctx])
        .find(|b| b.command == cmd)
        .map(Binding::shown)
        .unwrap_or_default()
}

/// The key table as Markdown, one section per context; the README holds
/// exactly this text (a test checks it).
pub fn markdown_table() -> String {
    let mut out = String::new();
    for ctx in Context::ALL {
        out.push_str(&format!(
            "**{}**\n\n| key | does |\n| --- | --- |\n",
            ctx.title()
        ));
        for b in bindings_for(&[ctx]) {
            out.push_str(&format!("| `{}` | {} |\n", b.shown(), b.does));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn names_come_from_the_key_values() {
        assert_eq!(
            key_name(KeyCode::Char('s'), KeyModifiers::CONTROL),
            "Ctrl+S"
        );
        assert_eq!(key_name(KeyCode::Char('3'), KeyModifiers::ALT), "Alt+3");
        assert_eq!(key_name(KeyCode::PageDown, KeyModifiers::NONE), "PgDn");
        assert_eq!(key_name(KeyCode::F(9), KeyModifiers::NONE), "F9");
        assert_eq!(key_name(KeyCode::Char(' '), KeyModifiers::NONE), "Space");
        assert_eq!(key_name(KeyCode::Left, KeyModifiers::CONTROL), "Ctrl+←");
    }

    #[test]
    fn a_run_of_keys_is_shown_by_its_ends() {
        let jump = BINDINGS
            .iter()
            .find(|b| b.command == Command::JumpStage)
            .expect("stage jump bound");
        assert_eq!(jump.shown(), "Alt+0 … Alt+9");
    }

    #[test]
    fn inside_a_session_no_printable_key_runs_a_command() {
        // Every context but the two windows outside a session, boxes
        // (questions, the export menu) included.
        let outside = [Context::Browser, Context::Projector];
        for b in BINDINGS.iter().filter(|b| !outside.contains(&b.context)) {
            for key in b.keys {
                let printable = *key != TYPING && is_printable(&ev(key.code, key.mods));
                let types = matches!(b.command, Command::Type | Command::Toggle);
                assert!(
                    !printable || types,
                    "{} runs {:?} in {:?}: a printable key must type",
                    key.name(),
                    b.command,
                    b.context
                );
            }
        }
    }

    #[test]
    fn typing_matches_printable_keys_only() {
        assert!(TYPING.matches(&ev(KeyCode::Char('d'), KeyModifiers::NONE)));
        assert!(TYPING.matches(&ev(KeyCode::Char('Q'), KeyModifiers::SHIFT)));
        assert!(!TYPING.matches(&ev(KeyCode::Char('q'), KeyModifiers::CONTROL)));
        assert!(!TYPING.matches(&ev(KeyCode::Char('1'), KeyModifiers::ALT)));
        assert!(!TYPING.matches(&ev(KeyCode::Enter, KeyModifiers::NONE)));
    }
}
