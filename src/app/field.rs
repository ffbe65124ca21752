//! Every value a chair can edit, addressed by a `Field`, and the handful of
//! operations on them. Forms, the editor and drafts all go through here, so
//! each value is read and written in exactly one place.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::model::*;

/// One editable value in a session. Record fields carry the record's id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", content = "of", rename_all = "snake_case")]
pub enum Field {
    SetupKind,
    SetupDate,
    SetupTime,
    SetupVenueKind,
    SetupVenue,
    SetupChair,
    SetupFamilyReference,
    SetupStrategyDate,
    SetupPurpose,
    SetupSection47,
    SetupPreviousInquorate,
    ChildName(ChildId),
    ChildDateOfBirth(ChildId),
    ChildExpectedDelivery(ChildId),
    ChildOwnLetter(ChildId),
    ChildGender(ChildId),
    ChildSchool(ChildId),
    ChildSchoolYear(ChildId),
    ChildNhsNumber(ChildId),
    ChildLocalId(ChildId),
    ChildAddress(ChildId),
    ChildPreviousPlans(ChildId),
    HouseholdName(ItemId),
    HouseholdRelationship(ItemId),
    HouseholdIsChild(ItemId),
    NetworkName(ItemId),
    NetworkRelationship(ItemId),
    NetworkWillDo(ItemId),
    AttendeeName(AttendeeId),
    AttendeeRole(AttendeeId),
    AttendeeAgency(AttendeeId),
    AttendeeAgencyKind(AttendeeId),
    AttendeeAttendance(AttendeeId),
    AttendeeJoinedAt(AttendeeId),
    AttendeeLeftAt(AttendeeId),
    AttendeeDirectContact(AttendeeId),
    PartPerson(ItemId),
    PartMovement(ItemId),
    PartWhich(ItemId),
    PartFrom(ItemId),
    PartTo(ItemId),
    AttendeeGivesRecommendation(AttendeeId),
    AttendeeReportReceived(AttendeeId),
    AttendeeReportShared(AttendeeId),
    ExplainedPurpose,
    ExplainedHowItRuns,
    ExplainedHowToContribute,
    ExplainedReportsShared,
    ExplainedSupporter,
    ExplainedComplaints,
    InterpreterNeeded,
    Language,
    Advocate,
    ParentsViews,
    ExclusionPerson(ItemId),
    ExclusionSeparate(ItemId),
    ExclusionGrounds(ItemId),
    ExclusionWhichPart(ItemId),
    ExclusionParts(ItemId),
    OpeningConfidentiality,
    OpeningEquality,
    OpeningProfessionalDifference,
    OpeningComplaints,
    OpeningLocal(ItemId),
    OpeningNotes,
    InquorateReason,
    InterimPlan,
    ReconveneDate,
    DangerWhoIsWorried(ItemId),
    DangerWorry(ItemId),
    DangerIfNothingChanges(ItemId),
    DangerChildren(ItemId),
    DangerDispute(ItemId),
    MapText(ItemId),
    MapColumn(ItemId),
    MapSaidBy(ItemId),
    MapChildren(ItemId),
    MapTag(ItemId),
    MapRestricted(ItemId),
    VoiceMethod(ChildId),
    VoiceWords(ChildId),
    VoiceGoodThings(ChildId),
    VoiceWorries(ChildId),
    VoiceDreams(ChildId),
    ScalingQuestion,
    ScalingNotes,
    /// A person's score for a child, typed as "7 the reason".
    ScoreEntry(AttendeeId, ChildId),
    GoalParentsWill(ItemId),
    GoalChildExperience(ItemId),
    GoalProfessionalsSee(ItemId),
    GoalDangers(ItemId),
    ActionWhat(ItemId, ItemId),
    ActionWho(ItemId, ItemId),
    ActionWhoPerson(ItemId, ItemId),
    ActionRecurrence(ItemId, ItemId),
    ActionUntil(ItemId, ItemId),
    ActionByWhen(ItemId, ItemId),
    ActionHowWeKnow(ItemId, ItemId),
    ActionProgress(ItemId, ItemId),
    BottomLines,
    ContingencyPlan,
    RecOutcome(ItemId),
    RecCategories(ItemId),
    RecReason(ItemId),
    DecisionOutcome(ChildId),
    DecisionCategories(ChildId),
    DecisionRationale(ChildId),
    DecisionLead(ChildId),
    DecisionCoreGroup(ChildId),
    DecisionFirstCoreGroup(ChildId),
    DecisionReviewDate(ChildId),
    DecisionFirstCoreGroupTime(ChildId),
    DecisionReviewTime(ChildId),
    DecisionDecidedAt(ChildId),
    CinReviewDate(ChildId),
    CinNextSteps(ChildId),
    ChairRisks,
    ChairStrengths,
    DissentWho(ChildId, ItemId),
    DissentWhy(ChildId, ItemId),
    AddendumWhat(ItemId),
    AddendumWhy(ItemId),
    AddendumBy(ItemId),
}

