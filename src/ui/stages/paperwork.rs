//! The record stage's boxes: sign-off (finalised, and whether the record
//! still matches its fingerprint) and the paperwork due after it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::keymap::{Command, Context, key_for};
use crate::app::state::App;
use crate::model::{Due, Integrity, Paperwork, Session, Stage};
use crate::ui::panes::pane_block;
use crate::ui::text::{truncate, wrap};
use crate::ui::theme::Theme;

/// The distribution list: each paperwork's due date, and whether it was
/// sent. The decision letters share a line, their recipients grouped as
/// overdue, not sent yet and sent (with when), wrapping when the names are
/// long. Overdue items stand out in words.
pub(super) fn draw_distribution(f: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let title = if app.addendum_refusal().is_none() {
        format!(
            "Paperwork due · {} marks the next as sent",
            key_for(Context::SignOff, Command::MarkSent)
        )
    } else {
        "Paperwork due".to_string()
    };
    let block = pane_block(&title, false, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let rules = app.config();
    let list = rules.distribution_list(app.session(), app.now().date_naive());
    let mut lines: Vec<Line> = Vec::new();
    if let Some(line) = letters_line(&list, theme) {
        lines.push(line);
    }
    for d in list
        .iter()
        .filter(|d| d.paperwork != Some(Paperwork::Letters))
    {
        let (state, style) = match (&d.sent, d.overdue) {
            (Some(m), _) => (
                format!("✓ sent {} by {}", m.at.format("%-d %b %H:%M"), m.by),
                theme.good(),
            ),
            (None, true) => ("! OVERDUE, not sent".to_string(), theme.error()),
            (None, false) if d.paperwork.is_some() => {
                ("not sent yet".to_string(), Style::default())
            }
            (None, false) => (String::new(), Style::default()),
        };
        let text = if state.is_empty() {
            format!("{}: {} · {}", d.label, due_words(d), d.who)
        } else {
            format!("{}: {} {state} · {}", d.label, due_words(d), d.who)
        };
        lines.push(Line::styled(truncate(&text, inner.width as usize), style));
    }
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: true }),
        inner,
    );
}

/// Whether the record is finalised, and whether it still matches the
/// fingerprint taken then.
pub(super) fn draw_signoff(f: &mut Frame, area: Rect, s: &Session, theme: Theme) {
    let block = pane_block("Sign-off", false, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = inner.width as usize;
    let mut lines = Vec::new();
    match (&s.finalised, s.integrity()) {
        (Some(fin), integrity) => {
            lines.push(Line::styled(
                truncate(
                    &format!(
                        "■ Finalised by {} on {}",
                        if fin.by.trim().is_empty() {
                            "(no chair named)"
                        } else {
                            &fin.by
                        },
                        fin.at.format("%Y-%m-%d %H:%M")
                    ),
                    w,
                ),
                theme.title(),
            ));
            let (text, style) = match integrity {
                Integrity::Intact => ("✓ content matches its SHA-256 fingerprint", theme.good()),
                Integrity::Changed => (
                    "✗ CHANGED since it was finalised: the content no longer matches its fingerprint",
                    theme.error(),
                ),
                _ => ("? finalised before fingerprints were kept", theme.warning()),
            };
            // Wrapped, not cut: whether the record still matches matters
            // more than the fingerprint's digits below it.
            lines.extend(wrap(text, w).into_iter().map(|l| Line::styled(l, style)));
            lines.push(Line::styled(
                truncate(&format!("SHA-256 {}", fin.content_sha256), w),
                theme.muted(),
            ));
        }
        (None, _) => {
            lines.extend(
                wrap(
                    &format!(
                        "In progress: not finalised. Finalise with {} at the chair's decision (stage {}).",
                        key_for(Context::Decision, Command::Finalise),
                        Stage::Decision.number()
                    ),
                    w,
                )
                .into_iter()
                .map(Line::from),
            );
            lines.push(Line::styled(
                truncate("Every change is kept in the audit trail below.", w),
                theme.muted(),
            ));
        }
    }
    f.render_widget(Paragraph::new(lines), inner);
}

fn due_words(d: &Due) -> String {
    match d.due {
        Some(day) => format!("due {}", day.format("%a %-d %b %Y")),
        None => "due once the record is sent".into(),
    }
}

/// The decision letters on one line, their recipients grouped as overdue,
/// not sent yet and sent; `None` when no letter is due.
fn letters_line(list: &[Due], theme: Theme) -> Option<Line<'static>> {
    let letters: Vec<&Due> = list
        .iter()
        .filter(|d| d.paperwork == Some(Paperwork::Letters))
        .collect();
    let first = letters.first()?;
    let to = |d: &&Due| d.who.trim_start_matches("to ").to_string();
    let sent: Vec<String> = letters
        .iter()
        .filter_map(|d| {
            let m = d.sent.as_ref()?;
            Some(format!("{} ({})", to(d), m.at.format("%-d %b %H:%M")))
        })
        .collect();
    let late: Vec<String> = letters.iter().filter(|d| d.overdue).map(to).collect();
    let waiting: Vec<String> = letters
        .iter()
        .filter(|d| d.sent.is_none() && !d.overdue)
        .map(to)
        .collect();
    let mut spans = vec![Span::raw(format!("Decision letters: {}", due_words(first)))];
    let mut group = |head: &str, names: Vec<String>, style: Style| {
        if !names.is_empty() {
            spans.push(Span::raw(" · "));
            spans.push(Span::styled(format!("{head}{}", names.join(", ")), style));
        }
    };
    let last = letters
        .iter()
        .filter_map(|d| d.sent.as_ref())
        .max_by_key(|m| m.at);
    match last {
        // All sent: one short line, so the record and comments show.
        Some(m) if late.is_empty() && waiting.is_empty() => group(
            "",
            vec![format!(
                "✓ all {} sent, the last {} by {}",
                sent.len(),
                m.at.format("%-d %b %H:%M"),
                m.by
            )],
            theme.good(),
        ),
        _ => {
            group("! OVERDUE, not sent: ", late, theme.error());
            group("not sent yet: ", waiting, Style::default());
            group("✓ sent: ", sent, theme.good());
        }
    }
    Some(Line::from(spans))
}
