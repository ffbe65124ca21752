//! Inside a session a printable key always types (DESIGN.md, "The keys a
//! chair can count on"): a sentence typed with the focus anywhere deletes,
//! undoes, ticks, finalises and quits nothing, and ends up as text that
//! Ctrl+Z takes back. Also the focus traps the first trial run found.

use crate::support;

use cpconf::app::effect::{Effect, Report};
use cpconf::app::field::{Field, FieldKind};
use cpconf::app::panes::{ListKind, PaneContent};
use cpconf::app::state::{Access, App, Overlay};
use cpconf::app::update::{ClickTarget, Msg};
use cpconf::model::*;
use proptest::prelude::*;
use support::*;

/// An in-progress review with something in every list.
fn review() -> App {
    App::new(
        cpconf::example::example_review(),
        Access::Edit,
        at("10:00:00"),
    )
}

/// What the chair changed: the session without the facts that move on by
/// themselves (time in stages, the audit trail, the last change time).
fn edits(s: &Session) -> Session {
    let mut s = s.clone();
    s.updated_at = s.created_at;
    s.stage_visits.clear();
    s.audit.clear();
    // Which item's form is open, for the projector: not content.
    s.drafting = None;
    s
}

fn message(app: &App) -> String {
    app.message().map(|m| m.text.clone()).unwrap_or_default()
}

/// The app at `stage`, with the focus on row `row` of pane `pane`.
fn focus(stage: Stage, pane: usize, row: usize) -> App {
    focus_in(review(), stage, pane, row)
}

fn focus_in(mut app: App, stage: Stage, pane: usize, row: usize) -> App {
    go_to(&mut app, stage);
    app.update(Msg::Click(ClickTarget::Pane(pane)));
    if app.cursor(pane).row != row {
        app.update(Msg::Click(ClickTarget::Row { pane, row }));
    }
    assert!(
        app.overlays().is_empty(),
        "{stage:?} pane {pane}: a click only selects"
    );
    app
}

/// The kind of the focused form field, if a form field has the focus.
fn focused_kind(app: &App) -> Option<FieldKind> {
    focused_form(app).and_then(|(fields, at)| fields.get(at).map(Field::kind))
}

/// Types `text` where the focus is and checks the rule: nothing ends,
/// the stage stays, the text shows where it went (a list or a text field),
/// and after Esc, Ctrl+Z takes the session back to exactly what it was.
fn typing_is_harmless(mut app: App, text: &str, what: &str) {
    let before = edits(app.session());
    let stage = app.stage();
    // Every tick box has a text field of its form for words typed on it.
    let on_tick_box = focused_kind(&app) == Some(FieldKind::Toggle)
        && text.starts_with(|c: char| c.is_alphanumeric());
    for ch in text.chars() {
        let effects = keys(&mut app, &ch.to_string().replace('<', "<lt>"));
        assert!(!effects.contains(&Effect::Quit), "{what}: {ch:?} quit");
        assert_eq!(app.stage(), stage, "{what}: {ch:?} changed stage");
        assert!(!app.session().is_finalised(), "{what}: {ch:?} finalised");
    }
    // Where it went into text (a new item, a field, a cell), it is there
    // to see in the editor; elsewhere it chose, ticked, found or was
    // refused with a reason.
    if let Some(Overlay::Editor(editor)) = app.overlays().last() {
        // A space first, on a tick box, ticks it (Space's own meaning there);
        // the words after it go into the form's notes.
        assert!(
            editor.value().ends_with(text.trim_start()),
            "{what}: the editor holds {:?}, not {text:?}",
            editor.value()
        );
    } else if on_tick_box {
        panic!(
            "{what}: {text:?} typed on a tick box went into no text: {}",
            message(&app)
        );
    } else if app.overlays().is_empty() && focused_kind(&app).is_none_or(FieldKind::is_typed) {
        assert!(
            !message(&app).is_empty(),
            "{what}: typing {text:?} said nothing"
        );
    }
    keys(&mut app, "<Esc><Esc><Esc>");
    for _ in 0..4 {
        if edits(app.session()) == before {
            break;
        }
        keys(&mut app, "<C-z>");
    }
    assert!(
        edits(app.session()) == before,
        "{what}: typing {text:?} changed more than Ctrl+Z takes back: {}",
        message(&app)
    );
}

#[test]
fn do_quick_upset_mum_with_an_item_selected_in_any_list_deletes_undoes_and_quits_nothing() {
    let mut lists = 0;
    for stage in Stage::SCREENS {
        let panes = focus(stage, 0, 0).panes();
        for (pane, p) in panes.iter().enumerate() {
            if !matches!(p.content, PaneContent::List(_)) {
                continue;
            }
            let app = focus(stage, pane, 0);
            lists += 1;
            typing_is_harmless(app, "do quick upset mum", &format!("{stage:?} pane {pane}"));
        }
    }
    assert!(lists >= 10, "only {lists} lists were tried");
}

#[test]
fn a_sentence_typed_on_every_stage_and_pane_changes_only_what_has_the_focus() {
    for stage in Stage::SCREENS {
        let panes = focus(stage, 0, 0).panes().len();
        for pane in 0..panes {
            for row in 0..3 {
                let app = focus(stage, pane, row);
                typing_is_harmless(
                    app,
                    "quick note: d u q F y ? ] [ e",
                    &format!("{stage:?} pane {pane} row {row}"),
                );
            }
        }
    }
}

