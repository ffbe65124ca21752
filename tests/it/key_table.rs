//! The key table is the whole truth: in every context (each pane kind,
//! each overlay, the session list and the projector) every key a terminal
//! can deliver is pressed into the real `update`, and any key that changes
//! something (the session, the focus, a box, an effect, a message other
//! than the "nothing to type into here" refusal) must have a binding in
//! the table for that context, printable keys counting as its "typing".
//! The projector's help must also list every key it acts on.

use crate::support::*;

use cpconf::app::keymap::{Binding, Context, binding_for};
use cpconf::app::state::{Access, App, Overlay};
use cpconf::app::update::Msg;
use cpconf::browser::{self, Browser, PaperworkCheck};
use cpconf::model::{Session, Stage, Status};
use cpconf::present::{self, PresentState};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Every key that matters, with the modifiers a terminal reports.
fn every_key() -> Vec<KeyEvent> {
    let none = KeyModifiers::NONE;
    let shift = KeyModifiers::SHIFT;
    let ctrl = KeyModifiers::CONTROL;
    let alt = KeyModifiers::ALT;
    let mut named = vec![
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
    ];
    named.extend((1..=12).map(KeyCode::F));
    let mut out = Vec::new();
    for code in named {
        for mods in [none, shift, ctrl, alt, ctrl | shift, ctrl | alt] {
            out.push(KeyEvent::new(code, mods));
        }
    }
    // Printable: what arrives plain (capitals with Shift), and a few
    // letters from beyond ASCII.
    for ch in (' '..='~').chain(['é', '£', '€', 'ß']) {
        let mods = if ch.is_ascii_uppercase() { shift } else { none };
        out.push(KeyEvent::new(KeyCode::Char(ch), mods));
    }
    // Chords: Ctrl and Alt with letters, digits and the usual punctuation;
    // Ctrl+Alt is AltGr on some keyboards.
    let chorded = ('a'..='z')
        .chain('0'..='9')
        .chain([' ', '[', ']', '\\', '/', '-', '=', '?']);
    for ch in chorded {
        for mods in [ctrl, alt, ctrl | shift, ctrl | alt] {
            out.push(KeyEvent::new(KeyCode::Char(ch), mods));
        }
    }
    out
}

fn name(ev: &KeyEvent) -> String {
    cpconf::app::keymap::key_name(ev.code, ev.modifiers)
}

/// What a key could have changed in the app, as one comparable string.
fn app_state(app: &App) -> String {
    let cursors: Vec<_> = (0..app.panes().len()).map(|p| app.cursor(p)).collect();
    let message = app
        .message()
        .map(|m| m.text.clone())
        .filter(|m| !m.starts_with("nothing to type into here"));
    format!(
        "{:?}\n{:?} {} {:?}\n{:?}\n{} {:?} {:?}\n{:?}",
        app.session(),
        app.stage(),
        app.pane(),
        cursors,
        app.overlays(),
        app.revision(),
        app.draft(),
        app.theme(),
        message,
    )
}

/// Presses every key into the app that `start` builds; returns the keys
/// that changed something without a binding in the contexts then active.
/// After a key that changed something the app is built afresh, so each
/// key is pressed in the same context.
fn unbound_keys_that_act(what: &str, start: &dyn Fn() -> App, expected: Context) -> Vec<String> {
    let mut app = start();
    assert!(
        app.contexts().contains(&expected),
        "{what}: the test did not reach the context it means to check: {:?}",
        app.contexts()
    );
    let mut acted = 0;
    let mut missing = Vec::new();
    for ev in every_key() {
        let contexts = app.contexts();
        let before = app_state(&app);
        let effects = app.update(Msg::Key(ev));
        if effects.is_empty() && app_state(&app) == before {
            continue;
        }
        acted += 1;
        if binding_for(&ev, &contexts).is_none() {
            missing.push(format!("{what}: {} ({ev:?})", name(&ev)));
        }
        app = start();
    }
    assert!(
        acted > 0,
        "{what}: no key did anything, so nothing was checked"
    );
    missing
}

