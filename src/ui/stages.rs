//! Where each stage's panes go, and what each stage shows beside them:
//! key dates, the quorum signal, the scaling chart, the tally.

use crate::config::ScalingWording;
use crate::ui::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::panes::{draw_pane, outcome_short, pane_block};
use super::text::{truncate, wrap};
use super::theme::Theme;
use crate::app::field_edit::show_date;
use crate::app::panes::Pane;
use crate::app::state::App;
use crate::dates::{check_rules, key_dates};
use crate::model::*;

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
        Stage::Setup => {
            let [left, right] = split_h(area, 64);
            let [form, dates] =
                Layout::vertical([Constraint::Min(6), Constraint::Length(7)]).areas(left);
            extras.push((Extra::KeyDates, dates));
            let [children, household, network] = Layout::vertical([
                Constraint::Percentage(40),
                Constraint::Percentage(30),
                Constraint::Percentage(30),
            ])
            .areas(right);
            vec![form, children, household, network]
        }
        Stage::PreMeeting => {
            let [a, b] = Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(area);
            vec![a, b]
        }
        Stage::Introductions => {
            let [quorum, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
            extras.push((Extra::Quorum, quorum));
            let [a, b] = split_h(rest, 62);
            let [register, parts] =
                Layout::vertical([Constraint::Percentage(70), Constraint::Percentage(30)]).areas(a);
            vec![register, b, parts]
        }
        Stage::DangerStatements => vec![area],
        Stage::Record => {
            let due_h = if s.is_finalised() { 5 } else { 0 };
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
        Stage::Map => {
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
        Stage::Scaling => {
            let [top, question] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(4)]).areas(area);
            let (grid, chart) = if top.width >= 100 {
                let [g, c] = split_h(top, 50);
                (g, c)
            } else {
                let [g, c] =
                    Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)])
                        .areas(top);
                (g, c)
            };
            extras.push((Extra::ScalingChart, chart));
            vec![grid, question]
        }
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
            let [grid, tally] = if area.width >= 100 {
                split_h(area, 60)
            } else {
                Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)])
                    .areas(area)
            };
            extras.push((Extra::Tally, tally));
            vec![grid]
        }
        Stage::Decision => {
            let [left, right] = split_h(area, 30);
            let [list, info] =
                Layout::vertical([Constraint::Min(4), Constraint::Length(8)]).areas(left);
            extras.push((Extra::DecisionInfo, info));
            if panes.len() == 3 {
                let [form, dissent] =
                    Layout::vertical([Constraint::Percentage(65), Constraint::Percentage(35)])
                        .areas(right);
                vec![list, form, dissent]
            } else {
                vec![list, right]
            }
        }
    };
    StageLayout {
        panes: rects,
        extras,
    }
}

