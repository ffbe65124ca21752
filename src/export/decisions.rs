//! Each child's decision as a copy or a letter tells it: the outcome in
//! words, what it means (for a family), the chair's reasons, what the
//! professionals recommended, and any disagreement. The family's copy, a
//! family member's copy and every decision letter write it here, so they
//! cannot drift apart.

use std::collections::BTreeSet;

use crate::model::{AgencyKind, Outcome, Session, Stage};

use super::doc::{Section, field};
use super::family::recommended;
use super::letter::LetterFor;
use super::parts::Reader;
use super::words::{self, first_name, outcome_meaning, outcome_sentence};

/// Which document the decisions are in.
#[derive(Clone, Copy, Debug)]
pub enum In<'a> {
    /// A copy of the conference: the recommendations told as a sentence,
    /// unless the copy leaves out the recommendations part (`missing`).
    Copy(&'a BTreeSet<Stage>),
    /// A decision letter: a family member's own disagreement is answered
    /// with what they can do next.
    Letter,
}

/// Each child's decision, under a heading with the child's name.
pub fn each_child(s: &Session, sec: &mut Section, to: LetterFor, doc: In) {
    for c in &s.children {
        let name = first_name(s, &c.id);
        sec.sub(s.child_name(&c.id));
        let Some(d) = s.decisions.iter().find(|d| d.child == c.id) else {
            sec.para(format!("No decision has been made yet for {name}."));
            continue;
        };
        sec.para(outcome_sentence(
            s.setup.kind,
            &name,
            d.outcome,
            &d.categories,
        ));
        if d.outcome == Outcome::Undecided {
            continue;
        }
        if let Some(meaning) = outcome_meaning(&name, d.outcome) {
            if matches!(to, LetterFor::Family(_)) {
                sec.para(meaning);
            }
        }
        if !d.rationale.trim().is_empty() {
            sec.fields(vec![field(
                "Why the chair decided this",
                d.rationale.trim(),
            )]);
        }
        match to {
            LetterFor::Professionals => professionals(s, sec, d),
            LetterFor::Family(reader) => {
                if let In::Copy(missing) = doc {
                    // The tally is the recommendations part.
                    if !missing.contains(&Stage::Recommendations) {
                        if let Some(line) = recommended(s, &c.id) {
                            sec.para(line);
                        }
                    }
                }
                family(s, sec, d, reader, doc);
            }
        }
    }
}

/// For the professionals: the recommendations counted and every
/// disagreement in full.
fn professionals(s: &Session, sec: &mut Section, d: &crate::model::Decision) {
    let t = s.tally(&d.child);
    let total = t.total() - t.undecided;
    if total > 0 {
        sec.para(format!(
            "Recommendations: {} for a child protection plan, {} for a child in need plan, {} \
             for no further action.",
            t.plan, t.child_in_need, t.no_further_action
        ));
    }
    for x in &d.dissents {
        let who = x
            .who
            .as_ref()
            .map(|a| s.attendee_name(a))
            .unwrap_or_else(|| "Someone".into());
        sec.fields(vec![field(
            format!("{who} disagreed"),
            words::or(&x.why, "(no reason written down)"),
        )]);
    }
}

/// For a family: a family member's disagreement is theirs, quoted in the
/// family's copy and letter, and in a member's own only their own.
/// Anyone else's: only that it exists.
fn family(s: &Session, sec: &mut Section, d: &crate::model::Decision, reader: Reader, doc: In) {
    let mut others = false;
    for x in &d.dissents {
        let mine = x.who.as_ref().is_some_and(|p| reader.is(p));
        let family_all = matches!(reader, Reader::Family)
            && x.who
                .as_ref()
                .and_then(|p| s.attendee(p))
                .is_some_and(|a| a.agency_kind == AgencyKind::Family);
        if !(mine || family_all) || x.why.trim().is_empty() {
            others = true;
            continue;
        }
        let label = match (mine, doc) {
            // The record's words, written about the reader: said so, so
            // that "Leanne disagrees" reads right in a letter to Leanne.
            (true, _) => "Your disagreement, as the conference record has it".to_string(),
            (false, _) => format!(
                "{} disagreed",
                x.who
                    .as_ref()
                    .map(|p| s.attendee_name(p))
                    .unwrap_or_default()
            ),
        };
        sec.fields(vec![field(label, x.why.trim())]);
        if mine && matches!(doc, In::Letter) {
            sec.para(
                "The chair heard it before deciding. If you still disagree, the last part of \
                 this letter says what you can do.",
            );
        }
    }
    if others {
        sec.para(
            "Not everyone at the conference agreed with this decision. The chair listened to \
             every view before deciding, and the disagreement is written in the conference \
             record.",
        );
    }
}
