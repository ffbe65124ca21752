//! A handover's traces: the audit entry that records it and the small
//! receipt left once the session's own file is removed (`retention` does
//! both). Here because reading a folder (`scan`) must tell a receipt from
//! a session and show when a session was handed over.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{AuditEntry, ConferenceKind, Session, Timestamp};

/// How the audit entry of a handover begins.
pub const HANDOVER_AUDIT: &str = "handed over to the case system: ";

/// What stays on this machine once a session is removed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Receipt {
    /// Always "cpconf handover receipt": how a receipt is told from a session.
    pub receipt: String,
    pub session_id: String,
    pub family_reference: String,
    pub kind: ConferenceKind,
    pub conference_date: Option<NaiveDate>,
    pub finalised_at: Option<Timestamp>,
    pub handed_over_at: Timestamp,
    pub handed_over_to: String,
    pub handed_over_by: String,
    /// SHA-256 of the record's content (see `Session::content_hash`), to
    /// match it against the copy in the case system.
    pub content_sha256: String,
    pub removed_at: Timestamp,
}

pub(crate) const RECEIPT_MARK: &str = "cpconf handover receipt";

/// `<stem>.receipt.json` beside the session.
pub fn receipt_path(session: &Path) -> PathBuf {
    let stem = session
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    session.with_file_name(format!("{stem}.receipt.json"))
}

pub fn is_receipt_name(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(".receipt.json"))
}

/// Reads a receipt (decrypting it if needed); one line when it cannot.
pub fn read_receipt(path: &Path) -> Result<Receipt, String> {
    let fail = |why: String| format!("cannot read the receipt {}: {why}", path.display());
    let mut raw = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(1_000_000).read_to_end(&mut raw))
        .map_err(|e| fail(e.to_string()))?;
    let plain = crate::crypt::open(&raw).map_err(|e| fail(e.to_string()))?;
    let receipt: Receipt = serde_json::from_slice(&plain).map_err(|e| fail(e.to_string()))?;
    if receipt.receipt != RECEIPT_MARK {
        return Err(fail("not a cpconf receipt".into()));
    }
    Ok(receipt)
}

impl Receipt {
    /// The receipt as a row of the session list.
    pub fn summary(&self) -> super::Summary {
        super::Summary {
            id: self.session_id.clone(),
            date: self.conference_date,
            kind: self.kind,
            family_reference: self.family_reference.clone(),
            children: Vec::new(),
            status: crate::model::Status::Finalised,
            handed_over: Some(self.handed_over_at.date_naive()),
            sent: Vec::new(),
        }
    }
}

/// When and where the session was handed over, from its audit trail.
pub fn handed_over(session: &Session) -> Option<(&AuditEntry, &str)> {
    session
        .audit
        .iter()
        .rev()
        .find_map(|a| a.what.strip_prefix(HANDOVER_AUDIT).map(|rest| (a, rest)))
}