pub fn draw_stage(f: &mut Frame, area: Rect, app: &App, theme: Theme) {
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
            Extra::Tally => draw_tally(f, rect, s, theme),
            Extra::DecisionInfo => draw_decision_info(f, rect, app, theme),
        }
    }
    for (i, (pane, rect)) in panes.iter().zip(layout.panes).enumerate() {
        draw_pane(f, rect, app, i, pane, theme);
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
    if let Some(date) = s.setup.date {
        let k = key_dates(
            &cal,
            ts,
            s.setup.kind,
            date,
            s.setup.strategy_discussion_date,
        );
        if let Some(d) = k.icpc_deadline {
            lines.push(format!("ICPC deadline: {}", show_date(d)));
        }
        lines.push(format!(
            "First core group by: {}",
            show_date(k.first_core_group)
        ));
        lines.push(
            match crate::dates::review_due(&cal, ts, s.setup.kind, date, s.birth_for_review()) {
                crate::dates::ReviewDue::By(d) => format!("Review conference by: {}", show_date(d)),
                crate::dates::ReviewDue::DependsOnBirth { latest } => format!(
                    "Review: {} working days after the birth, by {} at the latest",
                    ts.pre_birth_review_working_days,
                    show_date(latest)
                ),
            },
        );
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

/// Every person's score per child as a dot plot on 0..10, with the last
/// conference's scores beside them at a review. When the full plot does not
/// fit, each child gets one line of counts under a shared axis.
fn draw_scaling_chart(
    f: &mut Frame,
    area: Rect,
    s: &Session,
    wording: &ScalingWording,
    theme: Theme,
) {
    // The anchors saved with the session win: they are the ones that were
    // put to the room, whatever the local rules say today.
    let title = if !s.scaling.zero_means.trim().is_empty() || !s.scaling.ten_means.trim().is_empty()
    {
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
    };
    let block = pane_block(&title, false, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let name_w = 14usize;
    let axis: String = (0..=10).map(|n| format!("{n:<3}")).collect();
    let counts_of = |scores: &mut dyn Iterator<Item = u8>| {
        let mut counts = [0usize; 11];
        for x in scores {
            counts[x.min(10) as usize] += 1;
        }
        counts
    };
    /// How many people gave each score 0..=10.
    type Counts = [usize; 11];
    let per_child: Vec<(String, Counts, Option<Counts>, String)> = s
        .children
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
            let previous = prev.peek().is_some().then(|| counts_of(&mut prev));
            (
                s.child_name(&child.id),
                counts_of(&mut scores.iter().copied()),
                previous,
                summary(&scores),
            )
        })
        .collect();
    let full_height: usize = per_child
        .iter()
        .map(|(_, c, p, _)| {
            3 + c.iter().copied().max().unwrap_or(0).min(4) + usize::from(p.is_some())
        })
        .sum();
    let mut lines: Vec<Line> = Vec::new();
    if full_height <= inner.height as usize {
        for (name, counts, previous, summary) in &per_child {
            lines.push(Line::from(vec![
                Span::styled(truncate(name, name_w + 20), theme.title()),
                Span::styled(format!("  {summary}"), theme.muted()),
            ]));
            let tallest = counts.iter().copied().max().unwrap_or(0).min(4);
            for level in (1..=tallest).rev() {
                let row: String = counts
                    .iter()
                    .map(|c| match (*c >= level, level == 4 && *c > 4) {
                        (true, true) => "●+ ",
                        (true, false) => "●  ",
                        _ => "   ",
                    })
                    .collect();
                lines.push(Line::from(format!("{:name_w$}{row}", "")));
            }
            if let Some(pc) = previous {
                let row: String = pc
                    .iter()
                    .map(|c| if *c > 0 { "○  " } else { "   " })
                    .collect();
                lines.push(Line::from(vec![
                    Span::styled(format!("{:name_w$}", "last time"), theme.muted()),
                    Span::styled(row, theme.muted()),
                ]));
            }
            lines.push(Line::styled(format!("{:name_w$}{axis}", ""), theme.label()));
            lines.push(Line::raw(""));
        }
    } else {
        let cell = |c: usize| match c {
            0 => "·  ".to_string(),
            1 => "●  ".to_string(),
            n => format!("{:<3}", n.min(99)),
        };
        lines.push(Line::styled(format!("{:name_w$}{axis}", ""), theme.label()));
        for (name, counts, previous, summary) in &per_child {
            let row: String = counts.iter().map(|c| cell(*c)).collect();
            lines.push(Line::from(vec![
                Span::styled(super::text::pad(name, name_w - 1) + " ", theme.title()),
                Span::raw(row),
                Span::styled(
                    summary.split(" · ").nth(1).unwrap_or("").to_string(),
                    theme.muted(),
                ),
            ]));
            if let Some(pc) = previous {
                let row: String = pc
                    .iter()
                    .map(|c| {
                        if *c > 0 {
                            "○  ".to_string()
                        } else {
                            "   ".to_string()
                        }
                    })
                    .collect();
                lines.push(Line::styled(
                    format!("{:name_w$}{row}", "  last time"),
                    theme.muted(),
                ));
            }
        }
    }
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

fn tally_line(s: &Session, child: &ChildId) -> String {
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

fn draw_tally(f: &mut Frame, area: Rect, s: &Session, theme: Theme) {
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
                    format!(" ({})", words::category_list(&r.categories))
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
                    Span::styled(super::text::pad(&s.child_name(&c.id), 18), theme.title()),
                    Span::raw(tally_line(s, &c.id)),
                ])
            })
            .collect()
    };
    f.render_widget(Paragraph::new(lines), inner);
}

