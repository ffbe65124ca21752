//! Encryption at rest: once a key exists, every session, backup, draft,
//! emergency copy and receipt is written as an age file.
//!
//! The design: one X25519 key pair per user, kept in a key file that is
//! itself age-encrypted to a passphrase (age's scrypt recipient, built to
//! take about a second, paid once per sitting). Session files are encrypted
//! to the user's X25519 recipient, which costs microseconds, so autosave
//! stays fast. Any age tool (`age`, `rage`) can decrypt a file by hand.
//!
//! `passphrase` asks for or reads the passphrase, `codec` turns bytes into
//! ciphertext and back (plaintext files still open), `harden` keeps content
//! out of core dumps, and `sitting` holds the unlocked key for this run of
//! the program. The key file and the commands are in `keys`, above this and
//! `storage`.

pub mod codec;
pub mod harden;
pub mod passphrase;
pub mod sitting;

pub use codec::{
    OpenError, is_encrypted, open, open_for_replacing, reseal, seal, sealed_as_wanted,
};