#[test]
fn typed_into_a_list_a_sentence_becomes_a_new_item_and_enter_starts_the_next() {
    let mut app = focus(Stage::Map, 0, 0);
    let Some(PaneContent::List(ListKind::Map(column))) =
        app.panes().first().map(|p| p.content.clone())
    else {
        panic!("the map's first pane is a column");
    };
    let worries = |app: &App| {
        app.session()
            .map_items
            .iter()
            .filter(|m| m.column == column)
            .map(|m| m.text.clone())
            .collect::<Vec<_>>()
    };
    let before = worries(&app);
    keys(
        &mut app,
        "Ruth visits daily<Enter>Gran helps at weekends<Enter><Esc>",
    );
    let after = worries(&app);
    assert_eq!(
        after.len(),
        before.len() + 2,
        "no empty third item: {after:?}"
    );
    assert_eq!(
        after[after.len() - 2..],
        ["Ruth visits daily", "Gran helps at weekends"]
    );
    assert!(!app.editing());
    // Delete says what went and how to bring it back; Ctrl+Z says what it undid.
    keys(&mut app, "<Up><Del>");
    assert_eq!(
        message(&app),
        "deleted map item 'Ruth visits daily' (Ctrl+Z brings it back)"
    );
    keys(&mut app, "<C-z>");
    assert_eq!(
        message(&app),
        "undone: deleted map item 'Ruth visits daily'"
    );
    assert_eq!(worries(&app), after);
}

#[test]
fn a_single_printable_key_never_quits_and_ctrl_q_and_ctrl_c_do() {
    for stage in Stage::SCREENS {
        for ch in (' '..='~').chain("£é€".chars()) {
            let mut app = focus(stage, 0, 0);
            let effects = keys(&mut app, &ch.to_string().replace('<', "<lt>"));
            assert!(!effects.contains(&Effect::Quit), "{ch:?} quit at {stage:?}");
        }
    }
    for quit in ["<C-q>", "<C-c>"] {
        let mut app = focus(Stage::Map, 0, 0);
        keys(&mut app, "Gran<Space>visits");
        let effects = keys(&mut app, quit);
        assert!(effects.contains(&Effect::Quit), "{quit} quits");
        assert!(
            app.session()
                .map_items
                .iter()
                .any(|m| m.text == "Gran visits"),
            "what was being typed is kept on the way out"
        );
    }
}

#[test]
fn in_a_form_typing_edits_the_field_and_a_prefilled_date_is_typed_over() {
    let mut app = new_app();
    focus_field(&mut app, "Venue or link");
    keys(&mut app, "Room 2<Enter>");
    assert_eq!(app.session().setup.venue, "Room 2");
    focus_field(&mut app, "Venue or link");
    keys(&mut app, ", Civic Centre<Esc>");
    assert_eq!(
        app.session().setup.venue,
        "Room 2, Civic Centre",
        "added to"
    );
    focus_field(&mut app, "Date");
    assert!(
        app.session().setup.date.is_some(),
        "the date comes prefilled"
    );
    keys(&mut app, "17/12/2026<Enter>");
    assert_eq!(
        app.session().setup.date,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 17)
    );
}

#[test]
fn a_choice_chooses_by_its_first_letters() {
    let mut app = review();
    go_to(&mut app, Stage::Introductions);
    keys(&mut app, "<Enter>");
    focus_field(&mut app, "Agency kind");
    keys(&mut app, "fa");
    let Some(Overlay::Record(form)) = app.overlays().last() else {
        panic!("the person's form is open");
    };
    let id = AttendeeId(form.key.clone());
    let kind = |app: &App| {
        app.session()
            .attendees
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.agency_kind)
    };
    assert_eq!(kind(&app), Some(AgencyKind::Family));
    keys(&mut app, "po");
    assert_eq!(
        kind(&app),
        Some(AgencyKind::Police),
        "a letter that fits nothing starts again"
    );
}

#[test]
fn a_picker_finds_a_name_by_typing_and_opens_at_the_top() {
    let mut app = focus(Stage::Map, 0, 0);
    keys(&mut app, "Dad was calm on Sunday<Esc><Enter>");
    focus_field(&mut app, "Said by");
    keys(&mut app, "<Enter>");
    let Some(Overlay::Picker(p)) = app.overlays().last() else {
        panic!("Enter opens the picker");
    };
    assert_eq!(p.selected, 0, "the cursor starts at the top");
    let name = app.session().attendees[1].name.clone();
    let letters: String = name.chars().take(4).collect();
    keys(&mut app, &format!("{letters}<Enter>"));
    let item = app.session().map_items.last().expect("the new item");
    assert_eq!(
        item.said_by
            .as_ref()
            .map(|p| app.session().attendee_name(p)),
        Some(name)
    );
}

#[test]
fn a_picker_opens_on_the_first_name_not_the_first_ticked_so_space_ticks_it() {
    let mut session = cpconf::example::example_review();
    let second = session.children[1].id.clone();
    let d = session.danger_statements[0].id.clone();
    session.danger_statements[0].children = vec![second.clone()];
    let app = App::new(session, Access::Edit, at("10:00:00"));
    let mut app = focus_in(app, Stage::DangerStatements, 0, 0);
    keys(&mut app, "<Enter>");
    focus_field(&mut app, "Children");
    keys(&mut app, "<Enter><Space><Esc>");
    let ds = app
        .session()
        .danger_statements
        .iter()
        .find(|x| x.id == d)
        .expect("kept");
    assert_eq!(
        ds.children.len(),
        2,
        "Space ticked the first child: {:?}",
        ds.children
    );
}

#[test]
fn typing_on_a_grid_cell_starts_its_entry() {
    let mut app = new_app();
    keys(&mut app, "<End><Tab>Amy<Enter>Ben<Esc>");
    go_to(&mut app, Stage::Introductions);
    keys(&mut app, "Sam Social<Esc>");
    // One person is not quorate: the first move asks why, the second goes.
    go_to(&mut app, Stage::Scaling);
    keys(&mut app, "<Esc>");
    go_to(&mut app, Stage::Scaling);
    assert_eq!(app.stage(), Stage::Scaling);
    for _ in 0..4 {
        if matches!(app.panes()[app.pane()].content, PaneContent::Grid(_)) {
            break;
        }
        keys(&mut app, "<End><Tab>");
    }
    keys(&mut app, "7 home unpredictable<Enter>");
    let score = &app.session().scaling.scores[0];
    assert_eq!(
        (score.score, score.reason.as_str()),
        (7, "home unpredictable")
    );
}

