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
use cpconf::cli::{Cli, Command, KeyCommand};
use cpconf::config::Config;
use cpconf::model::{Choice, Session};
use cpconf::runtime::outside::Outside;
use cpconf::runtime::session::{Exit, now, offer_draft, run_session, session_app};
use cpconf::runtime::terminal::{Term, TerminalGuard};
use cpconf::storage;

fn main() -> ExitCode {
    cpconf::runtime::outside::ignore_file_size_limit_signal();
    // Before anything is decrypted: a crash must not leave a core file
    // holding sessions or the key.
    cpconf::crypt::harden::no_core_dumps();
    let cli = Cli::parse();
    let result = run(cli);
    // The unlocked key's memory is zeroed here (statics are never dropped).
    cpconf::crypt::sitting::end();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("cpconf: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The rules this run's screens follow: the command line wins over the
/// local rules, and NO_COLOR over both. `config` stays as the file says,
/// for `cpconf config`.
fn rules_for_screens(config: &cpconf::config::Config, cli: &Cli) -> cpconf::config::Config {
    let mut for_run = config.clone();
    for_run.mouse = cli.mouse || config.mouse;
    for_run.theme = cpconf::config::ThemeName::resolve(
        cli.theme.map(Into::into).unwrap_or(config.theme),
        std::env::var("NO_COLOR").ok().as_deref(),
    );
    for_run
}

fn run(cli: Cli) -> Result<(), String> {
    // First, before any folder is made or the terminal is touched: a bad
    // config stops the program with its one-line message.
    let (config, source) =
        cpconf::config::load(cli.config.as_deref()).map_err(|e| e.to_string())?;
    let cfg = &Arc::new(rules_for_screens(&config, &cli));
    let passphrase = cpconf::crypt::passphrase::Source::from_option(cli.passphrase_file.as_deref());
    // Asked once for the whole sitting, before the screen is taken, by
    // every command that reads or writes sessions.
    if needs_sessions(cli.command.as_ref()) {
        cpconf::keys::cli::unlock_if_key(&passphrase)?;
    }
    match cli.command {
        None => browse(&cli.dir, cfg),
        Some(Command::New {
            review_of,
            invitees,
        }) => new(&cli.dir, review_of.as_deref(), invitees.as_deref(), cfg),
        Some(Command::Open { file, as_new }) => open(&cli.dir, file, as_new, cfg),
        Some(Command::View { file }) => {
            let app = open_read_only(&file, "opened with cpconf view", cfg)?;
            with_terminal(cfg.mouse, |term, outside| {
                run_session(term, app, None, outside).map(|_| ())
            })
        }
        Some(Command::Present { file }) => cpconf::present::run(&file),
        Some(Command::List) => list(&cli.dir),
        Some(Command::Demo) => {
            cpconf::runtime::terminal::require_terminal()?;
            let dir = demo_dir()?;
            browse(&dir, cfg)
        }
        Some(Command::Dates {
            session: Some(file),
            ..
        }) => paperwork(&file, &config),
        Some(Command::Dates {
            conference,
            kind,
            strategy_discussion,
            birth,
            session: None,
        }) => {
            let report = cpconf::dates::report::report(
                &config.calendar(),
                &config.timescales,
                conference.as_deref(),
                kind.into(),
                strategy_discussion.as_deref(),
                birth.as_deref(),
            )?;
            print!("{report}");
            Ok(())
        }
        Some(Command::Export(args)) => export(&args, &config),
        Some(Command::Letters(args)) => letters(&args, &config),
        Some(Command::Config) => print_config(&config, source.as_deref()),
        Some(Command::Census { from, to }) => {
            cpconf::census::run(&cli.dir, from.as_deref(), to.as_deref(), &config)
        }
        Some(Command::Key(KeyCommand::Init)) => cpconf::keys::cli::init(&passphrase),
        Some(Command::Key(KeyCommand::Passphrase)) => {
            cpconf::keys::cli::change_passphrase(&passphrase)
        }
        Some(Command::Key(KeyCommand::Export { output })) => {
            cpconf::keys::cli::export_identity(&passphrase, &output)
        }
        Some(Command::Encrypt) => {
            cpconf::keys::cli::encrypt_dirs(&cli.dir, &storage::recovery_dir())
        }
        Some(Command::Decrypt { file, output }) => cpconf::keys::cli::decrypt(&file, &output),
        Some(Command::Handover(args)) => cpconf::retention::handover(&args),
        Some(Command::Purge(args)) => cpconf::retention::purge(&cli.dir, &args, &config),
    }
}

/// `cpconf new`: a new conference, or a review of an earlier one, opened
/// on the screen.
fn new(
    dir: &Path,
    review_of: Option<&Path>,
    invitees: Option<&Path>,
    cfg: &Arc<Config>,
) -> Result<(), String> {
    // Read before anything is made: a bad list creates nothing.
    let invited = invitees.map(read_invitees).transpose()?;
    // Before any file is made: a new session without a terminal
    // would be an empty file nobody can fill in.
    cpconf::runtime::terminal::require_terminal()?;
    storage::ensure_dir(dir).map_err(|e| format!("cannot use {}: {e}", dir.display()))?;
    let (app, lock) = match review_of {
        Some(previous) => new_review(dir, previous, cfg)?,
        None => new_session(dir, cfg, invited.unwrap_or_default())?,
    };
    with_terminal(cfg.mouse, |term, outside| {
        run_session(term, app, Some(lock), outside).map(|_| ())
    })
}

/// `cpconf open`: a session to carry on with, or a copy of one read-only.
fn open(dir: &Path, file: PathBuf, as_new: bool, cfg: &Arc<Config>) -> Result<(), String> {
    let file = if as_new {
        cpconf::runtime::terminal::require_terminal()?;
        storage::ensure_dir(dir).map_err(|e| format!("cannot use {}: {e}", dir.display()))?;
        let id = uuid::Uuid::new_v4().to_string();
        storage::save_copy_as_new(&storage::DurableWriter, dir, &file, id)?
    } else {
        file
    };
    if let Some(what) = storage::copy_kind(&file) {
        let why = format!(
            "this is {what}, so it opens read-only; to carry on from it: cpconf open --as-new {}",
            file.display()
        );
        let mut app = open_read_only(&file, &why, cfg)?;
        app.update(Msg::Report(Report::Warning(why)));
        return with_terminal(cfg.mouse, |term, outside| {
            run_session(term, app, None, outside).map(|_| ())
        });
    }
    let (app, lock) = open_for_editing(&file, cfg)?;
    with_terminal(cfg.mouse, |term, outside| {
        run_session(term, app, Some(lock), outside).map(|_| ())
    })
}

/// Whether a command reads or writes session content (and so needs the
/// key unlocked when there is one).
fn needs_sessions(command: Option<&Command>) -> bool {
    !matches!(
        command,
        Some(Command::Dates { .. } | Command::Config | Command::Key(_))
    )
}

/// `cpconf export`: one copy of a session to standard output or to a new
/// owner-only file.
fn export(args: &cpconf::cli::ExportArgs, rules: &Config) -> Result<(), String> {
    use cpconf::export::cli::{choose_format, render_file, write_output};
    use std::io::Write;
    let format = choose_format(args.format.map(Into::into), args.output.as_deref());
    plaintext_check(args)?;
    let rendered = render_file(&args.file, args.copy.into(), format, rules)?;
    for w in &rendered.warnings {
        eprintln!("cpconf: warning: {w}");
    }
    match &args.output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&rendered.bytes)
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write the export: {e}"))
        }
        Some(path) => write_output(&args.file, path, &rendered.bytes, args.force),
    }
}

