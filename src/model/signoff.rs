//! Sign-off: a fingerprint of the record as it was finalised, so a reviewer
//! can tell whether anything has been changed since.

use sha2::{Digest, Sha256};

use super::session::Session;

/// Whether a finalised record still matches its fingerprint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Integrity {
    NotFinalised,
    Intact,
    /// The content differs from what was finalised.
    Changed,
    /// Finalised before fingerprints were kept.
    NoFingerprint,
}

/// Fields that may change after finalisation, or that hold the fingerprint
/// itself: they are left out of it.
const OUTSIDE_THE_FINGERPRINT: [&str; 7] = [
    "finalised",
    "addenda",
    "distribution",
    "audit",
    "updated_at",
    "next_id",
    "drafting",
];

impl Session {
    /// SHA-256 (hex) of the canonical content: the session as JSON with
    /// sorted keys and no whitespace, without the fields that may change
    /// after sign-off (addenda, the audit trail) or hold the fingerprint.
    pub fn content_hash(&self) -> String {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            for key in OUTSIDE_THE_FINGERPRINT {
                map.remove(key);
            }
        }
        // serde_json's map keeps keys sorted, so this text is canonical.
        let canonical = serde_json::to_vec(&value).unwrap_or_default();
        let digest = Sha256::digest(&canonical);
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Locks the record: from now on only addenda may be added. The
    /// fingerprint is taken last, over the content as it now stands.
    pub fn finalise(&mut self, at: super::session::Timestamp, by: String) {
        self.status = super::choices::Status::Finalised;
        self.refresh_derived();
        let content_sha256 = self.content_hash();
        self.finalised = Some(super::session::Finalisation {
            at,
            by,
            content_sha256,
        });
    }

    pub fn integrity(&self) -> Integrity {
        match &self.finalised {
            None => Integrity::NotFinalised,
            Some(f) if f.content_sha256.is_empty() => Integrity::NoFingerprint,
            Some(f) if f.content_sha256 == self.content_hash() => Integrity::Intact,
            Some(_) => Integrity::Changed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Addendum;

    fn finalised() -> Session {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T12:00:00+00:00").unwrap();
        let mut s = Session::new("x".into(), now);
        s.setup.family_reference = "FAM1".into();
        s.finalise(now, "Chair".into());
        s
    }

    #[test]
    fn a_finalised_record_matches_its_fingerprint() {
        assert_eq!(finalised().integrity(), Integrity::Intact);
    }

    #[test]
    fn any_change_to_the_content_is_detected() {
        let mut s = finalised();
        s.setup.family_reference = "FAM2".into();
        assert_eq!(s.integrity(), Integrity::Changed);
    }

    #[test]
    fn addenda_do_not_break_the_fingerprint() {
        let mut s = finalised();
        let id = s.new_item_id();
        s.addenda.push(Addendum {
            id,
            at: s.created_at,
            by: "Chair".into(),
            what: "Corrected a date".into(),
            why: "Typing error".into(),
        });
        assert_eq!(s.integrity(), Integrity::Intact);
    }

    #[test]
    fn the_fingerprint_is_hex_sha256() {
        let h = finalised().content_hash();
        assert_eq!(h.len(), 64);
        assert!(h.chars().all(|c| c.is_ascii_hexdigit()));
    }
}
