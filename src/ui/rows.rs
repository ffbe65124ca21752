//! How one record reads in a list: a few wrapped lines.

use crate::config::CategoryNames;
use crate::ui::words::Shown;
use ratatui::text::{Line, Span};

use super::text::{starts_with_words, truncate, wrap, wrap_at_most};
use super::theme::Theme;
use crate::app::field::find;
use crate::app::field_edit::show_date;
use crate::app::panes::ListKind;
use crate::model::*;

fn or_placeholder(text: &str, placeholder: &str) -> String {
    if text.trim().is_empty() {
        placeholder.to_string()
    } else {
        text.to_string()
    }
}

/// `max_lines` of 0 means the whole text.
fn body(text: &str, width: usize, max_lines: usize) -> Vec<Line<'static>> {
    let (mut lines, total) = wrap_at_most(text, width, max_lines);
    if max_lines > 0 && total > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last} …"), width);
        }
    }
    lines.into_iter().map(Line::from).collect()
}

fn meta(parts: Vec<Span<'static>>) -> Line<'static> {
    Line::from(parts)
}

/// The lines that show one record of a list at `width` columns.
/// `compact` cuts long text to a few lines (with an ellipsis) so that more
/// items fit; otherwise every word is shown.
pub fn record_lines(
    shown: Shown,
    kind: &ListKind,
    key: &str,
    width: usize,
    index: usize,
    compact: bool,
    theme: Theme,
) -> Vec<Line<'static>> {
    let row = Row {
        s: shown.session,
        categories: shown.categories,
        key,
        width,
        index,
        compact,
        theme,
    };
    match kind {
        ListKind::Children | ListKind::DecisionChildren => row.child(kind),
        ListKind::Attendees => row.attendee(),
        ListKind::Parts => row.part(),
        ListKind::Household => row.household_member(),
        ListKind::Network => row.network_member(),
        ListKind::Exclusions => row.exclusion(),
        ListKind::Dangers => row.danger(),
        ListKind::Map(_) => row.map_item(),
        ListKind::Goals => row.goal(),
        ListKind::Actions(goal) => row.action(goal),
        ListKind::Addenda => row.addendum(),
        ListKind::Audit => row.audit_entry(),
        ListKind::Dissents(child) => row.dissent(child),
    }
}

/// What drawing one row needs: a method per kind of list below.
#[derive(Clone, Copy)]
struct Row<'a> {
    s: &'a Session,
    categories: &'a CategoryNames,
    key: &'a str,
    width: usize,
    index: usize,
    compact: bool,
    theme: Theme,
}