/// How a field is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Line,
    Lines,
    Date,
    Time,
    Score,
    Choice,
    Toggle,
    PickOne,
    PickMany,
}

impl FieldKind {
    /// Typed into the text editor (rather than cycled, toggled or picked).
    pub fn is_typed(self) -> bool {
        matches!(
            self,
            FieldKind::Line
                | FieldKind::Lines
                | FieldKind::Date
                | FieldKind::Time
                | FieldKind::Score
        )
    }
}

/// Records that live in lists, so generic code can find them by id.
pub trait Keyed {
    type Key: PartialEq;
    fn key(&self) -> &Self::Key;
}

macro_rules! keyed {
    ($($t:ty => $k:ty, $field:ident;)+) => {$(
        impl Keyed for $t {
            type Key = $k;
            fn key(&self) -> &$k { &self.$field }
        }
    )+};
}

keyed! {
    Child => ChildId, id;
    PartAttendance => ItemId, id;
    HouseholdMember => ItemId, id;
    NetworkMember => ItemId, id;
    Attendee => AttendeeId, id;
    Exclusion => ItemId, id;
    LocalStatement => ItemId, id;
    DangerStatement => ItemId, id;
    MapItem => ItemId, id;
    ChildVoice => ChildId, child;
    SafetyGoal => ItemId, id;
    SafetyAction => ItemId, id;
    Recommendation => ItemId, id;
    Decision => ChildId, child;
    Dissent => ItemId, id;
    Addendum => ItemId, id;
}

pub fn find<'a, T: Keyed>(items: &'a [T], key: &T::Key) -> Option<&'a T> {
    items.iter().find(|i| i.key() == key)
}

pub fn find_mut<'a, T: Keyed>(items: &'a mut [T], key: &T::Key) -> Option<&'a mut T> {
    items.iter_mut().find(|i| i.key() == key)
}

