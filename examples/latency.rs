//! Keystroke-to-screen latency through a real pseudo-terminal.
//!
//! Starts the release binary on a generated L session in a 200x60 pty,
//! opens a new map item's text and types: each trial writes one key ('x',
//! then Backspace, alternately) and waits until the screen, as a vt100
//! emulator sees it, shows the change (the count of 'x' on screen). The
//! same harness then times `cat` in the same pty, where the terminal's own
//! echo shows the key, and `cat` in raw mode, which reads each key and
//! writes it back: those are the floor, and the ratio is the figure.
//!
//! Then, on the same session, keys that change it (ticking a pre-meeting
//! box on and off) at a human pace, so autosaves of the whole session run
//! between them: their latency shows whether saving ever delays a key.
//! Last, cpconf's resident memory (VmRSS, VmHWM) with the session open.
//!
//! `cargo build --release && cargo run --release --example latency [-- --trials N] [--size S|M|L]`

// A measuring tool, not the program: a failed unwrap stops the run.
#![allow(clippy::unwrap_used)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use clap::Parser;
use cpconf::generate::{Size, write_sessions};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

#[derive(Parser)]
struct Args {
    /// Keys timed for each program.
    #[arg(long, default_value_t = 300)]
    trials: usize,
    #[arg(long, default_value = "L")]
    size: Size,
    /// Ticks timed while autosaves run (each followed by a pause).
    #[arg(long, default_value_t = 100)]
    ticks: usize,
}

/// Backspace as a terminal sends it.
const BACKSPACE: &[u8] = b"\x7f";

const ROWS: u16 = 60;
const COLS: u16 = 200;

