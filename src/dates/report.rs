//! `cpconf dates`: the key dates as `name: YYYY-MM-DD` lines.

use chrono::NaiveDate;

use super::{Timescales, WorkingCalendar, icpc_deadline, key_dates};
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
) -> Result<String, String> {
    let sd = strategy_discussion
        .map(|t| parse("--strategy-discussion", t))
        .transpose()?;
    let mut out = String::new();
    match conference {
        Some(c) => {
            let c = parse("--conference", c)?;
            let k = key_dates(cal, ts, kind, c, sd);
            if let Some(d) = k.icpc_deadline {
                out.push_str(&format!("icpc_deadline: {d}\n"));
            }
            out.push_str(&format!("first_core_group: {}\n", k.first_core_group));
            out.push_str(&format!("review_conference: {}\n", k.review_conference));
            out.push_str(&format!("complaint_deadline: {}\n", k.complaint_deadline));
            out.push_str(&format!("dissent_deadline: {}\n", k.dissent_deadline));
            out.push_str(&format!(
                "letters_due: {}\n",
                super::paperwork::letters_due(cal, ts, c)
            ));
            out.push_str(&format!(
                "record_due: {}\n",
                super::paperwork::record_due(cal, ts, c)
            ));
        }
        None => {
            let sd = sd.ok_or("give --conference DATE or --strategy-discussion DATE")?;
            out.push_str(&format!("icpc_deadline: {}\n", icpc_deadline(cal, ts, sd)));
        }
    }
    Ok(out)
}
