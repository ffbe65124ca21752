//! The four boards. Each builds its lines from the family-safe view and
//! shows the part that fits, with a note when there is more.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::state::{Board, PresentState};
use super::view::{ActionView, ColumnView, Counts, FamilyView, SpreadView};
use crate::app::keymap::{Command, Context, keys_for};
use crate::export::words::short_date;
use crate::model::Choice;
use crate::ui::text::{starts_with_words, truncate, wrap};

/// Text lines longer than this are hard to follow from the back of a room.
const READABLE: u16 = 110;
/// The map's columns sit side by side from this width.
const SIDE_BY_SIDE: u16 = 96;
/// The tallest stack of dots in the scaling chart.
const STACK: usize = 6;

fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

fn quiet() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

/// Draws the board showing; returns how far it can scroll at this size.
pub fn draw_board(f: &mut Frame, area: Rect, state: &PresentState) -> u16 {
    let v = state.view();
    match state.board() {
        Board::Dangers => {
            let area = readable(area);
            scrolled(f, area, dangers(v, area.width), state.scroll())
        }
        Board::Map => draw_map(f, area, v, state.scroll()),
        Board::Goals => {
            let area = readable(area);
            scrolled(f, area, goals(v, area.width), state.scroll())
        }
        Board::Scaling => {
            let area = readable(area);
            scrolled(f, area, scaling(v, area.width), state.scroll())
        }
    }
}

fn as_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The middle of `area`, no wider than a comfortable line.
fn readable(area: Rect) -> Rect {
    let w = area.width.min(READABLE);
    Rect::new(area.x + (area.width - w) / 2, area.y, w, area.height)
}

/// Shows `lines` from `scroll` (kept in range), saying when more is above
/// or below rather than cutting silently. Returns the furthest scroll.
fn scrolled(f: &mut Frame, area: Rect, lines: Vec<Line<'static>>, scroll: u16) -> u16 {
    let h = usize::from(area.height);
    if h == 0 {
        return 0;
    }
    let max = lines.len().saturating_sub(h);
    let top = usize::from(scroll).min(max);
    let mut shown: Vec<Line> = lines.iter().skip(top).take(h).cloned().collect();
    if top > 0 {
        shown[0] = Line::styled(
            format!(
                "↑ more above ({})",
                keys_for(Context::Projector, Command::Up)
            ),
            quiet(),
        );
    }
    if top < max && h > 1 {
        if let Some(last) = shown.last_mut() {
            *last = Line::styled("↓ more below (j or ↓)", quiet());
        }
    }
    f.render_widget(Paragraph::new(shown), area);
    as_u16(max)
}

/// "Label: text", wrapped to `width` with the label in bold, indented.
fn labelled(label: &str, text: &str, width: u16, indent: usize) -> Vec<Line<'static>> {
    let width = usize::from(width).saturating_sub(indent).max(1);
    let text = if text.trim().is_empty() {
        "(not recorded)"
    } else {
        text.trim()
    };
    let pad = " ".repeat(indent);
    // "If nothing changes: If nothing changes, ..." reads badly: when the
    // text already starts with the label's words, the label is left out.
    let words = label.trim_end_matches(':');
    let repeats = starts_with_words(text, words);
    let label = if repeats { "" } else { label };
    let full = if label.is_empty() {
        text.to_string()
    } else {
        format!("{label} {text}")
    };
    wrap(&full, width)
        .into_iter()
        .enumerate()
        .map(|(i, l)| match l.strip_prefix(label) {
            Some(rest) if i == 0 && !label.is_empty() => Line::from(vec![
                Span::raw(pad.clone()),
                Span::styled(label.to_string(), bold()),
                Span::raw(rest.to_string()),
            ]),
            _ => Line::raw(format!("{pad}{l}")),
        })
        .collect()
}

/// Text after a bullet, with the following lines hanging under the text.
fn bulleted(bullet: &str, text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    let bw = bullet.width();
    let lead = " ".repeat(bw);
    wrap(text.trim(), usize::from(width).saturating_sub(bw).max(1))
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let b = if i == 0 {
                bullet.to_string()
            } else {
                lead.clone()
            };
            Line::from(vec![Span::raw(b), Span::styled(l, style)])
        })
        .collect()
}

