//! Running the real `cpconf` binary in a pseudo-terminal, typing at it and
//! reading its screen through a vt100 parser, as a chair's terminal would.
//!
//! Timeouts here only guard against a hung test; nothing asserts on timing.
#![allow(dead_code)]

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long to wait for something the app should show or do. Generous:
/// CI machines are slow and shared.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The path of the binary under test: beside the test program's folder
/// (target/debug/deps/cpconf-… → target/debug/cpconf), where `cargo test`
/// builds it for the encrypted-storage tests.
pub fn binary() -> PathBuf {
    let exe = std::env::current_exe().expect("the test program's path");
    let bin = exe
        .parent()
        .and_then(std::path::Path::parent)
        .map(|dir| dir.join("cpconf"))
        .expect("the test program is in target/<profile>/deps");
    assert!(
        bin.exists(),
        "{} is missing: run the tests with `cargo test`, which builds it",
        bin.display()
    );
    bin
}

/// A private place for one test: sessions, state (drafts) and a home.
/// With `CPCONF_TEST_ENCRYPTION=1` every sandbox has a key (see
/// [`Sandbox::with_key`]), so the same tests run with encryption on.
pub struct Sandbox {
    pub root: tempfile::TempDir,
    /// The sandbox's key, unlocked, when it has one.
    key: Option<cpconf::crypt::sitting::Unlocked>,
}

/// The passphrase of every sandbox key.
pub const PASSPHRASE: &str = "fictional passphrase for tests";

/// Whether the suite runs with encryption on (`CPCONF_TEST_ENCRYPTION=1`).
pub fn encryption_on() -> bool {
    std::env::var("CPCONF_TEST_ENCRYPTION").is_ok_and(|v| !v.is_empty() && v != "0")
}

impl Sandbox {
    pub fn new() -> Self {
        let mut sb = Sandbox::bare();
        if encryption_on() {
            sb.make_key();
        }
        sb
    }

    /// A sandbox with a key made (as `cpconf key init` makes one, with a
    /// cheaper scrypt work factor so tests stay quick) and its passphrase
    /// in a file cpconf is pointed at.
    pub fn with_key() -> Self {
        let mut sb = Sandbox::bare();
        sb.make_key();
        sb
    }

    /// A sandbox without a key, whatever the environment says.
    pub fn bare() -> Self {
        let root = tempfile::tempdir().expect("temp dir");
        for d in ["sessions", "state", "home"] {
            std::fs::create_dir_all(root.path().join(d)).expect("sandbox folder");
        }
        Sandbox { root, key: None }
    }

    fn make_key(&mut self) {
        use cpconf::keys::file as key;
        let passphrase = age_secret(PASSPHRASE);
        let made = key::create(&self.key_file(), passphrase, Some(10)).expect("make a key");
        std::fs::write(self.passphrase_file(), format!("{PASSPHRASE}\n")).expect("passphrase file");
        self.key = Some(made);
    }

    pub fn has_key(&self) -> bool {
        self.key.is_some()
    }

    /// `$XDG_CONFIG_HOME`.
    pub fn config(&self) -> PathBuf {
        self.root.path().join("config")
    }

    /// Where cpconf looks for the key: `$XDG_CONFIG_HOME/cpconf/key.age`.
    pub fn key_file(&self) -> PathBuf {
        self.config().join("cpconf").join("key.age")
    }

    pub fn passphrase_file(&self) -> PathBuf {
        self.root.path().join("passphrase")
    }

    /// A file's plaintext: decrypted with the sandbox key if it is
    /// encrypted. Panics if it is encrypted and the sandbox has no key.
    pub fn read_plain(&self, path: &Path) -> Vec<u8> {
        let raw = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        self.decrypt(raw, path)
    }

    /// Bytes read from `path` (named in messages), decrypted if encrypted.
    pub fn decrypt(&self, raw: Vec<u8>, path: &Path) -> Vec<u8> {
        if !cpconf::crypt::is_encrypted(&raw) {
            assert!(
                !self.has_key() || raw.is_empty(),
                "{} is plaintext although a key exists",
                path.display()
            );
            return raw;
        }
        let key = self.key.as_ref().unwrap_or_else(|| {
            panic!("{} is encrypted and the sandbox has no key", path.display())
        });
        cpconf::crypt::codec::decrypt_with(key.identity(), &raw)
            .unwrap_or_else(|e| panic!("decrypt {}: {e}", path.display()))
    }

    /// [`read_plain`](Self::read_plain) as text.
    pub fn read_plain_text(&self, path: &Path) -> String {
        String::from_utf8(self.read_plain(path)).expect("UTF-8")
    }

