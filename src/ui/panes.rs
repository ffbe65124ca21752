//! Drawing the three kinds of pane: forms, lists and grids. Only the rows
//! that fit are built, so long sessions draw as fast as short ones.

use std::collections::HashMap;

use crate::ui::words::Shown;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::rows::record_lines;
use super::text::{pad, plain_ascii, truncate, wrap, wrap_at_most};
use super::theme::Theme;
use crate::app::field::{Field, FieldKind};
use crate::app::field_edit::display;
use crate::app::panes::{ListKind, Pane, PaneContent, list_key_refs, list_len};
use crate::app::state::App;
use crate::model::*;

mod grid;
use grid::draw_grid;
pub use grid::{grid_row_at, outcome_short};

pub fn pane_block(title: &str, focused: bool, theme: Theme) -> Block<'static> {
    let marker = if focused { "▶ " } else { "" };
    Block::bordered()
        .title(Span::styled(format!(" {marker}{title} "), theme.title()))
        .border_style(if focused {
            theme.focused_border()
        } else {
            theme.border()
        })
}

/// Draws lines from the top of `area`, each cut at the area's width: what
/// `Paragraph::new(lines)` draws (left-aligned, unwrapped) and what
/// `Buffer::set_line` draws, without their per-character work for plain
/// ASCII text. Painting text was the largest share of a full screen.
pub fn draw_lines(f: &mut Frame, area: Rect, lines: &[Line]) {
    draw_lines_in(f.buffer_mut(), area, lines);
}

/// `draw_lines` into a buffer.
pub fn draw_lines_in(buf: &mut Buffer, area: Rect, lines: &[Line]) {
    let area = area.intersection(buf.area);
    for (y, line) in (area.y..area.bottom()).zip(lines) {
        debug_assert!(line.alignment.is_none(), "draw_lines is left-aligned only");
        let mut x = area.x;
        for span in &line.spans {
            let room = area.right().saturating_sub(x);
            if room == 0 {
                break;
            }
            let style = line.style.patch(span.style);
            let text = span.content.as_ref();
            if plain_ascii(text) {
                // One byte, one character, one column: no segmentation.
                let n = text.len().min(usize::from(room));
                let at = buf.index_of(x, y);
                for (cell, b) in buf.content[at..at + n].iter_mut().zip(text.bytes()) {
                    cell.set_char(char::from(b)).set_style(style);
                }
                x += n as u16;
            } else {
                x = buf.set_stringn(x, y, text, usize::from(room), style).0;
            }
        }
    }
}

pub fn draw_pane(f: &mut Frame, area: Rect, app: &App, index: usize, pane: &Pane, theme: Theme) {
    draw_pane_with(f, area, app, index, pane, theme, None);
}

/// Whether pane `index` has the focus: it is the chosen pane, with no box
/// over the stage.
pub fn has_focus(app: &App, index: usize) -> bool {
    app.pane() == index && app.overlays().is_empty()
}

/// The area inside a pane's border.
pub fn pane_inner(area: Rect) -> Rect {
    pane_block("", false, Theme::default()).inner(area)
}

