//! England and Wales bank holidays.
//!
//! The official dates for 2024–2030 are written out by hand (the table is
//! what the chair's paperwork will be checked against); other years come from
//! the standing rules. A test asserts the two agree over the table's years.

use chrono::{Datelike, Months, NaiveDate, Weekday};

/// One bank holiday: the day it is observed and its gov.uk name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BankHoliday {
    pub date: NaiveDate,
    pub name: &'static str,
}

/// First year covered by [`OFFICIAL_TABLE`].
pub const TABLE_FIRST_YEAR: i32 = 2024;
/// Last year covered by [`OFFICIAL_TABLE`].
pub const TABLE_LAST_YEAR: i32 = 2030;

const NEW_YEAR: &str = "New Year's Day";
const NEW_YEAR_SUB: &str = "New Year's Day (substitute day)";
const GOOD_FRIDAY: &str = "Good Friday";
const EASTER_MONDAY: &str = "Easter Monday";
const EARLY_MAY: &str = "Early May bank holiday";
const SPRING: &str = "Spring bank holiday";
const SUMMER: &str = "Summer bank holiday";
const CHRISTMAS: &str = "Christmas Day";
const CHRISTMAS_SUB: &str = "Christmas Day (substitute day)";
const BOXING: &str = "Boxing Day";
const BOXING_SUB: &str = "Boxing Day (substitute day)";

// Evaluated at compile time, so a mistyped date fails the build, never a run.
const fn h(y: i32, m: u32, d: u32, name: &'static str) -> BankHoliday {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => BankHoliday { date, name },
        None => panic!("invalid date in bank holiday table"),
    }
}

/// Official England and Wales bank holidays, 2024–2030, in date order.
/// No moved or extra days (VE Day 2020, Jubilee 2022, Coronation 2023) fall
/// in this range.
pub const OFFICIAL_TABLE: &[BankHoliday] = &[
    h(2024, 1, 1, NEW_YEAR),        // Monday
    h(2024, 3, 29, GOOD_FRIDAY),    // Friday (Easter Sunday 31 Mar)
    h(2024, 4, 1, EASTER_MONDAY),   // Monday
    h(2024, 5, 6, EARLY_MAY),       // Monday
    h(2024, 5, 27, SPRING),         // Monday
    h(2024, 8, 26, SUMMER),         // Monday
    h(2024, 12, 25, CHRISTMAS),     // Wednesday
    h(2024, 12, 26, BOXING),        // Thursday
    h(2025, 1, 1, NEW_YEAR),        // Wednesday
    h(2025, 4, 18, GOOD_FRIDAY),    // Friday (Easter Sunday 20 Apr)
    h(2025, 4, 21, EASTER_MONDAY),  // Monday
    h(2025, 5, 5, EARLY_MAY),       // Monday
    h(2025, 5, 26, SPRING),         // Monday
    h(2025, 8, 25, SUMMER),         // Monday
    h(2025, 12, 25, CHRISTMAS),     // Thursday
    h(2025, 12, 26, BOXING),        // Friday
    h(2026, 1, 1, NEW_YEAR),        // Thursday
    h(2026, 4, 3, GOOD_FRIDAY),     // Friday (Easter Sunday 5 Apr)
    h(2026, 4, 6, EASTER_MONDAY),   // Monday
    h(2026, 5, 4, EARLY_MAY),       // Monday
    h(2026, 5, 25, SPRING),         // Monday
    h(2026, 8, 31, SUMMER),         // Monday
    h(2026, 12, 25, CHRISTMAS),     // Friday
    h(2026, 12, 28, BOXING_SUB),    // Monday (26 Dec is a Saturday)
    h(2027, 1, 1, NEW_YEAR),        // Friday
    h(2027, 3, 26, GOOD_FRIDAY),    // Friday (Easter Sunday 28 Mar)
    h(2027, 3, 29, EASTER_MONDAY),  // Monday
    h(2027, 5, 3, EARLY_MAY),       // Monday
    h(2027, 5, 31, SPRING),         // Monday
    h(2027, 8, 30, SUMMER),         // Monday
    h(2027, 12, 27, CHRISTMAS_SUB), // Monday (25 Dec is a Saturday)
    h(2027, 12, 28, BOXING_SUB),    // Tuesday (26 Dec is a Sunday)
    h(2028, 1, 3, NEW_YEAR_SUB),    // Monday (1 Jan is a Saturday)
    h(2028, 4, 14, GOOD_FRIDAY),    // Friday (Easter Sunday 16 Apr)
    h(2028, 4, 17, EASTER_MONDAY),  // Monday
    h(2028, 5, 1, EARLY_MAY),       // Monday
    h(2028, 5, 29, SPRING),         // Monday
    h(2028, 8, 28, SUMMER),         // Monday
    h(2028, 12, 25, CHRISTMAS),     // Monday
    h(2028, 12, 26, BOXING),        // Tuesday
    h(2029, 1, 1, NEW_YEAR),        // Monday
    h(2029, 3, 30, GOOD_FRIDAY),    // Friday (Easter Sunday 1 Apr)
    h(2029, 4, 2, EASTER_MONDAY),   // Monday
    h(2029, 5, 7, EARLY_MAY),       // Monday
    h(2029, 5, 28, SPRING),         // Monday
    h(2029, 8, 27, SUMMER),         // Monday
    h(2029, 12, 25, CHRISTMAS),     // Tuesday
    h(2029, 12, 26, BOXING),        // Wednesday
    h(2030, 1, 1, NEW_YEAR),        // Tuesday
    h(2030, 4, 19, GOOD_FRIDAY),    // Friday (Easter Sunday 21 Apr)
    h(2030, 4, 22, EASTER_MONDAY),  // Monday
    h(2030, 5, 6, EARLY_MAY),       // Monday
    h(2030, 5, 27, SPRING),         // Monday
    h(2030, 8, 26, SUMMER),         // Monday
    h(2030, 12, 25, CHRISTMAS),     // Wednesday
    h(2030, 12, 26, BOXING),        // Thursday
];

/// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
/// `None` only for years outside chrono's range.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    // Euclidean division keeps the algorithm defined for proleptic years <= 0.
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n.div_euclid(31)).ok()?;
    let day = u32::try_from(n.rem_euclid(31) + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The first `weekday` on or after `from`.
fn next_on_or_after(from: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from.checked_add_days(chrono::Days::new(u64::from(ahead)))
}

/// The last `weekday` on or before `from`.
fn last_on_or_before(from: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    let back = (7 + from.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    from.checked_sub_days(chrono::Days::new(u64::from(back)))
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Bank holidays for `year` from the standing rules (as in force since
/// 1978, with no one-off moves), in date order. Dates outside chrono's range
/// are left out rather than failing.
pub fn rule_based(year: i32) -> Vec<BankHoliday> {
    let mut out = Vec::with_capacity(8);
    let mut push = |date: Option<NaiveDate>, name: &'static str| {
        if let Some(date) = date {
            out.push(BankHoliday { date, name });
        }
    };

    // New Year's Day on a weekend moves to the following Monday.
    if let Some(jan1) = NaiveDate::from_ymd_opt(year, 1, 1) {
        if is_weekend(jan1) {
            push(next_on_or_after(jan1, Weekday::Mon), NEW_YEAR_SUB);
        } else {
            push(Some(jan1), NEW_YEAR);
        }
    }

    let easter = easter_sunday(year);
    push(
        easter.and_then(|e| e.checked_sub_days(chrono::Days::new(2))),
        GOOD_FRIDAY,
    );
    push(easter.and_then(|e| e.succ_opt()), EASTER_MONDAY);

    push(
        NaiveDate::from_ymd_opt(year, 5, 1).and_then(|d| next_on_or_after(d, Weekday::Mon)),
        EARLY_MAY,
    );
    push(
        last_day_of_month(year, 5).and_then(|d| last_on_or_before(d, Weekday::Mon)),
        SPRING,
    );
    push(
        last_day_of_month(year, 8).and_then(|d| last_on_or_before(d, Weekday::Mon)),
        SUMMER,
    );

    // Christmas and Boxing Day: a day on a weekend is observed on the next
    // weekday not already a holiday, so the pattern depends on Christmas's
    // weekday.
    if let Some(christmas) = NaiveDate::from_ymd_opt(year, 12, 25) {
        let day = |d: u32| NaiveDate::from_ymd_opt(year, 12, d);
        match christmas.weekday() {
            Weekday::Fri => {
                push(day(25), CHRISTMAS);
                push(day(28), BOXING_SUB);
            }
            Weekday::Sat => {
                push(day(27), CHRISTMAS_SUB);
                push(day(28), BOXING_SUB);
            }
            Weekday::Sun => {
                push(day(26), BOXING);
                push(day(27), CHRISTMAS_SUB);
            }
            _ => {
                push(day(25), CHRISTMAS);
                push(day(26), BOXING);
            }
        }
    }
    out
}

/// Bank holidays for `year`, in date order: the official table where it
/// covers the year, the rules otherwise.
pub fn bank_holidays(year: i32) -> Vec<BankHoliday> {
    if (TABLE_FIRST_YEAR..=TABLE_LAST_YEAR).contains(&year) {
        OFFICIAL_TABLE
            .iter()
            .filter(|h| h.date.year() == year)
            .copied()
            .collect()
    } else {
        rule_based(year)
    }
}

/// The bank holiday observed on `date`, if any.
pub fn bank_holiday_on(date: NaiveDate) -> Option<BankHoliday> {
    bank_holidays(date.year())
        .into_iter()
        .find(|h| h.date == date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn table_and_rules_agree_2024_to_2030() {
        for year in TABLE_FIRST_YEAR..=TABLE_LAST_YEAR {
            assert_eq!(bank_holidays(year), rule_based(year), "year {year}");
        }
    }

    #[test]
    fn table_is_sorted_weekdays_eight_a_year() {
        assert!(OFFICIAL_TABLE.windows(2).all(|w| w[0].date < w[1].date));
        assert!(OFFICIAL_TABLE.iter().all(|h| !is_weekend(h.date)));
        for year in TABLE_FIRST_YEAR..=TABLE_LAST_YEAR {
            assert_eq!(bank_holidays(year).len(), 8, "year {year}");
        }
    }

    #[test]
    fn easter_matches_table() {
        for year in TABLE_FIRST_YEAR..=TABLE_LAST_YEAR {
            let easter = easter_sunday(year).unwrap();
            let table = bank_holidays(year);
            let gf = table.iter().find(|h| h.name == GOOD_FRIDAY).unwrap();
            let em = table.iter().find(|h| h.name == EASTER_MONDAY).unwrap();
            assert_eq!(easter.weekday(), Weekday::Sun);
            assert_eq!(gf.date, easter - chrono::Days::new(2));
            assert_eq!(em.date, easter + chrono::Days::new(1));
        }
    }

    #[test]
    fn easter_known_years() {
        // Published dates outside the table: 2019 21 Apr, 2038 25 Apr (latest
        // possible), 2285 22 Mar (earliest possible).
        assert_eq!(easter_sunday(2019), Some(d(2019, 4, 21)));
        assert_eq!(easter_sunday(2038), Some(d(2038, 4, 25)));
        assert_eq!(easter_sunday(2285), Some(d(2285, 3, 22)));
    }

    #[test]
    fn rules_outside_table() {
        // 2033: Christmas is a Sunday, so Boxing Day Mon 26 and Christmas
        // substitute Tue 27. 2022 would be the same pattern (and was).
        let y2033 = rule_based(2033);
        assert!(y2033.contains(&BankHoliday {
            date: d(2033, 12, 26),
            name: BOXING
        }));
        assert!(y2033.contains(&BankHoliday {
            date: d(2033, 12, 27),
            name: CHRISTMAS_SUB
        }));
        // 2034: 1 Jan is a Sunday -> substitute Monday 2 Jan.
        assert_eq!(rule_based(2034)[0].date, d(2034, 1, 2));
    }

    #[test]
    fn extreme_years_do_not_panic() {
        for year in [i32::MIN, -262_144, -262_143, 0, 262_142, 262_143, i32::MAX] {
            let _ = rule_based(year);
            let _ = easter_sunday(year);
        }
        let _ = bank_holiday_on(NaiveDate::MAX);
        let _ = bank_holiday_on(NaiveDate::MIN);
    }
}
