//! Clicks, found on screen with the same layout the screen is drawn with.

use crate::support;

use cpconf::app::state::{Access, App};
use cpconf::app::update::{ClickTarget, Msg};
use cpconf::model::*;
use ratatui::layout::Rect;
use support::*;

const AREA: Rect = Rect::new(0, 0, 160, 48);

fn click_on(app: &mut App, text: &str) {
    let shown = screen(app, AREA.width, AREA.height);
    let (y, line) = shown
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(text))
        .unwrap_or_else(|| panic!("{text:?} not on screen:\n{shown}"));
    // Column of the text, counted in cells (every character here is narrow
    // or drawn in one cell per char).
    let x = line[..line.find(text).unwrap()].chars().count() as u16;
    let target = cpconf::ui::hit_test(app, AREA, x, y as u16)
        .unwrap_or_else(|| panic!("nothing at {x},{y} ({text:?})"));
    app.update(Msg::Click(target));
}

fn icpc() -> App {
    let mut s = cpconf::example::example_icpc();
    s.status = Status::InProgress;
    App::new(s, Access::Edit, at("12:00:00"))
}

#[test]
fn clicking_a_stage_in_the_sidebar_goes_there() {
    let mut app = icpc();
    click_on(&mut app, "4 The map");
    assert_eq!(app.stage(), Stage::Map);
    click_on(&mut app, "9 Record");
    assert_eq!(app.stage(), Stage::Record);
}

#[test]
fn clicking_an_item_selects_it_and_a_second_click_opens_it() {
    let mut app = icpc();
    app.update(Msg::GoToStage(Stage::Map));
    let third = app
        .session()
        .map_items
        .iter()
        .filter(|m| m.column == Column::Complicating)
        .nth(1)
        .unwrap()
        .text
        .clone();
    let words: String = third
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    click_on(&mut app, &words);
    assert_eq!(app.pane(), 2, "the third column");
    assert_eq!(app.cursor(2).row, 1);
    assert!(app.overlays().is_empty());
    click_on(&mut app, &words);
    assert!(!app.overlays().is_empty(), "a second click opens the item");
}

#[test]
fn clicking_a_field_selects_it() {
    let mut app = icpc();
    app.update(Msg::GoToStage(Stage::Setup));
    click_on(&mut app, "Family reference");
    assert_eq!(app.pane(), 0);
    assert_eq!(app.cursor(0).row, 6);
}

#[test]
fn clicks_are_ignored_while_a_popup_is_open() {
    let mut app = icpc();
    commands(&mut app, "?");
    assert_eq!(cpconf::ui::hit_test(&app, AREA, 5, 10), None);
    app.update(Msg::Click(ClickTarget::Stage(Stage::Setup)));
    assert_ne!(app.stage(), Stage::Setup);
}

#[test]
fn clicking_a_person_in_a_scrolled_grid_selects_that_person() {
    // Sixty people: the scaling grid scrolls to keep the 51st in view.
    let session = cpconf::generate::session(cpconf::generate::Size::L, 1);
    let mut app = App::new(session, Access::Edit, at("12:00:00"));
    app.update(Msg::GoToStage(Stage::Scaling));
    for _ in 0..50 {
        commands(&mut app, "j");
    }
    let grid = app.pane();
    assert_eq!(app.cursor(grid).row, 50);
    let shown = screen(&app, AREA.width, AREA.height);
    let detail = |shown: &str| {
        shown
            .lines()
            .find(|l| l.contains(" → "))
            .unwrap_or_default()
            .to_string()
    };
    // Someone shown a few rows above the chosen person, named once.
    let target = app
        .session()
        .attendees
        .iter()
        .map(|a| a.name.clone())
        .find(|name| shown.matches(name.as_str()).count() == 1 && !detail(&shown).contains(name))
        .expect("another person on screen");
    click_on(&mut app, &target);
    assert_eq!(app.pane(), grid);
    assert_ne!(app.cursor(grid).row, 50);
    let shown = screen(&app, AREA.width, AREA.height);
    assert!(
        detail(&shown).contains(&format!("{target} → ")),
        "the clicked person is chosen: {}",
        detail(&shown)
    );
}
