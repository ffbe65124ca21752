//! The user's key and the commands that use it: `file` keeps the key file
//! (made, unlocked, its passphrase changed), `cli` is `cpconf key`,
//! `encrypt` and `decrypt` and the yes-or-no question they and the record's
//! export ask. Above both `crypt` (the encryption every read and write goes
//! through) and `storage` (the durable writes the key file needs), which
//! is why it is not inside `crypt`.

pub mod cli;
pub mod file;
