//! `cargo bench`: how fast cpconf draws, takes a key, loads, saves and
//! lists sessions, on generated fictional sessions (see `cpconf::generate`).
//!
//! Criterion measures the figures with statistics; after it, a few figures
//! that need a distribution rather than a mean (p99 of one key, keys typed
//! while an autosave runs, the session list's first frame) are timed by
//! hand and printed as a table. `cargo bench -- --quick` runs everything
//! briefly (CI uses it to prove the benchmarks still run).

// A measuring tool, not the program: a failed unwrap stops the run.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::DateTime;
use cpconf::app::state::{Access, App};
use cpconf::app::update::Msg;
use cpconf::browser::{self, Browser, PaperworkCheck, Scan};
use cpconf::generate::{self, Size};
use cpconf::model::{Session, Stage, Timestamp};
use cpconf::storage::{self, DurableWriter};
use criterion::{BenchmarkId, Criterion};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-23T10:00:00+00:00").unwrap()
}

fn app(size: Size, stage: Stage) -> App {
    let mut app = App::new(generate::session(size, 1), Access::Edit, now());
    app.update(Msg::GoToStage(stage));
    app
}

fn term(w: u16, h: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).unwrap()
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn data_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cpconf-bench-{}", std::process::id()));
    dir.join(name)
}

/// A fresh copy of one generated session on disk, and its bytes.
fn session_file(size: Size) -> (PathBuf, Vec<u8>) {
    let dir = data_dir(&format!("one-{}", size.name()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = generate::write_sessions(&dir, size, 1).unwrap().remove(0);
    let bytes = std::fs::read(&path).unwrap();
    (path, bytes)
}

/// 1,000 sessions (mostly S, every tenth M) and one unreadable file.
fn browser_dir() -> PathBuf {
    let dir = data_dir("browser-1000");
    if dir.exists() {
        return dir;
    }
    storage::ensure_dir(&dir).unwrap();
    for i in 0..1000u64 {
        let size = if i % 10 == 0 { Size::M } else { Size::S };
        let s = generate::session(size, i);
        // Plain writes: these are throwaway files, no need to fsync 1,000.
        let path = dir.join(format!("{:04}-{}.json", i, s.setup.family_reference));
        std::fs::write(&path, storage::to_json_bytes(&s).unwrap()).unwrap();
    }
    std::fs::write(
        dir.join("0500-broken.json"),
        b"{\"schema_version\": 1, \"id\": ",
    )
    .unwrap();
    dir
}

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn bench_render(c: &mut Criterion) {
    let mut g = c.benchmark_group("render");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(800));
    for size in [Size::S, Size::L] {
        for (w, h) in SIZES {
            for stage in Stage::SCREENS {
                let app = app(size, stage);
                let mut t = term(w, h);
                let id = BenchmarkId::new(
                    format!("{}/{w}x{h}", size.name()),
                    format!("{}-{}", stage.number(), stage.short_title()),
                );
                g.bench_function(id, |b| {
                    b.iter(|| {
                        t.draw(|f| cpconf::ui::draw(f, black_box(&app))).unwrap();
                    })
                });
            }
        }
    }
    g.finish();
}

fn bench_key(c: &mut Criterion) {
    let mut g = c.benchmark_group("key");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(800));
    for stage in Stage::SCREENS {
        let mut app = app(Size::L, stage);
        let mut t = term(200, 60);
        let mut down = true;
        let id = BenchmarkId::new(
            "L/200x60/down-up",
            format!("{}-{}", stage.number(), stage.short_title()),
        );
        g.bench_function(id, |b| {
            b.iter(|| {
                app.update(key(if down { KeyCode::Down } else { KeyCode::Up }));
                down = !down;
                t.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
            })
        });
    }
    g.finish();
}

