//! The example initial conference, built stage by stage. Over 600 lines
//! because it is data: one fictional conference, every record of it, read
//! top to bottom as the agenda runs.

use chrono::NaiveTime;

use super::build::*;
use super::people::{People, register};
use super::texts::*;
use super::{CHAIR, ICPC_ID};
use crate::model::*;

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
    separate_part(&mut s, &p);
    pre_meeting(&mut s, &p);

    // 2. Introductions.
    s.opening_statements = OpeningStatements {
        confidentiality: true,
        equality: true,
        professional_difference: true,
        complaints: true,
        local: Vec::new(),
        notes: String::new(),
    };

    // 3. Danger statements.
    let ds1 = danger(&mut s, DS1_WHO, DS1_WORRY, DS1_IF, &[k, r], DS1_DISPUTE);
    let ds2 = danger(&mut s, DS2_WHO, DS2_WORRY, DS2_IF, &[r], DS2_DISPUTE);

    map(&mut s, &p, k, r);
    child_voices(&mut s, k, r);
    scaling(&mut s, &p, k, r);
    safety_goals(&mut s, &p, ds1, ds2);
    recommendations(&mut s, &p, k, r);
    decisions(&mut s, &p, k, r);

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

/// Leanne left the room while Dean had his separate part.
fn separate_part(s: &mut Session, p: &People) {
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
}

/// 1. Parents' pre-meeting, and Dean's separate attendance.
fn pre_meeting(s: &mut Session, p: &People) {
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
        s,
        &p.father,
        "Domestic abuse: Dean's police bail conditions (to 8 December 2026) do not allow contact with Leanne, and Leanne told the chair she would not be able to speak freely with him in the room. Dean agreed to attend separately.",
        "All of the conference: Dean attended a separate part from 11:32 to 11:50 with the chair, the social worker and DC Whitlock. He heard the danger statements and the main worries, gave his views and scaling, and was told the recommendations were still to come. The social worker phoned him with the decision at 14:00.",
        true,
    );
    // What his own copy and letter leave out: the joint pre-meeting (his
    // own views were taken by phone), the map and the recommendations.
    s.pre_meeting.exclusions[0].parts = vec![Stage::PreMeeting, Stage::Map, Stage::Recommendations];
}

