//! The text editor: one line, or notes that grow with what is typed.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::super::cache::{BoxKey, FrameCache};

use super::super::panes::pane_block;
use super::super::theme::Theme;
use super::{centred, clear_with_gutter, hint_line};
use crate::app::keymap::key_for;
use crate::app::keymap::{Command, Context};
use crate::app::state::Editor;

/// With `cache` (the editor alone over the stage, drawn over the last
/// frame), a box that looks as it did but for its text has only the rows
/// of text that changed drawn again: a key typed into a long note touches
/// a line or two, not the whole box.
pub(super) fn draw(
    f: &mut Frame,
    area: Rect,
    editor: &Editor,
    theme: Theme,
    cache: Option<&mut FrameCache>,
) -> Rect {
    let w = area.width.saturating_sub(4).min(100);
    let lines = editor.text.lines().len() as u16;
    let h = if editor.multiline() {
        (lines + 6).clamp(8, area.height.saturating_sub(2))
    } else {
        5
    };
    let rect = centred(area, w, h);
    let how = hints(editor);
    let block = pane_block(&editor.title, true, theme)
        .title_bottom(Line::styled(format!(" {how} "), theme.muted()));
    let inner = block.inner(rect);
    let (rows, style) = editor.text.rows(inner);
    let draw_rows = |rows: &[Line<'static>], at: Rect, buf: &mut Buffer| {
        editor.text.render_rows(rows, style, at, buf);
    };
    let Some(cache) = cache else {
        let cleared = clear_with_gutter(f, area, rect);
        f.render_widget(block, rect);
        draw_rows(&rows, inner, f.buffer_mut());
        return cleared;
    };
    let key = BoxKey {
        cleared: super::gutter_rect(area, rect),
        inner,
        title: editor.title.clone(),
        hints: how,
    };
    let Some(rows) = cache.editor_box(f.buffer_mut(), &key, rows, draw_rows) else {
        return key.cleared;
    };
    let cleared = clear_with_gutter(f, area, rect);
    f.render_widget(block, rect);
    draw_rows(&rows, inner, f.buffer_mut());
    cache.keep_editor_box(f.buffer_mut(), key, rows);
    cleared
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
