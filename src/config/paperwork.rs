//! The paperwork a finalised record owes, with the dates these rules give:
//! the session says what was sent and to whom, the local rules when it is
//! due.

use chrono::NaiveDate;

use super::Config;
use crate::dates::paperwork::{comments_due, letters_due, record_due};
use crate::model::{Due, Paperwork, Session};

impl Config {
    /// The distribution list once the record is finalised (empty before):
    /// the letters, the record and the comments on its accuracy, with the
    /// dates the local rules give.
    pub fn distribution_list(&self, s: &Session, today: NaiveDate) -> Vec<Due> {
        if !s.is_finalised() {
            return Vec::new();
        }
        let (cal, ts) = (&self.calendar(), &self.timescales);
        let day = s.setup.date;
        let line = |what: Paperwork, due: Option<NaiveDate>| {
            let sent = s.sent(what).cloned();
            Due {
                paperwork: Some(what),
                label: what.label(),
                who: format!("to {}", s.recipients(what).join(", ")),
                due,
                overdue: sent.is_none() && due.is_some_and(|d| today > d),
                sent,
            }
        };
        let record_sent = s.sent(Paperwork::Record).map(|m| m.at.date_naive());
        let letters_due = day.map(|d| letters_due(cal, ts, d));
        let mut out: Vec<Due> = s
            .letter_recipients()
            .into_iter()
            .map(|r| {
                let sent = s.letter_sent(&r.key).cloned();
                Due {
                    paperwork: Some(Paperwork::Letters),
                    label: "Decision letter",
                    who: format!("to {}", r.name),
                    due: letters_due,
                    overdue: sent.is_none() && letters_due.is_some_and(|d| today > d),
                    sent,
                }
            })
            .collect();
        out.extend([
            line(Paperwork::Record, day.map(|d| record_due(cal, ts, d))),
            Due {
                paperwork: None,
                label: "Comments on accuracy",
                who: "from everyone who received the record".into(),
                due: record_sent.map(|d| comments_due(cal, ts, d)),
                sent: None,
                overdue: false,
            },
        ]);
        out
    }

    /// Whether any paperwork is overdue on `today`.
    pub fn paperwork_overdue(&self, s: &Session, today: NaiveDate) -> bool {
        self.distribution_list(s, today).iter().any(|d| d.overdue)
    }
}
