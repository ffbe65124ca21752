//! #11's last cuts, each a key a chair no longer presses: Enter closing an
//! item's form, Space down a checklist, Fill Right in a grid, an outcome
//! typed on an undecided child, one voice an agency in the register, the
//! names a picker found staying after a tick. Each test fails on the
//! keyboard before them.

use crate::support;

use cpconf::app::field::Field;
use cpconf::app::state::{Access, App, Overlay};
use cpconf::model::*;
use support::*;

fn family() -> App {
    App::new(
        super::stages::family_session(),
        Access::Edit,
        at("09:30:00"),
    )
}

fn person(app: &App, name: &str) -> AttendeeId {
    let a = app.session().attendees.iter().find(|a| a.name == name);
    a.unwrap_or_else(|| panic!("no person {name}")).id.clone()
}

fn message(app: &App) -> String {
    app.message().map(|m| m.text.clone()).unwrap_or_default()
}

#[test]
fn enter_in_an_items_form_keeps_the_choice_and_closes_it_where_tab_goes_on() {
    let mut app = family();
    go_to(&mut app, Stage::Map);
    type_text(&mut app, "Dana walks Nell to school.");
    // Tab: the form at Said by; "pri" finds Priya; Enter chooses her and
    // closes the form, ready for the next line.
    keys(&mut app, "<Tab>pri<Enter>");
    assert!(
        app.overlays().is_empty(),
        "{:?}",
        app.overlays().last().map(std::mem::discriminant)
    );
    assert_eq!(
        app.session().map_items[0].said_by,
        Some(person(&app, "Priya Nurse"))
    );
    type_text(&mut app, "Lee has stopped drinking.");
    assert!(app.editing(), "typing on the column starts the next item");
    // Tab in the picker chooses and goes on to the next field instead.
    keys(&mut app, "<Tab>sa<Tab>");
    let Some(Overlay::Record(form)) = app.overlays().last() else {
        panic!("the form stays open: {}", message(&app));
    };
    assert!(matches!(form.fields[form.selected], Field::MapChildren(_)));
    assert_eq!(
        app.session().map_items[1].said_by,
        Some(person(&app, "Sam Social"))
    );
    // Enter on a line in an item's form keeps it and closes the form too:
    // a child's date of birth, typed after Tab from the name.
    keys(&mut app, "<Esc>");
    go_to(&mut app, Stage::Setup);
    focus_pane(&mut app, "Children");
    type_text(&mut app, "Rory Quarry");
    keys(&mut app, "<Tab>");
    type_text(&mut app, "01/02/2020");
    keys(&mut app, "<Enter>");
    assert!(
        app.overlays().is_empty(),
        "Enter on the line closed the form"
    );
    let rory = app
        .session()
        .children
        .iter()
        .find(|c| c.name == "Rory Quarry");
    assert_eq!(
        rory.and_then(|c| c.date_of_birth),
        chrono::NaiveDate::from_ymd_opt(2020, 2, 1)
    );
}

#[test]
fn shift_tab_from_a_typed_item_opens_its_form_at_the_field_before() {
    let mut app = family();
    go_to(&mut app, Stage::Decision);
    focus_pane(&mut app, "Dissent");
    type_text(&mut app, "Health sees no risk to Nell.");
    keys(&mut app, "<BackTab>");
    let Some(Overlay::Record(form)) = app.overlays().last() else {
        panic!("its form opens: {}", message(&app));
    };
    assert!(matches!(form.fields[form.selected], Field::DissentWho(..)));
    keys(&mut app, "pri<Enter>");
    assert!(app.overlays().is_empty());
    let d = &app.session().decisions[0].dissents[0];
    assert_eq!(
        (d.who.clone(), d.why.as_str()),
        (
            Some(person(&app, "Priya Nurse")),
            "Health sees no risk to Nell."
        )
    );
}

#[test]
fn space_goes_on_down_a_run_of_tick_boxes_and_stays_on_the_last() {
    let mut app = family();
    go_to(&mut app, Stage::PreMeeting);
    // Six things explained, then "interpreter needed", the last tick box
    // before the language.
    keys(
        &mut app,
        "<Space><Space><Space><Space><Space><Space><Space>",
    );
    let pm = &app.session().pre_meeting;
    assert!(pm.explained_purpose && pm.explained_how_it_runs && pm.explained_complaints);
    assert!(
        pm.interpreter_needed,
        "the seventh Space ticked the interpreter"
    );
    // On the last of the run Space stays: again, it unticks.
    keys(&mut app, "<Space>");
    assert!(!app.session().pre_meeting.interpreter_needed);
    // ↑ back to a box ticked by mistake, Space unticks it.
    keys(&mut app, "<Up><Space>");
    assert!(!app.session().pre_meeting.explained_complaints);
}

