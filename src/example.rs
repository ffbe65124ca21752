//! Two fictional example sessions, built in code so they always match the
//! schema: a finalised initial conference for the Marchbank family
//! (`FAM2041`) and the review conference three months later, part-way
//! through.
//!
//! Everyone and everything here is invented: the family, the professionals,
//! the town of Kelbridge and its services. The files in `sessions/` are
//! written from these functions by `tests/it/examples.rs`.

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};

use crate::model::*;

/// The stable id of the example initial conference.
pub const ICPC_ID: &str = "example-icpc-fam2041";
/// The stable id of the example review conference.
pub const REVIEW_ID: &str = "example-rcpc-fam2041";
/// The file the initial conference is saved as, inside `sessions/`.
pub const ICPC_FILE: &str = "example-2026-11-09-icpc-FAM2041.json";
/// The file the review conference is saved as, inside `sessions/`.
pub const REVIEW_FILE: &str = "example-2027-02-09-rcpc-FAM2041.json";

const CHAIR: &str = "Ruth Calloway";
const FAMILY_REFERENCE: &str = "FAM2041";
const VENUE: &str = "Room 2, Kelbridge Family Hub, 14 Station Road, Kelbridge";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid example date")
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("a valid example time")
}

/// A moment on `day` at `h:m`, UK time (GMT, +00:00, in November and February).
fn at(day: NaiveDate, h: u32, m: u32) -> Timestamp {
    let utc = FixedOffset::east_opt(0).expect("a valid offset");
    utc.from_local_datetime(&day.and_time(time(h, m)))
        .single()
        .expect("an unambiguous example time")
}

/// The people on the register, by part, so records can refer to them.
struct People {
    mother: AttendeeId,
    father: AttendeeId,
    social_worker: AttendeeId,
    school: AttendeeId,
    health_visitor: AttendeeId,
    gp: AttendeeId,
    police: AttendeeId,
    family_support: AttendeeId,
}

struct Person<'a> {
    name: &'a str,
    role: &'a str,
    agency: &'a str,
    kind: AgencyKind,
    attendance: Attendance,
    joined_at: Option<NaiveTime>,
    left_at: Option<NaiveTime>,
    gives_recommendation: bool,
    report: bool,
}

impl<'a> Person<'a> {
    fn new(name: &'a str, role: &'a str, agency: &'a str, kind: AgencyKind) -> Self {
        Person {
            name,
            role,
            agency,
            kind,
            attendance: Attendance::Present,
            joined_at: None,
            left_at: None,
            gives_recommendation: false,
            report: false,
        }
    }

    fn recommends(mut self) -> Self {
        self.gives_recommendation = true;
        self
    }

    fn with_report(mut self) -> Self {
        self.report = true;
        self
    }

    fn attending(mut self, attendance: Attendance) -> Self {
        self.attendance = attendance;
        self
    }

    fn between(mut self, joined: Option<NaiveTime>, left: Option<NaiveTime>) -> Self {
        self.joined_at = joined;
        self.left_at = left;
        self
    }

    fn add_to(self, s: &mut Session) -> AttendeeId {
        let id = s.add_attendee();
        let a = s.attendees.last_mut().expect("just added");
        a.name = self.name.into();
        a.role = self.role.into();
        a.agency = self.agency.into();
        a.agency_kind = self.kind;
        a.attendance = self.attendance;
        a.joined_at = self.joined_at;
        a.left_at = self.left_at;
        a.gives_recommendation = self.gives_recommendation;
        a.report_received = self.report;
        a.report_shared_with_parents = self.report;
        id
    }
}

/// Setup shared by both conferences: the family and its two children.
/// Returns (Kacey, Rory).
fn family(s: &mut Session, kind: ConferenceKind, day: NaiveDate) -> (ChildId, ChildId) {
    s.setup.kind = kind;
    s.setup.date = Some(day);
    s.setup.start_time = Some(time(10, 0));
    s.setup.venue_kind = VenueKind::InPerson;
    s.setup.venue = VENUE.into();
    s.setup.chair = CHAIR.into();
    s.setup.family_reference = FAMILY_REFERENCE.into();

    let kacey = s.add_child();
    let rory = s.add_child();
    s.children[0].name = "Kacey Marchbank".into();
    s.children[0].date_of_birth = Some(date(2019, 6, 17));
    // Kacey, at seven, gets a letter of her own.
    s.children[0].own_letter = true;
    s.children[1].name = "Rory Marchbank".into();
    s.children[1].date_of_birth = Some(date(2024, 7, 30));
    // Fictional: NHS numbers from the 999 range the NHS keeps for testing.
    let address = "12 Larch Close, Kelbridge KB4 2RT";
    let k = &mut s.children[0];
    k.gender = Gender::Female;
    k.school = "Brookside Primary School".into();
    k.school_year = "Year 2".into();
    k.nhs_number = "999 124 5677".into();
    k.local_id = "KB204117".into();
    k.address = address.into();
    k.previous_plans = Some(0);
    let r = &mut s.children[1];
    r.gender = Gender::Male;
    r.school = "Not yet at nursery".into();
    r.nhs_number = "999 234 8763".into();
    r.local_id = "KB204118".into();
    r.address = address.into();
    r.previous_plans = Some(0);
    for (name, relationship, is_child) in [
        ("Leanne Marchbank", "Mother", false),
        ("Kacey Marchbank", "Daughter", true),
        ("Rory Marchbank", "Son", true),
    ] {
        let id = s.new_item_id();
        s.household.push(HouseholdMember {
            id,
            name: name.into(),
            relationship: relationship.into(),
            is_child,
        });
    }
    for (name, relationship, will_do) in [
        (
            "Pat Marchbank",
            "Leanne's mum (Nanny Pat)",
            "Has the children after school on Tuesdays and Thursdays, supervises Dean's contact at her house, and is the first person Leanne calls on a bad day.",
        ),
        (
            "Shona Wilde",
            "Neighbour and friend",
            "Will call the police if she hears shouting, and takes Kacey to school if Leanne is unwell.",
        ),
    ] {
        let id = s.new_item_id();
        s.safety_network.push(NetworkMember {
            id,
            name: name.into(),
            relationship: relationship.into(),
            will_do: will_do.into(),
        });
    }
    (kacey, rory)
}

fn exclusion(
    s: &mut Session,
    person: &AttendeeId,
    grounds: &str,
    which_part: &str,
    separate: bool,
) {
    let id = s.new_item_id();
    s.pre_meeting.exclusions.push(Exclusion {
        id,
        person: Some(person.clone()),
        grounds: grounds.into(),
        which_part: which_part.into(),
        separate_attendance: separate,
        parts: Vec::new(),
    });
}

