//! The box under the decision's list of children: the recommendations'
//! count, last time's decision, the dates the plan must meet, and whether
//! the conference was quorate when the chair decided.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::scaling::tally_line;
use crate::app::field_edit::show_date;
use crate::app::state::App;
use crate::dates::{ReviewDue, check_rules};
use crate::model::*;
use crate::ui::panes::pane_block;
use crate::ui::text::{truncate, wrap};
use crate::ui::theme::Theme;

/// `text` wrapped to `w` columns, every line in `style`.
fn wrapped(text: &str, w: usize, style: Style) -> impl Iterator<Item = Line<'static>> {
    wrap(text, w)
        .into_iter()
        .map(move |l| Line::styled(l, style))
}

pub(super) fn draw_decision_info(f: &mut Frame, area: Rect, app: &App, theme: Theme) {
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
                    format!(" ({})", app.config().categories.list(&p.categories))
                }
            );
            lines.extend(wrapped(&text, w, theme.muted()));
        }
        if d.differs_from_recommendations {
            let text = format!("≠ {}", s.recommended_otherwise(d));
            lines.extend(wrapped(&text, w, theme.warning()));
        }
        for text in due_dates(app) {
            lines.extend(wrapped(&text, w, theme.muted()));
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
            lines.extend(wrapped(&text, w, style));
        }
        let cal = app.config().calendar();
        let ts = &app.config().timescales;
        for warning in check_rules(
            &cal,
            ts,
            s.setup.kind,
            s.setup.date,
            None,
            d.plan.first_core_group,
            d.plan.review_date,
        ) {
            lines.extend(wrapped(&format!("⚠ {warning}"), w, theme.warning()));
        }
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// When the first core group and the review are due, once the conference
/// has a date.
fn due_dates(app: &App) -> Vec<String> {
    let s = app.session();
    let rules = app.config();
    let (Some(k), Some(review)) = (rules.key_dates_of(s), rules.review_due_of(s)) else {
        return Vec::new();
    };
    vec![
        format!("Core group by {}", show_date(k.first_core_group)),
        match review {
            ReviewDue::By(d) => format!("Review by {}", show_date(d)),
            ReviewDue::DependsOnBirth { latest } => format!(
                "Review: after the birth, by {} at the latest",
                show_date(latest)
            ),
        },
    ]
}
