//! The text editor: one line, or notes that grow with what is typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::super::panes::pane_block;
use super::super::theme::Theme;
use super::{centred, clear_with_gutter, hint_line};
use crate::app::keymap::key_for;
use crate::app::keymap::{Command, Context};
use crate::app::state::Editor;

pub(super) fn draw(f: &mut Frame, area: Rect, editor: &Editor, theme: Theme) {
    let w = area.width.saturating_sub(4).min(100);
    let lines = editor.text.lines().len() as u16;
    let h = if editor.multiline() {
        (lines + 6).clamp(8, area.height.saturating_sub(2))
    } else {
        5
    };
    let rect = centred(area, w, h);
    clear_with_gutter(f, area, rect);
    let how = hints(editor);
    let block = pane_block(&editor.title, true, theme)
        .title_bottom(Line::styled(format!(" {how} "), theme.muted()));
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    f.render_widget(&editor.text, inner);
}

/// The table's hints, except where Enter means something else: the next
/// entry of a list being typed straight in, or a new line in notes.
fn hints(editor: &Editor) -> String {
    let key = |cmd| key_for(Context::Editor, cmd);
    if editor.capture.is_some() {
        format!(
            "{} keep, next · {} done (kept)",
            key(Command::Edit),
            key(Command::Back)
        )
    } else if editor.multiline() {
        format!(
            "{} done (kept) · {} new line · {} next field",
            key(Command::Back),
            key(Command::Edit),
            key(Command::NextPane)
        )
    } else {
        hint_line(Context::Editor)
    }
}
