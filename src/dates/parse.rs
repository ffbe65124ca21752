//! Dates and times as a British chair types them, and read back the way
//! they are said: "Thu 17 Dec 2026". Pure: the day a date without a year
//! belongs to comes from the caller, never from a clock.
//!
//! Dates: `17/12/2026`, `17/12/26`, `17-12-2026`, `17.12.2026`, `17/12`,
//! `17 Dec 2026`, `17 December 2026`, `Thu 17 Dec 2026`, `17th Dec`,
//! `2026-12-17`, `today`, `tomorrow`. Day first, always: `05/01/2024` is
//! the 5th of January.
//! Times: `10:00`, `10.00`, `10am`, `2:30pm`, `14:30`, `1430`, `930`.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};

/// Which year a date typed without one (`17/12`, `17 Dec`) falls in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearGuess {
    /// The first such day on or after the anchor: a conference, a review,
    /// an action's deadline.
    OnOrAfter,
    /// The last such day on or before the anchor: a date of birth, the
    /// strategy discussion before a conference.
    OnOrBefore,
}

/// What a date is read against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateContext {
    /// What `today` means (and `tomorrow` the day after).
    pub today: NaiveDate,
    /// The day a date without a year is placed near (usually the
    /// conference date).
    pub anchor: NaiveDate,
    pub guess: YearGuess,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const HOW: &str = "type 17/12/2026, 17/12, 17 Dec 2026 or 2026-12-17";

/// Reads a typed date. Errors say why in words a chair understands:
/// `31/02/2027: February has 28 days in 2027`.
pub fn parse_date(text: &str, cx: &DateContext) -> Result<NaiveDate, String> {
    let t = text.trim();
    let lower = t.to_lowercase();
    match lower.as_str() {
        "today" => return Ok(cx.today),
        "tomorrow" => {
            return cx
                .today
                .checked_add_days(Days::new(1))
                .ok_or_else(|| format!("{t}: out of range"));
        }
        _ => {}
    }
    let not_a_date = || format!("\"{t}\" is not a date: {HOW}");
    let (weekday, parts) = split_date(&lower).ok_or_else(not_a_date)?;
    let (day, month, year) = parts;
    if !(1..=12).contains(&month) {
        return Err(format!(
            "{t}: there is no month {month} (months go 1 to 12)"
        ));
    }
    let year = match year {
        Some(y) => y,
        None => guess_year(day, month, cx).ok_or_else(|| no_such_day(t, day, month, None))?,
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| no_such_day(t, day, month, Some(year)))?;
    if let Some(w) = weekday
        && w != date.weekday()
    {
        return Err(format!(
            "{t}: {} is a {}, not a {}",
            read_back(date),
            weekday_name(date.weekday()),
            weekday_name(w)
        ));
    }
    Ok(date)
}

/// A date as a chair says it: "Thu 17 Dec 2026".
pub fn read_back(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// Reads a typed time of day: `10:00`, `10.00`, `10am`, `2:30pm`, `14:30`,
/// `1430`. `25:00` is refused with the reason.
pub fn parse_time(text: &str) -> Result<NaiveTime, String> {
    let t = text.trim();
    let lower = t.to_lowercase().replace(' ', "");
    let not_a_time = || format!("\"{t}\" is not a time: type 10:00, 10am, 2:30pm or 1430");
    let (clock, half) = if let Some(c) = lower.strip_suffix("am") {
        (c, Some(false))
    } else if let Some(c) = lower.strip_suffix("pm") {
        (c, Some(true))
    } else {
        (lower.as_str(), None)
    };
    if clock.is_empty()
        || !clock
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
    {
        return Err(not_a_time());
    }
    let (hours, minutes) = match clock.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 => (digits(h), digits(m)),
        Some(_) => (None, None),
        None if clock.len() >= 3 => {
            let (h, m) = clock.split_at(clock.len() - 2);
            (digits(h), digits(m))
        }
        None if half.is_some() => (digits(clock), Some(0)),
        None => (None, None),
    };
    let (Some(hours), Some(minutes)) = (hours, minutes) else {
        return Err(not_a_time());
    };
    let hours = match half {
        Some(pm) => {
            if !(1..=12).contains(&hours) {
                return Err(format!(
                    "{t}: with am or pm the hour goes from 1 to 12 (or type {}:{minutes:02})",
                    hours.min(23)
                ));
            }
            hours % 12 + if pm { 12 } else { 0 }
        }
        None => hours,
    };
    if hours > 23 {
        return Err(format!("{t}: hours go from 0 to 23"));
    }
    if minutes > 59 {
        return Err(format!("{t}: minutes go from 00 to 59"));
    }
    NaiveTime::from_hms_opt(hours, minutes, 0).ok_or_else(not_a_time)
}

