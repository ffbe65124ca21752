//! The scaling stage's spread of scores and the recommendations' running
//! tally: the two boxes that sum up what the room said.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::config::ScalingWording;
use crate::model::*;
use crate::ui::panes::{outcome_short, pane_block};
use crate::ui::text::{pad, truncate};
use crate::ui::theme::Theme;
use crate::ui::words::Shown;

/// How many people gave each score 0..=10.
type Counts = [usize; 11];

/// One child's line of the spread: name, counts now, counts last time (at a
/// review), and the summary in words.
struct ChildSpread {
    name: String,
    counts: Counts,
    previous: Option<Counts>,
    summary: String,
}

/// The width of the name column before the axis.
const NAME_W: usize = 14;

fn counts_of(scores: impl Iterator<Item = u8>) -> Counts {
    let mut counts = [0usize; 11];
    for x in scores {
        counts[x.min(10) as usize] += 1;
    }
    counts
}

/// The spread's title: the anchors saved with the session win, as they are
/// the ones that were put to the room, whatever the local rules say today.
fn chart_title(s: &Session, wording: &ScalingWording) -> String {
    if !s.scaling.zero_means.trim().is_empty() || !s.scaling.ten_means.trim().is_empty() {
        format!(
            "Spread: 0 {} · 10 {}",
            s.scaling.zero_means.trim(),
            s.scaling.ten_means.trim()
        )
    } else if *wording == ScalingWording::default() {
        "Spread: 0 unsafe at home · 10 safe to close".to_string()
    } else {
        format!(
            "Spread: 0 {} · 10 {}",
            wording.zero_means.trim(),
            wording.ten_means.trim()
        )
    }
}

fn child_spreads(s: &Session) -> Vec<ChildSpread> {
    s.children
        .iter()
        .map(|child| {
            let scores = crate::model::series::child_scores(s, &child.id);
            let mut prev = s
                .scaling
                .previous_scores
                .iter()
                .filter(|x| x.child == child.id)
                .map(|x| x.score)
                .peekable();
            let previous = prev.peek().is_some().then(|| counts_of(prev));
            ChildSpread {
                name: s.child_name(&child.id),
                counts: counts_of(scores.iter().copied()),
                previous,
                summary: summary(&scores),
            }
        })
        .collect()
}

fn axis() -> String {
    (0..=10).map(|n| format!("{n:<3}")).collect()
}

/// A dot per person stacked over each score (four high, then "+"), with
/// last time's scores as rings under them.
fn full_plot_lines(spreads: &[ChildSpread], theme: Theme) -> Vec<Line<'static>> {
    let axis = axis();
    let mut lines = Vec::new();
    for sp in spreads {
        lines.push(Line::from(vec![
            Span::styled(truncate(&sp.name, NAME_W + 20), theme.title()),
            Span::styled(format!("  {}", sp.summary), theme.muted()),
        ]));
        let tallest = sp.counts.iter().copied().max().unwrap_or(0).min(4);
        for level in (1..=tallest).rev() {
            let row: String = sp
                .counts
                .iter()
                .map(|c| match (*c >= level, level == 4 && *c > 4) {
                    (true, true) => "●+ ",
                    (true, false) => "●  ",
                    _ => "   ",
                })
                .collect();
            lines.push(Line::from(format!("{:NAME_W$}{row}", "")));
        }
        if let Some(pc) = sp.previous {
            lines.push(Line::from(vec![
                Span::styled(format!("{:NAME_W$}", "last time"), theme.muted()),
                Span::styled(rings(&pc), theme.muted()),
            ]));
        }
        lines.push(Line::styled(format!("{:NAME_W$}{axis}", ""), theme.label()));
        lines.push(Line::raw(""));
    }
    lines
}

/// Last time's scores as a ring under each score anyone gave.
fn rings(counts: &Counts) -> String {
    counts
        .iter()
        .map(|c| if *c > 0 { "○  " } else { "   " })
        .collect()
}

