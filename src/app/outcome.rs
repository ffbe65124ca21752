//! What follows when the chair chooses an outcome for a child, however it
//! was chosen (cycled or typed by its first letters): the time of the
//! decision, and for a plan the first core group and review dates from the
//! timescales, for the chair to change if the meeting agrees other dates;
//! and for a plan with nobody named yet, the people nearly every plan
//! names: the one social worker from children's social care as lead, and
//! the lead and the parents in the core group (Working Together: the core
//! group always holds the lead practitioner and the parents).

use chrono::NaiveTime;

use crate::config::Config;
use crate::model::{AgencyKind, AttendeeId, ChildId, Outcome, Session};

/// Call after any change to `child`'s outcome, inside the same change.
/// Returns what was filled in about people ("lead", "core group"), for
/// the status bar.
pub(super) fn outcome_chosen(
    s: &mut Session,
    child: &ChildId,
    rules: &Config,
    now: NaiveTime,
) -> Vec<&'static str> {
    s.stamp_decision(child, now);
    fill_plan_dates(s, child, rules);
    fill_plan_people(s, child)
}

/// Names the lead social worker (when exactly one social worker from
/// children's social care is in the register) and the core group (the
/// lead and the parents) of a plan that names nobody yet.
fn fill_plan_people(s: &mut Session, child: &ChildId) -> Vec<&'static str> {
    let social_workers: Vec<AttendeeId> = s
        .attendees
        .iter()
        .filter(|a| {
            a.agency_kind == AgencyKind::ChildrensSocialCare
                && a.role.to_lowercase().contains("social worker")
        })
        .map(|a| a.id.clone())
        .collect();
    let parents: Vec<AttendeeId> = s
        .attendees
        .iter()
        .filter(|a| a.agency_kind == AgencyKind::Family && is_parent(&a.role))
        .map(|a| a.id.clone())
        .collect();
    let mut filled = Vec::new();
    let Some(d) = s.decisions.iter_mut().find(|d| &d.child == child) else {
        return filled;
    };
    if matches!(
        d.outcome,
        Outcome::ChildProtectionPlan | Outcome::ChildInNeed
    ) && d.plan.lead_social_worker.is_none()
        && social_workers.len() == 1
    {
        d.plan.lead_social_worker = Some(social_workers[0].clone());
        filled.push("lead");
    }
    if d.outcome == Outcome::ChildProtectionPlan && d.plan.core_group.is_empty() {
        d.plan.core_group = d
            .plan
            .lead_social_worker
            .iter()
            .cloned()
            .chain(parents)
            .collect();
        if !d.plan.core_group.is_empty() {
            filled.push("core group");
        }
    }
    filled
}

/// A role that says the person is the child's parent ("Mother", "Step-
/// father", "Dad"), not a grandparent or another relative.
fn is_parent(role: &str) -> bool {
    let role = role.to_lowercase();
    !role.contains("grand")
        && role.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w,
                "mother" | "father" | "parent" | "mum" | "dad" | "stepmother" | "stepfather"
            )
        })
}

fn fill_plan_dates(s: &mut Session, child: &ChildId, rules: &Config) {
    let (Some(k), Some(review)) = (rules.key_dates_of(s), rules.review_due_of(s)) else {
        return;
    };
    if let Some(d) = s.decisions.iter_mut().find(|d| &d.child == child) {
        if d.outcome == Outcome::ChildProtectionPlan {
            d.plan.first_core_group.get_or_insert(k.first_core_group);
            // Before the birth a pre-birth review date depends on it: left
            // for the chair rather than guessed.
            if let Some(review) = review.date() {
                d.plan.review_date.get_or_insert(review);
            }
        }
    }
}

/// What the status bar says of what was filled in: short, since at 80
/// columns it has about 45 characters, and the form shows who.
pub(super) fn filled_note(filled: &[&str]) -> Option<String> {
    (!filled.is_empty()).then(|| format!("{} filled in", filled.join(", ")))
}
