//! The decision letter: to the parents together (`--copy decision-letter`),
//! to one parent or carer alone, or to the professionals. Each gives, for
//! each child, the outcome and the chair's reasons, any disagreement, the
//! outline plan, the dates and times that follow, the chair's contact and
//! how to complain. A family letter never reads a restricted item (it does
//! not use the map at all) and leaves out the parts its reader was not in
//! the room for (see `parts`); it quotes only its own reader's
//! disagreement.

use crate::config::Config;
use crate::dates;
use crate::model::{AgencyKind, Outcome, Session, Stage};

use super::doc::{Block, Document, Section, field};
use super::family::left_out;
use super::parts::{Reader, family_members};
use super::record::actions_table;
use super::shared;
use super::words::{
    self, conference_phrase, date_or, first_name, first_names, join_and, long_date,
};

/// Who a decision letter is addressed to.
#[derive(Clone, Copy, Debug)]
pub enum LetterFor<'a> {
    /// A family: the parents together, or one of them alone.
    Family(Reader<'a>),
    /// Everyone invited who is not family: full reasons and the plan.
    Professionals,
}

pub fn build(s: &Session, rules: &Config) -> Document {
    build_for(s, rules, LetterFor::Family(Reader::Family))
}

pub fn build_for(s: &Session, rules: &Config, to: LetterFor) -> Document {
    let family = match to {
        LetterFor::Family(r) => Some(r),
        LetterFor::Professionals => None,
    };
    let missing = family.map(|r| r.missing(s)).unwrap_or_default();
    let mut doc = Document::new(format!(
        "Child protection conference: the decision for {}",
        first_names(s)
    ));
    if !s.is_finalised() {
        doc.lead.push(Block::Notice(
            "DRAFT — not finalised. The decisions below may still change.".into(),
        ));
    }
    opening(s, &mut doc, family);

    decision(s, doc.section("The decision"), to);

    let sec = doc.section("The outline plan");
    if missing.contains(&Stage::SafetyGoals) {
        if let Some(r) = family {
            left_out(s, sec, Stage::SafetyGoals, r, true);
        }
    } else {
        plan(s, sec);
    }

    let next = doc.section("What happens next");
    next.list_or(shared::next_steps(s, rules), shared::no_next_steps(s));
    for line in child_in_need_steps(s) {
        next.para(line);
    }
    if family.is_none() {
        professional_steps(s, rules, next);
    }
    let chair = words::or(&s.setup.chair, "The chair");
    let close = match family {
        Some(_) => doc
            .section("If you disagree")
            .list_or(shared::complaints(s, rules), ""),
        None => doc.section("Contact").para(contact_line(s, rules)),
    };
    close
        .para("Yours sincerely,")
        .para(format!("{chair}\nIndependent Chair"));
    doc
}

/// The letter's opening: to whom, its date, the conference and our
/// reference; the greeting; what the letter is for; for the professionals,
/// who it was sent to.
fn opening(s: &Session, doc: &mut Document, family: Option<Reader>) {
    let addressee = match family {
        Some(Reader::Member(a)) => a.name.trim().to_string(),
        Some(Reader::Family) => words::or(
            &words::join_and(&shared::parents(s)),
            "The parents or carers",
        ),
        None => "The professionals invited to the conference".into(),
    };
    let mut head = vec![
        field("To", addressee.clone()),
        field(
            "Date of this letter",
            s.finalised
                .as_ref()
                .map(|f| long_date(f.at.date_naive()))
                .unwrap_or_else(|| "not sent yet (draft)".into()),
        ),
        field("Conference", conference_when(s)),
    ];
    if !s.setup.family_reference.trim().is_empty() {
        head.push(field("Our reference", s.setup.family_reference.trim()));
    }
    doc.lead.push(Block::Fields(head));
    let when = s
        .setup
        .date
        .map(|d| format!(" on {}", words::long_date(d)))
        .unwrap_or_default();
    match family {
        Some(Reader::Member(_)) => {
            doc.lead.push(Block::Para(format!("Dear {addressee},")));
        }
        Some(Reader::Family) => doc.lead.push(Block::Para(shared::greeting(s))),
        None => doc.lead.push(Block::Para("Dear colleagues,".into())),
    }
    doc.lead.push(Block::Para(match family {
        Some(_) => format!(
            "Thank you for taking part in {} for {}{when}. I am writing to tell you what was \
             decided and why, what the outline plan is and what happens next.",
            conference_phrase(s.setup.kind),
            first_names(s)
        ),
        None => format!(
            "Thank you for your part in {} for {}{when}. This letter confirms the decision \
             for each child, the reasons for it, the outline plan and what happens next. The \
             full record will follow.",
            conference_phrase(s.setup.kind),
            words::children_names(s)
        ),
    }));
    if family.is_none() {
        doc.lead.push(Block::Fields(vec![field(
            "Sent to",
            words::or(&invited_professionals(s), "(no one recorded)"),
        )]));
    }
}