#[test]
fn a_tick_box_ticks_with_space() {
    let mut app = new_app();
    go_to(&mut app, Stage::PreMeeting);
    keys(&mut app, "<Space>");
    assert!(app.session().pre_meeting.explained_purpose);
    keys(&mut app, "x");
    assert!(
        app.session().pre_meeting.explained_purpose,
        "a letter is not a tick"
    );
    assert!(
        message(&app).contains("Space ticks it"),
        "{}",
        message(&app)
    );
}

#[test]
fn alt_and_a_digit_jump_to_that_stage_and_page_keys_step() {
    let mut app = new_app();
    keys(&mut app, "<M-4>");
    assert_eq!(app.stage(), Stage::Map);
    keys(&mut app, "<PgDn>");
    assert_eq!(app.stage(), Stage::Scaling);
    keys(&mut app, "<M-0>");
    assert_eq!(app.stage(), Stage::Setup);
}

/// xterm as it comes (and macOS terminals) send Alt+3 as a character
/// ("³"), so Alt+digit is not a stage key there: Ctrl+G then the number,
/// as Go To in Word, arrives everywhere.
#[test]
fn ctrl_g_then_a_number_goes_to_that_stage() {
    let mut app = new_app();
    keys(&mut app, "<C-g>");
    assert!(matches!(app.overlays().last(), Some(Overlay::GoTo)));
    assert!(
        message(&app).contains("type its number"),
        "{}",
        message(&app)
    );
    keys(&mut app, "4");
    assert_eq!(app.stage(), Stage::Map);
    assert!(app.overlays().is_empty());
    // The question's prompt goes with it (it stayed while the chair typed
    // the first items of the map).
    assert!(
        !message(&app).contains("type its number"),
        "{}",
        message(&app)
    );
    // From inside a box too: the box closes, keeping what it holds.
    keys(&mut app, "Gran visits<C-g>1");
    assert_eq!(app.stage(), Stage::PreMeeting);
    assert_eq!(app.session().map_items[0].text, "Gran visits");
    // Esc stays.
    keys(&mut app, "<C-g><Esc>");
    assert_eq!(app.stage(), Stage::PreMeeting);
    assert!(app.overlays().is_empty());
    assert!(message(&app).contains("stayed"), "{}", message(&app));
}

#[test]
fn a_sentence_typed_after_a_stray_ctrl_g_still_lands_as_text() {
    let mut app = new_app();
    keys(&mut app, "<M-4><C-g>mum is upset<Esc>");
    assert_eq!(app.stage(), Stage::Map);
    assert_eq!(app.session().map_items.len(), 1);
    assert_eq!(app.session().map_items[0].text, "mum is upset");
}

// ----- focus traps ---------------------------------------------------------

/// What the runtime does with a draft found on opening.
fn draft(app: &mut App, field: Field, text: &str) {
    app.update(Msg::Report(Report::Draft {
        field,
        record: None,
        text: text.into(),
        saved_at: at("09:31:00"),
    }));
}

/// An inquorate register: one professional only.
fn inquorate() -> App {
    let mut app = new_app();
    go_to(&mut app, Stage::Introductions);
    keys(&mut app, "Sam Social<Esc>");
    assert!(!app.quorum().is_quorate());
    app
}

#[test]
fn the_inquorate_question_never_swallows_a_stage_key() {
    let mut app = inquorate();
    keys(&mut app, "<PgDn>");
    assert!(app.editing(), "leaving asks why it goes ahead");
    assert_eq!(app.stage(), Stage::Introductions);
    keys(&mut app, "<PgDn>");
    assert_eq!(
        app.stage(),
        Stage::DangerStatements,
        "the next stage key moves on"
    );
    assert!(!app.editing());
    assert_eq!(
        app.session().inquorate_reason,
        "",
        "nothing was typed into it"
    );
}

#[test]
fn the_inquorate_answer_is_kept_when_a_stage_key_moves_on() {
    let mut app = inquorate();
    keys(&mut app, "<PgDn>Police could not attend<PgDn>");
    assert_eq!(app.stage(), Stage::DangerStatements);
    assert_eq!(app.session().inquorate_reason, "Police could not attend");
}

#[test]
fn the_finalise_question_takes_only_its_own_answers() {
    let mut session = cpconf::example::example_review();
    for d in &mut session.decisions {
        d.outcome = Outcome::ChildInNeed;
    }
    let mut app = App::new(session, Access::Edit, at("10:00:00"));
    go_to(&mut app, Stage::Decision);
    keys(&mut app, "<F9>");
    assert!(matches!(app.overlays().last(), Some(Overlay::Confirm(_))));
    keys(&mut app, "yes y Y");
    assert!(!app.session().is_finalised(), "letters are not answers");
    assert!(matches!(app.overlays().last(), Some(Overlay::Confirm(_))));
    keys(&mut app, "<PgUp>");
    assert!(app.overlays().is_empty(), "a stage key is not swallowed");
    assert_eq!(app.stage(), Stage::Recommendations);
    assert!(!app.session().is_finalised());
    go_to(&mut app, Stage::Decision);
    keys(&mut app, "<F9><Enter>");
    assert!(app.session().is_finalised(), "Enter finalises");
}

#[test]
fn after_a_recovered_draft_is_kept_the_focus_is_on_its_field() {
    let mut app = new_app();
    keys(&mut app, "<End><Tab>Amy<Esc>");
    assert_eq!(app.pane(), 1, "the focus is on the children list");
    draft(&mut app, Field::ParentsViews, "We want them home");
    keys(&mut app, "<Esc>");
    assert_eq!(app.session().pre_meeting.parents_views, "We want them home");
    assert_eq!(app.stage(), Stage::PreMeeting);
    let (fields, at) = focused_form(&app).expect("a form has the focus");
    assert_eq!(fields[at], Field::ParentsViews);
    // The next arrow moves within that form, not to another child.
    keys(&mut app, "<Up>");
    assert_eq!(app.session().children.len(), 1);
    assert_eq!(app.stage(), Stage::PreMeeting);
}

