//! When the paperwork after a conference is due: the decision letters
//! (the next working day), the record (15 working days in England, 20 in
//! Wales) and comments on its accuracy (10 working days after it is sent).
//! All are local rules in `[timescales]`.

use chrono::NaiveDate;

use super::{Timescales, WorkingCalendar};

fn add(cal: &WorkingCalendar, from: NaiveDate, days: u32) -> NaiveDate {
    // Saturates some 262,000 years out; harmless.
    cal.add_working_days(from, days).unwrap_or(NaiveDate::MAX)
}

/// The decision letters are due by this date.
pub fn letters_due(cal: &WorkingCalendar, ts: &Timescales, conference: NaiveDate) -> NaiveDate {
    add(cal, conference, ts.letter_working_days)
}

/// The record is due out by this date (one rule, in `timescales`).
pub use super::timescales::record_due;

/// Comments on the record's accuracy are due by this date, counted from
/// the day it was sent.
pub fn comments_due(cal: &WorkingCalendar, ts: &Timescales, record_sent: NaiveDate) -> NaiveDate {
    add(cal, record_sent, ts.accuracy_comment_working_days)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_thursday_before_christmas() {
        // Thursday 17 December 2026: letters on Friday 18 December; the
        // record 15 working days later, over Christmas Day, Boxing Day
        // (Monday 28th in lieu) and New Year's Day: Tuesday 12 January 2027.
        let cal = WorkingCalendar::default();
        let ts = Timescales::default();
        assert_eq!(letters_due(&cal, &ts, d(2026, 12, 17)), d(2026, 12, 18));
        assert_eq!(record_due(&cal, &ts, d(2026, 12, 17)), d(2027, 1, 12));
        // Wales: 20 working days.
        let wales = Timescales {
            record_working_days: 20,
            ..ts
        };
        assert_eq!(record_due(&cal, &wales, d(2026, 12, 17)), d(2027, 1, 19));
        // Sent on Tuesday 12 January: comments by Tuesday 26 January.
        assert_eq!(comments_due(&cal, &ts, d(2027, 1, 12)), d(2027, 1, 26));
    }
}
