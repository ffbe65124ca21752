//! Hand-checked dates. Every expected value is worked out in the comment
//! beside it from a paper calendar, not from the code under test.

use chrono::{NaiveDate, NaiveDateTime};
use cpconf::dates::*;
use cpconf::model::ConferenceKind;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn dt(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, min, 0).unwrap()
}

#[test]
fn christmas_and_new_year_2026() {
    let cal = WorkingCalendar::default();
    // From Mon 14 Dec 2026: Tue 15 (1), 16 (2), 17 (3), Fri 18 (4),
    // Mon 21 (5), 22 (6), 23 (7), Thu 24 (8); Fri 25 Christmas; 26-27 weekend;
    // Mon 28 Boxing Day substitute; Tue 29 (9), 30 (10), Thu 31 (11);
    // Fri 1 Jan New Year; 2-3 weekend; Mon 4 (12), 5 (13), 6 (14), Thu 7 (15).
    assert_eq!(
        cal.add_working_days(d(2026, 12, 14), 15),
        Some(d(2027, 1, 7))
    );
    assert_eq!(cal.working_days_between(d(2026, 12, 14), d(2027, 1, 7)), 15);
    assert!(!cal.is_working_day(d(2026, 12, 28)));
    assert!(cal.is_working_day(d(2026, 12, 24)));
}

#[test]
fn christmas_and_new_year_substitutes_2027() {
    let cal = WorkingCalendar::default();
    // From Thu 23 Dec 2027: Fri 24 (1); 25-26 weekend; Mon 27 Christmas
    // substitute; Tue 28 Boxing Day substitute; Wed 29 (2), 30 (3), Fri 31 (4);
    // Sat 1-Sun 2 Jan; Mon 3 New Year substitute; Tue 4 Jan 2028 (5).
    assert_eq!(
        cal.add_working_days(d(2027, 12, 23), 5),
        Some(d(2028, 1, 4))
    );
}

#[test]
fn easter_2027() {
    let cal = WorkingCalendar::default();
    // From Mon 22 Mar 2027: Tue 23 (1), 24 (2), Thu 25 (3); Fri 26 Good Friday;
    // 27-28 weekend; Mon 29 Easter Monday; Tue 30 (4), 31 (5), Thu 1 Apr (6),
    // Fri 2 (7); 3-4 weekend; Mon 5 (8), Tue 6 (9), Wed 7 Apr (10).
    assert_eq!(
        cal.add_working_days(d(2027, 3, 22), 10),
        Some(d(2027, 4, 7))
    );
    assert_eq!(
        cal.non_working(d(2027, 3, 26)),
        Some(NonWorking::BankHoliday("Good Friday"))
    );
}

#[test]
fn extra_local_holiday() {
    // A council closed on Christmas Eve: as christmas_and_new_year_2026 but
    // Thu 24 Dec no longer counts, so the 15th working day moves from
    // Thu 7 to Fri 8 Jan 2027.
    let cal = WorkingCalendar::with_extra_holidays([d(2026, 12, 24)]);
    assert_eq!(
        cal.add_working_days(d(2026, 12, 14), 15),
        Some(d(2027, 1, 8))
    );
    assert_eq!(
        cal.non_working(d(2026, 12, 24)),
        Some(NonWorking::LocalHoliday)
    );
}

#[test]
fn weekend_start_dates() {
    let cal = WorkingCalendar::default();
    // Sat 13 Jun 2026 and Sun 14 Jun: the first working day after is Mon 15.
    assert_eq!(
        cal.add_working_days(d(2026, 6, 13), 1),
        Some(d(2026, 6, 15))
    );
    assert_eq!(
        cal.add_working_days(d(2026, 6, 14), 1),
        Some(d(2026, 6, 15))
    );
    // Mon 15 (1) .. Fri 19 (5), Mon 22 (6) .. Fri 26 Jun (10).
    assert_eq!(
        cal.add_working_days(d(2026, 6, 13), 10),
        Some(d(2026, 6, 26))
    );
    // Zero days: the date itself, even on a weekend.
    assert_eq!(
        cal.add_working_days(d(2026, 6, 13), 0),
        Some(d(2026, 6, 13))
    );
    // Sat 13 to Sun 14: no working day in between.
    assert_eq!(cal.working_days_between(d(2026, 6, 13), d(2026, 6, 14)), 0);
}

#[test]
fn icpc_and_core_group_deadlines() {
    let cal = WorkingCalendar::default();
    let ts = Timescales::default();
    // Strategy discussion Mon 23 Nov 2026: 24-27 Nov (1-4), 30 Nov-4 Dec
    // (5-9), 7-11 Dec (10-14), Mon 14 Dec (15).
    assert_eq!(icpc_deadline(&cal, &ts, d(2026, 11, 23)), d(2026, 12, 14));
    // Conference Mon 14 Dec 2026: 15-18 (1-4), 21-24 (5-8), 25 and 28 Dec
    // holidays, Tue 29 (9), Wed 30 Dec (10).
    assert_eq!(
        first_core_group(&cal, &ts, d(2026, 12, 14)),
        d(2026, 12, 30)
    );
}