fn danger(
    s: &mut Session,
    who: &str,
    worry: &str,
    if_nothing_changes: &str,
    children: &[&ChildId],
    dispute: &str,
) -> ItemId {
    let id = s.new_item_id();
    s.danger_statements.push(DangerStatement {
        id: id.clone(),
        who_is_worried: who.into(),
        worry: worry.into(),
        if_nothing_changes: if_nothing_changes.into(),
        children: children.iter().map(|c| (*c).clone()).collect(),
        dispute: dispute.into(),
    });
    id
}

/// Adds a map item and returns its index, so a caller can restrict it or
/// mark it as carried from the last conference.
fn item(
    s: &mut Session,
    column: Column,
    tag: Tag,
    by: &AttendeeId,
    children: &[&ChildId],
    text: &str,
) -> usize {
    let id = s.new_item_id();
    s.map_items.push(MapItem {
        id,
        column,
        text: text.into(),
        said_by: Some(by.clone()),
        children: children.iter().map(|c| (*c).clone()).collect(),
        tag,
        restricted: false,
        from_last_conference: false,
    });
    s.map_items.len() - 1
}

fn voice(s: &mut Session, child: &ChildId, method: VoiceMethod, words: &str) {
    s.refresh_derived();
    let v = s
        .child_voices
        .iter_mut()
        .find(|v| &v.child == child)
        .expect("one voice per child");
    v.method = method;
    v.words = words.into();
}

fn score(s: &mut Session, person: &AttendeeId, child: &ChildId, score: u8, reason: &str) {
    let id = s.new_item_id();
    s.scaling.scores.push(Score {
        id,
        person: person.clone(),
        child: child.clone(),
        score,
        reason: reason.into(),
    });
}

fn action(
    s: &mut Session,
    what: &str,
    who: &str,
    by_when: NaiveDate,
    how_we_will_know: &str,
) -> SafetyAction {
    SafetyAction {
        id: s.new_item_id(),
        what: what.into(),
        who: who.into(),
        by_when: Some(by_when),
        how_we_will_know: how_we_will_know.into(),
        progress: ActionProgress::NotReviewed,
        who_person: None,
        recurrence: Recurrence::Once,
        until: None,
    }
}

fn goal(
    s: &mut Session,
    parents_will: &str,
    child_will_experience: &str,
    professionals_will_see: &str,
    danger_statements: &[&ItemId],
) -> usize {
    let id = s.new_item_id();
    s.safety_goals.push(SafetyGoal {
        id,
        parents_will: parents_will.into(),
        child_will_experience: child_will_experience.into(),
        professionals_will_see: professionals_will_see.into(),
        danger_statements: danger_statements.iter().map(|d| (*d).clone()).collect(),
        actions: Vec::new(),
    });
    s.safety_goals.len() - 1
}

fn recommend(
    s: &mut Session,
    professional: &AttendeeId,
    child: &ChildId,
    outcome: Outcome,
    categories: &[Category],
    reason: &str,
) {
    let id = s.new_item_id();
    s.recommendations.push(Recommendation {
        id,
        professional: professional.clone(),
        child: child.clone(),
        outcome,
        categories: categories.to_vec(),
        reason: reason.into(),
    });
}

fn visit(s: &mut Session, stage: Stage, day: NaiveDate, from: (u32, u32), to: Option<(u32, u32)>) {
    s.stage_visits.push(StageVisit {
        stage,
        started_at: at(day, from.0, from.1),
        ended_at: to.map(|(h, m)| at(day, h, m)),
    });
}

fn decision_mut<'a>(s: &'a mut Session, child: &ChildId) -> &'a mut Decision {
    s.decisions
        .iter_mut()
        .find(|d| &d.child == child)
        .expect("one decision per child")
}

// The texts both conferences share: the danger statements and safety goals
// agreed at the initial conference, carried to the review.

const DS1_WHO: &str = "Children's social care (Hannah Brightwell), Kelbridge Police and Brookside Primary School are worried.";
const DS1_WORRY: &str = "Kacey and Rory have been living with their dad, Dean, shouting at, threatening and hurting their mum, Leanne. On 13 October 2026 police were called by a neighbour who heard screaming; Leanne had a cut lip and told officers Dean had hit her. Kacey was in the living room and Rory was in his high chair in the kitchen. Police were also called to arguments at the home in April and July 2026, when both children were in. Kacey has told her teacher: \"I hide under my bed when Daddy goes loud.\"";
const DS1_IF: &str = "If nothing changes, Kacey and Rory could be physically hurt if they are near an argument, for example if Rory is picked up or Kacey tries to help her mum. Both children will keep living with fear: Kacey may find it harder and harder to settle and learn at school and to trust adults, and both children may grow up believing that hurting someone you love is normal.";
const DS1_DISPUTE: &str = "Leanne says: \"The kids didn't see anything. Kacey was watching telly and Rory was eating his tea. It was one bad night, not every week.\" Dean (at his separate part of the conference) accepts he pushed Leanne on 13 October but says he did not hit her and has never been violent in front of the children.";

const DS2_WHO: &str = "Grace Ilori (health visitor) and children's social care are worried.";
const DS2_WORRY: &str = "Rory is not always getting the everyday care a two-year-old needs. His weight has dropped from the 50th centile in March 2026 to below the 9th centile in October 2026. He has missed his two-year developmental review twice and his immunisations are not up to date. On three home visits since September he was in a soiled nappy with sore, broken skin, and there was little food in the house. Leanne has told the health visitor she feels \"too low to get out of bed some days\".";
const DS2_IF: &str = "If nothing changes, Rory may not grow and develop as he should: his speech, already behind, may fall further behind, he could become unwell from infections or poor nutrition without anyone noticing in time, and he may learn that his needs will not be met when he asks.";
const DS2_DISPUTE: &str = "Leanne says: \"He's a fussy eater, not a hungry boy. I missed the appointments because I had no money for the bus, not because I don't care about him.\"";

const G1_PARENTS: &str = "Leanne and Dean will show, over at least six months, that disagreements are sorted out without shouting, threats or violence. Dean will see the children only at the times and places written in the family safety plan. Leanne will have her own safety plan and at least three people she can call at any time.";
const G1_CHILD: &str = "Kacey and Rory will feel calm and safe at home. Kacey will be able to tell her mum, Nanny Pat and her teacher how home is, and will not need to hide.";
const G1_PROFESSIONALS: &str = "No further police call-outs to the family; Dean keeping to the contact arrangements every time; Kacey settled and talking freely in her worry time at school; Leanne able to describe her safety plan and the people in it.";

