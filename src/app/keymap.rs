//! The one table of keys. The help overlay, the status-bar hints and the
//! README's key table are all generated from it, so they cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for, before the focused part decides what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    NextStage,
    PrevStage,
    NextPane,
    PrevPane,
    Up,
    Down,
    Left,
    Right,
    Add,
    Edit,
    Toggle,
    Delete,
    Undo,
    Redo,
    Save,
    Help,
    Quit,
    Back,
    Finalise,
    /// Mark the next paperwork sent (record screen).
    MarkSent,
    Export,
    Series,
    Open,
    View,
    New,
    Filter,
    Yes,
    No,
}

impl Command {
    /// Commands that change the session; not offered on a locked record.
    pub fn edits(self) -> bool {
        matches!(
            self,
            Command::Add
                | Command::Delete
                | Command::Undo
                | Command::Redo
                | Command::Finalise
                | Command::MarkSent
        )
    }
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Anywhere in a session, when nothing is being edited.
    Session,
    List,
    Form,
    Grid,
    /// The form of one record, opened from a list or grid.
    Record,
    Editor,
    Picker,
    Confirm,
    Decision,
    /// The record screen (after the agenda).
    SignOff,
    Browser,
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
            Context::Picker => "In a picker",
            Context::Confirm => "When asked to confirm",
            Context::Decision => "At the chair's decision",
            Context::SignOff => "On the record screen",
            Context::Browser => "In the session list",
        }
    }
}

#[derive(Clone, Copy, Debug)]
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

impl Key {
    /// Shift is ignored for characters ('?' arrives with Shift held).
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let mods = if matches!(ev.code, KeyCode::Char(_)) {
            ev.modifiers - KeyModifiers::SHIFT
        } else {
            ev.modifiers
        };
        let code = match (ev.code, self.code) {
            // Shift+Tab arrives as BackTab on most terminals.
            (KeyCode::BackTab, KeyCode::BackTab) => return true,
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
            (a, b) => a == b,
        };
        code && mods == self.mods
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written for people.
    pub shown: &'static str,
    pub command: Command,
    pub does: &'static str,
    pub context: Context,
    /// Shown in the status bar when this context has focus.
    pub hint: Option<&'static str>,
}

use Command as C;
use Context as X;
use KeyCode as K;

macro_rules! bind {
    ($ctx:expr, [$($key:expr),+], $shown:literal, $cmd:expr, $does:literal, $hint:expr) => {
        Binding { keys: &[$($key),+], shown: $shown, command: $cmd, does: $does, context: $ctx, hint: $hint }
    };
}

