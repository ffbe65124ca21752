//! Putting a session's frames on the terminal, doing only what a key
//! changed. Each frame is drawn over the last one in ratatui's buffer
//! rather than on a blank one: the panes a key left as they were (see
//! `FrameCache`) are neither copied nor compared, and only the cells that
//! could have changed (the sidebar, title and status bar, what lies
//! between the panes, the panes drawn afresh, and the boxes of this frame
//! and the last) are compared with what the terminal shows and sent.
//!
//! `ui::draw` stays the picture: everything here reuses its drawing, and
//! `tests/it/frame_cache.rs` checks what a terminal shows after every
//! random key is exactly a fresh `draw`.

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use super::{FrameCache, MIN_HEIGHT, MIN_WIDTH, frame_areas, stages};
use crate::app::state::App;

/// One window's screen: the memo of its panes, and what the terminal shows.
#[derive(Default)]
pub struct Screen {
    cache: FrameCache,
    /// A copy of the cells the terminal shows (empty before the first frame).
    shown: Buffer,
    /// The cells of this frame that may differ from `shown`, row by row.
    changed: Vec<bool>,
    /// Where the last frame's boxes were drawn over the stage.
    boxes: Rect,
    /// Scratch rows for ratatui's diff.
    was: Buffer,
    now: Buffer,
    /// Cells the last frame compared with what the terminal showed.
    compared: usize,
}

impl Screen {
    /// Draws `app` and sends the terminal what changed, in one flush.
    pub fn present<B: Backend>(
        &mut self,
        term: &mut Terminal<B>,
        app: &App,
    ) -> Result<(), B::Error> {
        term.autoresize()?;
        let area = term.get_frame().area();
        let small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
        let whole = self.shown.area != area || self.shown.area.is_empty() || small;
        if whole && !area.is_empty() && self.shown.area.is_empty() {
            // The terminal may show anything (the session list): clear it,
            // and ratatui's own record of it, to start from a blank screen.
            term.resize(area)?;
        }
        self.start_frame(term.current_buffer_mut(), app, area, whole);
        let boxes = {
            let mut f = term.get_frame();
            let theme = super::Theme::new(app.theme());
            self.cache.begin(app);
            self.cache.over_last = (!whole).then_some(self.boxes);
            super::draw_session(&mut f, app, theme, Some(&mut self.cache))
        };
        self.cache
            .put_back_uncovered(term.current_buffer_mut(), boxes);
        for rect in std::mem::take(&mut self.cache.redrawn) {
            self.mark(rect, true);
        }
        match self.cache.box_rows.take() {
            // The editor's box as the last frame showed it (the same place,
            // its cells put back) but for the rows of text drawn again.
            Some(rows) if !whole && boxes == self.boxes => {
                for row in rows {
                    self.mark(row, true);
                }
            }
            _ => {
                self.mark(self.boxes, true);
                self.mark(boxes, true);
            }
        }
        self.boxes = boxes;
        let updates = self.changes(term.current_buffer_mut());
        let backend = term.backend_mut();
        backend.draw(updates.iter().map(|(x, y, c)| (*x, *y, c)))?;
        if whole {
            term.hide_cursor()?;
        }
        term.backend_mut().flush()
    }

    /// How many cells the last frame compared with the terminal's (the
    /// whole screen for a whole frame), for the tests and the benchmarks.
    pub fn cells_compared(&self) -> usize {
        self.compared
    }

    /// Hands the terminal back for ordinary frames (the session list):
    /// clears it and ratatui's buffers, so the next `draw` is whole.
    pub fn leave<B: Backend>(self, term: &mut Terminal<B>) -> Result<(), B::Error> {
        term.current_buffer_mut().reset();
        let area = term.get_frame().area();
        term.resize(area)
    }

