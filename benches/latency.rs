//! Keystroke-to-screen latency through a real pseudo-terminal, beside vim.
//!
//! Each program runs in the same kind of pty, at 80x24 and at 200x60, and
//! each trial writes one key and waits until the screen, as a vt100
//! emulator sees it, shows the change. A trial's time runs from writing
//! the key to the arrival of the output that made the change (stamped by
//! the thread reading the pty): the emulator's own work to take the bytes
//! in and compare screens is not counted, for any program. The programs:
//!
//! - `cat`, where the terminal's own echo shows the key: the floor;
//! - vim with no user configuration (`vim -u NONE -N -i NONE`) in insert
//!   mode on a 50 KB text, a letter then Backspace, alternately: what a
//!   terminal editor achieves, and the figure cpconf is compared with;
//! - cpconf on a generated session (L unless `--size` says otherwise):
//!   typing into a new map item, typing into a 50 KB note (the bottom lines
//!   of the safety goals) and moving through the map's list (Down, Up).
//!
//! One run prints medians and p99 for each case and each as a ratio to vim
//! at the same size, and beside them the program's own CPU time per key
//! (which waiting for a shared machine's CPU does not inflate). Then, at 200x60: cpconf's own CPU time while it sits
//! idle with the session open (from /proc), keys that change the session
//! at a human pace while autosaves of it run, and its resident memory.
//!
//! It reports and never judges: the targets are in README "Performance".
//!
//! `cargo build --release && cargo run --release -p cpconf-bench --bin latency [-- --quick] [--trials N] [--size S|M|L]`

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
    /// Keys timed for each case.
    #[arg(long, default_value_t = 300)]
    trials: usize,
    #[arg(long, default_value = "L")]
    size: Size,
    /// Ticks timed while autosaves run (each followed by a pause).
    #[arg(long, default_value_t = 100)]
    ticks: usize,
    /// Seconds cpconf sits idle while its CPU time is measured.
    #[arg(long, default_value_t = 60)]
    idle: u64,
    /// A short run (what CI does): 40 keys a case, 10 ticks, 5 s idle.
    #[arg(long)]
    quick: bool,
    /// Time this cpconf binary instead of the one built beside the harness
    /// (to compare two builds).
    #[arg(long)]
    program: Option<PathBuf>,
}

/// Backspace as a terminal sends it.
const BACKSPACE: &[u8] = b"\x7f";
const DOWN: &[u8] = b"\x1b[B";
const UP: &[u8] = b"\x1b[A";

/// The two screen sizes every case runs at: (columns, rows).
const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

