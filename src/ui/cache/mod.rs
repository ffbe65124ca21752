//! A memo of drawn panes, so a key redraws only the panes whose picture it
//! changed. Owned by the runtime's loop and passed to `draw_cached`: the
//! app knows nothing of it, and `draw` (what the tests and snapshots use)
//! never reads it. A pane's cells are reused only when everything its
//! drawing reads is the same as when they were drawn; anything else draws
//! it afresh. `tests/it/frame_cache.rs` checks a cached frame equals a
//! fresh `draw` after every one of many random keys.

use std::sync::Arc;

use ratatui::Frame;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::app::panes::Pane;
use crate::app::state::{App, Cursor};
use crate::config::{Config, ThemeName};

mod rows;
pub(super) use rows::BoxKey;

/// The drawn cells of the panes of the last frames, by pane index.
#[derive(Default)]
pub struct FrameCache {
    /// What every pane's drawing reads besides its own key: a change here
    /// throws away every pane.
    shared: Option<SharedKey>,
    panes: Vec<Option<DrawnPane>>,
    /// Panes of the last frame put back from the memo, not drawn.
    reused: usize,
    /// Counts frames, so a kept pane knows whether it was in the last one.
    frame: u64,
    /// Set while `Screen` draws a frame over the last one rather than on a
    /// blank buffer: where the last frame's boxes covered the panes.
    pub(super) over_last: Option<Rect>,
    /// The panes drawn or copied whole this frame (only drawing over the
    /// last frame keeps them): the screen must send their cells.
    pub(super) redrawn: Vec<Rect>,
    /// Parts of panes the last frame's boxes covered, by pane index, put
    /// back once this frame's boxes are drawn (see `put_back_uncovered`).
    covered: Vec<(Slot, Rect)>,
    /// The agenda sidebar, kept as the panes are.
    sidebar: Option<DrawnPane>,
    /// The editor's box as the last frame drew it, with the text's rows.
    editor: Option<rows::DrawnBox>,
    /// Set when this frame put the editor's box back from the memo: the
    /// rows drawn again, all the screen need look at in the box.
    pub(super) box_rows: Option<Vec<Rect>>,
    /// Drawing over the last frame: where this frame's panes lie. The
    /// screen blanks what lies between them (see `Screen::start_frame`).
    pub(super) pane_rects: Vec<Rect>,
}

/// Where a kept part of the frame is kept.
#[derive(Clone, Copy)]
enum Slot {
    Pane(usize),
    Sidebar,
}

#[derive(Clone, PartialEq)]
enum Key {
    Pane(PaneKey),
    Sidebar(SidebarKey),
}

impl Key {
    fn rect(&self) -> Rect {
        match self {
            Key::Pane(k) => k.rect,
            Key::Sidebar(k) => k.rect,
        }
    }
}

/// What the sidebar's drawing reads besides the shared inputs: its place,
/// the session, the stage, and each stage's time as shown (the clock
/// changes those alone).
#[derive(Clone, PartialEq)]
pub(super) struct SidebarKey {
    rect: Rect,
    revision: u64,
    stage: crate::model::Stage,
    times: Vec<String>,
}

impl SidebarKey {
    pub(super) fn new(app: &App, rect: Rect) -> SidebarKey {
        SidebarKey {
            rect,
            revision: app.revision(),
            stage: app.stage(),
            times: super::chrome::sidebar_times(app),
        }
    }
}

#[derive(Clone, PartialEq)]
struct SharedKey {
    theme: ThemeName,
    read_only: bool,
    /// The rules (category words, headings) by identity: a new config is a
    /// new allocation.
    config: *const Config,
}

/// What one pane's drawing reads: its place and size, what it is, whether
/// it has the focus, its cursor, and the session (by revision: every change
/// to the session bumps it).
#[derive(Clone, PartialEq)]
pub(super) struct PaneKey {
    rect: Rect,
    pane: Pane,
    focused: bool,
    cursor: Cursor,
    revision: u64,
}

impl PaneKey {
    pub(super) fn new(app: &App, index: usize, pane: &Pane, rect: Rect) -> PaneKey {
        PaneKey {
            rect,
            pane: pane.clone(),
            focused: super::panes::has_focus(app, index),
            cursor: app.cursor(index),
            revision: app.revision(),
        }
    }
}

struct DrawnPane {
    key: Key,
    /// The frame that last showed these cells.
    shown_in: u64,
    /// The rect's cells, row by row.
    cells: Vec<Cell>,
    /// A list's lines as drawn inside its border, a row each.
    lines: Option<Vec<Line<'static>>>,
}

impl FrameCache {
    /// Forgets every pane unless the shared inputs are as before.
    pub(super) fn begin(&mut self, app: &App) {
        let shared = SharedKey {
            theme: app.theme(),
            read_only: app.read_only(),
            config: Arc::as_ptr(app.config()),
        };
        self.reused = 0;
        self.frame += 1;
        self.redrawn.clear();
        self.covered.clear();
        self.box_rows = None;
        if self.shared.as_ref() != Some(&shared) {
            self.panes.clear();
            self.sidebar = None;
            self.editor = None;
            self.shared = Some(shared);
        }
    }

    /// How many panes the last frame took from the memo instead of
    /// drawing them (for the tests and the benchmarks).
    pub fn panes_reused(&self) -> usize {
        self.reused
    }

