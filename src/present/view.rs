//! The family-safe view: everything the projector may show, built once per
//! load. Restricted map items are dropped here, before any drawing code
//! exists to read them, and professionals' names are never copied in: the
//! drawing code only ever sees a `FamilyView`, never the `Session`.

use chrono::NaiveDate;

use crate::model::series::ScoreSpread;
use crate::model::{
    ChildId, Choice, Column, ConferenceKind, DangerStatement, ItemId, SafetyGoal, Session, Stage,
    Tag, VoiceMethod,
};

/// How many people gave each score 0..=10.
pub type Counts = [usize; 11];

#[derive(Clone, Debug, PartialEq)]
pub struct FamilyView {
    pub family_reference: String,
    pub date: Option<NaiveDate>,
    pub kind: ConferenceKind,
    pub dangers: Vec<DangerView>,
    /// The four columns, in the map's order.
    pub columns: Vec<ColumnView>,
    pub voices: Vec<VoiceView>,
    pub goals: Vec<GoalView>,
    pub bottom_lines: String,
    pub contingency: String,
    pub scaling: ScalingView,
    /// The stage the chair is on: the newest stage visit.
    pub chair_stage: Option<Stage>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DangerView {
    pub children: String,
    pub who_is_worried: String,
    pub worry: String,
    pub if_nothing_changes: String,
    pub dispute: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ColumnView {
    pub column: Column,
    pub items: Vec<ItemView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ItemView {
    pub text: String,
    /// The tag's label, when the item has one.
    pub tag: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VoiceView {
    pub child: String,
    /// How it was gathered; `None` when not yet gathered.
    pub method: Option<&'static str>,
    pub words: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoalView {
    pub parents_will: String,
    pub child_will_experience: String,
    pub professionals_will_see: String,
    /// The numbers (from 1) of the danger statements this goal answers.
    pub answers: Vec<usize>,
    pub actions: Vec<ActionView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActionView {
    pub what: String,
    pub who: String,
    pub by_when: Option<NaiveDate>,
    pub how_we_will_know: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScalingView {
    /// The question as put in the room, or the default wording.
    pub question: String,
    pub children: Vec<SpreadView>,
}

/// One child's spread: how many gave each score, never who gave which.
#[derive(Clone, Debug, PartialEq)]
pub struct SpreadView {
    pub child: String,
    pub counts: Counts,
    pub previous: Option<Counts>,
    pub spread: Option<ScoreSpread>,
}

impl FamilyView {
    pub fn of(s: &Session) -> Self {
        let shown_dangers: Vec<&DangerStatement> = s
            .danger_statements
            .iter()
            .filter(|d| finished(s, &d.id))
            .collect();
        let question = if s.scaling.question.trim().is_empty() {
            crate::export::DEFAULT_SCALING_QUESTION.to_string()
        } else {
            s.scaling.question.clone()
        };
        FamilyView {
            family_reference: s.setup.family_reference.clone(),
            date: s.setup.date,
            kind: s.setup.kind,
            dangers: shown_dangers.iter().map(|d| danger_view(s, d)).collect(),
            columns: columns(s),
            voices: voices(s),
            goals: s
                .safety_goals
                .iter()
                .filter(|g| finished(s, &g.id))
                .map(|g| goal_view(s, g, &shown_dangers))
                .collect(),
            bottom_lines: s.bottom_lines.clone(),
            contingency: s.contingency_plan.clone(),
            scaling: ScalingView {
                question,
                children: s.children.iter().map(|c| spread_view(s, &c.id)).collect(),
            },
            chair_stage: s.stage_visits.last().map(|v| v.stage),
        }
    }
}

/// An item whose form the chair has open is still being written (its
/// restricted flag perhaps not yet decided): it reaches the projector once
/// the form is closed.
fn finished(s: &Session, id: &ItemId) -> bool {
    s.drafting.as_ref() != Some(id)
}

fn columns(s: &Session) -> Vec<ColumnView> {
    Column::ALL
        .iter()
        .map(|&column| ColumnView {
            column,
            items: s
                .map_items
                .iter()
                // The one place map items are read: restricted ones never
                // get further than this line.
                .filter(|m| !m.restricted && m.column == column)
                .filter(|m| finished(s, &m.id))
                .map(|m| ItemView {
                    text: m.text.clone(),
                    tag: (m.tag != Tag::None).then(|| m.tag.label()),
                })
                .collect(),
        })
        .collect()
}

fn danger_view(s: &Session, d: &DangerStatement) -> DangerView {
    DangerView {
        children: if d.children.is_empty() {
            String::new()
        } else {
            s.children_label(&d.children)
        },
        who_is_worried: d.who_is_worried.clone(),
        worry: d.worry.clone(),
        if_nothing_changes: d.if_nothing_changes.clone(),
        dispute: d.dispute.clone(),
    }
}

fn voices(s: &Session) -> Vec<VoiceView> {
    s.child_voices
        .iter()
        .map(|v| VoiceView {
            child: s.child_name(&v.child),
            method: (v.method != VoiceMethod::NotYetGathered).then(|| v.method.label()),
            words: v.words.clone(),
        })
        .collect()
}

/// A goal with the numbers of the danger statements it answers, as shown.
fn goal_view(s: &Session, g: &SafetyGoal, shown_dangers: &[&DangerStatement]) -> GoalView {
    GoalView {
        parents_will: g.parents_will.clone(),
        child_will_experience: g.child_will_experience.clone(),
        professionals_will_see: g.professionals_will_see.clone(),
        answers: g
            .danger_statements
            .iter()
            .filter_map(|id| shown_dangers.iter().position(|d| &d.id == id))
            .map(|i| i + 1)
            .collect(),
        actions: g
            .actions
            .iter()
            .filter(|a| finished(s, &a.id))
            .map(|a| ActionView {
                what: a.what.clone(),
                who: s.action_who(a),
                by_when: a.by_when,
                how_we_will_know: a.how_we_will_know.clone(),
            })
            .collect(),
    }
}

/// How many people gave each score, 0 to 10.
fn counts_of(scores: impl Iterator<Item = u8>) -> Counts {
    let mut counts = [0usize; 11];
    for x in scores {
        counts[usize::from(x.min(10))] += 1;
    }
    counts
}

fn spread_view(s: &Session, child: &ChildId) -> SpreadView {
    let scores: Vec<u8> = crate::model::series::child_scores(s, child)
        .into_iter()
        .map(|x| x.min(10))
        .collect();
    let mut prev = s
        .scaling
        .previous_scores
        .iter()
        .filter(|x| &x.child == child)
        .map(|x| x.score)
        .peekable();
    let previous = prev.peek().is_some().then(|| counts_of(prev));
    SpreadView {
        child: s.child_name(child),
        counts: counts_of(scores.iter().copied()),
        previous,
        spread: ScoreSpread::of(&scores),
    }
}