/// The one mapping from a field to where its value lives. Expanded twice,
/// for shared and for mutable access, so the two can never disagree.
macro_rules! slots {
    ($s:ident, $f:ident, $find:ident, $($m:tt)?) => {{
        use Field as F;
        let mut text: Option<&$($m)? String> = None;
        let mut date: Option<&$($m)? Option<NaiveDate>> = None;
        let mut time: Option<&$($m)? Option<NaiveTime>> = None;
        let mut flag: Option<&$($m)? bool> = None;
        match $f {
            F::SetupDate => date = Some(&$($m)? $s.setup.date),
            F::SetupTime => time = Some(&$($m)? $s.setup.start_time),
            F::SetupVenue => text = Some(&$($m)? $s.setup.venue),
            F::SetupChair => text = Some(&$($m)? $s.setup.chair),
            F::SetupFamilyReference => text = Some(&$($m)? $s.setup.family_reference),
            F::SetupStrategyDate => date = Some(&$($m)? $s.setup.strategy_discussion_date),
            F::SetupPurpose => text = Some(&$($m)? $s.setup.purpose),
            F::SetupSection47 => text = Some(&$($m)? $s.setup.section_47_outcome),
            F::SetupPreviousInquorate => flag = Some(&$($m)? $s.setup.previous_inquorate),
            F::ChildSchool(id) => text = $find(&$($m)? $s.children, id).map(|c| &$($m)? c.school),
            F::ChildSchoolYear(id) => text = $find(&$($m)? $s.children, id).map(|c| &$($m)? c.school_year),
            F::ChildNhsNumber(id) => text = $find(&$($m)? $s.children, id).map(|c| &$($m)? c.nhs_number),
            F::ChildLocalId(id) => text = $find(&$($m)? $s.children, id).map(|c| &$($m)? c.local_id),
            F::ChildAddress(id) => text = $find(&$($m)? $s.children, id).map(|c| &$($m)? c.address),
            F::HouseholdName(id) => text = $find(&$($m)? $s.household, id).map(|h| &$($m)? h.name),
            F::HouseholdRelationship(id) => text = $find(&$($m)? $s.household, id).map(|h| &$($m)? h.relationship),
            F::HouseholdIsChild(id) => flag = $find(&$($m)? $s.household, id).map(|h| &$($m)? h.is_child),
            F::NetworkName(id) => text = $find(&$($m)? $s.safety_network, id).map(|n| &$($m)? n.name),
            F::NetworkRelationship(id) => text = $find(&$($m)? $s.safety_network, id).map(|n| &$($m)? n.relationship),
            F::NetworkWillDo(id) => text = $find(&$($m)? $s.safety_network, id).map(|n| &$($m)? n.will_do),
            F::AttendeeDirectContact(id) => flag = $find(&$($m)? $s.attendees, id).map(|a| &$($m)? a.direct_contact),
            F::PartWhich(id) => text = $find(&$($m)? $s.parts, id).map(|p| &$($m)? p.part),
            F::PartFrom(id) => time = $find(&$($m)? $s.parts, id).map(|p| &$($m)? p.from),
            F::PartTo(id) => time = $find(&$($m)? $s.parts, id).map(|p| &$($m)? p.to),
            F::InterimPlan => text = Some(&$($m)? $s.inquorate.interim_plan),
            F::ReconveneDate => date = Some(&$($m)? $s.inquorate.reconvene_date),
            F::VoiceGoodThings(id) => text = $find(&$($m)? $s.child_voices, id).map(|v| &$($m)? v.good_things),
            F::VoiceWorries(id) => text = $find(&$($m)? $s.child_voices, id).map(|v| &$($m)? v.worries),
            F::VoiceDreams(id) => text = $find(&$($m)? $s.child_voices, id).map(|v| &$($m)? v.dreams),
            F::ActionUntil(g, a) => date = $find(&$($m)? $s.safety_goals, g).and_then(|g| $find(&$($m)? g.actions, a)).map(|a| &$($m)? a.until),
            F::DecisionDecidedAt(id) => time = $find(&$($m)? $s.decisions, id).map(|d| &$($m)? d.decided_at),
            F::CinReviewDate(id) => date = $find(&$($m)? $s.decisions, id).map(|d| &$($m)? d.child_in_need.review_date),
            F::CinNextSteps(id) => text = $find(&$($m)? $s.decisions, id).map(|d| &$($m)? d.child_in_need.next_steps),
            F::ChairRisks => text = Some(&$($m)? $s.chair_summary.risks),
            F::ChairStrengths => text = Some(&$($m)? $s.chair_summary.strengths),
            F::ChildName(id) => text = $find(&$($m)? $s.children, id).map(|c| &$($m)? c.name),
            F::ChildDateOfBirth(id) => date = $find(&$($m)? $s.children, id).map(|c| &$($m)? c.date_of_birth),
            F::ChildExpectedDelivery(id) => date = $find(&$($m)? $s.children, id).map(|c| &$($m)? c.expected_delivery),
            F::ChildOwnLetter(id) => flag = $find(&$($m)? $s.children, id).map(|c| &$($m)? c.own_letter),
            F::AttendeeName(id) => text = $find(&$($m)? $s.attendees, id).map(|a| &$($m)? a.name),
            F::AttendeeRole(id) => text = $find(&$($m)? $s.attendees, id).map(|a| &$($m)? a.role),
            F::AttendeeAgency(id) => text = $find(&$($m)? $s.attendees, id).map(|a| &$($m)? a.agency),
            F::AttendeeJoinedAt(id) => time = $find(&$($m)? $s.attendees, id).map(|a| &$($m)? a.joined_at),
            F::AttendeeLeftAt(id) => time = $find(&$($m)? $s.attendees, id).map(|a| &$($m)? a.left_at),
            F::AttendeeGivesRecommendation(id) => flag = $find(&$($m)? $s.attendees, id).map(|a| &$($m)? a.gives_recommendation),
            F::AttendeeReportReceived(id) => flag = $find(&$($m)? $s.attendees, id).map(|a| &$($m)? a.report_received),
            F::AttendeeReportShared(id) => flag = $find(&$($m)? $s.attendees, id).map(|a| &$($m)? a.report_shared_with_parents),
            F::ExplainedPurpose => flag = Some(&$($m)? $s.pre_meeting.explained_purpose),
            F::ExplainedHowItRuns => flag = Some(&$($m)? $s.pre_meeting.explained_how_it_runs),
            F::ExplainedHowToContribute => flag = Some(&$($m)? $s.pre_meeting.explained_how_to_contribute),
            F::ExplainedReportsShared => flag = Some(&$($m)? $s.pre_meeting.explained_reports_shared),
            F::ExplainedSupporter => flag = Some(&$($m)? $s.pre_meeting.explained_supporter_advocate_solicitor),
            F::ExplainedComplaints => flag = Some(&$($m)? $s.pre_meeting.explained_complaints),
            F::InterpreterNeeded => flag = Some(&$($m)? $s.pre_meeting.interpreter_needed),
            F::Language => text = Some(&$($m)? $s.pre_meeting.language),
            F::Advocate => text = Some(&$($m)? $s.pre_meeting.advocate),
            F::ParentsViews => text = Some(&$($m)? $s.pre_meeting.parents_views),
            F::ExclusionSeparate(id) => flag = $find(&$($m)? $s.pre_meeting.exclusions, id).map(|e| &$($m)? e.separate_attendance),
            F::ExclusionGrounds(id) => text = $find(&$($m)? $s.pre_meeting.exclusions, id).map(|e| &$($m)? e.grounds),
            F::ExclusionWhichPart(id) => text = $find(&$($m)? $s.pre_meeting.exclusions, id).map(|e| &$($m)? e.which_part),
            F::OpeningConfidentiality => flag = Some(&$($m)? $s.opening_statements.confidentiality),
            F::OpeningEquality => flag = Some(&$($m)? $s.opening_statements.equality),
            F::OpeningProfessionalDifference => flag = Some(&$($m)? $s.opening_statements.professional_difference),
            F::OpeningComplaints => flag = Some(&$($m)? $s.opening_statements.complaints),
            F::OpeningLocal(id) => flag = $find(&$($m)? $s.opening_statements.local, id).map(|o| &$($m)? o.given),
            F::OpeningNotes => text = Some(&$($m)? $s.opening_statements.notes),
            F::InquorateReason => text = Some(&$($m)? $s.inquorate_reason),
            F::DangerWhoIsWorried(id) => text = $find(&$($m)? $s.danger_statements, id).map(|d| &$($m)? d.who_is_worried),
            F::DangerWorry(id) => text = $find(&$($m)? $s.danger_statements, id).map(|d| &$($m)? d.worry),
            F::DangerIfNothingChanges(id) => text = $find(&$($m)? $s.danger_statements, id).map(|d| &$($m)? d.if_nothing_changes),
            F::DangerDispute(id) => text = $find(&$($m)? $s.danger_statements, id).map(|d| &$($m)? d.dispute),
            F::MapText(id) => text = $find(&$($m)? $s.map_items, id).map(|i| &$($m)? i.text),
            F::MapRestricted(id) => flag = $find(&$($m)? $s.map_items, id).map(|i| &$($m)? i.restricted),
            F::VoiceWords(id) => text = $find(&$($m)? $s.child_voices, id).map(|v| &$($m)? v.words),
            F::ScalingQuestion => text = Some(&$($m)? $s.scaling.question),
            F::ScalingNotes => text = Some(&$($m)? $s.scaling.notes),
            F::GoalParentsWill(id) => text = $find(&$($m)? $s.safety_goals, id).map(|g| &$($m)? g.parents_will),
            F::GoalChildExperience(id) => text = $find(&$($m)? $s.safety_goals, id).map(|g| &$($m)? g.child_will_experience),
            F::GoalProfessionalsSee(id) => text = $find(&$($m)? $s.safety_goals, id).map(|g| &$($m)? g.professionals_will_see),
            F::ActionWhat(g, a) => text = $find(&$($m)? $s.safety_goals, g).and_then(|g| $find(&$($m)? g.actions, a)).map(|a| &$($m)? a.what),
            F::ActionWho(g, a) => text = $find(&$($m)? $s.safety_goals, g).and_then(|g| $find(&$($m)? g.actions, a)).map(|a| &$($m)? a.who),
            F::ActionByWhen(g, a) => date = $find(&$($m)? $s.safety_goals, g).and_then(|g| $find(&$($m)? g.actions, a)).map(|a| &$($m)? a.by_when),
            F::ActionHowWeKnow(g, a) => text = $find(&$($m)? $s.safety_goals, g).and_then(|g| $find(&$($m)? g.actions, a)).map(|a| &$($m)? a.how_we_will_know),
            F::BottomLines => text = Some(&$($m)? $s.bottom_lines),
            F::ContingencyPlan => text = Some(&$($m)? $s.contingency_plan),
            F::RecReason(id) => text = $find(&$($m)? $s.recommendations, id).map(|r| &$($m)? r.reason),
            F::DecisionRationale(id) => text = $find(&$($m)? $s.decisions, id).map(|d| &$($m)? d.rationale),
            F::DecisionFirstCoreGroup(id) => date = $find(&$($m)? $s.decisions, id).map(|d| &$($m)? d.plan.first_core_group),
            F::DecisionReviewDate(id) => date = $find(&$($m)? $s.decisions, id).map(|d| &$($m)? d.plan.review_date),
            F::DecisionFirstCoreGroupTime(id) => time = $find(&$($m)? $s.decisions, id).map(|d| &$($m)? d.plan.first_core_group_time),
            F::DecisionReviewTime(id) => time = $find(&$($m)? $s.decisions, id).map(|d| &$($m)? d.plan.review_time),
            F::DissentWhy(c, x) => text = $find(&$($m)? $s.decisions, c).and_then(|d| $find(&$($m)? d.dissents, x)).map(|x| &$($m)? x.why),
            F::AddendumWhat(id) => text = $find(&$($m)? $s.addenda, id).map(|a| &$($m)? a.what),
            F::AddendumWhy(id) => text = $find(&$($m)? $s.addenda, id).map(|a| &$($m)? a.why),
            F::AddendumBy(id) => text = $find(&$($m)? $s.addenda, id).map(|a| &$($m)? a.by),
            _ => {}
        }
        (text, date, time, flag)
    }};
}

/// Where a field's value lives, for reading.
pub struct Slots<'a> {
    pub text: Option<&'a String>,
    pub date: Option<&'a Option<NaiveDate>>,
    pub time: Option<&'a Option<NaiveTime>>,
    pub flag: Option<&'a bool>,
}

/// Where a field's value lives, for writing.
pub struct SlotsMut<'a> {
    pub text: Option<&'a mut String>,
    pub date: Option<&'a mut Option<NaiveDate>>,
    pub time: Option<&'a mut Option<NaiveTime>>,
    pub flag: Option<&'a mut bool>,
}

pub fn slots<'a>(s: &'a Session, f: &Field) -> Slots<'a> {
    let (text, date, time, flag) = slots!(s, f, find,);
    Slots {
        text,
        date,
        time,
        flag,
    }
}

pub fn slots_mut<'a>(s: &'a mut Session, f: &Field) -> SlotsMut<'a> {
    let (text, date, time, flag) = slots!(s, f, find_mut, mut);
    SlotsMut {
        text,
        date,
        time,
        flag,
    }
}