/// One line of counts per child under a shared axis, when the full plot
/// does not fit.
fn compact_lines(spreads: &[ChildSpread], theme: Theme) -> Vec<Line<'static>> {
    let cell = |c: usize| match c {
        0 => "·  ".to_string(),
        1 => "●  ".to_string(),
        n => format!("{:<3}", n.min(99)),
    };
    let mut lines = vec![Line::styled(
        format!("{:NAME_W$}{}", "", axis()),
        theme.label(),
    )];
    for sp in spreads {
        let row: String = sp.counts.iter().map(|c| cell(*c)).collect();
        lines.push(Line::from(vec![
            Span::styled(pad(&sp.name, NAME_W - 1) + " ", theme.title()),
            Span::raw(row),
            Span::styled(
                sp.summary.split(" · ").nth(1).unwrap_or("").to_string(),
                theme.muted(),
            ),
        ]));
        if let Some(pc) = sp.previous {
            lines.push(Line::styled(
                format!("{:NAME_W$}{}", "  last time", rings(&pc)),
                theme.muted(),
            ));
        }
    }
    lines
}

/// Every person's score per child as a dot plot on 0..10, with the last
/// conference's scores beside them at a review. When the full plot does not
/// fit, each child gets one line of counts under a shared axis.
pub(super) fn draw_scaling_chart(
    f: &mut Frame,
    area: Rect,
    s: &Session,
    wording: &ScalingWording,
    theme: Theme,
) {
    let block = pane_block(&chart_title(s, wording), false, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let spreads = child_spreads(s);
    let full_height: usize = spreads
        .iter()
        .map(|sp| {
            3 + sp.counts.iter().copied().max().unwrap_or(0).min(4)
                + usize::from(sp.previous.is_some())
        })
        .sum();
    let mut lines = if full_height <= inner.height as usize {
        full_plot_lines(&spreads, theme)
    } else {
        compact_lines(&spreads, theme)
    };
    if s.children.is_empty() {
        lines.push(Line::styled("No children yet.", theme.muted()));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

fn summary(scores: &[u8]) -> String {
    match crate::model::series::ScoreSpread::of(scores) {
        None => "no scores yet".into(),
        Some(sp) => format!(
            "{} scores · median {} · range {}–{}",
            sp.count, sp.median, sp.lowest, sp.highest
        ),
    }
}

pub(super) fn tally_line(s: &Session, child: &ChildId) -> String {
    let t = s.tally(child);
    format!(
        "CPP {} · CIN {} · NFA {}{}",
        t.plan,
        t.child_in_need,
        t.no_further_action,
        if t.undecided > 0 {
            format!(" · ? {}", t.undecided)
        } else {
            String::new()
        }
    )
}

pub(super) fn draw_tally(f: &mut Frame, area: Rect, shown: Shown, theme: Theme) {
    let s = shown.session;
    let block = pane_block(
        "Running tally (the chair decides; not a vote)",
        false,
        theme,
    );
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = inner.width as usize;
    let mut detailed = Vec::new();
    for child in &s.children {
        detailed.push(Line::styled(
            truncate(&s.child_name(&child.id), w),
            theme.title(),
        ));
        detailed.push(Line::from(truncate(&tally_line(s, &child.id), w)));
        for r in s.recommendations.iter().filter(|r| r.child == child.id) {
            let text = format!(
                "  {} {}{}",
                outcome_short(r.outcome),
                s.attendee_name(&r.professional),
                if r.categories.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", shown.category_list(&r.categories))
                }
            );
            detailed.push(Line::styled(truncate(&text, w), theme.muted()));
        }
        detailed.push(Line::raw(""));
    }
    // Every child's count matters more than who said what: one line each
    // when the detail does not fit.
    let lines = if detailed.len() <= inner.height as usize {
        detailed
    } else {
        s.children
            .iter()
            .map(|c| {
                Line::from(vec![
                    Span::styled(pad(&s.child_name(&c.id), 18), theme.title()),
                    Span::raw(tally_line(s, &c.id)),
                ])
            })
            .collect()
    };
    f.render_widget(Paragraph::new(lines), inner);
}
