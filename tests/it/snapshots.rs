//! The rendered screen of every stage, and of each overlay, as text
//! snapshots at a small (80x24) and a projector-sized (160x48) terminal.
//!
//! The clock is pinned, so times on screen are stable. With `CI=true`, insta
//! fails on a mismatch instead of writing `.snap.new` files; to accept a
//! deliberate change locally, run
//! `INSTA_UPDATE=always cargo test --test snapshots` and read every changed
//! file under `tests/snapshots/` before committing it.

use crate::support;

use chrono::DateTime;
use cpconf::app::state::{Access, App, Overlay};
use cpconf::app::update::Msg;
use cpconf::example::{example_icpc, example_review};
use cpconf::model::*;
use support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn moment(rfc3339: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(rfc3339).expect("test time")
}

/// Opens `session` at a pinned moment and keeps the clock there.
fn open(session: Session, access: Access, now: &str) -> App {
    let mut app = App::new(session, access, moment(now));
    app.update(Msg::Tick(moment(now)));
    app
}

/// The initial conference, reopened as if still in the room (not yet
/// finalised), five minutes after its last stage.
fn icpc_live() -> App {
    let mut s = example_icpc();
    s.status = Status::InProgress;
    s.finalised = None;
    open(s, Access::Edit, "2026-11-09T12:25:00+00:00")
}

fn icpc_finalised() -> App {
    open(example_icpc(), Access::Edit, "2026-11-09T12:45:00+00:00")
}

fn review() -> App {
    open(example_review(), Access::Edit, "2027-02-09T11:42:00+00:00")
}

fn stage_name(stage: Stage) -> String {
    format!("{}_{:?}", stage.number(), stage).to_lowercase()
}

fn snap(name: &str, app: &App, (w, h): (u16, u16)) {
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(app, w, h));
}

fn every_stage(prefix: &str, mut app: App) {
    for stage in Stage::ALL {
        app.update(Msg::GoToStage(stage));
        for size in SIZES {
            snap(&format!("{prefix}_{}", stage_name(stage)), &app, size);
        }
    }
}

#[test]
fn every_stage_of_the_initial_conference_in_progress() {
    every_stage("icpc", icpc_live());
}

#[test]
fn every_stage_of_the_review_conference() {
    every_stage("review", review());
}

#[test]
fn the_finalised_initial_conference() {
    let mut app = icpc_finalised();
    app.update(Msg::GoToStage(Stage::Decision));
    for size in SIZES {
        snap("icpc_finalised_8_decision", &app, size);
    }
}

#[test]
fn the_review_opened_read_only() {
    let mut app = open(
        example_review(),
        Access::ReadOnly("opened with cpconf view".into()),
        "2027-02-09T11:42:00+00:00",
    );
    app.update(Msg::GoToStage(Stage::Map));
    snap("review_read_only_4_map", &app, (80, 24));
}

#[test]
fn the_record_form_of_a_map_item() {
    let mut app = icpc_live();
    app.update(Msg::GoToStage(Stage::Map));
    commands(&mut app, "<Tab><Enter>");
    assert!(matches!(app.overlays().last(), Some(Overlay::Record(_))));
    for size in SIZES {
        snap("overlay_record_form", &app, size);
    }
}

#[test]
fn the_editor_over_a_record_form() {
    let mut app = icpc_live();
    app.update(Msg::GoToStage(Stage::Map));
    commands(&mut app, "<Enter><Enter>");
    assert!(app.editing());
    type_text(&mut app, " Seen again on 1 November.");
    for size in SIZES {
        snap("overlay_editor_multi_line", &app, size);
    }
}

#[test]
fn the_editor_on_a_one_line_field() {
    let mut app = icpc_live();
    app.update(Msg::GoToStage(Stage::Setup));
    open_field(&mut app, "Chair");
    assert!(app.editing());
    snap("overlay_editor_one_line", &app, (80, 24));
}

#[test]
fn a_picker_for_who_said_a_map_item() {
    let mut app = icpc_live();
    app.update(Msg::GoToStage(Stage::Map));
    commands(&mut app, "<Enter>j<Enter>");
    assert!(matches!(app.overlays().last(), Some(Overlay::Picker(_))));
    for size in SIZES {
        snap("overlay_picker_said_by", &app, size);
    }
}

#[test]
fn a_multi_choice_picker_for_categories() {
    let mut app = icpc_live();
    app.update(Msg::GoToStage(Stage::Decision));
    commands(&mut app, "<Enter>j<Enter>");
    assert!(matches!(app.overlays().last(), Some(Overlay::Picker(_))));
    snap("overlay_picker_categories", &app, (80, 24));
}

#[test]
fn the_help_overlay() {
    let mut app = icpc_live();
    app.update(Msg::GoToStage(Stage::Map));
    commands(&mut app, "?");
    for size in SIZES {
        snap("overlay_help_map", &app, size);
    }
}

#[test]
fn the_help_overlay_on_the_scaling_grid() {
    let mut app = icpc_live();
    app.update(Msg::GoToStage(Stage::Scaling));
    commands(&mut app, "?");
    assert!(matches!(app.overlays().last(), Some(Overlay::Help(_))));
    snap("overlay_help_scaling", &app, (80, 24));
}

#[test]
fn the_finalise_confirmation() {
    let mut app = icpc_live();
    app.update(Msg::GoToStage(Stage::Decision));
    commands(&mut app, "F");
    assert!(matches!(app.overlays().last(), Some(Overlay::Confirm(_))));
    for size in SIZES {
        snap("overlay_finalise_confirm", &app, size);
    }
}

#[test]
fn a_refused_value_in_the_status_bar() {
    let mut app = icpc_live();
    app.update(Msg::GoToStage(Stage::Setup));
    open_field(&mut app, "Date");
    commands(&mut app, "<C-a><C-k>");
    type_text(&mut app, "31/02/2026");
    commands(&mut app, "<Enter>");
    snap("refused_date", &app, (80, 24));
}

#[test]
fn a_terminal_too_small() {
    let app = icpc_live();
    snap("too_small", &app, (40, 10));
    snap("too_small", &app, (59, 16));
}

#[test]
fn a_restricted_map_item_keeps_its_marker_on_a_small_screen() {
    let mut app = icpc_live();
    app.update(Msg::GoToStage(Stage::Map));
    // What complicates things: the fifth item is restricted police information.
    commands(&mut app, "<Tab><Tab>jjjj");
    let screen_text = screen(&app, 80, 24);
    assert!(screen_text.contains("RESTRICTED"), "{screen_text}");
    snap("icpc_4_map_restricted_selected", &app, (80, 24));
}