#[test]
fn a_draft_recovered_into_an_item_reopens_that_items_form() {
    let mut app = new_app();
    keys(&mut app, "<End><Tab>Amy<Enter>Ben<Esc>");
    let ben = app.session().children[1].id.clone();
    keys(&mut app, "<Home>");
    draft(&mut app, Field::ChildName(ben.clone()), "Benjamin");
    keys(&mut app, "<Esc>");
    assert_eq!(app.session().children[1].name, "Benjamin");
    let Some(Overlay::Record(form)) = app.overlays().last() else {
        panic!("Ben's form is open under the recovered field");
    };
    assert_eq!(form.key, ben.0);
}

#[test]
fn switching_child_at_the_decision_keeps_the_same_field() {
    let mut app = review();
    go_to(&mut app, Stage::Decision);
    keys(&mut app, "<Enter>");
    focus_field(&mut app, "Rationale");
    keys(&mut app, "<Left>");
    assert_eq!(app.pane(), 0, "← goes from the form to the children");
    keys(&mut app, "<Down><Enter>");
    let (fields, at) = focused_form(&app).expect("the decision form");
    assert!(
        matches!(&fields[at], Field::DecisionRationale(c) if *c == app.session().children[1].id),
        "{:?}",
        fields[at]
    );
}

#[test]
fn read_only_never_says_saving_and_its_hints_offer_no_editing_keys() {
    let mut app = App::new(
        cpconf::example::example_review(),
        Access::ReadOnly("opened with view".into()),
        at("10:00:00"),
    );
    go_to(&mut app, Stage::PreMeeting);
    keys(&mut app, "<C-s>");
    let shown = screen(&app, 120, 30);
    let status: String = shown.lines().skip(28).collect::<Vec<_>>().join("\n");
    assert!(!status.contains("saving"), "{status}");
    assert!(
        message(&app).contains("nothing here is saved"),
        "{}",
        message(&app)
    );
    for hint in ["Space tick", "type to", "Delete", "Ctrl+Z"] {
        assert!(
            !status.contains(hint),
            "read-only offers {hint:?}:\n{status}"
        );
    }
    keys(&mut app, "hello");
    assert!(
        message(&app).contains("read-only"),
        "typing says why: {}",
        message(&app)
    );
}

// ----- the property --------------------------------------------------------

/// Where the focus is put before typing: a stage, a pane, a row, and
/// whether Enter is pressed first (an item's form, a picker, an editor).
fn place() -> impl Strategy<Value = (usize, usize, usize, bool)> {
    (0..Stage::SCREENS.len(), 0..5usize, 0..3usize, any::<bool>())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random printable strings typed anywhere change nothing Ctrl+Z does
    /// not take back, never end the program and never change stage.
    #[test]
    fn random_printable_text_typed_anywhere_is_harmless_and_undoable(
        (stage, pane, row, enter) in place(),
        text in "[ -~£é€]{1,40}",
    ) {
        let stage = Stage::SCREENS[stage];
        let panes = focus(stage, 0, 0).panes().len();
        let mut app = focus(stage, pane % panes.max(1), row);
        if enter {
            keys(&mut app, "<Enter>");
        }
        typing_is_harmless(app, &text, &format!("{stage:?} pane {pane} row {row} enter {enter}"));
    }
}

#[test]
fn a_click_past_the_end_of_a_list_selects_its_last_row() {
    // The decision's children: two here. A stale frame's click on a third
    // row used to select a row that is not there, leaving no decision form
    // to type into and typing silently lost.
    let mut app = focus(Stage::Decision, 0, 2);
    assert_eq!(app.cursor(0).row, 1, "clamped to the last child");
    keys(&mut app, "<Enter>");
    assert!(
        focused_kind(&app).is_some(),
        "the decision form has the focus"
    );
}

#[test]
fn a_sentence_typed_on_a_tick_box_ticks_nothing_and_goes_into_the_forms_notes() {
    let mut app = new_app();
    go_to(&mut app, Stage::PreMeeting);
    focus_field(&mut app, "Explained: purpose of the conference");
    keys(&mut app, "do quick upset mum");
    let Some(Overlay::Editor(editor)) = app.overlays().last() else {
        panic!("the sentence has a home: {}", message(&app));
    };
    assert_eq!(editor.value(), "do quick upset mum");
    assert_eq!(editor.field, Field::ParentsViews, "the form's notes field");
    assert!(message(&app).contains("tick box"), "{}", message(&app));
    keys(&mut app, "<Esc>");
    let s = app.session();
    assert_eq!(s.pre_meeting.parents_views, "do quick upset mum", "kept");
    assert!(
        !s.pre_meeting.explained_purpose,
        "the spaces ticked nothing"
    );
    keys(&mut app, "<C-z>");
    assert_eq!(app.session().pre_meeting.parents_views, "", "one Ctrl+Z");
    // Space on its own (not straight after letters) still ticks.
    focus_field(&mut app, "Explained: purpose of the conference");
    keys(&mut app, "<Space>");
    assert!(app.session().pre_meeting.explained_purpose, "ticked");
}

#[test]
fn a_sentence_typed_on_an_opening_statement_goes_into_the_openings_notes() {
    let mut app = new_app();
    go_to(&mut app, Stage::Introductions);
    use cpconf::export::{CopyKind, Format, render};
    let before = render(app.session(), CopyKind::Record, Format::Markdown);
    focus_pane(&mut app, "Opening statements");
    focus_field(&mut app, "Complaints");
    keys(&mut app, "dad asked if we record");
    let Some(Overlay::Editor(editor)) = app.overlays().last() else {
        panic!("the sentence has a home: {}", message(&app));
    };
    assert_eq!(editor.value(), "dad asked if we record");
    assert_eq!(
        editor.field,
        Field::OpeningNotes,
        "not the inquorate reason"
    );
    keys(&mut app, "<Esc>");
    let s = app.session();
    assert_eq!(s.opening_statements.notes, "dad asked if we record");
    assert!(
        !s.opening_statements.complaints,
        "the spaces ticked nothing"
    );
    assert_eq!(s.inquorate_reason, "", "no words mark it inquorate");
    assert!(s.inquorate.interim_plan.is_empty());
    // The record says what was noted; an empty note says nothing.
    let record = render(s, CopyKind::Record, Format::Markdown);
    assert!(record.contains("dad asked if we record"), "{record}");
    keys(&mut app, "<C-z>");
    assert_eq!(app.session().opening_statements.notes, "", "one Ctrl+Z");
    let after = render(app.session(), CopyKind::Record, Format::Markdown);
    assert_eq!(after, before, "an empty note leaves the record as it was");
}

