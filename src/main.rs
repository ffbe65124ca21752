//! cpconf: the chair's console for a Child Protection Conference.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use ratatui::crossterm::event::Event;

use cpconf::app::effect::Report;
use cpconf::app::state::Access;
use cpconf::app::update::Msg;
use cpconf::browser::{self, Browser, Effect as BrowserEffect};
use cpconf::cli::{Cli, Command};
use cpconf::config::Config;
use cpconf::model::{Choice, Session};
use cpconf::runtime::outside::Outside;
use cpconf::runtime::session::{Exit, now, offer_draft, run_session, session_app};
use cpconf::runtime::terminal::{Term, TerminalGuard};
use cpconf::storage;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("cpconf: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    // First, before any folder is made or the terminal is touched: a bad
    // config stops the program with its one-line message.
    let (config, source) =
        cpconf::config::load(cli.config.as_deref()).map_err(|e| e.to_string())?;
    // The rules this run's screens follow: the command line wins over the
    // local rules, and NO_COLOR over both. `config` stays as the file says,
    // for `cpconf config`.
    let mut for_run = config.clone();
    for_run.mouse = cli.mouse || config.mouse;
    for_run.theme = cpconf::config::ThemeName::resolve(
        cli.theme.map(Into::into).unwrap_or(config.theme),
        std::env::var("NO_COLOR").ok().as_deref(),
    );
    let cfg = &Arc::new(for_run);
    match cli.command {
        None => browse(&cli.dir, cfg),
        Some(Command::New {
            review_of,
            invitees,
        }) => {
            // Read before anything is made: a bad list creates nothing.
            let invited = invitees.as_deref().map(read_invitees).transpose()?;
            storage::ensure_dir(&cli.dir)
                .map_err(|e| format!("cannot use {}: {e}", cli.dir.display()))?;
            let (app, lock) = match review_of {
                Some(previous) => new_review(&cli.dir, &previous, cfg)?,
                None => new_session(&cli.dir, cfg, invited.unwrap_or_default())?,
            };
            with_terminal(cfg.mouse, |term, outside| {
                run_session(term, app, Some(lock), outside).map(|_| ())
            })
        }
        Some(Command::Open { file }) => {
            let (app, lock) = open_for_editing(&file, cfg)?;
            with_terminal(cfg.mouse, |term, outside| {
                run_session(term, app, Some(lock), outside).map(|_| ())
            })
        }
        Some(Command::View { file }) => {
            let app = open_read_only(&file, "opened with cpconf view", cfg)?;
            with_terminal(cfg.mouse, |term, outside| {
                run_session(term, app, None, outside).map(|_| ())
            })
        }
        Some(Command::Present { file }) => cpconf::present::run(&file),
        Some(Command::List) => list(&cli.dir),
        Some(Command::Demo) => {
            let dir = demo_dir()?;
            browse(&dir, cfg)
        }
        Some(Command::Dates {
            conference,
            kind,
            strategy_discussion,
            birth,
        }) => {
            print!(
                "{}",
                cpconf::dates::report::report(
                    &config.calendar(),
                    &config.timescales,
                    conference.as_deref(),
                    kind.into(),
                    strategy_discussion.as_deref(),
                    birth.as_deref()
                )?
            );
            Ok(())
        }
        Some(Command::Export(args)) => export(&args, &config),
        Some(Command::Config) => print_config(&config, source.as_deref()),
        Some(Command::Census { from, to }) => {
            cpconf::census::run(&cli.dir, from.as_deref(), to.as_deref(), &config)
        }
    }
}

/// `cpconf export`: one copy of a session to standard output or to a new
/// owner-only file.
fn export(args: &cpconf::cli::ExportArgs, rules: &Config) -> Result<(), String> {
    use cpconf::export::cli::{choose_format, render_file, write_output};
    use std::io::Write;
    let format = choose_format(args.format.map(Into::into), args.output.as_deref());
    let rendered = render_file(&args.file, args.copy.into(), format, rules)?;
    for w in &rendered.warnings {
        eprintln!("cpconf: warning: {w}");
    }
    match &args.output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(rendered.text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write the export: {e}"))
        }
        Some(path) => write_output(&args.file, path, rendered.text.as_bytes(), args.force),
    }
}