/// 4. The map.
// Long because it is data: one record after another, read top to bottom.
fn map(s: &mut Session, p: &People, k: &ChildId, r: &ChildId) {
    use Column::*;
    let both: &[&ChildId] = &[k, r];
    item(
        s,
        WorkingWell,
        Tag::ExistingSafety,
        &p.social_worker,
        both,
        "Leanne called the police herself on 13 October and has kept to the safety plan agreed with the social worker: Dean has not been to the house for four weeks and hands over at Pat's.",
    );
    item(
        s,
        WorkingWell,
        Tag::Strength,
        &p.school,
        &[k],
        "Leanne has brought Kacey to school every day this term; attendance is 96% and she is always on time, clean and with her book bag.",
    );
    item(
        s,
        WorkingWell,
        Tag::Strength,
        &p.school,
        &[k],
        "Kacey is warm and chatty with staff, has two close friends and loves reading; she is working at the expected level for her age.",
    );
    item(
        s,
        WorkingWell,
        Tag::Strength,
        &p.health_visitor,
        &[r],
        "Rory goes to Leanne for comfort and she soothes him quickly; he is affectionate and laughs a lot with his sister.",
    );
    item(
        s,
        WorkingWell,
        Tag::Strength,
        &p.mother,
        both,
        "Leanne's mum, Pat Marchbank, lives ten minutes' walk away, has Kacey after school twice a week and says she will do more.",
    );
    item(
        s,
        WorkingWell,
        Tag::Strength,
        &p.father,
        both,
        "Dean has referred himself to the Changing Paths programme for men who have been abusive; his assessment is booked for 24 November.",
    );

    item(
        s,
        Worried,
        Tag::Harm,
        &p.police,
        both,
        "13 October 2026: police called by a neighbour who heard screaming. Leanne had a cut lip and said Dean hit her. Kacey was in the living room, Rory in the kitchen.",
    );
    item(
        s,
        Worried,
        Tag::Harm,
        &p.police,
        both,
        "Two earlier police call-outs to arguments at the home (April and July 2026); both children were in the house each time.",
    );
    item(
        s,
        Worried,
        Tag::Harm,
        &p.school,
        &[k],
        "Kacey told her teacher: \"I hide under my bed when Daddy goes loud.\" She has been tearful on Monday mornings and keeps asking staff whether her mum will be OK.",
    );
    item(
        s,
        Worried,
        Tag::Harm,
        &p.health_visitor,
        &[r],
        "Rory's weight has fallen from the 50th centile (March 2026) to below the 9th (October 2026); on three visits he was in a soiled nappy with sore, broken skin.",
    );
    item(
        s,
        Worried,
        Tag::Harm,
        &p.gp,
        &[r],
        "Rory has missed his two-year review twice and his pre-school immunisations are overdue (GP report).",
    );
    item(
        s,
        Worried,
        Tag::Danger,
        &p.social_worker,
        both,
        "If Dean comes back home before the work is done, the children could see more violence or be hurt when they are caught up in it.",
    );

    item(
        s,
        Complicating,
        Tag::Complicating,
        &p.gp,
        both,
        "Leanne has told her GP she feels low most days; she started an antidepressant in October and is on the waiting list for talking therapy.",
    );
    item(
        s,
        Complicating,
        Tag::Complicating,
        &p.family_support,
        both,
        "Leanne's Universal Credit was sanctioned in September; some weeks there has been no money for food or bus fares.",
    );
    item(
        s,
        Complicating,
        Tag::GreyArea,
        &p.police,
        both,
        "Leanne has withdrawn her statement to the police; no decision yet on charge. Dean's bail conditions end on 8 December 2026.",
    );
    item(
        s,
        Complicating,
        Tag::GreyArea,
        &p.social_worker,
        both,
        "Leanne says she still loves Dean and hopes the family will be back together by Christmas.",
    );
    let intel = item(
        s,
        Complicating,
        Tag::GreyArea,
        &p.police,
        both,
        "RESTRICTED: police hold third-party information that Dean was controlling and threatening towards a previous partner (2019 to 2021). Unverified; not shared with the family to protect the source. Social worker and team manager aware.",
    );
    s.map_items[intel].restricted = true;
    let neighbour = item(
        s,
        Complicating,
        Tag::GreyArea,
        &p.police,
        both,
        "RESTRICTED: the neighbour who called the police on 13 October has asked not to be identified and reports hearing shouting \"most weekends\".",
    );
    s.map_items[neighbour].restricted = true;

    item(
        s,
        NeedsToHappen,
        Tag::None,
        &p.social_worker,
        both,
        "Leanne to be referred to the Freedom Programme and offered an independent domestic violence adviser (IDVA).",
    );
    item(
        s,
        NeedsToHappen,
        Tag::None,
        &p.health_visitor,
        &[r],
        "Rory to be weighed every two weeks, have his two-year review, catch up his immunisations and see the GP about his weight and skin.",
    );
    item(
        s,
        NeedsToHappen,
        Tag::None,
        &p.school,
        &[k],
        "Kacey to have weekly worry time with her learning mentor, and school to pass on what she says about home.",
    );
    item(
        s,
        NeedsToHappen,
        Tag::None,
        &p.social_worker,
        both,
        "A written family safety plan, made at a family network meeting with Pat and others who know the family, including how Dean sees the children.",
    );
    item(
        s,
        NeedsToHappen,
        Tag::None,
        &p.family_support,
        both,
        "Help with money: an appeal against the sanction, a food bank voucher now, and bus passes for appointments.",
    );
}

/// The children's voices, beside the map.
fn child_voices(s: &mut Session, k: &ChildId, r: &ChildId) {
    voice(
        s,
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
        s,
        r,
        VoiceMethod::Observed,
        "Rory is two and has about five words. Observed by Hannah Brightwell at home on 28 October and 4 November 2026: he went straight to Leanne for a cuddle when the door buzzer went, and startled and cried when a cupboard door banged. He ate two slices of toast quickly and reached for more. He followed Kacey round the room, called her \"Kay-Kay\" and laughed when she played peekaboo.",
    );
}

