//! What each field is called and how it is edited.

use super::field::{Field, FieldKind};

impl Field {
    /// The label as shown in a form: per-child fields that sit side by side
    /// in one form say which child they are about.
    pub fn label_in(&self, s: &crate::model::Session) -> String {
        match self {
            Field::VoiceMethod(c)
            | Field::VoiceWords(c)
            | Field::VoiceGoodThings(c)
            | Field::VoiceWorries(c)
            | Field::VoiceDreams(c) => {
                let name = s.child_name(c);
                let first = name.split_whitespace().next().unwrap_or("").to_string();
                format!("{first}: {}", self.label())
            }
            Field::OpeningLocal(id) => super::field::find(&s.opening_statements.local, id)
                .map_or_else(|| self.label().to_string(), |o| o.text.clone()),
            _ => self.label().to_string(),
        }
    }

    /// A compact description for the audit trail: "Text (item-12)".
    pub fn describe(&self) -> String {
        let of = serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("of").cloned())
            .map(|v| match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Array(parts) => parts
                    .iter()
                    .filter_map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join("/"),
                other => other.to_string(),
            });
        match of {
            Some(id) => format!("{} ({id})", self.label()),
            None => self.label().to_string(),
        }
    }

    /// An addendum may be written after the record is finalised.
    pub fn is_addendum(&self) -> bool {
        matches!(
            self,
            Field::AddendumWhat(_) | Field::AddendumWhy(_) | Field::AddendumBy(_)
        )
    }

    // Long because it is a table: one arm per field, as `Field` lists them.
    pub fn label(&self) -> &'static str {
        use Field as F;
        match self {
            F::SetupKind => "Kind of conference",
            F::SetupDate => "Date",
            F::SetupTime => "Start time",
            F::SetupVenueKind => "Venue kind",
            F::SetupVenue => "Venue or link",
            F::SetupChair => "Chair",
            F::SetupFamilyReference => "Family reference",
            F::SetupStrategyDate => "Strategy discussion",
            F::SetupPurpose => "Purpose of the conference",
            F::SetupSection47 => "Outcome of the section 47 enquiry",
            F::SetupPreviousInquorate => "The family's last conference was inquorate",
            F::ChildGender(_) => "Gender",
            F::ChildSchool(_) => "School or nursery",
            F::ChildSchoolYear(_) => "School year",
            F::ChildNhsNumber(_) => "NHS number",
            F::ChildLocalId(_) => "Local child id",
            F::ChildAddress(_) => "Address",
            F::ChildPreviousPlans(_) => "Previous child protection plans",
            F::HouseholdName(_) => "Name",
            F::HouseholdRelationship(_) => "Relationship to the children",
            F::HouseholdIsChild(_) => "A child of the household",
            F::NetworkName(_) => "Name",
            F::NetworkRelationship(_) => "Relationship to the family",
            F::NetworkWillDo(_) => "What they will do",
            F::AttendeeDirectContact(_) => "Agency has direct contact with the child",
            F::PartPerson(_) => "Who",
            F::PartMovement(_) => "Left or joined",
            F::PartWhich(_) => "Which part",
            F::PartFrom(_) => "From",
            F::PartTo(_) => "To",
            F::InterimPlan => "Interim plan until it reconvenes",
            F::ReconveneDate => "Reconvenes on",
            F::VoiceGoodThings(_) => "House of good things",
            F::VoiceWorries(_) => "House of worries",
            F::VoiceDreams(_) => "House of hopes and dreams",
            F::ActionWhoPerson(..) => "Who, from the register",
            F::ActionRecurrence(..) => "How often",
            F::ActionUntil(..) => "Until",
            F::DecisionDecidedAt(_) => "Decided at",
            F::CinReviewDate(_) => "Child in need review",
            F::CinNextSteps(_) => "Next steps (child in need plan)",
            F::ChairRisks => "Chair's summary: risks",
            F::ChairStrengths => "Chair's summary: strengths",
            F::ChildName(_) => "Name",
            F::ChildDateOfBirth(_) => "Date of birth",
            F::ChildExpectedDelivery(_) => "Expected delivery (unborn)",
            F::ChildOwnLetter(_) => "Gets a letter of their own (plain words)",
            F::AttendeeName(_) => "Name",
            F::AttendeeRole(_) => "Role",
            F::AttendeeAgency(_) => "Agency",
            F::AttendeeAgencyKind(_) => "Agency kind",
            F::AttendeeAttendance(_) => "Attendance",
            F::AttendeeJoinedAt(_) => "Joined at",
            F::AttendeeLeftAt(_) => "Left at",
            F::AttendeeGivesRecommendation(_) => "Gives a recommendation",
            F::AttendeeReportReceived(_) => "Report received",
            F::AttendeeReportShared(_) => "Report shared with parents",
            F::ExplainedPurpose => "Explained: purpose of the conference",
            F::ExplainedHowItRuns => "Explained: how it runs",
            F::ExplainedHowToContribute => "Explained: how to contribute",
            F::ExplainedReportsShared => "Explained: reports shared",
            F::ExplainedSupporter => "Explained: supporter, advocate, solicitor",
            F::ExplainedComplaints => "Explained: how to complain",
            F::InterpreterNeeded => "Interpreter needed",
            F::Language => "Language / interpreter",
            F::Advocate => "Advocate or supporter",
            F::ParentsViews => "Parents' first views",
            F::ExclusionPerson(_) => "Who",
            F::ExclusionSeparate(_) => "Separate attendance (not exclusion)",
            F::ExclusionGrounds(_) => "Grounds",
            F::ExclusionWhichPart(_) => "Which part",
            F::ExclusionParts(_) => "Left out of their copy (parts missed)",
            F::OpeningConfidentiality => "Confidentiality",
            F::OpeningEquality => "Equality and diversity",
            F::OpeningProfessionalDifference => "Professional difference",
            F::OpeningComplaints => "Complaints",
            F::OpeningLocal(_) => "Opening statement",
            F::OpeningNotes => "Notes on the opening",
            F::InquorateReason => "Why it went ahead inquorate",
            F::DangerWhoIsWorried(_) => "Who is worried",
            F::DangerWorry(_) => "What about",
            F::DangerIfNothingChanges(_) => "If nothing changes",
            F::DangerChildren(_) => "Children",
            F::DangerDispute(_) => "Dispute",
            F::MapText(_) => "Text",
            F::MapColumn(_) => "Column",
            F::MapSaidBy(_) => "Said by",
            F::MapChildren(_) => "Children",
            F::MapTag(_) => "Tag",
            F::MapRestricted(_) => "Restricted (not shared with family)",
            F::VoiceMethod(_) => "How gathered",
            F::VoiceWords(_) => "In the child's words",
            F::ScalingQuestion => "Scaling question",
            F::ScalingNotes => "Notes on the scaling",
            F::ScoreEntry(..) => "Score (0-10) and reason",
            F::GoalParentsWill(_) => "Parents will be",
            F::GoalChildExperience(_) => "The child will experience",
            F::GoalProfessionalsSee(_) => "Professionals will see",
            F::GoalDangers(_) => "Answers danger statements",
            F::ActionWhat(..) => "What",
            F::ActionWho(..) => "Who",
            F::ActionByWhen(..) => "By when",
            F::ActionHowWeKnow(..) => "How we will know",
            F::ActionProgress(..) => "Progress since last conference",
            F::BottomLines => "Bottom lines",
            F::ContingencyPlan => "Contingency plan",
            F::RecOutcome(_) => "Recommends",
            F::RecCategories(_) => "Categories",
            F::RecReason(_) => "Reason",
            F::DecisionOutcome(_) => "Outcome",
            F::DecisionCategories(_) => "Categories",
            F::DecisionRationale(_) => "Rationale",
            F::DecisionLead(_) => "Lead social worker",
            F::DecisionCoreGroup(_) => "Core group",
            F::DecisionFirstCoreGroup(_) => "First core group",
            F::DecisionReviewDate(_) => "Review conference",
            F::DecisionFirstCoreGroupTime(_) => "First core group time",
            F::DecisionReviewTime(_) => "Review conference time",
            F::DissentWho(..) => "Who dissents",
            F::DissentWhy(..) => "Why",
            F::AddendumWhat(_) => "What is added or corrected",
            F::AddendumWhy(_) => "Why",
            F::AddendumBy(_) => "By",
        }
    }

    // Long because it is a table: one arm per field, as `Field` lists them.
    pub fn kind(&self) -> FieldKind {
        use Field as F;
        use FieldKind as K;
        match self {
            F::SetupKind
            | F::SetupVenueKind
            | F::AttendeeAgencyKind(_)
            | F::AttendeeAttendance(_)
            | F::MapColumn(_)
            | F::MapTag(_)
            | F::VoiceMethod(_)
            | F::RecOutcome(_)
            | F::DecisionOutcome(_)
            | F::ChildGender(_)
            | F::PartMovement(_)
            | F::ActionRecurrence(..)
            | F::ActionProgress(..) => K::Choice,
            F::SetupDate
            | F::SetupStrategyDate
            | F::ChildDateOfBirth(_)
            | F::ChildExpectedDelivery(_)
            | F::ActionByWhen(..)
            | F::DecisionFirstCoreGroup(_)
            | F::DecisionReviewDate(_)
            | F::ReconveneDate
            | F::ActionUntil(..)
            | F::CinReviewDate(_) => K::Date,
            F::SetupTime
            | F::AttendeeJoinedAt(_)
            | F::AttendeeLeftAt(_)
            | F::PartFrom(_)
            | F::PartTo(_)
            | F::DecisionDecidedAt(_)
            | F::DecisionFirstCoreGroupTime(_)
            | F::DecisionReviewTime(_) => K::Time,
            F::AttendeeGivesRecommendation(_)
            | F::AttendeeReportReceived(_)
            | F::AttendeeReportShared(_)
            | F::ExplainedPurpose
            | F::ExplainedHowItRuns
            | F::ExplainedHowToContribute
            | F::ExplainedReportsShared
            | F::ExplainedSupporter
            | F::ExplainedComplaints
            | F::InterpreterNeeded
            | F::ExclusionSeparate(_)
            | F::ChildOwnLetter(_)
            | F::OpeningConfidentiality
            | F::OpeningEquality
            | F::OpeningProfessionalDifference
            | F::OpeningComplaints
            | F::OpeningLocal(_)
            | F::MapRestricted(_)
            | F::SetupPreviousInquorate
            | F::HouseholdIsChild(_)
            | F::AttendeeDirectContact(_) => K::Toggle,
            F::ExclusionPerson(_)
            | F::MapSaidBy(_)
            | F::DecisionLead(_)
            | F::DissentWho(..)
            | F::PartPerson(_)
            | F::ActionWhoPerson(..) => K::PickOne,
            F::DangerChildren(_)
            | F::MapChildren(_)
            | F::GoalDangers(_)
            | F::RecCategories(_)
            | F::DecisionCategories(_)
            | F::DecisionCoreGroup(_)
            | F::ExclusionParts(_) => K::PickMany,
            F::ScoreEntry(..) => K::Score,
            F::ParentsViews
            | F::ExclusionGrounds(_)
            | F::InquorateReason
            | F::DangerWorry(_)
            | F::DangerIfNothingChanges(_)
            | F::DangerDispute(_)
            | F::MapText(_)
            | F::VoiceWords(_)
            | F::ScalingQuestion
            | F::GoalParentsWill(_)
            | F::GoalChildExperience(_)
            | F::GoalProfessionalsSee(_)
            | F::ActionWhat(..)
            | F::ActionHowWeKnow(..)
            | F::BottomLines
            | F::ContingencyPlan
            | F::RecReason(_)
            | F::DecisionRationale(_)
            | F::DissentWhy(..)
            | F::AddendumWhat(_)
            | F::AddendumWhy(_)
            | F::SetupPurpose
            | F::SetupSection47
            | F::InterimPlan
            | F::OpeningNotes
            | F::ScalingNotes
            | F::VoiceGoodThings(_)
            | F::VoiceWorries(_)
            | F::VoiceDreams(_)
            | F::CinNextSteps(_)
            | F::ChairRisks
            | F::ChairStrengths
            | F::NetworkWillDo(_) => K::Lines,
            F::SetupVenue
            | F::SetupChair
            | F::SetupFamilyReference
            | F::ChildName(_)
            | F::AttendeeName(_)
            | F::AttendeeRole(_)
            | F::AttendeeAgency(_)
            | F::Language
            | F::Advocate
            | F::ExclusionWhichPart(_)
            | F::DangerWhoIsWorried(_)
            | F::ActionWho(..)
            | F::AddendumBy(_)
            | F::ChildSchool(_)
            | F::ChildSchoolYear(_)
            | F::ChildNhsNumber(_)
            | F::ChildLocalId(_)
            | F::ChildAddress(_)
            | F::ChildPreviousPlans(_)
            | F::HouseholdName(_)
            | F::HouseholdRelationship(_)
            | F::NetworkName(_)
            | F::NetworkRelationship(_)
            | F::PartWhich(_) => K::Line,
        }
    }
}
