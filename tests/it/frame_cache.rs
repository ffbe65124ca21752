//! The runtime puts frames on the terminal with `ui::Screen`, which draws
//! each over the last, reuses the panes a key left unchanged (the memo,
//! also used by `ui::draw_cached`) and sends only the cells that changed.
//! Whatever the keys, what the terminal then shows, and the frame
//! `draw_cached` makes, must be exactly what a fresh `ui::draw` makes: the
//! memo is never a second source of truth.

use crate::support::at;

use cpconf::app::state::{Access, App};
use cpconf::app::update::Msg;
use cpconf::config::ThemeName;
use cpconf::example::{example_icpc, example_review};
use cpconf::model::*;
use cpconf::ui::{FrameCache, Screen};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn start_app(which: usize) -> App {
    let session = match which {
        0 => Session::new("cache-session".into(), at("09:30:00")),
        1 => icpc_in_progress(),
        2 => example_review(),
        // Notes longer than any box, so that typing in them scrolls.
        _ => with_long_notes(),
    };
    App::new(session, Access::Edit, at("09:30:00"))
}

/// The initial conference in progress with long notes in the forms that
/// open first (the setup's purpose, the parents' views, the bottom lines).
fn with_long_notes() -> Session {
    let mut s = icpc_in_progress();
    s.setup.purpose = "To decide whether the children need a plan. ".repeat(40);
    s.pre_meeting.parents_views = "Mum said the flat is cold.\n".repeat(90);
    s.bottom_lines = "No violence in front of the children.\n".repeat(400);
    s
}

/// The example initial conference, not yet finalised.
fn icpc_in_progress() -> Session {
    let mut s = example_icpc();
    s.status = Status::InProgress;
    s.finalised = None;
    s
}

#[derive(Clone, Debug)]
enum Ev {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    /// Seconds the clock moves on.
    Tick(i64),
    /// The window takes the other of the two sizes.
    Resize,
    /// The next of the themes (a new config: every pane drawn again).
    Theme,
}

fn key(code: KeyCode) -> Ev {
    Ev::Key(code, KeyModifiers::NONE)
}

fn event() -> impl Strategy<Value = Ev> {
    use KeyCode as K;
    let ctrl = |c| Ev::Key(K::Char(c), KeyModifiers::CONTROL);
    let alt = |c| Ev::Key(K::Char(c), KeyModifiers::ALT);
    prop_oneof![
        6 => select(vec![key(K::PageUp), key(K::PageDown), alt('4'), alt('6'), alt('9')]),
        6 => select(vec![key(K::Tab), Ev::Key(K::BackTab, KeyModifiers::SHIFT)]),
        12 => select(vec![
            key(K::Up), key(K::Down), key(K::Left), key(K::Right), key(K::Home), key(K::End),
        ]),
        10 => Just(key(K::Enter)),
        8 => Just(key(K::Esc)),
        10 => select(vec!['a', 'x', ' ', '7', 'é', 'y', 'n']).prop_map(|c| key(K::Char(c))),
        3 => select(vec![key(K::Backspace), key(K::Delete)]),
        4 => select(vec![ctrl('z'), ctrl('y'), ctrl('n'), ctrl('e')]),
        1 => select(vec![key(K::F(1)), key(K::F(9))]),
        1 => Just(Ev::Paste("said the school\nwould help".into())),
        2 => select(vec![key(K::Char('q')), key(K::Char('.'))]),
        2 => (1..200i64).prop_map(Ev::Tick),
        1 => Just(Ev::Resize),
        1 => Just(Ev::Theme),
    ]
}

fn screen(w: u16, h: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).expect("test terminal")
}

fn drawn(
    term: &mut Terminal<TestBackend>,
    w: u16,
    h: u16,
    draw: impl FnOnce(&mut ratatui::Frame),
) -> Buffer {
    term.backend_mut().resize(w, h);
    term.draw(draw).expect("draw");
    term.backend().buffer().clone()
}

