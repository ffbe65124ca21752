//! The vendored ratatui-textarea keeps each line's wrapped rows between
//! frames and wraps again only the lines whose text changed (see
//! vendor/ratatui-textarea/Cargo.toml). Here a text area edited key by key
//! must draw, and move its cursor up and down, exactly as a fresh text area
//! holding the same text, which wraps every line from scratch.

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

#[derive(Debug, Clone)]
enum Edit {
    Type(char),
    Newline,
    Backspace,
    Delete,
    Move(CursorMove),
    Width(u16),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => prop::sample::select(vec!['a', 'b', ' ', 'é', '子', '🙂', '-', '\t', 'ي'])
            .prop_map(Edit::Type),
        1 => Just(Edit::Newline),
        2 => Just(Edit::Backspace),
        1 => Just(Edit::Delete),
        3 => prop::sample::select(vec![
            CursorMove::Up,
            CursorMove::Down,
            CursorMove::Back,
            CursorMove::Forward,
            CursorMove::Head,
            CursorMove::End,
            CursorMove::WordForward,
        ])
        .prop_map(Edit::Move),
        1 => (4u16..30).prop_map(Edit::Width),
    ]
}

fn area(width: u16) -> Rect {
    // Tall enough that nothing scrolls: both text areas show every row.
    Rect::new(0, 0, width, 120)
}

fn draw(textarea: &TextArea<'_>, width: u16) -> Buffer {
    let mut buffer = Buffer::empty(area(width));
    textarea.render(area(width), &mut buffer);
    buffer
}

/// A text area that has never been drawn, holding the same text with the
/// cursor in the same place.
fn fresh(edited: &TextArea<'_>, mode: WrapMode) -> TextArea<'static> {
    let mut textarea = TextArea::new(edited.lines().to_vec());
    textarea.set_wrap_mode(mode);
    let ratatui_textarea::DataCursor(row, col) = edited.cursor();
    textarea.move_cursor(CursorMove::Jump(row as u16, col as u16));
    textarea
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn kept_rows_draw_and_move_as_a_fresh_wrap(
        start in prop::collection::vec("[a-z 子é]{0,40}", 1..5),
        mode in prop::sample::select(vec![WrapMode::WordOrGlyph, WrapMode::Word, WrapMode::Glyph]),
        edits in prop::collection::vec(edit(), 1..60),
    ) {
        let mut width = 17u16;
        let mut textarea = TextArea::new(start);
        textarea.set_wrap_mode(mode);
        draw(&textarea, width);
        for (i, e) in edits.iter().enumerate() {
            match e {
                Edit::Type(c) => textarea.insert_char(*c),
                Edit::Newline => textarea.insert_newline(),
                Edit::Backspace => { textarea.delete_char(); }
                Edit::Delete => { textarea.delete_next_char(); }
                Edit::Move(m) => textarea.move_cursor(*m),
                Edit::Width(w) => width = *w,
            }
            let drawn = draw(&textarea, width);
            let other = fresh(&textarea, mode);
            prop_assert_eq!(&drawn, &draw(&other, width), "drawn after edit {} ({:?})", i, e);
            // Up and down move by screen row, through the kept maps.
            for step in [CursorMove::Down, CursorMove::Up] {
                let (mut a, mut b) = (textarea.clone(), other.clone());
                a.move_cursor(step);
                b.move_cursor(step);
                prop_assert_eq!(a.cursor(), b.cursor(), "{:?} after edit {} ({:?})", step, i, e);
            }
        }
    }
}
