//! The record's discussion: the children's voices, the danger statements,
//! the map, the scaling, the safety goals and the recommendations. The
//! scaling and actions tables are shared with the family's copy and the
//! letters.

use crate::config::{Config, DEFAULT_SCALING_QUESTION};

use super::decision::tally_line;
use crate::model::{ChildId, Choice, Column, Session, Tag, VoiceMethod};

use crate::export::doc::{MapColumn, MapEntry, Section, Table, field};
use crate::export::words::{self, NOT_RECORDED, categories, join_and, or_not_recorded};

pub(super) fn voices(s: &Session, rules: &Config, sec: &mut Section) {
    let houses = &rules.three_houses;
    if s.children.is_empty() {
        sec.para("No children recorded.");
    }
    for c in &s.children {
        sec.sub(s.child_name(&c.id));
        match s.child_voices.iter().find(|v| v.child == c.id) {
            Some(v) => {
                sec.fields(vec![field("How it was gathered", v.method.label())]);
                sec.para(or_not_recorded(&v.words));
                let three = [
                    (&houses.good_things, &v.good_things),
                    (&houses.worries, &v.worries),
                    (&houses.dreams, &v.dreams),
                ];
                if v.method == VoiceMethod::ThreeHouses
                    || three.iter().any(|(_, t)| !t.trim().is_empty())
                {
                    sec.fields(
                        three
                            .iter()
                            .map(|(name, text)| field(name.as_str(), or_not_recorded(text)))
                            .collect(),
                    );
                }
            }
            None => {
                sec.para(NOT_RECORDED);
            }
        }
    }
}

pub(super) fn dangers(s: &Session, sec: &mut Section) {
    if s.danger_statements.is_empty() {
        sec.para("No danger statements recorded.");
    }
    for (i, d) in s.danger_statements.iter().enumerate() {
        sec.sub(format!(
            "Danger statement {} ({})",
            i + 1,
            s.children_label(&d.children)
        ))
        .fields(vec![
            field("Who is worried", or_not_recorded(&d.who_is_worried)),
            field("What about", or_not_recorded(&d.worry)),
            field("If nothing changes", or_not_recorded(&d.if_nothing_changes)),
            field("Dispute", words::or(&d.dispute, "None recorded")),
        ]);
    }
}

pub(super) fn map_meta(s: &Session, m: &crate::model::MapItem) -> String {
    let mut meta = Vec::new();
    if let Some(by) = &m.said_by {
        meta.push(format!("said by {}", s.attendee_name(by)));
    }
    if !m.children.is_empty() {
        meta.push(format!("about {}", s.children_label(&m.children)));
    }
    if m.tag != Tag::None {
        meta.push(m.tag.label().to_string());
    }
    if m.from_last_conference {
        meta.push("carried from the last conference".into());
    }
    meta.join("; ")
}

pub(super) fn map(s: &Session, sec: &mut Section) {
    if s.map_items.iter().any(|m| m.restricted) {
        sec.notice(
            "Items marked RESTRICTED are not shared with the family: they must never appear in \
             the family's copy or on a projected screen.",
        );
    }
    let columns = Column::ALL
        .iter()
        .map(|col| MapColumn {
            title: col.label().to_string(),
            items: s
                .map_items
                .iter()
                .filter(|m| m.column == *col)
                .map(|m| MapEntry {
                    text: or_not_recorded(&m.text),
                    meta: map_meta(s, m),
                    restricted: m.restricted,
                })
                .collect(),
            empty: "Nothing recorded.".into(),
        })
        .collect();
    sec.map(columns);
}

/// Today's scores for one child, with last time's beside them at a review.
/// `full` adds the agency column (the family copy leaves it out).
pub fn scaling_table(s: &Session, child: &ChildId, caption: String, full: bool) -> Table {
    let previous: Vec<_> = s
        .scaling
        .previous_scores
        .iter()
        .filter(|p| &p.child == child)
        .collect();
    let mut headers = vec!["Person"];
    if full {
        headers.push("Agency");
    }
    headers.push("Score");
    if !previous.is_empty() {
        headers.push("Last conference");
    }
    headers.push("Reason");
    let mut t = Table::new(caption, &headers);
    let mut used = vec![false; previous.len()];
    for sc in s.scaling.scores.iter().filter(|sc| &sc.child == child) {
        let name = s.attendee_name(&sc.person);
        let agency = s
            .attendee(&sc.person)
            .map(|a| or_not_recorded(&a.agency))
            .unwrap_or_default();
        let mut row = vec![name.clone()];
        if full {
            row.push(agency);
        }
        row.push(format!("{}/10", sc.score));
        if !previous.is_empty() {
            let last = previous
                .iter()
                .position(|p| p.person_name.trim() == name.trim())
                .map(|i| {
                    used[i] = true;
                    format!("{}/10", previous[i].score)
                });
            row.push(last.unwrap_or_else(|| "none".into()));
        }
        row.push(sc.reason.trim().to_string());
        t.row(row);
    }
    // Last time's scorers who did not score today still belong beside them.
    for (p, _) in previous.iter().zip(&used).filter(|(_, u)| !**u) {
        let mut row = vec![p.person_name.clone()];
        if full {
            row.push(p.agency.clone());
        }
        row.extend([
            "not scored today".into(),
            format!("{}/10", p.score),
            String::new(),
        ]);
        t.row(row);
    }
    t
}

