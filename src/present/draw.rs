//! Drawing the projector window: a pure picture of `PresentState`. It sees
//! only the family-safe view, so no restricted item can reach the screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::boards;
use super::state::{Board, FOLLOWS, PresentState};
use crate::app::keymap::{Context, bindings_for};
use crate::export::words::long_date;
use crate::model::Choice;
use crate::ui::text::{truncate, wrap};

/// Below this the boards cannot be laid out usefully.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

pub fn draw(f: &mut Frame, state: &PresentState) {
    draw_measured(f, state);
}

/// Draws, and returns how far the board showing can scroll at this size
/// (the runner keeps the scroll within it, so `k` answers at once after
/// too many `j`s).
pub fn draw_measured(f: &mut Frame, state: &PresentState) -> u16 {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(f, area);
        return 0;
    }
    let pad = side_padding(area.width);
    let inner = Rect::new(
        area.x + pad,
        area.y,
        area.width.saturating_sub(pad * 2),
        area.height,
    );
    let gap = u16::from(area.height >= 30);
    let [header, _, tabs, _, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    draw_header(f, header, state);
    draw_tabs(f, tabs, state);
    let furthest = boards::draw_board(f, body, state);
    draw_footer(f, footer, state);
    if state.help_open() {
        draw_help(f, area, state);
    }
    furthest
}

/// Generous margins on a big screen, thin ones on a small one.
fn side_padding(width: u16) -> u16 {
    match width {
        0..60 => 1,
        60..120 => 2,
        _ => 4,
    }
}

fn too_small(f: &mut Frame, area: Rect) {
    let msg = format!(
        "terminal too small: need {MIN_WIDTH} x {MIN_HEIGHT} (now {} x {})",
        area.width, area.height
    );
    let lines: Vec<Line> = wrap(&msg, usize::from(area.width))
        .into_iter()
        .map(Line::from)
        .collect();
    let h = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(area.height);
    let y = area.y + (area.height - h) / 2;
    f.render_widget(
        Paragraph::new(lines).centered(),
        Rect::new(area.x, y, area.width, h),
    );
}

fn draw_header(f: &mut Frame, area: Rect, state: &PresentState) {
    let v = state.view();
    let mut bits = Vec::new();
    if !v.family_reference.trim().is_empty() {
        bits.push(format!("Family {}", v.family_reference.trim()));
    }
    bits.push(v.kind.label().to_string());
    if let Some(d) = v.date {
        bits.push(long_date(d));
    }
    let text = bits.join("  ·  ");
    let text = if text.width() > usize::from(area.width) {
        bits.join(" · ")
    } else {
        text
    };
    f.render_widget(
        Paragraph::new(Line::styled(
            truncate(&text, usize::from(area.width)),
            Style::new().add_modifier(Modifier::BOLD),
        ))
        .centered(),
        area,
    );
}

/// The four boards; the one showing is in brackets and reversed, so it
/// reads without colour.
fn draw_tabs(f: &mut Frame, area: Rect, state: &PresentState) {
    let long: usize = Board::ALL
        .iter()
        .map(|b| b.title().width() + 7)
        .sum::<usize>();
    let short = long > usize::from(area.width);
    let mut spans = Vec::new();
    for b in Board::ALL {
        let name = if short { b.short_title() } else { b.title() };
        let label = format!("{} {name}", b.number());
        if b == state.board() {
            spans.push(Span::styled(
                format!("[{label}]"),
                Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            ));
        } else {
            spans.push(Span::raw(format!(" {label} ")));
        }
        spans.push(Span::raw(if short { " " } else { "   " }));
    }
    spans.pop();
    f.render_widget(Paragraph::new(Line::from(spans)).centered(), area);
}

/// One quiet line: when the board last changed, and little else.
fn draw_footer(f: &mut Frame, area: Rect, state: &PresentState) {
    let mut bits = vec![format!("updated {}", state.changed_at().format("%H:%M:%S"))];
    if state.load_error().is_some() {
        bits.push("⚠ latest save unreadable; showing the last good one".into());
    }
    bits.push(if state.following() {
        "following the chair".into()
    } else {
        "a: follow the chair".into()
    });
    bits.push("? keys".into());
    let text = truncate(&bits.join("  ·  "), usize::from(area.width));
    f.render_widget(
        Paragraph::new(Line::styled(text, Style::new().add_modifier(Modifier::DIM))).centered(),
        area,
    );
}

fn draw_help(f: &mut Frame, area: Rect, state: &PresentState) {
    let keys: Vec<(String, &str)> = bindings_for(&[Context::Projector])
        .map(|b| (b.shown(), b.does))
        .chain([(String::new(), FOLLOWS)])
        .collect();
    let key_w = keys.iter().map(|(k, _)| k.width()).max().unwrap_or(0) + 3;
    let popup_w = area.width.saturating_sub(4).min(76);
    let text_w = usize::from(popup_w.saturating_sub(4))
        .saturating_sub(key_w)
        .max(1);
    let mut lines: Vec<Line> = Vec::new();
    for (key, what) in &keys {
        for (i, part) in wrap(what, text_w).into_iter().enumerate() {
            let k = if i == 0 { key.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{k:key_w$}"),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(part),
            ]));
        }
    }
    if let Some(e) = state.load_error() {
        lines.push(Line::raw(""));
        for part in wrap(&format!("⚠ {e}"), usize::from(popup_w.saturating_sub(4))) {
            lines.push(Line::raw(part));
        }
    }
    let h = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = Rect::new(
        area.x + (area.width - popup_w) / 2,
        area.y + (area.height - h) / 2,
        popup_w,
        h,
    );
    f.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .title(" Keys: projector view ");
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    f.render_widget(Paragraph::new(lines), inner);
}
