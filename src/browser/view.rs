//! Drawing the session list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Browser;
use crate::app::keymap::{Context, bindings_for};
use crate::model::Choice;
use crate::ui::text::{pad, truncate};

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
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let count = if b.pending > 0 {
        format!("{} sessions, reading {} more…", b.entries.len(), b.pending)
    } else {
        format!("{} sessions", b.entries.len())
    };
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" cpconf · sessions in ", bold),
            Span::raw(b.dir.display().to_string()),
            Span::raw(format!(" · {count}")),
        ])),
        title,
    );

    let block = Block::bordered().title(" Saved conferences (newest first) ");
    let inner = block.inner(body);
    f.render_widget(block, body);
    let w = inner.width as usize;
    let cols = [12usize, 16, 14];
    let rest = w.saturating_sub(cols.iter().sum::<usize>() + 14);
    let header = format!(
        "{}{}{}{}{}",
        pad("Date", cols[0]),
        pad("Kind", cols[1]),
        pad("Family ref", cols[2]),
        pad("Children", rest),
        pad("Status", 14)
    );
    let mut lines = vec![Line::styled(truncate(&header, w), bold)];
    let visible = b.visible();
    let room = (inner.height as usize).saturating_sub(1);
    let first = b.selected.saturating_sub(room.saturating_sub(1));
    for (i, e) in visible.iter().enumerate().skip(first).take(room) {
        let text = match &e.summary {
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
                pad(&s.children.join(", "), rest),
                pad(s.status.label(), 14)
            ),
            Err(msg) => format!("⚠ unreadable: {msg}"),
        };
        let mut line = Line::from(truncate(&text, w));
        if i == b.selected {
            line = line.style(Style::new().add_modifier(Modifier::REVERSED));
        }
        lines.push(line);
    }
    if visible.is_empty() && b.pending == 0 {
        lines.push(Line::raw(if b.filter.is_empty() {
            "No sessions yet. Press n to start a new conference."
        } else {
            "No session matches the filter. Esc clears it."
        }));
    }
    f.render_widget(Paragraph::new(lines), inner);

    if b.help {
        crate::ui::draw_help_popup(f, area, &[Context::Browser]);
    }

    let key = Style::new().add_modifier(Modifier::BOLD);
    let mut hints: Vec<Span> = Vec::new();
    for bind in bindings_for(&[Context::Browser]) {
        if let Some(h) = bind.hint {
            hints.push(Span::styled(
                bind.shown
                    .split(" / ")
                    .next()
                    .unwrap_or(bind.shown)
                    .to_string(),
                key,
            ));
            hints.push(Span::raw(format!(" {h}  ")));
        }
    }
    let second = if b.filtering {
        format!("filter: {}▏ (Enter keeps it, Esc clears)", b.filter)
    } else if let Some(m) = &b.message {
        m.clone()
    } else if !b.filter.is_empty() {
        format!("filtered by \"{}\" (Esc clears)", b.filter)
    } else {
        String::new()
    };
    f.render_widget(
        Paragraph::new(vec![Line::from(hints), Line::raw(truncate(&second, w))]),
        status,
    );
}
