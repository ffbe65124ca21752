//! Drawing again only the rows that changed, where a pane or box is
//! drawn as lines a row each: a list whose cursor moved (the two items
//! whose highlight moved), and the editor's box (the rows of text a key
//! changed). The rest of the pane or box is the memo's kept cells.

use ratatui::Frame;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{FrameCache, Key, PaneKey, Slot, cells_of, copy_cells, reset_cells, row_ranges};

/// What the editor's box looks like apart from its text: where it is
/// drawn (the cleared rect with its gutter, the box, the text's area),
/// its title and its hints.
#[derive(Clone, PartialEq)]
pub(in crate::ui) struct BoxKey {
    pub cleared: Rect,
    pub inner: Rect,
    pub title: String,
    pub hints: String,
}

pub(super) struct DrawnBox {
    key: BoxKey,
    /// The frame that last showed these cells.
    shown_in: u64,
    /// The cleared rect's cells, row by row.
    cells: Vec<Cell>,
    /// The text's rows as drawn, from the top of the text's area.
    rows: Vec<Line<'static>>,
}

impl PaneKey {
    /// The same pane, place, focus and session: only the cursor moved.
    fn moved_from(&self, other: &PaneKey) -> bool {
        self.rect == other.rect
            && self.focused == other.focused
            && self.revision == other.revision
            && self.pane == other.pane
    }
}

