//! The integration tests, compiled into the library's test program (see
//! src/lib.rs) so `cargo test` builds and links no other large program.
//! Each file is one module, as it was one test binary before; `support`
//! (driving the app) and `pty` (driving the real binary in a terminal) are
//! shared by all of them, as `crate::support` and `crate::pty`.

// A test unwraps on purpose: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

#[path = "../pty/mod.rs"]
pub(crate) mod pty;
#[path = "../support/mod.rs"]
pub(crate) mod support;

mod aids;
mod british_dates;
mod browser;
mod conference_keys;
mod config;
mod crash;
mod crypt;
mod dates;
mod e2e;
mod edges;
mod effects;
mod examples;
mod exclusion_props;
mod export_browser;
mod export_cli;
mod export_docx;
mod export_golden;
mod export_props;
mod export_tui;
mod fewer_keys;
mod frame_cache;
mod hangup;
mod idle;
mod invitees;
mod key_table;
mod letters;
mod local_rules;
mod lock;
mod mouse;
mod odd_text;
mod paperwork;
mod practice;
mod present;
mod present_boards;
mod properties;
mod readme;
mod retention;
mod review;
mod saver;
mod scenario;
mod signoff;
mod snapshots;
mod stages;
mod storage;
mod textarea_wrap;
mod themes;
mod typing;
mod wording;
