//! The commands that manage encryption: `cpconf key init|passphrase|export`,
//! `cpconf encrypt` and `cpconf decrypt`. Errors are one line for the caller
//! to print.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use super::file as key;
use crate::crypt::passphrase::Source;
use crate::crypt::{codec, sitting};
use crate::storage::{self, DurableWriter, FileWriter};

/// Where the key file is, or why there is none.
pub fn key_path() -> Result<PathBuf, String> {
    key::default_path().ok_or_else(|| {
        "no place for the key: set HOME (or XDG_CONFIG_HOME) so cpconf can keep it in cpconf/key.age"
            .to_string()
    })
}

/// Unlocks the sitting's key if this machine has one: the passphrase is
/// asked once, before anything is read or written. Without a key nothing
/// is encrypted and nothing is asked.
pub fn unlock_if_key(source: &Source) -> Result<(), String> {
    let Some(path) = key::default_path().filter(|p| key::exists(p)) else {
        return Ok(());
    };
    let passphrase = source.get(&format!("Passphrase for {}: ", path.display()))?;
    sitting::begin(key::unlock(&path, passphrase)?);
    Ok(())
}

/// `cpconf key init`.
pub fn init(source: &Source) -> Result<(), String> {
    let path = key_path()?;
    if key::exists(&path) {
        return Err(format!(
            "a key already exists at {}; nothing was changed (cpconf key passphrase changes its passphrase)",
            path.display()
        ));
    }
    let passphrase = source.get_new("New passphrase for your cpconf key: ")?;
    let made = key::create(&path, passphrase, None)?;
    println!(
        "Made your key: {} (public key {}).",
        path.display(),
        made.recipient()
    );
    println!(
        "From now on every session, backup, draft, emergency copy and receipt is written encrypted; \
         sessions saved before now still open and are encrypted at their next save \
         (cpconf encrypt --dir DIR does a whole folder now)."
    );
    println!(
        "If the passphrase is lost, nobody can read the sessions again: keep it where your service keeps such secrets."
    );
    Ok(())
}

/// `cpconf key passphrase`.
pub fn change_passphrase(source: &Source) -> Result<(), String> {
    let path = existing_key()?;
    let old = source.get(&format!("Current passphrase for {}: ", path.display()))?;
    let key = key::unlock(&path, old)?;
    let new = new_passphrase_source(source)?.get_new("New passphrase: ")?;
    key::change_passphrase(&path, &key, new, None)?;
    println!(
        "The passphrase of {} is changed; the sessions are unchanged (they are encrypted to the key, not to the passphrase).",
        path.display()
    );
    Ok(())
}

/// A passphrase file holds the current passphrase; the new one comes from
/// `CPCONF_NEW_PASSPHRASE_FILE` when scripted, else from the terminal.
fn new_passphrase_source(current: &Source) -> Result<Source, String> {
    match (current, std::env::var_os("CPCONF_NEW_PASSPHRASE_FILE")) {
        (_, Some(file)) => Ok(Source::File(PathBuf::from(file))),
        (Source::Terminal, None) => Ok(Source::Terminal),
        (Source::File(_), None) => Err(
            "with a passphrase file, give the new passphrase in the file named by CPCONF_NEW_PASSPHRASE_FILE; nothing was changed".into(),
        ),
    }
}

/// `cpconf key export -o FILE`: the identity in plaintext, for recovery
/// with age or rage.
pub fn export_identity(source: &Source, out: &Path) -> Result<(), String> {
    let path = existing_key()?;
    let passphrase = source.get(&format!("Passphrase for {}: ", path.display()))?;
    let key = key::unlock(&path, passphrase)?;
    write_new(out, key::identity_text(&key).as_bytes())?;
    eprintln!(
        "cpconf: {} holds your secret key in plaintext: anyone with it can read every session. Keep it offline or delete it.",
        out.display()
    );
    Ok(())
}

fn existing_key() -> Result<PathBuf, String> {
    let path = key_path()?;
    if !key::exists(&path) {
        return Err(format!(
            "no key at {}: make one with cpconf key init",
            path.display()
        ));
    }
    Ok(path)
}

/// `cpconf decrypt FILE -o OUT`: a plaintext copy, on purpose.
pub fn decrypt(file: &Path, out: &Path) -> Result<(), String> {
    let raw = read_small(file)?;
    if !codec::is_encrypted(&raw) {
        return Err(format!(
            "{} is not encrypted; nothing was written",
            file.display()
        ));
    }
    let plain = zeroize::Zeroizing::new(
        codec::open(&raw)
            .map_err(|e| format!("cannot decrypt {}: {e}", file.display()))?
            .into_owned(),
    );
    write_new(out, &plain)?;
    eprintln!(
        "cpconf: wrote a plaintext copy to {}: it is not encrypted; delete it when done.",
        out.display()
    );
    Ok(())
}

