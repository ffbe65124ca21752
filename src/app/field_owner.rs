//! Whose value a field is, in the chair's words: the person, the child or
//! the start of the item it belongs to. Said when a change is undone
//! ("undone: changed Recommends of Helen Marsh"); the audit trail keeps
//! ids instead, since it never holds content.

use super::field::{Field, find};
use crate::model::*;

/// How much of an item's text names it.
const WORDS_SHOWN: usize = 40;

impl Field {
    /// "Recommends of Helen Marsh", "Said by of 'Claire walks both…'";
    /// the label alone for a field of the conference as a whole.
    pub fn for_chair(&self, s: &Session) -> String {
        match self.owner_words(s) {
            Some(owner) => format!("{} of {owner}", self.label_in(s)),
            None => self.label_in(s),
        }
    }

    /// The person, child or item the field belongs to; None for a field of
    /// the conference itself, or an owner the session no longer holds.
    // Long because it is a table: one arm per kind of owner.
    pub(super) fn owner_words(&self, s: &Session) -> Option<String> {
        use Field as F;
        let child = |c: &ChildId| Some(s.child_name(c));
        let person = |a: &AttendeeId| Some(s.attendee_name(a));
        let someone = |a: &Option<AttendeeId>| a.as_ref().map(|a| s.attendee_name(a));
        match self {
            F::ChildName(c)
            | F::ChildDateOfBirth(c)
            | F::ChildExpectedDelivery(c)
            | F::ChildOwnLetter(c)
            | F::ChildGender(c)
            | F::ChildSchool(c)
            | F::ChildSchoolYear(c)
            | F::ChildNhsNumber(c)
            | F::ChildLocalId(c)
            | F::ChildAddress(c)
            | F::ChildPreviousPlans(c)
            | F::DecisionOutcome(c)
            | F::DecisionCategories(c)
            | F::DecisionRationale(c)
            | F::DecisionLead(c)
            | F::DecisionCoreGroup(c)
            | F::DecisionFirstCoreGroup(c)
            | F::DecisionReviewDate(c)
            | F::DecisionFirstCoreGroupTime(c)
            | F::DecisionReviewTime(c)
            | F::DecisionDecidedAt(c)
            | F::CinReviewDate(c)
            | F::CinNextSteps(c)
            | F::DissentWho(c, _)
            | F::DissentWhy(c, _) => child(c),
            // The voice's labels already say whose ("Lily: In the child's words").
            F::VoiceMethod(_)
            | F::VoiceWords(_)
            | F::VoiceGoodThings(_)
            | F::VoiceWorries(_)
            | F::VoiceDreams(_) => None,
            F::AttendeeName(a)
            | F::AttendeeRole(a)
            | F::AttendeeAgency(a)
            | F::AttendeeAgencyKind(a)
            | F::AttendeeAttendance(a)
            | F::AttendeeJoinedAt(a)
            | F::AttendeeLeftAt(a)
            | F::AttendeeDirectContact(a)
            | F::AttendeeGivesRecommendation(a)
            | F::AttendeeReportReceived(a)
            | F::AttendeeReportShared(a) => person(a),
            F::ScoreEntry(a, c) => Some(person_for_child(s, a, c)),
            F::HouseholdName(i) | F::HouseholdRelationship(i) | F::HouseholdIsChild(i) => {
                find(&s.household, i).map(|m| named(&m.name))
            }
            F::NetworkName(i) | F::NetworkRelationship(i) | F::NetworkWillDo(i) => {
                find(&s.safety_network, i).map(|m| named(&m.name))
            }
            F::PartPerson(i)
            | F::PartMovement(i)
            | F::PartWhich(i)
            | F::PartFrom(i)
            | F::PartTo(i) => find(&s.parts, i).and_then(|p| someone(&p.person)),
            F::ExclusionPerson(i)
            | F::ExclusionSeparate(i)
            | F::ExclusionGrounds(i)
            | F::ExclusionWhichPart(i)
            | F::ExclusionParts(i) => {
                find(&s.pre_meeting.exclusions, i).and_then(|x| someone(&x.person))
            }
            // Its label is the statement's own text.
            F::OpeningLocal(_) => None,
            F::DangerWhoIsWorried(i)
            | F::DangerWorry(i)
            | F::DangerIfNothingChanges(i)
            | F::DangerChildren(i)
            | F::DangerDispute(i) => find(&s.danger_statements, i).map(|d| quoted(&d.worry)),
            F::MapText(i)
            | F::MapColumn(i)
            | F::MapSaidBy(i)
            | F::MapChildren(i)
            | F::MapTag(i)
            | F::MapRestricted(i) => find(&s.map_items, i).map(|m| quoted(&m.text)),
            F::GoalParentsWill(i)
            | F::GoalChildExperience(i)
            | F::GoalProfessionalsSee(i)
            | F::GoalDangers(i) => find(&s.safety_goals, i).map(|g| quoted(&g.parents_will)),
            F::ActionWhat(g, i)
            | F::ActionWho(g, i)
            | F::ActionWhoPerson(g, i)
            | F::ActionRecurrence(g, i)
            | F::ActionUntil(g, i)
            | F::ActionByWhen(g, i)
            | F::ActionHowWeKnow(g, i)
            | F::ActionProgress(g, i) => find(&s.safety_goals, g)
                .and_then(|g| find(&g.actions, i))
                .map(|a| quoted(&a.what)),
            F::RecOutcome(i) | F::RecCategories(i) | F::RecReason(i) => {
                find(&s.recommendations, i).map(|r| person_for_child(s, &r.professional, &r.child))
            }
            F::AddendumWhat(i) | F::AddendumWhy(i) | F::AddendumBy(i) => {
                find(&s.addenda, i).map(|a| quoted(&a.what))
            }
            F::SetupKind
            | F::SetupDate
            | F::SetupTime
            | F::SetupVenueKind
            | F::SetupVenue
            | F::SetupChair
            | F::SetupFamilyReference
            | F::SetupStrategyDate
            | F::SetupPurpose
            | F::SetupSection47
            | F::SetupPreviousInquorate
            | F::ExplainedPurpose
            | F::ExplainedHowItRuns
            | F::ExplainedHowToContribute
            | F::ExplainedReportsShared
            | F::ExplainedSupporter
            | F::ExplainedComplaints
            | F::InterpreterNeeded
            | F::Language
            | F::Advocate
            | F::ParentsViews
            | F::OpeningConfidentiality
            | F::OpeningEquality
            | F::OpeningProfessionalDifference
            | F::OpeningComplaints
            | F::OpeningNotes
            | F::InquorateReason
            | F::InterimPlan
            | F::ReconveneDate
            | F::ScalingQuestion
            | F::ScalingNotes
            | F::BottomLines
            | F::ContingencyPlan
            | F::ChairRisks
            | F::ChairStrengths => None,
        }
    }
}

/// A name as given, or a placeholder for one not yet typed.
fn named(name: &str) -> String {
    if name.trim().is_empty() {
        "(unnamed)".into()
    } else {
        name.trim().to_string()
    }
}

/// A grid cell's owner: "Helen Marsh for Lily".
pub(super) fn person_for_child(s: &Session, person: &AttendeeId, child: &ChildId) -> String {
    format!(
        "{} for {}",
        s.attendee_name(person),
        first_name(&s.child_name(child))
    )
}

pub(super) fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// An item named by the start of its text: "'Claire walks both…'".
fn quoted(text: &str) -> String {
    first_words(text).unwrap_or_else(|| "an empty item".into())
}

/// The first line's first words, quoted ("'Ruth visits daily'"); None
/// when there are none. How a change to text is named to the chair.
pub(super) fn first_words(text: &str) -> Option<String> {
    let line = text.lines().next().unwrap_or("").trim();
    if line.is_empty() {
        return None;
    }
    let mut shown: String = line.chars().take(WORDS_SHOWN).collect();
    if line.chars().count() > WORDS_SHOWN {
        shown.push('…');
    }
    Some(format!("'{shown}'"))
}
