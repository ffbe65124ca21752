//! Driving the real app with keys, as a chair would, and reading its screen.
#![allow(dead_code)]

pub mod conference_script;
pub mod icpc;
pub mod new_keys;
pub mod today_keys;

use chrono::DateTime;
use cpconf::app::effect::Effect;
use cpconf::app::field::Field;
use cpconf::app::panes::PaneContent;
use cpconf::app::state::{Access, App, Overlay};
use cpconf::app::update::Msg;
use cpconf::model::{Session, Stage, Timestamp};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn at(time: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(&format!("2026-11-23T{time}+00:00")).expect("test time")
}

pub fn new_app() -> App {
    App::new(
        Session::new("test-session".into(), at("09:30:00")),
        Access::Edit,
        at("09:30:00"),
    )
}

/// Presses one key; returns what the app asked the runtime to do.
pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

pub fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )))
}

/// Goes to a stage as the agenda does.
pub fn go_to(app: &mut App, stage: Stage) {
    app.update(Msg::GoToStage(stage));
}

/// A script cut into its keys, each as written: one character, or one
/// name in angle brackets (`<Enter>`).
pub fn key_names(script: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = script;
    while !rest.is_empty() {
        let len = if rest.starts_with('<') {
            rest.find('>').expect("closing >") + 1
        } else {
            rest.chars().next().map_or(1, char::len_utf8)
        };
        out.push(&rest[..len]);
        rest = &rest[len..];
    }
    out
}

/// Reads keys written the way people write them: single characters (which
/// type), or names in angle brackets: <Enter>, <Esc>, <Tab>, <BackTab>,
/// <Up>, <Down>, <Left>, <Right>, <Home>, <End>, <PgDn>, <PgUp>, <Del>,
/// <BS>, <Space>, <lt>, <F1>…<F12>, <C-x> (Ctrl) and <M-x> (Alt).
pub fn parse_keys(script: &str) -> Vec<KeyEvent> {
    key_names(script).into_iter().map(parse_key).collect()
}

/// One key as `key_names` gives it.
fn parse_key(key: &str) -> KeyEvent {
    let Some(name) = key.strip_prefix('<').and_then(|k| k.strip_suffix('>')) else {
        let c = key.chars().next().expect("char");
        let shift = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        return KeyEvent::new(KeyCode::Char(c), shift);
    };
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match name {
        "Enter" => plain(KeyCode::Enter),
        "Esc" => plain(KeyCode::Esc),
        "Tab" => plain(KeyCode::Tab),
        "BackTab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "Up" => plain(KeyCode::Up),
        "Down" => plain(KeyCode::Down),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        "PgDn" => plain(KeyCode::PageDown),
        "PgUp" => plain(KeyCode::PageUp),
        "Del" => plain(KeyCode::Delete),
        "BS" => plain(KeyCode::Backspace),
        "Space" => plain(KeyCode::Char(' ')),
        "lt" => plain(KeyCode::Char('<')),
        f if f.starts_with('F') && f.len() > 1 => {
            plain(KeyCode::F(f[1..].parse().expect("function key number")))
        }
        c if c.starts_with("C-") => KeyEvent::new(
            KeyCode::Char(c.chars().nth(2).expect("ctrl key")),
            KeyModifiers::CONTROL,
        ),
        m if m.starts_with("M-") => KeyEvent::new(
            KeyCode::Char(m.chars().nth(2).expect("alt key")),
            KeyModifiers::ALT,
        ),
        other => panic!("unknown key <{other}>"),
    }
}

/// Presses keys written as `parse_keys` reads them (a letter types).
/// Returns every effect the keys asked for, in order.
pub fn keys(app: &mut App, script: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for ev in parse_keys(script) {
        effects.extend(app.update(Msg::Key(ev)));
    }
    effects
}

