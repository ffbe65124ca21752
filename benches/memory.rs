//! Resident memory with a large session open, as the chair would have it
//! after a long meeting: load a generated session from disk, draw it, then
//! make `--edits` undoable edits (map item texts, and one edit in five to a
//! 50 KB note), drawing after each key. Prints VmRSS and VmHWM from
//! /proc/self/status at each step.
//!
//! `cargo run --release -p cpconf-bench --bin memory [-- --size L --edits 600]`

// A measuring tool, not the program: a failed unwrap stops the run.
#![allow(clippy::unwrap_used)]

use chrono::DateTime;
use clap::Parser;
use cpconf::app::keymap::Context;
use cpconf::app::state::{Access, App};
use cpconf::app::update::Msg;
use cpconf::generate::{Size, write_sessions};
use cpconf::model::Stage;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Parser)]
struct Args {
    #[arg(long, default_value = "L")]
    size: Size,
    /// Undoable edits to make (the undo history keeps up to 500).
    #[arg(long, default_value_t = 600)]
    edits: usize,
}

fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn report(step: &str) {
    println!(
        "{step:<44} VmRSS {:>7.1} MB   VmHWM {:>7.1} MB",
        status_kb("VmRSS:") as f64 / 1024.0,
        status_kb("VmHWM:") as f64 / 1024.0
    );
}

fn key(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn main() {
    let args = Args::parse();
    report("start");
    let dir = std::env::temp_dir().join(format!("cpconf-memory-{}", std::process::id()));
    let file = write_sessions(&dir, args.size, 1).unwrap().remove(0);
    let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    // The generator's own copy is gone by now; what follows is what cpconf holds.
    report(&format!(
        "session written ({:.1} MB file)",
        bytes as f64 / 1e6
    ));
    let loaded = cpconf::storage::load(&file).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00+00:00").unwrap();
    let mut app = App::new(loaded.session, Access::Edit, now);
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    term.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
    report("loaded and drawn");

    for i in 0..args.edits {
        if i % 5 == 4 {
            // Edit the bottom lines (a 50 KB note) at stage 6.
            app.update(Msg::GoToStage(Stage::SafetyGoals));
            for _ in 0..4 {
                if app.contexts().first() == Some(&Context::Form) {
                    break;
                }
                key(&mut app, KeyCode::Tab);
            }
            for code in [KeyCode::Enter, KeyCode::Char('x'), KeyCode::Esc] {
                key(&mut app, code);
                term.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
            }
        } else {
            app.update(Msg::GoToStage(Stage::Map));
            for code in [
                KeyCode::Enter,
                KeyCode::Enter,
                KeyCode::Char('x'),
                KeyCode::Esc,
                KeyCode::Esc,
                KeyCode::Down,
            ] {
                key(&mut app, code);
                term.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
            }
        }
        if (i + 1) % 100 == 0 {
            report(&format!("after {} edits", i + 1));
        }
    }
    println!(
        "revision {} (edits that reached the undo history)",
        app.revision()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
