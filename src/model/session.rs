//! The session: one conference about one family. Everything a chair records
//! lives here; it is what is saved as JSON.
//!
//! Records refuse keys they do not know (`deny_unknown_fields`): a save
//! would drop them silently, so such a file is refused with the key, line
//! and column named. Unknown top-level keys are kept (`Session::extra`).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::choices::*;
use super::ids::{AttendeeId, ChildId, ItemId};
use super::stage::Stage;

/// The version of the file format this build writes. Older versions are
/// migrated on load; newer ones are refused.
pub const SCHEMA_VERSION: u32 = 2;

/// A moment, kept with the chair's UTC offset so files read naturally.
pub type Timestamp = DateTime<FixedOffset>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub schema_version: u32,
    /// A stable id, kept when the file is renamed or copied.
    pub id: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub status: Status,
    #[serde(default)]
    pub finalised: Option<Finalisation>,
    pub setup: Setup,
    #[serde(default)]
    pub children: Vec<Child>,
    #[serde(default)]
    pub attendees: Vec<Attendee>,
    #[serde(default)]
    pub pre_meeting: PreMeeting,
    #[serde(default)]
    pub opening_statements: OpeningStatements,
    /// Why the conference went ahead although it was not quorate.
    #[serde(default)]
    pub inquorate_reason: String,
    /// When it was not quorate at the decision: the interim plan and the
    /// date it reconvenes.
    #[serde(default)]
    pub inquorate: InquorateOutcome,
    /// Who was out of the room for a part, or there only for a part.
    #[serde(default)]
    pub parts: Vec<PartAttendance>,
    /// The adults and children living in the household.
    #[serde(default)]
    pub household: Vec<HouseholdMember>,
    /// The people around the family who will help keep the children safe.
    #[serde(default)]
    pub safety_network: Vec<NetworkMember>,
    #[serde(default)]
    pub danger_statements: Vec<DangerStatement>,
    #[serde(default)]
    pub map_items: Vec<MapItem>,
    #[serde(default)]
    pub child_voices: Vec<ChildVoice>,
    #[serde(default)]
    pub scaling: Scaling,
    #[serde(default)]
    pub safety_goals: Vec<SafetyGoal>,
    #[serde(default)]
    pub bottom_lines: String,
    #[serde(default)]
    pub contingency_plan: String,
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// The chair's summary of the risks and strengths, at the decision.
    #[serde(default)]
    pub chair_summary: ChairSummary,
    /// Each time a stage was open: when it started and ended.
    #[serde(default)]
    pub stage_visits: Vec<StageVisit>,
    /// Dated additions made after the record was finalised.
    #[serde(default)]
    pub addenda: Vec<Addendum>,
    /// When the letters and the record were sent (after sign-off).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distribution: Vec<super::distribution::SentMark>,
    /// Every change, oldest first. Append-only: undo adds an entry rather
    /// than removing one.
    #[serde(default)]
    pub audit: Vec<AuditEntry>,
    /// The next number to use for a new id; ids are never reused.
    pub next_id: u64,
    /// The item whose record form the chair has open: still being written,
    /// its restricted flag perhaps not yet decided, so the projector leaves
    /// it out. Written only while a form is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafting: Option<ItemId>,
    /// Top-level keys this build does not know (from another tool or a
    /// newer minor edit), kept as they were through every save.
    #[serde(flatten)]
    pub extra: std::collections::BTreeMap<String, serde_json::Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finalisation {
    pub at: Timestamp,
    pub by: String,
    /// SHA-256 of the session's canonical content when it was finalised;
    /// see `Session::content_hash`.
    #[serde(default)]
    pub content_sha256: String,
}

/// One change, as the audit trail records it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    pub at: Timestamp,
    pub stage: Stage,
    /// What changed, in a few words: "edited Map › Text (item-12)".
    pub what: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Addendum {
    pub id: ItemId,
    pub at: Timestamp,
    pub by: String,
    pub what: String,
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setup {
    pub kind: ConferenceKind,
    pub date: Option<NaiveDate>,
    pub start_time: Option<NaiveTime>,
    pub venue_kind: VenueKind,
    /// Room and address, or the link/platform for a virtual conference.
    pub venue: String,
    pub chair: String,
    pub family_reference: String,
    /// For an initial conference: the strategy discussion it follows.
    pub strategy_discussion_date: Option<NaiveDate>,
    /// For a review: the conference it follows.
    #[serde(default)]
    pub previous_session: Option<PreviousSession>,
    /// Why the conference is held (e.g. "to decide whether Kacey and Rory
    /// need a child protection plan").
    #[serde(default)]
    pub purpose: String,
    /// What the section 47 enquiry found.
    #[serde(default)]
    pub section_47_outcome: String,
    /// The family's previous conference was inquorate: a second in a row is
    /// not allowed, so the chair is warned.
    #[serde(default)]
    pub previous_inquorate: bool,
}

/// The inquorate path: an interim plan until the conference reconvenes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InquorateOutcome {
    pub interim_plan: String,
    pub reconvene_date: Option<NaiveDate>,
}

