//! `cargo bench`: how fast cpconf draws, takes a key, loads, saves and
//! lists sessions, on generated fictional sessions (see `cpconf::generate`).
//!
//! Criterion measures the figures with statistics; after it, a few figures
//! that need a distribution rather than a mean (p99 of one key, keys typed
//! while an autosave runs, the session list's first frame) are timed by
//! hand and printed as a table. `cargo bench -- --quick` runs everything
//! briefly (CI uses it to prove the benchmarks still run).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::DateTime;
use cpconf::app::state::{Access, App};
use cpconf::app::update::Msg;
use cpconf::browser::Browser;
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
    app.jump_to_stage(stage);
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
    let mut b = Browser::open(dir).unwrap();
    let mut t = term(120, 40);
    loop {
        b.absorb();
        if !full || b.pending == 0 {
            t.draw(|f| cpconf::browser::draw(f, &b)).unwrap();
            return b.entries.len();
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

/// Every key of a cycle, update plus render at 200x60, each timed.
fn time_keys(app: &mut App, cycle: &[Msg], rounds: usize) -> Vec<Duration> {
    let mut t = term(200, 60);
    t.draw(|f| cpconf::ui::draw(f, app)).unwrap();
    let mut out = Vec::new();
    for _ in 0..rounds {
        for k in cycle {
            let start = Instant::now();
            app.update(k.clone());
            t.draw(|f| cpconf::ui::draw(f, app)).unwrap();
            out.push(start.elapsed());
        }
    }
    out
}

fn keys_table(quick: bool) {
    let rounds = if quick { 10 } else { 200 };
    println!("\n== one key with L at 200x60 (update + render), ms");
    println!(
        "{:<34} {:>8} {:>8} {:>8}",
        "stage / keys", "median", "p99", "max"
    );
    for stage in Stage::SCREENS {
        let mut app = app(Size::L, stage);
        let times = time_keys(&mut app, &[key(KeyCode::Down), key(KeyCode::Up)], rounds);
        let (m, p, x) = summary(times);
        let name = format!("{}-{} j/k", stage.number(), stage.short_title());
        println!("{name:<34} {:>8} {:>8} {:>8}", ms(m), ms(p), ms(x));
    }
    // An edit that goes through the undo history: open a map item, edit its
    // text, type, keep it (Esc), close the form.
    let mut app = app(Size::L, Stage::Map);
    let cycle = [
        key(KeyCode::Enter),
        key(KeyCode::Enter),
        key(KeyCode::Char('x')),
        key(KeyCode::Esc),
        key(KeyCode::Esc),
    ];
    let times = time_keys(&mut app, &cycle, rounds / 2);
    let (m, p, x) = summary(times);
    println!(
        "{:<34} {:>8} {:>8} {:>8}",
        "4-Map edit item (5 keys)",
        ms(m),
        ms(p),
        ms(x)
    );
    // Typing into a 50 KB note.
    let mut app = app_typing_note();
    let times = time_keys(&mut app, &[key(KeyCode::Char('x'))], rounds);
    let (m, p, x) = summary(times);
    println!(
        "{:<34} {:>8} {:>8} {:>8}",
        "6-Goals typing in 50 KB note",
        ms(m),
        ms(p),
        ms(x)
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
    app
}

fn autosave_table(quick: bool) {
    let rounds = if quick { 10 } else { 300 };
    println!("\n== update (one key, no render) with L, with and without a save of L running, ms");
    let (path, _) = session_file(Size::L);
    let session = Arc::new(storage::load(&path).unwrap().session);
    let mut app = app(Size::L, Stage::Map);
    let cycle = [key(KeyCode::Down), key(KeyCode::Up)];
    let time = |app: &mut App| {
        let mut out = Vec::new();
        for _ in 0..rounds {
            for k in &cycle {
                let start = Instant::now();
                app.update(k.clone());
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
        let (stop, saves, session, path) = (stop.clone(), saves.clone(), session.clone(), path);
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
    println!("{:<34} {:>8} {:>8}", "", "median", "p99");
    println!("{:<34} {:>8} {:>8}", "no save running", ms(m0), ms(p0));
    println!(
        "{:<34} {:>8} {:>8}   ({} saves of L meanwhile)",
        "save of L running",
        ms(m1),
        ms(p1),
        saves.load(Ordering::Relaxed)
    );
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
    let b = Browser::open(&dir).unwrap();
    let mut b = b;
    while b.pending > 0 {
        b.absorb();
        std::thread::yield_now();
    }
    let unreadable = b.entries.iter().filter(|e| e.summary.is_err()).count();
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
        browser_table(quick);
    }
    let _ = std::fs::remove_dir_all(data_dir(""));
}
