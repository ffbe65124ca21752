//! The content of a whole two-child initial conference (a fictional family),
//! kept apart from the keys that type it: every text a chair types and every
//! choice made, in one place. A driver (`today_keys`) plays it through the
//! real `App::update` with one keyboard and counts the keys; a driver for
//! another keyboard can play the same content and be compared.
#![allow(dead_code)]

use cpconf::model::{AgencyKind, Attendance, Category, Column, Outcome, VoiceMethod};

/// Command keys (every key event that is not a character of content) the
/// conference below takes on the keyboard of commit 423ed32 (the keyboard
/// before #11), as `today_keys` plays it; measured by
/// `the_whole_conference_on_todays_keys` on that keyboard (branch i11b,
/// whose changes since 423ed32 touch no key). By part: setup 27,
/// pre-meeting 20 + 25 (the separate attendance, entered once the people
/// are in), introductions 151, danger statements 28, the map and the
/// child's voice 197, scaling 50, safety goals 53, recommendations 121,
/// decision and finalise 87, exports 18. #11 asks the new keyboard for at
/// most a third of it.
///
/// 791 since #13's fields (schema version 2), measured: the same keys walk
/// further on the same keyboard because the voice form holds the three
/// houses once Three Houses is chosen, and the choices gained values
/// (advocate, interpreter, solicitor among the agency kinds; "did not
/// attend" among the attendances). On the fields before #13 it was 777. Since the export menu
/// offers a Word file of each copy (#14) the exports take three more `j`
/// (to reach the family's and the letter's HTML): 794.
pub const TODAY_COMMAND_KEYS: usize = 794;

/// Command keys the same conference takes on the new keyboard (#11), as
/// `new_keys` plays it; checked by
/// `the_whole_conference_on_the_new_keys_counts_its_command_keys`. Every
/// key that is not content counts, letters typed to choose or find
/// included (NEW_LETTER_KEYS of them). 572 when the keyboard first landed;
/// then the register's agency kind guessed from the agency or role and a
/// recommendation taken as given by an agency unless the row ends in `n`
/// (526), scaling entries moving on like a spreadsheet's cells (507),
/// typing on a picker field opening it already finding (479), a plan's
/// lead social worker and core group filled from the register, typing on
/// a recommendation cell choosing its outcome, Tab after its reason going
/// on to the next cell (437), Enter in a picker choosing and moving on
/// to the next field (411), and an export menu of a row a copy with the
/// format chosen once (399). Then, counted as before (a space after a
/// comma counts too): a picker ranking the names that start with the
/// letters typed first (366), a register row typed with bare commas and
/// no comma before a part left off (343), Home/End to reach a far field
/// and Tab on an empty reason to the next cell (327), a register row that
/// may end with how the person took part ("report") (323), the export
/// menu's row for all three copies (319). Then Enter in an item's form
/// keeping and closing it, Tab going on (293), Space ticking and going on
/// down a checklist, a child protection plan first among the outcomes, a
/// report-only person not scaling, restricted before the tag, one voice an
/// agency and an attendance by its first letters after a y or n in a
/// register row (275), typing on an undecided child at the decision, Ctrl+R
/// (Fill Right) in the recommendations, the names found staying after a
/// tick (265), a choice found by a later word ("i", 262): under the third
/// of TODAY_COMMAND_KEYS (264) that #11 asks for.
pub const NEW_COMMAND_KEYS: usize = 262;

/// Of NEW_COMMAND_KEYS, the letters typed to choose or find: keys that
/// type (a choice's first letters, a name found in a picker, a register
/// row's commas and its agency or attendance words) but are not content.
/// Space ticking a box is not among them (it was, in the 162 of 399).
pub const NEW_LETTER_KEYS: usize = 65;

/// Characters of content typed for the same conference (any keyboard):
/// every text, date, time and score of the script, a line break counted as
/// one.
pub const CONTENT_CHARS: usize = 3037;

pub struct Setup {
    pub date: &'static str,
    pub time: &'static str,
    pub venue: &'static str,
    pub chair: &'static str,
    pub family_reference: &'static str,
    pub strategy_discussion: &'static str,
}

pub struct Child {
    pub name: &'static str,
    pub date_of_birth: &'static str,
}

pub struct PreMeeting {
    pub language: &'static str,
    pub advocate: &'static str,
    pub parents_views: &'static str,
    /// The person (index into `people`) who attends separately.
    pub separate: usize,
    pub grounds: &'static str,
    pub which_part: &'static str,
}

pub struct Person {
    pub name: &'static str,
    pub role: &'static str,
    pub agency: &'static str,
    pub kind: AgencyKind,
    pub attendance: Attendance,
    pub recommends: bool,
}

