//! A whole two-child initial conference, run by keys alone, finalised,
//! saved, and loaded back field for field.

mod support;

use cpconf::model::*;
use support::*;

fn add_person(
    app: &mut cpconf::app::state::App,
    name: &str,
    role: &str,
    agency: &str,
    kind: AgencyKind,
    recommends: bool,
) {
    // `a` opens the new person's form typing the name; Enter confirms a
    // one-line field and moves to the next.
    keys(app, "a");
    type_text(app, name);
    keys(app, "<Enter><Enter>");
    type_text(app, role);
    keys(app, "<Enter><Enter>");
    type_text(app, agency);
    keys(app, "<Enter>");
    // Agency kind starts at "Other agency"; move right until it is `kind`.
    while app.session.attendees.last().map(|a| a.agency_kind) != Some(kind) {
        keys(app, "<Right>");
    }
    if recommends {
        keys(app, "jjjj<Space>");
    }
    keys(app, "<Esc>");
}

pub fn run_icpc() -> cpconf::app::state::App {
    let mut app = new_app();

    // 0 Setup: the conference form, then the children.
    assert_eq!(app.stage, Stage::Setup);
    keys(&mut app, "j");
    set_field(&mut app, "23/11/2026");
    keys(&mut app, "j");
    set_field(&mut app, "10:00");
    keys(&mut app, "jj");
    set_field(&mut app, "Room 2, Civic Centre");
    keys(&mut app, "j");
    set_field(&mut app, "Morgan Reeve");
    keys(&mut app, "j");
    set_field(&mut app, "FAM9001");
    keys(&mut app, "j");
    set_field(&mut app, "2026-11-02");
    keys(&mut app, "<Tab>a");
    type_text(&mut app, "Amira Testwood");
    keys(&mut app, "<Enter><Enter>");
    type_text(&mut app, "2019-04-12");
    keys(&mut app, "<Enter><Esc>a");
    type_text(&mut app, "Bo Testwood 🌱");
    keys(&mut app, "<Enter><Enter>");
    type_text(&mut app, "05/01/2024");
    keys(&mut app, "<Enter><Esc>");

    // 1 Parents' pre-meeting.
    tick(&mut app, "09:40:00");
    keys(&mut app, "]");
    keys(
        &mut app,
        "<Space>j<Space>j<Space>j<Space>j<Space>j<Space>jj",
    );
    set_field(&mut app, "English");
    keys(&mut app, "j");
    set_field(&mut app, "Jo Advocate");
    keys(&mut app, "j");
    set_field(
        &mut app,
        "We want the children home and safe.\nWe know things have to change.",
    );
    keys(&mut app, "<Tab>a");
    type_text(&mut app, "Domestic abuse: Dad attends separately");
    keys(&mut app, "<Esc>j");
    set_field(&mut app, "Danger statements and the map");
    keys(&mut app, "kk<Space><Esc>");

    // 2 Introductions: the register, then the opening statements.
    tick(&mut app, "10:00:00");
    keys(&mut app, "]");
    add_person(
        &mut app,
        "Sam Social",
        "Social worker",
        "Children's Services",
        AgencyKind::ChildrensSocialCare,
        true,
    );
    add_person(
        &mut app,
        "Priya Nurse",
        "Health visitor",
        "NHS Trust",
        AgencyKind::Health,
        true,
    );
    add_person(
        &mut app,
        "Tom Teacher",
        "Designated safeguarding lead",
        "Oak School",
        AgencyKind::Education,
        true,
    );
    add_person(
        &mut app,
        "Officer Lee",
        "Detective constable",
        "Police",
        AgencyKind::Police,
        true,
    );
    add_person(
        &mut app,
        "Dana Testwood",
        "Mother",
        "",
        AgencyKind::Family,
        false,
    );
    assert!(
        app.session.quorum().is_quorate(),
        "{}",
        app.session.quorum().summary()
    );
    keys(&mut app, "<Tab><Space>j<Space>j<Space>j<Space>");

    // 3 Danger statements.
    tick(&mut app, "10:10:00");
    keys(&mut app, "]a");
    type_text(&mut app, "Children's social care and the school");
    keys(&mut app, "<Enter><Enter>");
    type_text(
        &mut app,
        "Dad's drinking leads to shouting and broken furniture at night.",
    );
    keys(&mut app, "<Esc>j<Enter>");
    type_text(
        &mut app,
        "Amira will keep being frightened and may be hurt.",
    );
    keys(&mut app, "<Esc>j<Enter>j<Space><Enter>j<Enter>");
    type_text(&mut app, "Dad says he stopped drinking in October.");
    keys(&mut app, "<Esc><Esc>");

    // 4 The map: one item per column, one restricted, then the child's voice.
    tick(&mut app, "10:25:00");
    keys(&mut app, "]a");
    type_text(&mut app, "Mum walks the children to school every day.");
    keys(&mut app, "<Esc><Esc><Tab>a");
    type_text(&mut app, "Police were called twice in October.");
    keys(&mut app, "<Esc>jjjj<Space><Esc><Tab>a");
    type_text(&mut app, "Housing is overcrowded; العائلة تحتاج إلى سكن");
    keys(&mut app, "<Esc><Esc><Tab>a");
    type_text(&mut app, "Dad to attend the alcohol service weekly.");
    keys(&mut app, "<Esc><Esc><Tab><Enter><Enter><Enter>j");
    set_field(&mut app, "I like it when Dad is calm. 家");

    // 5 Scaling: people down, children across.
    tick(&mut app, "10:50:00");
    keys(&mut app, "]<Enter>");
    type_text(&mut app, "4 worried about the drinking");
    keys(&mut app, "<Enter>l<Enter>");
    type_text(&mut app, "5");
    keys(&mut app, "<Enter>j<Enter>");
    type_text(&mut app, "6 health needs met");
    keys(&mut app, "<Enter>h<Enter>");
    type_text(&mut app, "3");
    keys(&mut app, "<Enter>");

    // 6 Safety goals, an action, bottom lines and contingency.
    tick(&mut app, "11:00:00");
    keys(&mut app, "]a");
    type_text(
        &mut app,
        "Dad will be sober whenever he cares for the children.",
    );
    keys(&mut app, "<Esc>j<Enter>");
    type_text(&mut app, "Calm evenings and a regular bedtime.");
    keys(&mut app, "<Esc>j<Enter>");
    type_text(&mut app, "Sober at every visit, seen weekly.");
    keys(&mut app, "<Esc>j<Enter><Space><Enter><Esc><Tab>a");
    type_text(&mut app, "Attend the alcohol service weekly");
    keys(&mut app, "<Esc>j<Enter>");
    type_text(&mut app, "Dad");
    keys(&mut app, "<Enter><Enter>");
    type_text(&mut app, "2026-12-31");
    keys(&mut app, "<Enter><Enter>");
    type_text(&mut app, "Attendance letters to the social worker");
    keys(&mut app, "<Esc><Esc><Tab><Enter>");
    type_text(&mut app, "No drinking while caring for the children.");
    keys(&mut app, "<Esc>j<Enter>");
    type_text(&mut app, "The children stay with their grandmother.");
    keys(&mut app, "<Esc>");

    // 7 Recommendations: professionals down, children across.
    tick(&mut app, "11:20:00");
    keys(
        &mut app,
        "]<Enter><Enter><Enter><Enter>j<Enter>jjj<Space><Enter>j<Enter>",
    );
    type_text(&mut app, "Ongoing exposure to conflict at home.");
    keys(&mut app, "<Esc><Esc>l<Enter><Enter><Enter>jj<Enter>");
    type_text(&mut app, "Younger; mum protective.");
    keys(
        &mut app,
        "<Esc><Esc>j<Enter><Enter><Enter><Esc>h<Enter><Enter><Enter><Enter><Esc>",
    );
    keys(
        &mut app,
        "jj<Enter><Enter><Enter><Enter><Esc>l<Enter><Enter><Enter><Enter><Esc>",
    );

    // 8 The chair's decision, a dissent, then finalise.
    tick(&mut app, "11:40:00");
    keys(
        &mut app,
        "]<Enter><Enter><Enter><Enter>j<Enter>jjj<Space><Enter>j<Enter>",
    );
    type_text(&mut app, "Significant harm through emotional abuse.");
    keys(
        &mut app,
        "<Esc>j<Enter>j<Enter>j<Enter><Space>j<Space><Enter>",
    );
    keys(&mut app, "<Tab>a");
    type_text(&mut app, "Police believe a plan is needed for Bo too.");
    keys(&mut app, "<Esc>k<Enter>jjjj<Enter><Esc>");
    keys(&mut app, "<Tab>j<Tab>kkkkkk<Enter><Enter>jj<Enter>");
    type_text(&mut app, "Needs support, but no risk of significant harm.");
    keys(&mut app, "<Esc>");
    tick(&mut app, "11:55:00");
    keys(&mut app, "Fy");
    app
}