/// The example conference, still in progress (as made, it is finalised
/// and so locked), made once and copied for every fresh start.
fn example() -> App {
    static LIVE: std::sync::OnceLock<Session> = std::sync::OnceLock::new();
    let session = LIVE.get_or_init(|| {
        let mut s = cpconf::example::example_icpc();
        s.status = Status::InProgress;
        s.finalised = None;
        s
    });
    App::new(session.clone(), Access::Edit, at("10:00:00"))
}

fn at_stage(stage: Stage) -> App {
    let mut app = example();
    go_to(&mut app, stage);
    app
}

fn top_is(app: &App, wanted: fn(&Overlay) -> bool, what: &str) {
    assert!(
        app.overlays().last().is_some_and(wanted),
        "{what} did not open: {:?}",
        app.message()
    );
}

fn list() -> App {
    at_stage(Stage::Map)
}

fn form() -> App {
    at_stage(Stage::Setup)
}

fn grid() -> App {
    at_stage(Stage::Scaling)
}

fn decision() -> App {
    at_stage(Stage::Decision)
}

fn sign_off() -> App {
    at_stage(Stage::Record)
}

fn record() -> App {
    let mut app = list();
    press(&mut app, KeyCode::Enter);
    top_is(&app, |o| matches!(o, Overlay::Record(_)), "the item's form");
    app
}

fn one_line_editor() -> App {
    let mut app = form();
    open_field(&mut app, "Chair");
    assert!(app.editing(), "the editor did not open");
    app
}

fn notes_editor() -> App {
    let mut app = record();
    press(&mut app, KeyCode::Enter);
    assert!(app.editing(), "the editor did not open");
    app
}

fn picker() -> App {
    let mut app = record();
    open_field(&mut app, "Said by");
    top_is(&app, |o| matches!(o, Overlay::Picker(_)), "the picker");
    app
}

fn confirm() -> App {
    let mut app = decision();
    press(&mut app, KeyCode::F(9));
    top_is(&app, |o| matches!(o, Overlay::Confirm(_)), "the question");
    app
}

fn export_menu() -> App {
    let mut app = list();
    ctrl(&mut app, 'e');
    top_is(&app, |o| matches!(o, Overlay::Export(_)), "the export menu");
    app
}

fn go_to_stage_question() -> App {
    let mut app = list();
    ctrl(&mut app, 'g');
    top_is(
        &app,
        |o| matches!(o, Overlay::GoTo),
        "the question of which stage",
    );
    app
}

/// What is checked, how to reach it, and the context it must have.
type Case = (&'static str, fn() -> App, Context);

#[test]
fn every_key_the_session_acts_on_is_in_the_table() {
    let cases: [Case; 12] = [
        ("a list", list, Context::List),
        ("a form", form, Context::Form),
        ("the scaling grid", grid, Context::Grid),
        ("the decision", decision, Context::Decision),
        ("the record screen", sign_off, Context::SignOff),
        ("an item's form", record, Context::Record),
        ("a one-line editor", one_line_editor, Context::Editor),
        ("a notes editor", notes_editor, Context::Editor),
        ("a picker", picker, Context::Picker),
        ("the finalise question", confirm, Context::Confirm),
        ("the export menu", export_menu, Context::Export),
        ("after Ctrl+G", go_to_stage_question, Context::GoTo),
    ];
    let missing: Vec<String> = cases
        .iter()
        .flat_map(|(what, start, ctx)| unbound_keys_that_act(what, start, *ctx))
        .collect();
    assert!(
        missing.is_empty(),
        "keys that act but are not in the key table:\n{}",
        missing.join("\n")
    );
}

fn folder_of_examples() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for s in [
        cpconf::example::example_icpc(),
        cpconf::example::example_review(),
    ] {
        cpconf::storage::save_new(&cpconf::storage::DurableWriter, dir.path(), &s).unwrap();
    }
    dir
}

/// The list of `dir`, read as the scan would read it.
fn session_list(dir: &std::path::Path) -> Browser {
    let files = cpconf::storage::list_session_files(dir).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let check = PaperworkCheck::new(&cpconf::config::Config::default(), today);
    let mut b = Browser::new(dir, files.len(), check);
    let entries = files
        .iter()
        .map(|f| cpconf::storage::summarise(f))
        .collect();
    b.update(browser::Msg::Scanned(entries));
    // The second row, so that both ↑ and ↓ have somewhere to go.
    b.update(browser::Msg::Key(KeyEvent::from(KeyCode::Down)));
    assert_eq!(b.selected(), 1);
    b
}

