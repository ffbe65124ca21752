//! What follows when the chair chooses an outcome for a child, however it
//! was chosen (cycled or typed by its first letters): the time of the
//! decision, and for a plan the first core group and review dates from the
//! timescales, for the chair to change if the meeting agrees other dates.

use chrono::NaiveTime;

use crate::config::Config;
use crate::model::{ChildId, Outcome, Session};

/// Call after any change to `child`'s outcome, inside the same change.
pub(super) fn outcome_chosen(s: &mut Session, child: &ChildId, rules: &Config, now: NaiveTime) {
    s.stamp_decision(child, now);
    fill_plan_dates(s, child, rules);
}

fn fill_plan_dates(s: &mut Session, child: &ChildId, rules: &Config) {
    let Some(date) = s.setup.date else {
        return;
    };
    let cal = rules.calendar();
    let k = crate::dates::key_dates(
        &cal,
        &rules.timescales,
        s.setup.kind,
        date,
        s.setup.strategy_discussion_date,
    );
    let review = crate::dates::review_due(
        &cal,
        &rules.timescales,
        s.setup.kind,
        date,
        s.birth_for_review(),
    );
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
