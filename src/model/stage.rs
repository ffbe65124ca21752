//! The agenda: the nine stages of a conference, in order.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Setup,
    PreMeeting,
    Introductions,
    DangerStatements,
    Map,
    Scaling,
    SafetyGoals,
    Recommendations,
    Decision,
    /// Not an agenda stage: sign-off, addenda and the audit trail.
    Record,
}

impl Stage {
    pub const ALL: [Stage; 9] = [
        Stage::Setup,
        Stage::PreMeeting,
        Stage::Introductions,
        Stage::DangerStatements,
        Stage::Map,
        Stage::Scaling,
        Stage::SafetyGoals,
        Stage::Recommendations,
        Stage::Decision,
    ];

    /// Every screen of a session, in order: the agenda, then the record.
    pub const SCREENS: [Stage; 10] = [
        Stage::Setup,
        Stage::PreMeeting,
        Stage::Introductions,
        Stage::DangerStatements,
        Stage::Map,
        Stage::Scaling,
        Stage::SafetyGoals,
        Stage::Recommendations,
        Stage::Decision,
        Stage::Record,
    ];

    /// The number shown to the chair (0 to 8 for the agenda, 9 the record).
    pub fn number(self) -> usize {
        Self::SCREENS.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// Part of the meeting's agenda (the record screen is not).
    pub fn is_agenda(self) -> bool {
        self != Stage::Record
    }

    pub fn title(self) -> &'static str {
        match self {
            Stage::Setup => "Setup",
            Stage::PreMeeting => "Parents' pre-meeting",
            Stage::Introductions => "Introductions",
            Stage::DangerStatements => "Danger statements",
            Stage::Map => "The map",
            Stage::Scaling => "Scaling",
            Stage::SafetyGoals => "Safety goals",
            Stage::Recommendations => "Recommendations",
            Stage::Decision => "Chair's decision",
            Stage::Record => "Record and sign-off",
        }
    }

    /// A shorter title for a narrow sidebar.
    pub fn short_title(self) -> &'static str {
        match self {
            Stage::Setup => "Setup",
            Stage::PreMeeting => "Pre-meeting",
            Stage::Introductions => "Intros",
            Stage::DangerStatements => "Dangers",
            Stage::Map => "The map",
            Stage::Scaling => "Scaling",
            Stage::SafetyGoals => "Goals",
            Stage::Recommendations => "Recommend",
            Stage::Decision => "Decision",
            Stage::Record => "Record",
        }
    }

    pub fn next(self) -> Option<Stage> {
        Self::SCREENS.get(self.number() + 1).copied()
    }

    pub fn previous(self) -> Option<Stage> {
        self.number().checked_sub(1).map(|n| Self::SCREENS[n])
    }
}
