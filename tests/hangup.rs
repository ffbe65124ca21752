//! Closing the terminal window (the pty's other end goes away) must save
//! and end cpconf, releasing the session for the next window. crossterm
//! alone would spin forever on the dead terminal (crossterm-rs/crossterm#793).
//!
//! The terminal's output is deliberately never read here: when the window
//! closes, nothing reads it either.

mod pty;

use std::io::Write;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use pty::{PATIENCE, Sandbox, binary};

fn wait_for(what: &str, check: impl Fn() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(start.elapsed() < PATIENCE, "gave up waiting for {what}");
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn closing_the_window_saves_what_was_typed_and_ends_cpconf() {
    let sb = Sandbox::new();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(binary());
    cmd.args(["new", "--dir", "sessions"]);
    cmd.cwd(sb.root.path());
    cmd.env_remove("CPCONF_SESSIONS");
    for (k, v) in sb.env() {
        cmd.env(k, v);
    }
    let mut child = pair.slave.spawn_command(cmd).expect("spawn cpconf");
    drop(pair.slave);
    let mut keyboard = pair.master.take_writer().expect("pty writer");

    let sessions = sb.sessions();
    let session_file = || {
        std::fs::read_dir(&sessions)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "json"))
    };
    wait_for("the new session's file", || session_file().is_some());
    let file = session_file().unwrap();
    let lock = cpconf::storage::lock_path(&file);

    // Down to the chair's name, open it and type; the draft file shows the
    // keys have arrived.
    let drafts = sb.drafts();
    let typed = || {
        std::fs::read_dir(&drafts).ok().is_some_and(|d| {
            d.flatten().any(|e| {
                std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains("Window closer"))
            })
        })
    };
    let start = Instant::now();
    while !typed() {
        assert!(start.elapsed() < PATIENCE, "the typing never arrived");
        // Until the screen is up, keys may be lost: Esc and try again.
        keyboard.write_all(b"\x1b").unwrap();
        thread::sleep(Duration::from_millis(300));
        keyboard.write_all(b"jjjjj\r").unwrap();
        thread::sleep(Duration::from_millis(200));
        keyboard.write_all(b"\x01\x0bWindow closer").unwrap();
        keyboard.flush().unwrap();
        thread::sleep(Duration::from_millis(700));
    }

    // The window closes: every handle on the terminal's other end goes.
    drop(keyboard);
    drop(pair.master);

    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > PATIENCE {
            child.kill().ok();
            panic!("cpconf is still running after its terminal closed");
        }
        thread::sleep(Duration::from_millis(50));
    };
    let _ = status;
    let saved = std::fs::read_to_string(&file).expect("session file");
    assert!(saved.contains("\"chair\": \"Window closer\""), "{saved}");
    assert!(!lock.exists(), "the session is free for the next window");
}