// Each case drives one app through random keys; after every one, the
// terminal `Screen` sent its changes to (one kept all along, as the runtime
// keeps it), the cached frame and a fresh draw must show the same cells, at
// 80x24 and at 200x60.
proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn a_cached_frame_is_the_fresh_frame_after_every_key(
        start in 0..4usize,
        large in any::<bool>(),
        events in vec(event(), 20..160),
    ) {
        let sizes = [(80u16, 24u16), (200, 60)];
        let mut size = usize::from(large);
        let mut app = start_app(start);
        let mut cached = screen(1, 1);
        let mut cache = FrameCache::default();
        let mut shown = screen(sizes[size].0, sizes[size].1);
        let mut retained = Screen::default();
        let themes = [ThemeName::Default, ThemeName::HighContrast, ThemeName::Mono];
        let mut theme = 0;
        let mut now = app.now();
        for (i, ev) in events.iter().enumerate() {
            match ev {
                Ev::Key(code, mods) => {
                    app.update(Msg::Key(KeyEvent::new(*code, *mods)));
                }
                Ev::Paste(text) => {
                    app.update(Msg::Paste(text.clone()));
                }
                Ev::Tick(secs) => {
                    now += chrono::Duration::seconds(*secs);
                    app.update(Msg::Tick(now));
                }
                Ev::Resize => size = 1 - size,
                Ev::Theme => {
                    theme = (theme + 1) % themes.len();
                    let taken = std::mem::replace(&mut app, start_app(0));
                    app = taken.with_theme(themes[theme]);
                }
            }
            // The panes the app keeps are the ones the session and the
            // focus give now: the memo is never stale.
            let first_row = app.cursor(0).row;
            prop_assert!(
                *app.panes() == *cpconf::app::panes::stage_panes(app.session(), app.stage(), first_row),
                "after event {} ({:?}): the app's panes are not the stage's as built afresh", i, ev
            );
            let (w, h) = sizes[size];
            shown.backend_mut().resize(w, h);
            retained.present(&mut shown, &app).expect("present");
            let with_cache = drawn(&mut cached, w, h, |f| cpconf::ui::draw_cached(f, &app, &mut cache));
            let fresh = drawn(&mut screen(w, h), w, h, |f| cpconf::ui::draw(f, &app));
            prop_assert!(
                with_cache == fresh,
                "after event {} ({:?}) at {}x{}: the cached frame differs from a fresh one\ncached:\n{}\nfresh:\n{}",
                i, ev, w, h,
                crate::support::buffer_text(&with_cache),
                crate::support::buffer_text(&fresh),
            );
            let on_screen = shown.backend().buffer();
            prop_assert!(
                *on_screen == fresh,
                "after event {} ({:?}) at {}x{}: the terminal shows other than a fresh frame\nshown:\n{}\nfresh:\n{}",
                i, ev, w, h,
                crate::support::buffer_text(on_screen),
                crate::support::buffer_text(&fresh),
            );
        }
    }
}

/// The memo does its job: a frame with nothing changed draws no pane, and
/// moving in a list draws only that list.
#[test]
fn a_key_redraws_only_the_panes_it_changed() {
    let mut app = start_app(1);
    app.update(Msg::GoToStage(Stage::Map));
    let mut term = screen(200, 60);
    let mut cache = FrameCache::default();
    term.draw(|f| cpconf::ui::draw_cached(f, &app, &mut cache))
        .unwrap();
    assert_eq!(cache.panes_reused(), 0, "the first frame draws every pane");
    let panes = app.panes().len();
    assert!(panes >= 4, "the map has a pane per column ({panes})");

    term.draw(|f| cpconf::ui::draw_cached(f, &app, &mut cache))
        .unwrap();
    assert_eq!(
        cache.panes_reused(),
        panes,
        "nothing changed: every pane is reused"
    );

    app.update(Msg::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)));
    term.draw(|f| cpconf::ui::draw_cached(f, &app, &mut cache))
        .unwrap();
    assert_eq!(
        cache.panes_reused(),
        panes - 1,
        "moving in the focused column redraws that column alone"
    );
}