/// `draw_pane`, with a list's lines when the caller has them already
/// (`list_lines`).
pub fn draw_pane_with(
    f: &mut Frame,
    area: Rect,
    app: &App,
    index: usize,
    pane: &Pane,
    theme: Theme,
    list: Option<&[Line<'static>]>,
) {
    let focused = has_focus(app, index);
    let count = match &pane.content {
        PaneContent::List(kind) if *kind != ListKind::DecisionChildren => {
            format!(" ({})", list_len(app.session(), kind))
        }
        _ => String::new(),
    };
    // The count matters more than the long form of the title.
    let room = (area.width as usize).saturating_sub(8);
    let title = if pane.title.width() + count.width() <= room {
        format!("{}{count}", pane.title)
    } else {
        format!("{}{count}", pane.short)
    };
    let block = pane_block(&title, focused, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let cursor = app.cursor(index);
    match &pane.content {
        PaneContent::Form(fields) => {
            draw_form(f, inner, Shown::of(app), fields, cursor.row, focused, theme)
        }
        PaneContent::List(kind) => match list {
            Some(lines) => draw_lines(f, inner, lines),
            None => draw_list(f, inner, app, kind, cursor.row, focused, theme),
        },
        PaneContent::Grid(kind) => {
            draw_grid(f, inner, Shown::of(app), *kind, cursor, focused, theme)
        }
    }
}

/// Places a run of variable-height items so the selected one is visible;
/// returns the first item to draw.
pub fn first_visible(heights: impl Fn(usize) -> usize, selected: usize, room: usize) -> usize {
    let mut used = 0;
    let mut first = selected;
    loop {
        used += heights(first);
        if used > room || first == 0 {
            break;
        }
        if used + heights(first - 1) > room {
            break;
        }
        first -= 1;
    }
    first
}

/// One field as label and value lines; multi-line values keep `max_lines`.
/// The label column's width for a set of fields: the longest label, but
/// never more than half the width.
pub fn label_width(s: &Session, fields: &[Field], width: usize) -> usize {
    let longest = fields
        .iter()
        .map(|f| f.label_in(s).width())
        .max()
        .unwrap_or(10);
    longest.min(width / 2).max(6)
}

pub fn field_lines(
    shown: Shown,
    field: &Field,
    width: usize,
    label_width: usize,
    max_lines: usize,
    selected: bool,
    theme: Theme,
) -> Vec<Line<'static>> {
    let s = shown.session;
    let value = display(s, field, shown.categories);
    let label = field.label_in(s);
    // A label that would be cut goes on its own line, with the value
    // indented below it: a cut label can stop meaning anything.
    let stacked = label.width() > label_width;
    let indent = if stacked { 2 } else { label_width + 1 };
    let value_width = width.saturating_sub(indent).max(1);
    let shown = if value.is_empty() {
        match field.kind() {
            FieldKind::PickOne | FieldKind::PickMany => "(none — Enter to choose)".to_string(),
            _ => "·".to_string(),
        }
    } else if field.kind() == FieldKind::Choice {
        format!("‹ {value} ›")
    } else {
        value
    };
    // Only the lines shown are copied out of a long wrapped note.
    let (mut value_lines, total) = wrap_at_most(&shown, value_width, max_lines);
    if field.kind() == FieldKind::Choice {
        keep_closing_mark_with_word(&mut value_lines, value_width);
    }
    if total > max_lines {
        value_lines.truncate(max_lines);
        if let Some(last) = value_lines.last_mut() {
            *last = truncate(&format!("{last} …"), value_width);
        }
    }
    let style = |line: Line<'static>| {
        if selected {
            line.style(theme.selected())
        } else {
            line
        }
    };
    let mut out = Vec::new();
    if stacked {
        for l in wrap(&label, width) {
            out.push(style(Line::styled(l, theme.label())));
        }
    }
    for (i, v) in value_lines.into_iter().enumerate() {
        let head = if stacked {
            " ".repeat(indent)
        } else if i == 0 {
            pad(&label, label_width) + " "
        } else {
            " ".repeat(indent)
        };
        out.push(style(Line::from(vec![
            Span::styled(head, theme.label()),
            Span::raw(v),
        ])));
    }
    out
}

/// A choice wrapped in a narrow column can leave its closing `›` alone on
/// the last line, where it reads as stray punctuation: the last word of the
/// line before moves down to keep it company.
fn keep_closing_mark_with_word(lines: &mut [String], width: usize) {
    let n = lines.len();
    if n < 2 || lines[n - 1].trim() != "›" {
        return;
    }
    let Some((head, word)) = lines[n - 2].trim_end().rsplit_once(' ') else {
        return;
    };
    if !head.trim().is_empty() && head.trim() != "‹" && word.width() + 2 <= width {
        let (head, last) = (head.to_string(), format!("{word} ›"));
        lines[n - 2] = head;
        lines[n - 1] = last;
    }
}

