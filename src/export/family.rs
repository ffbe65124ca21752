//! The parents' copy: what was said and decided, in plain words.
//!
//! What it leaves out, and why (a chair's judgement, kept here so it can be
//! argued with):
//! - Restricted map items, entirely: they are dropped by
//!   `shared::shareable_map_items` before their text is read. The copy
//!   never says whether any were left out; the lead paragraph says, for
//!   every family alike, that some information may not be included.
//! - Professionals' dissent reasons. A professional's disagreement is
//!   their escalation with the chair, and can carry information that is
//!   not the family's; the parents are told only that not everyone agreed.
//!   A family member's own dissent is theirs and is quoted in full.
//! - The grounds for an exclusion or separate attendance (often about
//!   domestic abuse or bail conditions); only that someone took part
//!   separately, or was not there for part of it.
//! - Reports not shared with the parents, quorum, stage timings, addenda
//!   and the reasons behind each professional's recommendation; the copy
//!   gives the count of recommendations instead.

use std::collections::BTreeSet;

use crate::config::Config;
use crate::model::{Attendance, Choice, Column, Session, Stage};

use super::doc::{Document, MapColumn, MapEntry, Section, Table, field};
use super::parts::{Reader, part_phrase};
use super::record::scaling_table;
use super::shared;
use super::words::{
    self, birth, conference_phrase, date_or, first_name, first_names, join_and, time,
};

pub fn build(s: &Session, rules: &Config) -> Document {
    build_for(s, rules, Reader::Family)
}

/// The copy for one reader: a family member's own copy leaves out the
/// parts they were not in the room for (see `parts`), the whole family's
/// copy every part any of them missed.
pub fn build_for(s: &Session, rules: &Config, reader: Reader) -> Document {
    let kids = first_names(s);
    let missing = reader.missing(s);
    let mut doc = Document::new(format!("Your copy of the conference about {kids}"));
    opening(s, &mut doc, reader);
    about(s, doc.section("About the conference"));
    who(s, doc.section("Who took part"), reader);
    let part = |stage: Stage, sec: &mut Section, write: &dyn Fn(&mut Section)| {
        if missing.contains(&stage) {
            left_out(s, sec, stage, reader, false);
        } else {
            write(sec);
        }
    };
    part(
        Stage::PreMeeting,
        doc.section("What the parents told the chair before the meeting"),
        &|sec| views(s, sec),
    );
    part(
        Stage::Map,
        doc.section("What we learned from the children"),
        &|sec| voices(s, rules, sec),
    );
    part(
        Stage::DangerStatements,
        doc.major("What people are worried might happen"),
        &|sec| dangers(s, sec),
    );
    part(
        Stage::Map,
        doc.major("What was written on the board"),
        &|sec| map(s, sec),
    );
    part(
        Stage::Scaling,
        doc.section("How safe people think things are"),
        &|sec| scaling(s, sec),
    );
    part(Stage::SafetyGoals, doc.major("The safety goals"), &|sec| {
        goals(s, sec)
    });
    part(
        Stage::SafetyGoals,
        doc.section("Things that must happen"),
        &|sec| {
            sec.para(
                "These are the things the conference said must happen, whatever else changes.",
            )
            .para(words::or(&s.bottom_lines, "None were written down."));
        },
    );
    part(
        Stage::SafetyGoals,
        doc.section("If the plan is not working"),
        &|sec| {
            sec.para(words::or(&s.contingency_plan, "Nothing was written down."));
        },
    );
    decided(s, doc.major("What was decided"), reader, &missing);
    let steps = shared::next_steps(s, rules);
    doc.section("What happens next")
        .list_or(steps, shared::no_next_steps(s));
    doc.section("If you disagree or want to complain")
        .list_or(shared::complaints(s, rules), "");
    doc
}

/// The copy's opening: a draft says so, what the copy is, and whose.
fn opening(s: &Session, doc: &mut Document, reader: Reader) {
    let when = s
        .setup
        .date
        .map(|d| format!(" on {}", words::long_date(d)))
        .unwrap_or_default();
    let intro = format!(
        "This is your copy of {}{when}. It sets out what people said, what was decided and \
         what happens next. Some information shared at a conference cannot be given to \
         families, for example where it is about someone else, so it may not all be here. \
         If anything is unclear, please ask your social worker.",
        conference_phrase(s.setup.kind)
    );
    if !s.is_finalised() {
        doc.lead.push(super::doc::Block::Notice(
            "DRAFT — not finalised. This copy may still change; the chair will send you the \
             final version."
                .into(),
        ));
    }
    doc.lead.push(super::doc::Block::Para(intro));
    if let Reader::Member(a) = reader {
        doc.lead.push(super::doc::Block::Para(format!(
            "This copy is for {}.",
            a.name.trim()
        )));
    }
}

