//! What each stage is made of: forms, lists and grids, and the operations on
//! list rows. The screen draws these; `update` moves through them.

use super::field::{Field, find};
use crate::model::*;

mod records;
pub use records::{add_record, delete_record, list_key_refs, list_keys, list_len, record_fields};

/// A list of records the chair can add to, open and delete from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ListKind {
    Children,
    Attendees,
    /// Who was out of the room for a part, or there only for a part.
    Parts,
    /// The adults and children living in the household.
    Household,
    /// The family's safety network.
    Network,
    Exclusions,
    Dangers,
    Map(Column),
    Goals,
    Actions(ItemId),
    DecisionChildren,
    Dissents(ChildId),
    /// Dated additions after finalisation.
    Addenda,
    /// The audit trail: read-only.
    Audit,
}

impl ListKind {
    /// What one row is called, for messages and the audit trail.
    pub fn noun(&self) -> &'static str {
        match self {
            ListKind::Children | ListKind::DecisionChildren => "child",
            ListKind::Attendees => "person",
            ListKind::Parts => "part attended",
            ListKind::Household => "household member",
            ListKind::Network => "safety network member",
            ListKind::Exclusions => "exclusion",
            ListKind::Dangers => "danger statement",
            ListKind::Map(_) => "map item",
            ListKind::Goals => "safety goal",
            ListKind::Actions(_) => "action",
            ListKind::Dissents(_) => "dissent",
            ListKind::Addenda => "addendum",
            ListKind::Audit => "audit entry",
        }
    }
}