#[test]
fn a_whole_two_child_conference_by_keys_alone() {
    let app = run_icpc();
    let s = &app.session;
    assert!(s.problems().is_empty(), "{:?}", s.problems());

    assert_eq!(s.setup.date, chrono::NaiveDate::from_ymd_opt(2026, 11, 23));
    assert_eq!(
        s.setup.start_time.map(|t| t.to_string()),
        Some("10:00:00".into())
    );
    assert_eq!(s.setup.venue, "Room 2, Civic Centre");
    assert_eq!(s.setup.chair, "Morgan Reeve");
    assert_eq!(s.setup.family_reference, "FAM9001");
    assert_eq!(s.children.len(), 2);
    assert_eq!(s.children[1].name, "Bo Testwood 🌱");
    assert_eq!(
        s.children[1].date_of_birth,
        chrono::NaiveDate::from_ymd_opt(2024, 1, 5)
    );

    let pm = &s.pre_meeting;
    assert!(pm.explained_purpose && pm.explained_complaints);
    assert_eq!(
        pm.parents_views,
        "We want the children home and safe.\nWe know things have to change."
    );
    assert_eq!(pm.exclusions.len(), 1);
    assert!(pm.exclusions[0].separate_attendance);
    assert_eq!(pm.exclusions[0].which_part, "Danger statements and the map");

    assert_eq!(s.attendees.len(), 5);
    assert_eq!(s.attendees[0].agency_kind, AgencyKind::ChildrensSocialCare);
    assert!(s.attendees[3].gives_recommendation);
    assert!(s.opening_statements.confidentiality && s.opening_statements.complaints);

    let d = &s.danger_statements[0];
    assert_eq!(
        d.children,
        vec![s.children[0].id.clone()],
        "danger is about Amira only"
    );
    assert_eq!(d.dispute, "Dad says he stopped drinking in October.");

    assert_eq!(s.map_items.len(), 4);
    for col in Column::ALL {
        assert_eq!(
            s.map_items.iter().filter(|m| m.column == *col).count(),
            1,
            "{col:?}"
        );
    }
    assert!(
        s.map_items
            .iter()
            .any(|m| m.restricted && m.column == Column::Worried)
    );
    assert!(s.map_items.iter().any(|m| m.text.contains("العائلة")));
    assert_eq!(s.child_voices[0].method, VoiceMethod::ThreeHouses);
    assert_eq!(s.child_voices[0].words, "I like it when Dad is calm. 家");

    let scores: Vec<(u8, &str)> = s
        .scaling
        .scores
        .iter()
        .map(|x| (x.score, x.reason.as_str()))
        .collect();
    assert_eq!(
        scores,
        vec![
            (4, "worried about the drinking"),
            (5, ""),
            (6, "health needs met"),
            (3, "")
        ]
    );

    let g = &s.safety_goals[0];
    assert_eq!(g.danger_statements, vec![d.id.clone()]);
    assert_eq!(g.actions[0].who, "Dad");
    assert_eq!(
        g.actions[0].by_when,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 31)
    );
    assert_eq!(
        s.contingency_plan,
        "The children stay with their grandmother."
    );

    assert_eq!(s.recommendations.len(), 6);
    let amira = s.children[0].id.clone();
    let bo = s.children[1].id.clone();
    assert_eq!(s.tally(&amira).plan, 3);
    assert_eq!(s.tally(&bo).child_in_need, 2);
    assert_eq!(s.tally(&bo).plan, 1);

    let da = &s.decisions[0];
    assert_eq!(da.outcome, Outcome::ChildProtectionPlan);
    assert_eq!(da.categories, vec![Category::EmotionalAbuse]);
    assert_eq!(da.plan.lead_social_worker, Some(s.attendees[0].id.clone()));
    assert_eq!(da.plan.core_group.len(), 2);
    // 10 working days after Mon 23 Nov 2026 is Mon 7 Dec; 3 months on is 23 Feb 2027.
    assert_eq!(
        da.plan.first_core_group,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 7)
    );
    assert_eq!(
        da.plan.review_date,
        chrono::NaiveDate::from_ymd_opt(2027, 2, 23)
    );
    assert_eq!(da.dissents[0].who, Some(s.attendees[3].id.clone()));
    let db = &s.decisions[1];
    assert_eq!(db.outcome, Outcome::ChildInNeed);
    assert!(
        db.differs_from_recommendations,
        "one professional recommended a plan for Bo"
    );
    assert!(!da.differs_from_recommendations);

    assert_eq!(s.status, Status::Finalised);
    assert_eq!(
        s.finalised.as_ref().map(|f| f.by.as_str()),
        Some("Morgan Reeve")
    );
    for stage in Stage::ALL {
        assert!(s.stage_visited(stage), "{stage:?} never visited");
    }
    assert!(s.stage_visits.iter().all(|v| v.ended_at.is_some()));
}

#[test]
fn the_finalised_record_is_locked() {
    let mut app = run_icpc();
    let before = app.session.clone();
    keys(&mut app, "[[[[a");
    keys(&mut app, "ud<Enter>");
    assert_eq!(app.session, before);
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("finalised"))
    );
}

#[test]
fn saved_and_reloaded_the_session_is_the_same() {
    let app = run_icpc();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    cpconf::storage::save(&cpconf::storage::DurableWriter, &path, &app.session).unwrap();
    let loaded = cpconf::storage::load(&path).unwrap().session;
    assert_eq!(loaded, app.session);
}