fn about(s: &Session, sec: &mut Section) {
    let setup = &s.setup;
    let mut fields = vec![field("Date", date_or(setup.date, "not recorded"))];
    if let Some(t) = setup.start_time {
        fields.push(field("Time", time(t)));
    }
    if !setup.venue.trim().is_empty() {
        fields.push(field("Where", setup.venue.trim()));
    }
    if !setup.chair.trim().is_empty() {
        fields.push(field("Chair", setup.chair.trim()));
    }
    if !setup.family_reference.trim().is_empty() {
        fields.push(field("Reference", setup.family_reference.trim()));
    }
    sec.fields(fields);
    let children: Vec<String> = s
        .children
        .iter()
        .map(|c| format!("{}, {}", s.child_name(&c.id), birth(c)))
        .collect();
    sec.sub("The children")
        .list_or(children, "No children recorded.");
}

/// In place of a part the reader's copy leaves out: that it is left out
/// and why, never what it held.
/// `letter` when it stands in a decision letter rather than a copy.
pub(super) fn left_out(s: &Session, sec: &mut Section, stage: Stage, reader: Reader, letter: bool) {
    let here = if letter { "this letter" } else { "your copy" };
    sec.para(match reader {
        Reader::Member(a) => {
            // Excluded from it: all of it. Out of the room for a while or
            // there only for other parts: perhaps some of it, so "all of".
            let whole = super::parts::missed_parts(s, &a.id)
                .get(&stage)
                .is_none_or(|why| {
                    why.iter().any(|w| {
                        matches!(
                            w,
                            super::parts::Why::Excluded | super::parts::Why::Separately
                        )
                    })
                });
            format!(
                "You were not in the room for {}{}, so it is not in {here}. Your social \
                 worker can talk with you about anything from it that you need to know.",
                if whole { "" } else { "all of " },
                part_phrase(stage)
            )
        }
        Reader::Family => format!(
            "Not everyone in the family was in the room for {}, so it is not in {}. Each \
             person's own copy has everything from the parts they were there for.",
            part_phrase(stage),
            if letter { "this letter" } else { "this copy" }
        ),
    });
}

fn who(s: &Session, sec: &mut Section, reader: Reader) {
    let person = |a: &crate::model::Attendee| {
        let mut line = s.attendee_name(&a.id);
        let role = a.role.trim();
        let agency = a.agency.trim();
        if !role.is_empty() {
            line.push_str(&format!(", {role}"));
        }
        if !agency.is_empty() && agency != "Family" {
            line.push_str(&format!(" ({agency})"));
        }
        line
    };
    let came: Vec<String> = s
        .attendees
        .iter()
        .filter(|a| a.attendance.is_present())
        .map(person)
        .collect();
    sec.list_or(came, "No one is recorded as attending.");
    let away: Vec<String> = s
        .attendees
        .iter()
        .filter(|a| matches!(a.attendance, Attendance::Apologies | Attendance::ReportOnly))
        .map(|a| {
            let how = if a.attendance == Attendance::ReportOnly {
                "sent a report"
            } else {
                "sent apologies"
            };
            format!("{}: {how}", person(a))
        })
        .collect();
    if !away.is_empty() {
        sec.sub("Could not come").list_or(away, "");
    }
    // Who took part apart, never why: the grounds stay in the record.
    for e in &s.pre_meeting.exclusions {
        let Some(p) = e.person.as_ref() else { continue };
        let name = s.attendee_name(p);
        sec.para(match (reader.is(p), e.separate_attendance) {
            (true, true) => "You took part in the conference separately.".to_string(),
            (true, false) => "You were not in the room for part of the conference.".to_string(),
            (false, true) => format!("{name} took part in the conference separately."),
            (false, false) => format!("{name} was not in the room for part of the conference."),
        });
    }
    let shared: Vec<String> = s
        .attendees
        .iter()
        .filter(|a| a.report_shared_with_parents)
        .map(|a| s.attendee_name(&a.id))
        .collect();
    if !shared.is_empty() {
        sec.para(format!(
            "You should have been given the reports from {} before the conference.",
            join_and(&shared)
        ));
    }
}

fn views(s: &Session, sec: &mut Section) {
    let pm = &s.pre_meeting;
    sec.para(words::or(&pm.parents_views, "Nothing was written down."));
    let mut fields = Vec::new();
    if !pm.advocate.trim().is_empty() {
        fields.push(field("Supporter or advocate", pm.advocate.trim()));
    }
    if pm.interpreter_needed {
        fields.push(field(
            "Interpreter",
            words::or(&pm.language, "an interpreter was arranged"),
        ));
    }
    sec.fields(fields);
}

fn voices(s: &Session, rules: &Config, sec: &mut Section) {
    let mut any = false;
    let names = &rules.three_houses;
    for v in &s.child_voices {
        let houses: Vec<_> = [
            (&names.good_things, &v.good_things),
            (&names.worries, &v.worries),
            (&names.dreams, &v.dreams),
        ]
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(name, text)| field(name.as_str(), text.trim()))
        .collect();
        if v.words.trim().is_empty() && houses.is_empty() {
            continue;
        }
        any = true;
        sec.sub(first_name(s, &v.child));
        sec.fields(vec![field("How we heard it", v.method.label())]);
        if !v.words.trim().is_empty() {
            sec.para(v.words.trim());
        }
        sec.fields(houses);
    }
    if !any {
        sec.para("Nothing was written down.");
    }
}