#[test]
fn where_typed_words_went_is_not_said_on_the_next_stage() {
    let mut app = new_app();
    go_to(&mut app, Stage::PreMeeting);
    focus_field(&mut app, "Explained: purpose of the conference");
    keys(&mut app, "mum said<Esc>");
    assert!(
        message(&app).contains("typing went into"),
        "{}",
        message(&app)
    );
    keys(&mut app, "<PgDn>");
    assert!(
        !message(&app).contains("typing went into"),
        "the last stage's news is still said: {}",
        message(&app)
    );
}

#[test]
fn a_sentence_typed_on_an_items_tick_box_goes_into_the_items_text() {
    let mut app = new_app();
    keys(&mut app, "<M-4>Gran collects from school<Tab>");
    focus_field(&mut app, "Restricted (not shared with family)");
    keys(&mut app, "every day");
    let Some(Overlay::Editor(editor)) = app.overlays().last() else {
        panic!("the words went into the item's text: {}", message(&app));
    };
    assert_eq!(editor.value(), "Gran collects from school every day");
    assert!(
        !app.session().map_items[0].restricted,
        "the space ticked nothing"
    );
}

#[test]
fn typing_on_the_decisions_children_goes_into_that_childs_rationale() {
    let mut app = review();
    go_to(&mut app, Stage::Decision);
    keys(&mut app, "<Down>");
    assert_eq!(app.pane(), 0, "the children have the focus");
    let child = app.session().children[1].id.clone();
    let before = app.session().decisions.clone();
    keys(&mut app, "do quick upset mum");
    let Some(Overlay::Editor(editor)) = app.overlays().last() else {
        panic!("typing has a home: {}", message(&app));
    };
    assert_eq!(editor.field, Field::DecisionRationale(child.clone()));
    assert!(editor.value().ends_with("do quick upset mum"));
    assert!(
        message(&app).to_lowercase().contains("rationale"),
        "{}",
        message(&app)
    );
    keys(&mut app, "<Esc>");
    assert_eq!(app.pane(), 1, "the decision's form has the focus");
    let d = |app: &App| {
        app.session()
            .decisions
            .iter()
            .find(|d| d.child == child)
            .cloned()
    };
    assert!(
        d(&app).is_some_and(|d| d.rationale.ends_with("do quick upset mum")),
        "kept in the rationale"
    );
    keys(&mut app, "<C-z>");
    assert_eq!(app.session().decisions, before, "one Ctrl+Z takes it back");
}

#[test]
fn words_typed_on_a_choice_choose_nothing_and_go_into_the_forms_notes() {
    let mut app = review();
    go_to(&mut app, Stage::Decision);
    keys(&mut app, "<Enter>");
    focus_field(&mut app, "Outcome");
    let before = app.session().decisions.clone();
    // "c" alone would choose a child protection plan; "ca" fits nothing,
    // so the "c" is taken back, plan dates and all.
    keys(&mut app, "can we note that");
    let Some(Overlay::Editor(editor)) = app.overlays().last() else {
        panic!("the words have a home: {}", message(&app));
    };
    assert!(
        matches!(editor.field, Field::DecisionRationale(_)),
        "{:?}",
        editor.field
    );
    assert!(editor.value().ends_with("can we note that"));
    keys(&mut app, "<Esc><C-z>");
    assert_eq!(app.session().decisions, before, "the outcome is as it was");
    // A choice's letters still choose, and a letter that fits nothing
    // after letters that fitted starts again.
    focus_field(&mut app, "Outcome");
    keys(&mut app, "cin");
    assert!(app.overlays().is_empty(), "chosen, nothing typed elsewhere");
    let outcome = |app: &App| app.session().decisions[0].outcome;
    assert_eq!(outcome(&app), Outcome::ChildInNeed);
    keys(&mut app, "<Down><Up>nfa");
    assert_eq!(outcome(&app), Outcome::NoFurtherAction);
    // The words a label is made of, spaces and all.
    keys(&mut app, "<Down><Up>child in");
    assert_eq!(outcome(&app), Outcome::ChildInNeed);
    assert!(app.overlays().is_empty());
}

#[test]
fn words_typed_on_a_picker_field_choose_and_tick_nobody() {
    let mut app = review();
    go_to(&mut app, Stage::Map);
    keys(&mut app, "<Enter>");
    focus_field(&mut app, "Said by");
    let before = edits(app.session());
    // "do" finds a name here or not; the space after it never chooses.
    keys(&mut app, "do quick upset mum");
    let Some(Overlay::Editor(editor)) = app.overlays().last() else {
        panic!(
            "the words have a home: {}\n{}",
            message(&app),
            screen(&app, 120, 30)
        );
    };
    assert!(
        matches!(editor.field, Field::MapText(_)),
        "{:?}",
        editor.field
    );
    assert!(
        editor.value().ends_with("do quick upset mum"),
        "{:?}",
        editor.value()
    );
    keys(&mut app, "<Esc><C-z>");
    assert!(edits(app.session()) == before, "nobody chosen, one Ctrl+Z");
    // On a pick-many the words tick nobody either, even where a word finds
    // a name and its space ticked it for a moment.
    focus_field(&mut app, "Children");
    let first = app.session().children[0].name.to_lowercase();
    let word: String = first.chars().take(3).collect();
    keys(&mut app, &format!("{word} zzz"));
    let Some(Overlay::Editor(editor)) = app.overlays().last() else {
        panic!("the words have a home: {}", message(&app));
    };
    assert!(editor.value().ends_with(&format!("{word} zzz")));
    keys(&mut app, "<Esc><C-z>");
    assert!(
        edits(app.session()) == before,
        "no child ticked or unticked"
    );
}

