//! cpconf: the chair's console for a Child Protection Conference.
//!
//! `model` is the conference record and its rules; `storage` reads and writes
//! it; `app` turns keys into changes; `ui` draws the state and never changes
//! it; `runtime` connects them to the real terminal, clock and disk.

pub mod app;
pub mod browser;
pub mod census;
pub mod cli;
pub mod config;
pub mod dates;
pub mod example;
pub mod export;
pub mod generate;
pub mod model;
pub mod present;
pub mod register;
pub mod runtime;
pub mod storage;
pub mod ui;