/// Kept one binding per line, like the table it is.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind!(X::Session, [c(']'), k(K::PageDown)], "] / PgDn", C::NextStage, "next agenda stage", Some("next stage")),
    bind!(X::Session, [c('['), k(K::PageUp)], "[ / PgUp", C::PrevStage, "previous agenda stage", None),
    bind!(X::Session, [k(K::Tab)], "Tab", C::NextPane, "next pane or column", Some("pane")),
    bind!(X::Session, [k(K::BackTab)], "Shift+Tab", C::PrevPane, "previous pane or column", None),
    bind!(X::Session, [c('u'), ctrl('z')], "u / Ctrl+Z", C::Undo, "undo", Some("undo")),
    bind!(X::Session, [ctrl('r'), ctrl('y')], "Ctrl+R / Ctrl+Y", C::Redo, "redo", None),
    bind!(X::Session, [ctrl('s')], "Ctrl+S", C::Save, "save now (saving also happens by itself)", None),
    bind!(X::Session, [c('?'), k(K::F(1))], "? / F1", C::Help, "help: every key of this screen", Some("help")),
    bind!(X::Session, [c('e')], "e", C::Export, "export the record, the family's copy or the decision letter", None),
    bind!(X::Session, [c('q'), ctrl('c')], "q / Ctrl+C", C::Quit, "quit (everything is saved first)", Some("quit")),
    bind!(X::List, [k(K::Up), c('k')], "↑ / k", C::Up, "previous item", None),
    bind!(X::List, [k(K::Down), c('j')], "↓ / j", C::Down, "next item", None),
    bind!(X::List, [k(K::Left), c('h')], "← / h", C::Left, "pane or column to the left", None),
    bind!(X::List, [k(K::Right), c('l')], "→ / l", C::Right, "pane or column to the right", None),
    bind!(X::List, [c('a')], "a", C::Add, "add an item here", Some("add")),
    bind!(X::List, [k(K::Enter)], "Enter", C::Edit, "open the item to edit it", Some("edit")),
    bind!(X::List, [c('d'), k(K::Delete)], "d / Delete", C::Delete, "delete the item (undoable)", Some("delete")),
    bind!(X::Form, [k(K::Up), c('k')], "↑ / k", C::Up, "previous field", None),
    bind!(X::Form, [k(K::Down), c('j')], "↓ / j", C::Down, "next field", None),
    bind!(X::Form, [k(K::Enter)], "Enter", C::Edit, "edit the field, tick it or pick a value", Some("edit")),
    bind!(X::Form, [c(' ')], "Space", C::Toggle, "tick / untick, or next choice", Some("tick")),
    bind!(X::Form, [k(K::Left), c('h')], "← / h", C::Left, "previous choice", None),
    bind!(X::Form, [k(K::Right), c('l')], "→ / l", C::Right, "next choice", None),
    bind!(X::Grid, [k(K::Up), c('k')], "↑ / k", C::Up, "previous person", None),
    bind!(X::Grid, [k(K::Down), c('j')], "↓ / j", C::Down, "next person", None),
    bind!(X::Grid, [k(K::Left), c('h')], "← / h", C::Left, "previous child", None),
    bind!(X::Grid, [k(K::Right), c('l')], "→ / l", C::Right, "next child", None),
    bind!(X::Grid, [k(K::Enter)], "Enter", C::Edit, "score or recommend for this person and child", Some("edit")),
    bind!(X::Grid, [c('d'), k(K::Delete)], "d / Delete", C::Delete, "clear this cell (undoable)", Some("clear")),
    bind!(X::Decision, [c('F')], "F", C::Finalise, "finalise and lock the record (asks first)", Some("finalise")),
    bind!(X::SignOff, [k(K::F(2))], "F2", C::MarkSent, "mark the next paperwork sent: the letters, then the record (asks first)", Some("mark sent")),
    bind!(X::Record, [k(K::Up), c('k'), k(K::BackTab)], "↑ / k / Shift+Tab", C::Up, "previous field", None),
    bind!(X::Record, [k(K::Down), c('j'), k(K::Tab)], "↓ / j / Tab", C::Down, "next field", None),
    bind!(X::Record, [k(K::Enter)], "Enter", C::Edit, "edit the field, tick it or pick a value", Some("edit")),
    bind!(X::Record, [c(' ')], "Space", C::Toggle, "tick / untick, or next choice", Some("tick")),
    bind!(X::Record, [k(K::Left), c('h')], "← / h", C::Left, "previous choice", None),
    bind!(X::Record, [k(K::Right), c('l')], "→ / l", C::Right, "next choice", None),
    bind!(X::Record, [c('d'), k(K::Delete)], "d / Delete", C::Delete, "delete this item (undoable)", None),
    bind!(X::Record, [k(K::Esc), c('q')], "Esc / q", C::Back, "close the form (everything is kept)", Some("close")),
    bind!(X::Editor, [k(K::Esc)], "Esc", C::Back, "stop typing; the text is kept", Some("done (kept)")),
    bind!(X::Editor, [k(K::Enter)], "Enter", C::Edit, "confirm a one-line field; new line in notes", Some("confirm / new line")),
    bind!(X::Editor, [ctrl('s')], "Ctrl+S", C::Save, "keep the text and save now", Some("save")),
    bind!(X::Editor, [ctrl('z')], "Ctrl+Z", C::Undo, "undo typing", None),
    bind!(X::Editor, [ctrl('y'), ctrl('r')], "Ctrl+Y / Ctrl+R", C::Redo, "redo typing", None),
    bind!(X::Picker, [k(K::Up), c('k')], "↑ / k", C::Up, "previous choice", None),
    bind!(X::Picker, [k(K::Down), c('j')], "↓ / j", C::Down, "next choice", None),
    bind!(X::Picker, [c(' ')], "Space", C::Toggle, "tick / untick (pick one: choose)", Some("tick")),
    bind!(X::Picker, [k(K::Enter)], "Enter", C::Edit, "done", Some("done")),
    bind!(X::Picker, [k(K::Esc)], "Esc", C::Back, "done (ticks are kept)", None),
    bind!(X::Confirm, [c('y')], "y", C::Yes, "yes", Some("yes")),
    bind!(X::Confirm, [c('n'), k(K::Esc)], "n / Esc", C::No, "no", Some("no")),
    bind!(X::Browser, [k(K::Up), c('k')], "↑ / k", C::Up, "previous session", None),
    bind!(X::Browser, [k(K::Down), c('j')], "↓ / j", C::Down, "next session", None),
    bind!(X::Browser, [k(K::Enter)], "Enter", C::Open, "open the session to continue it", Some("open")),
    bind!(X::Browser, [c('v')], "v", C::View, "view the session read-only", Some("view")),
    bind!(X::Browser, [c('n')], "n", C::New, "start a new conference", Some("new")),
    bind!(X::Browser, [c('s')], "s", C::Series, "this family's conferences over time: scaling and outcomes per child", Some("series")),
    bind!(X::Browser, [c('/')], "/", C::Filter, "filter by reference, name, kind or date", Some("filter")),
    bind!(X::Browser, [k(K::Esc)], "Esc", C::Back, "clear the filter", None),
    bind!(X::Browser, [c('?'), k(K::F(1))], "? / F1", C::Help, "help", Some("help")),
    bind!(X::Browser, [c('q'), ctrl('c')], "q / Ctrl+C", C::Quit, "quit", Some("quit")),
];

/// The first binding in `contexts` (searched in order) that matches `ev`.
pub fn command_for(ev: &KeyEvent, contexts: &[Context]) -> Option<Command> {
    contexts.iter().find_map(|ctx| {
        BINDINGS
            .iter()
            .filter(|b| b.context == *ctx)
            .find(|b| b.keys.iter().any(|k| k.matches(ev)))
            .map(|b| b.command)
    })
}

/// Bindings of the given contexts, for help and hints.
pub fn bindings_for(contexts: &[Context]) -> impl Iterator<Item = &'static Binding> + '_ {
    contexts
        .iter()
        .flat_map(|ctx| BINDINGS.iter().filter(move |b| b.context == *ctx))
}

/// The key table as Markdown, one section per context; the README holds
/// exactly this text (a test checks it).
pub fn markdown_table() -> String {
    let mut out = String::new();
    let order = [
        X::Session,
        X::List,
        X::Form,
        X::Grid,
        X::Record,
        X::Editor,
        X::Picker,
        X::Decision,
        X::SignOff,
        X::Confirm,
        X::Browser,
    ];
    for ctx in order {
        out.push_str(&format!(
            "**{}**\n\n| key | does |\n| --- | --- |\n",
            ctx.title()
        ));
        for b in bindings_for(&[ctx]) {
            out.push_str(&format!("| `{}` | {} |\n", b.shown, b.does));
        }
        out.push('\n');
    }
    out
}