struct Pty {
    parser: vt100::Parser,
    /// The program's output, each read stamped with when it arrived.
    output: Receiver<(Instant, Vec<u8>)>,
    /// When the output the emulator last took in arrived.
    last_arrival: Instant,
    /// The program's CPU time for each key of the last `time_keys`, in ms.
    cpu_per_key: Option<f64>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Pty {
    fn start(cmd: CommandBuilder, (cols, rows): (u16, u16)) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
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
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        Pty {
            parser: vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0),
            output,
            last_arrival: Instant::now(),
            cpu_per_key: None,
            writer,
            child,
        }
    }

    fn contents(&self) -> String {
        self.parser.screen().contents()
    }

    fn count_ticks(&self) -> usize {
        self.contents().matches("[x]").count()
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

    /// CPU time of all the program's threads, to the nanosecond where the
    /// kernel keeps scheduler statistics (/proc/PID/task/*/schedstat).
    fn cpu_time_fine(&self) -> Option<Duration> {
        let pid = self.child.process_id()?;
        let mut total = 0u64;
        for task in std::fs::read_dir(format!("/proc/{pid}/task")).ok()? {
            let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
            total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
        }
        Some(Duration::from_nanos(total))
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
                fail(&format!("tick {i} did not show within 5 s"), self);
            }
            out.push(self.last_arrival.saturating_duration_since(start));
            ticks = self.count_ticks();
            // A fixed sequence of pauses (no randomness from the machine).
            pause = (pause * 7919 + 13) % 301;
            self.settle_for(Duration::from_millis(pause));
        }
        out
    }

    /// Takes in output for `d`, whatever arrives.
    fn settle_for(&mut self, d: Duration) {
        let end = Instant::now() + d;
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            match self.output.recv_timeout(left) {
                Ok((_, bytes)) => self.parser.process(&bytes),
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
            if let Ok((at, bytes)) = self.output.recv_timeout(left) {
                self.parser.process(&bytes);
                self.last_arrival = at;
                // Take everything already there before looking again.
                while let Ok((at, more)) = self.output.try_recv() {
                    self.parser.process(&more);
                    self.last_arrival = at;
                }
            }
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Times `trials` keys, `a` then `b` alternately, each waiting until
    /// what `shown` reads off the screen differs from before the key.
    fn time_keys<T: PartialEq>(
        &mut self,
        trials: usize,
        (a, b): (&[u8], &[u8]),
        shown: impl Fn(&vt100::Screen) -> T,
    ) -> Vec<Duration> {
        let mut out = Vec::with_capacity(trials);
        let cpu_before = self.cpu_time_fine();
        for i in 0..trials {
            let before = shown(self.parser.screen());
            let start = Instant::now();
            self.send(if i % 2 == 0 { a } else { b });
            if !self.wait(Duration::from_secs(5), |p| {
                shown(p.parser.screen()) != before
            }) {
                fail(&format!("key {i} did not show within 5 s"), self);
            }
            out.push(self.last_arrival.saturating_duration_since(start));
        }
        self.cpu_per_key = cpu_before
            .zip(self.cpu_time_fine())
            .map(|(a, b)| b.saturating_sub(a).as_secs_f64() * 1e3 / trials.max(1) as f64);
        out
    }

    /// A letter then Backspace, alternately, `trials` times after a warm-up.
    fn time_typing(&mut self, trials: usize, erase: &[u8]) -> Vec<Duration> {
        let text = |s: &vt100::Screen| s.contents();
        let _ = self.time_keys(20, (b"x", erase), text);
        self.time_keys(trials, (b"x", erase), text)
    }

    /// Down then Up, alternately: what changes is where the highlight is.
    fn time_moves(&mut self, trials: usize) -> Vec<Duration> {
        let look = |s: &vt100::Screen| s.contents_formatted();
        let _ = self.time_keys(20, (DOWN, UP), look);
        self.time_keys(trials, (DOWN, UP), look)
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn fail(why: &str, p: &Pty) -> ! {
    eprintln!("{why}; screen:\n{}", p.contents());
    std::process::exit(1);
}

/// Median and p99 in milliseconds.
fn summary(mut t: Vec<Duration>) -> (f64, f64) {
    t.sort();
    let at = |p: f64| t[((t.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1e3;
    (at(0.5), at(0.99))
}

fn binary() -> PathBuf {
    // target/<profile>/latency -> target/<profile>/cpconf
    let exe = std::env::current_exe().unwrap();
    let bin = exe.parent().map(|d| d.join("cpconf")).unwrap();
    if !bin.exists() {
        eprintln!(
            "{} is missing: run `cargo build --release` first",
            bin.display()
        );
        std::process::exit(2);
    }
    bin
}

/// About 50 KB of plain prose for vim to edit, without the letter the
/// trials type (so the screen shows exactly what was typed).
fn vim_text() -> String {
    let words = [
        "the", "family", "said", "that", "school", "would", "help", "with", "mornings", "and",
        "visits", "when", "needed", "before", "review", "plan", "agreed", "worker", "home", "safe",
    ];
    let mut out = String::new();
    let mut n = 0usize;
    while out.len() < 50_000 {
        for _ in 0..12 {
            out.push_str(words[n % words.len()]);
            out.push(' ');
            n = n * 31 + 7;
            n %= 1_000_003;
        }
        out.push('\n');
    }
    out
}

fn is_installed(program: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("command -v {program} >/dev/null")])
        .status()
        .is_ok_and(|s| s.success())
}

/// One case's figures in milliseconds: median and p99 of the keys, and
/// the program's own CPU time per key (all its threads, from /proc): on a
/// machine shared with other work, wall times wait for a CPU, CPU time
/// does not.
#[derive(Clone, Copy)]
struct Case {
    median: f64,
    p99: f64,
    cpu: Option<f64>,
}

impl Case {
    fn of(times: Vec<Duration>, p: &Pty) -> Case {
        let (median, p99) = summary(times);
        Case {
            median,
            p99,
            cpu: p.cpu_per_key,
        }
    }
}

/// Everything timed at one size.
#[derive(Default)]
struct SizeRun {
    cat: Option<Case>,
    vim: Option<Case>,
    map_item: Option<Case>,
    note: Option<Case>,
    list: Option<Case>,
}

struct Setup {
    bin: PathBuf,
    file: PathBuf,
    dir: PathBuf,
    sessions: PathBuf,
    vim_file: PathBuf,
    trials: usize,
}

impl Setup {
    fn cpconf(&self, size: (u16, u16)) -> Pty {
        let mut cmd = CommandBuilder::new(&self.bin);
        cmd.arg("open");
        cmd.arg(&self.file);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_STATE_HOME", self.dir.join("state"));
        cmd.env("CPCONF_SESSIONS", &self.sessions);
        cmd.cwd(&self.dir);
        let mut app = Pty::start(cmd, size);
        // The status bar's meeting time: the first frame is there.
        if !app.wait(Duration::from_secs(20), |p| {
            p.contents().contains("meeting")
        }) {
            fail("cpconf did not draw within 20 s", &app);
        }
        app.settle_for(Duration::from_millis(300));
        app
    }

    /// A stage by its number (Alt+digit).
    fn go_to(app: &mut Pty, stage: u8) {
        app.send(&[0x1b, b'0' + stage]);
        app.settle_for(Duration::from_millis(300));
    }

    fn run_size(&self, size: (u16, u16)) -> SizeRun {
        let mut run = SizeRun::default();
        let (cols, rows) = size;
        eprintln!("latency {cols}x{rows}: cat");
        let mut cat = Pty::start(CommandBuilder::new("cat"), size);
        cat.settle_for(Duration::from_millis(200));
        let times = cat.time_typing(self.trials, BACKSPACE);
        run.cat = Some(Case::of(times, &cat));
        drop(cat);

        if is_installed("vim") {
            eprintln!("latency {cols}x{rows}: vim");
            let mut cmd = CommandBuilder::new("vim");
            cmd.args(["-u", "NONE", "-N", "-i", "NONE", "-n"]);
            cmd.arg(&self.vim_file);
            cmd.env("TERM", "xterm-256color");
            cmd.cwd(&self.dir);
            let mut vim = Pty::start(cmd, size);
            if !vim.wait(Duration::from_secs(10), |p| p.contents().contains("family")) {
                fail("vim did not show its file within 10 s", &vim);
            }
            vim.settle_for(Duration::from_millis(300));
            // To the middle of the file, then insert mode.
            vim.send(b"500Gi");
            vim.settle_for(Duration::from_millis(300));
            let times = vim.time_typing(self.trials, BACKSPACE);
            run.vim = Some(Case::of(times, &vim));
            vim.send(b"\x1b:qa!\r");
            vim.settle_for(Duration::from_millis(100));
        } else {
            eprintln!("latency: vim is not installed; its column is left out");
        }

        eprintln!("latency {cols}x{rows}: cpconf, the map's list and a new map item");
        let mut app = self.cpconf(size);
        Self::go_to(&mut app, 4);
        let times = app.time_moves(self.trials);
        run.list = Some(Case::of(times, &app));
        // Typing in a map column starts a new item holding what is typed.
        app.send(b"a");
        app.settle_for(Duration::from_millis(300));
        let times = app.time_typing(self.trials, BACKSPACE);
        run.map_item = Some(Case::of(times, &app));
        // Esc keeps the item (a change, saved in the background).
        app.send(b"\x1b");
        app.settle_for(Duration::from_millis(300));

        eprintln!("latency {cols}x{rows}: cpconf, typing into a 50 KB note");
        // The safety goals' bottom lines: the third pane, its first field.
        Self::go_to(&mut app, 6);
        app.send(b"\t");
        app.settle_for(Duration::from_millis(150));
        app.send(b"\t");
        app.settle_for(Duration::from_millis(150));
        app.send(b"\r");
        app.settle_for(Duration::from_millis(500));
        let times = app.time_typing(self.trials, BACKSPACE);
        run.note = Some(Case::of(times, &app));
        app.send(b"\x1b");
        app.settle_for(Duration::from_millis(300));
        app.send(b"\x11");
        app.settle_for(Duration::from_millis(300));
        run
    }

    /// At 200x60: idle CPU, keys while autosaves run, memory.
    fn run_background(&self, idle: Duration, ticks: usize) {
        let mut app = self.cpconf((200, 60));
        // Let the first frame's work and any start-up save finish.
        app.settle_for(Duration::from_secs(2));
        eprintln!("latency: cpconf idle for {} s", idle.as_secs());
        let (before, before_fine) = (app.cpu_time(), app.cpu_time_fine());
        let start = Instant::now();
        app.settle_for(idle);
        let share = |after: Option<Duration>, before: Option<Duration>| {
            after
                .zip(before)
                .map(|(a, b)| a.saturating_sub(b).as_secs_f64() / start.elapsed().as_secs_f64())
        };
        // utime + stime from /proc/PID/stat, in clock ticks (10 ms).
        let idle_cpu = share(app.cpu_time(), before);
        let idle_fine = share(app.cpu_time_fine(), before_fine);

        eprintln!("latency: ticking a box while autosaves run");
        Self::go_to(&mut app, 1);
        let counter = SaveCounter::start(&self.file);
        let ticked = app.time_ticks(ticks);
        app.settle_for(Duration::from_millis(1500));
        let saves = counter.finish();
        let memory = app.memory_mb();
        app.send(b"\x11");
        app.settle_for(Duration::from_millis(300));
        drop(app);

        match idle_cpu {
            Some(share) => println!(
                "idle     {:.3}% of a core (cpconf's own CPU time over {} s with the session open, 200x60)",
                share * 100.0,
                idle.as_secs()
            ),
            None => println!("idle     not available (no /proc)"),
        }
        if let Some(share) = idle_fine {
            println!(
                "idle     {:.4}% of a core (the same from the scheduler's nanosecond count)",
                share * 100.0
            );
        }
        let (tm, tp) = summary(ticked);
        println!(
            "ticks    median {tm:.3} ms, p99 {tp:.3} ms ({ticks} keys that change the session, {saves} autosaves of it meanwhile)"
        );
        match memory {
            Some((rss, hwm)) => {
                println!(
                    "memory   VmRSS {rss:.1} MB, VmHWM {hwm:.1} MB (cpconf with the session open)"
                )
            }
            None => println!("memory   not available (no /proc)"),
        }
    }
}

fn print_size(size: (u16, u16), run: &SizeRun, trials: usize) {
    println!("\n{}x{} pty, {trials} keys a case", size.0, size.1);
    println!(
        "{:<24} {:>10} {:>10} {:>12} {:>12} {:>12} {:>12}",
        "case", "median ms", "p99 ms", "median/vim", "p99/vim", "cpu/key ms", "cpu/vim"
    );
    let rows = [
        ("cat (terminal echo)", run.cat),
        ("vim insert mode", run.vim),
        ("cpconf map item", run.map_item),
        ("cpconf 50 KB note", run.note),
        ("cpconf list Down/Up", run.list),
    ];
    let ratio = |x: Option<f64>, v: Option<f64>| match x.zip(v) {
        Some((x, v)) => format!("{:.2}", x / v.max(1e-9)),
        None => "-".into(),
    };
    let vim = |f: fn(&Case) -> Option<f64>| run.vim.as_ref().and_then(f);
    for (name, case) in rows {
        let Some(c) = case else { continue };
        let rm = ratio(Some(c.median), vim(|v| Some(v.median)));
        let rp = ratio(Some(c.p99), vim(|v| Some(v.p99)));
        let rc = ratio(c.cpu, vim(|v| v.cpu));
        let cpu = c.cpu.map_or("-".into(), |x| format!("{x:.3}"));
        println!(
            "{name:<24} {:>10.3} {:>10.3} {rm:>12} {rp:>12} {cpu:>12} {rc:>12}",
            c.median, c.p99
        );
    }
}

fn main() {
    let mut args = Args::parse();
    if args.quick {
        args.trials = args.trials.min(40);
        args.ticks = args.ticks.min(10);
        args.idle = args.idle.min(5);
    }
    let dir = std::env::temp_dir().join(format!("cpconf-latency-{}", std::process::id()));
    let sessions = dir.join("sessions");
    let file = write_sessions(&sessions, args.size, 1).unwrap().remove(0);
    let vim_file = dir.join("notes.txt");
    std::fs::write(&vim_file, vim_text()).unwrap();
    let setup = Setup {
        bin: args
            .program
            .as_ref()
            .map(|p| std::path::absolute(p).unwrap())
            .unwrap_or_else(binary),
        file,
        dir: dir.clone(),
        sessions,
        vim_file,
        trials: args.trials,
    };
    let runs: Vec<SizeRun> = SIZES.iter().map(|s| setup.run_size(*s)).collect();
    println!(
        "keystroke to screen, session size {}, each program in the same pty",
        args.size.name()
    );
    for (size, run) in SIZES.iter().zip(&runs) {
        print_size(*size, run, args.trials);
    }
    println!();
    setup.run_background(Duration::from_secs(args.idle), args.ticks);
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