fn draw_decision_info(f: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let s = app.session();
    let block = pane_block("Recommendations and dates", false, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = inner.width as usize;
    let Some(child) = s
        .children
        .get(app.cursor(0).row.min(s.children.len().saturating_sub(1)))
    else {
        return;
    };
    let mut lines = vec![Line::from(truncate(&tally_line(s, &child.id), w))];
    if let Some(d) = s.decisions.iter().find(|d| d.child == child.id) {
        if let Some(p) = &d.previous {
            let text = format!(
                "Last time: {}{}",
                p.outcome.label(),
                if p.categories.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", words::category_list(&p.categories))
                }
            );
            lines.extend(
                wrap(&text, w)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.muted())),
            );
        }
        if d.differs_from_recommendations {
            lines.push(Line::styled(
                truncate("≠ differs from recommendations", w),
                theme.warning(),
            ));
        }
        let cal = app.config().calendar();
        let ts = &app.config().timescales;
        if let Some(date) = s.setup.date {
            let k = key_dates(
                &cal,
                ts,
                s.setup.kind,
                date,
                s.setup.strategy_discussion_date,
            );
            for text in [
                format!("Core group by {}", show_date(k.first_core_group)),
                match crate::dates::review_due(&cal, ts, s.setup.kind, date, s.birth_for_review()) {
                    crate::dates::ReviewDue::By(d) => format!("Review by {}", show_date(d)),
                    crate::dates::ReviewDue::DependsOnBirth { latest } => format!(
                        "Review: after the birth, by {} at the latest",
                        show_date(latest)
                    ),
                },
            ] {
                lines.extend(
                    wrap(&text, w)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.muted())),
                );
            }
        }
        // Quorum when the chair decided: short here; who did not count is
        // in the record.
        if let Some(q) = s.quorum_at_decision(&app.config().quorum, &child.id) {
            let at = d.decided_at.map(|t| t.format("%H:%M").to_string());
            let (verdict, style) = if q.is_quorate() {
                ("quorate", theme.muted())
            } else {
                ("NOT QUORATE", theme.warning())
            };
            let text = format!("At the decision ({}): {verdict}", at.unwrap_or_default());
            lines.extend(wrap(&text, w).into_iter().map(|l| Line::styled(l, style)));
        }
        for warning in check_rules(
            &cal,
            ts,
            s.setup.kind,
            s.setup.date,
            None,
            d.plan.first_core_group,
            d.plan.review_date,
        ) {
            lines.extend(
                wrap(&format!("⚠ {warning}"), w)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.warning())),
            );
        }
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// The distribution list: each paperwork's due date, and whether it was
/// sent. The decision letters share a line, their recipients grouped as
/// overdue, not sent yet and sent (with when), wrapping when the names are
/// long. Overdue items stand out in words.
fn draw_distribution(f: &mut Frame, area: Rect, app: &App, theme: Theme) {
    use crate::model::Paperwork;
    use ratatui::style::Style;
    use ratatui::text::Span;
    let title = if app.addendum_refusal().is_none() {
        "Paperwork due · F2 marks the next as sent"
    } else {
        "Paperwork due"
    };
    let block = pane_block(title, false, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let rules = app.config();
    let list = app.session().distribution_list(
        &rules.calendar(),
        &rules.timescales,
        app.now().date_naive(),
    );
    let due_words = |d: &crate::model::Due| match d.due {
        Some(day) => format!("due {}", day.format("%a %-d %b %Y")),
        None => "due once the record is sent".into(),
    };
    let mut lines: Vec<Line> = Vec::new();
    let letters: Vec<&crate::model::Due> = list
        .iter()
        .filter(|d| d.paperwork == Some(Paperwork::Letters))
        .collect();
    if let Some(first) = letters.first() {
        let to = |d: &&crate::model::Due| d.who.trim_start_matches("to ").to_string();
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
        lines.push(Line::from(spans));
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
fn draw_signoff(f: &mut Frame, area: Rect, s: &Session, theme: Theme) {
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
                    "In progress: not finalised. Finalise with F at the chair's decision (stage 8).",
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
