//! The projector view's boards, drawn from the fictional initial
//! conference: snapshots at a small and a big terminal, and the rule that
//! no restricted item ever reaches the screen, at any size.

use chrono::DateTime;
use cpconf::example::{example_icpc, example_review};
use cpconf::model::*;
use cpconf::present::{Board, Effect, FamilyView, Msg, PresentState, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn moment(rfc3339: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(rfc3339).expect("test time")
}

fn state(session: &Session) -> PresentState {
    PresentState::new(session, moment("2026-11-09T11:52:07+00:00"))
}

fn screen(state: &PresentState, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| draw(f, state)).expect("draw");
    crate::support::buffer_text(term.backend().buffer())
}

fn key(state: &mut PresentState, code: KeyCode) -> Vec<Effect> {
    state.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// What the loop reports when the file has been read again.
fn loaded(state: &mut PresentState, session: &Session, at: Timestamp) {
    let asked = state.update(Msg::Loaded(Box::new(session.clone()), at));
    assert!(asked.is_empty(), "a report asked for {asked:?}");
}

fn on(board: Board) -> PresentState {
    let mut s = state(&example_icpc());
    key(
        &mut s,
        KeyCode::Char(char::from(b'0' + board.number() as u8)),
    );
    assert_eq!(s.board(), board);
    s
}

#[test]
fn each_board_at_a_small_and_a_projector_size() {
    for board in Board::ALL {
        let s = on(board);
        for (w, h) in [(80, 24), (200, 60)] {
            let name = format!("present_{}_{w}x{h}", board.short_title().to_lowercase());
            insta::assert_snapshot!(name, screen(&s, w, h));
        }
    }
}

#[test]
fn help_overlay() {
    let mut s = on(Board::Map);
    key(&mut s, KeyCode::Char('?'));
    insta::assert_snapshot!("present_help_80x24", screen(&s, 80, 24));
}

/// Restricted items, each word marked so any visible fragment gives it away.
fn with_marked_restricted(mut s: Session) -> Session {
    for column in Column::ALL {
        let id = s.new_item_id();
        s.map_items.insert(
            0,
            MapItem {
                id,
                column: *column,
                text: "Qzxv Qzxvpolice Qzxvintelligence Qzxv Qzxvabout Qzxvthe Qzxvfamily".into(),
                said_by: None,
                children: s.all_child_ids(),
                tag: Tag::Danger,
                restricted: true,
                from_last_conference: false,
            },
        );
    }
    s
}

/// Whitespace and box lines collapsed, so text wrapped over lines can be
/// searched for as one phrase.
fn flattened(screen: &str) -> String {
    screen
        .replace(['│', '╭', '╮', '╰', '╯', '─', '•'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn no_restricted_text_on_any_board_at_any_size() {
    let sessions = [
        with_marked_restricted(example_icpc()),
        with_marked_restricted(example_review()),
    ];
    let mut sizes = vec![
        (1, 1),
        (20, 10),
        (250, 80),
        (80, 24),
        (200, 60),
        (39, 11),
        (40, 12),
    ];
    for w in (20..=250).step_by(33) {
        for h in (10..=80).step_by(14) {
            sizes.push((w, h));
        }
    }
    for session in &sessions {
        let restricted: Vec<String> = session
            .map_items
            .iter()
            .filter(|m| m.restricted)
            .map(|m| m.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert!(restricted.len() >= 4);
        // At the level of the state: nothing restricted is kept at all.
        let view = FamilyView::of(session);
        let kept = format!("{view:?}");
        for text in &restricted {
            assert!(!kept.contains(text.as_str()), "the view kept {text:?}");
        }
        assert!(!kept.contains("Qzxv"));
        let shared = session.map_items.iter().filter(|m| !m.restricted).count();
        let shown: usize = view.columns.iter().map(|c| c.items.len()).sum();
        assert_eq!(shown, shared);

        let mut s = state(session);
        for board in Board::ALL {
            key(
                &mut s,
                KeyCode::Char(char::from(b'0' + board.number() as u8)),
            );
            for scroll in [0u16, 40] {
                // `j` scrolls down a line; the board key started at the top.
                for _ in s.scroll()..scroll {
                    key(&mut s, KeyCode::Char('j'));
                }
                assert_eq!(s.scroll(), scroll);
                for &(w, h) in &sizes {
                    let text = screen(&s, w, h);
                    assert!(!text.contains("Qzxv"), "{board:?} {w}x{h}:\n{text}");
                    let flat = flattened(&text);
                    for r in &restricted {
                        assert!(!flat.contains(r.as_str()), "{board:?} {w}x{h} shows {r:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn the_map_shows_shared_items_and_the_childs_voice() {
    let session = example_icpc();
    let s = on(Board::Map);
    let flat = flattened(&screen(&s, 200, 60));
    let first = session
        .map_items
        .iter()
        .find(|m| !m.restricted && m.column == Column::WorkingWell)
        .expect("a shared item");
    let words: Vec<&str> = first.text.split_whitespace().take(6).collect();
    assert!(flat.contains(&words.join(" ")), "{flat}");
    assert!(flat.contains("The child's voice"));
}

#[test]
fn too_small_says_what_it_needs_and_never_panics() {
    let s = on(Board::Scaling);
    for w in 1..45 {
        for h in 1..14 {
            let text = screen(&s, w, h);
            if (w < 40 || h < 12) && w >= 20 && h >= 4 {
                assert!(
                    flattened(&text).contains("terminal too small"),
                    "{w}x{h}: {text}"
                );
            }
        }
    }
    assert!(!flattened(&screen(&s, 60, 12)).contains("terminal too small"));
    assert!(flattened(&screen(&s, 39, 20)).contains("need 40 x 12"));
}

#[test]
fn follows_the_chair_until_a_board_is_chosen() {
    let mut session = example_icpc();
    let at = moment("2026-11-09T12:00:00+00:00");
    let mut s = state(&session);
    assert!(s.following());
    for (stage, board) in [
        (Stage::Map, Board::Map),
        (Stage::Scaling, Board::Scaling),
        (Stage::DangerStatements, Board::Dangers),
        (Stage::SafetyGoals, Board::Goals),
    ] {
        session.stage_visits.push(StageVisit {
            stage,
            started_at: at,
            ended_at: None,
        });
        loaded(&mut s, &session, at);
        assert_eq!(s.board(), board);
    }
    key(&mut s, KeyCode::Char(']'));
    assert_eq!(s.board(), Board::Scaling);
    assert!(!s.following());
    session.stage_visits.push(StageVisit {
        stage: Stage::Map,
        started_at: at,
        ended_at: None,
    });
    loaded(&mut s, &session, at);
    assert_eq!(s.board(), Board::Scaling, "a chosen board stays");
    key(&mut s, KeyCode::Char('a'));
    assert_eq!(s.board(), Board::Map);
    key(&mut s, KeyCode::Tab);
    assert_eq!(s.board(), Board::Goals);
    key(&mut s, KeyCode::Char('['));
    key(&mut s, KeyCode::Char('['));
    assert_eq!(s.board(), Board::Dangers);
    key(&mut s, KeyCode::Char('['));
    assert_eq!(s.board(), Board::Scaling);
}

#[test]
fn a_failed_load_keeps_the_last_good_board_with_a_quiet_note() {
    let session = example_icpc();
    let mut s = state(&session);
    let before = s.view().clone();
    assert!(
        s.update(Msg::LoadFailed(
            "cannot open x.json: the JSON stops early".into()
        ))
        .is_empty()
    );
    assert_eq!(s.view(), &before);
    let text = screen(&s, 100, 30);
    assert!(text.contains("latest save unreadable"), "{text}");
    loaded(&mut s, &session, moment("2026-11-09T12:00:00+00:00"));
    assert!(s.load_error().is_none());
    assert!(
        s.changed_at() == moment("2026-11-09T11:52:07+00:00"),
        "unchanged content keeps its time"
    );
}

#[test]
fn quit_keys() {
    let mut s = state(&example_icpc());
    let quit = |s: &mut PresentState, code, mods| s.update(Msg::Key(KeyEvent::new(code, mods)));
    assert_eq!(
        quit(&mut s, KeyCode::Char('q'), KeyModifiers::NONE),
        vec![Effect::Quit]
    );
    assert_eq!(
        quit(&mut s, KeyCode::Char('c'), KeyModifiers::CONTROL),
        vec![Effect::Quit]
    );
    assert_eq!(quit(&mut s, KeyCode::Char('x'), KeyModifiers::NONE), vec![]);
    // Over the help, q still quits; any other key only closes the help.
    key(&mut s, KeyCode::Char('?'));
    assert!(s.help_open());
    assert_eq!(key(&mut s, KeyCode::Char('x')), vec![]);
    assert!(!s.help_open());
    key(&mut s, KeyCode::Char('?'));
    assert_eq!(key(&mut s, KeyCode::Char('q')), vec![Effect::Quit]);
}

#[test]
fn a_changed_file_is_read_again_and_a_failed_read_is_noted() {
    let mut session = example_icpc();
    let mut s = state(&session);
    assert_eq!(s.update(Msg::FileChanged), vec![Effect::Reload]);
    session.setup.family_reference = "FAM9999".into();
    let at = moment("2026-11-09T12:05:00+00:00");
    loaded(&mut s, &session, at);
    assert_eq!(s.view().family_reference, "FAM9999");
    assert_eq!(s.changed_at(), at, "changed content takes the new time");
    s.update(Msg::LoadFailed(
        "cannot open x.json: the JSON stops early".into(),
    ));
    assert_eq!(
        s.load_error(),
        Some("cannot open x.json: the JSON stops early")
    );
    assert_eq!(s.view().family_reference, "FAM9999");
}

#[test]
fn a_long_board_says_how_far_it_scrolls() {
    let mut s = on(Board::Dangers);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    let mut furthest = 0;
    term.draw(|f| furthest = cpconf::present::draw_measured(f, &s))
        .expect("draw");
    assert!(furthest > 0, "the danger statements do not fit at 80x24");
    for _ in 0..usize::from(furthest) + 50 {
        key(&mut s, KeyCode::Char('j'));
    }
    assert_eq!(s.scroll(), furthest + 50);
    let end = screen(&s, 80, 24);
    assert!(end.contains("more above"), "{end}");
    assert!(!end.contains("more below"), "{end}");
    // The loop reports how far the frame could scroll: the state keeps
    // within it, so one `k` moves up at once...
    assert!(s.update(Msg::Measured(furthest)).is_empty());
    assert_eq!(s.scroll(), furthest);
    assert_eq!(
        screen(&s, 80, 24),
        end,
        "scrolling past the end shows the end"
    );
    key(&mut s, KeyCode::Char('k'));
    assert_eq!(s.scroll(), furthest - 1);
    assert_ne!(screen(&s, 80, 24), end);
}
