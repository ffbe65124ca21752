//! The help: every key of the contexts active when it was opened, straight
//! from the key table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::panes::pane_block;
use super::super::text::{pad, truncate};
use super::super::theme::Theme;
use super::{centred, clear_with_gutter};
use crate::app::keymap::{Context, bindings_for};

pub fn draw_help(f: &mut Frame, area: Rect, contexts: &[Context], theme: Theme) -> Rect {
    let rect = centred(area, area.width.saturating_sub(2).min(110), area.height);
    let cleared = clear_with_gutter(f, area, rect);
    let block = pane_block("Keys on this screen (any key closes)", true, theme);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let total: usize = contexts
        .iter()
        .map(|c| bindings_for(&[*c]).count() + 2)
        .sum();
    // Two columns when one would run off the bottom and there is the width.
    let columns = if total > inner.height as usize && inner.width >= 76 {
        2
    } else {
        1
    };
    let areas =
        Layout::horizontal(vec![Constraint::Ratio(1, columns); columns as usize]).split(inner);
    let key_w = if columns == 2 { 18 } else { 22 };
    let mut column = 0;
    let mut lines: Vec<Line> = Vec::new();
    let mut used = 0;
    for ctx in contexts {
        let block_len = bindings_for(&[*ctx]).count() + 2;
        if columns == 2 && column == 0 && used > 0 && used + block_len > total.div_ceil(2) + 1 {
            f.render_widget(Paragraph::new(std::mem::take(&mut lines)), areas[0]);
            column = 1;
        }
        let w = areas[column].width as usize;
        lines.push(Line::styled(ctx.title(), theme.title()));
        for b in bindings_for(&[*ctx]) {
            lines.push(Line::from(vec![
                Span::styled(pad(&b.shown(), key_w), theme.key()),
                Span::raw(truncate(b.does, w.saturating_sub(key_w))),
            ]));
        }
        lines.push(Line::raw(""));
        used += block_len;
    }
    f.render_widget(Paragraph::new(lines), areas[column]);
    cleared
}