fn dangers(s: &Session, sec: &mut Section) {
    sec.para(
        "These statements say who is worried, what they are worried about, and what could \
         happen to the children if nothing changes.",
    );
    if s.danger_statements.is_empty() {
        sec.para("None were written down.");
    }
    for (i, d) in s.danger_statements.iter().enumerate() {
        sec.sub(format!(
            "Worry {} (about {})",
            i + 1,
            words::first_names_of(s, &d.children)
        ));
        let mut fields = vec![
            field(
                "Who is worried",
                words::or(&d.who_is_worried, "(not written down)"),
            ),
            field("What about", words::or(&d.worry, "(not written down)")),
            field(
                "What could happen if nothing changes",
                words::or(&d.if_nothing_changes, "(not written down)"),
            ),
        ];
        if !d.dispute.trim().is_empty() {
            fields.push(field("Where people see it differently", d.dispute.trim()));
        }
        sec.fields(fields);
    }
}

fn column_title(c: Column) -> &'static str {
    match c {
        // Not "what everyone agreed": the column holds what anyone said.
        Column::WorkingWell => "What is going well",
        Column::Worried => "What people are worried about",
        Column::Complicating => "What makes things harder",
        Column::NeedsToHappen => "What needs to happen",
    }
}

fn map(s: &Session, sec: &mut Section) {
    sec.para("Everyone's views were written on the board in four columns.");
    let columns = Column::ALL
        .iter()
        .map(|col| MapColumn {
            title: column_title(*col).into(),
            items: shared::shareable_map_items(s)
                .filter(|m| m.column == *col && !m.text.trim().is_empty())
                .map(|m| MapEntry {
                    text: m.text.trim().to_string(),
                    // Only which child, when it is not about all of them.
                    meta: if m.children.is_empty()
                        || (s.children.len() > 1 && m.children.len() == s.children.len())
                    {
                        String::new()
                    } else {
                        format!("About {}", words::first_names_of(s, &m.children))
                    },
                    restricted: false,
                })
                .collect(),
            empty: "Nothing was written here.".into(),
        })
        .collect();
    sec.map(columns);
}

fn scaling(s: &Session, sec: &mut Section) {
    for line in words::scaling_explained(s) {
        sec.para(line);
    }
    let mut any = false;
    for c in &s.children {
        let name = first_name(s, &c.id);
        let t: Table = scaling_table(s, &c.id, format!("Scores for {name}"), false);
        if t.rows.is_empty() {
            continue;
        }
        any = true;
        sec.sub(name);
        sec.table_or(t, "");
    }
    if !any {
        sec.para("No scores were written down.");
    }
}

fn goals(s: &Session, sec: &mut Section) {
    sec.para(
        "Safety goals say what everyone needs to see so that they know the children are \
         safe. Each goal has actions: what will be done, by whom, by when, and how everyone \
         will know it has happened.",
    );
    if s.safety_goals.is_empty() {
        sec.para("No safety goals were written down.");
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
            field(
                "What professionals will see",
                words::or(&g.professionals_will_see, "(not written down)"),
            ),
        ]);
        sec.table_or(
            super::record::actions_table(s, g, format!("Actions for safety goal {}", i + 1)),
            "No actions were written down yet.",
        );
    }
}

fn decided(s: &Session, sec: &mut Section, reader: Reader, missing: &BTreeSet<Stage>) {
    sec.para(
        "Each professional said what they thought was needed, but it is not a vote: the chair \
         makes the decision for each child.",
    );
    if s.children.is_empty() {
        sec.para("No decision was recorded.");
    }
    super::decisions::each_child(
        s,
        sec,
        super::letter::LetterFor::Family(reader),
        super::decisions::In::Copy(missing),
    );
}

/// "Of the 4 professionals who gave a view about Kacey, 3 recommended a
/// child protection plan and 1 a child in need plan."
pub(super) fn recommended(s: &Session, child: &crate::model::ChildId) -> Option<String> {
    let t = s.tally(child);
    let mut parts = Vec::new();
    for (n, what) in [
        (t.plan, "a child protection plan"),
        (t.child_in_need, "a child in need plan"),
        (t.no_further_action, "no further action"),
    ] {
        if n > 0 {
            parts.push(format!("{n} recommended {what}"));
        }
    }
    if parts.is_empty() {
        return None;
    }
    let total = t.total() - t.undecided;
    let who = if total == 1 {
        "the 1 professional".to_string()
    } else {
        format!("the {total} professionals")
    };
    Some(format!(
        "Of {who} who gave a view about {}, {}.",
        first_name(s, child),
        join_and(&parts)
    ))
}