/// 5. Scaling.
// Long because it is data: one record after another, read top to bottom.
fn scaling(s: &mut Session, p: &People, k: &ChildId, r: &ChildId) {
    s.scaling.question = String::new();
    score(
        s,
        &p.mother,
        k,
        8,
        "Dean's gone, Kacey's happy at school, I'd never let anything happen to her.",
    );
    score(
        s,
        &p.father,
        k,
        7,
        "It was one night. I've moved out and I'm getting help.",
    );
    score(
        s,
        &p.social_worker,
        k,
        3,
        "Real strengths, but the safety is only four weeks old and Leanne hopes Dean will be home by Christmas.",
    );
    score(
        s,
        &p.school,
        k,
        5,
        "Kacey is thriving in school; her worries are real but Leanne works well with us.",
    );
    score(
        s,
        &p.police,
        k,
        3,
        "Three call-outs in seven months and a withdrawn statement.",
    );
    score(
        s,
        &p.family_support,
        k,
        5,
        "Leanne wants help and takes it; money is the big pressure.",
    );
    score(
        s,
        &p.mother,
        r,
        7,
        "He's small but he's happy. I just need help getting to appointments.",
    );
    score(
        s,
        &p.father,
        r,
        6,
        "Leanne's a good mum but she's been struggling on her own.",
    );
    score(
        s,
        &p.social_worker,
        r,
        2,
        "Rory's weight and care worry me as much as the violence, and he cannot tell anyone.",
    );
    score(
        s,
        &p.health_visitor,
        r,
        2,
        "Falling weight, missed health care and sore skin: a two-year-old cannot wait.",
    );
    score(
        s,
        &p.police,
        r,
        3,
        "Same worries about violence as for Kacey, and Rory is more vulnerable.",
    );
    score(
        s,
        &p.family_support,
        r,
        4,
        "Home is better when there is food in; Leanne is trying.",
    );
}