#[test]
fn a_pick_one_finds_a_name_with_a_space_in_it() {
    let mut app = with_register(
        "Helen Marsh,Team manager,Kelbridge Children's Services<Enter>Mark Fenwick,Teacher,Millbrook School<Enter>PC Joanne Reid,Police officer,Kelbridge Police",
    );
    keys(&mut app, "<M-4>Lily walks to school<Tab>pc j<Enter>");
    let said_by = app.session().map_items[0].said_by.clone();
    assert_eq!(said_by, Some(app.session().attendees[2].id.clone()));
}

/// People typed into the register on a new session, as a chair does.
fn with_register(rows: &str) -> App {
    let mut app = new_app();
    keys(&mut app, &format!("<M-2>{rows}<Esc>"));
    app
}

#[test]
fn a_picker_lists_the_names_that_start_with_the_letters_first() {
    // Helen Marsh is first in the register and holds an "m"; Mark
    // Fenwick's name starts with it, so he is at the top. (Three
    // agencies: the conference is quorate, so no question is asked on
    // leaving the register.)
    let mut app = with_register(
        "Helen Marsh,Team manager,Kelbridge Children's Services<Enter>Mark Fenwick,Teacher,Millbrook School<Enter>PC Joanne Reid,Police officer,Kelbridge Police",
    );
    keys(&mut app, "<M-4>Lily walks to school with Claire<Tab>m");
    let Some(Overlay::Picker(p)) = app.overlays().last() else {
        panic!(
            "typing on Said by opens the picker: {}\n{}",
            message(&app),
            screen(&app, 120, 30)
        );
    };
    let shown: Vec<&str> = p.visible().iter().map(|o| o.label.as_str()).collect();
    assert!(shown[0].starts_with("Mark Fenwick"), "{shown:?}");
    assert!(shown[1].starts_with("Helen Marsh"), "{shown:?}");
    keys(&mut app, "<Enter>");
    let s = app.session();
    let item = s.map_items.last().expect("the item typed");
    assert_eq!(
        item.said_by.as_ref().map(|p| s.attendee_name(p)),
        Some("Mark Fenwick".to_string())
    );
    // A word that starts with the letters comes before letters inside a
    // word: "re" finds PC Joanne Reid before Helen Marsh (whose
    // "Children's Services" holds "re" inside a word), though Helen is
    // first in the register.
    keys(&mut app, "<Esc><Tab>The flat is damp<Tab>re");
    let Some(Overlay::Picker(p)) = app.overlays().last() else {
        panic!("the picker is open");
    };
    let shown: Vec<&str> = p.visible().iter().map(|o| o.label.as_str()).collect();
    assert!(shown[0].starts_with("PC Joanne Reid"), "{shown:?}");
    assert!(shown[1].starts_with("Helen Marsh"), "{shown:?}");
}

#[test]
fn a_register_row_may_end_with_how_the_person_took_part() {
    let mut app = new_app();
    keys(
        &mut app,
        "<M-2>Dr Imran Shah,GP,Millbrook Surgery,n,report<Enter>",
    );
    let s = app.session();
    let a = &s.attendees[0];
    assert_eq!(a.name, "Dr Imran Shah");
    assert_eq!(a.attendance, Attendance::ReportOnly);
    assert_eq!(a.agency_kind, AgencyKind::Health);
    assert!(!a.gives_recommendation);
    assert!(message(&app).contains("Report only"), "{}", message(&app));
    // Without it, a person typed in during the meeting is present.
    keys(
        &mut app,
        "Grace Adeyemi, Health visitor, Kelbridge NHS Trust<Enter>",
    );
    assert_eq!(app.session().attendees[1].attendance, Attendance::Present);
}

/// Found by the property test: a register row the register cannot read
/// (no name before the first comma, an agency kind it does not know) kept
/// the editor open on Esc, so the new person could not be left or taken
/// back. It is kept as typed, as the name, and the status bar says why.
#[test]
fn a_register_row_that_cannot_be_read_is_kept_as_typed_and_says_why() {
    let mut app = new_app();
    keys(&mut app, "<M-2>Sam Smith, Officer, Fire Service, fire<Esc>");
    assert!(app.overlays().is_empty(), "Esc left the editor");
    let s = app.session();
    assert_eq!(s.attendees.len(), 1);
    assert_eq!(
        s.attendees[0].name,
        "Sam Smith, Officer, Fire Service, fire"
    );
    let said = message(&app);
    assert!(said.contains("not read as a row"), "{said}");
    assert!(said.contains("not an agency kind"), "{said}");
    assert_eq!(
        app.message().map(|m| m.tone),
        Some(cpconf::app::state::Tone::Warning)
    );
    // Ctrl+Z takes it back, the person and all.
    keys(&mut app, "<C-z><C-z>");
    assert!(app.session().attendees.is_empty());
    // Enter keeps it the same way and starts the next person.
    keys(&mut app, ", Social worker<Enter>");
    assert_eq!(app.session().attendees[0].name, ", Social worker");
    assert!(app.editing(), "the next person is being typed");
}

