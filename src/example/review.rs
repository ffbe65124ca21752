//! The example review conference, part-way through, built stage by stage.

use super::build::*;
use super::icpc::example_icpc;
use super::people::{People, register};
use super::texts::*;
use super::{ICPC_FILE, REVIEW_ID, VENUE};
use crate::model::*;

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
    previous_scores(&mut s, &icpc);
    pre_meeting(&mut s);

    s.opening_statements = OpeningStatements {
        confidentiality: true,
        equality: true,
        professional_difference: true,
        complaints: true,
        local: Vec::new(),
        notes: String::new(),
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

    map(&mut s, &p, k, r);
    child_voices(&mut s, k, r);
    scaling(&mut s, &p, k, r);
    safety_goals(&mut s, ds1, ds2);
    recommendations(&mut s, &p, k, r);

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

/// The last conference's scores, by name, beside today's.
fn previous_scores(s: &mut Session, icpc: &Session) {
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
}

/// The parents' pre-meeting.
fn pre_meeting(s: &mut Session) {
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
}

/// The map: what was carried from last time, then what is new.
// Long because it is data: one record after another, read top to bottom.
fn map(s: &mut Session, p: &People, k: &ChildId, r: &ChildId) {
    use Column::*;
    let both: &[&ChildId] = &[k, r];
    let carried = [
        item(
            s,
            WorkingWell,
            Tag::ExistingSafety,
            &p.social_worker,
            both,
            "Leanne called the police herself on 13 October and has kept to the safety plan agreed with the social worker: Dean has not been to the house for four weeks and hands over at Pat's.",
        ),
        item(
            s,
            WorkingWell,
            Tag::Strength,
            &p.school,
            &[k],
            "Kacey is warm and chatty with staff, has two close friends and loves reading; she is working at the expected level for her age.",
        ),
        item(
            s,
            Worried,
            Tag::Harm,
            &p.police,
            both,
            "13 October 2026: police called by a neighbour who heard screaming. Leanne had a cut lip and said Dean hit her. Kacey was in the living room, Rory in the kitchen.",
        ),
        item(
            s,
            Worried,
            Tag::Harm,
            &p.health_visitor,
            &[r],
            "Rory's weight has fallen from the 50th centile (March 2026) to below the 9th (October 2026); on three visits he was in a soiled nappy with sore, broken skin.",
        ),
        item(
            s,
            Complicating,
            Tag::Complicating,
            &p.gp,
            both,
            "Leanne has told her GP she feels low most days; she started an antidepressant in October and is on the waiting list for talking therapy.",
        ),
        item(
            s,
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
        s,
        WorkingWell,
        Tag::ExistingSafety,
        &p.social_worker,
        both,
        "Thirteen weeks with no police call-outs. Every contact between Dean and the children has happened at Pat's, as the family safety plan says; Pat's notes have been shared at each core group.",
    );
    item(
        s,
        WorkingWell,
        Tag::Strength,
        &p.health_visitor,
        &[r],
        "Rory's weight is back up to the 25th centile; his immunisations are done and his two-year review found his speech a little behind, with a referral made.",
    );
    item(
        s,
        WorkingWell,
        Tag::Strength,
        &p.father,
        both,
        "Dean has attended 10 of 10 Changing Paths sessions; the programme runs until April.",
    );
    item(
        s,
        WorkingWell,
        Tag::Strength,
        &p.family_support,
        both,
        "The benefit sanction was overturned in December; there has been food in the house on every visit.",
    );
    item(
        s,
        Worried,
        Tag::Danger,
        &p.social_worker,
        both,
        "Leanne and Dean are talking about Dean moving back in the spring, before Changing Paths has finished and been reviewed.",
    );
    item(
        s,
        Worried,
        Tag::Harm,
        &p.school,
        &[k],
        "Kacey was upset after a contact in January when her dad raised his voice at Pat; she told her mentor she \"went quiet so he wouldn't get cross\".",
    );
    item(
        s,
        Complicating,
        Tag::GreyArea,
        &p.police,
        both,
        "The criminal case was closed in January with no further action, as Leanne did not support a prosecution (police report).",
    );
    item(
        s,
        Complicating,
        Tag::Complicating,
        &p.mother,
        both,
        "Talking therapy still has a long wait; Leanne says her mood is better on most days.",
    );
    item(
        s,
        NeedsToHappen,
        Tag::None,
        &p.social_worker,
        both,
        "A written plan, agreed by the core group, for how Dean's time with the children could move step by step towards unsupervised contact, and what would need to be seen first.",
    );
    item(
        s,
        NeedsToHappen,
        Tag::None,
        &p.health_visitor,
        &[r],
        "Rory to start at a nursery two mornings a week (funded place) and be seen by speech and language therapy.",
    );
}

/// The children's voices.
fn child_voices(s: &mut Session, k: &ChildId, r: &ChildId) {
    voice(
        s,
        k,
        VoiceMethod::Letter,
        "Letter written by Kacey with Hannah Brightwell, 3 February 2027: \"Dear meeting, I like it at home now because it is not shouty. I see Daddy at Nanny Pats on Saturdays and we do baking. I want to see him at our house too. Rory can say my name now. From Kacey.\"",
    );
    voice(
        s,
        r,
        VoiceMethod::Observed,
        "Observed by Hannah Brightwell at home on 27 January 2027: Rory, now two and a half, chatted in two-word phrases (\"more juice\", \"Kay-Kay book\"), played with his cars for ten minutes on his own and went to Leanne for a cuddle when he bumped his head. He ate his lunch at the table with Leanne.",
    );
}

/// Scaling, done.
fn scaling(s: &mut Session, p: &People, k: &ChildId, r: &ChildId) {
    score(
        s,
        &p.mother,
        k,
        9,
        "It's calm at home and Kacey's happy. We've done everything asked of us.",
    );
    score(
        s,
        &p.father,
        k,
        8,
        "I've done every session and every contact.",
    );
    score(
        s,
        &p.social_worker,
        k,
        6,
        "Good progress, but the talk of Dean moving back in is ahead of the work.",
    );
    score(
        s,
        &p.school,
        k,
        7,
        "Kacey is settled and using her worry time well.",
    );
    score(
        s,
        &p.health_visitor,
        k,
        6,
        "The home feels calmer on my visits.",
    );
    score(
        s,
        &p.family_support,
        k,
        7,
        "Leanne is using her safety plan and her network.",
    );
    score(
        s,
        &p.mother,
        r,
        9,
        "He's eating, he's talking, he's growing.",
    );
    score(s, &p.father, r, 8, "Rory is doing really well.");
    score(
        s,
        &p.social_worker,
        r,
        6,
        "His weight and health care are much better; three months is not yet long enough to be sure.",
    );
    score(
        s,
        &p.school,
        r,
        6,
        "We see Rory at pick-up with Leanne and he looks well.",
    );
    score(
        s,
        &p.health_visitor,
        r,
        6,
        "Back on the 25th centile, but I want to see it hold through the winter.",
    );
    score(
        s,
        &p.family_support,
        r,
        7,
        "Meals and routines are in place most days now.",
    );
}

/// The safety goals carried on, with this quarter's actions.
fn safety_goals(s: &mut Session, ds1: ItemId, ds2: ItemId) {
    let g1 = goal(s, G1_PARENTS, G1_CHILD, G1_PROFESSIONALS, &[&ds1]);
    let a1 = action(
        s,
        "Finish the Changing Paths programme and share the end-of-programme report.",
        "Dean Fairlie",
        date(2027, 4, 30),
        "The programme's report, discussed at core group.",
    );
    let a2 = action(
        s,
        "Write a step-by-step contact plan with Leanne, Dean and Pat.",
        "Hannah Brightwell (social worker)",
        date(2027, 2, 23),
        "A signed contact plan, copied to the core group.",
    );
    s.safety_goals[g1].actions = vec![a1, a2];
    let g2 = goal(s, G2_PARENTS, G2_CHILD, G2_PROFESSIONALS, &[&ds2]);
    let b1 = action(
        s,
        "Weigh Rory monthly and follow up the speech and language referral.",
        "Grace Ilori (health visitor)",
        date(2027, 3, 2),
        "Weights shared at each core group; first therapy appointment date known.",
    );
    s.safety_goals[g2].actions = vec![b1];
    s.bottom_lines = BOTTOM_LINES.into();
    s.contingency_plan = CONTINGENCY.into();
}

/// Recommendations: the first two professionals have spoken.
fn recommendations(s: &mut Session, p: &People, k: &ChildId, r: &ChildId) {
    use Category::*;
    use Outcome::*;
    recommend(
        s,
        &p.social_worker,
        k,
        ChildProtectionPlan,
        &[EmotionalAbuse],
        "The progress is real, but the plan to move Dean home is ahead of his programme; one more review period to test the safety.",
    );
    recommend(
        s,
        &p.social_worker,
        r,
        ChildProtectionPlan,
        &[Neglect, EmotionalAbuse],
        "Rory's care has improved a great deal; I want to see it hold for another three months alongside the work on the violence.",
    );
    recommend(
        s,
        &p.school,
        k,
        ChildInNeed,
        &[],
        "Kacey is settled and safe in school and talks openly; a child in need plan can keep the support going.",
    );
}