/// Drawn over the last frame, a key compares and sends only what it could
/// have changed: a move in a map column, the column and the parts drawn
/// every frame (sidebar, title, status bar), not the other columns.
#[test]
fn a_key_compares_only_the_cells_it_could_change() {
    let mut app = start_app(1);
    app.update(Msg::GoToStage(Stage::Map));
    let mut term = screen(200, 60);
    let mut retained = Screen::default();
    retained.present(&mut term, &app).unwrap();
    assert_eq!(
        retained.cells_compared(),
        200 * 60,
        "the first frame is whole"
    );
    app.update(Msg::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)));
    retained.present(&mut term, &app).unwrap();
    let compared = retained.cells_compared();
    assert!(
        compared < 200 * 60 / 2,
        "a move compares the column it moved in and the frame's edges, not the screen ({compared} cells)"
    );
    let mut fresh = screen(200, 60);
    fresh.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
    assert_eq!(term.backend().buffer(), fresh.backend().buffer());
}

/// Typing into a new map item at 80x24: the editor's box spans the whole
/// width over columns that stay as they were, the case that first broke
/// putting back what the last box covered.
#[test]
fn typing_under_a_box_as_wide_as_the_screen_shows_the_fresh_frame() {
    let mut app = start_app(1);
    app.update(Msg::GoToStage(Stage::Map));
    let mut term = screen(80, 24);
    let mut retained = Screen::default();
    retained.present(&mut term, &app).unwrap();
    for code in [
        KeyCode::Char('a'),
        KeyCode::Char('x'),
        KeyCode::Backspace,
        KeyCode::Esc,
        KeyCode::Down,
    ] {
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        retained.present(&mut term, &app).unwrap();
        let mut fresh = screen(80, 24);
        fresh.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
        assert_eq!(
            term.backend().buffer(),
            fresh.backend().buffer(),
            "after {code:?}"
        );
    }
}

/// A new stage is one diff of the whole screen (run by run cost more
/// there), and a key typed into the editor's box over a large screen is
/// compared in place: the box is more than half the screen and is drawn
/// on every key, and one whole-screen diff and copy for it doubled the
/// time a key into a long note took to show.
#[test]
fn a_new_stage_diffs_the_whole_screen_and_a_key_in_the_editor_does_not() {
    for (w, h) in [(80u16, 24u16), (200, 60)] {
        // Long bottom lines, as in a long-running case: the editor's box
        // opens as large as the screen allows.
        let mut s = icpc_in_progress();
        s.bottom_lines = "No violence in front of the children.\n".repeat(400);
        let mut app = App::new(s, Access::Edit, at("09:30:00"));
        let mut term = screen(w, h);
        let mut retained = Screen::default();
        retained.present(&mut term, &app).unwrap();
        let whole = usize::from(w) * usize::from(h);
        app.update(Msg::GoToStage(Stage::Setup));
        retained.present(&mut term, &app).unwrap();
        for _ in 0..9 {
            app.update(Msg::Key(KeyEvent::new(
                KeyCode::PageDown,
                KeyModifiers::NONE,
            )));
            retained.present(&mut term, &app).unwrap();
            assert_eq!(
                retained.cells_compared(),
                whole,
                "{w}x{h} {:?}: a new stage is one whole diff",
                app.stage()
            );
        }
        app.update(Msg::GoToStage(Stage::SafetyGoals));
        retained.present(&mut term, &app).unwrap();
        for code in [KeyCode::Tab, KeyCode::Tab, KeyCode::Enter] {
            app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
            retained.present(&mut term, &app).unwrap();
        }
        assert!(!app.overlays().is_empty(), "{w}x{h}: the editor is open");
        app.update(Msg::Key(KeyEvent::new(
            KeyCode::Char('a'),
            KeyModifiers::NONE,
        )));
        retained.present(&mut term, &app).unwrap();
        let compared = retained.cells_compared();
        assert!(
            compared < whole,
            "{w}x{h}: a key in the editor compared the whole screen"
        );
        let mut fresh = screen(w, h);
        fresh.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
        assert_eq!(term.backend().buffer(), fresh.backend().buffer());
    }
}

