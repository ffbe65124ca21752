//! `cpconf present FILE`: the projector view. A read-only window that
//! follows the live session as the chair's window saves it and shows the
//! whiteboard large and clean: danger statements, the map, safety goals,
//! the scaling chart. Restricted items are dropped when the family-safe
//! `view` is built, so nothing that draws can reach them.

mod boards;
mod draw;
mod runner;
pub(crate) mod state;
pub(crate) mod view;

pub use draw::{MIN_HEIGHT, MIN_WIDTH, draw, draw_measured};
pub use runner::run;
pub use state::{Board, Effect, FOLLOWS, Msg, PresentState};
pub use view::FamilyView;
