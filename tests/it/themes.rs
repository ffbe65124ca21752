//! The three themes, and NO_COLOR: mono writes no colour codes at all.

use crate::support;

use cpconf::app::state::{Access, App};
use cpconf::app::update::Msg;
use cpconf::ui::theme::ThemeName;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use support::*;

fn app_with(theme: ThemeName) -> App {
    let mut s = cpconf::example::example_icpc();
    s.status = cpconf::model::Status::InProgress;
    let mut app = App::new(s, Access::Edit, at("12:00:00")).with_theme(theme);
    app.update(Msg::GoToStage(cpconf::model::Stage::Map));
    app
}

/// Collects what the backend writes, so the test can read it afterwards.
#[derive(Clone, Default)]
struct Captured(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes a real terminal would receive for one frame.
fn ansi(app: &App) -> String {
    let captured = Captured::default();
    let backend = CrosstermBackend::new(captured.clone());
    let mut term = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 100, 30)),
        },
    )
    .unwrap();
    term.draw(|f| cpconf::ui::draw(f, app)).unwrap();
    drop(term);
    let bytes = captured.0.borrow().clone();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// SGR parameters that set a colour (foreground or background, any form).
fn colour_codes(out: &str) -> Vec<String> {
    let mut found = Vec::new();
    for seq in out.split("\x1b[").skip(1) {
        let Some(end) = seq.find(|c: char| c.is_ascii_alphabetic()) else {
            continue;
        };
        if &seq[end..end + 1] != "m" {
            continue;
        }
        for p in seq[..end].split(';') {
            if let Ok(n) = p.parse::<u32>() {
                if (30..=38).contains(&n)
                    || (40..=48).contains(&n)
                    || (90..=97).contains(&n)
                    || (100..=107).contains(&n)
                {
                    found.push(seq[..end].to_string());
                }
            }
        }
    }
    found
}

#[test]
fn mono_writes_no_colour_codes() {
    let out = ansi(&app_with(ThemeName::Mono));
    assert!(out.contains("What's working well"), "the frame was drawn");
    assert_eq!(colour_codes(&out), Vec::<String>::new());
}

#[test]
fn the_default_theme_does_use_colour() {
    // Guards the check above: it can find colour codes when there are some.
    assert!(!colour_codes(&ansi(&app_with(ThemeName::Default))).is_empty());
}

/// Text colours that all but vanish on a light terminal's background.
const FAINT_ON_WHITE: [ratatui::style::Color; 7] = {
    use ratatui::style::Color::*;
    [
        Gray,
        White,
        Yellow,
        LightYellow,
        LightCyan,
        LightGreen,
        LightBlue,
    ]
};

#[test]
fn every_theme_reads_on_a_light_terminal() {
    use ratatui::style::Color;
    for theme in [ThemeName::Default, ThemeName::HighContrast] {
        let mut app = app_with(theme);
        let mut drawn = 0;
        for stage in cpconf::model::Stage::ALL {
            app.update(Msg::GoToStage(stage));
            let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
            term.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
            let buf = term.backend().buffer().clone();
            for y in 0..buf.area.height {
                for x in 0..buf.area.width {
                    let c = &buf[(x, y)];
                    if c.symbol().trim().is_empty() {
                        continue;
                    }
                    drawn += 1;
                    // On the terminal's own background (no colour of its
                    // own behind it), text must not be faint on white.
                    let own_background = matches!(c.bg, Color::Reset);
                    assert!(
                        !(own_background && FAINT_ON_WHITE.contains(&c.fg)),
                        "{theme:?} {stage:?}: {:?} text {:?} at ({x}, {y})",
                        c.fg,
                        c.symbol()
                    );
                }
            }
        }
        assert!(drawn > 1000, "{theme:?}: the stages were drawn");
    }
}

/// The selected row stands out on a dark terminal and a light one: by
/// reverse video, which follows the terminal's own colours, or on a
/// background of a colour, never on white, black or grey.
#[test]
fn the_selection_shows_on_a_light_and_a_dark_terminal() {
    use ratatui::style::{Color, Modifier};
    for theme in [ThemeName::Default, ThemeName::HighContrast] {
        let app = app_with(theme);
        let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
        term.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
        let buf = term.backend().buffer().clone();
        let (x, y) = (0..30u16)
            .flat_map(|y| (0..100u16).map(move |x| (x, y)))
            .find(|&(x, y)| buf[(x, y)].symbol() == "▌")
            .expect("a selected row");
        // The text after the marker: the selected row itself.
        let c = &buf[(x + 2, y)];
        let reversed = c.modifier.contains(Modifier::REVERSED);
        let coloured = !matches!(
            c.bg,
            Color::Reset | Color::White | Color::Black | Color::Gray | Color::DarkGray
        );
        assert!(
            reversed || coloured,
            "{theme:?}: the selection is {:?} on {:?}",
            c.fg,
            c.bg
        );
    }
}

#[test]
fn no_color_always_means_mono() {
    assert_eq!(
        ThemeName::resolve(ThemeName::HighContrast, Some("1")),
        ThemeName::Mono
    );
    assert_eq!(
        ThemeName::resolve(ThemeName::Default, Some("")),
        ThemeName::Default
    );
    assert_eq!(
        ThemeName::resolve(ThemeName::HighContrast, None),
        ThemeName::HighContrast
    );
}

#[test]
fn each_theme_marks_the_selection_without_relying_on_colour() {
    for theme in [ThemeName::Default, ThemeName::HighContrast, ThemeName::Mono] {
        let app = app_with(theme);
        let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
        term.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
        let buf = term.backend().buffer().clone();
        // The selected map item carries a marker and a non-colour modifier.
        let marked = (0..30u16).any(|y| {
            (0..100u16).any(|x| {
                let c = &buf[(x, y)];
                c.symbol() == "▌" && !c.modifier.is_empty()
            })
        });
        assert!(marked, "{theme:?}: no marked selection");
        insta::assert_snapshot!(format!("theme_{theme:?}"), styles_summary(&buf));
    }
}

/// Each distinct style in use and one sample of text drawn in it: a compact
/// picture of a theme that a reviewer can read.
fn styles_summary(buf: &ratatui::buffer::Buffer) -> String {
    let mut seen: Vec<(String, String)> = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            if c.symbol().trim().is_empty() {
                continue;
            }
            let key = format!("fg={:?} bg={:?} mod={:?}", c.fg, c.bg, c.modifier);
            if !seen.iter().any(|(k, _)| *k == key) {
                let sample: String = (x..buf.area.width.min(x + 24))
                    .map(|xx| buf[(xx, y)].symbol().to_string())
                    .collect();
                seen.push((key, sample.trim_end().to_string()));
            }
        }
    }
    seen.sort();
    seen.into_iter()
        .map(|(k, s)| format!("{k}  e.g. {s:?}\n"))
        .collect()
}
