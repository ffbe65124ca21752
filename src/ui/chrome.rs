//! The frame around a stage: the agenda sidebar and the status bar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use unicode_width::UnicodeWidthStr;

use super::text::{minutes, pad, truncate};
use super::theme::Theme;
use crate::app::keymap::{Command, bindings_for};
use crate::app::state::{Access, App, Tone};
use crate::model::*;

/// The stage drawn on a sidebar row (see `draw_sidebar`: two heading
/// lines and a blank, the agenda, a blank, then the record).
pub fn stage_at_row(row: u16) -> Option<Stage> {
    let row = usize::from(row);
    let agenda = Stage::ALL.len();
    match row {
        r if (3..3 + agenda).contains(&r) => Some(Stage::ALL[r - 3]),
        r if r == 4 + agenda => Some(Stage::Record),
        _ => None,
    }
}

pub fn draw_sidebar(f: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let s = app.session();
    let block = Block::new()
        .borders(Borders::RIGHT)
        .border_style(theme.border());
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = inner.width as usize;
    let reference = if s.setup.family_reference.trim().is_empty() {
        "(no reference)".to_string()
    } else {
        s.setup.family_reference.clone()
    };
    let mut lines = vec![
        Line::styled(
            truncate(
                &format!("{} {}", s.setup.kind.code().to_uppercase(), reference),
                w,
            ),
            theme.title(),
        ),
        Line::styled(
            truncate(
                &s.setup
                    .date
                    .map(|d| d.format("%d %b %Y").to_string())
                    .unwrap_or_default(),
                w,
            ),
            theme.muted(),
        ),
        Line::raw(""),
    ];
    for stage in Stage::SCREENS {
        if !stage.is_agenda() {
            lines.push(Line::raw(""));
        }
        let current = stage == app.stage();
        let mark = if current {
            "▶"
        } else if s.stage_visited(stage) {
            "✓"
        } else {
            " "
        };
        let (time, over) = stage_time(app, stage);
        let name_w = w.saturating_sub(time.width() + 5);
        let title = if name_w >= stage.title().width() {
            stage.title()
        } else {
            stage.short_title()
        };
        let text = format!("{mark} {} {} {time}", stage.number(), pad(title, name_w));
        let line = if over {
            Line::styled(truncate(&text, w), theme.warning())
        } else {
            Line::from(truncate(&text, w))
        };
        lines.push(if current {
            line.style(theme.selected())
        } else {
            line
        });
    }
    lines.push(Line::raw(""));
    let q = app.quorum();
    lines.push(if q.is_quorate() {
        Line::styled("✓ quorate", theme.good())
    } else {
        Line::styled("✗ not quorate", theme.warning())
    });
    match s.status {
        Status::Finalised => lines.push(Line::styled("■ FINALISED", theme.title())),
        Status::InProgress => {}
    }
    if let Access::ReadOnly(_) = app.access() {
        lines.push(Line::styled("◉ READ-ONLY", theme.warning()));
    }
    super::panes::draw_lines(f, inner, &lines);
}

/// A stage's time on the sidebar ("12m", with "!" when over its plan,
/// nothing before it is visited), and whether it is over.
fn stage_time(app: &App, stage: Stage) -> (String, bool) {
    let s = app.session();
    let time = if s.stage_visited(stage) {
        minutes(s.time_in_stage(stage, app.now()))
    } else {
        String::new()
    };
    // Over its planned time: a mark as well as the warning style.
    let over = app.overrun_minutes(stage).is_some();
    (if over { format!("{time}!") } else { time }, over)
}

/// What the sidebar shows that the clock moves: each stage's time. The
/// rest of it follows the session, the stage and the window's rules.
pub fn sidebar_times(app: &App) -> Vec<String> {
    Stage::SCREENS
        .iter()
        .map(|stage| stage_time(app, *stage).0)
        .collect()
}

