//! The closed vocabularies of the field. Each has a stable snake_case JSON
//! name and a plain-language label; `ALL` fixes the order a chair cycles
//! through them.

use serde::{Deserialize, Serialize};

/// A vocabulary the chair picks from with one key.
pub trait Choice: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn label(self) -> &'static str;

    /// The next value, wrapping round.
    fn cycled(self, forward: bool) -> Self {
        let all = Self::ALL;
        let i = all.iter().position(|c| *c == self).unwrap_or(0);
        let n = all.len();
        all[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $label:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }
    };
}

choice!(
    /// What kind of conference this is.
    ConferenceKind {
        Initial => "Initial (ICPC)",
        Review => "Review (RCPC)",
        PreBirth => "Pre-birth",
        TransferIn => "Transfer-in",
    }
);

impl ConferenceKind {
    /// Short code used in file names and lists.
    pub fn code(self) -> &'static str {
        match self {
            ConferenceKind::Initial => "icpc",
            ConferenceKind::Review => "rcpc",
            ConferenceKind::PreBirth => "prebirth",
            ConferenceKind::TransferIn => "transfer",
        }
    }
}

choice!(
    /// Whether the conference meets in a room or online.
    VenueKind {
        InPerson => "In person",
        Virtual => "Virtual",
        Hybrid => "Hybrid",
    }
);

choice!(
    /// How a person took part, as the register records it.
    Attendance {
        Present => "Present",
        Apologies => "Apologies",
        ReportOnly => "Report only",
        JoinedLate => "Joined late",
        LeftEarly => "Left early",
        Invited => "Invited (not yet marked)",
        DidNotAttend => "Invited, did not attend (no apologies)",
    }
);

impl Attendance {
    /// Counts towards quorum: in the room for at least part of it.
    pub fn is_present(self) -> bool {
        matches!(
            self,
            Attendance::Present | Attendance::JoinedLate | Attendance::LeftEarly
        )
    }
}

choice!(
    /// Agency kinds that matter for the quorum rule.
    AgencyKind {
        ChildrensSocialCare => "Children's social care",
        Police => "Police",
        Health => "Health",
        Education => "Education",
        Probation => "Probation",
        Housing => "Housing",
        Voluntary => "Voluntary sector",
        Family => "Family member",
        Supporter => "Supporter",
        Advocate => "Advocate",
        Interpreter => "Interpreter",
        Solicitor => "Solicitor",
        Chair => "Chair / minute taker",
        Other => "Other agency",
    }
);

impl AgencyKind {
    /// Professionals from an agency: not family, the chair, nor the people
    /// who are there for the family or to help it take part (supporter,
    /// advocate, interpreter, solicitor), who never count towards quorum.
    pub fn is_agency(self) -> bool {
        !matches!(
            self,
            AgencyKind::Family
                | AgencyKind::Supporter
                | AgencyKind::Advocate
                | AgencyKind::Interpreter
                | AgencyKind::Solicitor
                | AgencyKind::Chair
        )
    }
}

choice!(
    /// The four columns of the Signs of Safety map.
    Column {
        WorkingWell => "What's working well",
        Worried => "What are we worried about",
        Complicating => "What complicates things",
        NeedsToHappen => "What needs to happen",
    }
);

impl Column {
    /// For narrow screens.
    pub fn short_label(self) -> &'static str {
        match self {
            Column::WorkingWell => "Working well",
            Column::Worried => "Worries",
            Column::Complicating => "Complicating",
            Column::NeedsToHappen => "Next steps",
        }
    }
}

choice!(
    /// Optional tag on a map item.
    Tag {
        None => "(no tag)",
        Harm => "Past harm",
        Danger => "Future danger",
        Complicating => "Complicating factor",
        GreyArea => "Grey area",
        Strength => "Strength",
        ExistingSafety => "Existing safety",
    }
);

choice!(
    /// How the child's voice was gathered.
    VoiceMethod {
        NotYetGathered => "Not yet gathered",
        Attended => "Attended",
        Advocate => "Advocate",
        ThreeHouses => "Three Houses",
        Letter => "Letter",
        App => "App",
        SocialWorker => "Through the social worker",
        Observed => "Observed (a baby, or a child who does not speak)",
    }
);

choice!(
    /// An outcome for one child, in the order a conference asks it: is a
    /// child protection plan needed; if not, a child in need plan or no
    /// further action. So `c` alone chooses a child protection plan.
    Outcome {
        Undecided => "Not yet decided",
        ChildProtectionPlan => "Child protection plan",
        ChildInNeed => "Child in need plan",
        NoFurtherAction => "No further action",
    }
);

choice!(
    /// How far an action from the last conference has been done.
    ActionProgress {
        NotReviewed => "Not yet reviewed",
        Done => "Done",
        Partly => "Partly done",
        NotDone => "Not done",
    }
);

// Written out because the `choice!` macro's derives cannot mark a variant
// `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for ActionProgress {
    fn default() -> Self {
        ActionProgress::NotReviewed
    }
}

choice!(
    /// Categories of a child protection plan.
    Category {
        Neglect => "Neglect",
        PhysicalAbuse => "Physical abuse",
        SexualAbuse => "Sexual abuse",
        EmotionalAbuse => "Emotional abuse",
        FinancialAbuse => "Financial abuse",
    }
);

impl Category {
    /// The four categories every area uses; others (financial abuse in
    /// Wales) are offered only where the local rules name them.
    pub const NATIONAL: [Category; 4] = [
        Category::Neglect,
        Category::PhysicalAbuse,
        Category::SexualAbuse,
        Category::EmotionalAbuse,
    ];

    /// The Children in Need census code (England), where one exists.
    pub fn census_code(self) -> Option<&'static str> {
        match self {
            Category::Neglect => Some("NEG"),
            Category::PhysicalAbuse => Some("PHY"),
            Category::SexualAbuse => Some("SAB"),
            Category::EmotionalAbuse => Some("EMO"),
            Category::FinancialAbuse => None,
        }
    }
}

choice!(
    /// The child's gender as the census records it (GenderCurrent).
    Gender {
        NotRecorded => "Not recorded",
        Female => "Female",
        Male => "Male",
        NotKnown => "Not known",
        NotSpecified => "Not specified",
    }
);

impl Gender {
    /// The census code: 0 not known, 1 male, 2 female, 9 not specified.
    pub fn census_code(self) -> Option<&'static str> {
        match self {
            Gender::NotRecorded => None,
            Gender::NotKnown => Some("0"),
            Gender::Male => Some("1"),
            Gender::Female => Some("2"),
            Gender::NotSpecified => Some("9"),
        }
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Gender {
    fn default() -> Self {
        Gender::NotRecorded
    }
}

choice!(
    /// How often an action happens.
    Recurrence {
        Once => "Once",
        Daily => "Every day",
        Weekly => "Every week",
        Fortnightly => "Every two weeks",
        Monthly => "Every month",
    }
);

#[allow(clippy::derivable_impls)]
impl Default for Recurrence {
    fn default() -> Self {
        Recurrence::Once
    }
}

choice!(
    /// Whether a person was out of the room for a part, or there only for it.
    PartMovement {
        LeftFor => "Left the room for",
        JoinedFor => "Joined only for",
    }
);

choice!(
    /// Where a session stands.
    Status {
        InProgress => "In progress",
        Finalised => "Finalised",
    }
);
