//! Hostile text typed and pasted into fields: control characters and
//! escape sequences, right-to-left scripts, combining marks, emoji, wide
//! characters, a megabyte paste and ten thousand newlines. What is typed is
//! stored exactly, never reaches the terminal raw, and survives save/load.

use crate::support;

use cpconf::app::field::{Field, FieldKind};
use cpconf::app::field_edit::edit_text;
use cpconf::app::panes::PaneContent;
use cpconf::app::state::{Access, App, Overlay};
use cpconf::app::update::Msg;
use cpconf::example::example_icpc;
use cpconf::model::*;
use cpconf::storage::{self, DurableWriter};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use support::*;

const CONTROL: &[&str] = &[
    "\u{1b}[2J\u{1b}[H cleared?",
    "\u{1b}]0;new title\u{7}",
    "\u{1b}[31mred\u{1b}[0m",
    "bell\u{7}bell",
    "nul\0nul",
    "del\u{7f}del",
    "back\u{8}space",
    "carriage\rreturn",
    "crlf\r\nline",
    "tab\there",
    "c1 \u{9b}2J csi",
    "\u{85}next line",
];

const SCRIPTS: &[&str] = &[
    "مرحبا، نحن قلقون بشأن سلامة الطفل",
    "שלום, אנחנו מודאגים",
    "mixed English עברית and العربية 123",
    "\u{202e}reversed\u{202c} text",
    "e\u{301}te\u{301} cafe\u{301}",
    "Z\u{351}\u{36b}\u{343}\u{36a}\u{302}\u{36b}\u{33d}\u{34f}\u{334}\u{319}\u{324}a\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}l\u{327}\u{328}g\u{35c}o\u{35d}",
    "👩\u{200d}👩\u{200d}👧\u{200d}👦 family, 👍🏽 thumbs",
    "flags 🇬🇧 🇺🇦 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
    "子供の安全が最優先です、家族と一緒に",
    "한국어 텍스트와 中文字符",
    "zero\u{200b}width\u{200d}joiner\u{feff}bom",
    "",
];

fn app() -> App {
    App::new(
        Session::new("odd-text".into(), at("09:30:00")),
        Access::Edit,
        at("09:30:00"),
    )
}

/// Opens `field` (on a stage form) in the editor by keys.
fn open(app: &mut App, stage: Stage, field: &Field) {
    app.update(Msg::GoToStage(stage));
    let (pane, row) = app
        .panes()
        .iter()
        .enumerate()
        .find_map(|(i, p)| match &p.content {
            PaneContent::Form(fields) => fields.iter().position(|f| f == field).map(|r| (i, r)),
            _ => None,
        })
        .expect("field on this stage");
    while app.pane() != pane {
        press(app, KeyCode::Tab);
    }
    for _ in 0..20 {
        press(app, KeyCode::Up);
    }
    for _ in 0..row {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
    assert!(app.editing(), "Enter opens {field:?}: {:?}", app.message());
}

/// Draws at 80x24 and 160x48; no cell may hold a control character.
fn assert_screen_clean(app: &App, what: &str) {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        term.draw(|f| cpconf::ui::draw(f, app)).expect("draw");
        let buf = term.backend().buffer();
        for y in 0..h {
            for x in 0..w {
                let sym = buf[(x, y)].symbol();
                assert!(
                    !sym.chars().any(char::is_control),
                    "{what}: control character {:?} on screen at {x},{y} ({w}x{h})",
                    sym.escape_debug().to_string()
                );
            }
        }
    }
}

/// Saves to a temp dir and loads back: the session is the same.
fn assert_round_trips(app: &App) -> Session {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("session.json");
    storage::save(&DurableWriter, &path, app.session()).expect("save");
    let loaded = storage::load(&path).expect("load").session;
    assert_eq!(&loaded, app.session(), "save then load changes nothing");
    loaded
}

/// What a paste stores: CR and CRLF become LF; a one-line field turns
/// newlines into spaces.
fn pasted(text: &str, kind: FieldKind) -> String {
    let lf = text.replace("\r\n", "\n").replace('\r', "\n");
    if kind == FieldKind::Lines {
        lf
    } else {
        lf.replace('\n', " ")
    }
}

const ONE_LINE: (Stage, Field) = (Stage::Setup, Field::SetupVenue);
const MULTI_LINE: (Stage, Field) = (Stage::PreMeeting, Field::ParentsViews);