    /// Which cells this frame must look at, and those blanked before
    /// drawing: the parts drawn every frame, or everything.
    fn start_frame(&mut self, buf: &mut Buffer, app: &App, area: Rect, whole: bool) {
        self.changed.clear();
        self.changed.resize(area.area() as usize, whole);
        if whole {
            buf.reset();
            self.shown = Buffer::empty(area);
            self.boxes = Rect::ZERO;
            return;
        }
        let a = frame_areas(area);
        // The sidebar is kept as the panes are (see `FrameCache::sidebar`).
        for rect in [a.title, a.status, a.stage] {
            self.mark(rect, true);
        }
        // The panes keep their cells (the memo redraws those that changed);
        // a place laid out for a pane the stage does not have is drawn.
        let panes = app.panes();
        let layout = stages::stage_layout(app, &panes, a.stage);
        self.cache.pane_rects.clear();
        for (_, rect) in panes.iter().zip(layout.panes) {
            self.mark(rect, false);
            self.cache.pane_rects.push(rect);
        }
        for (cell, changed) in buf.content.iter_mut().zip(&self.changed) {
            if *changed {
                cell.reset();
            }
        }
    }

    fn mark(&mut self, rect: Rect, changed: bool) {
        let rect = rect.intersection(self.shown.area);
        let width = usize::from(self.shown.area.width);
        for y in rect.y..rect.bottom() {
            let at = usize::from(y - self.shown.area.y) * width
                + usize::from(rect.x - self.shown.area.x);
            self.changed[at..at + usize::from(rect.width)].fill(changed);
        }
    }

    /// The cells to send: ratatui's diff of each run of cells that may
    /// have changed against what the terminal shows, which is then
    /// brought up to date.
    fn changes(&mut self, buf: &Buffer) -> Vec<(u16, u16, Cell)> {
        let area = self.shown.area;
        let width = usize::from(area.width);
        // Nearly all of the screen to look at (a new stage): one diff of
        // the whole, as ratatui does it, costs less than taking it run by
        // run. Not at half: the editor's box over the stage is more than
        // half of a large screen and is drawn on every key, and comparing
        // it in place (copying only what changed, reading no widths) took
        // a third off each key typed into a 50 KB note at 200x60.
        let marked = self.changed.iter().filter(|c| **c).count();
        if marked * 10 > self.changed.len() * 9 {
            self.compared = self.changed.len();
            let out = self
                .shown
                .diff(buf)
                .into_iter()
                .map(|(x, y, c)| (x, y, c.clone()))
                .collect();
            self.shown.content.clone_from_slice(&buf.content);
            return out;
        }
        let mut out = Vec::new();
        self.compared = 0;
        for (row, y) in (area.y..area.bottom()).enumerate() {
            let line = &self.changed[row * width..(row + 1) * width];
            let mut x = 0;
            while x < width {
                let Some(start) = line[x..].iter().position(|c| *c).map(|s| x + s) else {
                    break;
                };
                let end = line[start..]
                    .iter()
                    .position(|c| !*c)
                    .map_or(width, |e| start + e);
                let (from, to) = (row * width + start, row * width + end);
                self.compared += end - start;
                x = end;
                // Most runs are as shown: compared in place, nothing copied.
                let (now, was) = (&buf.content[from..to], &self.shown.content[from..to]);
                let Some(first) = now.iter().zip(was).position(|(n, w)| n != w) else {
                    continue;
                };
                let last = now
                    .iter()
                    .zip(was)
                    .rposition(|(n, w)| n != w)
                    .unwrap_or(first);
                // Only the cells from the first change to the last go to the
                // diff, with one cell before and two after, so that it sees a
                // wide character (two cells) whole on either side.
                let lo = from + first.saturating_sub(1);
                let hi = (from + last + 3).min(to);
                let part = Rect::new(area.x + (lo - row * width) as u16, y, (hi - lo) as u16, 1);
                self.was.area = part;
                self.was.content.clear();
                self.was
                    .content
                    .extend_from_slice(&self.shown.content[lo..hi]);
                self.now.area = part;
                self.now.content.clear();
                self.now.content.extend_from_slice(&buf.content[lo..hi]);
                out.extend(
                    self.was
                        .diff(&self.now)
                        .into_iter()
                        .map(|(x, y, c)| (x, y, c.clone())),
                );
                self.shown.content[lo..hi].clone_from_slice(&buf.content[lo..hi]);
            }
        }
        out
    }
}