#[test]
fn review_month_end_clamping() {
    let cal = WorkingCalendar::default();
    let ts = Timescales::default();
    // Review on Mon 31 Aug 2026 + 6 months = 31 Feb, clamped to Sun 28 Feb
    // 2027 (not a leap year); back to Fri 26 Feb.
    assert_eq!(
        review_conference(&cal, &ts, d(2026, 8, 31), ConferenceKind::Review),
        d(2027, 2, 26)
    );
    // Review on Tue 31 Aug 2027 + 6 months = Tue 29 Feb 2028 (leap year).
    assert_eq!(
        review_conference(&cal, &ts, d(2027, 8, 31), ConferenceKind::Review),
        d(2028, 2, 29)
    );
    // Initial on Mon 30 Nov 2026 + 3 months = 30 Feb, clamped to Sun
    // 28 Feb 2027; back to Fri 26 Feb.
    assert_eq!(
        review_conference(&cal, &ts, d(2026, 11, 30), ConferenceKind::Initial),
        d(2027, 2, 26)
    );
}

#[test]
fn review_landing_on_holiday_moves_back() {
    let ts = Timescales::default();
    // Initial on Fri 25 Sep 2026 + 3 months = Fri 25 Dec (Christmas);
    // back to Thu 24 Dec.
    let cal = WorkingCalendar::default();
    assert_eq!(
        review_conference(&cal, &ts, d(2026, 9, 25), ConferenceKind::Initial),
        d(2026, 12, 24)
    );
    // Pre-birth and transfer-in also give 3 months.
    assert_eq!(
        review_conference(&cal, &ts, d(2026, 9, 25), ConferenceKind::PreBirth),
        d(2026, 12, 24)
    );
    assert_eq!(
        review_conference(&cal, &ts, d(2026, 9, 25), ConferenceKind::TransferIn),
        d(2026, 12, 24)
    );
    // With a local Christmas Eve closure: back to Wed 23 Dec.
    let local = WorkingCalendar::with_extra_holidays([d(2026, 12, 24)]);
    assert_eq!(
        review_conference(&local, &ts, d(2026, 9, 25), ConferenceKind::Initial),
        d(2026, 12, 23)
    );
}

#[test]
fn complaint_and_dissent() {
    let ts = Timescales::default();
    // 14 Dec + 28 days = 42 Dec = 42 - 31 = 11 Jan 2027.
    assert_eq!(complaint_deadline(&ts, d(2026, 12, 14)), d(2027, 1, 11));
    // 72 hours = 3 days: Mon 14 Dec 10:00 -> Thu 17 Dec 10:00.
    assert_eq!(
        dissent_deadline(&ts, dt(2026, 12, 14, 10, 0)),
        dt(2026, 12, 17, 10, 0)
    );
    // Across a month end: 30 Jan 2027 14:30 -> 2 Feb 14:30.
    assert_eq!(
        dissent_deadline(&ts, dt(2027, 1, 30, 14, 30)),
        dt(2027, 2, 2, 14, 30)
    );
}

#[test]
fn key_dates_for_an_initial_conference() {
    let cal = WorkingCalendar::default();
    let ts = Timescales::default();
    let kd = key_dates(
        &cal,
        &ts,
        ConferenceKind::Initial,
        d(2026, 12, 14),
        Some(d(2026, 11, 23)),
    );
    assert_eq!(
        kd,
        KeyDates {
            icpc_deadline: Some(d(2026, 12, 14)), // see icpc_and_core_group_deadlines
            first_core_group: d(2026, 12, 30),    // ditto
            // 14 Dec + 3 months = Sun 14 Mar 2027; back to Fri 12 Mar.
            review_conference: d(2027, 3, 12),
            complaint_deadline: d(2027, 1, 11), // see complaint_and_dissent
            dissent_deadline: d(2026, 12, 17),
        }
    );
}

#[test]
fn key_dates_for_a_review_has_no_icpc_deadline() {
    let cal = WorkingCalendar::default();
    let ts = Timescales::default();
    let kd = key_dates(
        &cal,
        &ts,
        ConferenceKind::Review,
        d(2026, 12, 14),
        Some(d(2026, 11, 23)),
    );
    assert_eq!(kd.icpc_deadline, None);
    // 14 Dec 2026 + 6 months = Mon 14 Jun 2027, a working day.
    assert_eq!(kd.review_conference, d(2027, 6, 14));
}

