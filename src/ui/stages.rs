//! Where each stage's panes go, and what each stage shows beside them:
//! key dates, the quorum signal, the scaling chart, the tally.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::panes::{draw_pane, pane_block};
use super::text::{truncate, wrap};
use super::theme::Theme;
use crate::app::field_edit::show_date;
use crate::app::panes::Pane;
use crate::app::state::App;
use crate::dates::check_rules;
use crate::model::*;
use crate::ui::words::Shown;

mod decision;
mod paperwork;
mod scaling;
use decision::draw_decision_info;
use paperwork::{draw_distribution, draw_signoff};
use scaling::{draw_scaling_chart, draw_tally};

/// What a stage shows besides its panes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Extra {
    KeyDates,
    Quorum,
    Signoff,
    /// What is due after sign-off, and what was sent.
    Distribution,
    ScalingChart,
    Tally,
    DecisionInfo,
}

/// Where everything of a stage goes: one function for drawing and for
/// finding what a mouse click landed on, so the two always agree.
pub struct StageLayout {
    pub panes: Vec<Rect>,
    extras: Vec<(Extra, Rect)>,
}

/// `panes` are the stage's panes (`app.panes()`), built once by the caller.
pub fn stage_layout(app: &App, panes: &[Pane], area: Rect) -> StageLayout {
    let mut extras = Vec::new();
    let s = app.session();
    let rects: Vec<Rect> = match app.stage() {
        Stage::Setup => setup_layout(area, &mut extras),
        Stage::PreMeeting => {
            let [a, b] = Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(area);
            vec![a, b]
        }
        Stage::Introductions => introductions_layout(area, &mut extras),
        Stage::DangerStatements => vec![area],
        Stage::Record => record_layout(area, s.is_finalised(), &mut extras),
        Stage::Map => map_layout(s, area),
        Stage::Scaling => scaling_layout(area, &mut extras),
        Stage::SafetyGoals => {
            let [top, bottom] =
                Layout::vertical([Constraint::Percentage(70), Constraint::Percentage(30)])
                    .areas(area);
            if panes.len() == 3 {
                let [a, b] = split_h(top, 55);
                vec![a, b, bottom]
            } else {
                vec![top, bottom]
            }
        }
        Stage::Recommendations => {
            let [grid, tally] = side_or_stacked(area, 60);
            extras.push((Extra::Tally, tally));
            vec![grid]
        }
        Stage::Decision => decision_layout(area, panes.len(), &mut extras),
    };
    StageLayout {
        panes: rects,
        extras,
    }
}

fn setup_layout(area: Rect, extras: &mut Vec<(Extra, Rect)>) -> Vec<Rect> {
    let [left, right] = split_h(area, 64);
    let [form, dates] = Layout::vertical([Constraint::Min(6), Constraint::Length(7)]).areas(left);
    extras.push((Extra::KeyDates, dates));
    let [children, household, network] = Layout::vertical([
        Constraint::Percentage(40),
        Constraint::Percentage(30),
        Constraint::Percentage(30),
    ])
    .areas(right);
    vec![form, children, household, network]
}

fn introductions_layout(area: Rect, extras: &mut Vec<(Extra, Rect)>) -> Vec<Rect> {
    let [quorum, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    extras.push((Extra::Quorum, quorum));
    let [a, b] = split_h(rest, 62);
    let [register, parts] =
        Layout::vertical([Constraint::Percentage(70), Constraint::Percentage(30)]).areas(a);
    vec![register, b, parts]
}

fn record_layout(area: Rect, finalised: bool, extras: &mut Vec<(Extra, Rect)>) -> Vec<Rect> {
    let due_h = if finalised { 6 } else { 0 };
    let [signoff, due, rest] = Layout::vertical([
        Constraint::Length(5),
        Constraint::Length(due_h),
        Constraint::Min(0),
    ])
    .areas(area);
    extras.push((Extra::Signoff, signoff));
    if due_h > 0 {
        extras.push((Extra::Distribution, due));
    }
    let [a, b] = split_h(rest, 45);
    vec![a, b]
}

/// The four columns above the children's own words.
fn map_layout(s: &Session, area: Rect) -> Vec<Rect> {
    let fields: usize = s
        .children
        .iter()
        .map(|c| crate::app::panes::voice_fields(s, &c.id).len())
        .sum();
    let voice_h = (2 + fields as u16).clamp(3, (area.height / 3).max(3));
    let [cols, voice] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(voice_h)]).areas(area);
    let mut r = map_columns(cols);
    r.push(voice);
    r
}

fn scaling_layout(area: Rect, extras: &mut Vec<(Extra, Rect)>) -> Vec<Rect> {
    let [top, question] = Layout::vertical([Constraint::Min(0), Constraint::Length(4)]).areas(area);
    let [grid, chart] = side_or_stacked(top, 50);
    extras.push((Extra::ScalingChart, chart));
    vec![grid, question]
}

