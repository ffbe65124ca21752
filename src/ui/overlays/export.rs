//! The export menu: which copy, in which format.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::panes::pane_block;
use super::super::text::truncate;
use super::super::theme::Theme;
use super::{centred, clear_with_gutter, hint_line};
use crate::app::keymap::{Command, Context, key_for};
use crate::app::state::ExportMenu;

pub(super) fn draw(f: &mut Frame, area: Rect, menu: &ExportMenu, theme: Theme) {
    let choices = ExportMenu::choices();
    let rect = centred(area, 66, choices.len() as u16 + 6);
    clear_with_gutter(f, area, rect);
    let block = pane_block("Export", true, theme).title_bottom(Line::styled(
        format!(" {} ", hint_line(Context::Export)),
        theme.muted(),
    ));
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let w = inner.width as usize;
    let format = format!("Format  ‹ {} ›", ExportMenu::format_label(menu.format));
    let mut lines = vec![
        Line::styled(truncate(&format, w), theme.title()),
        Line::styled(
            truncate(
                &format!(
                    "{} {} change the format",
                    key_for(Context::Export, Command::Left),
                    key_for(Context::Export, Command::Right)
                ),
                w,
            ),
            theme.muted(),
        ),
        Line::from(""),
    ];
    lines.extend(choices.iter().enumerate().map(|(i, c)| {
        let line = Line::from(truncate(ExportMenu::label(*c), w));
        if i == menu.selected {
            line.style(theme.selected())
        } else {
            line
        }
    }));
    f.render_widget(Paragraph::new(lines), inner);
}