fn browser_state(b: &Browser) -> String {
    format!(
        "{:?} {} {} {} {:?}",
        b.filter(),
        b.selected(),
        b.help_open(),
        b.series().is_some(),
        b.message()
    )
}

#[test]
fn every_key_the_session_list_acts_on_is_in_the_table() {
    // The list only reads the folder; its keys hand opening to the loop.
    let dir = folder_of_examples();
    let start = session_list(dir.path());
    let base = browser_state(&start);
    let mut missing = Vec::new();
    let mut acted = 0;
    for ev in every_key() {
        let mut b = session_list(dir.path());
        assert_eq!(browser_state(&b), base);
        let effects = b.update(browser::Msg::Key(ev));
        if effects.is_empty() && browser_state(&b) == base {
            continue;
        }
        acted += 1;
        if binding_for(&ev, &[Context::Browser]).is_none() {
            missing.push(format!("{} ({ev:?})", name(&ev)));
        }
    }
    assert!(acted > 0);
    assert!(
        missing.is_empty(),
        "keys the session list acts on but the table lacks:\n{}",
        missing.join("\n")
    );
}

fn help_screen(state: &PresentState) -> String {
    let mut open = state.clone();
    open.update(present::Msg::Key(KeyEvent::from(KeyCode::F(1))));
    assert!(open.help_open());
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 40)).unwrap();
    term.draw(|f| present::draw(f, &open)).unwrap();
    buffer_text(term.backend().buffer())
}

/// The projector's binding for `ev`, and whether its help shows this key
/// by name (a long run of keys is shown by its ends only).
fn listed_in_help(ev: &KeyEvent, help: &str) -> Option<&'static Binding> {
    let binding = binding_for(ev, &[Context::Projector])?;
    let key = binding.keys.iter().find(|k| k.matches(ev))?;
    let shown = binding.shown();
    (shown.split(" / ").any(|n| n == key.name()) && help.contains(&shown)).then_some(binding)
}

#[test]
fn every_key_the_projector_acts_on_is_in_the_table_and_its_help() {
    let session = cpconf::example::example_icpc();
    let mut start = PresentState::new(&session, at("10:00:00"));
    // Not following, and scrolled a little, so that every key has
    // something it could change.
    start.update(present::Msg::Key(KeyEvent::from(KeyCode::Char('a'))));
    start.update(present::Msg::Key(KeyEvent::from(KeyCode::Down)));
    assert!(!start.following() && start.scroll() == 1);
    let help = help_screen(&start);
    let mut missing = Vec::new();
    let mut acted = 0;
    for ev in every_key() {
        let mut s = start.clone();
        let effects = s.update(present::Msg::Key(ev));
        if effects.is_empty() && s == start {
            continue;
        }
        acted += 1;
        if listed_in_help(&ev, &help).is_none() {
            missing.push(format!("{} ({ev:?})", name(&ev)));
        }
    }
    assert!(acted >= 20, "only {acted} keys acted");
    assert!(
        missing.is_empty(),
        "keys the projector acts on but its table or help lacks:\n{}\n\nthe help:\n{help}",
        missing.join("\n")
    );
}

/// Seen in xterm: with notes open (a map item's text, after Ctrl+N) the
/// status bar offered "Enter keep" while the editor's own line said, rightly,
/// "Enter new line". The status bar leaves Enter out there; on one line
/// (a person typed into the register) Enter keeps, and it says so.
#[test]
fn the_status_bar_never_offers_enter_keep_in_notes() {
    let mut app = list();
    ctrl(&mut app, 'n');
    assert!(app.editing(), "Ctrl+N opens the new item's text");
    let bottom = |app: &App| {
        let screen = screen(app, 160, 40);
        let lines: Vec<&str> = screen.lines().collect();
        lines[lines.len() - 2..].join("\n")
    };
    assert!(!bottom(&app).contains("Enter keep"), "{}", bottom(&app));
    assert!(screen(&app, 160, 40).contains("Enter new line"));
    let mut app = at_stage(Stage::Introductions);
    crate::support::type_text(&mut app, "Sam Smith");
    assert!(bottom(&app).contains("Enter keep"), "{}", bottom(&app));
}