#[test]
fn ctrl_r_makes_a_recommendation_the_same_as_for_the_child_before() {
    let mut app = family();
    go_to(&mut app, Stage::Recommendations);
    // Sam for Nell: a plan ("c"), emotional abuse, a reason.
    keys(&mut app, "c<Down>e<Tab>");
    type_text(&mut app, "Ongoing conflict at home.");
    keys(&mut app, "<Tab>");
    assert!(
        app.overlays().is_empty(),
        "Tab after the reason: the next cell"
    );
    assert_eq!(app.cursor(app.pane()).col, 1, "on Otto");
    keys(&mut app, "<C-r>");
    let (sam, otto) = (
        person(&app, "Sam Social"),
        app.session().children[1].id.clone(),
    );
    let r = cpconf::app::panes::recommendation_for(app.session(), &sam, &otto).expect("filled");
    assert_eq!(
        (r.outcome, r.categories.clone()),
        (Outcome::ChildProtectionPlan, vec![Category::EmotionalAbuse])
    );
    assert_eq!(r.reason, "", "the reason stays this cell's");
    let said = message(&app);
    assert!(
        said.contains("Otto") && said.contains("the same as") && said.contains("Nell"),
        "{said}"
    );
    // One Ctrl+Z takes it back.
    keys(&mut app, "<C-z>");
    assert!(cpconf::app::panes::recommendation_for(app.session(), &sam, &otto).is_none());
    // The first child has nothing to its left.
    keys(&mut app, "<Left><C-r>");
    assert!(
        message(&app).contains("nothing to the left"),
        "{}",
        message(&app)
    );
    // Nor does a cell whose left neighbour is empty copy anything.
    keys(&mut app, "<Down><Right><C-r>");
    assert!(
        message(&app).contains("nothing to copy"),
        "{}",
        message(&app)
    );
    assert_eq!(app.session().recommendations.len(), 1);
}

#[test]
fn ctrl_r_copies_a_score_and_is_refused_read_only() {
    let mut app = family();
    go_to(&mut app, Stage::Scaling);
    keys(&mut app, "7 calmer at home<Tab>");
    keys(&mut app, "<C-r>");
    let scores = &app.session().scaling.scores;
    assert_eq!(scores.len(), 2);
    assert_eq!((scores[1].score, scores[1].reason.as_str()), (7, ""));
    let mut read = App::new(
        app.session().clone(),
        Access::ReadOnly("test".into()),
        at("10:00:00"),
    );
    go_to(&mut read, Stage::Recommendations);
    let before = read.session().clone();
    keys(&mut read, "<Right><C-r>");
    assert_eq!(read.session(), &before, "nothing changes read-only");
}

#[test]
fn typing_on_an_undecided_child_chooses_its_outcome_then_writes_its_rationale() {
    let mut app = family();
    go_to(&mut app, Stage::Decision);
    assert_eq!(app.pane(), 0, "the children have the focus");
    keys(&mut app, "c");
    assert_eq!(
        app.session().decisions[0].outcome,
        Outcome::ChildProtectionPlan
    );
    assert_eq!(app.pane(), 1, "the decision's form, on its outcome");
    // Decided: typing on the child now goes into the rationale.
    keys(&mut app, "<Left>");
    type_text(&mut app, "Nell is frightened at home.");
    keys(&mut app, "<Esc>");
    assert_eq!(
        app.session().decisions[0].rationale,
        "Nell is frightened at home."
    );
    assert_eq!(
        app.session().decisions[0].outcome,
        Outcome::ChildProtectionPlan
    );
    // Otto, undecided: "i" a child in need plan, by its word "in".
    keys(&mut app, "<Left><Down>i");
    assert_eq!(app.session().decisions[1].outcome, Outcome::ChildInNeed);
}

