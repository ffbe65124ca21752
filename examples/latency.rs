//! Keystroke-to-screen latency through a real pseudo-terminal.
//!
//! Starts the release binary on a generated L session in a 200x60 pty,
//! opens a new map item's text and types: each trial writes one key ('x',
//! then Backspace, alternately) and waits until the screen, as a vt100
//! emulator sees it, shows the change (the count of 'x' on screen). The
//! same harness then times `cat` in the same pty, where the terminal's own
//! echo shows the key: that is the floor, and the ratio is the figure.
//!
//! `cargo build --release && cargo run --release --example latency [-- --trials N] [--size S|M|L]`

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
}

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

    /// Lets output settle: nothing new for `quiet`.
    fn settle(&mut self, quiet: Duration) {
        while let Ok(bytes) = self.output.recv_timeout(quiet) {
            self.parser.process(&bytes);
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Times `trials` keys: 'x' then Backspace, waiting for each to show.
    fn time_keys(&mut self, trials: usize) -> Vec<Duration> {
        let mut expected = self.count_x();
        let mut out = Vec::with_capacity(trials);
        for i in 0..trials {
            let (key, next): (&[u8], usize) = if i % 2 == 0 {
                (b"x", expected + 1)
            } else {
                (b"\x7f", expected - 1)
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
    app.settle(Duration::from_millis(300));
    for _ in 0..4 {
        app.send(b"[");
        app.settle(Duration::from_millis(150));
    }
    app.send(b"a");
    app.settle(Duration::from_millis(500));
    let warm = app.time_keys(20);
    drop(warm);
    let cpconf = app.time_keys(args.trials);
    // Leave the editor and quit so the session is saved and unlocked.
    app.send(b"\x1b");
    app.settle(Duration::from_millis(200));
    drop(app);

    let mut cat = Pty::start(CommandBuilder::new("cat"));
    cat.settle(Duration::from_millis(200));
    let _ = cat.time_keys(20);
    let baseline = cat.time_keys(args.trials);
    drop(cat);

    let (cm, cp) = summary(cpconf);
    let (bm, bp) = summary(baseline);
    println!(
        "keystroke to screen, {} keys each, {COLS}x{ROWS} pty, session size {}",
        args.trials,
        args.size.name()
    );
    println!("{:<8} {:>10} {:>10}", "", "median ms", "p99 ms");
    println!("{:<8} {:>10.3} {:>10.3}", "cpconf", cm, cp);
    println!("{:<8} {:>10.3} {:>10.3}", "cat", bm, bp);
    println!(
        "ratio    {:>10.2} {:>10.2}   (cpconf / cat)",
        cm / bm.max(1e-9),
        cp / bp.max(1e-9)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
