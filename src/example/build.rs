//! The builders both example conferences are made with: dates and times,
//! the family, and one of each kind of record.

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};

use super::{CHAIR, FAMILY_REFERENCE, VENUE};
use crate::model::*;

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid example date")
}

pub(super) fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("a valid example time")
}

/// A moment on `day` at `h:m`, UK time (GMT, +00:00, in November and February).
pub(super) fn at(day: NaiveDate, h: u32, m: u32) -> Timestamp {
    let utc = FixedOffset::east_opt(0).expect("a valid offset");
    utc.from_local_datetime(&day.and_time(time(h, m)))
        .single()
        .expect("an unambiguous example time")
}

/// Setup shared by both conferences: the family and its two children.
/// Returns (Kacey, Rory).
pub(super) fn family(s: &mut Session, kind: ConferenceKind, day: NaiveDate) -> (ChildId, ChildId) {
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

pub(super) fn exclusion(
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

pub(super) fn danger(
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
pub(super) fn item(
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

pub(super) fn voice(s: &mut Session, child: &ChildId, method: VoiceMethod, words: &str) {
    s.refresh_derived();
    let v = s
        .child_voices
        .iter_mut()
        .find(|v| &v.child == child)
        .expect("one voice per child");
    v.method = method;
    v.words = words.into();
}

pub(super) fn score(
    s: &mut Session,
    person: &AttendeeId,
    child: &ChildId,
    score: u8,
    reason: &str,
) {
    let id = s.new_item_id();
    s.scaling.scores.push(Score {
        id,
        person: person.clone(),
        child: child.clone(),
        score,
        reason: reason.into(),
    });
}

pub(super) fn action(
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

pub(super) fn goal(
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

pub(super) fn recommend(
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

pub(super) fn visit(
    s: &mut Session,
    stage: Stage,
    day: NaiveDate,
    from: (u32, u32),
    to: Option<(u32, u32)>,
) {
    s.stage_visits.push(StageVisit {
        stage,
        started_at: at(day, from.0, from.1),
        ended_at: to.map(|(h, m)| at(day, h, m)),
    });
}

pub(super) fn decision_mut<'a>(s: &'a mut Session, child: &ChildId) -> &'a mut Decision {
    s.decisions
        .iter_mut()
        .find(|d| &d.child == child)
        .expect("one decision per child")
}
