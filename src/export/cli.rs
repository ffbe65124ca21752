//! `cpconf export`: load a session, render one copy, write it to standard
//! output or to a new owner-only file.

use std::io::{self, Write};
use std::path::Path;

use crate::cli::{ExportArgs, LettersArgs};
use crate::storage::{self, DurableWriter, FileWriter};

use super::{Format, render_bytes};
use crate::config::Config;

/// Runs `cpconf export` under the local rules in force. Errors are one
/// line for the caller to print.
pub fn run_export(args: &ExportArgs, rules: &Config) -> Result<(), String> {
    let loaded = storage::load(&args.file).map_err(|e| e.to_string())?;
    for w in &loaded.warnings {
        eprintln!("cpconf: warning: {w}");
    }
    let format = args
        .format
        .map(Format::from)
        .or_else(|| {
            args.output
                .as_deref()
                .and_then(|p| p.extension())
                .and_then(|e| Format::from_extension(&e.to_string_lossy()))
        })
        .unwrap_or(Format::Markdown);
    let text = render_bytes(&loaded.session, args.copy.into(), format, rules);
    match &args.output {
        None => {
            let mut out = io::stdout().lock();
            out.write_all(&text)
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write the export: {e}"))
        }
        Some(path) => write_output(&args.file, path, &text, args.force),
    }
}

/// Writes a new file (0600), refusing to replace one unless `force`, and
/// never the session file itself.
fn write_output(session: &Path, path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
    if same_file(session, path) {
        return Err(format!(
            "{} is the session file itself; choose another output file",
            path.display()
        ));
    }
    let result = if force {
        DurableWriter.write_atomic(path, bytes)
    } else {
        // Exclusive create: never overwrites, even if a file appears now.
        DurableWriter.write_new(path, bytes)
    };
    result.map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => format!(
            "{} already exists; use --force to replace it",
            path.display()
        ),
        _ => format!("cannot write {}: {e}", path.display()),
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Runs `cpconf letters`: every file of the pack into one folder. Nothing
/// is written unless every file can be: an existing file (without
/// `--force`) or the session file itself among the names stops it first.
pub fn run_letters(args: &LettersArgs, rules: &Config) -> Result<(), String> {
    let loaded = storage::load(&args.file).map_err(|e| e.to_string())?;
    for w in &loaded.warnings {
        eprintln!("cpconf: warning: {w}");
    }
    let format = Format::from(args.format);
    let items = super::letters::pack(&loaded.session, rules);
    let paths: Vec<_> = items
        .iter()
        .map(|i| args.dir.join(format!("{}.{}", i.file_stem, format.extension())))
        .collect();
    for path in &paths {
        if same_file(&args.file, path) {
            return Err(format!(
                "{} is the session file itself; choose another folder",
                path.display()
            ));
        }
        if !args.force && path.exists() {
            return Err(format!(
                "{} already exists; use --force to replace it, or choose another folder",
                path.display()
            ));
        }
    }
    storage::ensure_dir(&args.dir).map_err(|e| e.to_string())?;
    let mut out = io::stdout().lock();
    for (item, path) in items.iter().zip(&paths) {
        let bytes = super::doc_bytes(&item.doc, format);
        write_output(&args.file, path, &bytes, args.force)?;
        let _ = writeln!(out, "{}  (for {})", path.display(), item.recipient);
    }
    Ok(())
}

/// Runs `cpconf dates --session FILE`: the distribution list of a
/// finalised session, one line per item.
pub fn run_paperwork(file: &Path, rules: &Config, today: chrono::NaiveDate) -> Result<(), String> {
    let loaded = storage::load(file).map_err(|e| e.to_string())?;
    for w in &loaded.warnings {
        eprintln!("cpconf: warning: {w}");
    }
    let s = &loaded.session;
    if !s.is_finalised() {
        return Err(format!(
            "{} is not finalised: nothing is due until the record is",
            file.display()
        ));
    }
    let mut out = io::stdout().lock();
    for line in paperwork_lines(s, rules, today) {
        writeln!(out, "{line}").map_err(|e| format!("cannot write: {e}"))?;
    }
    Ok(())
}

/// The distribution list as plain lines.
pub fn paperwork_lines(
    s: &crate::model::Session,
    rules: &Config,
    today: chrono::NaiveDate,
) -> Vec<String> {
    s.distribution_list(&rules.calendar(), &rules.timescales, today)
        .iter()
        .map(|d| {
            let due = match (d.due, d.paperwork) {
                (Some(day), _) => format!("due {day}"),
                (None, None) => format!(
                    "due {} working days after the record is sent",
                    rules.timescales.accuracy_comment_working_days
                ),
                (None, Some(_)) => "due date unknown: no conference date".into(),
            };
            let state = match (&d.sent, d.overdue, d.paperwork) {
                (Some(m), _, _) => format!("sent {} by {}", m.at.format("%Y-%m-%d %H:%M"), m.by),
                (None, true, _) => "NOT SENT: OVERDUE".into(),
                (None, false, Some(_)) => "not sent yet".into(),
                (None, false, None) => String::new(),
            };
            let state = if state.is_empty() {
                String::new()
            } else {
                format!("; {state}")
            };
            format!("{}: {due}, {}{state}", d.label, d.who)
        })
        .collect()
}
