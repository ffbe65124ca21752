//! Styles, in three themes. Nothing is shown by colour alone: every state
//! also has a symbol or a modifier, so the screen reads the same on a
//! washed-out projector or with colour turned off.
//!
//! The theme is a value: `ui::draw` makes one from the app's rules and
//! passes it to every drawing function that styles something.

use ratatui::style::{Color, Modifier, Style};

pub use crate::config::ThemeName;

/// The styles of one theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    name: ThemeName,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(ThemeName::Default)
    }
}

const BOLD: Modifier = Modifier::BOLD;

impl Theme {
    pub fn new(name: ThemeName) -> Self {
        Theme { name }
    }

    fn pick(self, default: Style, high_contrast: Style, mono: Style) -> Style {
        match self.name {
            ThemeName::Default => default,
            ThemeName::HighContrast => high_contrast,
            ThemeName::Mono => mono,
        }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(BOLD)
    }

    pub fn focused_border(self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(BOLD),
            Style::new().fg(Color::White).add_modifier(BOLD),
            Style::new().add_modifier(BOLD),
        )
    }

    pub fn border(self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            Style::new().fg(Color::Gray),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    /// The selection. Mono avoids reverse video, which NO_COLOR terminals (and
    /// crossterm under NO_COLOR) may drop: it underlines instead.
    pub fn selected(self) -> Style {
        self.pick(
            Style::new().add_modifier(Modifier::REVERSED),
            Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(BOLD),
            Style::new().add_modifier(BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn label(self) -> Style {
        self.pick(
            Style::new().fg(Color::Gray),
            Style::new().fg(Color::White),
            Style::new(),
        )
    }

    pub fn muted(self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            Style::new().fg(Color::Gray),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    pub fn key(self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(BOLD),
            Style::new().fg(Color::LightCyan).add_modifier(BOLD),
            Style::new().add_modifier(BOLD),
        )
    }

    pub fn warning(self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(BOLD),
            Style::new().fg(Color::LightYellow).add_modifier(BOLD),
            Style::new().add_modifier(BOLD),
        )
    }

    pub fn error(self) -> Style {
        self.pick(
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

    pub fn good(self) -> Style {
        self.pick(
            Style::new().fg(Color::Green).add_modifier(BOLD),
            Style::new().fg(Color::LightGreen).add_modifier(BOLD),
            Style::new().add_modifier(BOLD),
        )
    }

    pub fn restricted(self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta).add_modifier(BOLD),
            Style::new().fg(Color::LightMagenta).add_modifier(BOLD),
            Style::new().add_modifier(BOLD | Modifier::ITALIC),
        )
    }
}