fn heading(text: &str, width: u16) -> Vec<Line<'static>> {
    wrap(text, usize::from(width))
        .into_iter()
        .map(|l| Line::styled(l, bold().add_modifier(Modifier::UNDERLINED)))
        .collect()
}

fn nothing_yet(what: &str) -> Line<'static> {
    Line::styled(format!("No {what} yet."), quiet())
}

fn dangers(v: &FamilyView, width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if v.dangers.is_empty() {
        out.push(nothing_yet("danger statements"));
    }
    for (i, d) in v.dangers.iter().enumerate() {
        let title = if d.children.is_empty() {
            format!("Danger statement {}", i + 1)
        } else {
            format!("Danger statement {} · {}", i + 1, d.children)
        };
        out.extend(heading(&title, width));
        out.push(Line::raw(""));
        out.extend(labelled("Who is worried:", &d.who_is_worried, width, 2));
        out.extend(labelled("What about:", &d.worry, width, 2));
        out.extend(labelled(
            "If nothing changes:",
            &d.if_nothing_changes,
            width,
            2,
        ));
        if !d.dispute.trim().is_empty() {
            out.extend(labelled("Not agreed:", &d.dispute, width, 2));
        }
        out.push(Line::raw(""));
    }
    out
}

fn column_title(c: &ColumnView, width: u16) -> String {
    let full = format!(" {} ({}) ", c.column.label(), c.items.len());
    if full.width() + 2 <= usize::from(width) {
        full
    } else {
        format!(" {} ({}) ", c.column.short_label(), c.items.len())
    }
}

fn column_lines(c: &ColumnView, width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if c.items.is_empty() {
        out.push(Line::styled("nothing yet", quiet()));
    }
    for (i, item) in c.items.iter().enumerate() {
        if i > 0 {
            out.push(Line::raw(""));
        }
        out.extend(bulleted("• ", &item.text, width, Style::new()));
        if let Some(tag) = item.tag {
            out.extend(bulleted(
                "  ",
                &format!("({tag})"),
                width,
                Style::new().add_modifier(Modifier::ITALIC),
            ));
        }
    }
    out
}

/// The child's voice, one entry per child: the title and the words.
fn voices(v: &FamilyView) -> Vec<(String, String)> {
    v.voices
        .iter()
        .map(|voice| {
            let title = match voice.method {
                Some(m) => format!("{} · {m}", voice.child),
                None => voice.child.clone(),
            };
            let words = if voice.words.trim().is_empty() {
                "not yet heard".to_string()
            } else {
                voice.words.trim().to_string()
            };
            (title, words)
        })
        .collect()
}

/// The map on a narrow screen: the columns one under another, then the
/// child's voice.
fn draw_map_narrow(f: &mut Frame, area: Rect, v: &FamilyView, scroll: u16) -> u16 {
    let area = readable(area);
    let mut lines = Vec::new();
    for c in &v.columns {
        lines.extend(heading(column_title(c, area.width).trim(), area.width));
        lines.extend(column_lines(c, area.width));
        lines.push(Line::raw(""));
    }
    if !v.voices.is_empty() {
        lines.extend(heading("The child's voice", area.width));
        for (title, words) in voices(v) {
            lines.extend(labelled(&format!("{title}:"), &words, area.width, 0));
        }
    }
    scrolled(f, area, lines, scroll)
}

