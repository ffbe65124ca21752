//! cpconf: the chair's console for a Child Protection Conference.
//!
//! `model` is the conference record and its rules; `storage` reads and writes
//! it; `app` turns keys into changes; `ui` draws the state and never changes
//! it.

pub mod example;
pub mod model;
