//! `cpconf export`: load a session, render one copy, write it to standard
//! output or to a new owner-only file.

use std::io::{self, Write};
use std::path::Path;

use crate::cli::ExportArgs;
use crate::storage::{self, DurableWriter, FileWriter};

use super::{Format, render_under};
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
    plaintext_check(args)?;
    let text = render_under(&loaded.session, args.copy.into(), format, rules);
    match &args.output {
        None => {
            let mut out = io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write the export: {e}"))
        }
        Some(path) => write_output(&args.file, path, text.as_bytes(), args.force),
    }
}

/// With a key, an export is the one plaintext copy of session content:
/// the full record is written only once confirmed (or `--plaintext-ok`);
/// the family's copy and the letter, meant to be printed and sent, with a
/// one-line reminder.
fn plaintext_check(args: &ExportArgs) -> Result<(), String> {
    if crate::crypt::sitting::current().is_none() {
        return Ok(());
    }
    let place = match &args.output {
        Some(p) => p.display().to_string(),
        None => "standard output".to_string(),
    };
    if !matches!(args.copy, crate::cli::CopyArg::Record) {
        eprintln!(
            "cpconf: reminder: the export to {place} is not encrypted (it is meant to be printed and sent); delete it once sent."
        );
        return Ok(());
    }
    if args.plaintext_ok
        || crate::crypt::cli::confirm(&format!(
            "The full record, restricted items included, goes to {place} unencrypted. Write it? [y/N] "
        ))?
    {
        return Ok(());
    }
    Err(format!(
        "the full record was not written to {place}: it would be unencrypted (--plaintext-ok writes it without asking)"
    ))
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
