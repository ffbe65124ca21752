//! Each agenda stage driven by keys into `App::update`, checked in the model
//! and on the rendered screen; plus the behaviours a chair counts on in
//! every stage: typing is never lost, bad values are refused, undo works,
//! names follow ids, and a locked or read-only record cannot change.

use crate::support;

use chrono::NaiveDate;
use cpconf::app::effect::Effect;
use cpconf::app::state::{Access, App, Overlay, Tone};
use cpconf::app::update::Msg;
use cpconf::model::*;
use support::*;

// ----- a small fictional family, built in code ----------------------------------

fn add_person(
    s: &mut Session,
    name: &str,
    role: &str,
    agency: &str,
    kind: AgencyKind,
    recommends: bool,
) -> AttendeeId {
    let id = s.add_attendee();
    let a = s.attendees.last_mut().expect("just added");
    a.name = name.into();
    a.role = role.into();
    a.agency = agency.into();
    a.agency_kind = kind;
    a.gives_recommendation = recommends;
    id
}

/// Two children (Nell, Otto) and a quorate register: three professionals
/// who recommend, and both parents. Nothing recorded yet after that.
pub(crate) fn family_session() -> Session {
    let mut s = Session::new("family-test".into(), at("09:30:00"));
    s.setup.chair = "Morgan Reeve".into();
    s.setup.family_reference = "FAM9002".into();
    for name in ["Nell Quarry", "Otto Quarry"] {
        let id = s.add_child();
        s.children
            .iter_mut()
            .find(|c| c.id == id)
            .expect("child")
            .name = name.into();
    }
    add_person(
        &mut s,
        "Sam Social",
        "Social worker",
        "Children's Services",
        AgencyKind::ChildrensSocialCare,
        true,
    );
    add_person(
        &mut s,
        "Priya Nurse",
        "Health visitor",
        "NHS Trust",
        AgencyKind::Health,
        true,
    );
    add_person(
        &mut s,
        "Tom Teacher",
        "Safeguarding lead",
        "Oak School",
        AgencyKind::Education,
        true,
    );
    add_person(
        &mut s,
        "Dana Quarry",
        "Mother",
        "",
        AgencyKind::Family,
        false,
    );
    add_person(
        &mut s,
        "Lee Quarry",
        "Father",
        "",
        AgencyKind::Family,
        false,
    );
    s.refresh_derived();
    s
}

fn family() -> App {
    App::new(family_session(), Access::Edit, at("09:30:00"))
}

fn child(app: &App, name: &str) -> ChildId {
    app.session()
        .children
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no child {name}"))
        .id
        .clone()
}

fn person(app: &App, name: &str) -> AttendeeId {
    app.session()
        .attendees
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("no person {name}"))
        .id
        .clone()
}

/// Moves to `stage` with PgDn / PgUp, as the chair would (an inquorate
/// register asks once on the way, and the next key moves on).
fn to_stage(app: &mut App, stage: Stage) {
    for _ in 0..2 * Stage::ALL.len() {
        if app.stage() == stage {
            return;
        }
        keys(
            app,
            if app.stage() < stage {
                "<PgDn>"
            } else {
                "<PgUp>"
            },
        );
    }
    assert_eq!(app.stage(), stage, "could not reach {stage:?}");
}

