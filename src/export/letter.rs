//! The decision letter to the parents: for each child the outcome and
//! categories, the outline plan, the dates that follow, and how to complain.
//! Like the family copy it never reads a restricted item; it does not use
//! the map at all.

use crate::config::Config;
use crate::model::{Outcome, Session};

use super::doc::{Block, Document, field};
use super::record::actions_table;
use super::shared;
use super::words::{
    self, conference_phrase, date_or, first_name, first_names, outcome_meaning, outcome_sentence,
};

pub fn build(s: &Session, rules: &Config) -> Document {
    let mut doc = Document::new(format!(
        "Child protection conference: the decision for {}",
        first_names(s)
    ));
    if !s.is_finalised() {
        doc.lead.push(Block::Notice(
            "DRAFT — not finalised. The decisions below may still change.".into(),
        ));
    }
    let mut head = vec![
        field(
            "To",
            words::or(
                &words::join_and(&shared::parents(s)),
                "The parents or carers",
            ),
        ),
        field("Conference", date_or(s.setup.date, "date not recorded")),
    ];
    if !s.setup.family_reference.trim().is_empty() {
        head.push(field("Our reference", s.setup.family_reference.trim()));
    }
    doc.lead.push(Block::Fields(head));
    doc.lead.push(Block::Para(shared::greeting(s)));
    let when = s
        .setup
        .date
        .map(|d| format!(" on {}", words::long_date(d)))
        .unwrap_or_default();
    doc.lead.push(Block::Para(format!(
        "Thank you for taking part in {} for {}{when}. I am writing to tell you what was \
         decided, what the outline plan is and what happens next.",
        conference_phrase(s.setup.kind),
        first_names(s)
    )));

    let sec = doc.section("The decision");
    if s.children.is_empty() {
        sec.para("No children were recorded for this conference.");
    }
    for c in &s.children {
        let name = first_name(s, &c.id);
        sec.sub(s.child_name(&c.id));
        match s.decisions.iter().find(|d| d.child == c.id) {
            Some(d) => {
                sec.para(outcome_sentence(
                    s.setup.kind,
                    &name,
                    d.outcome,
                    &d.categories,
                ));
                if let Some(m) = outcome_meaning(&name, d.outcome) {
                    sec.para(m);
                }
            }
            None => {
                sec.para(format!("No decision has been made yet for {name}."));
            }
        }
    }

    let any_plan = s
        .decisions
        .iter()
        .any(|d| d.outcome == Outcome::ChildProtectionPlan);
    let sec = doc.section("The outline plan");
    if s.safety_goals.is_empty() {
        sec.para("No safety goals were agreed at the conference.");
    } else {
        sec.para(if any_plan {
            "The conference agreed these safety goals. The core group will build them into \
             the full child protection plan with you."
        } else {
            "The conference agreed these safety goals."
        });
    }
    for (i, g) in s.safety_goals.iter().enumerate() {
        sec.sub(format!("Safety goal {}", i + 1)).fields(vec![
            field(
                "What you will be doing",
                words::or(&g.parents_will, "(not written down)"),
            ),
            field(
                "What the children will notice",
                words::or(&g.child_will_experience, "(not written down)"),
            ),
        ]);
        sec.table_or(
            actions_table(s, g, format!("Actions for safety goal {}", i + 1)),
            "No actions were written down yet.",
        );
    }
    if !s.bottom_lines.trim().is_empty() {
        sec.sub("Things that must happen")
            .para(s.bottom_lines.trim());
    }

    doc.section("What happens next")
        .list_or(shared::next_steps(s, rules), shared::no_next_steps(s));
    let chair = words::or(&s.setup.chair, "The chair");
    doc.section("If you disagree")
        .list_or(shared::complaints(s, rules), "")
        .para("Yours sincerely,")
        .para(format!("{chair}\nIndependent Chair"));
    doc
}
