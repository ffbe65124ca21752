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
pub mod crypt;
pub mod dates;
pub mod example;
pub mod export;
pub mod generate;
pub mod keys;
pub mod model;
pub mod present;
pub mod register;
pub mod retention;
pub mod runtime;
pub mod storage;
pub mod ui;

// The integration tests are compiled into the library's own test program
// (`cargo test` builds the library once more for its unit tests anyway;
// a separate test program meant another large crate to build and link
// after the library, on the build's critical path). They use the library
// by name, as an outside program would.
#[cfg(test)]
extern crate self as cpconf;
#[cfg(test)]
#[path = "../tests/it/main.rs"]
mod it;
#[cfg(test)]
use it::{pty, support};