fn draw_map(f: &mut Frame, area: Rect, v: &FamilyView, scroll: u16) -> u16 {
    if area.width < SIDE_BY_SIDE {
        return draw_map_narrow(f, area, v, scroll);
    }
    // The child's voice along the bottom, a box per child, as much as a
    // third of the height.
    let voices = voices(v);
    let n = u16::try_from(voices.len()).unwrap_or(u16::MAX).max(1);
    let voice_w = (area.width / n).saturating_sub(5);
    let voice_lines: Vec<Vec<Line<'static>>> = voices
        .iter()
        .map(|(_, words)| bulleted("", words, voice_w, Style::new()))
        .collect();
    let tallest = voice_lines.iter().map(Vec::len).max().unwrap_or(0);
    let voice_h = if voices.is_empty() {
        0
    } else {
        u16::try_from(tallest + 3)
            .unwrap_or(u16::MAX)
            .min(area.height / 3)
            .max(3)
    };
    let [columns, _, voice] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(u16::from(voice_h > 0)),
        Constraint::Length(voice_h),
    ])
    .areas(area);
    let mut furthest = 0;
    let cols = Layout::horizontal([Constraint::Fill(1); 4])
        .spacing(1)
        .split(columns);
    for (c, rect) in v.columns.iter().zip(cols.iter()) {
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .padding(Padding::horizontal(1));
        let inner = block.inner(*rect);
        let lines = column_lines(c, inner.width);
        furthest = furthest.max(boxed(
            f,
            *rect,
            block,
            &column_title(c, rect.width),
            lines,
            scroll,
        ));
    }
    if voice_h > 0 {
        let [label, boxes] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(voice);
        f.render_widget(
            Paragraph::new(Line::styled(
                "The child's voice",
                bold().add_modifier(Modifier::UNDERLINED),
            )),
            label,
        );
        let rects = Layout::horizontal(vec![Constraint::Fill(1); voices.len()])
            .spacing(1)
            .split(boxes);
        for (((title, _), lines), rect) in voices.iter().zip(voice_lines).zip(rects.iter()) {
            let block = Block::bordered()
                .border_type(BorderType::Rounded)
                .padding(Padding::horizontal(1));
            furthest = furthest.max(boxed(f, *rect, block, &format!(" {title} "), lines, scroll));
        }
    }
    furthest
}

/// A bordered box of lines, scrolled, with "↓ more" on its lower edge when
/// they do not all fit.
fn boxed(
    f: &mut Frame,
    area: Rect,
    block: Block<'static>,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: u16,
) -> u16 {
    let inner = block.inner(area);
    let h = usize::from(inner.height);
    let max = lines.len().saturating_sub(h);
    let top = usize::from(scroll).min(max);
    let mut block = block.title(Line::styled(
        truncate(title, usize::from(area.width.saturating_sub(2))),
        bold(),
    ));
    if top < max {
        block = block.title_bottom(Line::styled(" ↓ more ", quiet()).right_aligned());
    }
    if top > 0 {
        block = block.title_bottom(Line::styled(" ↑ more ", quiet()).left_aligned());
    }
    f.render_widget(block, area);
    let shown: Vec<Line> = lines.into_iter().skip(top).take(h).collect();
    f.render_widget(Paragraph::new(shown), inner);
    as_u16(max)
}