impl FrameCache {
    /// A list pane, kept as `pane` keeps one, with its lines (`lines`,
    /// None for an empty list): when only the cursor moved since the last
    /// frame showed it, only the rows of the lines that differ (the two
    /// items whose highlight moved, or all of them when the list scrolled)
    /// are drawn again over the kept cells, and only they are compared.
    pub(in crate::ui) fn list_pane(
        &mut self,
        f: &mut Frame,
        index: usize,
        key: PaneKey,
        inner: Rect,
        lines: impl FnOnce() -> Option<Vec<Line<'static>>>,
        draw: impl FnOnce(&mut Frame, Option<&[Line<'static>]>),
    ) {
        let (frame, over_last) = (self.frame, self.over_last);
        let rect = key.rect.intersection(f.area());
        // As it was: its kept cells, and no lines built (most frames).
        let unchanged = self
            .slot(Slot::Pane(index))
            .as_ref()
            .is_some_and(|k| matches!(&k.key, Key::Pane(was) if *was == key));
        if unchanged {
            self.pane(f, index, key, |f| draw(f, None));
            return;
        }
        let lines = lines();
        let kept = self.slot(Slot::Pane(index));
        let moved = match (&lines, kept.as_ref()) {
            (Some(_), Some(k)) => {
                matches!(&k.key, Key::Pane(was) if key.moved_from(was))
                    && k.lines.is_some()
                    && k.shown_in + 1 == frame
                    && rect == key.rect
                    // Under the last frame's boxes the kept cells are put
                    // back whole (see `put`): not this way.
                    && over_last.is_none_or(|boxes| boxes.intersection(rect).is_empty())
            }
            _ => false,
        };
        if !moved {
            let reused = self.put(f, Slot::Pane(index), Key::Pane(key), |f| {
                draw(f, lines.as_deref())
            });
            if reused {
                self.reused += 1;
            }
            if let Some(kept) = self.slot(Slot::Pane(index)).as_mut() {
                kept.lines = lines;
            }
            return;
        }
        let (Some(kept), Some(lines)) = (kept.as_mut(), lines) else {
            return;
        };
        kept.shown_in = frame;
        kept.key = Key::Pane(key);
        let buf = f.buffer_mut();
        if over_last.is_none() {
            // A blank buffer: the kept cells first.
            copy_cells(buf, rect, &kept.cells, rect);
        }
        let was = kept.lines.take().unwrap_or_default();
        let changed = redraw_changed_rows(
            buf,
            rect,
            &mut kept.cells,
            inner,
            &was,
            &lines,
            |l, row, buf| {
                crate::ui::panes::draw_lines_in(buf, row, std::slice::from_ref(l));
            },
        );
        kept.lines = Some(lines);
        if over_last.is_some() {
            self.redrawn.extend(changed);
        }
    }

    /// The editor's box when the last frame showed it as it is now but for
    /// its text: its kept cells put back, and only the rows of text that
    /// differ from the kept ones drawn again (typing changes a line or
    /// two of a long note; the rest of the box stays). False, drawing
    /// nothing and handing `rows` back, when the box must be drawn whole
    /// (then `keep_editor_box`).
    pub(in crate::ui) fn editor_box(
        &mut self,
        buf: &mut Buffer,
        key: &BoxKey,
        rows: Vec<Line<'static>>,
        draw_rows: impl Fn(&[Line<'static>], Rect, &mut Buffer),
    ) -> Option<Vec<Line<'static>>> {
        let frame = self.frame;
        let Some(kept) = self
            .editor
            .as_mut()
            .filter(|k| k.key == *key && k.shown_in + 1 == frame)
        else {
            return Some(rows);
        };
        kept.shown_in = frame;
        // The buffer holds the last frame's box but where this frame drew
        // over it: panes drawn afresh, and what lies between the panes (or
        // everything, on a blank buffer). The kept cells put those back.
        let cleared = key.cleared;
        if self.over_last.is_none() {
            copy_cells(buf, cleared, &kept.cells, cleared);
        } else {
            for rect in &self.redrawn {
                copy_cells(buf, cleared, &kept.cells, rect.intersection(cleared));
            }
            for part in uncovered(cleared, &self.pane_rects) {
                copy_cells(buf, cleared, &kept.cells, part);
            }
        }
        let changed = redraw_changed_rows(
            buf,
            cleared,
            &mut kept.cells,
            key.inner,
            &kept.rows,
            &rows,
            |l, row, buf| draw_rows(std::slice::from_ref(l), row, buf),
        );
        kept.rows = rows;
        self.box_rows = Some(changed);
        None
    }

    /// Keeps the editor's box as drawn whole this frame (see `editor_box`).
    pub(in crate::ui) fn keep_editor_box(
        &mut self,
        buf: &Buffer,
        key: BoxKey,
        rows: Vec<Line<'static>>,
    ) {
        self.editor = Some(DrawnBox {
            cells: cells_of(buf, key.cleared),
            key,
            shown_in: self.frame,
            rows,
        });
    }
}

/// Draws again the rows of `inner` whose line in `now` differs from the
/// one in `was` (the lines drawn there last, a row each from the top),
/// blanking each first and keeping its new cells in `kept` (the cells of
/// `rect`); returns those rows, all the screen need compare.
fn redraw_changed_rows(
    buf: &mut Buffer,
    rect: Rect,
    kept: &mut [Cell],
    inner: Rect,
    was: &[Line<'static>],
    now: &[Line<'static>],
    draw: impl Fn(&Line<'static>, Rect, &mut Buffer),
) -> Vec<Rect> {
    let mut changed = Vec::new();
    for (i, y) in (inner.y..inner.bottom()).enumerate() {
        if now.get(i) == was.get(i) {
            continue;
        }
        let row = Rect::new(inner.x, y, inner.width, 1);
        reset_cells(buf, row);
        if let Some(line) = now.get(i) {
            draw(line, row, buf);
        }
        keep_cells(buf, rect, kept, row);
        changed.push(row);
    }
    changed
}

/// The runs of `rect`'s rows that none of `covers` covers, one row each.
fn uncovered(rect: Rect, covers: &[Rect]) -> Vec<Rect> {
    let mut out = Vec::new();
    for y in rect.y..rect.bottom() {
        let mut spans: Vec<(u16, u16)> = covers
            .iter()
            .filter(|c| c.y <= y && y < c.bottom())
            .map(|c| (c.x.max(rect.x), c.right().min(rect.right())))
            .filter(|(a, b)| a < b)
            .collect();
        spans.sort_unstable();
        let mut x = rect.x;
        for (a, b) in spans {
            if a > x {
                out.push(Rect::new(x, y, a - x, 1));
            }
            x = x.max(b);
        }
        if x < rect.right() {
            out.push(Rect::new(x, y, rect.right() - x, 1));
        }
    }
    out
}

/// Copies the `part` of the buffer into the kept cells of `rect` (the
/// reverse of `copy_cells`).
fn keep_cells(buf: &Buffer, rect: Rect, kept: &mut [Cell], part: Rect) {
    for (kept_row, buf_row) in row_ranges(buf.area, rect, part) {
        kept[kept_row].clone_from_slice(&buf.content[buf_row]);
    }
}
