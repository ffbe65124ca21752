//! Statutory timescales (England, Working Together): the dates a conference
//! sets in motion, and plain-words warnings when a date set breaks them.

use chrono::{Days, Months, NaiveDate, NaiveDateTime, TimeDelta};
use serde::{Deserialize, Serialize};

use super::calendar::WorkingCalendar;
use crate::model::ConferenceKind;

/// The limits in force. `Default` is England; local rules may differ
/// (read from the `[timescales]` table of the config file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Timescales {
    /// Initial conference within this many working days of the strategy discussion.
    pub icpc_working_days: u32,
    /// First core group within this many working days of the conference.
    pub first_core_group_working_days: u32,
    /// First review within this many months of an initial, pre-birth or transfer-in conference.
    pub first_review_months: u32,
    /// Later reviews at most this many months apart.
    pub later_review_months: u32,
    /// A parent's complaint within this many calendar days.
    pub complaint_days: u32,
    /// Professional dissent within this many hours.
    pub dissent_hours: u32,
    /// A pre-birth conference's first review no later than this many
    /// working days after the birth (or the months above, if sooner).
    pub pre_birth_review_working_days: u32,
    /// An inquorate conference reconvenes within this many working days.
    pub reconvene_working_days: u32,
    /// The record goes out within this many working days.
    pub record_working_days: u32,
    /// The summary and outline plan go out within this many working days.
    pub outline_plan_working_days: u32,
}

impl Default for Timescales {
    fn default() -> Self {
        Timescales {
            icpc_working_days: 15,
            first_core_group_working_days: 10,
            first_review_months: 3,
            later_review_months: 6,
            complaint_days: 28,
            dissent_hours: 72,
            pre_birth_review_working_days: 20,
            reconvene_working_days: 10,
            record_working_days: 15,
            outline_plan_working_days: 1,
        }
    }
}

/// The dates that follow from one conference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyDates {
    /// Latest date for the conference itself; only for a conference that
    /// follows a strategy discussion and when that date is known.
    pub icpc_deadline: Option<NaiveDate>,
    pub first_core_group: NaiveDate,
    pub review_conference: NaiveDate,
    pub complaint_deadline: NaiveDate,
    /// Dissent is due by the same time of day as the conference, on this
    /// date (72 hours is a whole number of days). Use [`dissent_deadline`]
    /// when the start time is known.
    pub dissent_deadline: NaiveDate,
}

// The functions below return plain dates, as callers expect; an overflow is
// only possible some 262,000 years out, and saturating there is harmless.
fn or_max(d: Option<NaiveDate>) -> NaiveDate {
    d.unwrap_or(NaiveDate::MAX)
}

/// Whether the 15-working-day rule from a strategy discussion applies.
/// A pre-birth conference is an initial conference held before the birth,
/// so it does; a transfer-in runs from the transfer notice, a review from
/// the last conference.
pub fn has_icpc_deadline(kind: ConferenceKind) -> bool {
    matches!(kind, ConferenceKind::Initial | ConferenceKind::PreBirth)
}

/// Months to the next review after a conference of this kind.
pub fn review_months(ts: &Timescales, kind: ConferenceKind) -> u32 {
    match kind {
        ConferenceKind::Review => ts.later_review_months,
        ConferenceKind::Initial | ConferenceKind::PreBirth | ConferenceKind::TransferIn => {
            ts.first_review_months
        }
    }
}

/// Latest date for an initial conference: 15 working days after the
/// strategy discussion.
pub fn icpc_deadline(
    cal: &WorkingCalendar,
    ts: &Timescales,
    strategy_discussion: NaiveDate,
) -> NaiveDate {
    or_max(cal.add_working_days(strategy_discussion, ts.icpc_working_days))
}

/// Latest date for the first core group: 10 working days after the conference.
pub fn first_core_group(
    cal: &WorkingCalendar,
    ts: &Timescales,
    conference: NaiveDate,
) -> NaiveDate {
    or_max(cal.add_working_days(conference, ts.first_core_group_working_days))
}

/// Latest date for the next review: 3 months after an initial, pre-birth or
/// transfer-in conference, 6 after a review. A month end is clamped (31 Aug
/// + 6 months = 28/29 Feb).
///
/// If that day is not a working day we move BACK to the previous working
/// day, never forward: the review must be held within the limit, so the
/// date shown is the last day it can actually meet.
pub fn review_conference(
    cal: &WorkingCalendar,
    ts: &Timescales,
    conference: NaiveDate,
    kind: ConferenceKind,
) -> NaiveDate {
    let limit = or_max(conference.checked_add_months(Months::new(review_months(ts, kind))));
    cal.working_day_on_or_before(limit).unwrap_or(limit)
}

/// When the first review is due, where that can depend on a birth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewDue {
    By(NaiveDate),
    /// A pre-birth conference before the birth: the review is due within
    /// the working days after the birth, or by `latest` if that is sooner.
    DependsOnBirth {
        latest: NaiveDate,
    },
}

impl ReviewDue {
    /// The date, once known.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            ReviewDue::By(d) => Some(d),
            ReviewDue::DependsOnBirth { .. } => None,
        }
    }
}

