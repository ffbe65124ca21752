//! `cpconf present FILE` end to end, in a real pseudo-terminal: it follows
//! saves made by another process within its polling, never shows a
//! restricted item, and never writes the file.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cpconf::model::{Column, MapItem, Session, Tag};
use cpconf::storage::{self, DurableWriter};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 110;
const GUARD: Duration = Duration::from_secs(15);

struct Screen {
    parser: vt100::Parser,
    /// Everything the program ever wrote, to check what was never shown.
    raw: Vec<u8>,
}

fn contents(screen: &Arc<Mutex<Screen>>) -> String {
    screen.lock().expect("screen").parser.screen().contents()
}

fn wait_for(screen: &Arc<Mutex<Screen>>, text: &str) {
    let start = Instant::now();
    loop {
        let now = contents(screen);
        if now.contains(text) {
            return;
        }
        assert!(
            start.elapsed() < GUARD,
            "{text:?} did not appear within {GUARD:?}; the screen:\n{now}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn wait_until_gone(screen: &Arc<Mutex<Screen>>, text: &str) {
    let start = Instant::now();
    while contents(screen).contains(text) {
        assert!(start.elapsed() < GUARD, "{text:?} stayed on screen");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn replace_atomically(path: &Path, bytes: &[u8]) {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes).expect("write");
    std::fs::rename(&tmp, path).expect("rename");
}

fn add_item(s: &mut Session, text: &str, restricted: bool) {
    let id = s.new_item_id();
    s.map_items.insert(
        0,
        MapItem {
            id,
            column: Column::WorkingWell,
            text: text.into(),
            said_by: None,
            children: s.all_child_ids(),
            tag: Tag::Strength,
            restricted,
            from_last_conference: false,
        },
    );
}

/// What a second process (the chair's window) does: load, change, save.
fn save_with(path: &Path, change: impl FnOnce(&mut Session)) -> Vec<u8> {
    let mut s = storage::load(path).expect("load").session;
    change(&mut s);
    storage::save(&DurableWriter, path, &s).expect("save");
    std::fs::read(path).expect("read back")
}

fn example_copy(dir: &Path) -> PathBuf {
    let path = dir.join("session.json");
    std::fs::copy("sessions/example-2027-02-09-rcpc-FAM2041.json", &path).expect("copy");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("perms");
    }
    path
}

#[test]
fn present_follows_saves_hides_restricted_items_and_never_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = tempfile::tempdir().expect("state dir");
    let config = tempfile::tempdir().expect("config dir");
    let path = example_copy(dir.path());

    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(crate::pty::binary());
    cmd.arg("present");
    cmd.arg(&path);
    cmd.cwd(dir.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_STATE_HOME", state.path());
    cmd.env("XDG_CONFIG_HOME", config.path());
    cmd.env("CPCONF_SESSIONS", dir.path());
    let mut child = pty.slave.spawn_command(cmd).expect("spawn cpconf present");
    drop(pty.slave);

    let screen = Arc::new(Mutex::new(Screen {
        parser: vt100::Parser::new(
            std::num::NonZeroU16::new(ROWS).expect("rows"),
            std::num::NonZeroU16::new(COLS).expect("cols"),
            0,
        ),
        raw: Vec::new(),
    }));
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let feed = screen.clone();
    let reading = std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            let mut s = feed.lock().expect("screen");
            s.parser.process(&buf[..n]);
            s.raw.extend_from_slice(&buf[..n]);
        }
    });
    let mut keys = pty.master.take_writer().expect("writer");

    wait_for(&screen, "Family FAM2041");
    keys.write_all(b"2").expect("key");
    keys.flush().expect("flush");
    wait_for(&screen, "[2 The map]");

    let mut last = save_with(&path, |s| {
        add_item(s, "Plainmark-A1 walks Kacey to school", false)
    });
    wait_for(&screen, "Plainmark-A1");

    assert_eq!(std::fs::read(&path).expect("read"), last);
    last = save_with(&path, |s| {
        add_item(s, "Secondmark-B2 shared with everyone", false);
        add_item(s, "Qzxvsecret police intelligence", true);
    });
    wait_for(&screen, "Secondmark-B2");
    // Give it a few more polls to show anything it was going to show.
    std::thread::sleep(Duration::from_millis(800));
    let shown = contents(&screen);
    assert!(
        !shown.contains("Qzxv"),
        "restricted item on screen:\n{shown}"
    );
    let raw = String::from_utf8_lossy(&screen.lock().expect("screen").raw).to_string();
    assert!(
        !raw.contains("Qzxv"),
        "restricted text was written to the terminal"
    );

    // A version that cannot be read (put in place atomically, as the
    // chair's window does): the last good board stays, with a quiet note.
    replace_atomically(&path, b"{\"schema_version\": 1, \"id\": ");
    wait_for(&screen, "latest save unreadable");
    assert!(contents(&screen).contains("Secondmark-B2"));
    replace_atomically(&path, &last);
    wait_until_gone(&screen, "latest save unreadable");

    keys.write_all(b"q").expect("key");
    keys.flush().expect("flush");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(start.elapsed() < GUARD, "cpconf present did not quit on q");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status: {status:?}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        last,
        "present changed the session file"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(std::result::Result::ok)
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".cpconf-lock"))
        .collect();
    assert!(leftovers.is_empty(), "present took a lock: {leftovers:?}");
    drop(keys);
    drop(pty.master);
    let _ = reading.join();
}