    pub fn sessions(&self) -> PathBuf {
        self.root.path().join("sessions")
    }

    /// `$XDG_STATE_HOME`.
    pub fn state(&self) -> PathBuf {
        self.root.path().join("state")
    }

    /// Where cpconf keeps drafts: `$XDG_STATE_HOME/cpconf`.
    pub fn drafts(&self) -> PathBuf {
        self.state().join("cpconf")
    }

    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// The environment every cpconf of this sandbox runs with. Local rules
    /// are looked for inside the sandbox only, never in the developer's own
    /// `$XDG_CONFIG_HOME`.
    pub fn env(&self) -> Vec<(String, OsString)> {
        let mut env: Vec<(String, OsString)> = vec![
            ("XDG_STATE_HOME".into(), self.state().into()),
            (
                "XDG_CONFIG_HOME".into(),
                self.root.path().join("config").into(),
            ),
            ("HOME".into(), self.home().into()),
            ("TERM".into(), "xterm-256color".into()),
        ];
        if self.has_key() {
            env.push((
                "CPCONF_PASSPHRASE_FILE".into(),
                self.passphrase_file().into(),
            ));
        }
        env
    }

    /// Starts cpconf with `args` at `cols` x `rows`, in the sandbox.
    pub fn spawn(&self, args: &[&str], cols: u16, rows: u16) -> Pty {
        Pty::spawn(args, &self.env(), self.root.path(), cols, rows)
    }