/// The fields of a form that fit, from the first shown, with their lines.
fn visible_fields(
    shown: Shown,
    fields: &[Field],
    area: Rect,
    row: usize,
    focused: bool,
    theme: Theme,
) -> Vec<(usize, Vec<Line<'static>>)> {
    let s = shown.session;
    let width = area.width as usize;
    let lw = label_width(s, fields, width);
    let max_lines = lines_per_value(shown, fields, width, lw, area.height as usize, theme);
    let lines_of = |i: usize, selected: bool| {
        fields
            .get(i)
            .map(|fl| field_lines(shown, fl, width, lw, max_lines, selected, theme))
            .unwrap_or_default()
    };
    let row = row.min(fields.len().saturating_sub(1));
    let first = first_visible(
        |i| lines_of(i, false).len().max(1),
        row,
        area.height as usize,
    );
    let mut out = Vec::new();
    let mut used = 0;
    for i in first..fields.len() {
        if used >= area.height as usize {
            break;
        }
        let lines = lines_of(i, focused && i == row);
        used += lines.len();
        out.push((i, lines));
    }
    out
}

/// A long value shows three lines, so the fields after it stay in view;
/// when the whole form fits in full (a rationale on a big screen), it all
/// shows. The cheap length check spares wrapping long notes that cannot fit.
fn lines_per_value(
    shown: Shown,
    fields: &[Field],
    width: usize,
    lw: usize,
    height: usize,
    theme: Theme,
) -> usize {
    let s = shown.session;
    const SHORT: usize = 3;
    let room = width.saturating_sub(lw + 1).max(1) * height;
    let total: usize = fields
        .iter()
        .map(|f| display(s, f, shown.categories).len())
        .sum();
    if total > room {
        return SHORT;
    }
    let full: usize = fields
        .iter()
        .map(|f| field_lines(shown, f, width, lw, usize::MAX, false, theme).len())
        .sum();
    if full <= height { usize::MAX } else { SHORT }
}

/// Which field of a form pane's inner `area` is at screen row `y`.
pub fn form_row_at(
    shown: Shown,
    fields: &[Field],
    area: Rect,
    row: usize,
    y: u16,
) -> Option<usize> {
    let mut top = area.y;
    // Styles never move a row, so any theme lays the fields out alike.
    for (i, lines) in visible_fields(shown, fields, area, row, false, Theme::default()) {
        let bottom = top + lines.len() as u16;
        if (top..bottom).contains(&y) {
            return Some(i);
        }
        top = bottom;
    }
    None
}

fn draw_form(
    f: &mut Frame,
    area: Rect,
    shown: Shown,
    fields: &[Field],
    row: usize,
    focused: bool,
    theme: Theme,
) {
    let lines: Vec<Line> = visible_fields(shown, fields, area, row, focused, theme)
        .into_iter()
        .flat_map(|(_, l)| l)
        .collect();
    draw_lines(f, area, &lines);
}

/// The items of a list that fit in `area`, from the first shown, each
/// with its lines (one blank line follows each item). Drawing and mouse
/// clicks both use this, so a click lands on what is shown.
fn visible_items(
    shown: Shown,
    kind: &ListKind,
    area: Rect,
    row: usize,
    theme: Theme,
) -> Vec<(usize, Vec<Line<'static>>)> {
    let s = shown.session;
    let keys = list_key_refs(s, kind);
    if keys.is_empty() {
        return Vec::new();
    }
    let width = area.width.saturating_sub(2) as usize;
    let row = row.min(keys.len() - 1);
    // Whole texts when everything fits; a few lines each when it does not.
    let room = area.height as usize;
    let mut total = 0;
    // Each item's lines are built at most once a frame (they were built up
    // to three times: to see if all fit, to place the selection, to draw);
    // the memo is local to this call, so drawing stays a pure function.
    let mut whole: Vec<Vec<Line<'static>>> = Vec::new();
    // Each item takes at least one line and its blank line, so a list
    // longer than the pane cannot fit and is not laid out to find that out.
    let fits = keys.len() <= room
        && keys.iter().enumerate().all(|(i, k)| {
            let lines = record_lines(shown, kind, k, width, i, false, theme);
            total += lines.len() + 1;
            whole.push(lines);
            total <= room
        });
    if fits {
        // Everything shows, from the first item.
        return whole.into_iter().enumerate().collect();
    }
    let compact = |i: usize| record_lines(shown, kind, &keys[i], width, i, true, theme);
    let memo = std::cell::RefCell::new(HashMap::new());
    let height = |i: usize| {
        memo.borrow_mut()
            .entry(i)
            .or_insert_with(|| compact(i))
            .len()
            + 1
    };
    let first = first_visible(height, row, room);
    let mut memo = memo.into_inner();
    let mut out = Vec::new();
    let mut used = 0;
    for i in first..keys.len() {
        if used >= room {
            break;
        }
        // Built once: taken from the memo when placing the selection did.
        let lines = memo.remove(&i).unwrap_or_else(|| compact(i));
        used += lines.len() + 1;
        out.push((i, lines));
    }
    out
}