pub struct Danger {
    pub who: &'static str,
    pub worry: &'static str,
    pub if_nothing_changes: &'static str,
    /// Indices into `children`.
    pub children: &'static [usize],
    pub dispute: &'static str,
}

pub struct MapEntry {
    pub column: Column,
    pub text: &'static str,
    /// Index into `people`.
    pub said_by: usize,
    pub children: &'static [usize],
    pub restricted: bool,
}

pub struct Voice {
    pub method: VoiceMethod,
    pub words: &'static str,
}

pub struct Score {
    pub person: usize,
    pub child: usize,
    pub score: u8,
    pub reason: &'static str,
}

pub struct Action {
    pub what: &'static str,
    pub who: &'static str,
    pub by_when: &'static str,
    pub how_we_know: &'static str,
}

pub struct Goal {
    pub parents_will: &'static str,
    pub child_experience: &'static str,
    pub professionals_see: &'static str,
    /// Indices into `dangers`.
    pub dangers: &'static [usize],
    pub actions: Vec<Action>,
}

pub struct Recommendation {
    pub person: usize,
    pub child: usize,
    pub outcome: Outcome,
    pub categories: &'static [Category],
    pub reason: &'static str,
}

pub struct Decision {
    pub outcome: Outcome,
    pub categories: &'static [Category],
    pub rationale: &'static str,
    pub lead: usize,
    pub core_group: &'static [usize],
    /// Who dissents (index into `people`) and why.
    pub dissent: Option<(usize, &'static str)>,
}

pub struct Conference {
    pub setup: Setup,
    pub children: Vec<Child>,
    pub pre_meeting: PreMeeting,
    pub people: Vec<Person>,
    pub dangers: Vec<Danger>,
    pub map: Vec<MapEntry>,
    /// One per child, in order.
    pub voices: Vec<Voice>,
    pub scores: Vec<Score>,
    pub goal: Goal,
    pub bottom_lines: &'static str,
    pub contingency_plan: &'static str,
    pub recommendations: Vec<Recommendation>,
    /// One per child, in order.
    pub decisions: Vec<Decision>,
}

fn person(
    name: &'static str,
    role: &'static str,
    agency: &'static str,
    kind: AgencyKind,
    recommends: bool,
) -> Person {
    Person {
        name,
        role,
        agency,
        kind,
        attendance: Attendance::Present,
        recommends,
    }
}

// The children and the people, by their place in the lists below.
const LILY: usize = 0;
const NOAH: usize = 1;
const SOCIAL_WORKER: usize = 0;
const HEALTH_VISITOR: usize = 2;
const TEACHER: usize = 4;
const POLICE: usize = 5;
const HOUSING: usize = 6;
const MOTHER: usize = 7;
const FATHER: usize = 8;

/// The Ashcombe family's initial conference: Lily (9) and Noah (5).
pub fn ashcombe() -> Conference {
    use AgencyKind as K;
    use Column::*;
    Conference {
        setup: Setup {
            date: "23/11/2026",
            time: "10:00",
            venue: "Room 4, Kelbridge Family Hub",
            chair: "Morgan Reeve",
            family_reference: "FAM4417",
            strategy_discussion: "02/11/2026",
        },
        children: vec![
            Child {
                name: "Lily Ashcombe",
                date_of_birth: "12/03/2017",
            },
            Child {
                name: "Noah Ashcombe",
                date_of_birth: "28/08/2021",
            },
        ],
        pre_meeting: PreMeeting {
            language: "English",
            advocate: "Maya Lind, Kelbridge Advocacy",
            parents_views: "We love our children and want them at home.\nWe accept the arguing has scared them.",
            separate: FATHER,
            grounds: "Domestic abuse: Claire asked not to sit with Daniel",
            which_part: "Danger statements and the map",
        },
        people: vec![
            person(
                "Rachel Okoye",
                "Social worker",
                "Kelbridge Children's Services",
                K::ChildrensSocialCare,
                true,
            ),
            person(
                "Helen Marsh",
                "Team manager",
                "Kelbridge Children's Services",
                K::ChildrensSocialCare,
                false,
            ),
            person(
                "Grace Adeyemi",
                "Health visitor",
                "Kelbridge NHS Trust",
                K::Health,
                true,
            ),
            Person {
                attendance: Attendance::ReportOnly,
                ..person("Dr Imran Shah", "GP", "Millbrook Surgery", K::Health, false)
            },
            person(
                "Mark Fenwick",
                "Designated safeguarding lead",
                "Millbrook Primary School",
                K::Education,
                true,
            ),
            person(
                "PC Joanne Reid",
                "Police officer",
                "Kelbridge Police",
                K::Police,
                true,
            ),
            person(
                "Steve Dunmore",
                "Housing officer",
                "Kelbridge Homes",
                K::Housing,
                true,
            ),
            person("Claire Ashcombe", "Mother", "", K::Family, false),
            person("Daniel Ashcombe", "Father", "", K::Family, false),
            person(
                "Maya Lind",
                "Advocate",
                "Kelbridge Advocacy",
                K::Supporter,
                false,
            ),
        ],
        dangers: vec![
            Danger {
                who: "Children's social care, the school and the police",
                worry: "Daniel and Claire argue loudly late at night; twice this autumn Daniel threw things and a neighbour called the police.",
                if_nothing_changes: "Lily and Noah will keep being frightened at home and could be hurt by something thrown.",
                children: &[LILY, NOAH],
                dispute: "Daniel says the arguments are no worse than in any family.",
            },
            Danger {
                who: "The school and the health visitor",
                worry: "Lily misses school on the mornings after arguments and looks after Noah.",
                if_nothing_changes: "Lily will fall behind and carry worries no nine-year-old should.",
                children: &[LILY],
                dispute: "",
            },
        ],
        map: vec![
            MapEntry {
                column: WorkingWell,
                text: "Claire walks both children to school most days.",
                said_by: TEACHER,
                children: &[LILY, NOAH],
                restricted: false,
            },
            MapEntry {
                column: WorkingWell,
                text: "Noah's health checks and jabs are up to date.",
                said_by: HEALTH_VISITOR,
                children: &[NOAH],
                restricted: false,
            },
            MapEntry {
                column: WorkingWell,
                text: "Grandma Jean has the children every Saturday.",
                said_by: MOTHER,
                children: &[LILY, NOAH],
                restricted: false,
            },
            MapEntry {
                column: Worried,
                text: "Police called twice in October after shouting and a broken door.",
                said_by: POLICE,
                children: &[LILY, NOAH],
                restricted: false,
            },
            MapEntry {
                column: Worried,
                text: "Intelligence suggests Daniel's friend who visits has a violence conviction.",
                said_by: POLICE,
                children: &[LILY, NOAH],
                restricted: true,
            },
            MapEntry {
                column: Worried,
                text: "Lily said she hides under the bed with Noah when they shout.",
                said_by: TEACHER,
                children: &[LILY],
                restricted: false,
            },
            MapEntry {
                column: Complicating,
                text: "The flat has one bedroom for four people.",
                said_by: HOUSING,
                children: &[LILY, NOAH],
                restricted: false,
            },
            MapEntry {
                column: Complicating,
                text: "Daniel works nights and sleeps in the day.",
                said_by: SOCIAL_WORKER,
                children: &[LILY, NOAH],
                restricted: false,
            },
            MapEntry {
                column: NeedsToHappen,
                text: "Daniel to start the Choices domestic abuse programme.",
                said_by: SOCIAL_WORKER,
                children: &[LILY, NOAH],
                restricted: false,
            },
            MapEntry {
                column: NeedsToHappen,
                text: "A two-bedroom home found through the housing panel.",
                said_by: HOUSING,
                children: &[LILY, NOAH],
                restricted: false,
            },
            MapEntry {
                column: NeedsToHappen,
                text: "Lily to have a trusted adult at school to talk to.",
                said_by: TEACHER,
                children: &[LILY],
                restricted: false,
            },
        ],
        voices: vec![
            Voice {
                method: VoiceMethod::ThreeHouses,
                words: "Good: Saturdays at Grandma's. Worries: the shouting. Dreams: my own room.",
            },
            Voice {
                method: VoiceMethod::SocialWorker,
                words: "Noah drew his family holding hands and said Daddy is loud.",
            },
        ],
        scores: vec![
            Score {
                person: SOCIAL_WORKER,
                child: LILY,
                score: 3,
                reason: "the fighting has not stopped",
            },
            Score {
                person: SOCIAL_WORKER,
                child: NOAH,
                score: 3,
                reason: "",
            },
            Score {
                person: HEALTH_VISITOR,
                child: LILY,
                score: 5,
                reason: "",
            },
            Score {
                person: HEALTH_VISITOR,
                child: NOAH,
                score: 5,
                reason: "well cared for day to day",
            },
            Score {
                person: TEACHER,
                child: LILY,
                score: 4,
                reason: "missing school after bad nights",
            },
            Score {
                person: TEACHER,
                child: NOAH,
                score: 5,
                reason: "",
            },
            Score {
                person: POLICE,
                child: LILY,
                score: 2,
                reason: "two call-outs in a month",
            },
            Score {
                person: POLICE,
                child: NOAH,
                score: 2,
                reason: "",
            },
            Score {
                person: HOUSING,
                child: LILY,
                score: 5,
                reason: "",
            },
            Score {
                person: HOUSING,
                child: NOAH,
                score: 5,
                reason: "",
            },
            Score {
                person: MOTHER,
                child: LILY,
                score: 7,
                reason: "we are trying hard",
            },
            Score {
                person: MOTHER,
                child: NOAH,
                score: 7,
                reason: "",
            },
            Score {
                person: FATHER,
                child: LILY,
                score: 8,
                reason: "",
            },
            Score {
                person: FATHER,
                child: NOAH,
                score: 8,
                reason: "",
            },
        ],
        goal: Goal {
            parents_will: "Sort out disagreements calmly, away from the children, with no shouting or throwing.",
            child_experience: "Quiet evenings, school every day and a parent they can tell when they are worried.",
            professionals_see: "No police call-outs, Lily in school, and both parents open with the social worker.",
            dangers: &[0, 1],
            actions: vec![
                Action {
                    what: "Start the Choices programme",
                    who: "Daniel",
                    by_when: "11/01/2027",
                    how_we_know: "Attendance letters to Rachel",
                },
                Action {
                    what: "Apply to the housing panel",
                    who: "Steve Dunmore",
                    by_when: "14/12/2026",
                    how_we_know: "Panel date confirmed",
                },
                Action {
                    what: "Weekly check-in with Lily",
                    who: "Mark Fenwick",
                    by_when: "30/11/2026",
                    how_we_know: "Notes shared at core group",
                },
            ],
        },
        bottom_lines: "No violence or throwing things in the home.\nThe children are never left in Lily's care.",
        contingency_plan: "If the police are called again, the children stay with Grandma Jean while a plan is made.",
        recommendations: vec![
            Recommendation {
                person: SOCIAL_WORKER,
                child: LILY,
                outcome: Outcome::ChildProtectionPlan,
                categories: &[Category::EmotionalAbuse],
                reason: "Repeated exposure to violence at home.",
            },
            Recommendation {
                person: SOCIAL_WORKER,
                child: NOAH,
                outcome: Outcome::ChildProtectionPlan,
                categories: &[Category::EmotionalAbuse],
                reason: "Same home, same risk.",
            },
            Recommendation {
                person: HEALTH_VISITOR,
                child: LILY,
                outcome: Outcome::ChildProtectionPlan,
                categories: &[Category::EmotionalAbuse],
                reason: "",
            },
            Recommendation {
                person: HEALTH_VISITOR,
                child: NOAH,
                outcome: Outcome::ChildInNeed,
                categories: &[],
                reason: "Physical care is good.",
            },
            Recommendation {
                person: TEACHER,
                child: LILY,
                outcome: Outcome::ChildProtectionPlan,
                categories: &[Category::EmotionalAbuse, Category::Neglect],
                reason: "Caring for Noah and missing school.",
            },
            Recommendation {
                person: TEACHER,
                child: NOAH,
                outcome: Outcome::ChildProtectionPlan,
                categories: &[Category::EmotionalAbuse],
                reason: "",
            },
            Recommendation {
                person: POLICE,
                child: LILY,
                outcome: Outcome::ChildProtectionPlan,
                categories: &[Category::EmotionalAbuse],
                reason: "",
            },
            Recommendation {
                person: POLICE,
                child: NOAH,
                outcome: Outcome::ChildProtectionPlan,
                categories: &[Category::EmotionalAbuse],
                reason: "",
            },
            Recommendation {
                person: HOUSING,
                child: LILY,
                outcome: Outcome::ChildInNeed,
                categories: &[],
                reason: "Housing is the root of it.",
            },
            Recommendation {
                person: HOUSING,
                child: NOAH,
                outcome: Outcome::ChildInNeed,
                categories: &[],
                reason: "",
            },
        ],
        decisions: vec![
            Decision {
                outcome: Outcome::ChildProtectionPlan,
                categories: &[Category::EmotionalAbuse],
                rationale: "Lily is at risk of significant harm from repeated violence between her parents.",
                lead: SOCIAL_WORKER,
                core_group: &[SOCIAL_WORKER, HEALTH_VISITOR, TEACHER, MOTHER, FATHER],
                dissent: None,
            },
            Decision {
                outcome: Outcome::ChildProtectionPlan,
                categories: &[Category::EmotionalAbuse],
                rationale: "Noah lives in the same home and is too young to tell anyone.",
                lead: SOCIAL_WORKER,
                core_group: &[SOCIAL_WORKER, HEALTH_VISITOR, MOTHER, FATHER],
                dissent: Some((
                    HOUSING,
                    "A child in need plan with rehousing would be enough for Noah.",
                )),
            },
        ],
    }
}