/// The keys that work where the focus is, as many as fit in `w` columns.
fn hint_spans(app: &App, w: usize, theme: Theme) -> Vec<Span<'static>> {
    let mut hints: Vec<Span> = Vec::new();
    let mut used = 0;
    // Addenda can still be written on a finalised record's own screen.
    let locked = if app.stage() == Stage::Record {
        app.addendum_refusal().is_some()
    } else {
        app.edit_refusal().is_some()
    };
    let here = app.hints_here();
    for b in bindings_for(&app.contexts()) {
        let Some((key, hint)) = b.hint_parts() else {
            continue;
        };
        if (locked && b.command.edits()) || !here.offers(b) {
            continue;
        }
        // Over a box, the box's own keys first, then only help and quit of
        // the session's: the rest would close the box, which is not news.
        let boxed = !app.overlays().is_empty() && b.context == crate::app::keymap::Context::Session;
        if boxed
            && !matches!(
                b.command,
                Command::Help | Command::Quit | Command::NextStage
            )
        {
            continue;
        }
        // On a locked record Enter only opens things to read.
        let hint = if locked && b.command == Command::Edit {
            "read"
        } else {
            hint
        };
        let piece = format!("{key} {hint}  ");
        if used + piece.width() > w {
            break;
        }
        used += piece.width();
        if !key.is_empty() {
            hints.push(Span::styled(key, theme.key()));
            hints.push(Span::raw(" "));
        }
        hints.push(Span::raw(format!("{hint}  ")));
    }
    hints
}

/// What the save is doing, for the status bar's right-hand end.
fn save_span(app: &App, theme: Theme) -> Span<'static> {
    if let Some(e) = app.save_error() {
        Span::styled(format!(" NOT SAVED: {e} (retrying) "), theme.error())
    } else if app.read_only() {
        Span::styled(" read-only ", theme.warning())
    } else if app.has_unsaved_changes() {
        Span::styled(" saving… ", theme.muted())
    } else {
        let at = app
            .last_saved_at()
            .map(|t| format!(" saved {} ", t.format("%H:%M:%S")))
            .unwrap_or_else(|| " saved ".into());
        Span::styled(at, theme.good())
    }
}

/// Two lines: the keys that work here, then messages, save state and time.
pub fn draw_status(f: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let w = area.width as usize;
    let hints = hint_spans(app, w, theme);
    let s = app.session();
    let save = save_span(app, theme);
    let elapsed = s
        .meeting_time(app.now())
        .map(|t| {
            if app.break_due() {
                format!(" meeting {} · time for a break? ", minutes(t))
            } else {
                format!(" meeting {} ", minutes(t))
            }
        })
        .unwrap_or_default();
    let clock = format!(" {} ", app.now().format("%H:%M"));
    let right_w = save.content.width() + elapsed.width() + clock.width();
    let msg_w = w.saturating_sub(right_w);
    // A message too long for its place takes the hints' line as well: a
    // message cut short (where typed words went, why a key did nothing) is
    // worse than hints missing for a moment. An information goes after a
    // few seconds, and the hints come back.
    let (first, message) = match app.message() {
        Some(m) => {
            let style = match m.tone {
                Tone::Info => theme.label(),
                Tone::Warning => theme.warning(),
                Tone::Error => theme.error(),
            };
            if m.text.width() > msg_w {
                let mut parts = super::text::wrap(&m.text, w).into_iter();
                let top = parts.next().unwrap_or_default();
                let rest: Vec<String> = parts.collect();
                (
                    Line::styled(pad(&top, w), style),
                    Span::styled(pad(&rest.join(" "), msg_w), style),
                )
            } else {
                (Line::from(hints), Span::styled(pad(&m.text, msg_w), style))
            }
        }
        None => (Line::from(hints), Span::raw(pad("", msg_w))),
    };
    let lines = vec![
        first,
        Line::from(vec![
            message,
            save,
            Span::styled(elapsed, theme.muted()),
            Span::styled(clock, theme.title()),
        ]),
    ];
    super::panes::draw_lines(f, area, &lines);
}