/// 6. Safety goals, the bottom lines and the contingency plan.
fn safety_goals(s: &mut Session, p: &People, ds1: ItemId, ds2: ItemId) {
    let g1 = goal(s, G1_PARENTS, G1_CHILD, G1_PROFESSIONALS, &[&ds1]);
    let a1 = action(
        s,
        "Refer Leanne to the Freedom Programme and the IDVA service.",
        "Hannah Brightwell (social worker)",
        date(2026, 11, 20),
        "Leanne has a start date for the programme and has met her IDVA.",
    );
    let a2 = action(
        s,
        "Attend the Changing Paths assessment and share the outcome with the social worker.",
        "Dean Fairlie",
        date(2026, 12, 4),
        "Written confirmation from Changing Paths that Dean has started the programme.",
    );
    let a3 = action(
        s,
        "Start weekly worry time for Kacey with her learning mentor; share anything she says about home with the social worker the same day.",
        "Tom Ashdown (school)",
        date(2026, 11, 16),
        "Session notes brought to each core group; Kacey's words recorded.",
    );
    let a4 = action(
        s,
        "Hold a family network meeting and write a family safety plan, including how and where Dean sees the children.",
        "Hannah Brightwell, Leanne Marchbank and Pat Marchbank",
        date(2026, 12, 11),
        "A signed family safety plan, copied to everyone in the core group.",
    );
    s.safety_goals[g1].actions = vec![a1, a2, a3, a4];
    s.safety_goals[g1].actions[2].who_person = Some(p.school.clone());
    s.safety_goals[g1].actions[2].recurrence = Recurrence::Weekly;
    s.safety_goals[g1].actions[2].until = Some(date(2027, 2, 9));
    let g2 = goal(s, G2_PARENTS, G2_CHILD, G2_PROFESSIONALS, &[&ds2]);
    let b1 = action(
        s,
        "Weigh Rory every two weeks and complete his two-year developmental review.",
        "Grace Ilori (health visitor)",
        date(2026, 12, 4),
        "Weights plotted and shared at each core group; review completed and any referrals made.",
    );
    let b2 = action(
        s,
        "Book Rory's missed immunisations and a GP check of his weight and skin; provide bus passes so Leanne can get there.",
        "Leanne Marchbank, with bus passes from Hannah Brightwell",
        date(2026, 11, 27),
        "GP record shows the immunisations given and the check done.",
    );
    let b3 = action(
        s,
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
}

/// 7. Professional recommendations.
fn recommendations(s: &mut Session, p: &People, k: &ChildId, r: &ChildId) {
    use Category::*;
    use Outcome::*;
    recommend(
        s,
        &p.social_worker,
        k,
        ChildProtectionPlan,
        &[EmotionalAbuse],
        "Kacey has lived with repeated domestic abuse and is frightened at home; the safety is new and untested.",
    );
    recommend(
        s,
        &p.school,
        k,
        ChildInNeed,
        &[],
        "Kacey is in school every day, well cared for and making progress; Leanne is open with us and asks for help. The support can be given under a child in need plan.",
    );
    recommend(
        s,
        &p.health_visitor,
        k,
        ChildProtectionPlan,
        &[EmotionalAbuse],
        "Kacey's own words show the impact of the violence on her.",
    );
    recommend(
        s,
        &p.police,
        k,
        ChildProtectionPlan,
        &[EmotionalAbuse],
        "Escalating pattern of call-outs and a withdrawn statement.",
    );
    recommend(
        s,
        &p.social_worker,
        r,
        ChildProtectionPlan,
        &[Neglect, EmotionalAbuse],
        "Rory's growth and health care have suffered and he is exposed to the same violence as his sister.",
    );
    recommend(
        s,
        &p.health_visitor,
        r,
        ChildProtectionPlan,
        &[Neglect, EmotionalAbuse],
        "Faltering weight, missed health care and sore skin over three months.",
    );
    recommend(
        s,
        &p.police,
        r,
        ChildProtectionPlan,
        &[EmotionalAbuse],
        "Rory was in the room on 13 October; at two he cannot move himself out of harm's way.",
    );
}

/// 8. The chair's decision for each child.
fn decisions(s: &mut Session, p: &People, k: &ChildId, r: &ChildId) {
    use Category::*;
    use Outcome::*;
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
    let dk = decision_mut(s, k);
    dk.outcome = ChildProtectionPlan;
    dk.categories = vec![EmotionalAbuse];
    dk.rationale = "Kacey has lived with domestic abuse between her parents for at least seven months, including the assault on 13 October 2026, and her own words (\"I hide under my bed when Daddy goes loud\") tell us she is frightened at home. The strengths are real: Leanne called the police, has kept to the safety plan, and Kacey is doing well at school. But the safety has been in place for four weeks only, it has not yet been tested by the end of Dean's bail conditions on 8 December, and Dean's work on his behaviour has not yet started. I am satisfied that Kacey is likely to suffer significant harm through emotional abuse and that a child protection plan is needed so that the safety can be built and tested over time. I have considered the school's view that a child in need plan would be enough, and recorded it in full.".into();
    dk.dissents.push(Dissent {
        id: dissent_school,
        who: Some(p.school.clone()),
        why: "Mr Ashdown disagrees with a plan for Kacey. In his words: Kacey is in school every day, is well cared for and is making expected progress; Leanne has been open with school and has asked for help herself; the same support could be given under a child in need plan, and a plan may make Leanne less willing to tell professionals when things go wrong. He will speak to the school's safeguarding governor and, if he still disagrees, raise it through the Kelbridge escalation procedure within 72 hours. The chair explained how to do this.".into(),
    });
    dk.plan = plan(core_group_kacey);
    let dr = decision_mut(s, r);
    dr.outcome = ChildProtectionPlan;
    dr.categories = vec![Neglect, EmotionalAbuse];
    dr.rationale = "Rory is exposed to the same domestic abuse as his sister, and at two he cannot tell anyone or take himself out of the way. As well as this, his weight has fallen from the 50th to below the 9th centile, he has missed his health appointments and immunisations, and he was found in soiled nappies with sore skin on three visits. I accept that Leanne's low mood and the loss of her income lie behind much of this, and that she loves Rory very much; but the impact on Rory is significant harm, and it has lasted several months. A child protection plan under the categories of neglect and emotional abuse is needed so that his health and care are checked often and Leanne gets the practical help she has asked for.".into();
    dr.dissents.push(Dissent {
        id: dissent_mother,
        who: Some(p.mother.clone()),
        why: "Leanne disagrees with the category of neglect. In her words: \"I've never neglected my kids. He's little because his dad's family are all small, and I missed appointments because I had no money for the bus.\" The chair explained that the category describes the impact on Rory, not how much Leanne loves him; that she can complain to the chair or the unit manager within 28 days; and that the review conference will look at Rory's weight and health again.".into(),
    });
    dr.plan = plan(core_group_rory);
    decision_mut(s, k).decided_at = Some(time(12, 8));
    decision_mut(s, r).decided_at = Some(time(12, 16));
    s.chair_summary = ChairSummary {
        risks: "Repeated domestic abuse in front of both children, with the safety plan only four weeks old and Leanne's statement withdrawn; Rory's falling weight, missed health care and sore skin; Leanne's low mood and the loss of her income.".into(),
        strengths: "Leanne called the police herself and has kept Dean away from the home; Kacey is thriving at school; Pat Marchbank and a neighbour are ready to help; Dean has referred himself to Changing Paths; both parents love the children and are talking to professionals.".into(),
    };
}