#[test]
fn a_second_person_from_an_agency_gives_no_recommendation_unless_the_row_says_y() {
    let mut app = family();
    go_to(&mut app, Stage::Introductions);
    keys(&mut app, "<End>");
    type_text(&mut app, "Tess Manager,Team manager,Children's Services");
    keys(&mut app, "<Enter>");
    let tess = app
        .session()
        .attendees
        .iter()
        .find(|a| a.name == "Tess Manager")
        .unwrap();
    assert_eq!(tess.agency_kind, AgencyKind::ChildrensSocialCare);
    assert!(
        !tess.gives_recommendation,
        "Sam gives Children's Services' one"
    );
    type_text(&mut app, "Ruth Lead,Head of service,children's  services,y");
    keys(&mut app, "<Esc>");
    let said = message(&app);
    assert!(said.contains("gives a recommendation"), "{said}");
    let ruth = app
        .session()
        .attendees
        .iter()
        .find(|a| a.name == "Ruth Lead")
        .unwrap();
    assert!(ruth.gives_recommendation, "a y gives one");
    // The status bar says why, for a row that did not say.
    type_text(&mut app, "Kim Worker,Family support,Children's Services");
    keys(&mut app, "<Esc>");
    let said = message(&app);
    assert!(
        said.contains("one voice an agency") && said.contains("Sam Social"),
        "{said}"
    );
    // After a y or n, how they took part by its first letters.
    type_text(&mut app, "Dr Lee,GP,Oak Surgery,n,r");
    keys(&mut app, "<Esc>");
    let lee = app
        .session()
        .attendees
        .iter()
        .find(|a| a.name == "Dr Lee")
        .unwrap();
    assert_eq!(
        (lee.attendance, lee.gives_recommendation),
        (Attendance::ReportOnly, false)
    );
}

#[test]
fn after_a_tick_the_names_found_stay_and_enter_never_reticks_the_one_just_unticked() {
    let mut app = family();
    go_to(&mut app, Stage::Map);
    type_text(&mut app, "Otto's jabs are up to date.");
    keys(&mut app, "<Tab><Tab>");
    // Children: both ticked. "nell", Space unticks her, Enter closes: she
    // stays unticked.
    keys(&mut app, "nell<Space><Enter>");
    let otto = app.session().children[1].id.clone();
    assert_eq!(app.session().map_items[0].children, vec![otto]);
    // The core group: "quarry" finds both parents; Space ticks Dana (the
    // first), ↓ goes to Lee among the names found, Enter ticks him too.
    go_to(&mut app, Stage::Decision);
    keys(&mut app, "<Right>");
    focus_field(&mut app, "Core group");
    keys(&mut app, "<Enter>quarry<Space>");
    let Some(Overlay::Picker(p)) = app.overlays().last() else {
        panic!("the picker stays open");
    };
    assert_eq!(p.filter, "quarry", "the names found stay shown");
    keys(&mut app, "<Down><Enter>");
    let core = &app.session().decisions[0].plan.core_group;
    assert_eq!(
        core,
        &vec![person(&app, "Dana Quarry"), person(&app, "Lee Quarry")]
    );
}

#[test]
fn a_report_alone_has_no_row_in_the_scaling_grid_unless_it_holds_a_score() {
    let mut s = super::stages::family_session();
    s.attendees[1].attendance = Attendance::ReportOnly;
    let priya = s.attendees[1].id.clone();
    let rows =
        |s: &Session| cpconf::app::panes::grid_people(s, cpconf::app::panes::GridKind::Scaling);
    assert!(!rows(&s).contains(&priya), "not in the room to be asked");
    let child = s.children[0].id.clone();
    let id = s.new_item_id();
    s.scaling.scores.push(Score {
        id,
        person: priya.clone(),
        child,
        score: 4,
        reason: String::new(),
    });
    assert!(
        rows(&s).contains(&priya),
        "a score given from the report still shows"
    );
    // The recommendations grid is by who gives one, as before.
    assert!(
        cpconf::app::panes::grid_people(&s, cpconf::app::panes::GridKind::Recommendations)
            .contains(&priya)
    );
}

#[test]
fn enter_straight_after_a_choices_letters_keeps_what_they_chose() {
    let mut app = family();
    // At the decision: "c" on Nell, Enter: still a plan (Enter used to go
    // on round to a child in need plan), and the focus on to Categories.
    go_to(&mut app, Stage::Decision);
    keys(&mut app, "c<Enter>");
    assert_eq!(
        app.session().decisions[0].outcome,
        Outcome::ChildProtectionPlan
    );
    let (fields, at) = focused_form(&app).expect("the decision's form");
    assert!(
        matches!(fields[at], Field::DecisionCategories(_)),
        "{:?}",
        fields[at]
    );
    // Enter with no letters before it still goes round, as it did.
    focus_field(&mut app, "Outcome");
    keys(&mut app, "<Enter>");
    assert_eq!(app.session().decisions[0].outcome, Outcome::ChildInNeed);
    // On a recommendation cell: "i", Enter keeps a child in need plan and
    // closes the cell's form.
    go_to(&mut app, Stage::Recommendations);
    keys(&mut app, "i<Enter>");
    assert!(app.overlays().is_empty(), "the cell's form closed");
    assert_eq!(
        app.session().recommendations[0].outcome,
        Outcome::ChildInNeed
    );
}