struct Pty {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Pty {
    fn start(cmd: CommandBuilder) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let child = pair.slave.spawn_command(cmd).expect("start the program");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let _keep = pair.master;
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Pty {
            parser: vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0),
            output,
            writer,
            child,
        }
    }

    fn count_x(&self) -> usize {
        self.parser.screen().contents().matches('x').count()
    }

    fn count_ticks(&self) -> usize {
        self.parser.screen().contents().matches("[x]").count()
    }

    /// CPU time the program has used so far (user + system), from /proc.
    fn cpu_time(&self) -> Option<Duration> {
        let pid = self.child.process_id()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // Fields after the command name (which is in parentheses).
        let rest = stat.rsplit_once(')')?.1;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks: u64 =
            fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
        // SAFETY: sysconf has no preconditions.
        let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
        Some(Duration::from_secs_f64(ticks as f64 / hz as f64))
    }

    /// Resident memory of the program, from /proc: (VmRSS, VmHWM) in MB.
    fn memory_mb(&self) -> Option<(f64, f64)> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let kb = |field: &str| -> Option<f64> {
            let rest = status.lines().find_map(|l| l.strip_prefix(field))?;
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        };
        Some((kb("VmRSS:")? / 1024.0, kb("VmHWM:")? / 1024.0))
    }

    /// Times `trials` presses of Space on a tick box, each waiting for the
    /// screen, then pausing a human moment (0-300 ms) before the next.
    fn time_ticks(&mut self, trials: usize) -> Vec<Duration> {
        let mut ticks = self.count_ticks();
        let mut out = Vec::with_capacity(trials);
        let mut pause = 7u64;
        for i in 0..trials {
            let start = Instant::now();
            self.send(b" ");
            let before = ticks;
            if !self.wait(Duration::from_secs(5), |p| p.count_ticks() != before) {
                eprintln!(
                    "tick {i} did not show within 5 s; screen:\n{}",
                    self.parser.screen().contents()
                );
                std::process::exit(1);
            }
            out.push(start.elapsed());
            ticks = self.count_ticks();
            // A fixed sequence of pauses (no randomness from the machine).
            pause = (pause * 7919 + 13) % 301;
            self.settle_for(Duration::from_millis(pause));
        }
        out
    }

    /// Takes in output for `d`, whatever arrives (cpconf redraws its clock
    /// every quarter second, so waiting for quiet would wait for ever).
    fn settle_for(&mut self, d: Duration) {
        let end = Instant::now() + d;
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.parser.process(&bytes),
                // The program has ended: nothing more will come.
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            }
        }
    }

    /// Feeds output to the emulator until `done` holds or `limit` passes.
    fn wait(&mut self, limit: Duration, done: impl Fn(&Self) -> bool) -> bool {
        let end = Instant::now() + limit;
        loop {
            if done(self) {
                return true;
            }
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            if let Ok(bytes) = self.output.recv_timeout(left) {
                self.parser.process(&bytes);
                // Take everything already there before looking again.
                while let Ok(more) = self.output.try_recv() {
                    self.parser.process(&more);
                }
            }
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Times `trials` keys: 'x' then `erase`, waiting for each to show.
    fn time_keys(&mut self, trials: usize, erase: &[u8]) -> Vec<Duration> {
        let mut expected = self.count_x();
        let mut out = Vec::with_capacity(trials);
        for i in 0..trials {
            let (key, next): (&[u8], usize) = if i % 2 == 0 {
                (b"x", expected + 1)
            } else {
                (erase, expected - 1)
            };
            let start = Instant::now();
            self.send(key);
            if !self.wait(Duration::from_secs(5), |p| p.count_x() == next) {
                eprintln!(
                    "key {i} did not show within 5 s; screen:\n{}",
                    self.parser.screen().contents()
                );
                std::process::exit(1);
            }
            out.push(start.elapsed());
            expected = next;
        }
        out
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn summary(mut t: Vec<Duration>) -> (f64, f64) {
    t.sort();
    let at = |p: f64| t[((t.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1e3;
    (at(0.5), at(0.99))
}

fn binary() -> PathBuf {
    // target/release/examples/latency -> target/release/cpconf
    let exe = std::env::current_exe().unwrap();
    let bin = exe
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("cpconf"))
        .unwrap();
    if !bin.exists() {
        eprintln!(
            "{} is missing: run `cargo build --release` first",
            bin.display()
        );
        std::process::exit(2);
    }
    bin
}

fn main() {
    let args = Args::parse();
    let bin = binary();
    let dir = std::env::temp_dir().join(format!("cpconf-latency-{}", std::process::id()));
    let sessions = dir.join("sessions");
    let file = write_sessions(&sessions, args.size, 1).unwrap().remove(0);

    let mut cmd = CommandBuilder::new(&bin);
    cmd.arg("open");
    cmd.arg(&file);
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_STATE_HOME", dir.join("state"));
    cmd.env("CPCONF_SESSIONS", &sessions);
    cmd.cwd(&dir);
    let mut app = Pty::start(cmd);
    // Wait for the first frame, go to the map (stage 4) and add an item:
    // its text opens for typing.
    if !app.wait(Duration::from_secs(20), |p| {
        p.parser.screen().contents().contains("Decision")
    }) {
        eprintln!("cpconf did not draw within 20 s");
        std::process::exit(1);
    }
    app.settle_for(Duration::from_millis(300));
    for _ in 0..4 {
        app.send(b"[");
        app.settle_for(Duration::from_millis(150));
    }
    app.send(b"a");
    app.settle_for(Duration::from_millis(500));
    eprintln!("latency: typing into a new map item");
    let warm = app.time_keys(20, BACKSPACE);
    drop(warm);
    let cpu_before = app.cpu_time();
    let cpconf = app.time_keys(args.trials, BACKSPACE);
    let cpu_per_key = app.cpu_time().zip(cpu_before).map(|(after, before)| {
        (after.saturating_sub(before)).as_secs_f64() * 1e3 / args.trials as f64
    });
    // Leave the editor (the text is kept: a change, saved in the
    // background), go to the pre-meeting (stage 1) and tick its first box.
    app.send(b"\x1b");
    app.settle_for(Duration::from_millis(300));
    for _ in 0..3 {
        app.send(b"[");
        app.settle_for(Duration::from_millis(150));
    }
    eprintln!("latency: ticking a box while autosaves run");
    let counter = SaveCounter::start(&file);
    let ticks = app.time_ticks(args.ticks);
    app.settle_for(Duration::from_millis(1500));
    let saves = counter.finish();
    let memory = app.memory_mb();
    app.send(b"q");
    app.settle_for(Duration::from_millis(300));
    drop(app);

    eprintln!("latency: the same harness on cat");
    let mut cat = Pty::start(CommandBuilder::new("cat"));
    cat.settle_for(Duration::from_millis(200));
    let _ = cat.time_keys(20, BACKSPACE);
    let baseline = cat.time_keys(args.trials, BACKSPACE);
    drop(cat);

    // The same, with cat itself echoing: the terminal in raw mode without
    // echo, so each key makes the round trip through a program, which
    // reads it and writes it back (Backspace is written as BS space BS).
    eprintln!("latency: the same harness on cat echoing in raw mode");
    let mut raw = CommandBuilder::new("sh");
    raw.args(["-c", "stty raw -echo && exec cat"]);
    let mut raw = Pty::start(raw);
    raw.settle_for(Duration::from_millis(200));
    let _ = raw.time_keys(20, b"\x08 \x08");
    let raw_cat = raw.time_keys(args.trials, b"\x08 \x08");
    drop(raw);

    let (cm, cp) = summary(cpconf);
    let (bm, bp) = summary(baseline);
    let (rm, rp) = summary(raw_cat);
    let (tm, tp) = summary(ticks);
    println!(
        "keystroke to screen, {} keys each, {COLS}x{ROWS} pty, session size {}",
        args.trials,
        args.size.name()
    );
    println!("{:<8} {:>10} {:>10}", "", "median ms", "p99 ms");
    println!("{:<8} {:>10.3} {:>10.3}", "cpconf", cm, cp);
    println!(
        "{:<8} {:>10.3} {:>10.3}   (the terminal's own echo)",
        "cat", bm, bp
    );
    println!(
        "{:<8} {:>10.3} {:>10.3}   (raw mode: cat reads the key and writes it back)",
        "cat raw", rm, rp
    );
    println!(
        "ratio    {:>10.2} {:>10.2}   (cpconf / cat)",
        cm / bm.max(1e-9),
        cp / bp.max(1e-9)
    );
    println!(
        "ratio    {:>10.2} {:>10.2}   (cpconf / cat raw)",
        cm / rm.max(1e-9),
        cp / rp.max(1e-9)
    );
    println!(
        "ticks    {:>10.3} {:>10.3}   ({} keys that change the session, {} autosaves of it meanwhile)",
        tm, tp, args.ticks, saves
    );
    if let Some(cpu) = cpu_per_key {
        println!("cpu      {cpu:>10.3}              (cpconf's own CPU time per key typed, mean)");
    }
    match memory {
        Some((rss, hwm)) => {
            println!("memory   VmRSS {rss:.1} MB, VmHWM {hwm:.1} MB (cpconf with the session open)")
        }
        None => println!("memory   not available (no /proc)"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Counts saves of a file while it runs: a save writes a new file and
/// renames it over the old one, so each save shows as a new inode.
struct SaveCounter {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<usize>,
}

impl SaveCounter {
    fn start(file: &Path) -> SaveCounter {
        use std::os::unix::fs::MetadataExt;
        use std::sync::atomic::Ordering;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (flag, file) = (stop.clone(), file.to_path_buf());
        let thread = std::thread::spawn(move || {
            let inode = || std::fs::metadata(&file).map(|m| m.ino()).ok();
            let (mut last, mut saves) = (inode(), 0);
            while !flag.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(5));
                let now = inode();
                if now.is_some() && now != last {
                    saves += 1;
                    last = now;
                }
            }
            saves
        });
        SaveCounter { stop, thread }
    }

    fn finish(self) -> usize {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        self.thread.join().unwrap_or(0)
    }
}
