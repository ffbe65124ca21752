//! The application state and the one `update` that changes it.

mod distribution;
pub mod drafting;
pub mod effect;
pub mod field;
pub mod field_edit;
mod field_meta;
mod field_owner;
pub mod keymap;
mod outcome;
pub mod panes;
pub mod state;
mod undo;
pub mod update;