/// `cpconf config`: where the rules came from, then the rules as TOML.
fn print_config(config: &Config, source: Option<&Path>) -> Result<(), String> {
    let origin = match (source, cpconf::config::default_path()) {
        (Some(file), _) => format!("# Local rules from {}", file.display()),
        (None, Some(usual)) => format!(
            "# Built-in defaults (England): no file at {}",
            usual.display()
        ),
        (None, None) => "# Built-in defaults (England): no config folder known".to_string(),
    };
    print!("{origin}\n\n{}", config.to_toml()?);
    Ok(())
}

/// Runs full-screen work; SIGTERM, SIGHUP and a closed terminal ask it to
/// save and stop.
/// `mouse`: report clicks (`--mouse` or `mouse = true` in the local rules).
fn with_terminal(
    mouse: bool,
    f: impl FnOnce(&mut Term, &Outside) -> std::io::Result<()>,
) -> Result<(), String> {
    let mut guard =
        TerminalGuard::enter(mouse).map_err(|e| format!("cannot start the terminal: {e}"))?;
    let outside = Outside::start().map_err(|e| format!("cannot read the terminal: {e}"))?;
    let result = f(&mut guard.terminal, &outside);
    drop(guard);
    result.map_err(|e| e.to_string())
}

fn new_review(
    dir: &Path,
    previous: &Path,
    cfg: &Arc<Config>,
) -> Result<(cpconf::app::state::App, storage::SessionLock), String> {
    let last = storage::load(previous).map_err(|e| e.to_string())?.session;
    let file_name = previous
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut session = Session::review_of(
        cpconf::model::PreviousRef {
            session: &last,
            file_name: &file_name,
        },
        uuid::Uuid::new_v4().to_string(),
        now(),
    );
    cfg.prepare_new(&mut session);
    let path =
        storage::save_new(&storage::DurableWriter, dir, &session).map_err(|e| e.to_string())?;
    let lock = storage::acquire(&path).map_err(|e| e.to_string())?;
    Ok((
        session_app(session, path, Access::Edit).with_config(cfg.clone()),
        lock,
    ))
}

/// `--invitees FILE`: the invitation list, whole, or one line saying
/// which line of which file is wrong and why.
fn read_invitees(file: &Path) -> Result<Vec<cpconf::register::NewAttendee>, String> {
    let bytes =
        std::fs::read(file).map_err(|e| format!("cannot read invitees {}: {e}", file.display()))?;
    cpconf::register::parse_invitees(&bytes)
        .map_err(|e| format!("cannot use invitees {}: {e}", file.display()))
}

fn new_session(
    dir: &Path,
    cfg: &Arc<Config>,
    invited: Vec<cpconf::register::NewAttendee>,
) -> Result<(cpconf::app::state::App, storage::SessionLock), String> {
    let mut session = Session::new(uuid::Uuid::new_v4().to_string(), now());
    cfg.prepare_new(&mut session);
    cpconf::register::add_invitees(&mut session, invited);
    // Claim a file name at once (created exclusively), so two new
    // conferences started together can never share a file.
    let path =
        storage::save_new(&storage::DurableWriter, dir, &session).map_err(|e| e.to_string())?;
    let lock = storage::acquire(&path).map_err(|e| e.to_string())?;
    Ok((
        session_app(session, path, Access::Edit).with_config(cfg.clone()),
        lock,
    ))
}

fn open_for_editing(
    file: &Path,
    cfg: &Arc<Config>,
) -> Result<(cpconf::app::state::App, storage::SessionLock), String> {
    let loaded = storage::load(file).map_err(|e| e.to_string())?;
    // Refused with who holds it and how to view it read-only instead.
    let lock = storage::acquire(file).map_err(|e| e.to_string())?;
    let mut app =
        session_app(loaded.session, file.to_path_buf(), Access::Edit).with_config(cfg.clone());
    if let Some(w) = loaded.warnings.first() {
        app.update(Msg::Report(Report::Warning(w.clone())));
    }
    offer_draft(&mut app, &storage::recovery_dir());
    Ok((app, lock))
}

