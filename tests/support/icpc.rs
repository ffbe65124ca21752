//! A whole two-child initial conference, typed by keys alone: shared by
//! the tests that need a realistic, finalised session made through the UI.

use cpconf::model::*;

use super::*;

pub fn add_person(
    app: &mut cpconf::app::state::App,
    name: &str,
    role: &str,
    agency: &str,
    kind: AgencyKind,
    recommends: bool,
) {
    // `a` opens the new person's form typing the name; Enter confirms a
    // one-line field and moves to the next.
    commands(app, "a");
    type_text(app, name);
    commands(app, "<Enter><Enter>");
    type_text(app, role);
    commands(app, "<Enter><Enter>");
    type_text(app, agency);
    commands(app, "<Enter>");
    // Agency kind starts at "Other agency"; move right until it is `kind`.
    while app.session().attendees.last().map(|a| a.agency_kind) != Some(kind) {
        commands(app, "<Right>");
    }
    if recommends {
        commands(app, "jjjj<Space>");
    }
    commands(app, "<Esc>");
}

pub fn run_icpc() -> cpconf::app::state::App {
    let mut app = new_app();

    // 0 Setup: the conference form, then the children.
    assert_eq!(app.stage(), Stage::Setup);
    commands(&mut app, "j");
    set_field(&mut app, "23/11/2026");
    commands(&mut app, "j");
    set_field(&mut app, "10:00");
    commands(&mut app, "jj");
    set_field(&mut app, "Room 2, Civic Centre");
    commands(&mut app, "j");
    set_field(&mut app, "Morgan Reeve");
    commands(&mut app, "j");
    set_field(&mut app, "FAM9001");
    commands(&mut app, "j");
    set_field(&mut app, "2026-11-02");
    commands(&mut app, "<Tab>a");
    type_text(&mut app, "Amira Testwood");
    commands(&mut app, "<Enter><Enter>");
    type_text(&mut app, "2019-04-12");
    commands(&mut app, "<Enter><Esc>a");
    type_text(&mut app, "Bo Testwood 🌱");
    commands(&mut app, "<Enter><Enter>");
    type_text(&mut app, "05/01/2024");
    commands(&mut app, "<Enter><Esc>");

    // 1 Parents' pre-meeting.
    tick(&mut app, "09:40:00");
    commands(&mut app, "]");
    commands(
        &mut app,
        "<Space>j<Space>j<Space>j<Space>j<Space>j<Space>jj",
    );
    set_field(&mut app, "English");
    commands(&mut app, "j");
    set_field(&mut app, "Jo Advocate");
    commands(&mut app, "j");
    set_field(
        &mut app,
        "We want the children home and safe.\nWe know things have to change.",
    );
    commands(&mut app, "<Tab>a");
    type_text(&mut app, "Domestic abuse: Dad attends separately");
    commands(&mut app, "<Esc>j");
    set_field(&mut app, "Danger statements and the map");
    commands(&mut app, "kk<Space><Esc>");

    // 2 Introductions: the register, then the opening statements.
    tick(&mut app, "10:00:00");
    commands(&mut app, "]");
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
        app.session().quorum().is_quorate(),
        "{}",
        app.session().quorum().summary()
    );
    commands(&mut app, "<Tab><Space>j<Space>j<Space>j<Space>");

    // 3 Danger statements.
    tick(&mut app, "10:10:00");
    commands(&mut app, "]a");
    type_text(&mut app, "Children's social care and the school");
    commands(&mut app, "<Enter><Enter>");
    type_text(
        &mut app,
        "Dad's drinking leads to shouting and broken furniture at night.",
    );
    commands(&mut app, "<Esc>j<Enter>");
    type_text(
        &mut app,
        "Amira will keep being frightened and may be hurt.",
    );
    commands(&mut app, "<Esc>j<Enter>j<Space><Enter>j<Enter>");
    type_text(&mut app, "Dad says he stopped drinking in October.");
    commands(&mut app, "<Esc><Esc>");

    // 4 The map: one item per column, one restricted, then the child's voice.
    tick(&mut app, "10:25:00");
    commands(&mut app, "]a");
    type_text(&mut app, "Mum walks the children to school every day.");
    commands(&mut app, "<Esc><Esc><Tab>a");
    type_text(&mut app, "Police were called twice in October.");
    commands(&mut app, "<Esc>jjj<Space><Esc><Tab>a");
    type_text(&mut app, "Housing is overcrowded; العائلة تحتاج إلى سكن");
    commands(&mut app, "<Esc><Esc><Tab>a");
    type_text(&mut app, "Dad to attend the alcohol service weekly.");
    commands(&mut app, "<Esc><Esc><Tab><Enter><Enter><Enter>j");
    set_field(&mut app, "I like it when Dad is calm. 家");

    // 5 Scaling: people down, children across.
    tick(&mut app, "10:50:00");
    commands(&mut app, "]<Enter>");
    type_text(&mut app, "4 worried about the drinking");
    commands(&mut app, "<Enter>l<Enter>");
    type_text(&mut app, "5");
    commands(&mut app, "<Enter>j<Enter>");
    type_text(&mut app, "6 health needs met");
    commands(&mut app, "<Enter>h<Enter>");
    type_text(&mut app, "3");
    commands(&mut app, "<Enter>");

    // 6 Safety goals, an action, bottom lines and contingency.
    tick(&mut app, "11:00:00");
    commands(&mut app, "]a");
    type_text(
        &mut app,
        "Dad will be sober whenever he cares for the children.",
    );
    commands(&mut app, "<Esc>j<Enter>");
    type_text(&mut app, "Calm evenings and a regular bedtime.");
    commands(&mut app, "<Esc>j<Enter>");
    type_text(&mut app, "Sober at every visit, seen weekly.");
    commands(&mut app, "<Esc>j<Enter><Space><Enter><Esc><Tab>a");
    type_text(&mut app, "Attend the alcohol service weekly");
    commands(&mut app, "<Esc>j<Enter>");
    type_text(&mut app, "Dad");
    commands(&mut app, "<Enter><Enter>");
    type_text(&mut app, "2026-12-31");
    commands(&mut app, "<Enter><Enter>");
    type_text(&mut app, "Attendance letters to the social worker");
    commands(&mut app, "<Esc><Esc><Tab><Enter>");
    type_text(&mut app, "No drinking while caring for the children.");
    commands(&mut app, "<Esc>j<Enter>");
    type_text(&mut app, "The children stay with their grandmother.");
    commands(&mut app, "<Esc>");

    // 7 Recommendations: professionals down, children across. Enter on
    // an outcome goes round: a plan, child in need, no further action.
    tick(&mut app, "11:20:00");
    commands(&mut app, "]<Enter><Enter>j<Enter>jjj<Space><Enter>j<Enter>");
    type_text(&mut app, "Ongoing exposure to conflict at home.");
    commands(&mut app, "<Esc><Esc>l<Enter><Enter><Enter>jj<Enter>");
    type_text(&mut app, "Younger; mum protective.");
    commands(
        &mut app,
        "<Esc><Esc>j<Enter><Enter><Enter><Esc>h<Enter><Enter><Esc>",
    );
    commands(&mut app, "jj<Enter><Enter><Esc>l<Enter><Enter><Esc>");

    // 8 The chair's decision, a dissent, then finalise. Fields by name:
    // choosing a plan fills in the lead (the one social worker) and a core
    // group of the lead and the parents, which this conference changes.
    tick(&mut app, "11:40:00");
    commands(&mut app, "]");
    focus_pane(&mut app, "Decision");
    focus_field(&mut app, "Outcome");
    keys(&mut app, "cpp");
    open_field(&mut app, "Categories");
    keys(&mut app, "emo<Enter>");
    open_field(&mut app, "Rationale");
    type_text(&mut app, "Significant harm through emotional abuse.");
    keys(&mut app, "<Esc>");
    open_field(&mut app, "Core group");
    keys(&mut app, "dana<Space>priya<Enter>");
    // The police dissent: typed into the list, Tab to its form.
    focus_pane(&mut app, "Dissent");
    type_text(&mut app, "Police believe a plan is needed for Bo too.");
    keys(&mut app, "<Tab>");
    focus_field(&mut app, "Who dissents");
    keys(&mut app, "officer<Enter><Esc>");
    // The second child: the form keeps the field it was on, so the test
    // names the fields it means.
    focus_pane(&mut app, "Children");
    keys(&mut app, "<Down>");
    focus_pane(&mut app, "Decision");
    focus_field(&mut app, "Outcome");
    keys(&mut app, "cin");
    open_field(&mut app, "Rationale");
    type_text(&mut app, "Needs support, but no risk of significant harm.");
    commands(&mut app, "<Esc>");
    tick(&mut app, "11:55:00");
    commands(&mut app, "Fy");
    app
}
