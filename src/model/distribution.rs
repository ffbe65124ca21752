//! The paperwork after a conference and when each part was sent: the
//! decision letters and the record. Marks are added after sign-off (like
//! addenda they sit outside the record's fingerprint) and never change
//! what the record says.

use serde::{Deserialize, Serialize};

use super::choices::AgencyKind;
use super::session::{Session, Timestamp};

/// What goes out after a conference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Paperwork {
    /// The decision letters: each parent or carer, the professionals, and
    /// any child the chair writes to.
    Letters,
    /// The record to the professionals and each family member's own copy.
    Record,
}

impl Paperwork {
    pub const ALL: [Paperwork; 2] = [Paperwork::Letters, Paperwork::Record];

    pub fn label(self) -> &'static str {
        match self {
            Paperwork::Letters => "Decision letters",
            Paperwork::Record => "Record and family copies",
        }
    }
}

/// That some paperwork was sent: what, to whom, by whom, when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentMark {
    pub what: Paperwork,
    /// For a decision letter, whose: a family member's `att-N`, a child's
    /// `child-N`, or `professionals`. Absent: every letter at once (files
    /// from before letters were marked one by one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    pub by: String,
    pub at: Timestamp,
}

/// One decision letter's recipient: the key a sent mark names (`att-N`,
/// `child-N`, `professionals`) and who, in a few words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterTo {
    pub key: String,
    pub name: String,
}

/// The key of the professionals' letter in a sent mark.
pub const PROFESSIONALS: &str = "professionals";

impl Session {
    /// Everyone a decision letter goes to, in the order they are asked
    /// about: each parent or carer, the professionals, each child the
    /// chair writes to.
    pub fn letter_recipients(&self) -> Vec<LetterTo> {
        let mut out: Vec<LetterTo> = self
            .attendees
            .iter()
            .filter(|a| a.agency_kind == AgencyKind::Family && !a.name.trim().is_empty())
            .map(|a| LetterTo {
                key: a.id.to_string(),
                name: a.name.trim().to_string(),
            })
            .collect();
        out.push(LetterTo {
            key: PROFESSIONALS.into(),
            name: "the professionals invited".into(),
        });
        out.extend(
            self.children
                .iter()
                .filter(|c| c.own_letter && !c.name.trim().is_empty())
                .map(|c| LetterTo {
                    key: c.id.to_string(),
                    name: c.name.trim().to_string(),
                }),
        );
        out
    }

    /// When the decision letter to `key` was marked sent, if it was: its
    /// own mark, or a mark for all the letters at once.
    pub fn letter_sent(&self, key: &str) -> Option<&SentMark> {
        self.distribution
            .iter()
            .find(|m| m.what == Paperwork::Letters && m.to.as_deref().is_none_or(|t| t == key))
    }

    /// The first decision letter not yet marked sent.
    pub fn next_unsent_letter(&self) -> Option<LetterTo> {
        self.letter_recipients()
            .into_iter()
            .find(|r| self.letter_sent(&r.key).is_none())
    }

    /// When `what` was marked sent, if it all was: for the letters, once
    /// every letter is (the last mark).
    pub fn sent(&self, what: Paperwork) -> Option<&SentMark> {
        match what {
            Paperwork::Record => self.distribution.iter().find(|m| m.what == what),
            Paperwork::Letters => {
                let marks: Option<Vec<&SentMark>> = self
                    .letter_recipients()
                    .iter()
                    .map(|r| self.letter_sent(&r.key))
                    .collect();
                marks?.into_iter().max_by_key(|m| m.at)
            }
        }
    }

    /// The paperwork marked sent in full, for the session list.
    pub fn sent_in_full(&self) -> Vec<Paperwork> {
        Paperwork::ALL
            .into_iter()
            .filter(|p| self.sent(*p).is_some())
            .collect()
    }

    /// The first paperwork not yet marked sent in full, in the order it is
    /// due.
    pub fn next_unsent(&self) -> Option<Paperwork> {
        Paperwork::ALL.into_iter().find(|p| self.sent(*p).is_none())
    }

    /// Marks the decision letter to `key` sent. Refused before sign-off,
    /// for someone who gets no letter, and when it is already marked.
    pub fn mark_letter_sent(&mut self, key: &str, by: String, at: Timestamp) -> Result<(), String> {
        if !self.is_finalised() {
            return Err("finalise the record before marking anything sent".into());
        }
        let Some(to) = self.letter_recipients().into_iter().find(|r| r.key == key) else {
            return Err(format!("no decision letter goes to {key}"));
        };
        if let Some(m) = self.letter_sent(key) {
            return Err(format!(
                "the decision letter to {} was already marked sent on {}",
                to.name,
                m.at.format("%-d %B %Y")
            ));
        }
        self.distribution.push(SentMark {
            what: Paperwork::Letters,
            to: Some(to.key),
            by,
            at,
        });
        Ok(())
    }

    /// Marks `what` as sent. Refused before sign-off (nothing final has
    /// gone out) and when it is already marked.
    pub fn mark_sent(&mut self, what: Paperwork, by: String, at: Timestamp) -> Result<(), String> {
        if !self.is_finalised() {
            return Err("finalise the record before marking anything sent".into());
        }
        if let Some(m) = self.sent(what) {
            return Err(format!(
                "{} already marked sent on {}",
                what.label().to_lowercase(),
                m.at.format("%-d %B %Y")
            ));
        }
        self.distribution.push(SentMark {
            what,
            to: None,
            by,
            at,
        });
        Ok(())
    }

    /// Who receives `what`, in a few words.
    pub fn recipients(&self, what: Paperwork) -> Vec<String> {
        let mut out: Vec<String> = self
            .attendees
            .iter()
            .filter(|a| a.agency_kind == AgencyKind::Family && !a.name.trim().is_empty())
            .map(|a| a.name.trim().to_string())
            .collect();
        out.push("the professionals invited".into());
        if what == Paperwork::Letters {
            out.extend(
                self.children
                    .iter()
                    .filter(|c| c.own_letter && !c.name.trim().is_empty())
                    .map(|c| c.name.trim().to_string()),
            );
        }
        out
    }
}

/// One line of the distribution list: what, to or from whom, by when, and
/// whether it was sent. Each decision letter has its own line.
#[derive(Clone, Debug, PartialEq)]
pub struct Due {
    /// The paperwork that can be marked sent; `None` for the comments on
    /// accuracy, which come back rather than go out.
    pub paperwork: Option<Paperwork>,
    pub label: &'static str,
    /// "to Leanne Marchbank, ..." or "from everyone who received the record".
    pub who: String,
    /// `None` until it can be known (comments: once the record is sent;
    /// anything: once the conference date is set).
    pub due: Option<chrono::NaiveDate>,
    pub sent: Option<SentMark>,
    /// Not sent, and `today` is after the date it was due.
    pub overdue: bool,
}
