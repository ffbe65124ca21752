//! Driving the real app with keys, as a chair would, and reading its screen.
#![allow(dead_code)]

pub mod conference_script;
pub mod icpc;
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

/// Presses keys written the way people write them: single characters, or
/// names in angle brackets (<Enter>, <Esc>, <Tab>, <BackTab>, <Down>, ...).
/// Returns every effect the keys asked for, in order.
pub fn keys(app: &mut App, script: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    let mut rest = script;
    while !rest.is_empty() {
        if let Some(stripped) = rest.strip_prefix('<') {
            let end = stripped.find('>').expect("closing >");
            let name = &stripped[..end];
            let code = match name {
                "Enter" => KeyCode::Enter,
                "Esc" => KeyCode::Esc,
                "Tab" => KeyCode::Tab,
                "BackTab" => KeyCode::BackTab,
                "Up" => KeyCode::Up,
                "Down" => KeyCode::Down,
                "Left" => KeyCode::Left,
                "Right" => KeyCode::Right,
                "PgDn" => KeyCode::PageDown,
                "PgUp" => KeyCode::PageUp,
                "Del" => KeyCode::Delete,
                "BS" => KeyCode::Backspace,
                "Space" => KeyCode::Char(' '),
                "lt" => KeyCode::Char('<'),
                "F2" => KeyCode::F(2),
                other if other.starts_with("C-") => {
                    effects.extend(ctrl(app, other.chars().nth(2).expect("ctrl key")));
                    rest = &stripped[end + 1..];
                    continue;
                }
                other => panic!("unknown key <{other}>"),
            };
            effects.extend(press(app, code));
            rest = &stripped[end + 1..];
        } else {
            let c = rest.chars().next().expect("char");
            let shift = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            effects.extend(app.update(Msg::Key(KeyEvent::new(KeyCode::Char(c), shift))));
            rest = &rest[c.len_utf8()..];
        }
    }
    effects
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
    assert!(app.editing(), "Enter should open the editor");
    ctrl(app, 'a');
    ctrl(app, 'k');
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
    match app.panes().into_iter().nth(app.pane())?.content {
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