/// The first review after a conference. After a pre-birth conference it is
/// the earlier of the months limit and `pre_birth_review_working_days`
/// after the birth (both local rules); before the birth it depends on it.
pub fn review_due(
    cal: &WorkingCalendar,
    ts: &Timescales,
    kind: ConferenceKind,
    conference: NaiveDate,
    birth: Option<NaiveDate>,
) -> ReviewDue {
    let limit = review_conference(cal, ts, conference, kind);
    if kind != ConferenceKind::PreBirth {
        return ReviewDue::By(limit);
    }
    match birth {
        Some(b) => {
            let after = or_max(cal.add_working_days(b, ts.pre_birth_review_working_days));
            ReviewDue::By(after.min(limit))
        }
        None => ReviewDue::DependsOnBirth { latest: limit },
    }
}

/// An inquorate conference reconvenes by this date (10 working days, a
/// local rule).
pub fn reconvene_by(cal: &WorkingCalendar, ts: &Timescales, conference: NaiveDate) -> NaiveDate {
    or_max(cal.add_working_days(conference, ts.reconvene_working_days))
}

/// The record is due out by this date (15 working days in England, 20 in
/// Wales: a local rule).
pub fn record_due(cal: &WorkingCalendar, ts: &Timescales, conference: NaiveDate) -> NaiveDate {
    or_max(cal.add_working_days(conference, ts.record_working_days))
}

/// The summary and outline plan are due out by this date.
pub fn outline_plan_due(
    cal: &WorkingCalendar,
    ts: &Timescales,
    conference: NaiveDate,
) -> NaiveDate {
    or_max(cal.add_working_days(conference, ts.outline_plan_working_days))
}

/// Last day for a parent's complaint: 28 calendar days after the conference.
pub fn complaint_deadline(ts: &Timescales, conference: NaiveDate) -> NaiveDate {
    or_max(conference.checked_add_days(Days::new(u64::from(ts.complaint_days))))
}

/// When professional dissent is due: 72 hours after the conference.
pub fn dissent_deadline(ts: &Timescales, conference: NaiveDateTime) -> NaiveDateTime {
    conference
        .checked_add_signed(TimeDelta::hours(i64::from(ts.dissent_hours)))
        .unwrap_or(NaiveDateTime::MAX)
}

/// All the dates that follow from a conference on `conference`.
pub fn key_dates(
    cal: &WorkingCalendar,
    ts: &Timescales,
    kind: ConferenceKind,
    conference: NaiveDate,
    strategy_discussion: Option<NaiveDate>,
) -> KeyDates {
    let dissent = dissent_deadline(ts, conference.and_time(chrono::NaiveTime::MIN)).date();
    KeyDates {
        icpc_deadline: strategy_discussion
            .filter(|_| has_icpc_deadline(kind))
            .map(|sd| icpc_deadline(cal, ts, sd)),
        first_core_group: first_core_group(cal, ts, conference),
        review_conference: review_conference(cal, ts, conference, kind),
        complaint_deadline: complaint_deadline(ts, conference),
        dissent_deadline: dissent,
    }
}

fn off_day(cal: &WorkingCalendar, what: &str, d: NaiveDate, out: &mut Vec<String>) {
    if let Some(why) = cal.non_working(d) {
        out.push(format!("{what} on {d} falls on {why}"));
    }
}

/// Plain-words warnings for dates that are set and break a rule. Dates not
/// yet set are not warned about. Strategy discussions may be held any day,
/// so only the meetings the chair arranges are checked for weekends and
/// holidays.
pub fn check_rules(
    cal: &WorkingCalendar,
    ts: &Timescales,
    kind: ConferenceKind,
    conference: Option<NaiveDate>,
    strategy_discussion: Option<NaiveDate>,
    first_core_group_date: Option<NaiveDate>,
    review_date: Option<NaiveDate>,
) -> Vec<String> {
    let mut out = Vec::new();

    if let Some(c) = conference {
        off_day(cal, "Conference", c, &mut out);
        if let Some(sd) = strategy_discussion.filter(|_| has_icpc_deadline(kind)) {
            if c < sd {
                out.push(format!(
                    "Conference on {c} is before the strategy discussion on {sd}"
                ));
            } else {
                let deadline = icpc_deadline(cal, ts, sd);
                if c > deadline {
                    out.push(format!(
                        "Conference on {c} is after the {}-working-day deadline of {deadline} \
                         (strategy discussion on {sd})",
                        ts.icpc_working_days
                    ));
                }
            }
        }
    }

    if let Some(cg) = first_core_group_date {
        off_day(cal, "First core group", cg, &mut out);
        if let Some(c) = conference {
            let latest = first_core_group(cal, ts, c);
            if cg < c {
                out.push(format!(
                    "First core group on {cg} is before the conference on {c}"
                ));
            } else if cg > latest {
                out.push(format!(
                    "First core group on {cg} is after the {}-working-day deadline of {latest}",
                    ts.first_core_group_working_days
                ));
            }
        }
    }

    if let Some(r) = review_date {
        off_day(cal, "Review conference", r, &mut out);
        if let Some(c) = conference {
            let latest = review_conference(cal, ts, c, kind);
            if r <= c {
                out.push(format!(
                    "Review conference on {r} is not after the conference on {c}"
                ));
            } else if r > latest {
                out.push(format!(
                    "Review conference on {r} is after the latest date of {latest} \
                     ({} months after the conference on {c})",
                    review_months(ts, kind)
                ));
            }
        }
    }

    out
}
