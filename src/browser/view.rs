//! Drawing the session list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Browser;
use crate::app::keymap::{Command, Context, bindings_for, key_for};
use crate::model::Choice;
use crate::ui::text::{pad, truncate};
use crate::ui::theme::Theme;

pub fn draw(f: &mut Frame, b: &Browser) {
    let area = f.area();
    if crate::ui::draw_too_small(f, area) {
        return;
    }
    let [title, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(2),
    ])
    .areas(area);
    draw_title(f, title, b);
    draw_list(f, body, b);
    if b.help_open() {
        // The list itself draws without the theme's colours; its help popup
        // keeps the default theme, as it always has.
        crate::ui::draw_help_popup(f, area, &[Context::Browser], Theme::default());
    }
    if let Some((family, children)) = b.series() {
        draw_series(f, body, family, children);
    }
    draw_status(f, status, b);
}

fn draw_title(f: &mut Frame, area: Rect, b: &Browser) {
    let count = if b.pending() > 0 {
        format!(
            "{} sessions, reading {} more…",
            b.entries().len(),
            b.pending()
        )
    } else {
        format!("{} sessions", b.entries().len())
    };
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" cpconf · sessions in ", bold()),
            Span::raw(b.dir().display().to_string()),
            Span::raw(format!(" · {count}")),
        ])),
        area,
    );
}

fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// The widths of the date, kind and family reference columns.
const COLUMNS: [usize; 3] = [12, 16, 14];

fn draw_list(f: &mut Frame, body: Rect, b: &Browser) {
    let block = Block::bordered().title(" Saved conferences (newest first) ");
    let inner = block.inner(body);
    f.render_widget(block, body);
    let w = inner.width as usize;
    let cols = COLUMNS;
    let rest = w.saturating_sub(cols.iter().sum::<usize>() + 16);
    let header = format!(
        "  {}{}{}{}{}",
        pad("Date", cols[0]),
        pad("Kind", cols[1]),
        pad("Family ref", cols[2]),
        pad("Children", rest),
        pad("Status", 14)
    );
    let mut lines = vec![Line::styled(truncate(&header, w), bold())];
    let visible = b.visible();
    let room = (inner.height as usize).saturating_sub(1);
    let first = b.selected().saturating_sub(room.saturating_sub(1));
    for (i, e) in visible.iter().enumerate().skip(first).take(room) {
        let text = row_text(b, e, rest);
        // A marker as well as reverse video: the choice must show without
        // colour or reverse (NO_COLOR terminals).
        let marker = if i == b.selected() { "▶ " } else { "  " };
        let mut line = Line::from(truncate(&format!("{marker}{text}"), w));
        if i == b.selected() {
            line = line.style(Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD));
        }
        lines.push(line);
    }
    if visible.is_empty() && b.pending() == 0 {
        lines.push(Line::raw(if b.filter().is_empty() {
            format!(
                "No sessions yet. Press {} to start a new conference.",
                key_for(Context::Browser, Command::New)
            )
        } else {
            format!(
                "No session matches the filter. {} clears it.",
                key_for(Context::Browser, Command::Back)
            )
        }));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// One session's row; `rest` is the width left for the children's names.
fn row_text(b: &Browser, e: &super::Entry, rest: usize) -> String {
    let cols = COLUMNS;
    match &e.summary {
        Ok(s) => format!(
            "{}{}{}{}{}",
            pad(
                &s.date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "undated".into()),
                cols[0]
            ),
            pad(s.kind.label(), cols[1]),
            pad(&s.family_reference, cols[2]),
            // A cut list of names still ends before the status.
            pad(&s.children.join(", "), rest.saturating_sub(1)) + " ",
            // Overdue paperwork in words, so it shows without colour;
            // a session handed over has no paperwork left here.
            pad(
                if s.handed_over.is_none() && b.paperwork().overdue(s) {
                    "! overdue"
                } else {
                    s.status_label()
                },
                14
            )
        ),
        Err(msg) => format!("⚠ unreadable: {msg}"),
    }
}

/// The keys' hints from the key table, and under them a message or the
/// filter being typed.
fn draw_status(f: &mut Frame, area: Rect, b: &Browser) {
    let mut hints: Vec<Span> = Vec::new();
    for bind in bindings_for(&[Context::Browser]) {
        if let Some((k, h)) = bind.hint_parts() {
            if !k.is_empty() {
                hints.push(Span::styled(k, bold()));
                hints.push(Span::raw(" "));
            }
            hints.push(Span::raw(format!("{h}  ")));
        }
    }
    let second = if let Some(m) = b.message() {
        m.to_string()
    } else if !b.filter().is_empty() {
        format!(
            "filter: {}▏ ({} rubs out, {} clears)",
            b.filter(),
            key_for(Context::Browser, Command::Erase),
            key_for(Context::Browser, Command::Back)
        )
    } else {
        String::new()
    };
    // Cut to the list's width inside its border, as it always was.
    let w = (area.width as usize).saturating_sub(2);
    f.render_widget(
        Paragraph::new(vec![Line::from(hints), Line::raw(truncate(&second, w))]),
        area,
    );
}

/// One family over time: per child, a bar per conference for the median
/// score (with the range), and the decision made.
fn draw_series(
    f: &mut Frame,
    area: ratatui::layout::Rect,
    family: &str,
    children: &[crate::model::series::ChildSeries],
) {
    use ratatui::widgets::Clear;
    f.render_widget(Clear, area);
    let block = Block::bordered().title(format!(
        " {family}: scaling and outcomes over time (any key closes) "
    ));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = inner.width as usize;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let dim = Style::new().add_modifier(Modifier::DIM);
    let bar_w = 20usize;
    let mut lines: Vec<Line> = crate::ui::text::wrap(
        "Bars: median score out of 10 (0 = cannot live safely at home · 10 = safe enough to close)",
        w,
    )
    .into_iter()
    .map(|l| Line::styled(l, dim))
    .collect();
    for child in children {
        lines.push(Line::raw(""));
        lines.push(Line::styled(truncate(&child.name, w), bold));
        for p in &child.points {
            let when = format!(
                "  {} {:<9}",
                p.date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "undated".into()),
                p.kind.code().to_uppercase()
            );
            let (bar, figures) = match &p.scores {
                Some(sp) => {
                    let filled = ((sp.median / 10.0) * bar_w as f32).round() as usize;
                    (
                        format!(
                            "{}{}",
                            "█".repeat(filled.min(bar_w)),
                            "·".repeat(bar_w - filled.min(bar_w))
                        ),
                        format!(
                            " {:>4} ({}–{}, {} scores) ",
                            sp.median, sp.lowest, sp.highest, sp.count
                        ),
                    )
                }
                None => ("·".repeat(bar_w), "  no scores            ".to_string()),
            };
            use unicode_width::UnicodeWidthStr;
            let used = when.width() + bar_w + figures.width();
            let room = w.saturating_sub(used);
            // The decision goes on its own line rather than be cut short.
            let (beside, below) = if p.outcome.width() <= room {
                (p.outcome.clone(), None)
            } else {
                (String::new(), Some(p.outcome.clone()))
            };
            lines.push(Line::from(vec![
                Span::raw(when),
                Span::raw(bar),
                Span::styled(figures, dim),
                Span::raw(beside),
            ]));
            if let Some(text) = below {
                for l in crate::ui::text::wrap(&text, w.saturating_sub(24)) {
                    lines.push(Line::raw(format!("{:24}{l}", "")));
                }
            }
        }
    }
    if children.is_empty() {
        lines.push(Line::raw("No children recorded for this family yet."));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