/// The chair's summary at the decision stage, printed in the record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChairSummary {
    pub risks: String,
    pub strengths: String,
}

/// One person out of the room for a part of the conference, or there only
/// for a part; times are the clock in the room.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartAttendance {
    pub id: ItemId,
    pub person: Option<AttendeeId>,
    pub movement: PartMovement,
    /// Which part, in the chair's words ("the police information").
    pub part: String,
    pub from: Option<NaiveTime>,
    pub to: Option<NaiveTime>,
}

/// Someone living in the household.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseholdMember {
    pub id: ItemId,
    pub name: String,
    /// Relationship to the children ("mother", "half-brother").
    pub relationship: String,
    /// A child of the household rather than an adult.
    pub is_child: bool,
}

/// Someone in the family's safety network.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkMember {
    pub id: ItemId,
    pub name: String,
    pub relationship: String,
    /// What they will do to help keep the children safe.
    pub will_do: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousSession {
    pub id: String,
    pub file: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Child {
    pub id: ChildId,
    pub name: String,
    pub date_of_birth: Option<NaiveDate>,
    /// For an unborn child: the expected date of delivery.
    pub expected_delivery: Option<NaiveDate>,
    #[serde(default)]
    pub gender: Gender,
    #[serde(default)]
    pub school: String,
    #[serde(default)]
    pub school_year: String,
    /// Ten digits, kept as typed in groups ("943 476 5919"); checked with
    /// its modulus 11 check digit when entered.
    #[serde(default)]
    pub nhs_number: String,
    /// The local authority's id for the child (the census LAchildID).
    #[serde(default)]
    pub local_id: String,
    #[serde(default)]
    pub address: String,
    /// Child protection plans the child had before this one (census
    /// NumberOfPreviousCPP); `None` when not recorded.
    #[serde(default)]
    pub previous_plans: Option<u32>,
    /// The chair writes this child a letter of their own, in plain words.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_letter: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    pub id: AttendeeId,
    pub name: String,
    pub role: String,
    pub agency: String,
    pub agency_kind: AgencyKind,
    pub attendance: Attendance,
    pub joined_at: Option<NaiveTime>,
    pub left_at: Option<NaiveTime>,
    /// The agency has direct contact with the child: quorum may count
    /// only such agencies (a local rule).
    #[serde(default)]
    pub direct_contact: bool,
    /// Gives a professional recommendation (one voice per agency).
    pub gives_recommendation: bool,
    pub report_received: bool,
    pub report_shared_with_parents: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreMeeting {
    pub explained_purpose: bool,
    pub explained_how_it_runs: bool,
    pub explained_how_to_contribute: bool,
    pub explained_reports_shared: bool,
    pub explained_supporter_advocate_solicitor: bool,
    pub explained_complaints: bool,
    pub interpreter_needed: bool,
    /// The family's language, and the interpreter's name if one attends.
    pub language: String,
    pub advocate: String,
    pub parents_views: String,
    #[serde(default)]
    pub exclusions: Vec<Exclusion>,
}

/// A parent excluded from part of the conference, or family members who
/// attend separately.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    pub id: ItemId,
    pub person: Option<AttendeeId>,
    pub grounds: String,
    pub which_part: String,
    /// True when this is separate attendance rather than exclusion.
    pub separate_attendance: bool,
    /// The agenda parts the person was not in the room for: their own copy
    /// and letter leave these parts out (see `export::parts`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Stage>,
}

/// The four statements every conference opens with, as a checklist names
/// them.
pub const STANDARD_OPENING_STATEMENTS: [&str; 4] = [
    "Confidentiality",
    "Equality and diversity",
    "Professional difference",
    "Complaints",
];

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpeningStatements {
    pub confidentiality: bool,
    pub equality: bool,
    pub professional_difference: bool,
    pub complaints: bool,
    /// Statements the local rules add to the four above, fixed when the
    /// session was created so the record says what was on the checklist.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local: Vec<LocalStatement>,
    /// What was raised as the statements were given (a question about
    /// recording, a parent asking for breaks). Also where words typed on
    /// the checklist's tick boxes go, so none is lost. Left out of the file
    /// when empty, so files without notes open in earlier builds.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// One locally added opening statement, and whether it was given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalStatement {
    pub id: ItemId,
    pub text: String,
    pub given: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DangerStatement {
    pub id: ItemId,
    pub who_is_worried: String,
    pub worry: String,
    pub if_nothing_changes: String,
    pub children: Vec<ChildId>,
    /// Where someone (often the parents) disagrees, in their words.
    pub dispute: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapItem {
    pub id: ItemId,
    pub column: Column,
    pub text: String,
    pub said_by: Option<AttendeeId>,
    pub children: Vec<ChildId>,
    pub tag: Tag,
    /// Not shared with the family: never in their copy or on a projector.
    pub restricted: bool,
    /// Carried from the previous conference, for the chair to keep or drop.
    #[serde(default)]
    pub from_last_conference: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildVoice {
    pub child: ChildId,
    pub method: VoiceMethod,
    /// The child's own words.
    pub words: String,
    /// Three Houses: the house of good things, of worries, of dreams.
    #[serde(default)]
    pub good_things: String,
    #[serde(default)]
    pub worries: String,
    #[serde(default)]
    pub dreams: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scaling {
    /// The question as put in the room; empty means the default wording.
    pub question: String,
    /// What 0 stood for, when the local rules put their own question
    /// (saved with the session, so copies explain the scale that was
    /// used); empty with the default question.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub zero_means: String,
    /// What 10 stood for, as `zero_means`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ten_means: String,
    pub scores: Vec<Score>,
    /// What was said as the scores were given that is no one's score ("mum
    /// asked what 0 means"). Also where words typed on a score cell that
    /// are not a score go, so none is lost. Left out of the file when
    /// empty, so files without notes open in earlier builds.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The last conference's scores, shown beside today's at a review.
    #[serde(default)]
    pub previous_scores: Vec<PreviousScore>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    pub id: ItemId,
    pub person: AttendeeId,
    pub child: ChildId,
    /// 0 to 10.
    pub score: u8,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousScore {
    pub person_name: String,
    pub agency: String,
    pub child: ChildId,
    pub score: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyGoal {
    pub id: ItemId,
    /// What the parents will be doing.
    pub parents_will: String,
    /// What the child will experience.
    pub child_will_experience: String,
    /// What professionals will see.
    pub professionals_will_see: String,
    /// The danger statements this goal answers.
    pub danger_statements: Vec<ItemId>,
    pub actions: Vec<SafetyAction>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyAction {
    pub id: ItemId,
    pub what: String,
    /// Who, in the chair's words; `who_person` when chosen from the
    /// register or the family.
    pub who: String,
    #[serde(default)]
    pub who_person: Option<AttendeeId>,
    pub by_when: Option<NaiveDate>,
    #[serde(default)]
    pub recurrence: Recurrence,
    /// For a recurring action: until when (none means until the plan ends).
    #[serde(default)]
    pub until: Option<NaiveDate>,
    pub how_we_will_know: String,
    /// At a review: how far it was done since the last conference.
    #[serde(default)]
    pub progress: ActionProgress,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    pub id: ItemId,
    pub professional: AttendeeId,
    pub child: ChildId,
    pub outcome: Outcome,
    pub categories: Vec<Category>,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub child: ChildId,
    pub outcome: Outcome,
    pub categories: Vec<Category>,
    pub rationale: String,
    /// Kept in step with the recommendations by `Session::refresh_derived`.
    pub differs_from_recommendations: bool,
    pub dissents: Vec<Dissent>,
    pub plan: PlanDetails,
    /// When the chair decided (the clock in the room): quorum is counted
    /// at this moment.
    #[serde(default)]
    pub decided_at: Option<NaiveTime>,
    /// For a child in need plan: its review date and next steps.
    #[serde(default)]
    pub child_in_need: ChildInNeedPlan,
    /// At a review: the last conference's decision, shown so the chair
    /// re-confirms the categories rather than carrying them silently.
    #[serde(default)]
    pub previous: Option<PreviousDecision>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildInNeedPlan {
    pub review_date: Option<NaiveDate>,
    pub next_steps: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousDecision {
    pub outcome: Outcome,
    pub categories: Vec<Category>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dissent {
    pub id: ItemId,
    pub who: Option<AttendeeId>,
    pub why: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanDetails {
    pub lead_social_worker: Option<AttendeeId>,
    pub core_group: Vec<AttendeeId>,
    pub first_core_group: Option<NaiveDate>,
    pub review_date: Option<NaiveDate>,
    /// The times of day, for the letters; optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_core_group_time: Option<NaiveTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_time: Option<NaiveTime>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageVisit {
    pub stage: Stage,
    pub started_at: Timestamp,
    pub ended_at: Option<Timestamp>,
}