const G2_PARENTS: &str = "Leanne will make sure Rory has three meals and two snacks a day, is changed and kept clean, and gets to all his health appointments, asking Pat and the family support worker for help on the days she feels low.";
const G2_CHILD: &str = "Rory will be fed when he is hungry, will be comfortable and clean, and will be growing and learning new words.";
const G2_PROFESSIONALS: &str = "Rory's weight moving back towards his centile line; his immunisations and two-year review done; a warm, clean home with food in the cupboards on announced and unannounced visits.";

const BOTTOM_LINES: &str = "1. Dean will not live at, or stay overnight at, the family home until the social care risk assessment is complete and the core group agrees it is safe.\n2. Dean will see the children only as set out in the written family safety plan, supervised by Pat Marchbank, and never at the family home.\n3. Rory will be seen by a health professional at least every two weeks.\n4. Any further incident of violence or threats will be reported to the police and the social worker the same day.";
const CONTINGENCY: &str = "If there is a further incident of domestic abuse, if Dean comes back to the home outside the safety plan, or if Rory's weight keeps falling, the social worker will ask for a strategy discussion the same working day, and children's social care will seek legal advice about whether to start the pre-proceedings process (Public Law Outline). The emergency duty team has a copy of the plan for evenings and weekends. If Leanne is too unwell to care for the children, Pat Marchbank has agreed they can stay with her.";

fn register(s: &mut Session, review: bool) -> People {
    Person::new(
        CHAIR,
        "Independent Chair",
        "Kelbridge Safeguarding and Quality Assurance Unit",
        AgencyKind::Chair,
    )
    .add_to(s);
    let mother = Person::new(
        "Leanne Marchbank",
        "Mother of Kacey and Rory",
        "Family",
        AgencyKind::Family,
    )
    .add_to(s);
    let father = if review {
        Person::new(
            "Dean Fairlie",
            "Father of Kacey and Rory",
            "Family",
            AgencyKind::Family,
        )
        .add_to(s)
    } else {
        Person::new(
            "Dean Fairlie",
            "Father of Kacey and Rory (attended a separate part)",
            "Family",
            AgencyKind::Family,
        )
        .between(Some(time(11, 32)), Some(time(11, 50)))
        .add_to(s)
    };
    let social_worker = Person::new(
        "Hannah Brightwell",
        "Social worker (lead)",
        "Kelbridge Children's Services",
        AgencyKind::ChildrensSocialCare,
    )
    .recommends()
    .with_report()
    .add_to(s);
    let school = Person::new(
        "Tom Ashdown",
        "Deputy headteacher and designated safeguarding lead",
        "Brookside Primary School",
        AgencyKind::Education,
    )
    .recommends()
    .with_report()
    .add_to(s);
    let health_visitor = if review {
        Person::new(
            "Grace Ilori",
            "Health visitor",
            "Kelbridge Community Health 0-19 Service",
            AgencyKind::Health,
        )
    } else {
        Person::new(
            "Grace Ilori",
            "Health visitor",
            "Kelbridge Community Health 0-19 Service",
            AgencyKind::Health,
        )
        .attending(Attendance::JoinedLate)
        .between(Some(time(10, 15)), None)
    }
    .recommends()
    .with_report()
    .add_to(s);
    let gp = Person::new(
        "Dr Nadia Qureshi",
        "GP",
        "Millbrook Surgery",
        AgencyKind::Health,
    )
    .attending(if review {
        Attendance::Apologies
    } else {
        Attendance::ReportOnly
    })
    .with_report()
    .add_to(s);
    let police = if review {
        Person::new(
            "DC Sarah Whitlock",
            "Detective constable, public protection",
            "Kelbridge Police",
            AgencyKind::Police,
        )
        .attending(Attendance::ReportOnly)
        .with_report()
    } else {
        Person::new(
            "DC Sarah Whitlock",
            "Detective constable, public protection",
            "Kelbridge Police",
            AgencyKind::Police,
        )
        .recommends()
        .with_report()
    }
    .add_to(s);
    let family_support = if review {
        Person::new(
            "Josie Carver",
            "Family support worker",
            "Brightstart Family Support",
            AgencyKind::Voluntary,
        )
        .recommends()
        .with_report()
    } else {
        Person::new(
            "Josie Carver",
            "Family support worker",
            "Brightstart Family Support",
            AgencyKind::Voluntary,
        )
        .attending(Attendance::LeftEarly)
        .between(None, Some(time(11, 30)))
    }
    .add_to(s);
    Person::new(
        "Maya Ferris",
        "Advocate for Leanne",
        "Kelbridge Parents' Advocacy Service",
        AgencyKind::Advocate,
    )
    .add_to(s);
    Person::new(
        "Owen Pryce",
        "Minute taker",
        "Kelbridge Safeguarding and Quality Assurance Unit",
        AgencyKind::Chair,
    )
    .add_to(s);
    People {
        mother,
        father,
        social_worker,
        school,
        health_visitor,
        gp,
        police,
        family_support,
    }
}