/// Seen in xterm: a stray "³" typed into a map column, kept with Esc, took
/// two Ctrl+Z to go (its text, then an empty item left behind). An item
/// typed into a list is one step: one Ctrl+Z takes it back as typed, and
/// Ctrl+Y brings it back with its text.
#[test]
fn one_ctrl_z_takes_back_an_item_typed_into_a_list() {
    let mut app = new_app();
    keys(
        &mut app,
        "<M-4>Ruth visits daily<Enter>Gran has them on Saturdays<Esc>",
    );
    let texts = |app: &App| -> Vec<String> {
        app.session()
            .map_items
            .iter()
            .map(|m| m.text.clone())
            .collect()
    };
    assert_eq!(
        texts(&app),
        ["Ruth visits daily", "Gran has them on Saturdays"]
    );
    keys(&mut app, "<C-z>");
    assert_eq!(texts(&app), ["Ruth visits daily"]);
    assert_eq!(
        message(&app),
        "undone: added map item 'Gran has them on Saturdays'"
    );
    keys(&mut app, "<C-z>");
    assert!(texts(&app).is_empty(), "{:?}", texts(&app));
    keys(&mut app, "<C-y><C-y>");
    assert_eq!(
        texts(&app),
        ["Ruth visits daily", "Gran has them on Saturdays"]
    );
    // Kept with Ctrl+S while typing, then more typed: still one step.
    keys(&mut app, "Dad<C-s> cooks<Esc>");
    assert_eq!(texts(&app)[2], "Dad cooks");
    keys(&mut app, "<C-z>");
    assert_eq!(texts(&app).len(), 2);
}

/// Typing on a text field that already holds words adds a new word, not a
/// run-on ("them mum said", not "themmum said"); punctuation goes straight
/// on; and Ctrl+Z says what it took back, not the whole field.
#[test]
fn typing_on_a_filled_field_starts_a_new_word_and_undo_names_it() {
    let mut app = new_app();
    go_to(&mut app, Stage::PreMeeting);
    focus_field(&mut app, "Parents' first views");
    keys(&mut app, "We love them<Esc>");
    keys(&mut app, "mum said<Esc>");
    assert_eq!(
        app.session().pre_meeting.parents_views,
        "We love them mum said"
    );
    keys(&mut app, ".<Esc>");
    assert_eq!(
        app.session().pre_meeting.parents_views,
        "We love them mum said."
    );
    keys(&mut app, "<C-z>");
    keys(&mut app, "<C-z>");
    assert_eq!(app.session().pre_meeting.parents_views, "We love them");
    assert!(
        message(&app).contains("'mum said'") && !message(&app).contains("We love"),
        "{}",
        message(&app)
    );
    // A paste onto the field is added the same way.
    app.update(Msg::Paste("dad agreed".into()));
    keys(&mut app, "<Esc>");
    assert_eq!(
        app.session().pre_meeting.parents_views,
        "We love them dad agreed"
    );
    // A prefilled date is typed over, with no space before it.
    go_to(&mut app, Stage::Setup);
    focus_field(&mut app, "Date");
    keys(&mut app, "17/12/2026<Esc>");
    assert_eq!(
        app.session().setup.date,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 17)
    );
}

/// What Ctrl+Z says after a change to each field of every stage's forms and
/// of the first item of every list: the chair's words ("changed Said by of
/// 'Ruth visits daily'"), never the ids the file keeps ("(item-53)").
#[test]
fn ctrl_z_names_what_it_undid_in_words_never_by_an_id() {
    let mut checked = 0;
    for stage in Stage::SCREENS {
        let panes = focus(stage, 0, 0).panes();
        for (pane, p) in panes.iter().enumerate() {
            let fields = match &p.content {
                PaneContent::Form(fields) => fields.clone(),
                PaneContent::List(_) => {
                    let mut app = focus(stage, pane, 0);
                    keys(&mut app, "<Enter>");
                    match app.overlays().last() {
                        Some(Overlay::Record(form)) => form.fields.clone(),
                        _ => continue,
                    }
                }
                PaneContent::Grid(_) => continue,
            };
            for (at, field) in fields.iter().enumerate() {
                let mut app = focus(stage, pane, 0);
                if matches!(p.content, PaneContent::List(_)) {
                    keys(&mut app, "<Enter>");
                }
                keys(&mut app, "<Home>");
                for _ in 0..at {
                    keys(&mut app, "<Down>");
                }
                let before = edits(app.session());
                let change = match field.kind() {
                    FieldKind::Toggle => "<Space>",
                    FieldKind::Choice => "<Right>",
                    FieldKind::PickOne => "<Enter><Down><Enter>",
                    FieldKind::PickMany => "<Enter><Space><Enter>",
                    FieldKind::Date => "1/3/2027<Enter>",
                    FieldKind::Time => "10:30<Enter>",
                    FieldKind::Score => "4 better<Enter>",
                    FieldKind::Line | FieldKind::Lines => "more<Esc>",
                };
                keys(&mut app, change);
                if edits(app.session()) == before {
                    continue;
                }
                // Out of any question the change asked, then undo.
                while !app.overlays().is_empty() && !app.editing() {
                    if matches!(app.overlays().last(), Some(Overlay::Record(_))) {
                        break;
                    }
                    keys(&mut app, "<Esc>");
                }
                keys(&mut app, "<C-z>");
                let said = message(&app);
                let label = field.label();
                assert!(
                    said.starts_with("undone: ") && !names_an_id(&said),
                    "{stage:?} {label}: {said:?}"
                );
                checked += 1;
            }
        }
    }
    println!("{checked} changes undone");
    assert!(checked > 100, "only {checked} fields changed");
}

/// The same on the grids, and the words for the common cases exactly.
#[test]
fn ctrl_z_names_a_score_a_recommendation_and_a_map_items_speaker() {
    let mut app = review();
    go_to(&mut app, Stage::Map);
    keys(&mut app, "<Enter>");
    focus_field(&mut app, "Restricted (not shared with family)");
    keys(&mut app, "<Space><C-z><Esc>");
    let said = message(&app);
    assert!(
        said.starts_with("undone: ticked Restricted (not shared with family) of '")
            || said.starts_with("undone: unticked Restricted"),
        "{said}"
    );
    go_to(&mut app, Stage::Scaling);
    focus_pane(&mut app, "Scores");
    keys(&mut app, "<Del><C-z>");
    let said = message(&app);
    assert_eq!(
        said,
        "undone: cleared Score (0-10) and reason of Leanne Marchbank for Kacey"
    );
    go_to(&mut app, Stage::Recommendations);
    keys(&mut app, "<Del><C-z>");
    let said = message(&app);
    assert!(
        said.starts_with("undone: cleared the recommendation of ") && !names_an_id(&said),
        "{said}"
    );
}