/// Runs a script written in command letters, the way the older tests were
/// written: `j`/`k` down/up, `h`/`l` left/right, `]`/`[` next/previous
/// stage, `a` add, `d` delete, `u` undo, `q` close a form (or quit), `e`
/// export, `?` help, `F` finalise, `y`/`n` answer, and Tab for the next
/// pane. Each is pressed as the key the key table gives that command now
/// (↓, PgDn, Ctrl+N, Delete, Ctrl+Z, Esc or Ctrl+Q, Ctrl+E, F1, F9,
/// Enter/Esc, End+Tab); while an editor is open, letters type as they
/// would. Named keys (<Enter>, <Down>…) are pressed as they are.
pub fn commands(app: &mut App, script: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for ev in parse_keys(script) {
        for ev in translate(app, ev) {
            effects.extend(app.update(Msg::Key(ev)));
        }
    }
    effects
}

fn translate(app: &App, ev: KeyEvent) -> Vec<KeyEvent> {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let top = app.overlays().last();
    // Enter on a line or in a picker of an item's form used to keep it and
    // go on to the next field; now Tab does, and Enter closes the form.
    let under = app.overlays().iter().rev().nth(1);
    let line_or_pick = match top {
        Some(Overlay::Editor(e)) => !e.multiline(),
        Some(Overlay::Picker(_)) => true,
        _ => false,
    };
    if ev.code == KeyCode::Enter && line_or_pick && matches!(under, Some(Overlay::Record(_))) {
        return vec![plain(KeyCode::Tab)];
    }
    if matches!(top, Some(Overlay::Editor(_)) | Some(Overlay::Help(_))) {
        return vec![ev];
    }
    let in_form = top.is_none() && focused_form(app).is_some();
    let field_kind = focused_form(app).and_then(|(f, i)| f.get(i).map(Field::kind));
    let confirm = matches!(top, Some(Overlay::Confirm(_)));
    let export = matches!(top, Some(Overlay::Export(_)));
    let record = matches!(top, Some(Overlay::Record(_)));
    let KeyCode::Char(c) = ev.code else {
        return match ev.code {
            // Tab used to go to the next pane from a form; now it goes
            // field by field, and from the last field to the next pane.
            KeyCode::Tab if in_form => vec![plain(KeyCode::End), plain(KeyCode::Tab)],
            KeyCode::BackTab if in_form => vec![plain(KeyCode::Home), ev],
            _ => vec![ev],
        };
    };
    if !ev.modifiers.difference(KeyModifiers::SHIFT).is_empty() {
        return vec![ev];
    }
    use cpconf::app::field::FieldKind as K;
    let one = match c {
        'j' => plain(KeyCode::Down),
        'k' => plain(KeyCode::Up),
        'h' => plain(KeyCode::Left),
        'l' => plain(KeyCode::Right),
        ']' => plain(KeyCode::PageDown),
        '[' => plain(KeyCode::PageUp),
        'a' => ctrl('n'),
        'd' => plain(KeyCode::Delete),
        'u' => ctrl('z'),
        'e' => ctrl('e'),
        '?' => plain(KeyCode::F(1)),
        'F' => plain(KeyCode::F(9)),
        'y' if confirm => plain(KeyCode::Enter),
        'n' if confirm => plain(KeyCode::Esc),
        'q' if record => plain(KeyCode::Esc),
        'q' => ctrl('q'),
        ' ' if export => plain(KeyCode::Enter),
        // Space on a choice moved it on; on a text field it did nothing.
        // Now → does that in an item's form, Enter in a stage's form.
        ' ' if field_kind == Some(K::Choice) && record => plain(KeyCode::Right),
        ' ' if field_kind == Some(K::Choice) => plain(KeyCode::Enter),
        ' ' if field_kind.is_some_and(K::is_typed) => return Vec::new(),
        // Space in a list or grid did nothing; now it types.
        ' ' if top.is_none() && field_kind.is_none() => return Vec::new(),
        // Space on a tick box ticked it and stayed; now it goes on to a
        // tick box after it, and ↑ comes back.
        ' ' if field_kind == Some(K::Toggle)
            && focused_form(app)
                .is_some_and(|(f, i)| f.get(i + 1).map(Field::kind) == Some(K::Toggle)) =>
        {
            return vec![ev, plain(KeyCode::Up)];
        }
        _ => ev,
    };
    vec![one]
}