/// "Scores from 3 to 8; the middle score is 5." for one child.
pub fn spread(s: &Session, child: &ChildId) -> Option<String> {
    let sp = crate::model::series::ScoreSpread::for_child(s, child)?;
    Some(format!(
        "Scores from {} to {}; the middle score is {}.",
        sp.lowest, sp.highest, sp.median
    ))
}

pub(super) fn scaling(s: &Session, sec: &mut Section) {
    let question = if s.scaling.question.trim().is_empty() {
        DEFAULT_SCALING_QUESTION
    } else {
        s.scaling.question.trim()
    };
    let mut fields = vec![field("The question", question)];
    if !s.scaling.zero_means.trim().is_empty() {
        fields.push(field("0 means", s.scaling.zero_means.trim()));
    }
    if !s.scaling.ten_means.trim().is_empty() {
        fields.push(field("10 means", s.scaling.ten_means.trim()));
    }
    sec.fields(fields);
    if s.children.is_empty() {
        sec.para("No children recorded.");
    }
    for c in &s.children {
        let name = s.child_name(&c.id);
        sec.sub(name.clone());
        let t = scaling_table(s, &c.id, format!("Scaling for {name}"), true);
        sec.table_or(t, "No scores recorded.");
        if let Some(line) = spread(s, &c.id) {
            sec.para(line);
        }
    }
    if !s.scaling.notes.trim().is_empty() {
        sec.sub("Notes on the scaling");
        sec.fields(vec![field("Notes", s.scaling.notes.trim())]);
    }
}

/// The actions of a goal as a table.
pub fn actions_table(s: &Session, goal: &crate::model::SafetyGoal, caption: String) -> Table {
    let mut t = Table::new(caption, &["What", "Who", "By when", "How we will know"]);
    for a in &goal.actions {
        t.row(vec![
            or_not_recorded(&a.what),
            or_not_recorded(&s.action_who(a)),
            words::action_when(a),
            or_not_recorded(&a.how_we_will_know),
        ]);
    }
    t
}

pub(super) fn goals(s: &Session, sec: &mut Section) {
    if s.safety_goals.is_empty() {
        sec.para("No safety goals recorded.");
    }
    for (i, g) in s.safety_goals.iter().enumerate() {
        let answers: Vec<String> = g
            .danger_statements
            .iter()
            .filter_map(|id| s.danger_statements.iter().position(|d| &d.id == id))
            .map(|n| format!("danger statement {}", n + 1))
            .collect();
        sec.sub(format!("Safety goal {}", i + 1));
        let mut fields = vec![
            field(words::PARENTS_WILL_LABEL, or_not_recorded(&g.parents_will)),
            field(
                "The children will experience",
                or_not_recorded(&g.child_will_experience),
            ),
            field(
                "Professionals will see",
                or_not_recorded(&g.professionals_will_see),
            ),
        ];
        if !answers.is_empty() {
            fields.push(field("Answers", join_and(&answers)));
        }
        sec.fields(fields);
        sec.table_or(
            actions_table(s, g, format!("Actions for safety goal {}", i + 1)),
            "No actions recorded.",
        );
    }
}

pub(super) fn recommendations(s: &Session, sec: &mut Section) {
    if s.children.is_empty() {
        sec.para("No children recorded.");
    }
    for c in &s.children {
        let name = s.child_name(&c.id);
        sec.sub(name.clone());
        let mut t = Table::new(
            format!("Recommendations for {name}"),
            &[
                "Professional",
                "Agency",
                "Recommendation",
                "Categories",
                "Reason",
            ],
        );
        for r in s.recommendations.iter().filter(|r| r.child == c.id) {
            t.row(vec![
                s.attendee_name(&r.professional),
                s.attendee(&r.professional)
                    .map(|a| or_not_recorded(&a.agency))
                    .unwrap_or_default(),
                r.outcome.label().into(),
                categories(&r.categories),
                r.reason.trim().to_string(),
            ]);
        }
        sec.table_or(t, "No recommendations recorded.");
        sec.para(tally_line(s, &c.id));
    }
}