/// "Monday 9 November 2026 at 10:00".
fn conference_when(s: &Session) -> String {
    let day = date_or(s.setup.date, "date not recorded");
    match s.setup.start_time {
        Some(t) if s.setup.date.is_some() => format!("{day} at {}", words::time(t)),
        _ => day,
    }
}

/// Everyone invited who is not family, a family's supporter or the chair,
/// with their agency.
fn invited_professionals(s: &Session) -> String {
    let names: Vec<String> = s
        .attendees
        .iter()
        .filter(|a| {
            // A parent's supporter or advocate is not a professional of
            // the conference: the parent's own letter is theirs.
            !matches!(
                a.agency_kind,
                AgencyKind::Family | AgencyKind::Chair | AgencyKind::Supporter
            ) && !a.name.trim().is_empty()
        })
        .map(|a| {
            let agency = a.agency.trim();
            if agency.is_empty() {
                a.name.trim().to_string()
            } else {
                format!("{} ({agency})", a.name.trim())
            }
        })
        .collect();
    join_and(&names)
}

fn decision(s: &Session, sec: &mut Section, to: LetterFor) {
    if s.children.is_empty() {
        sec.para("No children were recorded for this conference.");
    }
    super::decisions::each_child(s, sec, to, super::decisions::In::Letter);
}

fn plan(s: &Session, sec: &mut Section) {
    let any_plan = s
        .decisions
        .iter()
        .any(|d| d.outcome == Outcome::ChildProtectionPlan);
    if s.safety_goals.is_empty() {
        sec.para("No safety goals were agreed at the conference.");
    } else {
        sec.para(if any_plan {
            "The conference set these safety goals. The core group will build them into the \
             full child protection plan with the family."
        } else {
            "The conference set these safety goals."
        });
    }
    for (i, g) in s.safety_goals.iter().enumerate() {
        sec.sub(format!("Safety goal {}", i + 1)).fields(vec![
            field(
                words::PARENTS_WILL_LABEL,
                words::or(&g.parents_will, "(not written down)"),
            ),
            field(
                format!("What {} will notice", first_names(s)),
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
    // What happens if it goes wrong is part of the outline plan (the
    // family's copy has it under the same heading).
    if !s.contingency_plan.trim().is_empty() {
        sec.sub("If the plan is not working")
            .para(s.contingency_plan.trim());
    }
}

/// For each child whose outcome is a child in need plan, what happens next.
pub(super) fn child_in_need_steps(s: &Session) -> Vec<String> {
    s.decisions
        .iter()
        .filter(|d| d.outcome == Outcome::ChildInNeed)
        .map(|d| {
            let name = first_name(s, &d.child);
            format!(
                "For {name}: there will be no core group or review conference. The social \
                 worker will agree a child in need plan with the family and the people who \
                 work with {name}, and will review it with them."
            )
        })
        .collect()
}

/// For professionals: the core group, and the deadline for escalating a
/// disagreement.
fn professional_steps(s: &Session, rules: &Config, sec: &mut Section) {
    for d in &s.decisions {
        if d.outcome != Outcome::ChildProtectionPlan || d.plan.core_group.is_empty() {
            continue;
        }
        let names: Vec<String> = d
            .plan
            .core_group
            .iter()
            .map(|a| s.attendee_name(a))
            .collect();
        sec.fields(vec![field(
            format!("Core group for {}", first_name(s, &d.child)),
            join_and(&names),
        )]);
    }
    if let Some(day) = s.setup.date {
        let at = day.and_time(s.setup.start_time.unwrap_or_default());
        let by = dates::dissent_deadline(&rules.timescales, at);
        sec.para(format!(
            "A professional who disagrees with the decision should raise it with the chair by \
             {} at {}, under the escalation procedure.",
            long_date(by.date()),
            by.format("%H:%M")
        ));
    }
    let members: Vec<String> = family_members(s)
        .map(|a| a.name.trim().to_string())
        .collect();
    if !members.is_empty() {
        sec.para(format!(
            "{} each receive their own letter, leaving out any part of the conference they \
             were not in the room for.",
            join_and(&members)
        ));
    }
}

/// How to reach the chair, from the local rules.
pub(super) fn contact_line(s: &Session, rules: &Config) -> String {
    let chair = words::or(&s.setup.chair, "the chair");
    if rules.reviewing_unit.trim().is_empty() {
        format!("You can contact {chair} through the child protection reviewing unit.")
    } else {
        format!(
            "You can contact {chair} through the child protection reviewing unit: {}.",
            rules.reviewing_unit.trim().trim_end_matches('.')
        )
    }
}