/// A complete, finalised initial child protection conference for the
/// fictional Marchbank family: two children with different outcomes, a
/// father who attends separately, restricted police information and a
/// professional dissent.
pub fn example_icpc() -> Session {
    let day = date(2026, 11, 9);
    let mut s = Session::new(ICPC_ID.into(), at(day, 9, 20));
    let (kacey, rory) = family(&mut s, ConferenceKind::Initial, day);
    let (k, r) = (&kacey, &rory);
    s.setup.strategy_discussion_date = Some(date(2026, 10, 20));
    s.setup.purpose = "To share the worries about Kacey and Rory after the section 47 enquiry, hear the family's views, and decide whether they need a child protection plan.".into();
    s.setup.section_47_outcome = "Section 47 enquiry completed on 30 October 2026: the worries about domestic abuse (both children) and about Rory's care and growth are substantiated; the children are judged likely to suffer significant harm.".into();
    let p = register(&mut s, false);
    // Leanne left the room while Dean had his separate part.
    for (person, movement, part) in [
        (
            &p.father,
            PartMovement::JoinedFor,
            "Dean's part: dangers, worries, scaling",
        ),
        (&p.mother, PartMovement::LeftFor, "Dean's separate part"),
    ] {
        let id = s.new_item_id();
        s.parts.push(PartAttendance {
            id,
            person: Some(person.clone()),
            movement,
            part: part.into(),
            from: Some(time(11, 32)),
            to: Some(time(11, 50)),
        });
    }

    // 1. Parents' pre-meeting.
    let pm = &mut s.pre_meeting;
    pm.explained_purpose = true;
    pm.explained_how_it_runs = true;
    pm.explained_how_to_contribute = true;
    pm.explained_reports_shared = true;
    pm.explained_supporter_advocate_solicitor = true;
    pm.explained_complaints = true;
    pm.interpreter_needed = false;
    pm.language = "English".into();
    pm.advocate = "Maya Ferris, Kelbridge Parents' Advocacy Service, supporting Leanne".into();
    pm.parents_views = "Leanne said she is \"terrified they'll take the kids\". She agrees Dean should not live at home for now and says she called the police herself because \"enough was enough\". She does not think the children saw what happened on 13 October. She said Rory has always been small and she has struggled to get to appointments since her benefits were stopped. She read the social worker's report with Maya on Friday and agrees with most of it, apart from the word \"neglect\".\n\nDean (seen separately by phone at 09:45) said he is ashamed of 13 October, has stopped drinking and has referred himself to a programme. He wants to see the children every week and does not want them on a plan.".into();
    exclusion(
        &mut s,
        &p.father,
        "Domestic abuse: Dean's police bail conditions (to 8 December 2026) do not allow contact with Leanne, and Leanne told the chair she would not be able to speak freely with him in the room. Dean agreed to attend separately.",
        "All of the conference: Dean attended a separate part from 11:32 to 11:50 with the chair, the social worker and DC Whitlock. He heard the danger statements and the main worries, gave his views and scaling, and was told the recommendations were still to come. The social worker phoned him with the decision at 14:00.",
        true,
    );
    // What his own copy and letter leave out: the joint pre-meeting (his
    // own views were taken by phone), the map and the recommendations.
    s.pre_meeting.exclusions[0].parts = vec![Stage::PreMeeting, Stage::Map, Stage::Recommendations];

    // 2. Introductions.
    s.opening_statements = OpeningStatements {
        confidentiality: true,
        equality: true,
        professional_difference: true,
        complaints: true,
        local: Vec::new(),
    };

    // 3. Danger statements.
    let ds1 = danger(&mut s, DS1_WHO, DS1_WORRY, DS1_IF, &[k, r], DS1_DISPUTE);
    let ds2 = danger(&mut s, DS2_WHO, DS2_WORRY, DS2_IF, &[r], DS2_DISPUTE);

    // 4. The map.
    use Column::*;
    let both: &[&ChildId] = &[k, r];
    item(
        &mut s,
        WorkingWell,
        Tag::ExistingSafety,
        &p.social_worker,
        both,
        "Leanne called the police herself on 13 October and has kept to the safety plan agreed with the social worker: Dean has not been to the house for four weeks and hands over at Pat's.",
    );
    item(
        &mut s,
        WorkingWell,
        Tag::Strength,
        &p.school,
        &[k],
        "Leanne has brought Kacey to school every day this term; attendance is 96% and she is always on time, clean and with her book bag.",
    );
    item(
        &mut s,
        WorkingWell,
        Tag::Strength,
        &p.school,
        &[k],
        "Kacey is warm and chatty with staff, has two close friends and loves reading; she is working at the expected level for her age.",
    );
    item(
        &mut s,
        WorkingWell,
        Tag::Strength,
        &p.health_visitor,
        &[r],
        "Rory goes to Leanne for comfort and she soothes him quickly; he is affectionate and laughs a lot with his sister.",
    );
    item(
        &mut s,
        WorkingWell,
        Tag::Strength,
        &p.mother,
        both,
        "Leanne's mum, Pat Marchbank, lives ten minutes' walk away, has Kacey after school twice a week and says she will do more.",
    );
    item(
        &mut s,
        WorkingWell,
        Tag::Strength,
        &p.father,
        both,
        "Dean has referred himself to the Changing Paths programme for men who have been abusive; his assessment is booked for 24 November.",
    );

    item(
        &mut s,
        Worried,
        Tag::Harm,
        &p.police,
        both,
        "13 October 2026: police called by a neighbour who heard screaming. Leanne had a cut lip and said Dean hit her. Kacey was in the living room, Rory in the kitchen.",
    );
    item(
        &mut s,
        Worried,
        Tag::Harm,
        &p.police,
        both,
        "Two earlier police call-outs to arguments at the home (April and July 2026); both children were in the house each time.",
    );
    item(
        &mut s,
        Worried,
        Tag::Harm,
        &p.school,
        &[k],
        "Kacey told her teacher: \"I hide under my bed when Daddy goes loud.\" She has been tearful on Monday mornings and keeps asking staff whether her mum will be OK.",
    );
    item(
        &mut s,
        Worried,
        Tag::Harm,
        &p.health_visitor,
        &[r],
        "Rory's weight has fallen from the 50th centile (March 2026) to below the 9th (October 2026); on three visits he was in a soiled nappy with sore, broken skin.",
    );
    item(
        &mut s,
        Worried,
        Tag::Harm,
        &p.gp,
        &[r],
        "Rory has missed his two-year review twice and his pre-school immunisations are overdue (GP report).",
    );
    item(
        &mut s,
        Worried,
        Tag::Danger,
        &p.social_worker,
        both,
        "If Dean comes back home before the work is done, the children could see more violence or be hurt when they are caught up in it.",
    );

    item(
        &mut s,
        Complicating,
        Tag::Complicating,
        &p.gp,
        both,
        "Leanne has told her GP she feels low most days; she started an antidepressant in October and is on the waiting list for talking therapy.",
    );
    item(
        &mut s,
        Complicating,
        Tag::Complicating,
        &p.family_support,
        both,
        "Leanne's Universal Credit was sanctioned in September; some weeks there has been no money for food or bus fares.",
    );
    item(
        &mut s,
        Complicating,
        Tag::GreyArea,
        &p.police,
        both,
        "Leanne has withdrawn her statement to the police; no decision yet on charge. Dean's bail conditions end on 8 December 2026.",
    );
    item(
        &mut s,
        Complicating,
        Tag::GreyArea,
        &p.social_worker,
        both,
        "Leanne says she still loves Dean and hopes the family will be back together by Christmas.",
    );
    let intel = item(
        &mut s,
        Complicating,
        Tag::GreyArea,
        &p.police,
        both,
        "RESTRICTED: police hold third-party information that Dean was controlling and threatening towards a previous partner (2019 to 2021). Unverified; not shared with the family to protect the source. Social worker and team manager aware.",
    );
    s.map_items[intel].restricted = true;
    let neighbour = item(
        &mut s,
        Complicating,
        Tag::GreyArea,
        &p.police,
        both,
        "RESTRICTED: the neighbour who called the police on 13 October has asked not to be identified and reports hearing shouting \"most weekends\".",
    );
    s.map_items[neighbour].restricted = true;

    item(
        &mut s,
        NeedsToHappen,
        Tag::None,
        &p.social_worker,
        both,
        "Leanne to be referred to the Freedom Programme and offered an independent domestic violence adviser (IDVA).",
    );
    item(
        &mut s,
        NeedsToHappen,
        Tag::None,
        &p.health_visitor,
        &[r],
        "Rory to be weighed every two weeks, have his two-year review, catch up his immunisations and see the GP about his weight and skin.",
    );
    item(
        &mut s,
        NeedsToHappen,
        Tag::None,
        &p.school,
        &[k],
        "Kacey to have weekly worry time with her learning mentor, and school to pass on what she says about home.",
    );
    item(
        &mut s,
        NeedsToHappen,
        Tag::None,
        &p.social_worker,
        both,
        "A written family safety plan, made at a family network meeting with Pat and others who know the family, including how Dean sees the children.",
    );
    item(
        &mut s,
        NeedsToHappen,
        Tag::None,
        &p.family_support,
        both,
        "Help with money: an appeal against the sanction, a food bank voucher now, and bus passes for appointments.",
    );

    voice(
        &mut s,
        k,
        VoiceMethod::ThreeHouses,
        "Three Houses with Hannah Brightwell at school, 2 November 2026. Kacey drew each house and told Hannah what to write in it.",
    );
    let kv = s
        .child_voices
        .iter_mut()
        .find(|v| &v.child == k)
        .expect("one voice per child");
    kv.good_things = "\"Reading with Mrs Penrose. Nanny Pat's pancakes. Playing Lego with Rory. My friend Ellie.\"".into();
    kv.worries = "\"When Daddy goes loud and Mummy cries. I hide under my bed with Bun-Bun. I worry Mummy is sad and Rory is hungry.\"".into();
    kv.dreams = "\"I want Daddy to come to my birthday and be kind. I want Mummy to be happy. I want a dog called Biscuit.\"".into();
    voice(
        &mut s,
        r,
        VoiceMethod::Observed,
        "Rory is two and has about five words. Observed by Hannah Brightwell at home on 28 October and 4 November 2026: he went straight to Leanne for a cuddle when the door buzzer went, and startled and cried when a cupboard door banged. He ate two slices of toast quickly and reached for more. He followed Kacey round the room, called her \"Kay-Kay\" and laughed when she played peekaboo.",
    );

    // 5. Scaling.
    s.scaling.question = String::new();
    score(
        &mut s,
        &p.mother,
        k,
        8,
        "Dean's gone, Kacey's happy at school, I'd never let anything happen to her.",
    );
    score(
        &mut s,
        &p.father,
        k,
        7,
        "It was one night. I've moved out and I'm getting help.",
    );
    score(
        &mut s,
        &p.social_worker,
        k,
        3,
        "Real strengths, but the safety is only four weeks old and Leanne hopes Dean will be home by Christmas.",
    );
    score(
        &mut s,
        &p.school,
        k,
        5,
        "Kacey is thriving in school; her worries are real but Leanne works well with us.",
    );
    score(
        &mut s,
        &p.police,
        k,
        3,
        "Three call-outs in seven months and a withdrawn statement.",
    );
    score(
        &mut s,
        &p.family_support,
        k,
        5,
        "Leanne wants help and takes it; money is the big pressure.",
    );
    score(
        &mut s,
        &p.mother,
        r,
        7,
        "He's small but he's happy. I just need help getting to appointments.",
    );
    score(
        &mut s,
        &p.father,
        r,
        6,
        "Leanne's a good mum but she's been struggling on her own.",
    );
    score(
        &mut s,
        &p.social_worker,
        r,
        2,
        "Rory's weight and care worry me as much as the violence, and he cannot tell anyone.",
    );
    score(
        &mut s,
        &p.health_visitor,
        r,
        2,
        "Falling weight, missed health care and sore skin: a two-year-old cannot wait.",
    );
    score(
        &mut s,
        &p.police,
        r,
        3,
        "Same worries about violence as for Kacey, and Rory is more vulnerable.",
    );
    score(
        &mut s,
        &p.family_support,
        r,
        4,
        "Home is better when there is food in; Leanne is trying.",
    );

    // 6. Safety goals.
    let g1 = goal(&mut s, G1_PARENTS, G1_CHILD, G1_PROFESSIONALS, &[&ds1]);
    let a1 = action(
        &mut s,
        "Refer Leanne to the Freedom Programme and the IDVA service.",
        "Hannah Brightwell (social worker)",
        date(2026, 11, 20),
        "Leanne has a start date for the programme and has met her IDVA.",
    );
    let a2 = action(
        &mut s,
        "Attend the Changing Paths assessment and share the outcome with the social worker.",
        "Dean Fairlie",
        date(2026, 12, 4),
        "Written confirmation from Changing Paths that Dean has started the programme.",
    );
    let a3 = action(
        &mut s,
        "Start weekly worry time for Kacey with her learning mentor; share anything she says about home with the social worker the same day.",
        "Tom Ashdown (school)",
        date(2026, 11, 16),
        "Session notes brought to each core group; Kacey's words recorded.",
    );
    let a4 = action(
        &mut s,
        "Hold a family network meeting and write a family safety plan, including how and where Dean sees the children.",
        "Hannah Brightwell, Leanne Marchbank and Pat Marchbank",
        date(2026, 12, 11),
        "A signed family safety plan, copied to everyone in the core group.",
    );
    s.safety_goals[g1].actions = vec![a1, a2, a3, a4];
    s.safety_goals[g1].actions[2].who_person = Some(p.school.clone());
    s.safety_goals[g1].actions[2].recurrence = Recurrence::Weekly;
    s.safety_goals[g1].actions[2].until = Some(date(2027, 2, 9));
    let g2 = goal(&mut s, G2_PARENTS, G2_CHILD, G2_PROFESSIONALS, &[&ds2]);
    let b1 = action(
        &mut s,
        "Weigh Rory every two weeks and complete his two-year developmental review.",
        "Grace Ilori (health visitor)",
        date(2026, 12, 4),
        "Weights plotted and shared at each core group; review completed and any referrals made.",
    );
    let b2 = action(
        &mut s,
        "Book Rory's missed immunisations and a GP check of his weight and skin; provide bus passes so Leanne can get there.",
        "Leanne Marchbank, with bus passes from Hannah Brightwell",
        date(2026, 11, 27),
        "GP record shows the immunisations given and the check done.",
    );
    let b3 = action(
        &mut s,
        "Visit weekly to help with meal planning, a daily routine for Rory and an appeal against the benefit sanction.",
        "Josie Carver (family support worker)",
        date(2026, 11, 16),
        "Weekly visit notes; food in the house; the sanction reviewed.",
    );
    s.safety_goals[g2].actions = vec![b1, b2, b3];
    let weighing = &mut s.safety_goals[g2].actions[0];
    weighing.who_person = Some(p.health_visitor.clone());
    weighing.who = String::new();
    weighing.recurrence = Recurrence::Fortnightly;
    weighing.until = Some(date(2027, 2, 9));
    let visits = &mut s.safety_goals[g2].actions[2];
    visits.who_person = Some(p.family_support.clone());
    visits.who = String::new();
    visits.recurrence = Recurrence::Weekly;
    s.bottom_lines = BOTTOM_LINES.into();
    s.contingency_plan = CONTINGENCY.into();

    // 7. Professional recommendations.
    use Category::*;
    use Outcome::*;
    recommend(
        &mut s,
        &p.social_worker,
        k,
        ChildProtectionPlan,
        &[EmotionalAbuse],
        "Kacey has lived with repeated domestic abuse and is frightened at home; the safety is new and untested.",
    );
    recommend(
        &mut s,
        &p.school,
        k,
        ChildInNeed,
        &[],
        "Kacey is in school every day, well cared for and making progress; Leanne is open with us and asks for help. The support can be given under a child in need plan.",
    );
    recommend(
        &mut s,
        &p.health_visitor,
        k,
        ChildProtectionPlan,
        &[EmotionalAbuse],
        "Kacey's own words show the impact of the violence on her.",
    );
    recommend(
        &mut s,
        &p.police,
        k,
        ChildProtectionPlan,
        &[EmotionalAbuse],
        "Escalating pattern of call-outs and a withdrawn statement.",
    );
    recommend(
        &mut s,
        &p.social_worker,
        r,
        ChildProtectionPlan,
        &[Neglect, EmotionalAbuse],
        "Rory's growth and health care have suffered and he is exposed to the same violence as his sister.",
    );
    recommend(
        &mut s,
        &p.health_visitor,
        r,
        ChildProtectionPlan,
        &[Neglect, EmotionalAbuse],
        "Faltering weight, missed health care and sore skin over three months.",
    );
    recommend(
        &mut s,
        &p.police,
        r,
        ChildProtectionPlan,
        &[EmotionalAbuse],
        "Rory was in the room on 13 October; at two he cannot move himself out of harm's way.",
    );

    // 8. The chair's decision.
    s.refresh_derived();
    let dissent_school = s.new_item_id();
    let dissent_mother = s.new_item_id();
    let core_group_kacey = vec![
        p.mother.clone(),
        p.father.clone(),
        p.social_worker.clone(),
        p.school.clone(),
        p.health_visitor.clone(),
        p.family_support.clone(),
    ];
    let core_group_rory = vec![
        p.mother.clone(),
        p.father.clone(),
        p.social_worker.clone(),
        p.health_visitor.clone(),
        p.gp.clone(),
        p.family_support.clone(),
    ];
    let plan = |core_group| PlanDetails {
        lead_social_worker: Some(p.social_worker.clone()),
        core_group,
        first_core_group: Some(date(2026, 11, 23)),
        review_date: Some(date(2027, 2, 9)),
        first_core_group_time: NaiveTime::from_hms_opt(14, 0, 0),
        review_time: NaiveTime::from_hms_opt(10, 0, 0),
    };
    let dk = decision_mut(&mut s, k);
    dk.outcome = ChildProtectionPlan;
    dk.categories = vec![EmotionalAbuse];
    dk.rationale = "Kacey has lived with domestic abuse between her parents for at least seven months, including the assault on 13 October 2026, and her own words (\"I hide under my bed when Daddy goes loud\") tell us she is frightened at home. The strengths are real: Leanne called the police, has kept to the safety plan, and Kacey is doing well at school. But the safety has been in place for four weeks only, Leanne has withdrawn her statement and hopes Dean will be home by Christmas, and Dean's work on his behaviour has not yet started. I am satisfied that Kacey is likely to suffer significant harm through emotional abuse and that a child protection plan is needed so that the safety can be built and tested over time. I have considered the school's view that a child in need plan would be enough, and recorded it in full.".into();
    dk.dissents.push(Dissent {
        id: dissent_school,
        who: Some(p.school.clone()),
        why: "Mr Ashdown disagrees with a plan for Kacey. In his words: Kacey is in school every day, is well cared for and is making expected progress; Leanne has been open with school and has asked for help herself; the same support could be given under a child in need plan, and a plan may make Leanne less willing to tell professionals when things go wrong. He will speak to the school's safeguarding governor and, if he still disagrees, raise it through the Kelbridge escalation procedure within 72 hours. The chair explained how to do this.".into(),
    });
    dk.plan = plan(core_group_kacey);
    let dr = decision_mut(&mut s, r);
    dr.outcome = ChildProtectionPlan;
    dr.categories = vec![Neglect, EmotionalAbuse];
    dr.rationale = "Rory is exposed to the same domestic abuse as his sister, and at two he cannot tell anyone or take himself out of the way. As well as this, his weight has fallen from the 50th to below the 9th centile, he has missed his health appointments and immunisations, and he was found in soiled nappies with sore skin on three visits. I accept that Leanne's low mood and the loss of her income lie behind much of this, and that she loves Rory very much; but the impact on Rory is significant harm, and it has lasted several months. A child protection plan under the categories of neglect and emotional abuse is needed so that his health and care are checked often and Leanne gets the practical help she has asked for.".into();
    dr.dissents.push(Dissent {
        id: dissent_mother,
        who: Some(p.mother.clone()),
        why: "Leanne disagrees with the category of neglect. In her words: \"I've never neglected my kids. He's little because his dad's family are all small, and I missed appointments because I had no money for the bus.\" The chair explained that the category describes the impact on Rory, not how much Leanne loves him; that she can complain to the chair or the unit manager within 28 days; and that the review conference will look at Rory's weight and health again.".into(),
    });
    dr.plan = plan(core_group_rory);
    decision_mut(&mut s, k).decided_at = Some(time(12, 8));
    decision_mut(&mut s, r).decided_at = Some(time(12, 16));
    s.chair_summary = ChairSummary {
        risks: "Repeated domestic abuse in front of both children, with the safety plan only four weeks old and Leanne's statement withdrawn; Rory's falling weight, missed health care and sore skin; Leanne's low mood and the loss of her income.".into(),
        strengths: "Leanne called the police herself and has kept Dean away from the home; Kacey is thriving at school; Pat Marchbank and a neighbour are ready to help; Dean has referred himself to Changing Paths; both parents love the children and are talking to professionals.".into(),
    };

    // Time spent on each stage: a two-hour meeting, the father's separate
    // part held back on the map once Leanne had left the room.
    for (stage, from, to) in [
        (Stage::Setup, (9, 20), (9, 28)),
        (Stage::PreMeeting, (9, 30), (9, 57)),
        (Stage::Introductions, (10, 0), (10, 10)),
        (Stage::DangerStatements, (10, 10), (10, 22)),
        (Stage::Map, (10, 22), (10, 58)),
        (Stage::Scaling, (10, 58), (11, 8)),
        (Stage::SafetyGoals, (11, 8), (11, 30)),
        (Stage::Map, (11, 32), (11, 50)),
        (Stage::Recommendations, (11, 52), (12, 2)),
        (Stage::Decision, (12, 2), (12, 20)),
    ] {
        visit(&mut s, stage, day, from, Some(to));
    }

    s.refresh_derived();
    let finalised_at = at(day, 12, 40);
    s.finalise(finalised_at, CHAIR.into());
    s.updated_at = finalised_at;
    s
}

