//! A picker: who said it, which children, the core group.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::panes::pane_block;
use super::super::text::truncate;
use super::super::theme::Theme;
use super::{centred, clear_with_gutter, hint_line_within};
use crate::app::keymap::Context;
use crate::app::state::Picker;

pub(super) fn draw(f: &mut Frame, area: Rect, p: &Picker, theme: Theme) -> Rect {
    let h = (p.options.len() as u16 + 5).min(area.height);
    let rect = centred(area, 60, h);
    let cleared = clear_with_gutter(f, area, rect);
    // The bottom border's room, less its corners and a space either side.
    let room = usize::from(rect.width).saturating_sub(4);
    let how = format!(" {} ", hint_line_within(Context::Picker, room));
    let block = pane_block(&p.title, true, theme).title_bottom(Line::styled(how, theme.muted()));
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let w = inner.width as usize;
    let [find, list] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    let finding = if p.filter.is_empty() {
        Line::styled("type to find a name", theme.muted())
    } else {
        Line::from(truncate(&format!("find: {}▏", p.filter), w))
    };
    f.render_widget(Paragraph::new(finding), find);
    let room = list.height as usize;
    let first = p.selected.saturating_sub(room.saturating_sub(1));
    let lines: Vec<Line> = p
        .visible()
        .into_iter()
        .enumerate()
        .skip(first)
        .take(room)
        .map(|(i, o)| {
            let ticked = p.chosen.contains(&o.key)
                || (!p.multi
                    && o.key.is_empty()
                    && p.chosen.iter().all(std::string::String::is_empty));
            let mark = match (p.multi, ticked) {
                (true, true) => "[x] ",
                (true, false) => "[ ] ",
                (false, true) => "(•) ",
                (false, false) => "( ) ",
            };
            let line = Line::from(truncate(&format!("{mark}{}", o.label), w));
            if i == p.selected {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list);
    cleared
}
