//! Styles, in three themes. Nothing is shown by colour alone: every state
//! also has a symbol or a modifier, so the screen reads the same on a
//! washed-out projector or with colour turned off.
//!
//! The theme for a frame is set once by `ui::draw` (from the app's choice)
//! and read by the drawing helpers; it is drawing's own setting, never app
//! state, so drawing still changes nothing in the app.

use std::cell::Cell;

use ratatui::style::{Color, Modifier, Style};

pub use crate::config::ThemeName;

thread_local! {
    static CURRENT: Cell<ThemeName> = const { Cell::new(ThemeName::Default) };
}

/// Draws with `theme` for the duration of `f`.
pub fn with<R>(theme: ThemeName, f: impl FnOnce() -> R) -> R {
    let before = CURRENT.with(|c| c.replace(theme));
    let out = f();
    CURRENT.with(|c| c.set(before));
    out
}

fn pick(default: Style, high_contrast: Style, mono: Style) -> Style {
    match CURRENT.with(Cell::get) {
        ThemeName::Default => default,
        ThemeName::HighContrast => high_contrast,
        ThemeName::Mono => mono,
    }
}

const BOLD: Modifier = Modifier::BOLD;

pub fn title() -> Style {
    Style::new().add_modifier(BOLD)
}

pub fn focused_border() -> Style {
    pick(
        Style::new().fg(Color::Cyan).add_modifier(BOLD),
        Style::new().fg(Color::White).add_modifier(BOLD),
        Style::new().add_modifier(BOLD),
    )
}

pub fn border() -> Style {
    pick(
        Style::new().fg(Color::DarkGray),
        Style::new().fg(Color::Gray),
        Style::new().add_modifier(Modifier::DIM),
    )
}

/// The selection. Mono avoids reverse video, which NO_COLOR terminals (and
/// crossterm under NO_COLOR) may drop: it underlines instead.
pub fn selected() -> Style {
    pick(
        Style::new().add_modifier(Modifier::REVERSED),
        Style::new()
            .fg(Color::Black)
            .bg(Color::White)
            .add_modifier(BOLD),
        Style::new().add_modifier(BOLD | Modifier::UNDERLINED),
    )
}

pub fn label() -> Style {
    pick(
        Style::new().fg(Color::Gray),
        Style::new().fg(Color::White),
        Style::new(),
    )
}

pub fn muted() -> Style {
    pick(
        Style::new().fg(Color::DarkGray),
        Style::new().fg(Color::Gray),
        Style::new().add_modifier(Modifier::DIM),
    )
}

pub fn key() -> Style {
    pick(
        Style::new().fg(Color::Cyan).add_modifier(BOLD),
        Style::new().fg(Color::LightCyan).add_modifier(BOLD),
        Style::new().add_modifier(BOLD),
    )
}

pub fn warning() -> Style {
    pick(
        Style::new().fg(Color::Yellow).add_modifier(BOLD),
        Style::new().fg(Color::LightYellow).add_modifier(BOLD),
        Style::new().add_modifier(BOLD),
    )
}

pub fn error() -> Style {
    pick(
        Style::new()
            .fg(Color::Red)
            .add_modifier(BOLD | Modifier::REVERSED),
        Style::new()
            .fg(Color::White)
            .bg(Color::Red)
            .add_modifier(BOLD),
        Style::new().add_modifier(BOLD | Modifier::UNDERLINED),
    )
}

pub fn good() -> Style {
    pick(
        Style::new().fg(Color::Green).add_modifier(BOLD),
        Style::new().fg(Color::LightGreen).add_modifier(BOLD),
        Style::new().add_modifier(BOLD),
    )
}

pub fn restricted() -> Style {
    pick(
        Style::new().fg(Color::Magenta).add_modifier(BOLD),
        Style::new().fg(Color::LightMagenta).add_modifier(BOLD),
        Style::new().add_modifier(BOLD | Modifier::ITALIC),
    )
}
