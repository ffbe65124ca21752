//! `cpconf dates`: the key dates as `name: YYYY-MM-DD` lines.

use chrono::NaiveDate;

use super::{
    ReviewDue, Timescales, WorkingCalendar, icpc_deadline, key_dates, outline_plan_due, record_due,
    review_due,
};
use crate::model::ConferenceKind;

fn parse(what: &str, text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{what} \"{text}\" is not a date: use YYYY-MM-DD"))
}

/// The report under local rules (the config's timescales and holidays).
pub fn report(
    cal: &WorkingCalendar,
    ts: &Timescales,
    conference: Option<&str>,
    kind: ConferenceKind,
    strategy_discussion: Option<&str>,
    birth: Option<&str>,
) -> Result<String, String> {
    let sd = strategy_discussion
        .map(|t| parse("--strategy-discussion", t))
        .transpose()?;
    let birth = birth.map(|t| parse("--birth", t)).transpose()?;
    if birth.is_some() && kind != ConferenceKind::PreBirth {
        return Err("--birth is for a pre-birth conference: add --kind pre-birth".into());
    }
    let mut out = String::new();
    match conference {
        Some(c) => {
            let c = parse("--conference", c)?;
            let k = key_dates(cal, ts, kind, c, sd);
            if let Some(d) = k.icpc_deadline {
                out.push_str(&format!("icpc_deadline: {d}\n"));
            }
            out.push_str(&format!("first_core_group: {}\n", k.first_core_group));
            match review_due(cal, ts, kind, c, birth) {
                ReviewDue::By(d) => out.push_str(&format!("review: {d}\n")),
                ReviewDue::DependsOnBirth { latest } => out.push_str(&format!(
                    "review: depends on the birth ({} working days after it, and by {latest} at the latest; give --birth DATE)\n",
                    ts.pre_birth_review_working_days
                )),
            }
            out.push_str(&format!("complaint_deadline: {}\n", k.complaint_deadline));
            out.push_str(&format!("dissent_deadline: {}\n", k.dissent_deadline));
            out.push_str(&format!(
                "outline_plan_due: {}\n",
                outline_plan_due(cal, ts, c)
            ));
            out.push_str(&format!("record_due: {}\n", record_due(cal, ts, c)));
        }
        None => {
            let sd = sd.ok_or("give --conference DATE or --strategy-discussion DATE")?;
            out.push_str(&format!("icpc_deadline: {}\n", icpc_deadline(cal, ts, sd)));
        }
    }
    Ok(out)
}
