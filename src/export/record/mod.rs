//! The full conference record, in the order a conference runs. Everything
//! is here, restricted map items included and marked RESTRICTED. One
//! module per stretch of the record: `people` (details, attendance,
//! quorum), `discussion` (voices to recommendations), `decision` (the
//! decisions and plans) and `trail` (timings, addenda, finalisation).

mod decision;
mod discussion;
mod people;
mod trail;

use decision::*;
use discussion::*;
use people::*;
use trail::*;

pub use discussion::{actions_table, scaling_table};

use crate::config::Config;
use crate::model::Session;

use super::doc::Document;
use super::words::{self, or_not_recorded};

pub use crate::config::DEFAULT_SCALING_QUESTION;

pub fn build(s: &Session, rules: &Config) -> Document {
    let mut doc = Document::new(format!(
        "Child protection conference record: {}",
        words::or(&s.setup.family_reference, "no family reference")
    ));
    if !s.is_finalised() {
        doc.lead
            .push(super::doc::Block::Notice(draft_notice().into()));
    }
    doc.lead.push(super::doc::Block::Notice(
        "Confidential. This record holds restricted information that must not be shared with \
         the family. Give the family their own copy."
            .into(),
    ));
    details(s, doc.section("Conference details"));
    family_details(s, doc.section("The family"));
    pre_meeting(s, doc.section("Parents' pre-meeting"));
    attendance(s, doc.major("Attendance and apologies"));
    exclusions(s, doc.section("Exclusions and separate attendance"));
    parts(s, doc.section("Attendance for parts of the conference"));
    super::parts::who_gets_what(s, doc.section("Copies and letters"));
    reports(s, doc.section("Reports"));
    quorum(s, rules, doc.section("Quorum"));
    voices(s, rules, doc.major("The child's voice"));
    dangers(s, doc.section("Danger statements"));
    map(s, doc.major("The map"));
    scaling(s, doc.major("Scaling"));
    goals(s, doc.major("Safety goals"));
    doc.section("Bottom lines")
        .para(or_not_recorded(&s.bottom_lines));
    doc.section("Contingency plan")
        .para(or_not_recorded(&s.contingency_plan));
    recommendations(s, doc.major("Professional recommendations"));
    decisions(s, rules, doc.section("The chair's decision"));
    chair_summary(s, doc.section("The chair's summary"));
    plan(s, doc.section("The plan"));
    child_in_need(s, doc.section("Child in need plans"));
    timings(s, doc.major("Stage timings"));
    addenda(s, doc.section("Addenda"));
    finalisation(s, doc.section("Finalisation"));
    doc
}

fn draft_notice() -> &'static str {
    "DRAFT — not finalised. This record may still change."
}
