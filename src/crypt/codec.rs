//! Bytes on their way to and from the disk. With a key unlocked, `seal`
//! encrypts to the user's recipient; without one the bytes pass as they
//! are (no key on this machine: nothing is encrypted). `open` recognises an
//! age file by its first line and decrypts it; anything else is plaintext
//! and passes as it is, so sessions written before the key still open.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Read, Write};

use super::sitting;

/// How every binary age file begins (the age v1 format's header line).
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// Whether `bytes` are an age file.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

/// The bytes to write: encrypted when the sitting has a key, else as given.
pub fn seal(plain: &[u8]) -> io::Result<Vec<u8>> {
    match sitting::current() {
        Some(key) => encrypt_to(key.recipient(), plain),
        None => Ok(plain.to_vec()),
    }
}

/// Encrypts `plain` to `recipient`, whatever the sitting holds.
pub fn encrypt_to(recipient: &age::x25519::Recipient, plain: &[u8]) -> io::Result<Vec<u8>> {
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient as _))
        .map_err(|e| io::Error::other(format!("cannot encrypt: {e}")))?;
    // The header and the 16-byte tags of 64 KiB chunks: a little more.
    let mut out = Vec::with_capacity(plain.len() + plain.len() / 4096 + 256);
    let mut writer = encryptor.wrap_output(&mut out)?;
    writer.write_all(plain)?;
    writer.finish()?;
    Ok(out)
}

/// Bytes read back from a file that held `raw`, decoded as `plain`, in
/// the form to write them again: `raw` itself if it was already encrypted,
/// else `plain` sealed (a plaintext file copied to `.prev` becomes
/// ciphertext once a key exists).
pub fn reseal(raw: &[u8], plain: &[u8]) -> io::Result<Vec<u8>> {
    if is_encrypted(raw) {
        Ok(raw.to_vec())
    } else {
        seal(plain)
    }
}

/// Whether bytes read from a file are in the form this sitting writes:
/// encrypted when a key is unlocked, plaintext when there is none. An
/// unchanged plaintext session is still written once a key exists.
pub fn sealed_as_wanted(raw: &[u8]) -> bool {
    is_encrypted(raw) == sitting::current().is_some()
}

/// The plaintext of the file at `path` that a save is about to replace.
/// An encrypted file this sitting cannot read is never replaced (it may be
/// someone else's); a damaged one reads as nothing, so it is replaced but
/// never kept as the previous version.
pub fn open_for_replacing<'a>(path: &std::path::Path, raw: &'a [u8]) -> io::Result<Cow<'a, [u8]>> {
    match open(raw) {
        Ok(plain) => Ok(plain),
        Err(OpenError::Damaged(_)) => Ok(Cow::Borrowed(&[])),
        Err(e) => Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("cannot save {}: {e}; not replacing it", path.display()),
        )),
    }
}

/// Why encrypted bytes could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenError {
    /// Encrypted, and no key is unlocked (none on this machine).
    NoKey,
    /// Encrypted to a key other than the one unlocked.
    OtherKey,
    /// An age file that is damaged or cut off.
    Damaged(String),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::NoKey => write!(
                f,
                "it is encrypted and there is no cpconf key on this machine (cpconf key init makes one; a key from elsewhere cannot be guessed)"
            ),
            OpenError::OtherKey => write!(f, "it is encrypted to another key than yours"),
            OpenError::Damaged(why) => write!(f, "the encrypted file is damaged: {why}"),
        }
    }
}

impl std::error::Error for OpenError {}

/// The plaintext of `bytes`: decrypted if they are an age file, else as
/// they are.
pub fn open(bytes: &[u8]) -> Result<Cow<'_, [u8]>, OpenError> {
    if !is_encrypted(bytes) {
        return Ok(Cow::Borrowed(bytes));
    }
    let key = sitting::current().ok_or(OpenError::NoKey)?;
    decrypt_with(key.identity(), bytes).map(Cow::Owned)
}

/// Decrypts an age file with `identity`.
pub fn decrypt_with(identity: &age::x25519::Identity, bytes: &[u8]) -> Result<Vec<u8>, OpenError> {
    let decryptor = age::Decryptor::new_buffered(bytes).map_err(damaged)?;
    let mut reader = decryptor
        .decrypt(std::iter::once(identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => OpenError::OtherKey,
            other => damaged(other),
        })?;
    let mut plain = Vec::with_capacity(bytes.len());
    reader
        .read_to_end(&mut plain)
        .map_err(|e| OpenError::Damaged(e.to_string()))?;
    Ok(plain)
}

fn damaged(e: age::DecryptError) -> OpenError {
    OpenError::Damaged(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plaintext_passes_and_ciphertext_round_trips_with_its_key_only() {
        let key = age::x25519::Identity::generate();
        let other = age::x25519::Identity::generate();
        let plain = b"{\"schema_version\": 1}\n";
        assert_eq!(open(plain).unwrap().as_ref(), plain);
        let sealed = encrypt_to(&key.to_public(), plain).unwrap();
        assert!(is_encrypted(&sealed));
        assert!(!sealed.windows(14).any(|w| w == b"schema_version"));
        assert_eq!(decrypt_with(&key, &sealed).unwrap(), plain);
        assert_eq!(decrypt_with(&other, &sealed), Err(OpenError::OtherKey));
        let cut = &sealed[..sealed.len() - 5];
        assert!(matches!(
            decrypt_with(&key, cut),
            Err(OpenError::Damaged(_))
        ));
    }
}