/// A time as read back: "14:30".
pub fn read_back_time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

type DayMonthYear = (u32, u32, Option<i32>);

/// Splits a lower-case date into an optional weekday and its numbers.
fn split_date(t: &str) -> Option<(Option<Weekday>, DayMonthYear)> {
    // ISO first: four digits, then month and day.
    if let [y, m, d] = t.split('-').collect::<Vec<_>>()[..]
        && y.len() == 4
    {
        return Some((None, (small(d)?, small(m)?, Some(digits(y)? as i32))));
    }
    if let Some(sep) = ['/', '-', '.'].into_iter().find(|s| t.contains(*s)) {
        let parts: Vec<&str> = t.split(sep).map(str::trim).collect();
        return match parts[..] {
            [d, m] => Some((None, (small(d)?, small(m)?, None))),
            [d, m, y] => Some((None, (small(d)?, small(m)?, Some(year(y)?)))),
            _ => None,
        };
    }
    // Words: [weekday] day month [year], commas allowed.
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (weekday, rest) = match words.first().and_then(|w| weekday(w)) {
        Some(w) => (Some(w), &words[1..]),
        None => (None, &words[..]),
    };
    let (d, m, y) = match rest {
        [d, m] => (*d, *m, None),
        [d, m, y] => (*d, *m, Some(year(y)?)),
        _ => return None,
    };
    Some((weekday, (day_number(d)?, month_number(m)?, y)))
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A day or a month: one or two digits.
fn small(s: &str) -> Option<u32> {
    digits(s).filter(|_| s.len() <= 2)
}

/// Four digits as they are; two digits are this century (`26` is 2026).
fn year(s: &str) -> Option<i32> {
    let n = digits(s)? as i32;
    match s.len() {
        4 => Some(n),
        2 => Some(2000 + n),
        _ => None,
    }
}

/// `17`, `17th`, `1st`, `2nd`, `3rd`.
fn day_number(s: &str) -> Option<u32> {
    let bare = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|x| s.strip_suffix(x))
        .unwrap_or(s);
    small(bare)
}

/// `dec`, `december`, `sept`: three letters or more of a month's name.
fn month_number(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.');
    if s.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(s))
        .map(|i| i as u32 + 1)
}

