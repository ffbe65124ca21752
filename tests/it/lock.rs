//! One writer per session, across real processes: a second `cpconf open`
//! is turned away with who has it and how to read it meanwhile; `view`
//! still works; the session opens again once the first has quit; a lock
//! file left by a dead process is taken over. Also: SIGTERM and SIGHUP
//! save what is being typed, restore the terminal and exit.

use crate::pty;

use std::path::{Path, PathBuf};

use pty::*;

fn example(sb: &Sandbox) -> PathBuf {
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/example-2027-02-09-rcpc-FAM2041.json");
    let dst = sb.sessions().join("2027-02-09-rcpc-FAM2041.json");
    std::fs::copy(&src, &dst).expect("copy the example");
    dst
}

/// A session that can be edited: a new one, saved by a first run.
fn fresh_session(sb: &Sandbox) -> PathBuf {
    let dir = sb.sessions();
    let mut p = sb.spawn(&["new", "--dir", dir.to_str().unwrap()], 100, 30);
    p.wait_ready();
    p.keys("<Down><Down><Down><Down><Down><Down>");
    p.set_field("FAM5150");
    p.keys("<C-q>");
    assert!(p.wait_exit().success());
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn a_second_open_is_refused_view_still_works_and_the_lock_goes_with_the_first() {
    let sb = Sandbox::new();
    let file = fresh_session(&sb);
    let f = file.to_str().unwrap();

    let mut first = sb.spawn(&["open", f], 100, 30);
    first.wait_ready();
    assert!(cpconf::storage::lock_path(&file).exists());

    let second = sb.run_plain(&["open", f]);
    assert!(!second.status.success(), "a second open succeeded");
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(
        stderr.contains("open in another cpconf"),
        "says why: {stderr}"
    );
    assert!(
        stderr.contains(&format!("process {}", first.pid())),
        "names the process: {stderr}"
    );
    assert!(stderr.contains("cpconf view"), "suggests view: {stderr}");

    let mut viewer = sb.spawn(&["view", f], 100, 30);
    viewer.wait_for("read-only");
    viewer.keys("<C-q>");
    assert!(viewer.wait_exit().success());
    assert_terminal_restored(&viewer);

    first.keys("<C-q>");
    assert!(first.wait_exit().success());
    assert!(
        !cpconf::storage::lock_path(&file).exists(),
        "the lock file outlived its cpconf"
    );

    let mut again = sb.spawn(&["open", f], 100, 30);
    again.wait_ready();
    again.keys("<C-q>");
    assert!(again.wait_exit().success());
}

#[test]
fn a_stale_lock_file_is_taken_over() {
    let sb = Sandbox::new();
    let file = example(&sb);
    // A process id that is not running: a reaped child of ours.
    let mut dead = std::process::Command::new("true").spawn().unwrap();
    let dead_pid = dead.id();
    dead.wait().unwrap();
    let lock = cpconf::storage::lock_path(&file);
    std::fs::write(
        &lock,
        format!(
            "{{\"pid\":{dead_pid},\"hostname\":null,\"since\":\"2026-11-20T10:00:00+00:00\"}}\n"
        ),
    )
    .unwrap();

    let mut p = sb.spawn(&["open", file.to_str().unwrap()], 100, 30);
    p.wait_ready();
    let info: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&lock).unwrap()).expect("lock file is JSON");
    assert_eq!(info["pid"], p.pid(), "the lock now names the new holder");
    p.keys("<C-q>");
    assert!(p.wait_exit().success());
    assert!(!lock.exists());
}

/// Types into an open editor, then sends `signal`: what was typed must be
/// kept, the terminal restored, and cpconf gone.
fn signal_saves_and_quits(signal: libc::c_int, marker: &str) {
    let sb = Sandbox::new();
    let file = fresh_session(&sb);
    let mut p = sb.spawn(&["open", file.to_str().unwrap()], 100, 30);
    p.wait_ready();
    // One edit kept with Esc, and one still in the editor.
    p.go_to_stage(4);
    // Typed straight into the column, each Esc seen on screen before the
    // next key (Esc and a key in one read would be Alt and that key).
    p.type_and_show("Aunt collects from school");
    p.wait_editor(true);
    p.keys("<Esc>");
    p.wait_editor(false);
    p.keys("<Tab>");
    p.type_and_show(marker);
    p.wait_editor(true);

    p.signal(signal);
    let status = p.wait_exit();
    assert!(
        status.success(),
        "cpconf should handle the signal and exit cleanly: {status:?}"
    );
    assert_terminal_restored(&p);
    let saved = sb.read_plain_text(&file);
    assert!(saved.contains("Aunt collects from school"));
    let draft = cpconf::storage::draft_path(
        &sb.drafts(),
        serde_json::from_str::<serde_json::Value>(&saved).unwrap()["id"]
            .as_str()
            .unwrap(),
        &file,
    );
    let draft = if draft.exists() {
        sb.read_plain_text(&draft)
    } else {
        String::new()
    };
    assert!(
        saved.contains(marker) || draft.contains(marker),
        "{marker:?} typed before the signal is lost"
    );
    assert!(!cpconf::storage::lock_path(&file).exists());
}

#[test]
fn sigterm_saves_restores_the_terminal_and_exits() {
    signal_saves_and_quits(libc::SIGTERM, "Termination marker words");
}

#[test]
fn sighup_saves_restores_the_terminal_and_exits() {
    signal_saves_and_quits(libc::SIGHUP, "Hangup marker words");
}

#[test]
fn sigint_from_outside_saves_like_sigterm() {
    signal_saves_and_quits(libc::SIGINT, "Interrupt marker words");
}

#[test]
fn sigquit_from_outside_saves_like_sigterm() {
    signal_saves_and_quits(libc::SIGQUIT, "Quit signal marker words");
}
