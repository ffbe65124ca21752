//! Working days: Monday to Friday, less bank holidays and any local extras.

use std::collections::BTreeSet;
use std::ops::Bound;

use chrono::{Datelike, NaiveDate, Weekday};

use super::holidays;

/// Which days count as working days. `Default` is England and Wales.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkingCalendar {
    extra_holidays: BTreeSet<NaiveDate>,
}

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonWorking {
    Weekend(Weekday),
    BankHoliday(&'static str),
    LocalHoliday,
}

impl std::fmt::Display for NonWorking {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NonWorking::Weekend(Weekday::Sat) => f.write_str("a Saturday"),
            NonWorking::Weekend(_) => f.write_str("a Sunday"),
            NonWorking::BankHoliday(name) => write!(f, "a bank holiday ({name})"),
            NonWorking::LocalHoliday => f.write_str("a local holiday"),
        }
    }
}

// Day index with 0 on Monday 1 January of year 1 (proleptic Gregorian), so
// `index % 7` is the weekday counted from Monday.
fn index(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) - 1
}

fn from_index(i: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(i.checked_add(1)?).ok()?)
}

// Weekdays among day indexes strictly below `i`.
fn weekdays_below(i: i64) -> i64 {
    5 * i.div_euclid(7) + i.rem_euclid(7).min(5)
}

// The `m`-th weekday (m >= 1) after index `i`, without regard to holidays.
fn add_weekdays(i: i64, m: i64) -> i64 {
    let target = weekdays_below(i + 1) + m; // 1-based count of the weekday wanted
    let t = target - 1;
    7 * t.div_euclid(5) + t.rem_euclid(5)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

impl WorkingCalendar {
    /// England and Wales plus days a local authority also closes
    /// (e.g. a council's Christmas Eve closure).
    pub fn with_extra_holidays(days: impl IntoIterator<Item = NaiveDate>) -> Self {
        WorkingCalendar {
            extra_holidays: days.into_iter().collect(),
        }
    }

    /// The local extra holidays.
    pub fn extra_holidays(&self) -> &BTreeSet<NaiveDate> {
        &self.extra_holidays
    }

    /// Why `d` is not a working day, or `None` if it is one.
    pub fn non_working(&self, d: NaiveDate) -> Option<NonWorking> {
        if is_weekend(d) {
            Some(NonWorking::Weekend(d.weekday()))
        } else if let Some(h) = holidays::bank_holiday_on(d) {
            Some(NonWorking::BankHoliday(h.name))
        } else if self.extra_holidays.contains(&d) {
            Some(NonWorking::LocalHoliday)
        } else {
            None
        }
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        self.non_working(d).is_none()
    }

    /// Holidays (bank or local) on weekdays in `(a, b]`, each counted once.
    fn weekday_holidays_in(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        if b <= a {
            return 0;
        }
        let in_range = |d: &NaiveDate| *d > a && *d <= b;
        let mut count = 0i64;
        for year in a.year()..=b.year() {
            count += holidays::bank_holidays(year)
                .iter()
                .filter(|h| in_range(&h.date) && !is_weekend(h.date))
                // A local day that is also a bank holiday is counted below.
                .filter(|h| !self.extra_holidays.contains(&h.date))
                .count() as i64;
        }
        count += self
            .extra_holidays
            .range((Bound::Excluded(a), Bound::Included(b)))
            .filter(|d| !is_weekend(**d))
            .count() as i64;
        count
    }

    /// The date `n` working days after `d` (`d` itself does not count, and
    /// need not be a working day). `n == 0` gives `d`. `None` only past the
    /// end of chrono's date range.
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> Option<NaiveDate> {
        // Jump over weekdays arithmetically, then make up for the holidays
        // the jump crossed; repeat until a jump crosses none. Cost grows with
        // years spanned, not days, so any `n` is cheap.
        let mut from = d;
        let mut remaining = i64::from(n);
        while remaining > 0 {
            let to = from_index(add_weekdays(index(from), remaining))?;
            remaining = self.weekday_holidays_in(from, to);
            from = to;
        }
        Some(from)
    }

    /// Working days after `a` up to and including `b`, so that
    /// `working_days_between(d, add_working_days(d, n)) == n`.
    /// Negative when `b` is before `a`.
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        if b < a {
            return -self.working_days_between(b, a);
        }
        let weekdays = weekdays_below(index(b) + 1) - weekdays_below(index(a) + 1);
        weekdays - self.weekday_holidays_in(a, b)
    }

    /// `d` if it is a working day, else the nearest working day before it.
    pub fn working_day_on_or_before(&self, d: NaiveDate) -> Option<NaiveDate> {
        let mut day = d;
        while !self.is_working_day(day) {
            day = day.pred_opt()?;
        }
        Some(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_zero_is_a_monday() {
        // The arithmetic above relies on this.
        let mut d = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        for _ in 0..30 {
            assert_eq!(
                index(d).rem_euclid(7),
                i64::from(d.weekday().num_days_from_monday())
            );
            assert_eq!(from_index(index(d)), Some(d));
            d = d.succ_opt().unwrap();
        }
        let min = NaiveDate::MIN;
        assert_eq!(
            index(min).rem_euclid(7),
            i64::from(min.weekday().num_days_from_monday())
        );
    }

    #[test]
    fn jump_agrees_with_day_by_day() {
        // Brute-force reference over 2024-2031 with a local extra day, from
        // every start date, for n up to 30.
        let cal = WorkingCalendar::with_extra_holidays([
            NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(),
            NaiveDate::from_ymd_opt(2027, 12, 27).unwrap(), // also a bank holiday
            NaiveDate::from_ymd_opt(2028, 6, 3).unwrap(),   // a Saturday
        ]);
        let mut start = NaiveDate::from_ymd_opt(2023, 12, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2031, 1, 31).unwrap();
        while start < end {
            let mut day = start;
            for n in 1..=30u32 {
                day = day.succ_opt().unwrap();
                while !cal.is_working_day(day) {
                    day = day.succ_opt().unwrap();
                }
                assert_eq!(cal.add_working_days(start, n), Some(day), "{start} + {n}");
                assert_eq!(cal.working_days_between(start, day), i64::from(n));
                assert_eq!(cal.working_days_between(day, start), -i64::from(n));
            }
            start = start.succ_opt().unwrap();
        }
    }

    #[test]
    fn extremes_do_not_panic() {
        let cal = WorkingCalendar::default();
        assert_eq!(cal.add_working_days(NaiveDate::MAX, 1), None);
        assert_eq!(cal.add_working_days(NaiveDate::MIN, u32::MAX), None);
        assert!(cal.add_working_days(NaiveDate::MIN, 1).is_some());
        let _ = cal.working_days_between(NaiveDate::MIN, NaiveDate::MAX);
        let _ = cal.working_day_on_or_before(NaiveDate::MIN);
        let _ = cal.is_working_day(NaiveDate::MAX);
    }
}