    /// Runs cpconf to the end without a terminal, capturing its output.
    pub fn run_plain(&self, args: &[&str]) -> std::process::Output {
        let mut cmd = std::process::Command::new(binary());
        cmd.args(args)
            .current_dir(self.root.path())
            .env_remove("CPCONF_SESSIONS")
            .env_remove("CPCONF_PASSPHRASE_FILE")
            .stdin(std::process::Stdio::null());
        for (k, v) in self.env() {
            cmd.env(k, v);
        }
        let child = cmd
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn cpconf");
        wait_output(child)
    }
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

/// Waits for a plain child with a guard against hanging.
fn wait_output(mut child: std::process::Child) -> std::process::Output {
    let start = Instant::now();
    loop {
        if child.try_wait().expect("try_wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            let out = child.wait_with_output().expect("output");
            panic!(
                "cpconf did not finish in {PATIENCE:?}; stderr: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// A key that is not plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Esc,
    Enter,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    Delete,
    Backspace,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
    Ctrl(char),
    /// Alt+key: an xterm sends Esc, then the key.
    Alt(char),
}

impl Key {
    /// What an xterm sends for the key.
    pub fn bytes(self) -> Vec<u8> {
        match self {
            Key::Esc => b"\x1b".to_vec(),
            Key::Enter => b"\r".to_vec(),
            Key::Tab => b"\t".to_vec(),
            Key::BackTab => b"\x1b[Z".to_vec(),
            Key::Up => b"\x1b[A".to_vec(),
            Key::Down => b"\x1b[B".to_vec(),
            Key::Right => b"\x1b[C".to_vec(),
            Key::Left => b"\x1b[D".to_vec(),
            Key::Delete => b"\x1b[3~".to_vec(),
            Key::Backspace => b"\x7f".to_vec(),
            Key::PageUp => b"\x1b[5~".to_vec(),
            Key::PageDown => b"\x1b[6~".to_vec(),
            Key::F(1) => b"\x1bOP".to_vec(),
            Key::F(2) => b"\x1bOQ".to_vec(),
            Key::F(3) => b"\x1bOR".to_vec(),
            Key::F(4) => b"\x1bOS".to_vec(),
            Key::F(9) => b"\x1b[20~".to_vec(),
            Key::F(n) => panic!("F{n} is not supported by the harness"),
            Key::Home => b"\x1b[H".to_vec(),
            Key::End => b"\x1b[F".to_vec(),
            Key::Ctrl(c) => vec![(c.to_ascii_lowercase() as u8) & 0x1f],
            Key::Alt(c) => format!("\x1b{c}").into_bytes(),
        }
    }

    fn from_name(name: &str) -> Key {
        match name {
            "Esc" => Key::Esc,
            "Enter" => Key::Enter,
            "Tab" => Key::Tab,
            "BackTab" => Key::BackTab,
            "Up" => Key::Up,
            "Down" => Key::Down,
            "Left" => Key::Left,
            "Right" => Key::Right,
            "Del" => Key::Delete,
            "BS" => Key::Backspace,
            "PgUp" => Key::PageUp,
            "PgDn" => Key::PageDown,
            "F1" => Key::F(1),
            "F9" => Key::F(9),
            "Home" => Key::Home,
            "End" => Key::End,
            other => match (other.strip_prefix("C-"), other.strip_prefix("M-")) {
                (Some(c), _) if c.chars().count() == 1 => {
                    Key::Ctrl(c.chars().next().unwrap_or('c'))
                }
                (_, Some(c)) if c.chars().count() == 1 => Key::Alt(c.chars().next().unwrap_or('0')),
                _ => panic!("unknown key <{other}>"),
            },
        }
    }
}

/// The real binary in a pseudo-terminal.
pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    tty: Option<PathBuf>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader_done: Arc<AtomicBool>,
    status: Option<ExitStatus>,
    pid: u32,
}

impl Pty {
    pub fn spawn(
        args: &[&str],
        env: &[(String, OsString)],
        cwd: &Path,
        cols: u16,
        rows: u16,
    ) -> Pty {
        let mut cmd = CommandBuilder::new(binary());
        cmd.args(args);
        Pty::spawn_command(cmd, env, cwd, cols, rows)
    }

    /// Starts cpconf with `args` under a file-size limit of `kib` KiB (the
    /// shell's `ulimit -f`), as a quota-bound account would run it.
    pub fn spawn_file_size_limited(
        kib: u64,
        args: &[&str],
        env: &[(String, OsString)],
        cwd: &Path,
    ) -> Pty {
        let mut cmd = CommandBuilder::new("/bin/sh");
        // POSIX counts `ulimit -f` in 512-byte blocks.
        let script = format!("ulimit -f {} && exec \"$0\" \"$@\"", kib * 2);
        cmd.args(["-c", script.as_str()]);
        cmd.arg(binary());
        cmd.args(args);
        Pty::spawn_command(cmd, env, cwd, 100, 30)
    }

    /// Starts `cmd` (cpconf or a wrapper that execs it) in a new terminal.
    pub fn spawn_command(
        mut cmd: CommandBuilder,
        env: &[(String, OsString)],
        cwd: &Path,
        cols: u16,
        rows: u16,
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        cmd.cwd(cwd);
        cmd.env_remove("CPCONF_SESSIONS");
        cmd.env_remove("CPCONF_PASSPHRASE_FILE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn cpconf");
        // Only the child holds the terminal side now, so the reader sees the
        // end when it exits.
        drop(pair.slave);
        let pid = child.process_id().expect("pid");
        let tty = pair.master.tty_name();
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");

        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let reader_done = Arc::new(AtomicBool::new(false));
        {
            let parser = parser.clone();
            let raw = raw.clone();
            let done = reader_done.clone();
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            raw.lock().unwrap().extend_from_slice(&buf[..n]);
                            parser.lock().unwrap().process(&buf[..n]);
                        }
                    }
                }
                done.store(true, Ordering::SeqCst);
            });
        }
        Pty {
            child,
            writer,
            master: pair.master,
            tty,
            parser,
            raw,
            reader_done,
            status: None,
            pid,
        }
    }

    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// Types text as it is (a `\r` is Enter).
    pub fn send(&mut self, text: &str) {
        self.send_bytes(text.as_bytes());
    }

    pub fn send_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Presses one key. After Esc, waits until cpconf has read it, so the
    /// next key is not taken as Alt+key (or a second Esc swallowed).
    pub fn send_key(&mut self, key: Key) {
        self.send_bytes(&key.bytes());
        if key == Key::Esc {
            self.settle();
        }
    }

    /// Presses keys written the way the in-process tests write them: plain
    /// characters, or names in angle brackets (`<Enter>`, `<Esc>`, `<Tab>`,
    /// `<Down>`, `<Del>`, `<C-s>`, `<lt>` for `<`).
    pub fn keys(&mut self, script: &str) {
        let mut rest = script;
        let mut text = String::new();
        while !rest.is_empty() {
            if let Some(stripped) = rest.strip_prefix('<') {
                let end = stripped.find('>').expect("closing >");
                let name = &stripped[..end];
                rest = &stripped[end + 1..];
                if name == "lt" {
                    text.push('<');
                    continue;
                }
                if !text.is_empty() {
                    self.send(&std::mem::take(&mut text));
                }
                self.send_key(Key::from_name(name));
            } else {
                let c = rest.chars().next().expect("char");
                text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        if !text.is_empty() {
            self.send(&text);
        }
    }

    /// Waits until cpconf has read everything typed so far (the terminal's
    /// input queue is empty), then a moment more. Falls back to a pause
    /// where the queue cannot be looked at.
    pub fn settle(&self) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            match self.unread_input() {
                Some(0) => break,
                Some(_) => thread::sleep(Duration::from_millis(5)),
                None => {
                    thread::sleep(Duration::from_millis(100));
                    break;
                }
            }
        }
        thread::sleep(Duration::from_millis(30));
    }

    /// Bytes typed that cpconf has not read yet.
    fn unread_input(&self) -> Option<usize> {
        use std::os::fd::AsRawFd;
        use std::os::unix::fs::OpenOptionsExt;
        let tty = self.tty.as_ref()?;
        let file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOCTTY | libc::O_NONBLOCK)
            .open(tty)
            .ok()?;
        let mut n: libc::c_int = 0;
        // SAFETY: FIONREAD writes one int through the pointer we pass.
        let rc = unsafe { libc::ioctl(file.as_raw_fd(), libc::FIONREAD, &mut n) };
        (rc == 0).then_some(n.max(0) as usize)
    }

    /// The screen as text, rows separated by newlines.
    pub fn screen_text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Whether the terminal is in the alternate screen now.
    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Everything cpconf has written to the terminal so far.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until the screen shows `text`; panics with the screen if not.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_for_within(text, PATIENCE)
    }

    pub fn wait_for_within(&mut self, text: &str, timeout: Duration) {
        let start = Instant::now();
        loop {
            let screen = self.screen_text();
            if screen.contains(text) {
                return;
            }
            if start.elapsed() > timeout {
                panic!(
                    "waited {timeout:?} for {text:?} on screen; exited: {:?}; screen:\n{screen}",
                    self.try_status()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until `check` holds for the screen text.
    pub fn wait_until(&mut self, what: &str, check: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let screen = self.screen_text();
            if check(&screen) {
                return;
            }
            if start.elapsed() > PATIENCE {
                panic!("waited {PATIENCE:?} for {what}; screen:\n{screen}");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn try_status(&mut self) -> Option<ExitStatus> {
        if self.status.is_none() {
            self.status = self.child.try_wait().ok().flatten();
        }
        self.status.clone()
    }

    /// Waits for cpconf to exit and for its last output to arrive.
    pub fn wait_exit(&mut self) -> ExitStatus {
        self.wait_exit_within(PATIENCE)
    }

    pub fn wait_exit_within(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.try_status() {
                break s;
            }
            if start.elapsed() > timeout {
                let screen = self.screen_text();
                self.kill_hard();
                panic!("cpconf did not exit within {timeout:?}; screen:\n{screen}");
            }
            thread::sleep(Duration::from_millis(20));
        };
        // The reader ends once the terminal's last holder has gone.
        let start = Instant::now();
        while !self.reader_done.load(Ordering::SeqCst) && start.elapsed() < PATIENCE {
            thread::sleep(Duration::from_millis(10));
        }
        status
    }

    /// Sends a signal to cpconf.
    pub fn signal(&self, signal: libc::c_int) {
        // SAFETY: plain kill(2) on our own child's pid.
        let rc = unsafe { libc::kill(self.pid as libc::pid_t, signal) };
        assert_eq!(rc, 0, "kill({}, {signal})", self.pid);
    }

    /// SIGKILL, then reap it.
    pub fn kill_hard(&mut self) -> ExitStatus {
        if let Some(s) = self.try_status() {
            return s;
        }
        // SAFETY: as in `signal`; the child is not reaped yet, so the pid
        // is still ours.
        unsafe { libc::kill(self.pid as libc::pid_t, libc::SIGKILL) };
        let status = self.child.wait().expect("wait after SIGKILL");
        self.status = Some(status.clone());
        status
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        // Never leave a cpconf running behind a finished (or failed) test.
        self.kill_hard();
    }
}

pub fn age_secret(text: &str) -> cpconf::keys::file::Passphrase {
    cpconf::keys::file::Passphrase::from(text.to_owned())
}

pub fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("terminal size is not zero")
}

/// Where `needle` last occurs in `hay`.
pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

pub const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// Asserts the terminal was left as found: the alternate screen was
/// entered and then left for good, the cursor is shown again after the
/// leave, nothing but control sequences follows it (no frame drawn on the
/// chair's shell), and the vt100 model agrees it is back on the main screen.
pub fn assert_terminal_restored(pty: &Pty) {
    let raw = pty.raw_output();
    let shown = || String::from_utf8_lossy(&raw).escape_debug().to_string();
    assert!(
        !pty.alternate_screen(),
        "still in the alternate screen: {}",
        shown()
    );
    let enter = rfind(&raw, ENTER_ALT_SCREEN)
        .unwrap_or_else(|| panic!("never entered the alternate screen: {}", shown()));
    let leave = rfind(&raw, LEAVE_ALT_SCREEN)
        .unwrap_or_else(|| panic!("alternate screen entered but never left: {}", shown()));
    assert!(
        leave > enter,
        "the last alternate-screen enter came after the last leave"
    );
    let after = &raw[leave + LEAVE_ALT_SCREEN.len()..];
    assert!(
        find(after, SHOW_CURSOR).is_some(),
        "no cursor-show after leaving the alternate screen: {:?}",
        String::from_utf8_lossy(after)
    );
    let text_after = strip_escapes(after);
    assert!(
        text_after.iter().all(u8::is_ascii_whitespace),
        "output after leaving the alternate screen: {:?}",
        String::from_utf8_lossy(after)
    );
}

/// Asserts the terminal was never left in the alternate screen: every
/// enter has a later leave.
pub fn assert_not_left_in_alternate_screen(pty: &Pty) {
    let raw = pty.raw_output();
    assert!(
        !pty.alternate_screen(),
        "vt100 says: still in the alternate screen"
    );
    if let Some(enter) = rfind(&raw, ENTER_ALT_SCREEN) {
        let leave = rfind(&raw, LEAVE_ALT_SCREEN);
        assert!(
            leave.is_some_and(|l| l > enter),
            "alternate screen entered without a matching leave: {:?}",
            String::from_utf8_lossy(&raw)
        );
    }
}

/// The bytes of `raw` that are not part of a CSI escape sequence.
pub fn strip_escapes(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == 0x1b && raw.get(i + 1) == Some(&b'[') {
            i += 2;
            while i < raw.len() && !(0x40..=0x7e).contains(&raw[i]) {
                i += 1;
            }
            i += 1;
        } else {
            out.push(raw[i]);
            i += 1;
        }
    }
    out
}

// ----- cpconf's own screens ----------------------------------------------------

/// Shown while a text editor is open (its title and the status bar).
pub const EDITOR_HINT: &str = "Esc done (kept)";

impl Pty {
    /// Waits until the editor is open (`true`) or closed (`false`).
    pub fn wait_editor(&mut self, open: bool) {
        let what = if open {
            "the editor to open"
        } else {
            "the editor to close"
        };
        self.wait_until(what, |s| s.contains(EDITOR_HINT) == open);
    }

    /// On a form field: Enter opens it, its old text is cleared, `text` is
    /// typed and shown, and Esc keeps it.
    pub fn set_field(&mut self, text: &str) {
        self.keys("<Enter>");
        self.wait_editor(true);
        self.keys("<C-a><BS>");
        self.type_and_show(text);
        self.keys("<Esc>");
        self.wait_editor(false);
    }

    /// Types `text` into the open editor and waits until it is on screen.
    pub fn type_and_show(&mut self, text: &str) {
        self.send(text);
        self.wait_for(text);
    }
}

/// The agenda stage number in the header ("│ 4 · The map").
pub fn stage_on(screen: &str) -> Option<u8> {
    let first = screen.lines().next()?;
    let (_, rest) = first.split_once("│ ")?;
    let (n, _) = rest.split_once(" · ")?;
    n.trim().parse().ok()
}

impl Pty {
    /// Moves stage by stage to stage `n`, waiting for each to show.
    pub fn go_to_stage(&mut self, n: u8) {
        for _ in 0..20 {
            let screen = self.screen_text();
            let now =
                stage_on(&screen).unwrap_or_else(|| panic!("no stage in the header:\n{screen}"));
            if now == n {
                return;
            }
            let (key, next) = if now < n {
                ("<PgDn>", now + 1)
            } else {
                ("<PgUp>", now - 1)
            };
            self.keys(key);
            self.wait_until(&format!("stage {next}"), |s| stage_on(s) == Some(next));
        }
        panic!("never reached stage {n}:\n{}", self.screen_text());
    }
}

impl Pty {
    /// Waits for the first whole frame of a session window: the clock at
    /// the end of the bottom row is the last thing drawn, so seeing it (and
    /// the stage header) means the frame is complete, whatever message the
    /// status bar carries.
    pub fn wait_ready(&mut self) {
        self.wait_until("the first whole frame", |s| {
            let clock = s
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .map(|l| {
                    let t: Vec<char> = l.trim_end().chars().rev().take(5).collect();
                    t.len() == 5
                        && t[2] == ':'
                        && [0, 1, 3, 4].iter().all(|i| t[*i].is_ascii_digit())
                })
                .unwrap_or(false);
            stage_on(s).is_some() && clock
        });
    }
}
