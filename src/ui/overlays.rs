//! What is drawn over a stage: an item's form, the editor, a picker, a
//! question, the help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::panes::{field_lines, pane_block};
use super::text::{truncate, wrap};
use super::theme::Theme;
use crate::app::keymap::{Context, bindings_for};
use crate::app::state::{App, Overlay};

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
/// letters of the screen beneath sit against its border.
fn clear_with_gutter(f: &mut Frame, within: Rect, rect: Rect) {
    let x = rect.x.saturating_sub(1).max(within.x);
    let right = (rect.x + rect.width + 1).min(within.x + within.width);
    f.render_widget(Clear, Rect::new(x, rect.y, right - x, rect.height));
}

/// `full` is the whole screen, for the help, which needs the room.
pub fn draw_overlays(f: &mut Frame, area: Rect, full: Rect, app: &App, theme: Theme) {
    for (i, overlay) in app.overlays().iter().enumerate() {
        let on_top = i + 1 == app.overlays().len();
        match overlay {
            Overlay::Record(form) => {
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
                let lw = super::panes::label_width(app.session(), &form.fields, w);
                let mut lines = Vec::new();
                let mut selected_at = 0;
                for (n, field) in form.fields.iter().enumerate() {
                    if n == form.selected {
                        selected_at = lines.len();
                    }
                    lines.extend(field_lines(
                        app.session(),
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
            Overlay::Editor(editor) => {
                let w = area.width.saturating_sub(4).min(100);
                let lines = editor.text.lines().len() as u16;
                let h = if editor.multiline() {
                    (lines + 6).clamp(8, area.height.saturating_sub(2))
                } else {
                    5
                };
                let rect = centred(area, w, h);
                clear_with_gutter(f, area, rect);
                let how = if editor.capture.is_some() {
                    "Enter keep, next · Esc done (kept)".to_string()
                } else if editor.multiline() {
                    "Esc done (kept) · Enter new line · Tab next field".to_string()
                } else {
                    hint_line(Context::Editor)
                };
                let block = pane_block(&editor.title, true, theme)
                    .title_bottom(Line::styled(format!(" {how} "), theme.muted()));
                let inner = block.inner(rect);
                f.render_widget(block, rect);
                f.render_widget(&editor.text, inner);
            }
            Overlay::Picker(p) => {
                let h = (p.options.len() as u16 + 5).min(area.height);
                let rect = centred(area, 60, h);
                clear_with_gutter(f, area, rect);
                let how = format!(" {} ", hint_line(Context::Picker));
                let block = pane_block(&p.title, true, theme)
                    .title_bottom(Line::styled(how, theme.muted()));
                let inner = block.inner(rect);
                f.render_widget(block, rect);
                let w = inner.width as usize;
                let [find, list] =
                    Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
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
            }
            Overlay::Confirm(c) => {
                let rect = centred(area, 60, 7);
                clear_with_gutter(f, area, rect);
                let block = pane_block("Confirm", true, theme);
                let inner = block.inner(rect);
                f.render_widget(block, rect);
                let mut lines: Vec<Line> = wrap(&c.question, inner.width as usize)
                    .into_iter()
                    .map(Line::from)
                    .collect();
                let mut answers = Vec::new();
                for b in bindings_for(&[Context::Confirm]) {
                    answers.push(Span::styled(b.first_key(), theme.key()));
                    answers.push(Span::raw(format!(" {}   ", b.does)));
                }
                lines.push(Line::from(answers));
                f.render_widget(Paragraph::new(lines), inner);
            }
            Overlay::Help(contexts) => draw_help(f, full, contexts, theme),
            Overlay::Export(menu) => {
                let options = crate::app::state::ExportMenu::options();
                let rect = centred(area, 66, options.len() as u16 + 4);
                clear_with_gutter(f, area, rect);
                let block = pane_block("Export", true, theme).title_bottom(Line::styled(
                    format!(" {} ", hint_line(Context::Export)),
                    theme.muted(),
                ));
                let inner = block.inner(rect);
                f.render_widget(block, rect);
                let w = inner.width as usize;
                let lines: Vec<Line> = options
                    .iter()
                    .enumerate()
                    .map(|(i, (c, fmt))| {
                        let line = Line::from(truncate(
                            &crate::app::state::ExportMenu::label(*c, *fmt),
                            w,
                        ));
                        if i == menu.selected {
                            line.style(theme.selected())
                        } else {
                            line
                        }
                    })
                    .collect();
                f.render_widget(Paragraph::new(lines), inner);
            }
        }
    }
}

/// A box's own keys from the key table, as its bottom line shows them:
/// "Enter export · Esc cancel".
fn hint_line(ctx: Context) -> String {
    bindings_for(&[ctx])
        .filter_map(crate::app::keymap::Binding::hint_parts)
        .map(|(key, hint)| {
            if key.is_empty() {
                hint.to_string()
            } else {
                format!("{key} {hint}")
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn draw_help(f: &mut Frame, area: Rect, contexts: &[Context], theme: Theme) {
    let rect = centred(area, area.width.saturating_sub(2).min(110), area.height);
    clear_with_gutter(f, area, rect);
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
                Span::styled(super::text::pad(&b.shown(), key_w), theme.key()),
                Span::raw(truncate(b.does, w.saturating_sub(key_w))),
            ]));
        }
        lines.push(Line::raw(""));
        used += block_len;
    }
    f.render_widget(Paragraph::new(lines), areas[column]);
}