/// The review conference three months later, part-way through: scaling is
/// done and the first recommendations are in, so a user can carry on.
pub fn example_review() -> Session {
    let icpc = example_icpc();
    let day = date(2027, 2, 9);
    let mut s = Session::new(REVIEW_ID.into(), at(day, 9, 35));
    let (kacey, rory) = family(&mut s, ConferenceKind::Review, day);
    let (k, r) = (&kacey, &rory);
    s.setup.venue_kind = VenueKind::Hybrid;
    s.setup.venue = format!("{VENUE}; Dean Fairlie by video link");
    s.setup.purpose = "To review how the child protection plans for Kacey and Rory are going, hear the family's views, and decide whether the plans are still needed.".into();
    s.setup.previous_session = Some(PreviousSession {
        id: icpc.id.clone(),
        file: ICPC_FILE.into(),
    });
    let p = register(&mut s, true);

    // The last conference's scores, by name, beside today's.
    s.scaling.previous_scores = icpc
        .scaling
        .scores
        .iter()
        .map(|sc| {
            let who = icpc.attendee(&sc.person).expect("scorer on the register");
            PreviousScore {
                person_name: who.name.clone(),
                agency: who.agency.clone(),
                child: sc.child.clone(),
                score: sc.score,
            }
        })
        .collect();

    let pm = &mut s.pre_meeting;
    pm.explained_purpose = true;
    pm.explained_how_it_runs = true;
    pm.explained_how_to_contribute = true;
    pm.explained_reports_shared = true;
    pm.explained_supporter_advocate_solicitor = true;
    pm.explained_complaints = true;
    pm.language = "English".into();
    pm.advocate = "Maya Ferris, Kelbridge Parents' Advocacy Service, supporting Leanne".into();
    pm.parents_views = "Leanne said things are \"calmer than they've been for years\". She has finished eight weeks of the Freedom Programme and says she now knows \"what was going on wasn't normal\". She would like the plans to end. She spoke to the chair alone first and said she is happy for Dean to join the whole conference by video; he is not living at home.\n\nDean said he has been to every Changing Paths session and every contact at Pat's, and wants to be trusted to see the children without Pat there.".into();

    s.opening_statements = OpeningStatements {
        confidentiality: true,
        equality: true,
        professional_difference: true,
        complaints: true,
        local: Vec::new(),
    };

    // The danger statements agreed last time, still the reason for the plans.
    let ds1 = danger(&mut s, DS1_WHO, DS1_WORRY, DS1_IF, &[k, r], DS1_DISPUTE);
    let ds2 = danger(
        &mut s,
        DS2_WHO,
        DS2_WORRY,
        DS2_IF,
        &[r],
        "Leanne says: \"He's eating loads now. I always said he'd pick up once I could get him to the clinic.\"",
    );

    use Column::*;
    let both: &[&ChildId] = &[k, r];
    let carried = [
        item(
            &mut s,
            WorkingWell,
            Tag::ExistingSafety,
            &p.social_worker,
            both,
            "Leanne called the police herself on 13 October and has kept to the safety plan agreed with the social worker: Dean has not been to the house for four weeks and hands over at Pat's.",
        ),
        item(
            &mut s,
            WorkingWell,
            Tag::Strength,
            &p.school,
            &[k],
            "Kacey is warm and chatty with staff, has two close friends and loves reading; she is working at the expected level for her age.",
        ),
        item(
            &mut s,
            Worried,
            Tag::Harm,
            &p.police,
            both,
            "13 October 2026: police called by a neighbour who heard screaming. Leanne had a cut lip and said Dean hit her. Kacey was in the living room, Rory in the kitchen.",
        ),
        item(
            &mut s,
            Worried,
            Tag::Harm,
            &p.health_visitor,
            &[r],
            "Rory's weight has fallen from the 50th centile (March 2026) to below the 9th (October 2026); on three visits he was in a soiled nappy with sore, broken skin.",
        ),
        item(
            &mut s,
            Complicating,
            Tag::Complicating,
            &p.gp,
            both,
            "Leanne has told her GP she feels low most days; she started an antidepressant in October and is on the waiting list for talking therapy.",
        ),
        item(
            &mut s,
            Complicating,
            Tag::GreyArea,
            &p.social_worker,
            both,
            "Leanne says she still loves Dean and hopes the family will be back together by Christmas.",
        ),
    ];
    for i in carried {
        s.map_items[i].from_last_conference = true;
    }
    item(
        &mut s,
        WorkingWell,
        Tag::ExistingSafety,
        &p.social_worker,
        both,
        "Thirteen weeks with no police call-outs. Every contact between Dean and the children has happened at Pat's, as the family safety plan says; Pat's notes have been shared at each core group.",
    );
    item(
        &mut s,
        WorkingWell,
        Tag::Strength,
        &p.health_visitor,
        &[r],
        "Rory's weight is back up to the 25th centile; his immunisations are done and his two-year review found his speech a little behind, with a referral made.",
    );
    item(
        &mut s,
        WorkingWell,
        Tag::Strength,
        &p.father,
        both,
        "Dean has attended 10 of 10 Changing Paths sessions; the programme runs until April.",
    );
    item(
        &mut s,
        WorkingWell,
        Tag::Strength,
        &p.family_support,
        both,
        "The benefit sanction was overturned in December; there has been food in the house on every visit.",
    );
    item(
        &mut s,
        Worried,
        Tag::Danger,
        &p.social_worker,
        both,
        "Leanne and Dean are talking about Dean moving back in the spring, before Changing Paths has finished and been reviewed.",
    );
    item(
        &mut s,
        Worried,
        Tag::Harm,
        &p.school,
        &[k],
        "Kacey was upset after a contact in January when her dad raised his voice at Pat; she told her mentor she \"went quiet so he wouldn't get cross\".",
    );
    item(
        &mut s,
        Complicating,
        Tag::GreyArea,
        &p.police,
        both,
        "The criminal case was closed in January with no further action, as Leanne did not support a prosecution (police report).",
    );
    item(
        &mut s,
        Complicating,
        Tag::Complicating,
        &p.mother,
        both,
        "Talking therapy still has a long wait; Leanne says her mood is better on most days.",
    );
    item(
        &mut s,
        NeedsToHappen,
        Tag::None,
        &p.social_worker,
        both,
        "A written plan, agreed by the core group, for how Dean's time with the children could move step by step towards unsupervised contact, and what would need to be seen first.",
    );
    item(
        &mut s,
        NeedsToHappen,
        Tag::None,
        &p.health_visitor,
        &[r],
        "Rory to start at a nursery two mornings a week (funded place) and be seen by speech and language therapy.",
    );

    voice(
        &mut s,
        k,
        VoiceMethod::Letter,
        "Letter written by Kacey with Hannah Brightwell, 3 February 2027: \"Dear meeting, I like it at home now because it is not shouty. I see Daddy at Nanny Pats on Saturdays and we do baking. I want to see him at our house too. Rory can say my name now. From Kacey.\"",
    );
    voice(
        &mut s,
        r,
        VoiceMethod::Observed,
        "Observed by Hannah Brightwell at home on 27 January 2027: Rory, now two and a half, chatted in two-word phrases (\"more juice\", \"Kay-Kay book\"), played with his cars for ten minutes on his own and went to Leanne for a cuddle when he bumped his head. He ate his lunch at the table with Leanne.",
    );

    score(
        &mut s,
        &p.mother,
        k,
        9,
        "It's calm at home and Kacey's happy. We've done everything asked of us.",
    );
    score(
        &mut s,
        &p.father,
        k,
        8,
        "I've done every session and every contact.",
    );
    score(
        &mut s,
        &p.social_worker,
        k,
        6,
        "Good progress, but the talk of Dean moving back in is ahead of the work.",
    );
    score(
        &mut s,
        &p.school,
        k,
        7,
        "Kacey is settled and using her worry time well.",
    );
    score(
        &mut s,
        &p.health_visitor,
        k,
        6,
        "The home feels calmer on my visits.",
    );
    score(
        &mut s,
        &p.family_support,
        k,
        7,
        "Leanne is using her safety plan and her network.",
    );
    score(
        &mut s,
        &p.mother,
        r,
        9,
        "He's eating, he's talking, he's growing.",
    );
    score(&mut s, &p.father, r, 8, "Rory is doing really well.");
    score(
        &mut s,
        &p.social_worker,
        r,
        6,
        "His weight and health care are much better; three months is not yet long enough to be sure.",
    );
    score(
        &mut s,
        &p.school,
        r,
        6,
        "We see Rory at pick-up with Leanne and he looks well.",
    );
    score(
        &mut s,
        &p.health_visitor,
        r,
        6,
        "Back on the 25th centile, but I want to see it hold through the winter.",
    );
    score(
        &mut s,
        &p.family_support,
        r,
        7,
        "Meals and routines are in place most days now.",
    );

    let g1 = goal(&mut s, G1_PARENTS, G1_CHILD, G1_PROFESSIONALS, &[&ds1]);
    let a1 = action(
        &mut s,
        "Finish the Changing Paths programme and share the end-of-programme report.",
        "Dean Fairlie",
        date(2027, 4, 30),
        "The programme's report, discussed at core group.",
    );
    let a2 = action(
        &mut s,
        "Write a step-by-step contact plan with Leanne, Dean and Pat.",
        "Hannah Brightwell (social worker)",
        date(2027, 2, 23),
        "A signed contact plan, copied to the core group.",
    );
    s.safety_goals[g1].actions = vec![a1, a2];
    let g2 = goal(&mut s, G2_PARENTS, G2_CHILD, G2_PROFESSIONALS, &[&ds2]);
    let b1 = action(
        &mut s,
        "Weigh Rory monthly and follow up the speech and language referral.",
        "Grace Ilori (health visitor)",
        date(2027, 3, 2),
        "Weights shared at each core group; first therapy appointment date known.",
    );
    s.safety_goals[g2].actions = vec![b1];
    s.bottom_lines = BOTTOM_LINES.into();
    s.contingency_plan = CONTINGENCY.into();

    // Recommendations: the first two professionals have spoken.
    use Category::*;
    use Outcome::*;
    recommend(
        &mut s,
        &p.social_worker,
        k,
        ChildProtectionPlan,
        &[EmotionalAbuse],
        "The progress is real, but the plan to move Dean home is ahead of his programme; one more review period to test the safety.",
    );
    recommend(
        &mut s,
        &p.social_worker,
        r,
        ChildProtectionPlan,
        &[Neglect, EmotionalAbuse],
        "Rory's care has improved a great deal; I want to see it hold for another three months alongside the work on the violence.",
    );
    recommend(
        &mut s,
        &p.school,
        k,
        ChildInNeed,
        &[],
        "Kacey is settled and safe in school and talks openly; a child in need plan can keep the support going.",
    );

    for (stage, from, to) in [
        (Stage::Setup, (9, 35), Some((9, 40))),
        (Stage::PreMeeting, (9, 40), Some((9, 58))),
        (Stage::Introductions, (10, 0), Some((10, 9))),
        (Stage::DangerStatements, (10, 9), Some((10, 18))),
        (Stage::Map, (10, 18), Some((10, 58))),
        (Stage::Scaling, (10, 58), Some((11, 10))),
        (Stage::SafetyGoals, (11, 10), Some((11, 30))),
        (Stage::Recommendations, (11, 30), None),
    ] {
        visit(&mut s, stage, day, from, to);
    }

    s.refresh_derived();
    s.updated_at = at(day, 11, 36);
    s
}