/// An id as the file keeps it: "item-53", "att-4", "child-1".
fn names_an_id(said: &str) -> bool {
    ["item-", "att-", "child-"].iter().any(|prefix| {
        said.match_indices(prefix).any(|(at, _)| {
            said[at + prefix.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        })
    })
}

/// A sentence typed on a score cell is not a score: the first Esc says so
/// and where leaving again puts it; the second keeps it in the scaling's
/// notes and leaves the cell as it was. No key is trapped in the entry.
#[test]
fn a_sentence_on_a_score_cell_goes_into_the_scalings_notes_on_a_second_esc() {
    let mut app = review();
    go_to(&mut app, Stage::Scaling);
    focus_pane(&mut app, "Scores");
    let before = edits(app.session());
    keys(&mut app, "mum said she is scared<Esc>");
    assert!(app.editing(), "the first Esc explains and stays");
    let said = message(&app);
    assert!(
        said.starts_with("not stored: Esc again keeps the words in Notes on the scaling; or ")
            && said.contains("is not a score"),
        "{said}"
    );
    keys(&mut app, "<Esc>");
    assert!(
        !app.editing() && app.overlays().is_empty(),
        "the second Esc leaves"
    );
    assert_eq!(app.session().scaling.notes, "mum said she is scared");
    assert_eq!(app.session().scaling.scores, before.scaling.scores);
    // In the record under the scores; the family's copy keeps to the scores.
    use cpconf::export::{CopyKind, Format, render};
    let record = render(app.session(), CopyKind::Record, Format::Markdown);
    assert!(record.contains("Notes on the scaling") && record.contains("mum said she is scared"));
    let family = render(app.session(), CopyKind::Family, Format::Markdown);
    assert!(!family.contains("mum said she is scared"));
    assert_eq!(
        message(&app),
        "'mum said she is scared' kept in Notes on the scaling; Score (0-10) and reason left as it was (Ctrl+Z takes them back)"
    );
    // The focus stays on the cell the chair left: what is typed next is
    // its entry, not more notes.
    assert_eq!(app.panes()[app.pane()].title, "Scores");
    keys(&mut app, "6 getting there<Enter>");
    assert_eq!(app.session().scaling.notes, "mum said she is scared");
    assert!(
        app.session()
            .scaling
            .scores
            .iter()
            .any(|s| s.score == 6 && s.reason == "getting there")
    );
    keys(&mut app, "<C-z>");
    // The next key is not swallowed by the entry: PgDn goes on.
    keys(&mut app, "<C-z>");
    assert!(edits(app.session()) == before, "{}", message(&app));
    assert_eq!(
        message(&app),
        "undone: typed 'mum said she is scared' in Notes on the scaling"
    );
    keys(&mut app, "<PgDn>");
    assert_eq!(app.stage(), Stage::SafetyGoals);
}

/// A value corrected after the first refusal is read as typed: only the
/// same words left twice go to the notes.
#[test]
fn a_score_corrected_after_a_refusal_is_stored() {
    let mut app = review();
    go_to(&mut app, Stage::Scaling);
    focus_pane(&mut app, "Scores");
    keys(&mut app, "seven<Esc>");
    assert!(app.editing());
    // The refused text is selected: typing replaces it.
    keys(&mut app, "7 steadier<Esc>");
    assert!(!app.editing());
    assert!(app.session().scaling.notes.is_empty());
    assert!(
        app.session()
            .scaling
            .scores
            .iter()
            .any(|s| s.score == 7 && s.reason == "steadier")
    );
}

/// Words typed on a date in a form go into the form's nearest notes on the
/// second Esc; the date keeps its value.
#[test]
fn a_sentence_on_a_date_goes_into_the_forms_notes_on_a_second_esc() {
    let mut app = review();
    go_to(&mut app, Stage::Setup);
    focus_field(&mut app, "Date");
    let date = app.session().setup.date;
    keys(&mut app, "when dad can come<Esc><Esc>");
    assert!(!app.editing(), "{}", message(&app));
    assert_eq!(app.session().setup.date, date);
    let (fields, at) = focused_form(&app).expect("the setup form");
    assert_eq!(fields[at], Field::SetupDate, "the focus stays on the date");
    let kept = message(&app);
    assert!(kept.starts_with("'when dad can come' kept in "), "{kept}");
    let text = serde_json::to_string(app.session()).unwrap();
    assert!(text.contains("when dad can come"));
}

#[test]
fn after_words_typed_in_the_wrong_place_esc_puts_the_focus_back_where_they_were_typed() {
    // Found in tmux: a sentence typed on setup's Kind went into the
    // purpose, as it should; Esc left the focus on the purpose, so the
    // next ↓ and the date typed went into the section 47 outcome.
    let mut app = new_app();
    assert!(matches!(focused_form(&app), Some((f, 0)) if f[0] == Field::SetupKind));
    keys(&mut app, "the meeting is for Ruby<Esc>");
    assert_eq!(app.session().setup.purpose, "the meeting is for Ruby");
    let (fields, at) = focused_form(&app).expect("setup's form");
    assert_eq!(fields[at], Field::SetupKind, "back on the field typed on");
    keys(&mut app, "<Down>7/12/2026<Enter>");
    assert_eq!(
        app.session().setup.date,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 7)
    );
    // The same from a tick box in the pre-meeting: the words go into the
    // parents' first views, Esc comes back to the box.
    go_to(&mut app, Stage::PreMeeting);
    keys(&mut app, "mum says she understands<Esc>");
    let (fields, at) = focused_form(&app).expect("the pre-meeting's form");
    assert_eq!(fields[at], Field::ExplainedPurpose);
    assert_eq!(
        app.session().pre_meeting.parents_views,
        "mum says she understands"
    );
}