fn paste_and_check(stage: Stage, field: Field, text: &str) {
    let mut app = app();
    open(&mut app, stage, &field);
    app.update(Msg::Paste(text.to_string()));
    assert_screen_clean(&app, &format!("editing {field:?} after pasting {text:?}"));
    press(&mut app, KeyCode::Esc);
    assert!(!app.editing(), "Esc leaves the editor: {:?}", app.message());
    let want = pasted(text, field.kind());
    assert_eq!(edit_text(app.session(), &field), want, "pasted {text:?}");
    assert_screen_clean(&app, &format!("{field:?} holding {text:?}"));
    let loaded = assert_round_trips(&app);
    assert_eq!(edit_text(&loaded, &field), want);
}

#[test]
fn pasted_control_characters_are_stored_but_never_drawn() {
    for text in CONTROL {
        for (stage, field) in [ONE_LINE, MULTI_LINE] {
            paste_and_check(stage, field, text);
        }
    }
}

#[test]
fn pasted_scripts_marks_and_emoji_are_stored_exactly() {
    for text in SCRIPTS {
        for (stage, field) in [ONE_LINE, MULTI_LINE] {
            paste_and_check(stage, field, text);
        }
    }
    // All of them at once, on many lines.
    paste_and_check(MULTI_LINE.0, MULTI_LINE.1, &SCRIPTS.join("\n"));
    paste_and_check(ONE_LINE.0, ONE_LINE.1, &SCRIPTS.join("\r\n"));
}

#[test]
fn typed_scripts_marks_and_emoji_are_stored_exactly() {
    for text in SCRIPTS {
        for (stage, field) in [ONE_LINE, MULTI_LINE] {
            let mut app = app();
            open(&mut app, stage, &field);
            type_text(&mut app, text);
            assert_screen_clean(&app, &format!("typing {text:?}"));
            press(&mut app, KeyCode::Esc);
            assert_eq!(edit_text(app.session(), &field), *text);
            assert_screen_clean(&app, &format!("{field:?} holding {text:?}"));
            let loaded = assert_round_trips(&app);
            assert_eq!(edit_text(&loaded, &field), *text);
        }
    }
    // Typed across lines with Enter in a multi-line field.
    let mut app = app();
    open(&mut app, MULTI_LINE.0, &MULTI_LINE.1);
    let all = SCRIPTS.join("\n");
    type_text(&mut app, &all);
    press(&mut app, KeyCode::Esc);
    assert_eq!(edit_text(app.session(), &MULTI_LINE.1), all);
}

/// A terminal delivers control keys as named keys, but a misbehaving one
/// (or a test harness) may send them as characters: nothing must break and
/// nothing may reach the screen.
#[test]
fn control_characters_sent_as_keys_never_reach_the_screen() {
    for text in CONTROL {
        for (stage, field) in [ONE_LINE, MULTI_LINE] {
            let mut app = app();
            open(&mut app, stage, &field);
            for c in text.chars() {
                app.update(Msg::Key(ratatui::crossterm::event::KeyEvent::new(
                    KeyCode::Char(c),
                    ratatui::crossterm::event::KeyModifiers::NONE,
                )));
            }
            assert_screen_clean(&app, &format!("typing {text:?} as characters"));
            press(&mut app, KeyCode::Esc);
            assert!(!app.editing());
            assert_screen_clean(&app, &format!("after typing {text:?} as characters"));
            assert_round_trips(&app);
        }
    }
}

