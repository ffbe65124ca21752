//! The record's closing trail: how long each stage took, the addenda and
//! the finalisation.

use crate::model::{Session, Stage};

use super::draft_notice;

use crate::export::doc::{Section, Table};
use crate::export::words::{duration, or_not_recorded, stamp, time};

pub(super) fn timings(s: &Session, sec: &mut Section) {
    // Pure: an open stage is counted up to the last save, not the clock.
    let now = s.updated_at;
    let day = s.setup.date;
    let when = |t: &crate::model::Timestamp| {
        if Some(t.date_naive()) == day {
            time(t.time())
        } else {
            stamp(t)
        }
    };
    let mut t = Table::new(
        "Stage timings",
        &["Stage", "Started", "Ended", "Time spent"],
    );
    for v in &s.stage_visits {
        let spent = v.ended_at.unwrap_or(now) - v.started_at;
        t.row(vec![
            format!("{}. {}", v.stage.number(), v.stage.title()),
            when(&v.started_at),
            v.ended_at
                .as_ref()
                .map(when)
                .unwrap_or_else(|| "still open at the last save".into()),
            duration(spent),
        ]);
    }
    sec.table_or(t, "No stage timings recorded.");
    let totals: Vec<String> = Stage::ALL
        .iter()
        .filter(|st| s.stage_visited(**st))
        .map(|st| format!("{}: {}", st.title(), duration(s.time_in_stage(*st, now))))
        .collect();
    if !totals.is_empty() {
        sec.sub("Time per stage").list_or(totals, "");
    }
    if let Some(total) = s.meeting_time(now) {
        sec.para(format!(
            "Time in the meeting (every stage after setup): {}.",
            duration(total)
        ));
    }
}

pub(super) fn addenda(s: &Session, sec: &mut Section) {
    let mut t = Table::new("Addenda", &["When", "By", "What", "Why"]);
    for a in &s.addenda {
        t.row(vec![
            stamp(&a.at),
            or_not_recorded(&a.by),
            or_not_recorded(&a.what),
            or_not_recorded(&a.why),
        ]);
    }
    sec.table_or(t, "No addenda.");
}

pub(super) fn finalisation(s: &Session, sec: &mut Section) {
    match (&s.finalised, s.is_finalised()) {
        (Some(f), true) => {
            sec.para(format!(
                "Finalised by {} on {}. Later changes are made only as dated addenda.",
                or_not_recorded(&f.by),
                stamp(&f.at)
            ));
        }
        (None, true) => {
            sec.para("Finalised (who and when not recorded).");
        }
        _ => {
            sec.notice(draft_notice());
        }
    }
}
