//! The key file: the user's X25519 identity, written in age-keygen's text
//! form and age-encrypted to a passphrase (scrypt), owner-only, at
//! `$XDG_CONFIG_HOME/cpconf/key.age` (usually `~/.config/cpconf/key.age`).
//!
//! It lives beside the local rules, not in the state folder: the state
//! folder holds throwaway drafts that may be cleaned, while losing the key
//! loses every session. `age -d key.age` (asking the passphrase) gives the
//! identity back without cpconf.

use std::ffi::OsString;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use age::secrecy::{ExposeSecret, SecretString};

/// A passphrase held so that its memory is zeroed when dropped.
pub type Passphrase = SecretString;
use zeroize::Zeroizing;

use crate::crypt::codec::is_encrypted;
use crate::crypt::sitting::Unlocked;
use crate::storage::{DurableWriter, FileWriter, ensure_dir};

/// `$XDG_CONFIG_HOME/cpconf/key.age`, else `~/.config/cpconf/key.age`.
pub fn default_path() -> Option<PathBuf> {
    path_from(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
}

/// [`default_path`] from given variables (a relative XDG_CONFIG_HOME is
/// ignored, as the XDG spec says).
pub fn path_from(xdg_config_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    crate::config::default_path_from(xdg_config_home, home).map(|p| p.with_file_name("key.age"))
}

/// Whether a key file is there (a dangling link counts: it is not "no key").
pub fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// Makes a new key file at `path` (refusing to replace one) and returns the
/// new key, unlocked. `work_factor` is scrypt's log2 N; `None` lets age
/// pick one taking about a second on this machine.
pub fn create(
    path: &Path,
    passphrase: SecretString,
    work_factor: Option<u8>,
) -> Result<Unlocked, String> {
    if exists(path) {
        return Err(format!(
            "a key already exists at {}; nothing was changed (cpconf key passphrase changes its passphrase)",
            path.display()
        ));
    }
    let identity = age::x25519::Identity::generate();
    let bytes = protect(&identity, passphrase, work_factor)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        ensure_dir(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    }
    DurableWriter
        .write_new(path, &bytes)
        .map_err(|e| format!("cannot write the key file {}: {e}", path.display()))?;
    Ok(Unlocked::new(identity))
}

/// Reads and unlocks the key file at `path`.
pub fn unlock(path: &Path, passphrase: SecretString) -> Result<Unlocked, String> {
    let fail = |why: &str| format!("cannot unlock the key {}: {why}", path.display());
    let bytes = read_key_file(path).map_err(|e| fail(&e.to_string()))?;
    if !is_encrypted(&bytes) {
        return Err(fail("not an age-encrypted key file"));
    }
    let decryptor = age::Decryptor::new_buffered(&bytes[..]).map_err(|e| fail(&e.to_string()))?;
    let mut identity = age::scrypt::Identity::new(passphrase);
    // Room for a key file made on a faster machine, within reason.
    identity.set_max_work_factor(22);
    let mut text = Zeroizing::new(Vec::new());
    decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                fail("wrong passphrase")
            }
            other => fail(&other.to_string()),
        })?
        .read_to_end(&mut text)
        .map_err(|e| fail(&e.to_string()))?;
    let text = std::str::from_utf8(&text).map_err(|_| fail("the key inside is not text"))?;
    parse_identity(text)
        .map(Unlocked::new)
        .ok_or_else(|| fail("no AGE-SECRET-KEY line inside"))
}

/// Writes the key again under a new passphrase (atomically: the old file
/// stays whole until the new one is in place).
pub fn change_passphrase(
    path: &Path,
    key: &Unlocked,
    new: SecretString,
    work_factor: Option<u8>,
) -> Result<(), String> {
    let bytes = protect(key.identity(), new, work_factor)?;
    DurableWriter
        .write_atomic(path, &bytes)
        .map_err(|e| format!("cannot write the key file {}: {e}", path.display()))
}

/// The identity in age-keygen's form, which `age -d -i FILE` and
/// `rage -d -i FILE` read.
pub fn identity_text(key: &Unlocked) -> Zeroizing<String> {
    Zeroizing::new(format!(
        "# cpconf key: anyone with this file can read every session encrypted to it.\n# public key: {}\n{}\n",
        key.recipient(),
        key.identity().to_string().expose_secret()
    ))
}

fn protect(
    identity: &age::x25519::Identity,
    passphrase: SecretString,
    work_factor: Option<u8>,
) -> Result<Vec<u8>, String> {
    let mut recipient = age::scrypt::Recipient::new(passphrase);
    if let Some(log_n) = work_factor.filter(|n| (1..64).contains(n)) {
        recipient.set_work_factor(log_n);
    }
    let text = identity_text(&Unlocked::new(identity.clone()));
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as _))
        .map_err(|e| format!("cannot protect the key: {e}"))?;
    let mut out = Vec::new();
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|e| format!("cannot protect the key: {e}"))?;
    io::Write::write_all(&mut writer, text.as_bytes())
        .and_then(|()| writer.finish().map(|_| ()))
        .map_err(|e| format!("cannot protect the key: {e}"))?;
    Ok(out)
}

fn parse_identity(text: &str) -> Option<age::x25519::Identity> {
    text.lines()
        .map(str::trim)
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .and_then(|l| l.parse().ok())
}

/// The key file's bytes; refuses anything but a small regular file.
fn read_key_file(path: &Path) -> io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(64 * 1024)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_file_unlocks_with_its_passphrase_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cpconf").join("key.age");
        let made = create(
            &path,
            SecretString::from("correct horse".to_owned()),
            Some(4),
        )
        .unwrap();
        let again = unlock(&path, SecretString::from("correct horse".to_owned())).unwrap();
        assert_eq!(made.recipient().to_string(), again.recipient().to_string());
        let wrong = unlock(&path, SecretString::from("wrong horse".to_owned()))
            .err()
            .unwrap();
        assert!(wrong.ends_with("wrong passphrase"), "{wrong}");
        assert!(
            create(&path, SecretString::from("x".repeat(9)), Some(4)).is_err(),
            "an existing key is never replaced"
        );
        change_passphrase(
            &path,
            &again,
            SecretString::from("new horse!".to_owned()),
            Some(4),
        )
        .unwrap();
        assert!(unlock(&path, SecretString::from("correct horse".to_owned())).is_err());
        let after = unlock(&path, SecretString::from("new horse!".to_owned())).unwrap();
        assert_eq!(after.recipient().to_string(), made.recipient().to_string());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