/// Names appear everywhere: sidebar, grids, pickers, tallies. Give every
/// child and person in a full example hostile names and draw every stage.
#[test]
fn hostile_names_on_every_stage() {
    let mut s = example_icpc();
    s.status = Status::InProgress;
    s.finalised = None;
    let mut app = App::new(s, Access::Edit, at("09:30:00"));
    let odd: Vec<&str> = CONTROL.iter().chain(SCRIPTS).copied().collect();
    let mut i = 0;
    let mut fields: Vec<Field> = Vec::new();
    fields.extend(
        app.session()
            .children
            .iter()
            .map(|c| Field::ChildName(c.id.clone())),
    );
    for a in &app.session().attendees {
        fields.push(Field::AttendeeName(a.id.clone()));
        fields.push(Field::AttendeeAgency(a.id.clone()));
    }
    for m in &app.session().map_items {
        fields.push(Field::MapText(m.id.clone()));
    }
    for r in &app.session().recommendations {
        fields.push(Field::RecReason(r.id.clone()));
    }
    let mut want = Vec::new();
    for field in fields {
        // Through the editor, as a paste, so the app's own path is used.
        let text = format!("{} {}", odd[i % odd.len()], odd[(i + 7) % odd.len()]);
        i += 1;
        app = app.with_overlay(Overlay::Editor(Box::new(cpconf::app::state::Editor::new(
            field.clone(),
            "odd".into(),
            "",
        ))));
        app.update(Msg::Paste(text.clone()));
        press(&mut app, KeyCode::Esc);
        assert!(!app.editing(), "{field:?}: {:?}", app.message());
        want.push((field.clone(), pasted(&text, field.kind())));
    }
    for (field, text) in &want {
        assert_eq!(&edit_text(app.session(), field), text, "{field:?}");
    }
    assert!(app.session().problems().is_empty());
    for stage in Stage::ALL {
        app.update(Msg::GoToStage(stage));
        for pane in 0..app.panes().len().max(1) {
            assert_screen_clean(&app, &format!("{stage:?} pane {pane}"));
            press(&mut app, KeyCode::Tab);
        }
        // Help and an opened record too.
        commands(&mut app, "?");
        assert_screen_clean(&app, &format!("{stage:?} help"));
        press(&mut app, KeyCode::Esc);
    }
    assert_round_trips(&app);
}

#[test]
fn a_megabyte_paste_lands_as_one_edit() {
    let line = "The parents say 👩\u{200d}👧 is safe; مرحبا e\u{301} 子供 \u{1b}[2J tab\there.\r\n";
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(line);
    }
    let (stage, field) = MULTI_LINE;
    let mut app = app();
    open(&mut app, stage, &field);
    app.update(Msg::Paste(text.clone()));
    assert_screen_clean(&app, "editing a megabyte");
    // One edit in the editor: a single undo takes the whole paste away...
    commands(&mut app, "<C-z>");
    assert_eq!(app.draft().map(|(_, t)| t), Some(String::new()));
    commands(&mut app, "<C-y>");
    let want = pasted(&text, FieldKind::Lines);
    assert_eq!(app.draft().map(|(_, t)| t), Some(want.clone()));
    press(&mut app, KeyCode::Esc);
    assert_eq!(edit_text(app.session(), &field), want);
    assert_screen_clean(&app, "a megabyte in the form");
    // ...and one change to the session: one `u` empties the field again.
    commands(&mut app, "u");
    assert_eq!(edit_text(app.session(), &field), "");
    commands(&mut app, "<C-y>");
    assert_eq!(edit_text(app.session(), &field), want);
    let loaded = assert_round_trips(&app);
    assert_eq!(edit_text(&loaded, &field), want);
}

#[test]
fn ten_thousand_newlines() {
    for raw in [
        "\n".repeat(10_000),
        "\r\n".repeat(10_000),
        "\r".repeat(10_000),
    ] {
        for (stage, field) in [ONE_LINE, MULTI_LINE] {
            let mut app = app();
            open(&mut app, stage, &field);
            app.update(Msg::Paste(raw.clone()));
            assert_screen_clean(&app, "editing 10,000 newlines");
            press(&mut app, KeyCode::Esc);
            let want = if field.kind() == FieldKind::Lines {
                "\n".repeat(10_000)
            } else {
                " ".repeat(10_000)
            };
            assert_eq!(edit_text(app.session(), &field), want);
            assert_screen_clean(&app, "10,000 newlines in the form");
            assert_round_trips(&app);
        }
    }
}

/// A new map item opens straight into typing its text: paste there too.
#[test]
fn hostile_text_in_a_new_map_item() {
    let mut app = app();
    app.update(Msg::GoToStage(Stage::Map));
    commands(&mut app, "a");
    assert!(app.editing());
    let text = CONTROL
        .iter()
        .chain(SCRIPTS)
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    app.update(Msg::Paste(text.clone()));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    let item = &app.session().map_items[0];
    assert_eq!(item.text, pasted(&text, FieldKind::Lines));
    assert_screen_clean(&app, "the map with a hostile item");
    assert_round_trips(&app);
}