/// What `cpconf encrypt` did to one folder.
#[derive(Debug, Default, PartialEq)]
pub struct Converted {
    pub encrypted: Vec<PathBuf>,
    pub already: usize,
    /// File and why it was left as it was.
    pub left: Vec<(PathBuf, String)>,
}

/// `cpconf encrypt --dir DIR`: every plaintext session, backup and receipt
/// in DIR, and every draft and emergency copy in the state folder, is
/// replaced by its ciphertext. Each file is replaced atomically (a
/// ciphertext temp file renamed over it), so at any moment a file is whole
/// plaintext or whole ciphertext; running it again finishes an interrupted
/// run.
pub fn encrypt_dirs(dir: &Path, state: &Path) -> Result<(), String> {
    if sitting::current().is_none() {
        return Err("there is no key to encrypt to: make one with cpconf key init".into());
    }
    let sessions =
        convert_dir(dir, true).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let drafts = convert_dir(state, false).unwrap_or_default();
    for (what, c, place) in [
        ("sessions folder", &sessions, dir),
        ("state folder", &drafts, state),
    ] {
        println!(
            "{}: encrypted {} file{}, {} already encrypted ({}).",
            place.display(),
            c.encrypted.len(),
            if c.encrypted.len() == 1 { "" } else { "s" },
            c.already,
            what
        );
        for f in &c.encrypted {
            println!("  encrypted {}", f.display());
        }
        for (f, why) in &c.left {
            println!("  left as it was: {}: {why}", f.display());
        }
    }
    Ok(())
}

/// Converts one folder (not its subfolders; links are not followed).
/// Sessions are locked while converted, so an open session is left alone.
pub fn convert_dir(dir: &Path, sessions: bool) -> std::io::Result<Converted> {
    let mut done = Converted::default();
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    for path in names {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ours = name.ends_with(".json") || name.ends_with(".json.prev");
        if name.starts_with('.') || !ours {
            continue;
        }
        if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            done.left.push((path, "not a regular file".into()));
            continue;
        }
        match convert_file(&path, sessions && name.ends_with(".json")) {
            Ok(true) => done.encrypted.push(path),
            Ok(false) => done.already += 1,
            Err(why) => done.left.push((path, why)),
        }
    }
    Ok(done)
}

/// Encrypts one file in place; `Ok(false)` if it already was.
fn convert_file(path: &Path, is_session: bool) -> Result<bool, String> {
    // Held until the file is replaced: no cpconf saves it meanwhile.
    let _lock = if is_session {
        Some(storage::acquire(path).map_err(|e| e.to_string())?)
    } else {
        None
    };
    let raw = read_small(path)?;
    if codec::is_encrypted(&raw) {
        return Ok(false);
    }
    if serde_json::from_slice::<serde_json::Value>(&raw).is_err() {
        return Err("not JSON written by cpconf".into());
    }
    let sealed = codec::seal(&raw).map_err(|e| e.to_string())?;
    DurableWriter
        .write_atomic(path, &sealed)
        .map_err(|e| e.to_string())?;
    Ok(true)
}

fn read_small(path: &Path) -> Result<Vec<u8>, String> {
    let fail = |e: std::io::Error| format!("cannot read {}: {e}", path.display());
    let meta = std::fs::metadata(path).map_err(fail)?;
    if !meta.is_file() {
        return Err(format!(
            "cannot read {}: not a regular file",
            path.display()
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(storage::MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(fail)?;
    Ok(bytes)
}

/// Creates `out` (owner-only), never over an existing file.
fn write_new(out: &Path, bytes: &[u8]) -> Result<(), String> {
    DurableWriter
        .write_new(out, bytes)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!("{} already exists; nothing was written", out.display())
            }
            _ => format!("cannot write {}: {e}", out.display()),
        })
}

/// Asks yes or no on the terminal; without one, the answer is no.
pub fn confirm(question: &str) -> Result<bool, String> {
    if !std::io::stdin().is_terminal() {
        println!("{question}no (no terminal to ask; --yes answers yes)");
        return Ok(false);
    }
    print!("{question}");
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| format!("cannot read the answer: {e}"))?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes"))
}