fn weekday(s: &str) -> Option<Weekday> {
    let s = s.trim_end_matches('.');
    if s.len() < 3 || s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ]
    .into_iter()
    .find(|w| weekday_name(*w).to_lowercase().starts_with(s))
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn month_name(m: u32) -> String {
    let name = MONTHS[(m as usize - 1) % 12];
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The year a day and month without one falls in, by `cx.guess`. A 29th
/// of February looks up to eight years away for a leap year.
fn guess_year(day: u32, month: u32, cx: &DateContext) -> Option<i32> {
    let start = cx.anchor.year();
    let years: Vec<i32> = match cx.guess {
        YearGuess::OnOrAfter => (start..=start + 8).collect(),
        YearGuess::OnOrBefore => (start - 8..=start).rev().collect(),
    };
    years.into_iter().find(|y| {
        NaiveDate::from_ymd_opt(*y, month, day).is_some_and(|d| match cx.guess {
            YearGuess::OnOrAfter => d >= cx.anchor,
            YearGuess::OnOrBefore => d <= cx.anchor,
        })
    })
}

/// Why a day does not exist: "February has 28 days in 2027".
fn no_such_day(t: &str, day: u32, month: u32, year: Option<i32>) -> String {
    if day == 0 {
        return format!("{t}: there is no day 0");
    }
    let length = |y: i32| {
        (28..=31)
            .rev()
            .find(|d| NaiveDate::from_ymd_opt(y, month, *d).is_some())
            .unwrap_or(28)
    };
    match year {
        Some(y) if month == 2 => format!("{t}: February has {} days in {y}", length(y)),
        Some(y) => format!("{t}: {} has {} days", month_name(month), length(y)),
        // Only 30 February and 31 of a short month get here.
        None => format!("{t}: {} never has {day} days", month_name(month)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// A conference on Mon 23 Nov 2026, entered on Fri 20 Nov 2026.
    fn after() -> DateContext {
        DateContext {
            today: d(2026, 11, 20),
            anchor: d(2026, 11, 23),
            guess: YearGuess::OnOrAfter,
        }
    }

    fn before() -> DateContext {
        DateContext {
            guess: YearGuess::OnOrBefore,
            ..after()
        }
    }

    #[test]
    fn every_british_form_of_the_same_day() {
        for text in [
            "17/12/2026",
            "17/12/26",
            "17-12-2026",
            "17.12.2026",
            "17/12",
            "17 Dec 2026",
            "17 December 2026",
            "Thu 17 Dec 2026",
            "thursday 17 december 2026",
            "Thu, 17 Dec 2026",
            "17th Dec",
            "17 dec",
            "2026-12-17",
            "  17/12/2026  ",
        ] {
            assert_eq!(parse_date(text, &after()), Ok(d(2026, 12, 17)), "{text}");
        }
    }

    #[test]
    fn day_first_always() {
        assert_eq!(parse_date("05/01/2024", &after()), Ok(d(2024, 1, 5)));
        assert_eq!(parse_date("1/2/2027", &after()), Ok(d(2027, 2, 1)));
    }

    #[test]
    fn a_date_without_a_year_is_the_next_one_or_the_last_one() {
        // After the conference (23 Nov 2026): 17/12 this year, 10/01 next year.
        assert_eq!(parse_date("10/01", &after()), Ok(d(2027, 1, 10)));
        assert_eq!(parse_date("23/11", &after()), Ok(d(2026, 11, 23)));
        // Before it (a birthday, a strategy discussion): the last one.
        assert_eq!(parse_date("17/12", &before()), Ok(d(2025, 12, 17)));
        assert_eq!(parse_date("2 Nov", &before()), Ok(d(2026, 11, 2)));
        // 29 February: the next leap year.
        assert_eq!(parse_date("29/02", &after()), Ok(d(2028, 2, 29)));
        assert_eq!(parse_date("29/02", &before()), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn today_and_tomorrow() {
        assert_eq!(parse_date("today", &after()), Ok(d(2026, 11, 20)));
        assert_eq!(parse_date("Tomorrow", &after()), Ok(d(2026, 11, 21)));
    }

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(
            parse_date("31/02/2027", &after()),
            Err("31/02/2027: February has 28 days in 2027".into())
        );
        assert_eq!(
            parse_date("30/02/2028", &after()),
            Err("30/02/2028: February has 29 days in 2028".into())
        );
        assert_eq!(
            parse_date("31 April 2027", &after()),
            Err("31 April 2027: April has 30 days".into())
        );
        assert_eq!(
            parse_date("13/13/2027", &after()),
            Err("13/13/2027: there is no month 13 (months go 1 to 12)".into())
        );
        assert_eq!(
            parse_date("0/12/2027", &after()),
            Err("0/12/2027: there is no day 0".into())
        );
        assert_eq!(
            parse_date("31/06", &after()),
            Err("31/06: June never has 31 days".into())
        );
        assert_eq!(
            parse_date("Fri 17 Dec 2026", &after()),
            Err("Fri 17 Dec 2026: Thu 17 Dec 2026 is a Thursday, not a Friday".into())
        );
    }

    #[test]
    fn words_that_are_not_dates_say_what_to_type() {
        for text in [
            "soon",
            "17",
            "17/12/2026/1",
            "17 Decembre",
            "2026-12",
            "17/12/202",
            "Dec 17 x y",
        ] {
            let e = parse_date(text, &after()).unwrap_err();
            assert!(
                e.contains("is not a date") && e.contains("17/12/2026"),
                "{text}: {e}"
            );
        }
    }

    #[test]
    fn read_back_says_the_weekday_first() {
        assert_eq!(read_back(d(2026, 12, 17)), "Thu 17 Dec 2026");
        assert_eq!(read_back(d(2027, 1, 5)), "Tue 5 Jan 2027");
    }

    #[test]
    fn every_form_of_a_time() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        for (text, want) in [
            ("10:00", t(10, 0)),
            ("10.00", t(10, 0)),
            ("10am", t(10, 0)),
            ("10 am", t(10, 0)),
            ("10AM", t(10, 0)),
            ("2:30pm", t(14, 30)),
            ("2.30 pm", t(14, 30)),
            ("12pm", t(12, 0)),
            ("12am", t(0, 0)),
            ("14:30", t(14, 30)),
            ("1430", t(14, 30)),
            ("930", t(9, 30)),
            ("9:05", t(9, 5)),
            ("0:00", t(0, 0)),
        ] {
            assert_eq!(parse_time(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn impossible_times_say_why() {
        assert_eq!(
            parse_time("25:00"),
            Err("25:00: hours go from 0 to 23".into())
        );
        assert_eq!(
            parse_time("10:75"),
            Err("10:75: minutes go from 00 to 59".into())
        );
        assert_eq!(
            parse_time("13pm"),
            Err("13pm: with am or pm the hour goes from 1 to 12 (or type 13:00)".into())
        );
        for text in ["ten", "10", "10:5", "10:00:00", "pm", "1o:00", "-1:00"] {
            let e = parse_time(text).unwrap_err();
            assert!(e.contains("is not a time"), "{text}: {e}");
        }
    }
}
