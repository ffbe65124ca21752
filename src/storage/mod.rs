//! Reading and writing sessions on disk.
//!
//! The rules this module keeps: nothing typed is lost (durable atomic
//! writes, a `.prev` copy, drafts of the field being edited, one writer per
//! session); a bad file gets a one-line message and is never written to;
//! every file we create is owner-only; every older schema version opens.
//!
//! Each file has one job: `load` reads and validates, `migrate` upgrades
//! older schema versions, `save` writes, `names` picks file names, `scan`
//! lists sessions for the browser, `lock` keeps one writer per session,
//! `recovery` keeps drafts, `perms` handles owner-only permissions.

mod load;
mod lock;
mod migrate;
mod names;
mod perms;
pub mod receipt;
mod recovery;
mod save;
mod scan;

pub use load::{LoadError, LoadErrorKind, Loaded, load, parse};
pub use lock::{LockError, LockInfo, SessionLock, acquire, acquire_with_identity_dir, lock_path};
pub use migrate::{Migration, OLDEST_SCHEMA_VERSION, migrate};
pub use names::{copy_kind, export_stem, preferred_file_name, sanitise_reference, unique_path};
pub use perms::{create_new_dir, ensure_dir, permission_warning};
pub use recovery::{
    Draft, clear_draft, draft_path, list_drafts, load_draft, recovery_dir, recovery_dir_from,
    save_draft, set_draft_aside,
};
pub use save::{
    DurableWriter, FileWriter, prev_path, save, save_copy_as_new, save_new, to_json_bytes,
    write_new_file_exclusive,
};
pub use scan::{Entry, Summary, list_session_files, scan, summarise, try_scan};

/// Files larger than this are refused before being read: no real session
/// comes near it, and reading a huge file would freeze the chair's screen.
pub const MAX_FILE_BYTES: u64 = 50_000_000;
