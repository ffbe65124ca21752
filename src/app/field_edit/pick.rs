//! Pickers: the options a picker offers, what is picked, and storing it.

use super::super::field::{Field, find, find_mut};
use super::*;

fn person_options(s: &Session, none: bool) -> Vec<PickOption> {
    let mut out = Vec::new();
    if none {
        out.push(PickOption {
            key: String::new(),
            label: "(nobody)".into(),
        });
    }
    out.extend(s.attendees.iter().map(|a| {
        PickOption {
            key: a.id.0.clone(),
            label: [a.name.as_str(), a.role.as_str(), a.agency.as_str()]
                .iter()
                .filter(|t| !t.trim().is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" · "),
        }
    }));
    out
}

fn child_options(s: &Session) -> Vec<PickOption> {
    s.children
        .iter()
        .map(|c| PickOption {
            key: c.id.0.clone(),
            label: s.child_name(&c.id),
        })
        .collect()
}

fn category_options(names: &CategoryNames) -> Vec<PickOption> {
    names
        .offered()
        .iter()
        .map(|c| PickOption {
            key: format!("{c:?}"),
            label: names.name(*c).into(),
        })
        .collect()
}

/// The choices a picker offers for a field.
/// `names`: the local names of the categories (labels only; keys stay).
pub fn pick_options(s: &Session, f: &Field, names: &CategoryNames) -> Vec<PickOption> {
    use Field as F;
    match f {
        F::ExclusionPerson(_)
        | F::MapSaidBy(_)
        | F::DecisionLead(_)
        | F::DissentWho(..)
        | F::PartPerson(_)
        | F::ActionWhoPerson(..) => person_options(s, true),
        F::DecisionCoreGroup(_) => person_options(s, false),
        F::DangerChildren(_) | F::MapChildren(_) => child_options(s),
        F::RecCategories(_) | F::DecisionCategories(_) => category_options(names),
        F::ExclusionParts(_) => crate::export::EXCLUDABLE
            .iter()
            .map(|p| PickOption {
                key: format!("{p:?}"),
                label: p.title().into(),
            })
            .collect(),
        F::GoalDangers(_) => s
            .danger_statements
            .iter()
            .enumerate()
            .map(|(i, d)| PickOption {
                key: d.id.0.clone(),
                label: format!("D{}: {}", i + 1, first_line(&d.worry)),
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    if line.is_empty() {
        "(not yet written)".into()
    } else {
        line.into()
    }
}

fn keys<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> Vec<String> {
    items.into_iter().map(|i| i.as_ref().to_string()).collect()
}

/// The keys currently chosen.
pub fn picked(s: &Session, f: &Field) -> Vec<String> {
    use Field as F;
    let one = |p: Option<&AttendeeId>| vec![p.map(|p| p.0.clone()).unwrap_or_default()];
    let cats = |c: &[Category]| c.iter().map(|c| format!("{c:?}")).collect::<Vec<_>>();
    match f {
        F::ExclusionPerson(id) => {
            one(find(&s.pre_meeting.exclusions, id).and_then(|e| e.person.as_ref()))
        }
        F::MapSaidBy(id) => one(find(&s.map_items, id).and_then(|m| m.said_by.as_ref())),
        F::PartPerson(id) => one(find(&s.parts, id).and_then(|p| p.person.as_ref())),
        F::ActionWhoPerson(g, a) => one(find(&s.safety_goals, g)
            .and_then(|g| find(&g.actions, a))
            .and_then(|a| a.who_person.as_ref())),
        F::DecisionLead(id) => {
            one(find(&s.decisions, id).and_then(|d| d.plan.lead_social_worker.as_ref()))
        }
        F::DissentWho(c, x) => one(find(&s.decisions, c)
            .and_then(|d| find(&d.dissents, x))
            .and_then(|x| x.who.as_ref())),
        F::DecisionCoreGroup(id) => find(&s.decisions, id)
            .map(|d| keys(d.plan.core_group.iter().map(|a| &a.0)))
            .unwrap_or_default(),
        F::DangerChildren(id) => find(&s.danger_statements, id)
            .map(|d| keys(d.children.iter().map(|c| &c.0)))
            .unwrap_or_default(),
        F::MapChildren(id) => find(&s.map_items, id)
            .map(|m| keys(m.children.iter().map(|c| &c.0)))
            .unwrap_or_default(),
        F::GoalDangers(id) => find(&s.safety_goals, id)
            .map(|g| keys(g.danger_statements.iter().map(|d| &d.0)))
            .unwrap_or_default(),
        F::RecCategories(id) => find(&s.recommendations, id)
            .map(|r| cats(&r.categories))
            .unwrap_or_default(),
        F::DecisionCategories(id) => find(&s.decisions, id)
            .map(|d| cats(&d.categories))
            .unwrap_or_default(),
        F::ExclusionParts(id) => find(&s.pre_meeting.exclusions, id)
            .map(|e| e.parts.iter().map(|p| format!("{p:?}")).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The chosen keys that are still among the field's options: a key that no
/// longer exists is dropped, so a reference can never dangle.
fn still_offered(s: &Session, f: &Field, chosen: &[String]) -> Vec<String> {
    // Every category is valid to store, whatever the local rules offer:
    // a session from another area keeps its categories.
    let all = CategoryNames {
        financial_abuse: Category::FinancialAbuse.label().into(),
        ..CategoryNames::default()
    };
    let options = pick_options(s, f, &all);
    chosen
        .iter()
        .filter(|k| !k.is_empty() && options.iter().any(|o| &o.key == *k))
        .cloned()
        .collect()
}

/// Stores the chosen keys that still exist (`still_offered`).
// Long because it is a table: one arm per picked field, each storing its
// own kind of reference.
pub fn set_picked(s: &mut Session, f: &Field, chosen: &[String]) {
    use Field as F;
    let valid = still_offered(s, f, chosen);
    let person = valid.first().map(|k| AttendeeId(k.clone()));
    let people = || {
        valid
            .iter()
            .map(|k| AttendeeId(k.clone()))
            .collect::<Vec<_>>()
    };
    let children = || valid.iter().map(|k| ChildId(k.clone())).collect::<Vec<_>>();
    let cats = || {
        Category::ALL
            .iter()
            .filter(|c| valid.contains(&format!("{c:?}")))
            .copied()
            .collect::<Vec<_>>()
    };
    match f {
        F::ExclusionPerson(id) => {
            if let Some(e) = find_mut(&mut s.pre_meeting.exclusions, id) {
                e.person = person;
            }
        }
        F::MapSaidBy(id) => {
            if let Some(m) = find_mut(&mut s.map_items, id) {
                m.said_by = person;
            }
        }
        F::PartPerson(id) => {
            if let Some(p) = find_mut(&mut s.parts, id) {
                p.person = person;
            }
        }
        F::ActionWhoPerson(g, a) => {
            if let Some(a) =
                find_mut(&mut s.safety_goals, g).and_then(|g| find_mut(&mut g.actions, a))
            {
                a.who_person = person;
            }
        }
        F::DecisionLead(id) => {
            if let Some(d) = find_mut(&mut s.decisions, id) {
                d.plan.lead_social_worker = person;
            }
        }
        F::DissentWho(c, x) => {
            if let Some(x) =
                find_mut(&mut s.decisions, c).and_then(|d| find_mut(&mut d.dissents, x))
            {
                x.who = person;
            }
        }
        F::DecisionCoreGroup(id) => {
            if let Some(d) = find_mut(&mut s.decisions, id) {
                d.plan.core_group = people();
            }
        }
        F::DangerChildren(id) => {
            if let Some(d) = find_mut(&mut s.danger_statements, id) {
                d.children = children();
            }
        }
        F::MapChildren(id) => {
            if let Some(m) = find_mut(&mut s.map_items, id) {
                m.children = children();
            }
        }
        F::GoalDangers(id) => {
            if let Some(g) = find_mut(&mut s.safety_goals, id) {
                g.danger_statements = valid.iter().map(|k| ItemId(k.clone())).collect();
            }
        }
        F::RecCategories(id) => {
            if let Some(r) = find_mut(&mut s.recommendations, id) {
                r.categories = cats();
            }
        }
        F::DecisionCategories(id) => {
            if let Some(d) = find_mut(&mut s.decisions, id) {
                d.categories = cats();
            }
        }
        F::ExclusionParts(id) => {
            if let Some(e) = find_mut(&mut s.pre_meeting.exclusions, id) {
                e.parts = crate::export::EXCLUDABLE
                    .iter()
                    .filter(|p| valid.contains(&format!("{p:?}")))
                    .copied()
                    .collect();
            }
        }
        _ => {}
    }
}