impl Row<'_> {
    /// The item this row shows (lists of children and people have their
    /// own ids).
    fn id(&self) -> ItemId {
        ItemId(self.key.to_string())
    }

    /// How many lines long text may take: a few when compact, else all.
    fn cap(&self, n: usize) -> usize {
        if self.compact { n } else { 0 }
    }

    fn child(&self, kind: &ListKind) -> Vec<Line<'static>> {
        let Row {
            s,
            key,
            width,
            theme,
            ..
        } = *self;
        let cid = ChildId(key.to_string());
        let Some(c) = find(&s.children, &cid) else {
            return vec![];
        };
        let born = match (c.date_of_birth, c.expected_delivery) {
            (Some(d), _) => {
                let on = s.setup.date.unwrap_or(d);
                match crate::app::field_edit::age_on(d, on) {
                    Some(age) => format!("born {}, age {age}", show_date(d)),
                    None => format!("born {}", show_date(d)),
                }
            }
            (None, Some(d)) => format!("unborn, due {}", show_date(d)),
            _ => "date of birth not set".into(),
        };
        let mut lines = vec![Line::from(vec![Span::styled(
            truncate(&s.child_name(&cid), width),
            theme.title(),
        )])];
        if *kind == ListKind::DecisionChildren {
            if let Some(d) = find(&s.decisions, &cid) {
                let mut outcome = d.outcome.label().to_string();
                if !d.categories.is_empty() {
                    outcome.push_str(&format!(" ({})", self.categories.list(&d.categories)));
                }
                lines.push(Line::from(truncate(&outcome, width)));
                if d.differs_from_recommendations {
                    lines.push(Line::styled(otherwise_line(s, d, width), theme.warning()));
                }
            }
        } else {
            lines.push(Line::styled(truncate(&born, width), theme.muted()));
        }
        lines
    }

    fn attendee(&self) -> Vec<Line<'static>> {
        let Row {
            s,
            key,
            width,
            theme,
            ..
        } = *self;
        let aid = AttendeeId(key.to_string());
        let Some(a) = find(&s.attendees, &aid) else {
            return vec![];
        };
        let mut marks = a.attendance.label().to_string();
        if let Some(t) = a.joined_at {
            marks.push_str(&format!(" {}", t.format("%H:%M")));
        }
        if let Some(t) = a.left_at {
            marks.push_str(&format!(" left {}", t.format("%H:%M")));
        }
        let mut flags = Vec::new();
        if a.gives_recommendation {
            flags.push("recommends");
        }
        if a.agency_kind.is_agency()
            && a.agency_kind != AgencyKind::ChildrensSocialCare
            && !a.direct_contact
        {
            flags.push("no direct contact");
        }
        if a.report_received {
            flags.push(if a.report_shared_with_parents {
                "report shared"
            } else {
                "report (not shared)"
            });
        }
        let who = format!(
            "{} — {}",
            s.attendee_name(&aid),
            [a.role.as_str(), a.agency.as_str()]
                .iter()
                .filter(|t| !t.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ")
        );
        vec![
            Line::from(Span::styled(truncate(&who, width), theme.title())),
            Line::styled(
                truncate(
                    // No trailing "·" when there are no flags.
                    &[marks, a.agency_kind.label().to_string(), flags.join(", ")]
                        .into_iter()
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · "),
                    width,
                ),
                theme.muted(),
            ),
        ]
    }

    fn part(&self) -> Vec<Line<'static>> {
        let Row {
            s, width, theme, ..
        } = *self;
        let id = self.id();
        let Some(p) = find(&s.parts, &id) else {
            return vec![];
        };
        let who = p
            .person
            .as_ref()
            .map(|a| s.attendee_name(a))
            .unwrap_or_else(|| "(who?)".into());
        let times = [p.from, p.to]
            .iter()
            .map(|t| {
                t.map(|t| t.format("%H:%M").to_string())
                    .unwrap_or("?".into())
            })
            .collect::<Vec<_>>()
            .join("–");
        vec![
            Line::from(Span::styled(truncate(&who, width), theme.title())),
            Line::styled(
                truncate(
                    &format!(
                        "{} {} ({times})",
                        p.movement.label().to_lowercase(),
                        or_placeholder(&p.part, "(which part?)")
                    ),
                    width,
                ),
                theme.muted(),
            ),
        ]
    }

    fn household_member(&self) -> Vec<Line<'static>> {
        let Row {
            s, width, theme, ..
        } = *self;
        let id = self.id();
        let Some(h) = find(&s.household, &id) else {
            return vec![];
        };
        let who = if h.is_child { "child" } else { "adult" };
        vec![Line::from(vec![
            Span::styled(
                truncate(&or_placeholder(&h.name, "(name?)"), width),
                theme.title(),
            ),
            Span::styled(
                truncate(
                    &format!(
                        " · {} · {who}",
                        or_placeholder(&h.relationship, "(relationship?)")
                    ),
                    width,
                ),
                theme.muted(),
            ),
        ])]
    }

    fn network_member(&self) -> Vec<Line<'static>> {
        let Row {
            s, width, theme, ..
        } = *self;
        let id = self.id();
        let Some(n) = find(&s.safety_network, &id) else {
            return vec![];
        };
        let mut lines = vec![Line::from(Span::styled(
            truncate(
                &format!(
                    "{} · {}",
                    or_placeholder(&n.name, "(name?)"),
                    or_placeholder(&n.relationship, "(relationship?)")
                ),
                width,
            ),
            theme.title(),
        ))];
        lines.extend(body(
            &or_placeholder(&n.will_do, "(what will they do?)"),
            width,
            self.cap(2),
        ));
        lines
    }

    fn exclusion(&self) -> Vec<Line<'static>> {
        let Row {
            s, width, theme, ..
        } = *self;
        let id = self.id();
        let Some(e) = find(&s.pre_meeting.exclusions, &id) else {
            return vec![];
        };
        let who = e
            .person
            .as_ref()
            .map(|p| s.attendee_name(p))
            .unwrap_or_else(|| "(who?)".into());
        let what = if e.separate_attendance {
            "attends separately"
        } else {
            "excluded"
        };
        let mut lines = vec![Line::from(Span::styled(
            truncate(&format!("{who} {what}: {}", e.which_part), width),
            theme.title(),
        ))];
        lines.extend(body(
            &or_placeholder(&e.grounds, "(grounds not yet written)"),
            width,
            self.cap(2),
        ));
        lines
    }

    fn danger(&self) -> Vec<Line<'static>> {
        let Row {
            s,
            width,
            index,
            theme,
            ..
        } = *self;
        let id = self.id();
        let Some(d) = find(&s.danger_statements, &id) else {
            return vec![];
        };
        let mut lines = vec![meta(vec![
            Span::styled(format!("D{} ", index + 1), theme.title()),
            Span::styled(
                truncate(
                    &format!(
                        "{} · about {}",
                        or_placeholder(&d.who_is_worried, "(who is worried?)"),
                        s.children_label(&d.children)
                    ),
                    width.saturating_sub(4),
                ),
                theme.muted(),
            ),
        ])];
        lines.extend(body(
            &or_placeholder(&d.worry, "(what are we worried about?)"),
            width,
            self.cap(3),
        ));
        let future = d.if_nothing_changes.trim();
        if !future.is_empty() {
            // Often written as a whole sentence starting the same way.
            let said = starts_with_words(future, "If nothing changes");
            lines.extend(body(
                &if said {
                    future.to_string()
                } else {
                    format!("If nothing changes: {future}")
                },
                width,
                self.cap(2),
            ));
        }
        if !d.dispute.trim().is_empty() {
            lines.push(Line::styled(
                truncate(&format!("Disputed: {}", d.dispute), width),
                theme.warning(),
            ));
        }
        lines
    }

    fn map_item(&self) -> Vec<Line<'static>> {
        let Row {
            s, width, theme, ..
        } = *self;
        let id = self.id();
        let Some(m) = find(&s.map_items, &id) else {
            return vec![];
        };
        let mut lines = Vec::new();
        if m.restricted {
            lines.extend(
                wrap("⚠ RESTRICTED: not shared with family", width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.restricted())),
            );
        }
        lines.extend(body(
            &or_placeholder(&m.text, "(empty)"),
            width,
            self.cap(4),
        ));
        let mut bits = Vec::new();
        if m.tag != Tag::None {
            bits.push(m.tag.label().to_string());
        }
        if let Some(p) = &m.said_by {
            bits.push(format!("— {}", s.attendee_name(p)));
        }
        if s.children.len() > 1 && m.children.len() != s.children.len() {
            bits.push(s.children_label(&m.children));
        }
        if m.from_last_conference {
            bits.push("from last conference".into());
        }
        if !bits.is_empty() {
            lines.extend(
                wrap(&bits.join(" · "), width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.muted())),
            );
        }
        lines
    }

    fn goal(&self) -> Vec<Line<'static>> {
        let Row {
            s,
            width,
            index,
            theme,
            ..
        } = *self;
        let id = self.id();
        let Some(g) = find(&s.safety_goals, &id) else {
            return vec![];
        };
        let mut lines = vec![Line::from(Span::styled(
            format!("Goal {} · {} action(s)", index + 1, g.actions.len()),
            theme.title(),
        ))];
        lines.extend(body(
            &or_placeholder(&g.parents_will, "(what will the parents be doing?)"),
            width,
            self.cap(3),
        ));
        lines
    }

    fn action(&self, goal: &ItemId) -> Vec<Line<'static>> {
        let Row {
            s, width, theme, ..
        } = *self;
        let id = self.id();
        let Some(a) = find(&s.safety_goals, goal).and_then(|g| find(&g.actions, &id)) else {
            return vec![];
        };
        let mut lines = body(&or_placeholder(&a.what, "(what?)"), width, self.cap(2));
        let by = match (a.recurrence, a.by_when) {
            (Recurrence::Once, Some(d)) => format!("by {}", show_date(d)),
            (Recurrence::Once, None) => "by no date".into(),
            (r, _) => match a.until {
                Some(u) => format!("{} until {}", r.label().to_lowercase(), show_date(u)),
                None => r.label().to_lowercase(),
            },
        };
        if s.setup.kind == ConferenceKind::Review {
            let mark = match a.progress {
                ActionProgress::Done => "✓ done",
                ActionProgress::Partly => "◐ partly done",
                ActionProgress::NotDone => "✗ not done",
                ActionProgress::NotReviewed => "? progress not yet reviewed",
            };
            lines.push(Line::styled(mark, theme.title()));
        }
        lines.push(Line::styled(
            truncate(
                &format!("{} · {by}", or_placeholder(&s.action_who(a), "(who?)")),
                width,
            ),
            theme.muted(),
        ));
        lines
    }

    fn addendum(&self) -> Vec<Line<'static>> {
        let Row {
            s, width, theme, ..
        } = *self;
        let id = self.id();
        let Some(a) = find(&s.addenda, &id) else {
            return vec![];
        };
        let mut lines = vec![Line::from(Span::styled(
            truncate(
                &format!("{} · {}", a.at.format("%Y-%m-%d %H:%M"), a.by),
                width,
            ),
            theme.title(),
        ))];
        lines.extend(body(
            &or_placeholder(&a.what, "(what is added?)"),
            width,
            self.cap(3),
        ));
        if !a.why.trim().is_empty() {
            lines.extend(body(&format!("Why: {}", a.why), width, self.cap(2)));
        }
        lines
    }

    fn audit_entry(&self) -> Vec<Line<'static>> {
        let Row {
            s,
            key,
            width,
            theme,
            ..
        } = *self;
        let Some(e) = key.parse::<usize>().ok().and_then(|i| s.audit.get(i)) else {
            return vec![];
        };
        vec![Line::from(vec![
            Span::styled(e.at.format("%d %b %H:%M:%S ").to_string(), theme.muted()),
            Span::raw(truncate(
                &format!("{} · {}", e.stage.short_title(), e.what),
                width.saturating_sub(16),
            )),
        ])]
    }

    fn dissent(&self, child: &ChildId) -> Vec<Line<'static>> {
        let Row {
            s, width, theme, ..
        } = *self;
        let id = self.id();
        let Some(x) = find(&s.decisions, child).and_then(|d| find(&d.dissents, &id)) else {
            return vec![];
        };
        let who = x
            .who
            .as_ref()
            .map(|p| s.attendee_name(p))
            .unwrap_or_else(|| "(who?)".into());
        let mut lines = vec![Line::from(Span::styled(
            truncate(&who, width),
            theme.title(),
        ))];
        lines.extend(body(&or_placeholder(&x.why, "(why?)"), width, self.cap(3)));
        lines
    }
}

/// "≠ 1 of 5 recommended otherwise" in a list row, shortened to its
/// figures ("≠ 1 of 5 otherwise", then "≠ 1 of 5") where the row is too
/// narrow: cut off mid-word it read "≠ 1 of 5 reco…".
fn otherwise_line(s: &Session, d: &Decision, width: usize) -> String {
    let (other, all) = s.tally(&d.child).otherwise(d.outcome);
    let figures = format!("≠ {other} of {all}");
    [
        format!("≠ {}", s.recommended_otherwise(d)),
        format!("{figures} otherwise"),
    ]
    .into_iter()
    .find(|t| unicode_width::UnicodeWidthStr::width(t.as_str()) <= width)
    .unwrap_or_else(|| truncate(&figures, width))
}