#[test]
fn check_rules_warns_in_plain_words() {
    let cal = WorkingCalendar::default();
    let ts = Timescales::default();
    // Conference Sun 20 Dec 2026, after the 14 Dec deadline. Core group
    // Thu 31 Dec: 10 working days after Sun 20 Dec = 21-24 (1-4), 29-31
    // (5-7), 4-6 Jan (8-10) = Wed 6 Jan 2027, so it is in time. Review
    // Sat 20 Mar 2027: 20 Dec + 3 months = Sat 20 Mar, back to Fri 19 Mar,
    // so it is late and a Saturday.
    let w = check_rules(
        &cal,
        &ts,
        ConferenceKind::Initial,
        Some(d(2026, 12, 20)),
        Some(d(2026, 11, 23)),
        Some(d(2026, 12, 31)),
        Some(d(2027, 3, 20)),
    );
    assert_eq!(
        w,
        vec![
            "Conference on 2026-12-20 falls on a Sunday".to_string(),
            "Conference on 2026-12-20 is after the 15-working-day deadline of 2026-12-14 \
             (strategy discussion on 2026-11-23)"
                .to_string(),
            "Review conference on 2027-03-20 falls on a Saturday".to_string(),
            "Review conference on 2027-03-20 is after the latest date of 2027-03-19 \
             (3 months after the conference on 2026-12-20)"
                .to_string(),
        ]
    );
}

#[test]
fn check_rules_core_group_late_and_on_bank_holiday() {
    let cal = WorkingCalendar::default();
    let ts = Timescales::default();
    // Conference Mon 14 Dec 2026: core group due by Wed 30 Dec (see above).
    let w = check_rules(
        &cal,
        &ts,
        ConferenceKind::Review,
        Some(d(2026, 12, 14)),
        None,
        Some(d(2027, 1, 1)),
        None,
    );
    assert_eq!(
        w,
        vec![
            "First core group on 2027-01-01 falls on a bank holiday (New Year's Day)".to_string(),
            "First core group on 2027-01-01 is after the 10-working-day deadline of 2026-12-30"
                .to_string(),
        ]
    );
}

#[test]
fn check_rules_quiet_when_all_is_well_or_unset() {
    let cal = WorkingCalendar::default();
    let ts = Timescales::default();
    let none = check_rules(&cal, &ts, ConferenceKind::Initial, None, None, None, None);
    assert!(none.is_empty());
    // Conference on its deadline, core group on its deadline, review on its
    // latest date (all from the tests above).
    let ok = check_rules(
        &cal,
        &ts,
        ConferenceKind::Initial,
        Some(d(2026, 12, 14)),
        Some(d(2026, 11, 23)),
        Some(d(2026, 12, 30)),
        Some(d(2027, 3, 12)),
    );
    assert!(ok.is_empty(), "{ok:?}");
    // A strategy discussion on a Saturday is not warned about.
    let sd_weekend = check_rules(
        &cal,
        &ts,
        ConferenceKind::Initial,
        Some(d(2026, 12, 14)),
        Some(d(2026, 11, 28)),
        None,
        None,
    );
    assert!(sd_weekend.is_empty(), "{sd_weekend:?}");
}

#[test]
fn check_rules_order_problems() {
    let cal = WorkingCalendar::default();
    let ts = Timescales::default();
    let w = check_rules(
        &cal,
        &ts,
        ConferenceKind::Initial,
        Some(d(2026, 11, 20)), // Fri
        Some(d(2026, 11, 23)), // Mon, after the conference
        Some(d(2026, 11, 19)), // Thu, before the conference
        Some(d(2026, 11, 20)), // same day as the conference
    );
    assert_eq!(
        w,
        vec![
            "Conference on 2026-11-20 is before the strategy discussion on 2026-11-23".to_string(),
            "First core group on 2026-11-19 is before the conference on 2026-11-20".to_string(),
            "Review conference on 2026-11-20 is not after the conference on 2026-11-20".to_string(),
        ]
    );
}

#[test]
fn local_timescales() {
    // A local rule of 10 working days for the ICPC. From Mon 23 Nov 2026:
    // 24-27 (1-4), 30 Nov-4 Dec (5-9), Mon 7 Dec (10).
    let cal = WorkingCalendar::default();
    let ts = Timescales {
        icpc_working_days: 10,
        ..Timescales::default()
    };
    assert_eq!(icpc_deadline(&cal, &ts, d(2026, 11, 23)), d(2026, 12, 7));
}

#[test]
fn extreme_dates_do_not_panic() {
    let cal = WorkingCalendar::default();
    let ts = Timescales::default();
    for day in [NaiveDate::MIN, NaiveDate::MAX] {
        for kind in [ConferenceKind::Initial, ConferenceKind::Review] {
            let _ = key_dates(&cal, &ts, kind, day, Some(day));
            let _ = check_rules(&cal, &ts, kind, Some(day), Some(day), Some(day), Some(day));
        }
    }
    let _ = dissent_deadline(&ts, NaiveDateTime::MAX);
    let huge = Timescales {
        icpc_working_days: u32::MAX,
        first_core_group_working_days: u32::MAX,
        first_review_months: u32::MAX,
        later_review_months: u32::MAX,
        complaint_days: u32::MAX,
        dissent_hours: u32::MAX,
        pre_birth_review_working_days: u32::MAX,
        reconvene_working_days: u32::MAX,
        record_working_days: u32::MAX,
        outline_plan_working_days: u32::MAX,
    };
    let _ = key_dates(
        &cal,
        &huge,
        ConferenceKind::Initial,
        d(2026, 1, 1),
        Some(d(2026, 1, 1)),
    );
}
