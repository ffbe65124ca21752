//! The scaling and recommendation grids: people down the side, children
//! across, one cell each.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{draw_lines, first_visible};
use crate::app::panes::{GridKind, grid_people, recommendation_for};
use crate::app::state::Cursor;
use crate::model::*;
use crate::ui::text::{pad, pad_owned, wrap};
use crate::ui::theme::Theme;
use crate::ui::words::Shown;

/// Every filled cell of a grid, found by (person, child): one pass over
/// the scores or recommendations a frame, rather than a search of them for
/// each cell (60 people by 10 children searched 600 records 600 times).
fn grid_cells(s: &Session, kind: GridKind) -> HashMap<(&str, &str), String> {
    match kind {
        GridKind::Scaling => {
            let mut cells = HashMap::with_capacity(s.scaling.scores.len());
            for x in &s.scaling.scores {
                // The first record wins, as a search from the start found it.
                cells
                    .entry((x.person.0.as_str(), x.child.0.as_str()))
                    .or_insert_with(|| x.score.to_string());
            }
            cells
        }
        GridKind::Recommendations => {
            let mut cells = HashMap::with_capacity(s.recommendations.len());
            for r in &s.recommendations {
                cells
                    .entry((r.professional.0.as_str(), r.child.0.as_str()))
                    .or_insert_with(|| outcome_short(r.outcome).to_string());
            }
            cells
        }
    }
}

/// Short outcome names for tight columns.
pub fn outcome_short(o: Outcome) -> &'static str {
    match o {
        Outcome::Undecided => "?",
        Outcome::NoFurtherAction => "NFA",
        Outcome::ChildInNeed => "CIN",
        Outcome::ChildProtectionPlan => "CPP",
    }
}

/// How a grid fills its inner `area` with the person `row` chosen: the
/// height of the chosen cell's reason under the grid, the first person
/// shown, and how many people fit (row 0 holds the children's names).
fn grid_window(area: Rect, row: usize) -> (usize, usize, usize) {
    let detail_h = if area.height >= 8 { 3 } else { 0 };
    let room = (area.height as usize).saturating_sub(1 + detail_h);
    (detail_h, first_visible(|_| 1, row, room), room)
}

/// Which person of a grid in the pane's inner `area` is at screen row `y`,
/// with the grid scrolled as drawn.
pub fn grid_row_at(s: &Session, kind: GridKind, area: Rect, row: usize, y: u16) -> Option<usize> {
    let people = grid_people(s, kind).len();
    if people == 0 || s.children.is_empty() || y <= area.y {
        return None;
    }
    let (_, first, room) = grid_window(area, row.min(people - 1));
    let offset = (y - area.y - 1) as usize;
    (offset < room && first + offset < people).then_some(first + offset)
}

pub(super) fn draw_grid(
    f: &mut Frame,
    area: Rect,
    shown: Shown,
    kind: GridKind,
    cursor: Cursor,
    focused: bool,
    theme: Theme,
) {
    let s = shown.session;
    let Cursor { row, col } = cursor;
    let people = grid_people(s, kind);
    if people.is_empty() || s.children.is_empty() {
        draw_empty_grid_hint(f, area, kind);
        return;
    }
    let width = area.width as usize;
    let longest_name = people
        .iter()
        .map(|p| s.attendee_name(p).width())
        .max()
        .unwrap_or(8);
    let name_w = longest_name.clamp(8, 24).min(width / 2) + 1;
    let cell_w = (width.saturating_sub(name_w) / s.children.len()).clamp(5, 16);
    let mut lines = vec![Line::from(
        std::iter::once(Span::styled(pad("", name_w), theme.label()))
            .chain(
                s.children
                    .iter()
                    .map(|c| Span::styled(pad(&s.child_name(&c.id), cell_w), theme.title())),
            )
            .collect::<Vec<_>>(),
    )];
    let row = row.min(people.len() - 1);
    let col = col.min(s.children.len() - 1);
    let (detail_h, first, room) = grid_window(area, row);
    let cells = grid_cells(s, kind);
    for (r, person) in people.iter().enumerate().skip(first).take(room) {
        let mut spans = vec![Span::styled(
            pad(&s.attendee_name(person), name_w),
            theme.label(),
        )];
        for (c, child) in s.children.iter().enumerate() {
            let cell = cells
                .get(&(person.0.as_str(), child.id.0.as_str()))
                .map_or("·", String::as_str);
            let mut text = String::with_capacity(cell_w + 4);
            text.push(' ');
            text.push_str(cell);
            let style = if focused && r == row && c == col {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            spans.push(Span::styled(pad_owned(text, cell_w), style));
        }
        lines.push(Line::from(spans));
    }
    if detail_h > 0 {
        let (person, child) = (&people[row], &s.children[col]);
        let detail = cell_detail(shown, kind, person, &child.id)
            .unwrap_or_else(|| "nothing yet: press Enter".into());
        let head = format!(
            "{} → {}: ",
            s.attendee_name(person),
            s.child_name(&child.id)
        );
        let at = (area.height as usize).saturating_sub(detail_h);
        while lines.len() < at {
            lines.push(Line::raw(""));
        }
        let text = wrap(&format!("{head}{detail}"), width);
        lines.extend(
            text.into_iter()
                .take(detail_h)
                .map(|l| Line::styled(l, theme.muted())),
        );
    }
    draw_lines(f, area, &lines);
}

/// What a grid says where nobody can be scored or recommend yet.
fn draw_empty_grid_hint(f: &mut Frame, area: Rect, kind: GridKind) {
    let hint = match kind {
        GridKind::Scaling => "Add children (stage 0) and people (stage 2) to score.",
        GridKind::Recommendations => {
            "Nobody gives a recommendation yet: in the register (stage 2), open a \
             professional and tick \"Gives a recommendation\"."
        }
    };
    f.render_widget(
        Paragraph::new(
            wrap(hint, area.width as usize)
                .into_iter()
                .map(Line::from)
                .collect::<Vec<_>>(),
        ),
        area,
    );
}

/// The chosen cell's score or recommendation in full, for the line under
/// the grid.
fn cell_detail(
    shown: Shown,
    kind: GridKind,
    person: &AttendeeId,
    child: &ChildId,
) -> Option<String> {
    let s = shown.session;
    match kind {
        GridKind::Scaling => s
            .scaling
            .scores
            .iter()
            .find(|x| &x.person == person && &x.child == child)
            .map(|x| format!("{}: {}", x.score, x.reason)),
        GridKind::Recommendations => recommendation_for(s, person, child).map(|r| {
            format!(
                "{} {} — {}",
                r.outcome.label(),
                if r.categories.is_empty() {
                    String::new()
                } else {
                    format!("({})", shown.category_list(&r.categories))
                },
                r.reason
            )
        }),
    }
}