fn goals(v: &FamilyView, width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if v.goals.is_empty() {
        out.push(nothing_yet("safety goals"));
        out.push(Line::raw(""));
    }
    for (i, g) in v.goals.iter().enumerate() {
        let mut title = format!("Safety goal {}", i + 1);
        match g.answers.as_slice() {
            [] => {}
            [one] => title.push_str(&format!(" · answers danger statement {one}")),
            many => title.push_str(&format!(
                " · answers danger statements {}",
                many.iter()
                    .map(std::string::ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
        out.extend(heading(&title, width));
        out.push(Line::raw(""));
        out.extend(labelled(
            "What the parents will be doing:",
            &g.parents_will,
            width,
            2,
        ));
        out.extend(labelled(
            "The children will experience:",
            &g.child_will_experience,
            width,
            2,
        ));
        out.extend(labelled(
            "Professionals will see:",
            &g.professionals_will_see,
            width,
            2,
        ));
        if !g.actions.is_empty() {
            out.push(Line::raw(""));
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled("Actions", bold()),
            ]));
        }
        for a in &g.actions {
            out.extend(action_lines(a, width));
        }
        out.push(Line::raw(""));
    }
    out.extend(heading("Bottom lines", width));
    out.extend(labelled("", &v.bottom_lines, width, 2));
    out.push(Line::raw(""));
    out.extend(heading("Contingency plan", width));
    out.extend(labelled("", &v.contingency, width, 2));
    out
}

/// One action of a goal: what, who and by when, and how we will know.
fn action_lines(a: &ActionView, width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let inner = width.saturating_sub(4);
    let mut lines = bulleted("→ ", &a.what, inner, Style::new());
    let mut who = Vec::new();
    if !a.who.trim().is_empty() {
        who.push(a.who.trim().to_string());
    }
    if let Some(d) = a.by_when {
        who.push(format!("by {}", short_date(d)));
    }
    if !who.is_empty() {
        lines.extend(bulleted("  ", &who.join(", "), inner, Style::new()));
    }
    if !a.how_we_will_know.trim().is_empty() {
        lines.extend(bulleted(
            "  ",
            &format!("We will know because: {}", a.how_we_will_know.trim()),
            inner,
            Style::new().add_modifier(Modifier::ITALIC),
        ));
    }
    for l in lines {
        let mut spans = vec![Span::raw("    ")];
        spans.extend(l.spans);
        out.push(Line::from(spans));
    }
    out
}

fn spread_words(s: &SpreadView) -> String {
    match &s.spread {
        None => "no scores yet".into(),
        Some(sp) => {
            let median = if sp.median.fract() == 0.0 {
                format!("{}", sp.median)
            } else {
                format!("{:.1}", sp.median)
            };
            let n = if sp.count == 1 { "score" } else { "scores" };
            format!(
                "{} {n} · middle {median} · lowest {} · highest {}",
                sp.count, sp.lowest, sp.highest
            )
        }
    }
}

/// A row of 11 cells, each `cell` wide, with `mark(score)` centred.
fn chart_row(cell: usize, mark: impl Fn(usize) -> String) -> String {
    (0..=10)
        .map(|n| {
            let m = mark(n);
            let w = m.width();
            let left = cell.saturating_sub(w) / 2;
            let right = cell.saturating_sub(w + left);
            format!("{}{m}{}", " ".repeat(left), " ".repeat(right))
        })
        .collect()
}

fn dots(counts: &Counts, cell: usize) -> Vec<String> {
    let tallest = counts.iter().copied().max().unwrap_or(0).min(STACK);
    (1..=tallest)
        .rev()
        .map(|level| {
            chart_row(cell, |n| {
                let c = counts[n];
                if level == STACK && c > STACK {
                    format!("●+{}", c - STACK)
                } else if c >= level {
                    "●".into()
                } else {
                    String::new()
                }
            })
        })
        .collect()
}

fn scaling(v: &FamilyView, width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for l in wrap(&v.scaling.question, usize::from(width)) {
        out.push(Line::styled(l, Style::new().add_modifier(Modifier::ITALIC)));
    }
    out.push(Line::raw(""));
    if v.scaling.children.is_empty() {
        out.push(nothing_yet("children"));
    }
    let cell = (usize::from(width) / 11).clamp(3, 9);
    let chart_w = cell * 11;
    for s in &v.scaling.children {
        out.extend(heading(&s.child, width));
        for l in wrap(&spread_words(s), usize::from(width)) {
            out.push(Line::raw(l));
        }
        out.push(Line::raw(""));
        for row in dots(&s.counts, cell) {
            out.push(Line::styled(row, bold()));
        }
        out.push(Line::raw("─".repeat(chart_w)));
        out.push(Line::raw(chart_row(cell, |n| n.to_string())));
        if let Some(prev) = s.previous {
            out.push(Line::raw(chart_row(cell, |n| {
                if prev[n] > 0 {
                    "○".into()
                } else {
                    String::new()
                }
            })));
            out.push(Line::styled(
                "○ a score given at the last conference",
                quiet(),
            ));
        }
        let (low, high) = ("0: cannot safely live at home", "10: safe enough to close");
        let gap = chart_w.saturating_sub(low.width() + high.width());
        if gap >= 2 && chart_w <= usize::from(width) {
            out.push(Line::styled(
                format!("{low}{}{high}", " ".repeat(gap)),
                quiet(),
            ));
        } else {
            out.push(Line::styled(truncate(low, usize::from(width)), quiet()));
            out.push(Line::styled(truncate(high, usize::from(width)), quiet()));
        }
        out.push(Line::raw(""));
    }
    out
}
