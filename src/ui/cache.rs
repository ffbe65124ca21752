//! A memo of drawn panes, so a key redraws only the panes whose picture it
//! changed. Owned by the runtime's loop and passed to `draw_cached`: the
//! app knows nothing of it, and `draw` (what the tests and snapshots use)
//! never reads it. A pane's cells are reused only when everything its
//! drawing reads is the same as when they were drawn; anything else draws
//! it afresh. `tests/it/frame_cache.rs` checks a cached frame equals a
//! fresh `draw` after every one of many random keys.

use std::sync::Arc;

use ratatui::Frame;
use ratatui::buffer::Cell;
use ratatui::layout::Rect;

use crate::app::panes::Pane;
use crate::app::state::{App, Cursor};
use crate::config::{Config, ThemeName};

/// The drawn cells of the panes of the last frames, by pane index.
#[derive(Default)]
pub struct FrameCache {
    /// What every pane's drawing reads besides its own key: a change here
    /// throws away every pane.
    shared: Option<SharedKey>,
    panes: Vec<Option<DrawnPane>>,
    /// Panes of the last frame put back from the memo, not drawn.
    reused: usize,
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
            focused: app.pane() == index && app.overlays().is_empty(),
            cursor: app.cursor(index),
            revision: app.revision(),
        }
    }
}

struct DrawnPane {
    key: PaneKey,
    /// The rect's cells, row by row.
    cells: Vec<Cell>,
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
        if self.shared.as_ref() != Some(&shared) {
            self.panes.clear();
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
    pub(super) fn pane(
        &mut self,
        f: &mut Frame,
        index: usize,
        key: PaneKey,
        draw: impl FnOnce(&mut Frame),
    ) {
        let rect = key.rect.intersection(f.area());
        if rect.is_empty() {
            draw(f);
            return;
        }
        if self.panes.len() <= index {
            self.panes.resize_with(index + 1, || None);
        }
        let buf = f.buffer_mut();
        let width = usize::from(rect.width);
        match &self.panes[index] {
            Some(kept) if kept.key == key => {
                self.reused += 1;
                for (row, y) in (rect.y..rect.bottom()).enumerate() {
                    let at = buf.index_of(rect.x, y);
                    buf.content[at..at + width]
                        .clone_from_slice(&kept.cells[row * width..(row + 1) * width]);
                }
            }
            _ => {
                draw(f);
                let buf = f.buffer_mut();
                let mut cells = Vec::with_capacity(width * usize::from(rect.height));
                for y in rect.y..rect.bottom() {
                    let at = buf.index_of(rect.x, y);
                    cells.extend_from_slice(&buf.content[at..at + width]);
                }
                self.panes[index] = Some(DrawnPane { key, cells });
            }
        }
    }
}