    /// Puts pane `index` in the frame: its kept cells when `key` is the
    /// key they were drawn under, else what `draw` draws (then kept).
    /// Drawn over the last frame (`over_last`), a pane the last frame
    /// showed as it is now needs only the part its boxes covered put back
    /// (once this frame's boxes are drawn: see `put_back_uncovered`); a
    /// pane drawn afresh is cleared first, as a blank frame would be.
    pub(super) fn pane(
        &mut self,
        f: &mut Frame,
        index: usize,
        key: PaneKey,
        draw: impl FnOnce(&mut Frame),
    ) {
        if self.put(f, Slot::Pane(index), Key::Pane(key), draw) {
            self.reused += 1;
        }
    }

    /// The agenda sidebar, kept as a pane is.
    pub(super) fn sidebar(
        &mut self,
        f: &mut Frame,
        key: SidebarKey,
        draw: impl FnOnce(&mut Frame),
    ) {
        self.put(f, Slot::Sidebar, Key::Sidebar(key), draw);
    }

    fn slot(&mut self, slot: Slot) -> &mut Option<DrawnPane> {
        match slot {
            Slot::Pane(index) => {
                if self.panes.len() <= index {
                    self.panes.resize_with(index + 1, || None);
                }
                &mut self.panes[index]
            }
            Slot::Sidebar => &mut self.sidebar,
        }
    }

    /// Puts one kept part in the frame (see `pane`); true when its kept
    /// cells were used.
    fn put(&mut self, f: &mut Frame, slot: Slot, key: Key, draw: impl FnOnce(&mut Frame)) -> bool {
        let rect = key.rect().intersection(f.area());
        if rect.is_empty() {
            draw(f);
            return false;
        }
        let (frame, over_last) = (self.frame, self.over_last);
        let buf = f.buffer_mut();
        let kept = self.slot(slot);
        if let Some(kept) = kept.as_mut().filter(|k| k.key == key) {
            let on_screen = kept.shown_in + 1 == frame;
            kept.shown_in = frame;
            match over_last {
                Some(boxes) if on_screen => {
                    let covered = rect.intersection(boxes);
                    if !covered.is_empty() {
                        self.covered.push((slot, covered));
                    }
                }
                _ => {
                    copy_cells(buf, rect, &kept.cells, rect);
                    if over_last.is_some() {
                        self.redrawn.push(rect);
                    }
                }
            }
            return true;
        }
        if over_last.is_some() {
            reset_cells(buf, rect);
            self.redrawn.push(rect);
        }
        draw(f);
        let cells = cells_of(f.buffer_mut(), rect);
        *self.slot(slot) = Some(DrawnPane {
            key,
            shown_in: frame,
            cells,
            lines: None,
        });
        false
    }

    /// Puts back the parts of unchanged panes the last frame's boxes
    /// covered, except where this frame's `boxes` cover them again (a box
    /// draws nothing outside its rect, so the order does not matter).
    pub(super) fn put_back_uncovered(&mut self, buf: &mut Buffer, boxes: Rect) {
        for (slot, part) in std::mem::take(&mut self.covered) {
            let Some(kept) = self.slot(slot).as_ref() else {
                continue;
            };
            let rect = kept.key.rect().intersection(buf.area);
            for y in part.y..part.bottom() {
                let row = Rect::new(part.x, y, part.width, 1);
                let hidden = row.intersection(boxes);
                if hidden.is_empty() {
                    copy_cells(buf, rect, &kept.cells, row);
                    continue;
                }
                let left = Rect::new(row.x, y, hidden.x - row.x, 1);
                let right = Rect::new(hidden.right(), y, row.right() - hidden.right(), 1);
                copy_cells(buf, rect, &kept.cells, left);
                copy_cells(buf, rect, &kept.cells, right);
            }
        }
    }
}

/// The cells of `rect` in the buffer, row by row: what the memo keeps.
fn cells_of(buf: &Buffer, rect: Rect) -> Vec<Cell> {
    let rect = rect.intersection(buf.area);
    let mut cells = Vec::with_capacity(rect.area() as usize);
    for (_, at) in row_ranges(buf.area, rect, rect) {
        cells.extend_from_slice(&buf.content[at]);
    }
    cells
}

/// Copies the `part` of a pane's kept cells (those of `rect`, row by row)
/// back into the buffer.
fn copy_cells(buf: &mut Buffer, rect: Rect, kept: &[Cell], part: Rect) {
    for (kept_row, buf_row) in row_ranges(buf.area, rect, part) {
        buf.content[buf_row].clone_from_slice(&kept[kept_row]);
    }
}

/// For each row of `part` (cut to `rect`): where it lies in the kept cells
/// of `rect`, row by row, and where in a buffer of `area`.
fn row_ranges(
    area: Rect,
    rect: Rect,
    part: Rect,
) -> impl Iterator<Item = (std::ops::Range<usize>, std::ops::Range<usize>)> {
    let part = part.intersection(rect).intersection(area);
    let width = usize::from(rect.width);
    let (skip, n) = (usize::from(part.x - rect.x), usize::from(part.width));
    (part.y..part.bottom()).map(move |y| {
        let row = usize::from(y - rect.y) * width + skip;
        let at = usize::from(y - area.y) * usize::from(area.width) + usize::from(part.x - area.x);
        (row..row + n, at..at + n)
    })
}

/// Blanks `rect` of the buffer, as a fresh frame starts.
fn reset_cells(buf: &mut Buffer, rect: Rect) {
    let rect = rect.intersection(buf.area);
    for y in rect.y..rect.bottom() {
        let at = buf.index_of(rect.x, y);
        for cell in &mut buf.content[at..at + usize::from(rect.width)] {
            cell.reset();
        }
    }
}