fn bench_storage(c: &mut Criterion) {
    let mut g = c.benchmark_group("storage");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    for size in [Size::S, Size::L] {
        let (path, bytes) = session_file(size);
        let n = size.name();
        g.bench_function(format!("{n}/serde_json-from_slice-Session"), |b| {
            b.iter(|| serde_json::from_slice::<Session>(black_box(&bytes)).unwrap())
        });
        g.bench_function(format!("{n}/load"), |b| {
            b.iter(|| storage::load(black_box(&path)).unwrap())
        });
        g.bench_function(format!("{n}/open-to-first-frame-200x60"), |b| {
            b.iter(|| {
                let loaded = storage::load(&path).unwrap();
                let app = App::new(loaded.session, Access::Edit, now());
                let mut t = term(200, 60);
                t.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
            })
        });
        let mut session = storage::load(&path).unwrap().session;
        let mut minute = 0i64;
        g.bench_function(format!("{n}/save"), |b| {
            b.iter(|| {
                // A real change each time, or `save` sees nothing new.
                minute += 1;
                session.updated_at = now() + chrono::Duration::minutes(minute);
                storage::save(&DurableWriter, &path, &session).unwrap()
            })
        });
    }
    g.finish();
}

/// Opens the session list and draws until `done` says the list is ready.
fn browser_frame(dir: &Path, full: bool) -> usize {
    let (scan, files) = Scan::start(dir).unwrap();
    let mut b = Browser::new(dir, files, no_overdue_check());
    let mut t = term(120, 40);
    loop {
        b.update(browser::Msg::Scanned(scan.take()));
        if !full || b.pending() == 0 {
            t.draw(|f| cpconf::browser::draw(f, &b)).unwrap();
            return b.entries().len();
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

fn bench_browser(c: &mut Criterion) {
    let dir = browser_dir();
    let mut g = c.benchmark_group("browser-1000");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(3));
    g.bench_function("first-frame", |b| b.iter(|| browser_frame(&dir, false)));
    g.bench_function("full-list", |b| b.iter(|| browser_frame(&dir, true)));
    g.finish();
}

// ----- figures timed by hand: medians and p99 ---------------------------------

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn summary(mut times: Vec<Duration>) -> (Duration, Duration, Duration) {
    times.sort();
    (
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        *times.last().unwrap(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1e3)
}

/// CPU time this thread has used: beside wall time it shows how much of a
/// slow key was work and how much was waiting for a shared machine's CPU.
fn thread_cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid clock id and a pointer to a live timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Every key of a cycle, update plus render at 200x60, each timed: wall
/// time and this thread's CPU time, and (third) the wall time of drawing
/// the frame's cells alone, before ratatui diffs it with the last frame
/// and writes the changes (for `Way::Screen`, the whole of it: drawing,
/// comparing and sending are one step there).
fn time_keys(
    app: &mut App,
    cycle: &[Msg],
    rounds: usize,
    way: Way,
) -> (Vec<Duration>, Vec<Duration>, Vec<Duration>) {
    let mut t = term(200, 60);
    let mut cache = cpconf::ui::FrameCache::default();
    let mut screen = cpconf::ui::Screen::default();
    let mut draw = |t: &mut Terminal<TestBackend>, app: &App| {
        let mut cells = Duration::ZERO;
        if way == Way::Screen {
            let start = Instant::now();
            screen.present(t, app).unwrap();
            return start.elapsed();
        }
        t.draw(|f| {
            let start = Instant::now();
            if way == Way::Cached {
                cpconf::ui::draw_cached(f, app, &mut cache);
            } else {
                cpconf::ui::draw(f, app);
            }
            cells = start.elapsed();
        })
        .unwrap();
        cells
    };
    draw(&mut t, app);
    let (mut wall, mut cpu, mut cells) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        for k in cycle {
            let (start, start_cpu) = (Instant::now(), thread_cpu());
            app.update(k.clone());
            cells.push(draw(&mut t, app));
            wall.push(start.elapsed());
            cpu.push(thread_cpu().saturating_sub(start_cpu));
        }
    }
    (wall, cpu, cells)
}

/// How a key's frame is drawn.
#[derive(Clone, Copy, PartialEq)]
enum Way {
    /// A whole fresh frame, diffed by ratatui.
    Fresh,
    /// Through the pane memo, on a blank frame diffed whole by ratatui.
    Cached,
    /// As the runtime does: drawn over the last frame, only what could have
    /// changed compared and sent (`ui::Screen`).
    Screen,
}

/// A row timed with a whole fresh frame a key, then the same keys on
/// fresh copies of the app through the pane memo and as the runtime draws.
fn key_rows(name: &str, start: impl Fn() -> App, cycle: &[Msg], rounds: usize) {
    key_row(name, time_keys(&mut start(), cycle, rounds, Way::Fresh));
    key_row(
        "  cached",
        time_keys(&mut start(), cycle, rounds, Way::Cached),
    );
    key_row(
        "  over the last (runtime)",
        time_keys(&mut start(), cycle, rounds, Way::Screen),
    );
}

fn key_row(name: &str, (wall, cpu, cells): (Vec<Duration>, Vec<Duration>, Vec<Duration>)) {
    let (m, p, x) = summary(wall);
    let (cm, cp, _) = summary(cpu);
    let (dm, _, _) = summary(cells);
    println!(
        "{name:<34} {:>8} {:>8} {:>8} {:>9} {:>8} {:>9}",
        ms(m),
        ms(p),
        ms(x),
        ms(cm),
        ms(cp),
        ms(dm)
    );
}

fn keys_table(quick: bool) {
    let rounds = if quick { 10 } else { 200 };
    println!("\n== one key with L at 200x60 (update + render), ms");
    println!(
        "{:<34} {:>8} {:>8} {:>8} {:>9} {:>8} {:>9}",
        "stage / keys", "median", "p99", "max", "cpu med", "cpu p99", "cells med"
    );
    println!(
        "(cells: drawing the frame's cells alone; the rest of a key is the update, ratatui's diff and the writes; over the last: drawing, comparing and sending together)"
    );
    for stage in Stage::SCREENS {
        key_rows(
            &format!("{}-{} Down/Up", stage.number(), stage.short_title()),
            || app(Size::L, stage),
            &[key(KeyCode::Down), key(KeyCode::Up)],
            rounds,
        );
    }
    // An edit that goes through the undo history: open a map item, edit its
    // text, type, keep it (Esc), close the form.
    key_rows(
        "4-Map edit item (5 keys)",
        || app(Size::L, Stage::Map),
        &[
            key(KeyCode::Enter),
            key(KeyCode::Enter),
            key(KeyCode::Char('x')),
            key(KeyCode::Esc),
            key(KeyCode::Esc),
        ],
        rounds / 2,
    );
    // Typing into a new map item: a letter typed in a column starts one.
    key_rows(
        "4-Map typing into a new item",
        || {
            let mut app = app(Size::L, Stage::Map);
            app.update(key(KeyCode::Char('a')));
            app
        },
        &[key(KeyCode::Char('x')), key(KeyCode::Backspace)],
        rounds,
    );
    // Moving through the agenda: each stage's first frame after the last.
    let cycle: Vec<Msg> = std::iter::repeat_n(key(KeyCode::PageDown), 9)
        .chain(std::iter::repeat_n(key(KeyCode::PageUp), 9))
        .collect();
    key_rows(
        "0-9 PgDn and PgUp, every stage",
        || app(Size::L, Stage::Setup),
        &cycle,
        rounds / 4,
    );
    // Typing into a 50 KB note.
    key_rows(
        "6-Goals typing in 50 KB note",
        app_typing_note,
        &[key(KeyCode::Char('x'))],
        rounds,
    );
}

/// L at stage 6 with the editor open on the bottom lines (a 50 KB note).
fn app_typing_note() -> App {
    let mut app = app(Size::L, Stage::SafetyGoals);
    // Tab to the bottom lines / contingency form, then Enter to edit.
    for _ in 0..4 {
        app.update(key(KeyCode::Tab));
        if app.contexts().first() == Some(&cpconf::app::keymap::Context::Form) {
            break;
        }
    }
    app.update(key(KeyCode::Enter));
    let typing = app.draft().map_or(0, |(_, text)| text.len());
    assert!(
        typing > 40_000,
        "the editor is open on a long note ({typing} bytes)"
    );
    app
}

fn autosave_table(quick: bool) {
    let rounds = if quick { 10 } else { 300 };
    println!("\n== autosave of L and the keys, ms");
    let (path, _) = session_file(Size::L);
    let session = Arc::new(storage::load(&path).unwrap().session);
    // Handing the session to the saver copies it on the input thread; the
    // runtime does this only after the frame is drawn and the keyboard has
    // been quiet for 100 ms, never between a key and its frame.
    let copies: Vec<Duration> = (0..rounds.min(50))
        .map(|_| {
            let start = Instant::now();
            black_box(Arc::new((*session).clone()));
            start.elapsed()
        })
        .collect();
    let (cm, cp, _) = summary(copies);
    println!(
        "{:<34} {:>8} {:>8}   (done when idle, off the key-to-frame path)",
        "hand-off copy of L",
        ms(cm),
        ms(cp)
    );
    // The write itself runs on the saver thread: keys (update + render at
    // 200x60) with and without a save of L being written meanwhile.
    let mut app = app(Size::L, Stage::Map);
    let mut t = term(200, 60);
    let cycle = [key(KeyCode::Down), key(KeyCode::Up)];
    let mut time = |app: &mut App| {
        let mut out = Vec::new();
        for _ in 0..rounds {
            for k in &cycle {
                let start = Instant::now();
                app.update(k.clone());
                t.draw(|f| cpconf::ui::draw(f, app)).unwrap();
                out.push(start.elapsed());
                std::thread::sleep(Duration::from_micros(300));
            }
        }
        summary(out)
    };
    let (m0, p0, _) = time(&mut app);
    let stop = Arc::new(AtomicBool::new(false));
    let saves = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let saver = {
        let (stop, saves, session, path) =
            (stop.clone(), saves.clone(), session.clone(), path.clone());
        std::thread::spawn(move || {
            let mut s = (*session).clone();
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                i += 1;
                s.updated_at = now() + chrono::Duration::seconds(i);
                storage::save(&DurableWriter, &path, &s).unwrap();
                saves.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    let (m1, p1, _) = time(&mut app);
    stop.store(true, Ordering::Relaxed);
    saver.join().unwrap();
    // The same with a key: every save of L is encrypted to it (age,
    // X25519 + ChaCha20-Poly1305) on the saver thread.
    cpconf::crypt::sitting::begin(cpconf::crypt::sitting::Unlocked::new(
        age::x25519::Identity::generate(),
    ));
    let plain = storage::to_json_bytes(&session).unwrap();
    let seals: Vec<Duration> = (0..rounds.min(30))
        .map(|_| {
            let start = Instant::now();
            black_box(cpconf::crypt::seal(&plain).unwrap());
            start.elapsed()
        })
        .collect();
    let (sm, sp, _) = summary(seals);
    let stop = Arc::new(AtomicBool::new(false));
    let encrypted_saves = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let saver = {
        let (stop, saves, session, path) = (
            stop.clone(),
            encrypted_saves.clone(),
            session.clone(),
            path.clone(),
        );
        std::thread::spawn(move || {
            let mut s = (*session).clone();
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                i += 1;
                s.updated_at = now() + chrono::Duration::seconds(1_000 + i);
                storage::save(&DurableWriter, &path, &s).unwrap();
                saves.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    let (m2, p2, _) = time(&mut app);
    stop.store(true, Ordering::Relaxed);
    saver.join().unwrap();
    cpconf::crypt::sitting::end();
    println!(
        "{:<34} {:>8} {:>8}",
        "key (update + render)", "median", "p99"
    );
    println!("{:<34} {:>8} {:>8}", "  no save running", ms(m0), ms(p0));
    println!(
        "{:<34} {:>8} {:>8}   ({} saves of L meanwhile)",
        "  saves of L running",
        ms(m1),
        ms(p1),
        saves.load(Ordering::Relaxed)
    );
    println!(
        "{:<34} {:>8} {:>8}   ({} encrypted saves of L meanwhile)",
        "  encrypted saves of L running",
        ms(m2),
        ms(p2),
        encrypted_saves.load(Ordering::Relaxed)
    );
    println!(
        "{:<34} {:>8} {:>8}   (on the saver thread; {} KB)",
        "encrypting L's bytes",
        ms(sm),
        ms(sp),
        plain.len() / 1000
    );
}

/// Opening L: the same bytes parsed by serde_json into `Session`, against
/// cpconf's own load (checks included) through to the first frame.
fn open_table(quick: bool) {
    let rounds = if quick { 3 } else { 30 };
    println!("\n== opening a session from disk, ms (medians)");
    for size in [Size::S, Size::L] {
        let (path, _) = session_file(size);
        let mut parse = Vec::new();
        let mut open = Vec::new();
        for _ in 0..rounds {
            let start = Instant::now();
            let bytes = std::fs::read(&path).unwrap();
            black_box(serde_json::from_slice::<Session>(&bytes).unwrap());
            parse.push(start.elapsed());
            let start = Instant::now();
            let loaded = storage::load(&path).unwrap();
            let app = App::new(loaded.session, Access::Edit, now());
            let mut t = term(200, 60);
            t.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
            open.push(start.elapsed());
        }
        let (p, o) = (summary(parse).0, summary(open).0);
        println!(
            "{}: read + serde_json parse {}   open to first frame {}   ratio {:.2}",
            size.name(),
            ms(p),
            ms(o),
            o.as_secs_f64() / p.as_secs_f64()
        );
        // Encrypted: the same session saved with a key, opened (read,
        // decrypt, parse, checks) to the first frame, against parsing the
        // plaintext bytes.
        cpconf::crypt::sitting::begin(cpconf::crypt::sitting::Unlocked::new(
            age::x25519::Identity::generate(),
        ));
        let session = storage::load(&path).unwrap().session;
        std::fs::remove_file(&path).unwrap();
        storage::save(&DurableWriter, &path, &session).unwrap();
        assert!(cpconf::crypt::is_encrypted(&std::fs::read(&path).unwrap()));
        let mut open = Vec::new();
        for _ in 0..rounds {
            let start = Instant::now();
            let loaded = storage::load(&path).unwrap();
            let app = App::new(loaded.session, Access::Edit, now());
            let mut t = term(200, 60);
            t.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
            open.push(start.elapsed());
        }
        cpconf::crypt::sitting::end();
        let o = summary(open).0;
        println!(
            "{} encrypted: open to first frame {}   ratio to the plaintext parse {:.2}",
            size.name(),
            ms(o),
            o.as_secs_f64() / p.as_secs_f64()
        );
    }
}

fn browser_table(quick: bool) {
    let rounds = if quick { 2 } else { 15 };
    let dir = browser_dir();
    let first: Vec<Duration> = (0..rounds)
        .map(|_| {
            let s = Instant::now();
            browser_frame(&dir, false);
            s.elapsed()
        })
        .collect();
    let full: Vec<Duration> = (0..rounds)
        .map(|_| {
            let s = Instant::now();
            let n = browser_frame(&dir, true);
            assert_eq!(n, 1001);
            s.elapsed()
        })
        .collect();
    let (scan, files) = Scan::start(&dir).unwrap();
    let mut b = Browser::new(&dir, files, no_overdue_check());
    while b.pending() > 0 {
        b.update(browser::Msg::Scanned(scan.take()));
        std::thread::yield_now();
    }
    let unreadable = b.entries().iter().filter(|e| e.summary.is_err()).count();
    println!("\n== session list over 1,000 sessions (+1 unreadable), ms");
    println!(
        "first frame median {}   full list median {}   unreadable flagged: {unreadable}",
        ms(summary(first).0),
        ms(summary(full).0)
    );
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let mut c = Criterion::default().configure_from_args();
    bench_render(&mut c);
    bench_key(&mut c);
    bench_storage(&mut c);
    bench_browser(&mut c);
    c.final_summary();
    // `cargo bench -- FILTER` runs only matching criterion benchmarks; the
    // hand-timed tables run when no filter (or "tables") is given.
    let filtered = std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && a != "tables");
    if !filtered {
        keys_table(quick);
        autosave_table(quick);
        open_table(quick);
        browser_table(quick);
    }
    let _ = std::fs::remove_dir_all(data_dir(""));
}

/// The default local rules, today: what the list is given when it opens.
fn no_overdue_check() -> PaperworkCheck {
    PaperworkCheck::new(
        &cpconf::config::Config::default(),
        chrono::Local::now().date_naive(),
    )
}
