//! Closing the terminal window (the pty's other end goes away) must save
//! and end cpconf, releasing the session for the next window. crossterm
//! alone would spin forever on the dead terminal (crossterm-rs/crossterm#793).
//!
//! The terminal's output is read only until the first screen is up, so
//! the keys land where they are meant to; after that it is deliberately
//! left unread: when the window closes, nothing reads it either.

use crate::pty;

use std::io::{Read, Write};
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
    // Keys sent before cpconf reads the keyboard can be lost or land in the
    // wrong place: wait for the setup form, then stop reading.
    let mut screen = pair.master.try_clone_reader().expect("pty reader");
    let (up, screen_is_up) = std::sync::mpsc::channel();
    thread::spawn(move || {
        let mut parser = vt100::Parser::new(pty::nonzero(24), pty::nonzero(80), 0);
        let mut buf = [0u8; 4096];
        while let Ok(n) = screen.read(&mut buf) {
            if n == 0 {
                return;
            }
            parser.process(&buf[..n]);
            if parser.screen().contents().contains("Family reference") {
                let _ = up.send(());
                return;
            }
        }
    });
    screen_is_up
        .recv_timeout(PATIENCE)
        .expect("the setup screen never showed");

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

    // Down to the chair's name and type; the draft file shows the
    // keys have arrived in that field.
    keyboard
        .write_all(b"\x1b[B\x1b[B\x1b[B\x1b[B\x1b[B")
        .unwrap();
    keyboard.flush().unwrap();
    thread::sleep(Duration::from_millis(200));
    // Typing on the field starts editing it: no key to open it first.
    keyboard.write_all(b"Window closer").unwrap();
    keyboard.flush().unwrap();
    let drafts = sb.drafts();
    wait_for("the typing, in the chair's field", || {
        std::fs::read_dir(&drafts).ok().is_some_and(|d| {
            d.flatten().any(|e| {
                let draft = std::fs::read(e.path())
                    .map(|raw| sb.decrypt(raw, &e.path()))
                    .unwrap_or_default();
                let draft: serde_json::Value = serde_json::from_slice(&draft).unwrap_or_default();
                draft["text"] == "Window closer"
                    && draft["field"]
                        .as_str()
                        .is_some_and(|f| f.ends_with("Chair"))
            })
        })
    });

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
    let saved = sb.read_plain_text(&file);
    assert!(saved.contains("\"chair\": \"Window closer\""), "{saved}");
    assert!(!lock.exists(), "the session is free for the next window");
}