/// A key typed into a long note draws again and compares only the rows of
/// the editor's box that changed, not the whole box: the box is kept as the
/// last frame drew it. Moving, a new line, scrolling and leaving still show
/// exactly a fresh frame.
#[test]
fn a_key_typed_into_a_long_note_compares_only_the_rows_it_changed() {
    for (w, h) in [(80u16, 24u16), (200, 60)] {
        let mut app = App::new(with_long_notes(), Access::Edit, at("09:30:00"));
        app.update(Msg::GoToStage(Stage::SafetyGoals));
        let mut term = screen(w, h);
        let mut retained = Screen::default();
        retained.present(&mut term, &app).unwrap();
        for code in [KeyCode::Tab, KeyCode::Tab, KeyCode::Enter] {
            app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
            retained.present(&mut term, &app).unwrap();
        }
        assert!(app.editing(), "{w}x{h}: the editor is open");
        let check = |term: &Terminal<TestBackend>, app: &App, what: &str| {
            let mut fresh = screen(w, h);
            fresh.draw(|f| cpconf::ui::draw(f, app)).unwrap();
            assert_eq!(
                term.backend().buffer(),
                fresh.backend().buffer(),
                "{w}x{h} after {what}"
            );
        };
        // The status bar and the title are compared every frame: two rows
        // of the screen and one of the stage. The box is many rows more.
        let edges = usize::from(w) * 3;
        for (code, what) in [
            (KeyCode::Char('a'), "a letter"),
            (KeyCode::Char('b'), "another"),
            (KeyCode::Backspace, "Backspace"),
            (KeyCode::Left, "a move along the line"),
        ] {
            app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
            retained.present(&mut term, &app).unwrap();
            let compared = retained.cells_compared();
            assert!(
                compared <= edges + usize::from(w),
                "{w}x{h}: {what} compared {compared} cells"
            );
            check(&term, &app, what);
        }
        for (code, what) in [
            (KeyCode::Enter, "a new line"),
            (KeyCode::Up, "a move up"),
            (KeyCode::PageUp, "a page up"),
            (KeyCode::Home, "Home"),
            (KeyCode::Esc, "leaving"),
        ] {
            app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
            retained.present(&mut term, &app).unwrap();
            check(&term, &app, what);
        }
    }
}

/// A move in a list draws again and compares only the rows of the items
/// whose highlight moved (and, once it scrolls, the rows that moved), not
/// the whole column; every frame is still the fresh one.
#[test]
fn a_move_in_a_list_compares_only_the_rows_that_changed() {
    let (w, h) = (200u16, 60u16);
    let mut s = icpc_in_progress();
    // A column long enough to scroll.
    let first = s.map_items[0].clone();
    for n in 0..40 {
        let mut item = first.clone();
        item.id = ItemId(format!("item-{}", 900 + n));
        item.text = format!("Item {n}: the school says attendance is better this term.");
        s.map_items.push(item);
    }
    let mut app = App::new(s, Access::Edit, at("09:30:00"));
    app.update(Msg::GoToStage(Stage::Map));
    let mut term = screen(w, h);
    let mut retained = Screen::default();
    retained.present(&mut term, &app).unwrap();
    let column = app.panes().len();
    assert!(column >= 4);
    let edges = usize::from(w) * 3;
    for step in 0..30 {
        app.update(Msg::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)));
        retained.present(&mut term, &app).unwrap();
        let compared = retained.cells_compared();
        if step < 3 {
            // Two items of a column a quarter of the screen wide, a few
            // rows each: far less than the column (some 50 rows).
            assert!(
                compared < edges + 12 * usize::from(w) / 4,
                "a move {step} compared {compared} cells"
            );
        }
        let mut fresh = screen(w, h);
        fresh.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
        assert_eq!(
            term.backend().buffer(),
            fresh.backend().buffer(),
            "after move {step}"
        );
    }
}
