//! The file work of `cpconf export`, `cpconf letters` and `cpconf dates
//! --session`: load a session, render, and write new owner-only files. The
//! command line and printing are the program's (`main.rs`); this module
//! knows neither.

use std::io;
use std::path::{Path, PathBuf};

use crate::storage::{self, DurableWriter, FileWriter};

use super::{CopyKind, Format, render_bytes};
use crate::config::Config;

/// One copy of a session file, rendered as the bytes of its file.
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// What loading noticed (the file still loaded), one line each.
    pub warnings: Vec<String>,
}

/// The format to write: the one asked for, else the output file's
/// extension, else Markdown.
pub fn choose_format(asked: Option<Format>, output: Option<&Path>) -> Format {
    asked
        .or_else(|| {
            output
                .and_then(|p| p.extension())
                .and_then(|e| Format::from_extension(&e.to_string_lossy()))
        })
        .unwrap_or(Format::Markdown)
}

/// Loads `file` and renders `copy` under the local rules in force. Errors
/// are one line for the caller to print.
pub fn render_file(
    file: &Path,
    copy: CopyKind,
    format: Format,
    rules: &Config,
) -> Result<Rendered, String> {
    let loaded = storage::load(file).map_err(|e| e.to_string())?;
    Ok(Rendered {
        bytes: render_bytes(&loaded.session, copy, format, rules),
        warnings: loaded.warnings,
    })
}

/// Writes a new file (0600), refusing to replace one unless `force`, and
/// never the session file itself or its `.prev` (not even with `force`,
/// nor through another name for them).
pub fn write_output(session: &Path, path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
    if same_file(session, path) {
        return Err(format!(
            "{} is the session file itself; choose another output file",
            path.display()
        ));
    }
    if same_file(&storage::prev_path(session), path) {
        return Err(format!(
            "{} is the session's previous version (its backup); choose another output file",
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

/// The same file, whatever the names: by device and inode where there are
/// such things (a hard link is the same file), else by canonical path.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return ma.dev() == mb.dev() && ma.ino() == mb.ino();
        }
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// What `cpconf letters` wrote: each file and who it is for.
pub struct PackWritten {
    pub files: Vec<(PathBuf, String)>,
    pub warnings: Vec<String>,
}

/// Writes every file of the pack into `dir` (created owner-only if
/// missing). Nothing is written unless every file can be: an existing file
/// (without `force`) or the session file itself among the names stops it
/// first, with one line naming it.
pub fn write_pack(
    file: &Path,
    dir: &Path,
    format: Format,
    force: bool,
    rules: &Config,
) -> Result<PackWritten, String> {
    let loaded = storage::load(file).map_err(|e| e.to_string())?;
    let items = super::letters::pack(&loaded.session, rules);
    let paths: Vec<PathBuf> = items
        .iter()
        .map(|i| dir.join(format!("{}.{}", i.file_stem, format.extension())))
        .collect();
    for path in &paths {
        if same_file(file, path) {
            return Err(format!(
                "{} is the session file itself; choose another folder",
                path.display()
            ));
        }
        if !force && path.exists() {
            return Err(format!(
                "{} already exists; use --force to replace it, or choose another folder",
                path.display()
            ));
        }
    }
    storage::ensure_dir(dir).map_err(|e| e.to_string())?;
    let mut files = Vec::new();
    for (item, path) in items.iter().zip(paths) {
        let bytes = super::doc_bytes(&item.doc, format);
        write_output(file, &path, &bytes, force)?;
        files.push((path, item.recipient.clone()));
    }
    Ok(PackWritten {
        files,
        warnings: loaded.warnings,
    })
}

/// `cpconf dates --session FILE`: the distribution list of a finalised
/// session as plain lines, and what loading noticed.
pub fn paperwork_of_file(
    file: &Path,
    rules: &Config,
    today: chrono::NaiveDate,
) -> Result<(Vec<String>, Vec<String>), String> {
    let loaded = storage::load(file).map_err(|e| e.to_string())?;
    if !loaded.session.is_finalised() {
        return Err(format!(
            "{} is not finalised: nothing is due until the record is",
            file.display()
        ));
    }
    Ok((
        paperwork_lines(&loaded.session, rules, today),
        loaded.warnings,
    ))
}

/// The distribution list as plain lines.
pub fn paperwork_lines(
    s: &crate::model::Session,
    rules: &Config,
    today: chrono::NaiveDate,
) -> Vec<String> {
    rules
        .distribution_list(s, today)
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
                (Some(m), _, _) => format!("; sent {} by {}", m.at.format("%Y-%m-%d %H:%M"), m.by),
                (None, true, _) => "; NOT SENT: OVERDUE".into(),
                (None, false, Some(_)) => "; not sent yet".into(),
                (None, false, None) => String::new(),
            };
            format!("{}: {due}, {}{state}", d.label, d.who)
        })
        .collect()
}
