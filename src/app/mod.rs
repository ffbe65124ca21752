//! The application state and the one `update` that changes it.

pub mod effect;
pub mod field;
pub mod field_edit;
mod field_meta;
pub mod keymap;
mod outcome;
pub mod panes;
pub mod state;
mod undo;
pub mod update;
