//! The form of one item, opened over its list or grid.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::super::panes::{field_lines, label_width, pane_block};
use super::super::theme::Theme;
use super::{centred, clear_with_gutter};
use crate::app::state::RecordForm;
use crate::ui::words::Shown;

pub(super) fn draw(
    f: &mut Frame,
    area: Rect,
    shown: Shown,
    form: &RecordForm,
    on_top: bool,
    theme: Theme,
) {
    let rect = centred(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    );
    clear_with_gutter(f, area, rect);
    let block = pane_block(&form.title, on_top, theme);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let w = inner.width as usize;
    let lw = label_width(shown.session, &form.fields, w);
    let mut lines = Vec::new();
    let mut selected_at = 0;
    for (n, field) in form.fields.iter().enumerate() {
        if n == form.selected {
            selected_at = lines.len();
        }
        lines.extend(field_lines(
            shown,
            field,
            w,
            lw,
            12,
            n == form.selected,
            theme,
        ));
    }
    // Keep the chosen field in view.
    let room = inner.height as usize;
    let scroll = selected_at.saturating_sub(room.saturating_sub(4));
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
}
