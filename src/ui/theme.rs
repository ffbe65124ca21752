//! Styles, in three themes. Nothing is shown by colour alone: every state
//! also has a symbol or a modifier, so the screen reads the same on a
//! washed-out projector or with colour turned off. No text is drawn in
//! grey or white on the terminal's own background: on a light terminal it
//! would all but vanish.
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
            Style::new().add_modifier(BOLD),
            Style::new().add_modifier(BOLD),
        )
    }

    pub fn border(self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            // Dark grey washes out on a projector: the terminal's own
            // colour, with the focused pane's border in bold.
            Style::new(),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    /// The selection. Mono avoids reverse video, which NO_COLOR terminals (and
    /// crossterm under NO_COLOR) may drop: it underlines instead. High
    /// contrast puts it on cyan, which stands out from a dark screen and a
    /// white one alike (on white, a black-on-white bar was only bold).
    pub fn selected(self) -> Style {
        self.pick(
            Style::new().add_modifier(Modifier::REVERSED),
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(BOLD),
            Style::new().add_modifier(BOLD | Modifier::UNDERLINED),
        )
    }

    /// A field's label: the terminal's own foreground, which is readable
    /// on a dark or a light background alike (grey or white text all but
    /// vanished on the white terminals many laptops start with).
    pub fn label(self) -> Style {
        self.pick(Style::new(), Style::new().add_modifier(BOLD), Style::new())
    }

    pub fn muted(self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            Style::new(),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    pub fn key(self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(BOLD),
            Style::new().fg(Color::Cyan).add_modifier(BOLD),
            Style::new().add_modifier(BOLD),
        )
    }

    pub fn warning(self) -> Style {
        self.pick(
            // Yellow text is faint on a light terminal: black on yellow
            // reads on any background.
            Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(BOLD),
            Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(BOLD),
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
            Style::new().fg(Color::Green).add_modifier(BOLD),
            Style::new().add_modifier(BOLD),
        )
    }

    pub fn restricted(self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta).add_modifier(BOLD),
            Style::new().fg(Color::Magenta).add_modifier(BOLD),
            Style::new().add_modifier(BOLD | Modifier::ITALIC),
        )
    }
}
