//! What the family copy and the decision letter share: who the parents
//! are, the items that may be shown to them, what happens next and how to
//! complain.

use crate::config::Config;
use crate::dates;
use crate::model::{AgencyKind, MapItem, Outcome, Session};

use super::words::{self, join_and, long_date};

/// The only way the family's copies reach map items: restricted ones are
/// dropped here, before any text is read.
pub fn shareable_map_items(session: &Session) -> impl Iterator<Item = &MapItem> {
    session.map_items.iter().filter(|m| !m.restricted)
}

/// Names of the family members on the register (usually the parents).
pub fn parents(session: &Session) -> Vec<String> {
    session
        .attendees
        .iter()
        .filter(|a| a.agency_kind == AgencyKind::Family && !a.name.trim().is_empty())
        .map(|a| a.name.trim().to_string())
        .collect()
}

/// "Dear Leanne Marchbank and Dean Fairlie," or a general greeting.
pub fn greeting(session: &Session) -> String {
    let parents = parents(session);
    if parents.is_empty() {
        "Dear parent or carer,".into()
    } else {
        format!("Dear {},", join_and(&parents))
    }
}

/// The last day for a complaint, when the conference date is known.
pub fn complaint_deadline(session: &Session, rules: &Config) -> Option<chrono::NaiveDate> {
    session
        .setup
        .date
        .map(|d| dates::complaint_deadline(&rules.timescales, d))
}

/// What happens next, as list items in plain words: for each group of
/// children on a plan with the same arrangements, the social worker, the
/// first core group and the review conference.
pub fn next_steps(session: &Session, rules: &Config) -> Vec<String> {
    // The dates by the rules, used where the chair has not set a date.
    let computed = rules.key_dates_of(session);
    // (children, social worker, core group date, review date)
    let mut groups: Vec<(Vec<String>, String, String, String)> = Vec::new();
    for d in &session.decisions {
        if d.outcome != Outcome::ChildProtectionPlan {
            continue;
        }
        let worker = d
            .plan
            .lead_social_worker
            .as_ref()
            .map(|a| session.attendee_name(a))
            .unwrap_or_default();
        let at = |t: Option<chrono::NaiveTime>| {
            t.map(|t| format!(" at {}", words::time(t)))
                .unwrap_or_default()
        };
        let core = match (d.plan.first_core_group, computed) {
            (Some(day), _) => format!("on {}{}", long_date(day), at(d.plan.first_core_group_time)),
            (None, Some(k)) => format!("by {}", long_date(k.first_core_group)),
            (None, None) => "within 10 working days of the conference".into(),
        };
        let review = match (d.plan.review_date, computed) {
            (Some(day), _) => format!("on {}{}", long_date(day), at(d.plan.review_time)),
            (None, Some(k)) => format!("by {}", long_date(k.review_conference)),
            (None, None) => "within the time the rules allow".into(),
        };
        let name = words::first_name(session, &d.child);
        match groups
            .iter_mut()
            .find(|g| g.1 == worker && g.2 == core && g.3 == review)
        {
            Some(g) => g.0.push(name),
            None => groups.push((vec![name], worker, core, review)),
        }
    }
    let one_group = groups.len() == 1;
    let mut out = Vec::new();
    for (names, worker, core, review) in groups {
        let who = join_and(&names);
        let prefix = if one_group {
            String::new()
        } else {
            format!("For {who}: ")
        };
        if !worker.is_empty() {
            out.push(format!(
                "{prefix}{worker} is the lead social worker and will stay in touch with you."
            ));
        }
        out.push(format!(
            "{prefix}the first core group meeting, where you and the professionals turn the \
             outline plan into a detailed plan, will be {core}."
        ));
        out.push(format!(
            "{prefix}the review child protection conference, which will look at how things \
             have gone and decide whether the plan is still needed, will be {review}."
        ));
    }
    // A sentence starting with the prefix-less "the" needs a capital.
    out.into_iter().map(capitalise).collect()
}

/// What to say under "What happens next" when there are no plan dates.
pub fn no_next_steps(session: &Session) -> &'static str {
    if session.decisions.is_empty()
        || session
            .decisions
            .iter()
            .any(|d| d.outcome == Outcome::Undecided)
    {
        "What happens next will be set out here once the decisions have been made."
    } else {
        "There is no child protection plan, so there are no core group meetings or review \
         conference. Your social worker will tell you about any other meetings."
    }
}

fn capitalise(s: String) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s,
    }
}

/// How to disagree or complain, in plain words, with the 28-day date.
pub fn complaints(session: &Session, rules: &Config) -> Vec<String> {
    let days = rules.timescales.complaint_days;
    let by = match complaint_deadline(session, rules) {
        Some(d) => format!(
            "within {days} days of the conference, that is by {}",
            long_date(d)
        ),
        None => format!("within {days} days of the conference"),
    };
    let chair = words::or(&session.setup.chair, "the chair");
    vec![
        "If you disagree with what was decided, please talk to your social worker first. \
         They can explain why the decision was made and answer your questions."
            .into(),
        format!(
            "If you still disagree, you can contact the chair of the conference, {chair}, \
             through the child protection reviewing unit, and a meeting can be arranged to \
             talk it through."
        ),
        format!(
            "If you want to make a formal complaint about the decision, write to the chair \
             or the manager of the child protection reviewing unit {by}. {}",
            if rules.reviewing_unit.trim().is_empty() {
                "Your social worker can give you the unit's contact details.".to_string()
            } else {
                format!(
                    "You can reach the unit at: {}.",
                    rules.reviewing_unit.trim().trim_end_matches('.')
                )
            }
        ),
        "If you are unhappy with the service from one agency, you can use that agency's \
         own complaints procedure."
            .into(),
    ]
}