/// `cpconf letters`: writes the pack and lists each file and who it is for.
fn letters(args: &cpconf::cli::LettersArgs, rules: &Config) -> Result<(), String> {
    let written = cpconf::export::cli::write_pack(
        &args.file,
        &args.dir,
        args.format.into(),
        args.force,
        rules,
    )?;
    for w in &written.warnings {
        eprintln!("cpconf: warning: {w}");
    }
    for (path, who) in &written.files {
        println!("{}  (for {who})", path.display());
    }
    Ok(())
}

/// `cpconf dates --session FILE`: the distribution list, one line each.
fn paperwork(file: &Path, rules: &Config) -> Result<(), String> {
    let today = chrono::Local::now().date_naive();
    let (lines, warnings) = cpconf::export::cli::paperwork_of_file(file, rules, today)?;
    for w in &warnings {
        eprintln!("cpconf: warning: {w}");
    }
    for line in lines {
        println!("{line}");
    }
    Ok(())
}

/// With a key, an export is the one plaintext copy of session content:
/// the full record is written only once confirmed (or `--plaintext-ok`);
/// the family's copy and the letter, meant to be printed and sent, with a
/// one-line reminder.
fn plaintext_check(args: &cpconf::cli::ExportArgs) -> Result<(), String> {
    if cpconf::crypt::sitting::current().is_none() {
        return Ok(());
    }
    let place = match &args.output {
        Some(p) => p.display().to_string(),
        None => "standard output".to_string(),
    };
    if !matches!(args.copy, cpconf::cli::CopyArg::Record) {
        eprintln!(
            "cpconf: reminder: the export to {place} is not encrypted (it is meant to be printed and sent); delete it once sent."
        );
        return Ok(());
    }
    if args.plaintext_ok
        || cpconf::keys::cli::confirm(&format!(
            "The full record, restricted items included, goes to {place} unencrypted. Write it? [y/N] "
        ))?
    {
        return Ok(());
    }
    Err(format!(
        "the full record was not written to {place}: it would be unencrypted (--plaintext-ok writes it without asking)"
    ))
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
    cpconf::runtime::terminal::require_terminal()?;
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

/// A receipt is what is left of a handed-over session; it does not open.
fn refuse_receipt(file: &Path) -> Result<(), String> {
    if !cpconf::storage::receipt::is_receipt_name(file) {
        return Ok(());
    }
    let detail = match cpconf::storage::receipt::read_receipt(file) {
        Ok(r) => format!(
            ": handed over to {} on {}",
            r.handed_over_to,
            r.handed_over_at.date_naive()
        ),
        Err(_) => String::new(),
    };
    Err(format!(
        "{} is the receipt of a session no longer on this machine{detail}",
        file.display()
    ))
}

fn open_for_editing(
    file: &Path,
    cfg: &Arc<Config>,
) -> Result<(cpconf::app::state::App, storage::SessionLock), String> {
    refuse_receipt(file)?;
    let loaded = storage::load(file).map_err(|e| e.to_string())?;
    // Refused with who holds it (under any of its names) and how to view
    // it read-only instead.
    let lock = storage::acquire(file).map_err(|e| e.to_string())?;
    // A link is written through, deliberately: the file it names is saved
    // (and keeps its `.prev`), and the link stays a link.
    let (path, link_note) = match std::fs::symlink_metadata(file) {
        Ok(m) if m.file_type().is_symlink() => {
            let real = std::fs::canonicalize(file)
                .map_err(|e| format!("cannot open {}: {e}", file.display()))?;
            let note = format!(
                "{} is a link: saving writes to {}",
                file.display(),
                real.display()
            );
            (real, Some(note))
        }
        _ => (file.to_path_buf(), None),
    };
    let mut app = session_app(loaded.session, path, Access::Edit).with_config(cfg.clone());
    if let Some(w) = link_note.or_else(|| loaded.warnings.first().cloned()) {
        app.update(Msg::Report(Report::Warning(w)));
    }
    offer_draft(&mut app, &storage::recovery_dir());
    Ok((app, lock))
}

fn open_read_only(
    file: &Path,
    why: &str,
    cfg: &Arc<Config>,
) -> Result<cpconf::app::state::App, String> {
    refuse_receipt(file)?;
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
    // An unreadable folder is an error, never an empty table.
    let entries = storage::try_scan(dir).map_err(|e| e.to_string())?;
    // File names and fields can hold control characters; none reach the
    // terminal (a newline or tab would break the table, so they go too).
    let clean = |s: &str| cpconf::export::clean::strip_controls(s).replace(['\n', '\t'], " ");
    let row = |cells: [&str; 6]| {
        let widths = [44, 10, 16, 12, 32];
        let mut line: String = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| pad(&clean(c), w) + " ")
            .collect();
        line.push_str(&clean(cells[5]));
        println!("{line}");
    };
    row(["FILE", "DATE", "KIND", "FAMILY", "CHILDREN", "STATUS"]);
    for e in entries {
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
                &match s.handed_over {
                    Some(day) => format!("handed over {day}"),
                    None => s.status_label().to_string(),
                },
            ]),
            Err(msg) => println!("{} unreadable: {}", pad(&clean(&file), 44), clean(&msg)),
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
    cpconf::runtime::terminal::require_terminal()?;
    storage::ensure_dir(dir).map_err(|e| format!("cannot use {}: {e}", dir.display()))?;
    with_terminal(cfg.mouse, |term, outside| {
        // Why the last session would not open: shown on the fresh list.
        let mut failed = None;
        loop {
            let (scan, files) = browser::Scan::start(dir)?;
            let today = chrono::Local::now().date_naive();
            let mut b = Browser::new(dir, files, browser::PaperworkCheck::new(cfg, today));
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