fn open_read_only(
    file: &Path,
    why: &str,
    cfg: &Arc<Config>,
) -> Result<cpconf::app::state::App, String> {
    let loaded = storage::load(file).map_err(|e| e.to_string())?;
    let mut app = session_app(
        loaded.session,
        file.to_path_buf(),
        Access::ReadOnly(why.into()),
    )
    .with_config(cfg.clone());
    if let Some(w) = loaded.warnings.first() {
        app.update(Msg::Report(Report::Warning(w.clone())));
    }
    Ok(app)
}

fn list(dir: &Path) -> Result<(), String> {
    use cpconf::ui::text::pad;
    if !dir.exists() {
        println!("No sessions folder at {}.", dir.display());
        return Ok(());
    }
    let row = |cells: [&str; 6]| {
        let widths = [44, 10, 16, 12, 32];
        let mut line: String = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| pad(c, w) + " ")
            .collect();
        line.push_str(cells[5]);
        println!("{line}");
    };
    row(["FILE", "DATE", "KIND", "FAMILY", "CHILDREN", "STATUS"]);
    for e in storage::scan(dir) {
        let file = e
            .path
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default();
        match e.summary {
            Ok(s) => row([
                &file,
                &s.date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "undated".into()),
                s.kind.label(),
                &s.family_reference,
                &s.children.join(", "),
                s.status.label(),
            ]),
            Err(msg) => println!("{} unreadable: {msg}", pad(&file, 44)),
        }
    }
    Ok(())
}

/// A private folder holding fresh copies of the fictional examples; the
/// examples in the repository are never touched.
fn demo_dir() -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("cpconf-demo-{}", std::process::id()));
    storage::ensure_dir(&dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    for session in [
        cpconf::example::example_icpc(),
        cpconf::example::example_review(),
    ] {
        let path = storage::unique_path(&dir, &session, None);
        let path = dir.join(format!(
            "example-{}",
            path.file_name()
                .map(|f| f.to_string_lossy().to_string())
                .unwrap_or_default()
        ));
        storage::save(&storage::DurableWriter, &path, &session).map_err(|e| e.to_string())?;
    }
    Ok(dir)
}

/// The session list; quitting a session opened from it comes back to it.
fn browse(dir: &Path, cfg: &Arc<Config>) -> Result<(), String> {
    storage::ensure_dir(dir).map_err(|e| format!("cannot use {}: {e}", dir.display()))?;
    with_terminal(cfg.mouse, |term, outside| {
        // Why the last session would not open: shown on the fresh list.
        let mut failed = None;
        loop {
            let (scan, files) = browser::Scan::start(dir)?;
            let mut b = Browser::new(dir, files);
            if let Some(why) = failed.take() {
                b.update(browser::Msg::Failed(why));
            }
            let opened = 'list: loop {
                b.update(browser::Msg::Scanned(scan.take()));
                term.draw(|f| browser::draw(f, &b))?;
                if outside.should_stop() {
                    return Ok(());
                }
                let Some(Event::Key(k)) = outside.next_event(Duration::from_millis(100)) else {
                    continue;
                };
                for effect in b.update(browser::Msg::Key(k)) {
                    let opened = match effect {
                        BrowserEffect::Quit => return Ok(()),
                        BrowserEffect::ReadSeries { family, files } => {
                            b.update(read_series(family, &files));
                            continue;
                        }
                        BrowserEffect::New => {
                            new_session(dir, cfg, Vec::new()).map(|(a, l)| (a, Some(l)))
                        }
                        BrowserEffect::Open(path) => {
                            open_for_editing(&path, cfg).map(|(a, l)| (a, Some(l)))
                        }
                        BrowserEffect::View(path) => {
                            open_read_only(&path, "opened from the session list with v", cfg)
                                .map(|a| (a, None))
                        }
                    };
                    break 'list opened;
                }
            };
            match opened {
                Ok((app, lock)) => {
                    let Exit::Quit = run_session(term, app, lock, outside)?;
                    if outside.should_stop() {
                        return Ok(());
                    }
                }
                // Shown on the list; nothing was opened or written.
                Err(msg) => failed = Some(msg),
            }
        }
    })
}

/// `Effect::ReadSeries`: the family's sessions that can be read (one that
/// cannot is left out, as the list already flags it).
fn read_series(family: String, files: &[PathBuf]) -> browser::Msg {
    let sessions = files
        .iter()
        .filter_map(|f| storage::load(f).ok().map(|l| l.session))
        .collect();
    browser::Msg::SeriesRead { family, sessions }
}
