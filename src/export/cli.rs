//! `cpconf export`'s file work: load a session and render one copy, and
//! write a copy to a new owner-only file. The command line and printing
//! are the program's (`main.rs`); this module knows neither.

use std::io;
use std::path::Path;

use crate::storage::{self, DurableWriter, FileWriter};

use super::{CopyKind, Format, render_under};
use crate::config::Config;

/// One copy of a session file, rendered.
pub struct Rendered {
    pub text: String,
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
        text: render_under(&loaded.session, copy, format, rules),
        warnings: loaded.warnings,
    })
}

/// Writes a new file (0600), refusing to replace one unless `force`, and
/// never the session file itself.
pub fn write_output(session: &Path, path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
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
