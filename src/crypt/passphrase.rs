//! Where the passphrase comes from: a file named by `--passphrase-file` or
//! `CPCONF_PASSPHRASE_FILE` (for scripts and tests; anyone who can read
//! that file can unlock the key), else the terminal, asked with no echo.

use std::io::Read;
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use zeroize::Zeroizing;

/// How this run gets its passphrase.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The first line of this file.
    File(PathBuf),
    /// Asked on the controlling terminal, without echo.
    Terminal,
}

impl Source {
    /// `--passphrase-file` (clap also reads `CPCONF_PASSPHRASE_FILE` into
    /// it) if given, else the terminal.
    pub fn from_option(file: Option<&Path>) -> Self {
        match file {
            Some(f) => Source::File(f.to_path_buf()),
            None => Source::Terminal,
        }
    }

    /// The passphrase, asked with `prompt` on the terminal.
    pub fn get(&self, prompt: &str) -> Result<SecretString, String> {
        match self {
            Source::File(path) => read_file(path),
            Source::Terminal => ask(prompt),
        }
    }

    /// A new passphrase: asked twice on the terminal (they must match);
    /// from a file, its first line.
    pub fn get_new(&self, prompt: &str) -> Result<SecretString, String> {
        let first = self.get(prompt)?;
        if let Source::Terminal = self {
            use age::secrecy::ExposeSecret;
            let again = ask("Type it again: ")?;
            if again.expose_secret() != first.expose_secret() {
                return Err("the two passphrases differ; nothing was changed".into());
            }
        }
        check_new(&first)?;
        Ok(first)
    }
}

/// Largest passphrase file read: a passphrase is a line, not a document.
const MAX_FILE_BYTES: u64 = 4096;

fn read_file(path: &Path) -> Result<SecretString, String> {
    let fail = |why: String| format!("cannot read the passphrase file {}: {why}", path.display());
    let meta = std::fs::metadata(path).map_err(|e| fail(e.to_string()))?;
    if !meta.is_file() {
        // A FIFO would block for ever; a folder has no passphrase.
        return Err(fail("not a regular file".into()));
    }
    let mut bytes = Zeroizing::new(Vec::new());
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES).read_to_end(&mut bytes))
        .map_err(|e| fail(e.to_string()))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| fail("not UTF-8 text".into()))?;
    let line = text.lines().next().unwrap_or("");
    if line.is_empty() {
        return Err(fail("its first line is empty".into()));
    }
    Ok(SecretString::from(line.to_owned()))
}

fn ask(prompt: &str) -> Result<SecretString, String> {
    // rpassword reads from /dev/tty with echo off, and puts echo back even
    // when the read fails.
    let typed = rpassword::prompt_password(prompt).map_err(|e| {
        format!(
            "cannot ask for the passphrase: {e} (without a terminal, give --passphrase-file FILE)"
        )
    })?;
    if typed.is_empty() {
        return Err("no passphrase typed; nothing was done".into());
    }
    Ok(SecretString::from(typed))
}

/// A passphrase short enough to guess would make the key file the weak
/// point; age's scrypt slows guessing, it does not stop it.
const MIN_PASSPHRASE_CHARS: usize = 8;

fn check_new(p: &SecretString) -> Result<(), String> {
    use age::secrecy::ExposeSecret;
    if p.expose_secret().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(format!(
            "the passphrase must be at least {MIN_PASSPHRASE_CHARS} characters; nothing was changed"
        ));
    }
    Ok(())
}
