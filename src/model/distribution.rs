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

/// That some paperwork was sent: what, by whom, when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentMark {
    pub what: Paperwork,
    pub by: String,
    pub at: Timestamp,
}

impl Session {
    /// When `what` was marked sent, if it was.
    pub fn sent(&self, what: Paperwork) -> Option<&SentMark> {
        self.distribution.iter().find(|m| m.what == what)
    }

    /// The first paperwork not yet marked sent, in the order it is due.
    pub fn next_unsent(&self) -> Option<Paperwork> {
        Paperwork::ALL.into_iter().find(|p| self.sent(*p).is_none())
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
        self.distribution.push(SentMark { what, by, at });
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
/// whether it was sent.
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

impl Session {
    /// The distribution list once the record is finalised (empty before):
    /// the letters, the record and the comments on its accuracy, with the
    /// dates the local rules give.
    pub fn distribution_list(
        &self,
        cal: &crate::dates::WorkingCalendar,
        ts: &crate::dates::Timescales,
        today: chrono::NaiveDate,
    ) -> Vec<Due> {
        use crate::dates::paperwork::{comments_due, letters_due, record_due};
        if !self.is_finalised() {
            return Vec::new();
        }
        let day = self.setup.date;
        let line = |what: Paperwork, due: Option<chrono::NaiveDate>| {
            let sent = self.sent(what).cloned();
            Due {
                paperwork: Some(what),
                label: what.label(),
                who: format!("to {}", self.recipients(what).join(", ")),
                due,
                overdue: sent.is_none() && due.is_some_and(|d| today > d),
                sent,
            }
        };
        let record_sent = self.sent(Paperwork::Record).map(|m| m.at.date_naive());
        vec![
            line(Paperwork::Letters, day.map(|d| letters_due(cal, ts, d))),
            line(Paperwork::Record, day.map(|d| record_due(cal, ts, d))),
            Due {
                paperwork: None,
                label: "Comments on accuracy",
                who: "from everyone who received the record".into(),
                due: record_sent.map(|d| comments_due(cal, ts, d)),
                sent: None,
                overdue: false,
            },
        ]
    }

    /// Whether any paperwork is overdue on `today`.
    pub fn paperwork_overdue(
        &self,
        cal: &crate::dates::WorkingCalendar,
        ts: &crate::dates::Timescales,
        today: chrono::NaiveDate,
    ) -> bool {
        self.distribution_list(cal, ts, today)
            .iter()
            .any(|d| d.overdue)
    }
}
