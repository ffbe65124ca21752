//! What is drawn over a stage, one module per box as in `app::update`:
//! an item's form (`record`), the editor, a picker, a question
//! (`confirm`), the export menu and the help. Each draws its box and the
//! hints on its bottom line, taken from the key table.

mod confirm;
mod editor;
mod export;
mod help;
mod picker;
mod record;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

use super::cache::FrameCache;
use super::theme::Theme;
use crate::app::keymap::{Binding, Context, bindings_for};
use crate::app::state::{App, Overlay};

pub use help::draw_help;

/// `full` is the whole screen, for the help, which needs the room.
/// Returns the smallest rect holding every box drawn (empty with none):
/// nothing beneath is touched outside it.
/// `cache`: the frame's memo, for the editor when it is the only box.
pub fn draw_overlays(
    f: &mut Frame,
    area: Rect,
    full: Rect,
    app: &App,
    theme: Theme,
    cache: Option<&mut FrameCache>,
) -> Rect {
    let mut drawn = Rect::ZERO;
    let mut cache = cache.filter(|_| app.overlays().len() == 1);
    for (i, overlay) in app.overlays().iter().enumerate() {
        let on_top = i + 1 == app.overlays().len();
        let rect = match overlay {
            Overlay::Record(form) => {
                record::draw(f, area, super::words::Shown::of(app), form, on_top, theme)
            }
            Overlay::Editor(editor) => editor::draw(f, area, editor, theme, cache.take()),
            Overlay::Picker(p) => picker::draw(f, area, p, theme),
            Overlay::Confirm(c) => confirm::draw(f, area, c, theme),
            Overlay::Help(contexts) => draw_help(f, full, contexts, theme),
            Overlay::Export(menu) => export::draw(f, area, menu, theme),
            // Asked in the status bar (app::update::stage): no box.
            Overlay::GoTo => Rect::ZERO,
        };
        drawn = if drawn.is_empty() {
            rect
        } else if rect.is_empty() {
            drawn
        } else {
            drawn.union(rect)
        };
    }
    drawn
}

/// A centred box of at most `w` x `h`.
/// A box nearly as big as the area takes all of it, rather than leave
/// slivers of the screen beneath showing round its edges.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = if w + 10 >= area.width { area.width } else { w };
    let h = if h + 4 >= area.height { area.height } else { h };
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clears a popup's box and one column either side of it, so no stray
/// letters of the screen beneath sit against its border. Returns what it
/// cleared: the box draws nothing outside it.
fn clear_with_gutter(f: &mut Frame, within: Rect, rect: Rect) -> Rect {
    let cleared = gutter_rect(within, rect);
    f.render_widget(Clear, cleared);
    cleared
}

/// A box's rect with one column either side of it, inside `within`.
fn gutter_rect(within: Rect, rect: Rect) -> Rect {
    let x = rect.x.saturating_sub(1).max(within.x);
    let right = (rect.x + rect.width + 1).min(within.x + within.width);
    Rect::new(x, rect.y, right - x, rect.height)
}

/// A box's own keys from the key table, as its bottom line shows them:
/// "Enter export · Esc cancel".
fn hint_line(ctx: Context) -> String {
    hint_line_within(ctx, usize::MAX)
}

/// The same within `width` columns: whole hints left out from the one
/// before last back, so the way out (Esc, last) stays and none is cut.
fn hint_line_within(ctx: Context, width: usize) -> String {
    let mut hints: Vec<String> = bindings_for(&[ctx])
        .filter_map(Binding::hint_parts)
        .map(|(key, hint)| {
            if key.is_empty() {
                hint.to_string()
            } else {
                format!("{key} {hint}")
            }
        })
        .collect();
    let fits =
        |h: &[String]| unicode_width::UnicodeWidthStr::width(h.join(" · ").as_str()) <= width;
    while hints.len() > 1 && !fits(&hints) {
        hints.remove(hints.len() - 2);
    }
    hints.join(" · ")
}