/// Which row of a list pane's inner `area` is at screen row `y`.
pub fn list_row_at(shown: Shown, kind: &ListKind, area: Rect, row: usize, y: u16) -> Option<usize> {
    let mut top = area.y;
    // Styles never move a row, so any theme lays the items out alike.
    for (i, lines) in visible_items(shown, kind, area, row, Theme::default()) {
        let bottom = top + lines.len() as u16;
        if (top..bottom).contains(&y) {
            return Some(i);
        }
        top = bottom + 1;
    }
    None
}

fn draw_list(
    f: &mut Frame,
    area: Rect,
    app: &App,
    kind: &ListKind,
    row: usize,
    focused: bool,
    theme: Theme,
) {
    if let Some(lines) = list_lines(app, kind, area, row, focused, theme) {
        draw_lines(f, area, &lines);
        return;
    }
    let s = app.session();
    // Only offer `a` where it works.
    let hint = match kind {
        ListKind::DecisionChildren => "No children yet: add them at setup (stage 0).",
        ListKind::Audit => "No changes recorded yet.",
        _ if app.read_only() => "Nothing recorded.",
        ListKind::Addenda if !s.is_finalised() => {
            "None yet: once the record is finalised, changes are added here as dated addenda."
        }
        _ => "Nothing yet: type to add one (Enter after it starts the next).",
    };
    let lines: Vec<Line> = wrap(hint, area.width as usize)
        .into_iter()
        .map(|l| Line::styled(l, theme.muted()))
        .collect();
    f.render_widget(Paragraph::new(lines), area);
}

/// The lines a list draws inside its border, a row each from the top; None
/// for a list with nothing in it (a hint is drawn instead).
pub fn list_lines(
    app: &App,
    kind: &ListKind,
    area: Rect,
    row: usize,
    focused: bool,
    theme: Theme,
) -> Option<Vec<Line<'static>>> {
    let s = app.session();
    let items = visible_items(Shown::of(app), kind, area, row, theme);
    if items.is_empty() {
        return None;
    }
    let row = row.min(list_len(s, kind) - 1);
    let mut lines: Vec<Line> = Vec::new();
    for (i, item) in items {
        let chosen = i == row;
        let marker = if chosen && focused {
            "▌ "
        } else if chosen {
            "│ "
        } else {
            "  "
        };
        for l in item {
            let mut spans = vec![Span::styled(marker, theme.key())];
            spans.extend(l.spans);
            let line = Line::from(spans).style(l.style);
            lines.push(if chosen && focused {
                line.patch_style(theme.selected())
            } else {
                line
            });
        }
        // One blank line between items keeps a column calm to read.
        lines.push(Line::raw(""));
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::keep_closing_mark_with_word;

    fn kept(lines: &[&str], width: usize) -> Vec<String> {
        let mut lines: Vec<String> = lines.iter().map(std::string::ToString::to_string).collect();
        keep_closing_mark_with_word(&mut lines, width);
        lines
    }

    #[test]
    fn a_lone_closing_mark_takes_the_last_word_down() {
        assert_eq!(
            kept(&["‹ Initial (ICPC)", "›"], 17),
            ["‹ Initial", "(ICPC) ›"]
        );
    }

    #[test]
    fn other_wraps_are_left_as_they_are() {
        assert_eq!(kept(&["‹ Initial (ICPC) ›"], 30), ["‹ Initial (ICPC) ›"]);
        assert_eq!(
            kept(&["‹ Review", "(RCPC) ›"], 10),
            ["‹ Review", "(RCPC) ›"]
        );
        // One long word: nothing to move without leaving the mark alone.
        assert_eq!(kept(&["‹ Verylongword", "›"], 14), ["‹ Verylongword", "›"]);
        // A word that would not fit beside the mark stays where it is.
        assert_eq!(kept(&["‹ a abcdefgh", "›"], 9), ["‹ a abcdefgh", "›"]);
    }
}
