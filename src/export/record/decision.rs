//! The record's decision: the chair's decision for each child, the
//! chair's summary, the plan and any child in need plans.

use crate::config::Config;
use crate::model::{ChildId, Decision, Outcome, Session};

use crate::export::doc::{Section, field};
use crate::export::words::{NOT_RECORDED, categories, date_or, or_not_recorded, time, yes_no};

/// "Tally: 3 child protection plan, 1 child in need plan, 0 no further action."
pub(super) fn tally_line(s: &Session, child: &ChildId) -> String {
    let t = s.tally(child);
    let mut line = format!(
        "Tally: {} child protection plan, {} child in need plan, {} no further action",
        t.plan, t.child_in_need, t.no_further_action
    );
    if t.undecided > 0 {
        line.push_str(&format!(", {} not yet decided", t.undecided));
    }
    line.push('.');
    line
}

pub(super) fn decision_for<'a>(s: &'a Session, child: &ChildId) -> Option<&'a Decision> {
    s.decisions.iter().find(|d| &d.child == child)
}

pub(super) fn decisions(s: &Session, rules: &Config, sec: &mut Section) {
    if s.children.is_empty() {
        sec.para("No children recorded.");
    }
    for c in &s.children {
        sec.sub(s.child_name(&c.id));
        let Some(d) = decision_for(s, &c.id) else {
            sec.para("No decision recorded.");
            continue;
        };
        let mut fields = vec![field("Outcome", rules.outcomes.name(d.outcome))];
        if !d.categories.is_empty() {
            fields.push(field("Categories", categories(&d.categories)));
        }
        fields.push(field(
            "Differs from the recommendations",
            if d.differs_from_recommendations {
                format!("Yes: {}", s.recommended_otherwise(d))
            } else {
                yes_no(false).into()
            },
        ));
        fields.push(field("Rationale", or_not_recorded(&d.rationale)));
        fields.push(field(
            "Decided at",
            d.decided_at.map(time).unwrap_or(NOT_RECORDED.into()),
        ));
        sec.fields(fields);
        if d.dissents.is_empty() {
            sec.para("No dissent recorded.");
        }
        for x in &d.dissents {
            let who = x
                .who
                .as_ref()
                .map(|a| s.attendee_name(a))
                .unwrap_or_else(|| "(person not recorded)".into());
            sec.fields(vec![field(
                format!("Dissent: {who}"),
                or_not_recorded(&x.why),
            )]);
        }
    }
}

pub(super) fn plan(s: &Session, sec: &mut Section) {
    if s.children.is_empty() {
        sec.para("No children recorded.");
    }
    for c in &s.children {
        sec.sub(s.child_name(&c.id));
        let Some(d) = decision_for(s, &c.id) else {
            sec.para("No decision recorded.");
            continue;
        };
        let p = &d.plan;
        let has_details = p.lead_social_worker.is_some()
            || !p.core_group.is_empty()
            || p.first_core_group.is_some()
            || p.review_date.is_some();
        if d.outcome != Outcome::ChildProtectionPlan && !has_details {
            sec.para("No child protection plan.");
            continue;
        }
        let core: Vec<String> = p.core_group.iter().map(|a| s.attendee_name(a)).collect();
        sec.fields(vec![
            field(
                "Lead social worker",
                p.lead_social_worker
                    .as_ref()
                    .map(|a| s.attendee_name(a))
                    .unwrap_or(NOT_RECORDED.into()),
            ),
            field(
                "Core group",
                if core.is_empty() {
                    NOT_RECORDED.into()
                } else {
                    core.join(", ")
                },
            ),
            field(
                "First core group",
                date_or(p.first_core_group, NOT_RECORDED),
            ),
            field("Review conference", date_or(p.review_date, NOT_RECORDED)),
        ]);
    }
}

pub(super) fn chair_summary(s: &Session, sec: &mut Section) {
    sec.fields(vec![
        field("Risks", or_not_recorded(&s.chair_summary.risks)),
        field("Strengths", or_not_recorded(&s.chair_summary.strengths)),
    ]);
}

pub(super) fn child_in_need(s: &Session, sec: &mut Section) {
    let mut any = false;
    for c in &s.children {
        let Some(d) = decision_for(s, &c.id) else {
            continue;
        };
        let cin = &d.child_in_need;
        if d.outcome != Outcome::ChildInNeed
            && cin.review_date.is_none()
            && cin.next_steps.trim().is_empty()
        {
            continue;
        }
        any = true;
        sec.sub(s.child_name(&c.id)).fields(vec![
            field("Review", date_or(cin.review_date, NOT_RECORDED)),
            field("Next steps", or_not_recorded(&cin.next_steps)),
        ]);
    }
    if !any {
        sec.para("No child in need plan.");
    }
}