fn decision_layout(area: Rect, panes: usize, extras: &mut Vec<(Extra, Rect)>) -> Vec<Rect> {
    let [left, right] = split_h(area, 30);
    let [list, info] = Layout::vertical([Constraint::Min(4), Constraint::Length(8)]).areas(left);
    extras.push((Extra::DecisionInfo, info));
    if panes == 3 {
        let [form, dissent] =
            Layout::vertical([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(right);
        vec![list, form, dissent]
    } else {
        vec![list, right]
    }
}

/// Side by side with `first_percent` of the width when there are 100
/// columns, else stacked with that share of the height.
fn side_or_stacked(area: Rect, first_percent: u16) -> [Rect; 2] {
    if area.width >= 100 {
        split_h(area, first_percent)
    } else {
        Layout::vertical([
            Constraint::Percentage(first_percent),
            Constraint::Percentage(100 - first_percent),
        ])
        .areas(area)
    }
}

pub fn draw_stage(
    f: &mut Frame,
    area: Rect,
    app: &App,
    theme: Theme,
    mut cache: Option<&mut super::FrameCache>,
) {
    let s = app.session();
    let panes = app.panes();
    let layout = stage_layout(app, &panes, area);
    for (extra, rect) in &layout.extras {
        let rect = *rect;
        match extra {
            Extra::KeyDates => draw_key_dates(f, rect, app, theme),
            Extra::Quorum => draw_quorum(f, rect, app, theme),
            Extra::Signoff => draw_signoff(f, rect, s, theme),
            Extra::Distribution => draw_distribution(f, rect, app, theme),
            Extra::ScalingChart => draw_scaling_chart(f, rect, s, &app.config().scaling, theme),
            Extra::Tally => draw_tally(f, rect, Shown::of(app), theme),
            Extra::DecisionInfo => draw_decision_info(f, rect, app, theme),
        }
    }
    for (i, (pane, rect)) in panes.iter().zip(layout.panes).enumerate() {
        match cache.as_deref_mut() {
            Some(cache) => {
                let key = super::cache::PaneKey::new(app, i, pane, rect);
                match &pane.content {
                    // A list keeps its lines too: a move in it draws again
                    // only the rows that changed (see `FrameCache::list_pane`).
                    crate::app::panes::PaneContent::List(kind) => {
                        let inner = super::panes::pane_inner(rect);
                        let focused = super::panes::has_focus(app, i);
                        let row = app.cursor(i).row;
                        let lines =
                            || super::panes::list_lines(app, kind, inner, row, focused, theme);
                        cache.list_pane(f, i, key, inner, lines, |f, lines| {
                            super::panes::draw_pane_with(f, rect, app, i, pane, theme, lines)
                        });
                    }
                    _ => cache.pane(f, i, key, |f| draw_pane(f, rect, app, i, pane, theme)),
                }
            }
            None => draw_pane(f, rect, app, i, pane, theme),
        }
    }
}

fn split_h(area: Rect, left_percent: u16) -> [Rect; 2] {
    Layout::horizontal([
        Constraint::Percentage(left_percent),
        Constraint::Percentage(100 - left_percent),
    ])
    .areas(area)
}

/// The four columns side by side, two by two when narrower, stacked when
/// narrow.
fn map_columns(area: Rect) -> Vec<Rect> {
    if area.width >= 120 {
        Layout::horizontal([Constraint::Ratio(1, 4); 4])
            .split(area)
            .to_vec()
    } else if area.width >= 50 && area.height >= 12 {
        let [top, bottom] = Layout::vertical([Constraint::Ratio(1, 2); 2]).areas(area);
        let [a, b] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(top);
        let [c, d] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(bottom);
        vec![a, b, c, d]
    } else {
        Layout::vertical([Constraint::Ratio(1, 4); 4])
            .split(area)
            .to_vec()
    }
}

fn draw_quorum(f: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let s = app.session();
    let q = app.quorum();
    let (mark, style) = if q.is_quorate() {
        ("✓ ", theme.good())
    } else {
        ("✗ ", theme.warning())
    };
    let mut text = format!("{mark}{}", q.summary());
    if !q.is_quorate() && !s.inquorate_reason.trim().is_empty() {
        text.push_str(" — reason recorded");
    }
    if !q.is_quorate() && s.setup.previous_inquorate {
        text.push_str(" — the last conference was inquorate too: two in a row are not allowed");
    }
    f.render_widget(
        Paragraph::new(Line::styled(truncate(&text, area.width as usize), style)),
        area,
    );
}

fn draw_key_dates(f: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let s = app.session();
    let block = pane_block("Key dates", false, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let cal = app.config().calendar();
    let ts = &app.config().timescales;
    let mut lines = Vec::new();
    let rules = app.config();
    if let (Some(k), Some(review)) = (rules.key_dates_of(s), rules.review_due_of(s)) {
        if let Some(d) = k.icpc_deadline {
            lines.push(format!("ICPC deadline: {}", show_date(d)));
        }
        lines.push(format!(
            "First core group by: {}",
            show_date(k.first_core_group)
        ));
        lines.push(match review {
            crate::dates::ReviewDue::By(d) => format!("Review conference by: {}", show_date(d)),
            crate::dates::ReviewDue::DependsOnBirth { latest } => format!(
                "Review: {} working days after the birth, by {} at the latest",
                ts.pre_birth_review_working_days,
                show_date(latest)
            ),
        });
    } else {
        lines.push("Set the conference date to see the key dates.".into());
    }
    if let Some(p) = &s.setup.previous_session {
        lines.push(format!("Follows: {}", p.file));
    }
    let warnings = check_rules(
        &cal,
        ts,
        s.setup.kind,
        s.setup.date,
        s.setup.strategy_discussion_date,
        None,
        None,
    );
    let w = inner.width as usize;
    let mut out: Vec<Line> = lines.iter().map(|l| Line::from(truncate(l, w))).collect();
    for warning in warnings {
        out.extend(
            wrap(&format!("⚠ {warning}"), w)
                .into_iter()
                .map(|l| Line::styled(l, theme.warning())),
        );
    }
    f.render_widget(Paragraph::new(out), inner);
}