/// People down the side, children across the top.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridKind {
    Scaling,
    Recommendations,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PaneContent {
    Form(Vec<Field>),
    List(ListKind),
    Grid(GridKind),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pane {
    pub title: String,
    /// Used instead of the title when the pane is narrow.
    pub short: String,
    pub content: PaneContent,
}

impl Pane {
    fn form(title: &str, fields: Vec<Field>) -> Self {
        Pane {
            title: title.into(),
            short: title.into(),
            content: PaneContent::Form(fields),
        }
    }
    fn list(title: &str, kind: ListKind) -> Self {
        Pane {
            title: title.into(),
            short: title.into(),
            content: PaneContent::List(kind),
        }
    }
    fn grid(title: &str, kind: GridKind) -> Self {
        Pane {
            title: title.into(),
            short: title.into(),
            content: PaneContent::Grid(kind),
        }
    }
    fn short(mut self, short: &str) -> Self {
        self.short = short.into();
        self
    }
}

/// The panes of a stage. `first_row` is the row chosen in its first pane,
/// which the panes after it may depend on (a goal's actions, a child's
/// decision); nothing else but the session and the stage shapes them
/// (`App::panes` keeps them on that understanding).
// Long because it is a table: one arm per stage, its panes in screen order.
pub fn stage_panes(s: &Session, stage: Stage, first_row: usize) -> Vec<Pane> {
    use Field as F;
    match stage {
        Stage::Setup => vec![
            Pane::form(
                "Conference",
                vec![
                    F::SetupKind,
                    F::SetupDate,
                    F::SetupTime,
                    F::SetupVenueKind,
                    F::SetupVenue,
                    F::SetupChair,
                    F::SetupFamilyReference,
                    F::SetupStrategyDate,
                    F::SetupPurpose,
                    F::SetupSection47,
                    F::SetupPreviousInquorate,
                ],
            ),
            Pane::list("Children", ListKind::Children),
            Pane::list("Household", ListKind::Household),
            Pane::list("Safety network", ListKind::Network).short("Network"),
        ],
        Stage::PreMeeting => vec![
            Pane::form(
                "What the chair explained",
                vec![
                    F::ExplainedPurpose,
                    F::ExplainedHowItRuns,
                    F::ExplainedHowToContribute,
                    F::ExplainedReportsShared,
                    F::ExplainedSupporter,
                    F::ExplainedComplaints,
                    F::InterpreterNeeded,
                    F::Language,
                    F::Advocate,
                    F::ParentsViews,
                ],
            ),
            Pane::list("Exclusion / separate attendance", ListKind::Exclusions).short("Exclusions"),
        ],
        Stage::Introductions => vec![
            Pane::list("Attendance register", ListKind::Attendees),
            Pane::form("Opening statements", {
                let mut fields = vec![
                    F::OpeningConfidentiality,
                    F::OpeningEquality,
                    F::OpeningProfessionalDifference,
                    F::OpeningComplaints,
                ];
                let local = s.opening_statements.local.iter();
                fields.extend(local.map(|o| F::OpeningLocal(o.id.clone())));
                fields.push(F::OpeningNotes);
                fields.push(F::InquorateReason);
                fields.push(F::InterimPlan);
                fields.push(F::ReconveneDate);
                fields
            }),
            Pane::list("Out of the room or there for a part", ListKind::Parts).short("Parts"),
        ],
        Stage::DangerStatements => vec![Pane::list("Danger statements", ListKind::Dangers)],
        Stage::Map => {
            let mut panes: Vec<Pane> = Column::ALL
                .iter()
                .map(|c| Pane::list(c.label(), ListKind::Map(*c)).short(c.short_label()))
                .collect();
            let voice = s
                .children
                .iter()
                .flat_map(|c| voice_fields(s, &c.id))
                .collect();
            panes.push(Pane::form("The child's voice", voice));
            panes
        }
        Stage::Scaling => vec![
            Pane::grid("Scores", GridKind::Scaling),
            Pane::form(
                "Question and notes",
                vec![F::ScalingQuestion, F::ScalingNotes],
            ),
        ],
        Stage::SafetyGoals => {
            let mut panes = vec![Pane::list("Safety goals", ListKind::Goals)];
            if let Some(goal) = s.safety_goals.get(first_row) {
                panes.push(Pane::list("Actions", ListKind::Actions(goal.id.clone())));
            }
            panes.push(Pane::form(
                "Bottom lines and contingency",
                vec![F::BottomLines, F::ContingencyPlan],
            ));
            panes
        }
        Stage::Record => vec![
            Pane::list("Addenda", ListKind::Addenda),
            Pane::list("Audit trail", ListKind::Audit),
        ],
        Stage::Recommendations => vec![Pane::grid("Recommendations", GridKind::Recommendations)],
        Stage::Decision => {
            let mut panes = vec![Pane::list("Children", ListKind::DecisionChildren)];
            if let Some(child) = s.children.get(first_row) {
                let c = child.id.clone();
                panes.push(Pane::form(
                    "Decision",
                    vec![
                        F::DecisionOutcome(c.clone()),
                        F::DecisionCategories(c.clone()),
                        F::DecisionRationale(c.clone()),
                        F::DecisionLead(c.clone()),
                        F::DecisionCoreGroup(c.clone()),
                        F::DecisionFirstCoreGroup(c.clone()),
                        F::DecisionReviewDate(c.clone()),
                        F::DecisionFirstCoreGroupTime(c.clone()),
                        F::DecisionReviewTime(c.clone()),
                        F::DecisionDecidedAt(c.clone()),
                        F::CinReviewDate(c.clone()),
                        F::CinNextSteps(c.clone()),
                        // The conference's, not the child's: the same two
                        // fields under every child, at the end of the form.
                        F::ChairRisks,
                        F::ChairStrengths,
                    ],
                ));
                panes.push(Pane::list("Dissent", ListKind::Dissents(c)));
            }
            panes
        }
    }
}

/// A child's voice: how it was gathered and their words, and the three
/// houses when that is how it was gathered.
pub fn voice_fields(s: &Session, child: &ChildId) -> Vec<Field> {
    use Field as F;
    let mut fields = vec![F::VoiceMethod(child.clone()), F::VoiceWords(child.clone())];
    let three_houses =
        find(&s.child_voices, child).is_some_and(|v| v.method == VoiceMethod::ThreeHouses);
    if three_houses {
        fields.extend([
            F::VoiceGoodThings(child.clone()),
            F::VoiceWorries(child.clone()),
            F::VoiceDreams(child.clone()),
        ]);
    }
    fields
}

/// The people shown down the side of a grid.
pub fn grid_people(s: &Session, kind: GridKind) -> Vec<AttendeeId> {
    s.attendees
        .iter()
        .filter(|a| match kind {
            // Everyone in the room scales, parents and child included; the
            // chair and minute taker, and an interpreter, do not, nor does
            // anyone not there (a report is not in the room to be asked;
            // a score already given from one still shows).
            GridKind::Scaling => {
                let scored = || s.scaling.scores.iter().any(|x| x.person == a.id);
                let absent = matches!(
                    a.attendance,
                    Attendance::Apologies | Attendance::DidNotAttend
                );
                !absent
                    && (a.attendance != Attendance::ReportOnly || scored())
                    && !matches!(a.agency_kind, AgencyKind::Chair | AgencyKind::Interpreter)
            }
            GridKind::Recommendations => a.gives_recommendation,
        })
        .map(|a| a.id.clone())
        .collect()
}

/// The recommendation a professional gave for a child, if any.
pub fn recommendation_for<'a>(
    s: &'a Session,
    person: &AttendeeId,
    child: &ChildId,
) -> Option<&'a Recommendation> {
    s.recommendations
        .iter()
        .find(|r| &r.professional == person && &r.child == child)
}

/// Finds or creates the recommendation for a grid cell.
pub fn ensure_recommendation(s: &mut Session, person: &AttendeeId, child: &ChildId) -> ItemId {
    if let Some(r) = recommendation_for(s, person, child) {
        return r.id.clone();
    }
    let id = s.new_item_id();
    s.recommendations.push(Recommendation {
        id: id.clone(),
        professional: person.clone(),
        child: child.clone(),
        outcome: Outcome::Undecided,
        categories: Vec::new(),
        reason: String::new(),
    });
    id
}