/// Types text into the open editor, character by character.
/// Returns every effect the typing asked for (none, if typing is typing).
pub fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        if c == '\n' {
            effects.extend(press(app, KeyCode::Enter));
        } else {
            effects.extend(app.update(Msg::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            ))));
        }
    }
    effects
}

/// Opens the selected field, clears it, types `text` and leaves with Esc.
pub fn set_field(app: &mut App, text: &str) {
    press(app, KeyCode::Enter);
    assert!(
        app.editing(),
        "Enter should open the editor: {:?}\n{}",
        app.message(),
        screen(app, 120, 30)
    );
    // Select all, rub it out, type: as in any text box.
    ctrl(app, 'a');
    press(app, KeyCode::Backspace);
    type_text(app, text);
    press(app, KeyCode::Esc);
    assert!(
        !app.editing(),
        "Esc should leave the editor: {:?}",
        app.message()
    );
}

/// The keys that move between fields. The one place that says which keys
/// those are, so a change to the keyboard changes only this module.
pub mod move_keys {
    use super::*;

    /// Moves the focus to the next field of the open form.
    pub fn next_field(app: &mut App) {
        press(app, KeyCode::Down);
    }

    /// Moves the focus to the previous field of the open form.
    pub fn previous_field(app: &mut App) {
        press(app, KeyCode::Up);
    }
}

/// The fields of the form in focus (a record opened over the stage, or the
/// stage's own form pane) and which of them is selected.
pub fn focused_form(app: &App) -> Option<(Vec<Field>, usize)> {
    if let Some(Overlay::Record(form)) = app.overlays().last() {
        return Some((form.fields.clone(), form.selected));
    }
    if !app.overlays().is_empty() {
        return None;
    }
    match app.panes().get(app.pane())?.content.clone() {
        PaneContent::Form(fields) => Some((fields, app.cursor(app.pane()).row)),
        _ => None,
    }
}

/// Moves the focus to the field labelled `label` in the form in focus, by
/// pressing the keys a chair would, and checks it got there. Tests name the
/// field they mean, so reordering a form does not break them.
pub fn focus_field(app: &mut App, label: &str) {
    let (fields, mut at) = focused_form(app).expect("a form has the focus");
    let labels: Vec<String> = fields.iter().map(|f| f.label_in(app.session())).collect();
    let Some(wanted) = labels.iter().position(|l| l == label) else {
        panic!("no field labelled {label:?} in this form: {labels:?}");
    };
    while at != wanted {
        if at < wanted {
            move_keys::next_field(app);
        } else {
            move_keys::previous_field(app);
        }
        let (_, now) = focused_form(app).expect("the form keeps the focus");
        assert_ne!(now, at, "the focus did not move towards {label:?}");
        at = now;
    }
    let (fields, now) = focused_form(app).expect("the form keeps the focus");
    assert_eq!(fields[now].label_in(app.session()), label);
}

/// Moves the focus to the pane whose title starts with `title` by pressing
/// Tab as a chair would (a form is walked field by field, then left).
pub fn focus_pane(app: &mut App, title: &str) {
    for _ in 0..80 {
        if app.panes()[app.pane()].title.starts_with(title) {
            return;
        }
        press(app, KeyCode::Tab);
    }
    let titles: Vec<String> = app.panes().iter().map(|p| p.title.clone()).collect();
    panic!("no pane titled {title:?} reached by Tab: {titles:?}");
}

/// Moves to the field labelled `label` and opens it (Enter).
pub fn open_field(app: &mut App, label: &str) {
    focus_field(app, label);
    press(app, KeyCode::Enter);
}

pub fn tick(app: &mut App, time: &str) {
    app.update(Msg::Tick(at(time)));
}

/// The screen as text, one line per row.
pub fn screen(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| cpconf::ui::draw(f, app)).expect("draw");
    buffer_text(term.backend().buffer())
}

/// A drawn buffer as text, one line per row, trailing blanks trimmed.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        for x in area.left()..area.right() {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
