//! A question asked before something that cannot be taken back.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::panes::pane_block;
use super::super::text::wrap;
use super::super::theme::Theme;
use super::{centred, clear_with_gutter};
use crate::app::keymap::{Context, bindings_for};
use crate::app::state::Confirm;

pub(super) fn draw(f: &mut Frame, area: Rect, c: &Confirm, theme: Theme) -> Rect {
    let rect = centred(area, 60, 7);
    let cleared = clear_with_gutter(f, area, rect);
    let block = pane_block("Confirm", true, theme);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let mut lines: Vec<Line> = wrap(&c.question, inner.width as usize)
        .into_iter()
        .map(Line::from)
        .collect();
    // The answers are the question's keys in the table, named from them.
    let mut answers = Vec::new();
    for b in bindings_for(&[Context::Confirm]) {
        answers.push(Span::styled(b.first_key(), theme.key()));
        answers.push(Span::raw(format!(" {}   ", b.does)));
    }
    lines.push(Line::from(answers));
    f.render_widget(Paragraph::new(lines), inner);
    cleared
}