fn message(app: &App) -> String {
    app.message()
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// The text in the open editor.
fn editor_text(app: &App) -> String {
    match app.overlays().last() {
        Some(Overlay::Editor(e)) => e.value(),
        other => panic!("no editor open: {other:?}"),
    }
}

/// The field chosen in the open record form (under the editor, if any).
fn record_selected(app: &App) -> usize {
    app.overlays()
        .iter()
        .rev()
        .find_map(|o| match o {
            Overlay::Record(f) => Some(f.selected),
            _ => None,
        })
        .expect("a record form is open")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn big_screen(app: &App) -> String {
    screen(app, 160, 48)
}

// ----- 0 Setup -------------------------------------------------------------------

#[test]
fn setup_records_the_conference_and_each_child_gets_a_decision_and_a_voice() {
    let mut app = new_app();
    commands(&mut app, "<Enter>");
    assert_eq!(app.session().setup.kind, ConferenceKind::Review);
    keys(&mut app, "i");
    assert_eq!(app.session().setup.kind, ConferenceKind::Initial);
    // An arrow leaves the form for the pane beside and never changes the
    // choice it was on (← pressed to go back once changed an outcome).
    commands(&mut app, "<Right>");
    assert_eq!(app.pane(), 1);
    assert_eq!(app.session().setup.kind, ConferenceKind::Initial);
    commands(&mut app, "<Left>");
    assert_eq!(app.pane(), 0);
    assert_eq!(app.session().setup.kind, ConferenceKind::Initial);
    focus_field(&mut app, "Date");
    set_field(&mut app, "24/11/2026");
    focus_field(&mut app, "Start time");
    set_field(&mut app, "13:30");
    focus_field(&mut app, "Venue kind");
    commands(&mut app, "<Space>");
    focus_field(&mut app, "Venue or link");
    set_field(&mut app, "Video link, Kelbridge Hub");
    focus_field(&mut app, "Chair");
    set_field(&mut app, "Morgan Reeve");
    focus_field(&mut app, "Family reference");
    set_field(&mut app, "FAM9003");
    focus_field(&mut app, "Strategy discussion");
    set_field(&mut app, "2026-11-05");

    // A born child and an unborn one.
    commands(&mut app, "<Tab>a");
    type_text(&mut app, "Nell Quarry");
    commands(&mut app, "<Enter><Enter>");
    type_text(&mut app, "12/04/2019");
    commands(&mut app, "<Enter><Esc>a");
    type_text(&mut app, "Baby Quarry");
    commands(&mut app, "<Enter>");
    open_field(&mut app, "Expected delivery (unborn)");
    type_text(&mut app, "2027-01-15");
    commands(&mut app, "<Enter><Esc>");

    let s = &app.session();
    assert_eq!(s.setup.date, Some(date(2026, 11, 24)));
    assert_eq!(
        s.setup.start_time.map(|t| t.to_string()),
        Some("13:30:00".into())
    );
    assert_eq!(s.setup.venue_kind, VenueKind::Virtual);
    assert_eq!(s.setup.venue, "Video link, Kelbridge Hub");
    assert_eq!(s.setup.chair, "Morgan Reeve");
    assert_eq!(s.setup.family_reference, "FAM9003");
    assert_eq!(s.setup.strategy_discussion_date, Some(date(2026, 11, 5)));
    assert_eq!(s.children.len(), 2);
    assert_ne!(s.children[0].id, s.children[1].id, "ids are unique");
    assert_eq!(s.children[0].date_of_birth, Some(date(2019, 4, 12)));
    assert_eq!(s.children[1].date_of_birth, None);
    assert_eq!(s.children[1].expected_delivery, Some(date(2027, 1, 15)));
    let ids = s.all_child_ids();
    let decided: Vec<ChildId> = s.decisions.iter().map(|d| d.child.clone()).collect();
    let voices: Vec<ChildId> = s.child_voices.iter().map(|v| v.child.clone()).collect();
    assert_eq!(decided, ids, "one decision per child, in order");
    assert_eq!(voices, ids, "one child's voice per child, in order");

    let shown = big_screen(&app);
    assert!(shown.contains("Nell Quarry"), "{shown}");
    assert!(shown.contains("unborn, due Fri 15 Jan 2027"), "{shown}");
    assert!(shown.contains("FAM9003"), "{shown}");
}

// ----- 1 Parents' pre-meeting ----------------------------------------------------

#[test]
fn pre_meeting_ticks_what_was_explained_and_records_separate_attendance() {
    let mut app = family();
    to_stage(&mut app, Stage::PreMeeting);
    commands(&mut app, "<Space>");
    focus_field(&mut app, "Explained: how to contribute");
    commands(&mut app, "<Space>");
    focus_field(&mut app, "Interpreter needed");
    commands(&mut app, "<Space>");
    focus_field(&mut app, "Language / interpreter");
    set_field(&mut app, "Polish; interpreter Ewa Nowak");
    focus_field(&mut app, "Parents' first views");
    set_field(&mut app, "We want to keep the children safe.");

    // An exclusion: `a` starts typing the grounds, then pick who and tick
    // separate attendance.
    commands(&mut app, "<Tab>a");
    type_text(&mut app, "Bail conditions: no contact with Dana.");
    commands(&mut app, "<Esc>");
    open_field(&mut app, "Who");
    commands(&mut app, "jjjjj<Enter>");
    focus_field(&mut app, "Separate attendance (not exclusion)");
    commands(&mut app, "<Space>");
    open_field(&mut app, "Which part");
    type_text(&mut app, "All of it");
    commands(&mut app, "<Enter><Esc>");

    let pm = &app.session().pre_meeting;
    assert!(pm.explained_purpose);
    assert!(!pm.explained_how_it_runs);
    assert!(pm.explained_how_to_contribute);
    assert!(pm.interpreter_needed);
    assert_eq!(pm.language, "Polish; interpreter Ewa Nowak");
    assert_eq!(pm.parents_views, "We want to keep the children safe.");
    assert_eq!(pm.exclusions.len(), 1);
    let e = &pm.exclusions[0];
    assert_eq!(e.person, Some(person(&app, "Lee Quarry")));
    assert!(e.separate_attendance);
    assert_eq!(e.grounds, "Bail conditions: no contact with Dana.");
    assert_eq!(e.which_part, "All of it");
    assert!(big_screen(&app).contains("Lee Quarry attends separately: All of it"));
}

// ----- 2 Introductions -----------------------------------------------------------

#[test]
fn introductions_add_a_person_to_the_register_and_tick_opening_statements() {
    let mut app = family();
    to_stage(&mut app, Stage::Introductions);
    commands(&mut app, "a");
    type_text(&mut app, "Rita Constable");
    commands(&mut app, "<Enter><Enter>");
    type_text(&mut app, "Detective constable");
    commands(&mut app, "<Enter><Enter>");
    type_text(&mut app, "Kelbridge Police");
    // Agency kind cycles Other → Children's social care → Police.
    commands(&mut app, "<Enter><Right><Right>");
    // Attendance: Present → Apologies → Report only → Joined late.
    focus_field(&mut app, "Attendance");
    commands(&mut app, "<Right><Right><Right>");
    open_field(&mut app, "Joined at");
    type_text(&mut app, "10:15");
    commands(&mut app, "<Enter>");
    focus_field(&mut app, "Gives a recommendation");
    commands(&mut app, "<Space><Esc>");
    commands(&mut app, "<Tab><Space>");
    focus_field(&mut app, "Equality and diversity");
    commands(&mut app, "<Space>");

    let s = &app.session();
    assert_eq!(s.attendees.len(), 6);
    let rita = s.attendees.last().unwrap();
    assert_eq!(rita.name, "Rita Constable");
    assert_eq!(rita.role, "Detective constable");
    assert_eq!(rita.agency, "Kelbridge Police");
    assert_eq!(rita.agency_kind, AgencyKind::Police);
    assert_eq!(rita.attendance, Attendance::JoinedLate);
    assert_eq!(
        rita.joined_at.map(|t| t.to_string()),
        Some("10:15:00".into())
    );
    assert!(rita.gives_recommendation);
    let ids: std::collections::HashSet<&AttendeeId> = s.attendees.iter().map(|a| &a.id).collect();
    assert_eq!(ids.len(), 6, "every person has their own id");
    assert!(s.opening_statements.confidentiality);
    assert!(s.opening_statements.equality);
    assert!(!s.opening_statements.professional_difference);
    let shown = big_screen(&app);
    assert!(
        shown.contains("Rita Constable — Detective constable, Kelbridge Police"),
        "{shown}"
    );
    assert!(shown.contains("Joined late 10:15"), "{shown}");
}

#[test]
fn the_quorum_signal_follows_the_register() {
    let mut app = new_app();
    to_stage(&mut app, Stage::Introductions);
    assert!(big_screen(&app).contains("NOT QUORATE: needs children's social care"));

    let add = |app: &mut App, name: &str, agency: &str, rights: &str| {
        commands(app, "a");
        type_text(app, name);
        commands(app, "<Enter><Enter><Enter><Enter>");
        type_text(app, agency);
        commands(app, "<Enter>");
        commands(app, rights);
        commands(app, "<Esc>");
    };
    add(&mut app, "Sam Social", "Children's Services", "<Right>");
    assert!(big_screen(&app).contains("NOT QUORATE: needs 2 more agencies"));
    add(
        &mut app,
        "Rita Constable",
        "Kelbridge Police",
        "<Right><Right>",
    );
    assert!(big_screen(&app).contains("NOT QUORATE: needs 1 more agency"));
    add(
        &mut app,
        "Priya Nurse",
        "NHS Trust",
        "<Right><Right><Right>",
    );
    assert!(app.session().quorum().is_quorate());
    let shown = big_screen(&app);
    assert!(
        shown.contains("QUORATE: social care + Kelbridge Police, NHS Trust"),
        "{shown}"
    );
    assert!(shown.contains("✓ quorate"), "sidebar agrees: {shown}");

    // The nurse sends apologies after all: not quorate again.
    commands(&mut app, "<Enter>");
    focus_field(&mut app, "Attendance");
    commands(&mut app, "<Right><Esc>");
    assert_eq!(app.session().attendees[2].attendance, Attendance::Apologies);
    assert!(!app.session().quorum().is_quorate());
    let shown = big_screen(&app);
    assert!(
        shown.contains("NOT QUORATE: needs 1 more agency"),
        "{shown}"
    );
    assert!(shown.contains("✗ not quorate"), "{shown}");
}

// ----- 3 Danger statements -------------------------------------------------------

#[test]
fn a_danger_statement_is_about_the_children_chosen_and_keeps_the_dispute() {
    let mut app = family();
    to_stage(&mut app, Stage::DangerStatements);
    commands(&mut app, "a");
    type_text(&mut app, "The school and the health visitor");
    commands(&mut app, "<Enter><Enter>");
    type_text(&mut app, "Otto is often hungry at school.");
    commands(&mut app, "<Esc>");
    open_field(&mut app, "If nothing changes");
    type_text(&mut app, "Otto will not grow well.");
    // Children: both are ticked for a new statement; untick Nell.
    commands(&mut app, "<Esc>");
    open_field(&mut app, "Children");
    commands(&mut app, "<Space><Enter>");
    open_field(&mut app, "Dispute");
    type_text(&mut app, "Dana says he eats well at home.");
    commands(&mut app, "<Esc><Esc>");

    let otto = child(&app, "Otto Quarry");
    let s = &app.session();
    assert_eq!(s.danger_statements.len(), 1);
    let d = &s.danger_statements[0];
    assert_eq!(d.who_is_worried, "The school and the health visitor");
    assert_eq!(d.worry, "Otto is often hungry at school.");
    assert_eq!(d.if_nothing_changes, "Otto will not grow well.");
    assert_eq!(d.children, vec![otto]);
    assert_eq!(d.dispute, "Dana says he eats well at home.");
    let shown = big_screen(&app);
    assert!(
        shown.contains("D1 The school and the health visitor · about Otto Quarry"),
        "{shown}"
    );
    assert!(
        shown.contains("Disputed: Dana says he eats well at home."),
        "{shown}"
    );
}

// ----- 4 The map -----------------------------------------------------------------

#[test]
fn a_map_item_records_who_said_it_its_tag_and_restriction_and_can_move_column() {
    let mut app = family();
    to_stage(&mut app, Stage::Map);
    // Typed into the column; Tab keeps it and opens its form at "Said by",
    // where typing finds Priya and Tab chooses her and goes on (Enter
    // would close the form); the tag back one to Existing safety;
    // restricted; the column on to "worried".
    type_text(&mut app, "Police intelligence about a visitor to the home.");
    keys(&mut app, "<Tab>pri<Tab>");
    focus_field(&mut app, "Tag");
    keys(&mut app, "<Left>");
    focus_field(&mut app, "Restricted (not shared with family)");
    keys(&mut app, "<Space>");
    focus_field(&mut app, "Column");
    keys(&mut app, "<Right><Esc>");

    let s = &app.session();
    assert_eq!(s.map_items.len(), 1);
    let m = &s.map_items[0];
    assert_eq!(m.said_by, Some(person(&app, "Priya Nurse")));
    assert_eq!(m.tag, Tag::ExistingSafety);
    assert!(m.restricted);
    assert_eq!(m.column, Column::Worried);
    assert_eq!(
        m.children,
        s.all_child_ids(),
        "new items are about every child"
    );
    let shown = big_screen(&app);
    // At four columns the long titles give way to short ones, keeping counts.
    assert!(shown.contains("Worries (1)"), "{shown}");
    assert!(shown.contains("What's working well (0)"), "{shown}");
    assert!(shown.contains("RESTRICTED"), "{shown}");
    // Four columns side by side: the tag and author wrap, never cut.
    assert!(shown.contains("Existing safety · — Priya"), "{shown}");
}

#[test]
fn the_childs_voice_is_recorded_per_child() {
    let mut app = family();
    to_stage(&mut app, Stage::Map);
    commands(&mut app, "<Tab><Tab><Tab><Tab>");
    focus_field(&mut app, "Otto: How gathered");
    commands(&mut app, "<Enter><Enter><Enter>");
    focus_field(&mut app, "Otto: In the child's words");
    set_field(&mut app, "House of good things: my dog.");
    let s = &app.session();
    let otto = child(&app, "Otto Quarry");
    let nell = child(&app, "Nell Quarry");
    let voice = |c: &ChildId| s.child_voices.iter().find(|v| &v.child == c).unwrap();
    assert_eq!(voice(&otto).method, VoiceMethod::ThreeHouses);
    assert_eq!(voice(&otto).words, "House of good things: my dog.");
    assert_eq!(voice(&nell).method, VoiceMethod::NotYetGathered);
    assert_eq!(voice(&nell).words, "");
}

// ----- 5 Scaling -----------------------------------------------------------------

#[test]
fn scaling_scores_each_person_per_child_and_can_be_changed_or_cleared() {
    let mut app = family();
    to_stage(&mut app, Stage::Scaling);
    // As in a spreadsheet: Tab keeps an entry and goes across to the next
    // child, Enter keeps it and goes down to the next person, back at the
    // child where this row's entries began.
    commands(&mut app, "<Enter>");
    type_text(&mut app, "4 worried about meals");
    keys(&mut app, "<Tab>");
    assert_eq!(
        (app.cursor(app.pane()).row, app.cursor(app.pane()).col),
        (0, 1)
    );
    type_text(&mut app, "6");
    keys(&mut app, "<Enter>");
    assert_eq!(
        (app.cursor(app.pane()).row, app.cursor(app.pane()).col),
        (1, 0)
    );
    keys(&mut app, "<Right>");
    type_text(&mut app, "7 growing now");
    keys(&mut app, "<Enter>");
    assert_eq!(app.cursor(app.pane()).row, 2, "down to the next person");
    keys(&mut app, "<Up>");

    let (sam, priya) = (person(&app, "Sam Social"), person(&app, "Priya Nurse"));
    let (nell, otto) = (child(&app, "Nell Quarry"), child(&app, "Otto Quarry"));
    let score = |app: &App, p: &AttendeeId, c: &ChildId| {
        app.session()
            .scaling
            .scores
            .iter()
            .find(|x| &x.person == p && &x.child == c)
            .map(|x| (x.score, x.reason.clone()))
    };
    assert_eq!(
        score(&app, &sam, &nell),
        Some((4, "worried about meals".into()))
    );
    assert_eq!(score(&app, &sam, &otto), Some((6, String::new())));
    assert_eq!(score(&app, &priya, &otto), Some((7, "growing now".into())));
    assert_eq!(score(&app, &priya, &nell), None);
    assert!(big_screen(&app).contains("2 scores · median 6.5 · range 6–7"));

    // Changing a score replaces it; `d` clears the cell.
    commands(&mut app, "k");
    set_field(&mut app, "5");
    assert_eq!(score(&app, &sam, &otto), Some((5, String::new())));
    assert_eq!(app.session().scaling.scores.len(), 3);
    commands(&mut app, "jd");
    assert_eq!(score(&app, &priya, &otto), None);

    commands(&mut app, "<Tab>");
    set_field(&mut app, "How safe is Otto at home today?");
    assert_eq!(
        app.session().scaling.question,
        "How safe is Otto at home today?"
    );
}

// ----- 6 Safety goals ------------------------------------------------------------

#[test]
fn a_safety_goal_answers_a_danger_statement_and_has_dated_actions() {
    let mut app = family();
    to_stage(&mut app, Stage::DangerStatements);
    commands(&mut app, "a");
    type_text(&mut app, "The school");
    commands(&mut app, "<Enter><Enter>");
    type_text(&mut app, "Otto is hungry.");
    commands(&mut app, "<Esc><Esc>");

    to_stage(&mut app, Stage::SafetyGoals);
    commands(&mut app, "a");
    type_text(&mut app, "Making sure Otto eats three meals a day.");
    commands(&mut app, "<Esc>");
    open_field(&mut app, "The child will experience");
    type_text(&mut app, "Breakfast every morning.");
    commands(&mut app, "<Esc>");
    open_field(&mut app, "Professionals will see");
    type_text(&mut app, "Otto's weight rising.");
    commands(&mut app, "<Esc>");
    open_field(&mut app, "Answers danger statements");
    commands(&mut app, "<Space><Enter><Esc>");
    commands(&mut app, "<Tab>a");
    type_text(&mut app, "Weigh Otto monthly");
    commands(&mut app, "<Esc>");
    open_field(&mut app, "Who");
    type_text(&mut app, "Priya Nurse");
    commands(&mut app, "<Enter><Enter>");
    type_text(&mut app, "31/12/2026");
    commands(&mut app, "<Enter><Enter>");
    type_text(&mut app, "Growth chart");
    commands(&mut app, "<Esc><Esc><Tab>");
    set_field(&mut app, "Otto is never left without food.");
    focus_field(&mut app, "Contingency plan");
    set_field(&mut app, "Otto stays with his grandmother.");

    let s = &app.session();
    assert_eq!(s.safety_goals.len(), 1);
    let g = &s.safety_goals[0];
    assert_eq!(g.parents_will, "Making sure Otto eats three meals a day.");
    assert_eq!(g.child_will_experience, "Breakfast every morning.");
    assert_eq!(g.professionals_will_see, "Otto's weight rising.");
    assert_eq!(g.danger_statements, vec![s.danger_statements[0].id.clone()]);
    assert_eq!(g.actions.len(), 1);
    let a = &g.actions[0];
    assert_eq!(a.what, "Weigh Otto monthly");
    assert_eq!(a.who, "Priya Nurse");
    assert_eq!(a.by_when, Some(date(2026, 12, 31)));
    assert_eq!(a.how_we_will_know, "Growth chart");
    assert_eq!(s.bottom_lines, "Otto is never left without food.");
    assert_eq!(s.contingency_plan, "Otto stays with his grandmother.");
    let shown = big_screen(&app);
    assert!(shown.contains("Goal 1 · 1 action(s)"), "{shown}");
    assert!(
        shown.contains("Priya Nurse · by Thu 31 Dec 2026"),
        "{shown}"
    );
}

// ----- 7 Recommendations ---------------------------------------------------------

#[test]
fn each_professional_recommends_per_child_and_the_tally_runs() {
    let mut app = family();
    to_stage(&mut app, Stage::Recommendations);
    assert!(big_screen(&app).contains("CPP 0 · CIN 0 · NFA 0"));
    // Sam for Nell: a plan, emotional abuse, with a reason.
    commands(&mut app, "<Enter><Enter>j<Enter>jjj<Space><Tab><Enter>");
    type_text(&mut app, "Ongoing conflict at home.");
    commands(&mut app, "<Esc><Esc>");

    let (sam, priya) = (person(&app, "Sam Social"), person(&app, "Priya Nurse"));
    let (nell, otto) = (child(&app, "Nell Quarry"), child(&app, "Otto Quarry"));
    let s = &app.session();
    assert_eq!(s.recommendations.len(), 1);
    let r = &s.recommendations[0];
    assert_eq!((&r.professional, &r.child), (&sam, &nell));
    assert_eq!(r.outcome, Outcome::ChildProtectionPlan);
    assert_eq!(r.categories, vec![Category::EmotionalAbuse]);
    assert_eq!(r.reason, "Ongoing conflict at home.");
    let shown = big_screen(&app);
    assert!(shown.contains("CPP 1 · CIN 0 · NFA 0"), "{shown}");
    assert!(
        shown.contains("CPP Sam Social (Emotional abuse)"),
        "{shown}"
    );

    // Sam for Otto: child in need; Priya for Otto: no further action.
    commands(
        &mut app,
        "l<Enter><Enter><Enter><Esc>j<Enter><Enter><Enter><Enter><Esc>",
    );
    assert_eq!(app.session().tally(&otto).child_in_need, 1);
    assert_eq!(app.session().tally(&otto).no_further_action, 1);
    assert_eq!(app.session().tally(&nell).plan, 1);
    let from_priya: Vec<&ChildId> = app
        .session()
        .recommendations
        .iter()
        .filter(|r| r.professional == priya)
        .map(|r| &r.child)
        .collect();
    assert_eq!(from_priya, vec![&otto]);
    let shown = big_screen(&app);
    assert!(shown.contains("CPP 0 · CIN 1 · NFA 1"), "{shown}");

    // The grid cell changes the tally at once: Priya's NFA becomes CIN
    // (Enter goes round: not yet decided, a plan, child in need).
    commands(&mut app, "<Enter><Enter><Enter><Enter><Esc>");
    assert!(big_screen(&app).contains("CPP 0 · CIN 2 · NFA 0"));
}

// ----- 8 The chair's decision ----------------------------------------------------

#[test]
fn the_decision_records_outcome_plan_details_and_dissent_per_child() {
    let mut app = family();
    to_stage(&mut app, Stage::Decision);
    // Nell: a plan for neglect, with rationale, lead and core group.
    focus_pane(&mut app, "Decision");
    focus_field(&mut app, "Outcome");
    keys(&mut app, "cpp");
    // Choosing the plan names the one social worker as lead, and puts the
    // lead and the parents in the core group, and says so.
    let nell = child(&app, "Nell Quarry");
    let plan = |app: &App| {
        let d = app.session().decisions.iter().find(|d| d.child == nell);
        d.unwrap().plan.clone()
    };
    assert_eq!(
        plan(&app).lead_social_worker,
        Some(person(&app, "Sam Social"))
    );
    assert_eq!(
        plan(&app).core_group,
        ["Sam Social", "Dana Quarry", "Lee Quarry"].map(|n| person(&app, n))
    );
    assert!(
        app.message()
            .is_some_and(|m| m.text.contains("lead, core group filled in")),
        "{:?}",
        app.message()
    );
    open_field(&mut app, "Categories");
    commands(&mut app, "<Space><Enter>");
    open_field(&mut app, "Rationale");
    type_text(&mut app, "Otto's hunger affects Nell too.");
    commands(&mut app, "<Esc>");
    // This core group: the parents out, the health visitor in (found by
    // typing; Enter on her ticks her and closes).
    open_field(&mut app, "Core group");
    keys(&mut app, "dana<Space>lee<Space>pri<Enter>");
    // A dissent from Priya.
    commands(&mut app, "<Tab>a");
    type_text(&mut app, "Health sees no risk to Nell.");
    commands(&mut app, "<Esc>");
    open_field(&mut app, "Who dissents");
    commands(&mut app, "jj<Enter><Esc>");

    let s = &app.session();
    let d = s.decisions.iter().find(|d| d.child == nell).unwrap();
    assert_eq!(d.outcome, Outcome::ChildProtectionPlan);
    assert_eq!(d.categories, vec![Category::Neglect]);
    assert_eq!(d.rationale, "Otto's hunger affects Nell too.");
    assert_eq!(d.plan.lead_social_worker, Some(person(&app, "Sam Social")));
    assert_eq!(
        d.plan.core_group,
        vec![person(&app, "Sam Social"), person(&app, "Priya Nurse")]
    );
    assert_eq!(d.dissents.len(), 1);
    assert_eq!(d.dissents[0].who, Some(person(&app, "Priya Nurse")));
    assert_eq!(d.dissents[0].why, "Health sees no risk to Nell.");
    let otto_decision = &s.decisions[1];
    assert_eq!(otto_decision.outcome, Outcome::Undecided, "Otto untouched");
    assert!(otto_decision.dissents.is_empty());

    // Move to Otto in the children list: his own, empty, decision form.
    // The form keeps its row between children: go back up to Outcome.
    commands(&mut app, "<BackTab><BackTab>j<Enter>");
    focus_field(&mut app, "Outcome");
    commands(&mut app, "<Enter><Enter>");
    assert_eq!(app.session().decisions[1].outcome, Outcome::ChildInNeed);
    assert_eq!(
        app.session().decisions[0].outcome,
        Outcome::ChildProtectionPlan
    );
    let shown = big_screen(&app);
    assert!(shown.contains("Child in need plan"), "{shown}");
    assert!(shown.contains("Child protection plan (Neglect)"), "{shown}");
}

#[test]
fn choosing_a_child_protection_plan_fills_the_core_group_and_review_dates() {
    let mut app = family();
    to_stage(&mut app, Stage::Decision);
    // "i" finds a child in need plan by its word "in", without passing a
    // plan on the way; then "c" a child protection plan.
    keys(&mut app, "i");
    assert_eq!(app.session().decisions[0].outcome, Outcome::ChildInNeed);
    assert_eq!(app.session().decisions[0].plan.first_core_group, None);
    keys(&mut app, "c");
    let plan = &app.session().decisions[0].plan;
    assert_eq!(
        app.session().decisions[0].outcome,
        Outcome::ChildProtectionPlan
    );
    // Conference Mon 23 Nov 2026: 10 working days on, and 3 months on.
    assert_eq!(plan.first_core_group, Some(date(2026, 12, 7)));
    assert_eq!(plan.review_date, Some(date(2027, 2, 23)));
    assert_eq!(app.session().decisions[1].plan.first_core_group, None);
    let shown = big_screen(&app);
    assert!(shown.contains("Mon 7 Dec 2026"), "{shown}");
    assert!(shown.contains("Tue 23 Feb 2027"), "{shown}");

    // The dates stay editable.
    focus_field(&mut app, "First core group");
    set_field(&mut app, "08/12/2026");
    assert_eq!(
        app.session().decisions[0].plan.first_core_group,
        Some(date(2026, 12, 8))
    );
}

#[test]
fn the_decision_is_flagged_when_it_differs_from_the_recommendations() {
    let mut app = family();
    to_stage(&mut app, Stage::Recommendations);
    // Sam and Priya both recommend a plan for Nell.
    commands(&mut app, "<Enter><Enter><Esc>j<Enter><Enter><Esc>");
    assert_eq!(app.session().tally(&child(&app, "Nell Quarry")).plan, 2);

    to_stage(&mut app, Stage::Decision);
    keys(&mut app, "i");
    assert_eq!(app.session().decisions[0].outcome, Outcome::ChildInNeed);
    assert!(app.session().decisions[0].differs_from_recommendations);
    // Both recommended a plan: the screen says how many went another way.
    assert!(big_screen(&app).contains("≠ 2 of 2 recommended otherwise"));

    keys(&mut app, "c");
    assert_eq!(
        app.session().decisions[0].outcome,
        Outcome::ChildProtectionPlan
    );
    assert!(!app.session().decisions[0].differs_from_recommendations);
    assert!(!big_screen(&app).contains("recommended otherwise"));
}

// ----- typing is never lost ------------------------------------------------------

#[test]
fn esc_keeps_what_was_typed_in_a_one_line_field() {
    let mut app = new_app();
    open_field(&mut app, "Chair");
    type_text(&mut app, "Morgan Reeve");
    commands(&mut app, "<Esc>");
    assert!(!app.editing());
    assert_eq!(app.session().setup.chair, "Morgan Reeve");
}

#[test]
fn esc_keeps_what_was_typed_in_a_multi_line_field_and_enter_makes_new_lines() {
    let mut app = new_app();
    to_stage(&mut app, Stage::PreMeeting);
    open_field(&mut app, "Parents' first views");
    type_text(&mut app, "We love them.");
    commands(&mut app, "<Enter>");
    assert!(app.editing(), "Enter in notes does not close the editor");
    type_text(&mut app, "We will work with you.");
    assert_eq!(editor_text(&app), "We love them.\nWe will work with you.");
    commands(&mut app, "<Esc>");
    assert!(!app.editing());
    assert_eq!(
        app.session().pre_meeting.parents_views,
        "We love them.\nWe will work with you."
    );
}

#[test]
fn enter_confirms_a_one_line_field_and_moves_to_the_next_field() {
    let mut app = family();
    to_stage(&mut app, Stage::Introductions);
    commands(&mut app, "a");
    assert_eq!(record_selected(&app), 0);
    type_text(&mut app, "Jo Advocate");
    commands(&mut app, "<Enter>");
    assert!(!app.editing(), "Enter confirms a one-line field");
    assert_eq!(record_selected(&app), 1, "and moves on to Role");
    assert_eq!(app.session().attendees.last().unwrap().name, "Jo Advocate");
}

#[test]
fn esc_on_a_record_form_keeps_what_was_typed_in_it() {
    let mut app = family();
    to_stage(&mut app, Stage::DangerStatements);
    commands(&mut app, "a");
    type_text(&mut app, "The school");
    commands(&mut app, "<Esc><Esc>");
    assert!(app.overlays().is_empty());
    assert_eq!(
        app.session().danger_statements[0].who_is_worried,
        "The school"
    );
}

// ----- invalid values are refused, the text stays --------------------------------

fn assert_refused(app: &App, typed: &str, says: &str) {
    assert!(app.editing(), "the editor stays open");
    assert_eq!(editor_text(app), typed, "what was typed is still there");
    let m = app.message().expect("a message");
    assert_eq!(m.tone, Tone::Error);
    assert!(m.text.contains("not stored"), "{}", m.text);
    assert!(m.text.contains(says), "{}", m.text);
    assert!(
        screen(app, 160, 48).contains("not stored"),
        "shown in the status bar"
    );
}

#[test]
fn a_score_of_eleven_is_refused_and_not_stored() {
    let mut app = family();
    to_stage(&mut app, Stage::Scaling);
    commands(&mut app, "<Enter>");
    type_text(&mut app, "11 very safe");
    commands(&mut app, "<Enter>");
    assert_refused(&app, "11 very safe", "from 0 to 10");
    commands(&mut app, "<Esc>");
    assert_refused(&app, "11 very safe", "from 0 to 10");
    assert!(app.session().scaling.scores.is_empty());
    // Fixing the text stores it.
    commands(&mut app, "<Home><Del>");
    commands(&mut app, "<Enter>");
    assert!(!app.editing());
    assert_eq!(app.session().scaling.scores[0].score, 1);
    assert_eq!(app.session().scaling.scores[0].reason, "very safe");
}

#[test]
fn the_thirty_first_of_february_is_refused_and_not_stored() {
    let mut app = new_app();
    let before = app.session().setup.date;
    open_field(&mut app, "Date");
    commands(&mut app, "<C-a><C-k>");
    type_text(&mut app, "31/02/2026");
    keys(&mut app, "<Enter>");
    assert_refused(&app, "31/02/2026", "February has 28 days in 2026");
    keys(&mut app, "<Esc>");
    assert_refused(&app, "31/02/2026", "February has 28 days in 2026");
    assert_eq!(app.session().setup.date, before);
    // The refused text is selected: typing the date again replaces it.
    type_text(&mut app, "28/02/2026");
    commands(&mut app, "<Enter>");
    assert!(!app.editing(), "{:?}", app.message());
    assert_eq!(
        app.session().setup.date,
        chrono::NaiveDate::from_ymd_opt(2026, 2, 28)
    );
    assert!(
        app.message().is_none(),
        "the refusal goes once the date is kept"
    );
}

#[test]
fn twenty_five_o_clock_is_refused_and_not_stored() {
    let mut app = new_app();
    open_field(&mut app, "Start time");
    type_text(&mut app, "25:00");
    keys(&mut app, "<Enter>");
    assert_refused(&app, "25:00", "25:00: hours go from 0 to 23");
    assert_eq!(app.session().setup.start_time, None);
    assert_eq!(app.revision(), 1, "only the stage visit changed anything");
}

// ----- delete, undo, redo --------------------------------------------------------

#[test]
fn delete_removes_the_selection_and_undo_and_redo_say_what_they_did() {
    let mut app = family();
    to_stage(&mut app, Stage::DangerStatements);
    for who in ["The school", "The police"] {
        commands(&mut app, "a");
        type_text(&mut app, who);
        commands(&mut app, "<Esc><Esc>");
    }
    let worried = |app: &App| -> Vec<String> {
        app.session()
            .danger_statements
            .iter()
            .map(|d| d.who_is_worried.clone())
            .collect()
    };
    assert_eq!(worried(&app), ["The school", "The police"]);
    commands(&mut app, "d");
    assert_eq!(worried(&app), ["The school"]);
    assert_eq!(
        message(&app),
        "deleted danger statement 'The police' (Ctrl+Z brings it back)"
    );
    commands(&mut app, "u");
    assert_eq!(worried(&app), ["The school", "The police"]);
    assert_eq!(
        message(&app),
        "undone: deleted danger statement 'The police'"
    );
    commands(&mut app, "<C-y>");
    assert_eq!(worried(&app), ["The school"]);
    assert_eq!(
        message(&app),
        "redone: deleted danger statement 'The police'"
    );
    commands(&mut app, "<C-z>");
    assert_eq!(worried(&app), ["The school", "The police"]);
    commands(&mut app, "<C-y>");
    assert_eq!(worried(&app), ["The school"]);
    commands(&mut app, "k<Del>");
    assert!(worried(&app).is_empty());
    commands(&mut app, "uu");
    assert_eq!(worried(&app), ["The school", "The police"]);
}

#[test]
fn d_in_an_open_record_deletes_it_and_undo_brings_it_back() {
    let mut app = family();
    to_stage(&mut app, Stage::Map);
    commands(&mut app, "a");
    type_text(&mut app, "Gran helps every day.");
    commands(&mut app, "<Esc>d");
    assert!(app.overlays().is_empty(), "the form closes");
    assert!(app.session().map_items.is_empty());
    commands(&mut app, "u");
    assert_eq!(app.session().map_items[0].text, "Gran helps every day.");
}

#[test]
fn deleting_a_child_removes_their_records_and_undo_restores_them() {
    let mut app = family();
    to_stage(&mut app, Stage::Scaling);
    commands(&mut app, "<Enter>");
    type_text(&mut app, "3");
    commands(&mut app, "<Enter>l<Enter>");
    type_text(&mut app, "8");
    commands(&mut app, "<Enter>");
    to_stage(&mut app, Stage::Recommendations);
    commands(&mut app, "<Enter><Enter><Esc>l<Enter><Enter><Enter><Esc>");
    to_stage(&mut app, Stage::Decision);
    commands(&mut app, "<Enter><Enter><Enter><Enter>");
    assert_eq!(app.session().scaling.scores.len(), 2);
    assert_eq!(app.session().recommendations.len(), 2);
    let before = app.session().clone();
    let nell = child(&app, "Nell Quarry");

    to_stage(&mut app, Stage::Setup);
    commands(&mut app, "<Tab>d");
    let s = &app.session();
    assert_eq!(s.children.len(), 1);
    assert!(s.scaling.scores.iter().all(|x| x.child != nell));
    assert_eq!(s.scaling.scores.len(), 1);
    assert!(s.recommendations.iter().all(|r| r.child != nell));
    assert_eq!(s.recommendations.len(), 1);
    assert!(s.decisions.iter().all(|d| d.child != nell));
    assert!(s.child_voices.iter().all(|v| v.child != nell));
    assert!(message(&app).contains("deleted child 'Nell Quarry'"));

    commands(&mut app, "u");
    let s = &app.session();
    assert_eq!(s.children, before.children);
    assert_eq!(s.scaling, before.scaling);
    assert_eq!(s.recommendations, before.recommendations);
    assert_eq!(s.decisions, before.decisions);
    assert_eq!(s.child_voices, before.child_voices);
    assert_eq!(
        s.decisions[0].plan.first_core_group,
        Some(date(2026, 12, 7)),
        "the plan's dates come back too"
    );
}

#[test]
fn undo_never_rewinds_the_time_spent_in_stages() {
    let mut app = family();
    focus_field(&mut app, "Chair");
    set_field(&mut app, "Ada Chair");
    tick(&mut app, "09:40:00");
    commands(&mut app, "]");
    let visits = app.session().stage_visits.clone();
    commands(&mut app, "u");
    assert_eq!(app.session().setup.chair, "Morgan Reeve");
    assert_eq!(app.session().stage_visits, visits);
}

// ----- names follow ids ----------------------------------------------------------

#[test]
fn renaming_a_person_renames_them_everywhere_they_are_shown() {
    let mut app = family();
    to_stage(&mut app, Stage::Map);
    commands(&mut app, "a");
    type_text(&mut app, "Otto is growing.");
    commands(&mut app, "<Esc>");
    open_field(&mut app, "Said by");
    commands(&mut app, "jj<Enter><Esc>");
    to_stage(&mut app, Stage::Scaling);
    commands(&mut app, "j<Enter>");
    type_text(&mut app, "6 gaining weight");
    commands(&mut app, "<Enter>");
    to_stage(&mut app, Stage::Recommendations);
    commands(&mut app, "j<Enter><Enter><Enter><Esc>");
    let priya = person(&app, "Priya Nurse");

    to_stage(&mut app, Stage::Introductions);
    commands(&mut app, "j<Enter><Enter><C-a><C-k>");
    type_text(&mut app, "Priya Okafor");
    commands(&mut app, "<Enter><Esc>");
    assert_eq!(person(&app, "Priya Okafor"), priya, "same id, new name");

    let s = &app.session();
    assert_eq!(s.map_items[0].said_by.as_ref(), Some(&priya));
    assert_eq!(s.scaling.scores[0].person, priya);
    assert_eq!(s.recommendations[0].professional, priya);
    for stage in [Stage::Map, Stage::Scaling, Stage::Recommendations] {
        to_stage(&mut app, stage);
        let shown = big_screen(&app);
        assert!(shown.contains("Priya Okafor"), "{stage:?}:\n{shown}");
        assert!(!shown.contains("Priya Nurse"), "{stage:?}:\n{shown}");
    }
    to_stage(&mut app, Stage::Map);
    assert!(big_screen(&app).contains("— Priya Okafor"));
    to_stage(&mut app, Stage::Recommendations);
    assert!(big_screen(&app).contains("CIN Priya Okafor"));
}

// ----- paste ---------------------------------------------------------------------

#[test]
fn a_paste_lands_as_one_edit_that_one_ctrl_z_removes() {
    let mut app = new_app();
    to_stage(&mut app, Stage::PreMeeting);
    open_field(&mut app, "Parents' first views");
    type_text(&mut app, "Said: ");
    app.update(Msg::Paste("first line\r\nsecond line".into()));
    assert_eq!(editor_text(&app), "Said: first line\nsecond line");
    commands(&mut app, "<C-z>");
    assert_eq!(
        editor_text(&app),
        "Said: ",
        "one Ctrl+Z removes the whole paste"
    );
    commands(&mut app, "<C-y>");
    assert_eq!(editor_text(&app), "Said: first line\nsecond line");
    commands(&mut app, "<Esc>");
    assert_eq!(
        app.session().pre_meeting.parents_views,
        "Said: first line\nsecond line"
    );
}

#[test]
fn a_paste_is_one_undo_step_in_the_session_too() {
    let mut app = new_app();
    focus_field(&mut app, "Venue or link");
    set_field(&mut app, "Room 1");
    commands(&mut app, "<Enter>");
    app.update(Msg::Paste(", Civic Centre, Kelbridge".into()));
    commands(&mut app, "<Esc>");
    assert_eq!(app.session().setup.venue, "Room 1, Civic Centre, Kelbridge");
    commands(&mut app, "u");
    assert_eq!(app.session().setup.venue, "Room 1");
}

#[test]
fn a_paste_with_newlines_into_a_one_line_field_becomes_spaces() {
    let mut app = new_app();
    open_field(&mut app, "Venue or link");
    app.update(Msg::Paste("Room 2\nCivic Centre\r\nKelbridge".into()));
    assert_eq!(editor_text(&app), "Room 2 Civic Centre Kelbridge");
    commands(&mut app, "<Enter>");
    assert_eq!(app.session().setup.venue, "Room 2 Civic Centre Kelbridge");
}

#[test]
fn a_paste_with_no_editor_open_types_into_the_focused_field() {
    let mut app = new_app();
    focus_field(&mut app, "Venue or link");
    app.update(Msg::Paste("Room 4".into()));
    assert!(
        app.editing(),
        "a paste is typing: it starts editing the field"
    );
    keys(&mut app, "<Esc>");
    assert_eq!(app.session().setup.venue, "Room 4");
    // Into a list it starts a new item holding the pasted text.
    keys(&mut app, "<End><Tab>");
    app.update(Msg::Paste("Ada Quarry".into()));
    keys(&mut app, "<Esc>");
    assert_eq!(app.session().children[0].name, "Ada Quarry");
}

// ----- moving between stages -----------------------------------------------------

#[test]
fn brackets_and_page_keys_move_stages_and_each_visit_is_timed() {
    let mut app = new_app();
    assert_eq!(app.stage(), Stage::Setup);
    commands(&mut app, "[<PgUp>");
    assert_eq!(app.stage(), Stage::Setup, "nothing before setup");
    tick(&mut app, "09:35:00");
    commands(&mut app, "]");
    assert_eq!(app.stage(), Stage::PreMeeting);
    tick(&mut app, "09:50:00");
    commands(&mut app, "<PgDn>");
    assert_eq!(app.stage(), Stage::Introductions);
    tick(&mut app, "10:05:00");
    commands(&mut app, "[");
    assert_eq!(app.stage(), Stage::PreMeeting);
    tick(&mut app, "10:07:00");
    commands(&mut app, "<PgUp>");
    assert_eq!(app.stage(), Stage::Setup);

    let visits: Vec<(Stage, Timestamp, Option<Timestamp>)> = app
        .session()
        .stage_visits
        .iter()
        .map(|v| (v.stage, v.started_at, v.ended_at))
        .collect();
    assert_eq!(
        visits,
        vec![
            (Stage::Setup, at("09:30:00"), Some(at("09:35:00"))),
            (Stage::PreMeeting, at("09:35:00"), Some(at("09:50:00"))),
            (Stage::Introductions, at("09:50:00"), Some(at("10:05:00"))),
            (Stage::PreMeeting, at("10:05:00"), Some(at("10:07:00"))),
            (Stage::Setup, at("10:07:00"), None),
        ]
    );
    assert_eq!(
        app.session()
            .time_in_stage(Stage::PreMeeting, app.now())
            .num_minutes(),
        17
    );
    // The status bar counts meeting time (not setup): 15 + 15 + 2 minutes.
    assert!(
        screen(&app, 80, 24).contains("meeting 32m"),
        "{}",
        screen(&app, 80, 24)
    );

    for _ in 0..12 {
        commands(&mut app, "]");
    }
    assert_eq!(app.stage(), Stage::Record, "the record screen comes last");
}

#[test]
fn tab_moves_between_panes_and_wraps_and_goes_field_by_field_in_a_form() {
    let mut app = new_app();
    to_stage(&mut app, Stage::Map);
    assert_eq!(app.panes().len(), 5);
    keys(&mut app, "<Tab><Tab>");
    assert_eq!(app.pane(), 2);
    keys(&mut app, "<BackTab><BackTab><BackTab>");
    assert_eq!(app.pane(), 4, "Shift+Tab wraps round to the last pane");
    // In a form Tab goes field by field, as in a web form, and after the
    // last field on to the next pane.
    to_stage(&mut app, Stage::Setup);
    keys(&mut app, "<Tab>");
    assert_eq!((app.pane(), app.cursor(0).row), (0, 1));
    keys(&mut app, "<End><Tab>");
    assert_eq!(app.pane(), 1, "from the last field to the children");
    keys(&mut app, "<BackTab>");
    assert_eq!(app.pane(), 0);
    keys(&mut app, "<Home><BackTab>");
    assert_eq!(
        app.pane(),
        app.panes().len() - 1,
        "from the first field back round to the last pane"
    );
}

// ----- help ----------------------------------------------------------------------

#[test]
fn help_lists_the_keys_of_the_current_context_and_any_key_closes_it() {
    let mut app = family();
    to_stage(&mut app, Stage::DangerStatements);
    commands(&mut app, "?");
    assert!(matches!(app.overlays().last(), Some(Overlay::Help(_))));
    let shown = big_screen(&app);
    assert!(shown.contains("Keys on this screen"), "{shown}");
    assert!(shown.contains("In a list or map column"), "{shown}");
    assert!(
        shown.contains("start a new item holding what you type"),
        "{shown}"
    );
    assert!(shown.contains("Everywhere in a session"), "{shown}");
    assert!(
        !shown.contains("In the scaling or recommendations grid"),
        "{shown}"
    );
    // The key that closes help does nothing else.
    commands(&mut app, "a");
    assert!(app.overlays().is_empty());
    assert!(app.session().danger_statements.is_empty());

    to_stage(&mut app, Stage::Scaling);
    app.update(Msg::Key(ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::F(1),
        ratatui::crossterm::event::KeyModifiers::NONE,
    )));
    let shown = big_screen(&app);
    assert!(
        shown.contains("In the scaling or recommendations grid"),
        "{shown}"
    );
    assert!(shown.contains("start this cell's entry"));
    commands(&mut app, "<Enter>");
    assert!(app.overlays().is_empty());
    assert!(!app.editing(), "Enter closed help without opening a cell");
}

#[test]
fn help_in_the_decision_stage_offers_finalise() {
    let mut app = family();
    to_stage(&mut app, Stage::Decision);
    commands(&mut app, "?");
    let shown = big_screen(&app);
    assert!(shown.contains("At the chair's decision"), "{shown}");
    assert!(shown.contains("finalise and lock the record"), "{shown}");
    commands(&mut app, "<Esc>");
    assert!(app.overlays().is_empty());
}

// ----- finalise and lock ---------------------------------------------------------

/// Decides both children (Nell: child in need, Otto: no further action).
fn decided_family() -> App {
    let mut app = family();
    to_stage(&mut app, Stage::Decision);
    commands(
        &mut app,
        "<Enter><Enter><Enter><BackTab>j<Enter><Enter><Enter><Enter>",
    );
    assert_eq!(app.session().decisions[0].outcome, Outcome::ChildInNeed);
    assert_eq!(app.session().decisions[1].outcome, Outcome::NoFurtherAction);
    app
}

#[test]
fn finalise_refuses_while_a_child_has_no_outcome() {
    let mut app = family();
    to_stage(&mut app, Stage::Decision);
    commands(&mut app, "<Enter><Enter><BackTab>F");
    assert!(app.overlays().is_empty(), "no question asked");
    assert!(message(&app).contains("no outcome yet for Otto Quarry"));
    assert_eq!(app.session().status, Status::InProgress);
}

#[test]
fn finalise_asks_first_n_declines_and_y_locks_the_record() {
    let mut app = decided_family();
    tick(&mut app, "11:55:00");
    commands(&mut app, "F");
    assert!(matches!(app.overlays().last(), Some(Overlay::Confirm(_))));
    assert!(big_screen(&app).contains("Finalise this conference?"));
    commands(&mut app, "n");
    assert!(app.overlays().is_empty());
    assert_eq!(app.session().status, Status::InProgress);
    assert!(message(&app).contains("not finalised"));

    let effects = commands(&mut app, "Fy");
    assert_eq!(app.session().status, Status::Finalised);
    let f = app.session().finalised.as_ref().expect("finalisation");
    assert_eq!(f.at, at("11:55:00"));
    assert_eq!(f.by, "Morgan Reeve");
    assert_eq!(effects, vec![Effect::SaveNow], "finalising saves at once");
    assert!(
        app.session()
            .stage_visits
            .iter()
            .all(|v| v.ended_at.is_some()),
        "the stage clock stops"
    );
    let shown = big_screen(&app);
    assert!(shown.contains("FINALISED"), "{shown}");
}

#[test]
fn after_finalising_every_editing_key_is_refused_with_a_message() {
    let mut app = decided_family();
    commands(&mut app, "Fy");
    let before = app.session().clone();
    let revision = app.revision();
    commands(&mut app, "<Enter>");
    assert!(
        message(&app).contains("finalised and locked"),
        "{}",
        message(&app)
    );

    press_every_editing_key(&mut app);
    assert_eq!(app.session(), &before);
    assert_eq!(app.revision(), revision);
    to_stage(&mut app, Stage::DangerStatements);
    commands(&mut app, "a");
    assert!(message(&app).contains("this record is finalised and locked"));
    assert!(app.overlays().is_empty());
}

// ----- read-only -----------------------------------------------------------------

/// Tabs to pane `p`; false when the stage no longer has it (an editable
/// session can lose a pane when its record is deleted).
fn select_pane(app: &mut App, p: usize) -> bool {
    assert!(app.overlays().is_empty(), "{:?}", app.overlays().last());
    if p >= app.panes().len() {
        return false;
    }
    for _ in 0..10 {
        if app.pane() == p {
            return true;
        }
        commands(app, "<Tab>");
    }
    panic!("pane {p} not reached");
}

/// Every editing key, in every stage, pane, and the first rows and fields of
/// each: top-level keys, then inside the record (or cell) each one opens.
fn press_every_editing_key(app: &mut App) {
    to_stage(app, Stage::Setup);
    for stage in Stage::ALL {
        to_stage(app, stage);
        let panes = app.panes().len();
        for p in 0..panes {
            for row in 0..3 {
                if !select_pane(app, p) {
                    continue;
                }
                for _ in 0..row {
                    commands(app, "j");
                }
                commands(
                    app,
                    "a<Esc><Esc>d<Del><Space><Left><Right>u<C-z><C-r><C-y>F<Esc>",
                );
                app.update(Msg::Paste("pasted".into()));
                // Enter opens a record, a cell, a field or a picker.
                commands(app, "<Enter>");
                for _ in 0..12 {
                    commands(app, "<Enter>");
                    type_text(app, "typed");
                    app.update(Msg::Paste("pasted\nlines".into()));
                    commands(app, "<Esc>");
                    if app.editing() {
                        // Only an editable session gets here: typed text was
                        // refused (a date), so clear it to leave.
                        commands(app, "<C-a><BS><Esc>");
                    }
                    commands(app, "<Space><Left><Right>d<Del>u<C-z><C-r><C-y>j");
                }
                commands(app, "<Esc><Esc><Esc>");
                if !select_pane(app, p) {
                    continue;
                }
                for _ in 0..row {
                    commands(app, "k");
                }
            }
        }
    }
}

#[test]
fn read_only_every_editing_key_in_every_stage_changes_nothing() {
    let mut app = App::new(
        cpconf::example::example_review(),
        Access::ReadOnly("test".into()),
        at("10:00:00"),
    );
    let before = app.session().clone();
    let revision = app.revision();
    press_every_editing_key(&mut app);
    assert_eq!(app.session(), &before);
    assert_eq!(app.revision(), revision, "nothing for the saver to write");
    assert!(!app.has_unsaved_changes());
    to_stage(&mut app, Stage::Map);
    commands(&mut app, "a");
    assert!(
        message(&app).contains("read-only: test"),
        "{}",
        message(&app)
    );
    assert!(app.overlays().is_empty());
    assert!(big_screen(&app).contains("READ-ONLY"));
}

#[test]
fn read_only_still_lets_the_reader_move_around_and_open_records() {
    let mut app = App::new(
        cpconf::example::example_review(),
        Access::ReadOnly("test".into()),
        at("10:00:00"),
    );
    to_stage(&mut app, Stage::Map);
    commands(&mut app, "<Enter>");
    assert!(matches!(app.overlays().last(), Some(Overlay::Record(_))));
    commands(&mut app, "<Enter>");
    assert!(!app.editing(), "but not type into them");
    assert!(message(&app).contains("read-only"));
}

#[test]
fn the_same_keys_do_change_an_editable_session() {
    // Guards the two tests above: the sweep really presses keys that edit.
    let mut app = App::new(
        cpconf::example::example_review(),
        Access::Edit,
        at("10:00:00"),
    );
    let before = app.session().clone();
    let revision = app.revision();
    press_every_editing_key(&mut app);
    assert_ne!(app.session(), &before);
    assert!(
        app.revision() > revision + 10,
        "many edits: {}",
        app.revision()
    );
}

#[test]
fn empty_lists_offer_typing_only_where_it_works() {
    let session = cpconf::example::example_icpc();
    let mut viewing = App::new(
        session.clone(),
        Access::ReadOnly("a test".into()),
        at("12:00:00"),
    );
    viewing.update(Msg::GoToStage(Stage::Record));
    let shown = screen(&viewing, 120, 30);
    assert!(shown.contains("No changes recorded yet."), "{shown}");
    assert!(shown.contains("Nothing recorded."), "{shown}");
    assert!(!shown.contains("type to add"), "{shown}");

    let mut fresh = new_app();
    fresh.update(Msg::GoToStage(Stage::Record));
    let shown = screen(&fresh, 120, 30);
    assert!(shown.contains("once the record is finalised"), "{shown}");
    fresh.update(Msg::GoToStage(Stage::DangerStatements));
    assert!(screen(&fresh, 120, 30).contains("Nothing yet: type to add one"));
}
