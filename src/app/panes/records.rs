//! The rows of a stage's lists: their keys, their forms' fields, and adding
//! and deleting them.

use super::ListKind;
use crate::app::field::{Field, find};
use crate::model::*;

/// The keys of a list's rows, in order.
pub fn list_keys(s: &Session, kind: &ListKind) -> Vec<String> {
    list_key_refs(s, kind)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// The keys of a list's rows, in order, borrowed where they can be (drawing
/// needs them every frame, and a map column of a large session has hundreds).
pub fn list_key_refs<'a>(s: &'a Session, kind: &ListKind) -> Vec<std::borrow::Cow<'a, str>> {
    use std::borrow::Cow;
    fn ids<'a, T>(items: &'a [T], key: impl Fn(&'a T) -> &'a str) -> Vec<Cow<'a, str>> {
        items.iter().map(|i| Cow::Borrowed(key(i))).collect()
    }
    match kind {
        ListKind::Children | ListKind::DecisionChildren => ids(&s.children, |c| &c.id.0),
        ListKind::Attendees => ids(&s.attendees, |a| &a.id.0),
        ListKind::Parts => ids(&s.parts, |p| &p.id.0),
        ListKind::Household => ids(&s.household, |h| &h.id.0),
        ListKind::Network => ids(&s.safety_network, |n| &n.id.0),
        ListKind::Exclusions => ids(&s.pre_meeting.exclusions, |e| &e.id.0),
        ListKind::Dangers => ids(&s.danger_statements, |d| &d.id.0),
        ListKind::Map(col) => s
            .map_items
            .iter()
            .filter(|m| m.column == *col)
            .map(|m| Cow::Borrowed(m.id.0.as_str()))
            .collect(),
        ListKind::Goals => ids(&s.safety_goals, |g| &g.id.0),
        ListKind::Actions(goal) => find(&s.safety_goals, goal)
            .map(|g| ids(&g.actions, |a| &a.id.0))
            .unwrap_or_default(),
        ListKind::Dissents(child) => find(&s.decisions, child)
            .map(|d| ids(&d.dissents, |x| &x.id.0))
            .unwrap_or_default(),
        ListKind::Addenda => ids(&s.addenda, |a| &a.id.0),
        // Audit entries have no ids: their position is their key.
        ListKind::Audit => (0..s.audit.len())
            .map(|i| Cow::Owned(i.to_string()))
            .collect(),
    }
}

/// How many rows a list has: `list_keys(s, kind).len()` without building
/// the keys (a map column of a large session has hundreds).
pub fn list_len(s: &Session, kind: &ListKind) -> usize {
    match kind {
        ListKind::Children | ListKind::DecisionChildren => s.children.len(),
        ListKind::Attendees => s.attendees.len(),
        ListKind::Parts => s.parts.len(),
        ListKind::Household => s.household.len(),
        ListKind::Network => s.safety_network.len(),
        ListKind::Exclusions => s.pre_meeting.exclusions.len(),
        ListKind::Dangers => s.danger_statements.len(),
        ListKind::Map(col) => s.map_items.iter().filter(|m| m.column == *col).count(),
        ListKind::Goals => s.safety_goals.len(),
        ListKind::Actions(goal) => find(&s.safety_goals, goal).map_or(0, |g| g.actions.len()),
        ListKind::Dissents(child) => find(&s.decisions, child).map_or(0, |d| d.dissents.len()),
        ListKind::Addenda => s.addenda.len(),
        ListKind::Audit => s.audit.len(),
    }
}

/// The fields of one record, in the order its form shows them.
// Long because it is a table: one arm per kind of list, its fields in form order.
pub fn record_fields(kind: &ListKind, key: &str) -> Vec<Field> {
    use Field as F;
    let item = || ItemId(key.to_string());
    let child = || ChildId(key.to_string());
    let person = || AttendeeId(key.to_string());
    match kind {
        ListKind::Children => vec![
            F::ChildName(child()),
            F::ChildDateOfBirth(child()),
            F::ChildExpectedDelivery(child()),
            F::ChildOwnLetter(child()),
            F::ChildGender(child()),
            F::ChildSchool(child()),
            F::ChildSchoolYear(child()),
            F::ChildNhsNumber(child()),
            F::ChildLocalId(child()),
            F::ChildAddress(child()),
            F::ChildPreviousPlans(child()),
        ],
        ListKind::Parts => vec![
            F::PartPerson(item()),
            F::PartMovement(item()),
            F::PartWhich(item()),
            F::PartFrom(item()),
            F::PartTo(item()),
        ],
        ListKind::Household => vec![
            F::HouseholdName(item()),
            F::HouseholdRelationship(item()),
            F::HouseholdIsChild(item()),
        ],
        ListKind::Network => vec![
            F::NetworkName(item()),
            F::NetworkRelationship(item()),
            F::NetworkWillDo(item()),
        ],
        ListKind::Attendees => vec![
            F::AttendeeName(person()),
            F::AttendeeRole(person()),
            F::AttendeeAgency(person()),
            F::AttendeeAgencyKind(person()),
            F::AttendeeAttendance(person()),
            F::AttendeeJoinedAt(person()),
            F::AttendeeLeftAt(person()),
            F::AttendeeGivesRecommendation(person()),
            F::AttendeeReportReceived(person()),
            F::AttendeeReportShared(person()),
            F::AttendeeDirectContact(person()),
        ],
        ListKind::Exclusions => vec![
            F::ExclusionPerson(item()),
            F::ExclusionSeparate(item()),
            F::ExclusionGrounds(item()),
            F::ExclusionWhichPart(item()),
            F::ExclusionParts(item()),
        ],
        ListKind::Dangers => vec![
            F::DangerWhoIsWorried(item()),
            F::DangerWorry(item()),
            F::DangerIfNothingChanges(item()),
            F::DangerChildren(item()),
            F::DangerDispute(item()),
        ],
        ListKind::Map(_) => vec![
            F::MapText(item()),
            F::MapSaidBy(item()),
            F::MapChildren(item()),
            // Restricted before the tag: it must never be missed.
            F::MapRestricted(item()),
            F::MapTag(item()),
            F::MapColumn(item()),
        ],
        ListKind::Goals => vec![
            F::GoalParentsWill(item()),
            F::GoalChildExperience(item()),
            F::GoalProfessionalsSee(item()),
            F::GoalDangers(item()),
        ],
        ListKind::Actions(goal) => vec![
            F::ActionWhat(goal.clone(), item()),
            F::ActionWho(goal.clone(), item()),
            F::ActionByWhen(goal.clone(), item()),
            F::ActionHowWeKnow(goal.clone(), item()),
            F::ActionProgress(goal.clone(), item()),
            F::ActionWhoPerson(goal.clone(), item()),
            F::ActionRecurrence(goal.clone(), item()),
            F::ActionUntil(goal.clone(), item()),
        ],
        ListKind::DecisionChildren | ListKind::Audit => Vec::new(),
        ListKind::Addenda => vec![
            F::AddendumWhat(item()),
            F::AddendumWhy(item()),
            F::AddendumBy(item()),
        ],
        ListKind::Dissents(c) => vec![
            F::DissentWho(c.clone(), item()),
            F::DissentWhy(c.clone(), item()),
        ],
    }
}

/// Adds an empty record to a list; returns its key, or why it cannot.
/// `now` dates an addendum.
// Long because it is a table: one arm per kind of list, each record spelt
// out field by field, so a field added to a record fails to compile here
// until its empty value is chosen.
pub fn add_record(s: &mut Session, kind: &ListKind, now: Timestamp) -> Result<String, String> {
    let all_children = s.all_child_ids();
    let key = match kind {
        ListKind::Children => s.add_child().0,
        ListKind::Attendees => s.add_attendee().0,
        ListKind::Parts => {
            let id = s.new_item_id();
            s.parts.push(PartAttendance {
                id: id.clone(),
                person: None,
                movement: PartMovement::LeftFor,
                part: String::new(),
                from: None,
                to: None,
            });
            id.0
        }
        ListKind::Household => {
            let id = s.new_item_id();
            s.household.push(HouseholdMember {
                id: id.clone(),
                name: String::new(),
                relationship: String::new(),
                is_child: false,
            });
            id.0
        }
        ListKind::Network => {
            let id = s.new_item_id();
            s.safety_network.push(NetworkMember {
                id: id.clone(),
                name: String::new(),
                relationship: String::new(),
                will_do: String::new(),
            });
            id.0
        }
        ListKind::Exclusions => {
            let id = s.new_item_id();
            s.pre_meeting.exclusions.push(Exclusion {
                id: id.clone(),
                person: None,
                grounds: String::new(),
                which_part: String::new(),
                separate_attendance: false,
                parts: Vec::new(),
            });
            id.0
        }
        ListKind::Dangers => {
            let id = s.new_item_id();
            s.danger_statements.push(DangerStatement {
                id: id.clone(),
                who_is_worried: String::new(),
                worry: String::new(),
                if_nothing_changes: String::new(),
                children: all_children,
                dispute: String::new(),
            });
            id.0
        }
        ListKind::Map(column) => {
            let id = s.new_item_id();
            s.map_items.push(MapItem {
                id: id.clone(),
                column: *column,
                text: String::new(),
                said_by: None,
                children: all_children,
                tag: Tag::None,
                restricted: false,
                from_last_conference: false,
            });
            id.0
        }
        ListKind::Goals => {
            let id = s.new_item_id();
            s.safety_goals.push(SafetyGoal {
                id: id.clone(),
                parents_will: String::new(),
                child_will_experience: String::new(),
                professionals_will_see: String::new(),
                danger_statements: Vec::new(),
                actions: Vec::new(),
            });
            id.0
        }
        ListKind::Actions(goal) => {
            let id = s.new_item_id();
            let g = s
                .safety_goals
                .iter_mut()
                .find(|g| &g.id == goal)
                .ok_or("add a safety goal first")?;
            g.actions.push(SafetyAction {
                id: id.clone(),
                what: String::new(),
                who: String::new(),
                by_when: None,
                how_we_will_know: String::new(),
                progress: ActionProgress::NotReviewed,
                who_person: None,
                recurrence: Recurrence::Once,
                until: None,
            });
            id.0
        }
        ListKind::DecisionChildren => {
            return Err("children are added at setup (stage 0)".into());
        }
        ListKind::Audit => return Err("the audit trail is written by cpconf itself".into()),
        ListKind::Addenda => {
            let id = s.new_item_id();
            let by = s.setup.chair.clone();
            s.addenda.push(Addendum {
                id: id.clone(),
                at: now,
                by,
                what: String::new(),
                why: String::new(),
            });
            id.0
        }
        ListKind::Dissents(child) => {
            let id = s.new_item_id();
            let d = s
                .decisions
                .iter_mut()
                .find(|d| &d.child == child)
                .ok_or("that child no longer exists")?;
            d.dissents.push(Dissent {
                id: id.clone(),
                who: None,
                why: String::new(),
            });
            id.0
        }
    };
    Ok(key)
}

/// Deletes a record; returns a short description for the status bar.
pub fn delete_record(s: &mut Session, kind: &ListKind, key: &str) -> Result<String, String> {
    let item = ItemId(key.to_string());
    match kind {
        ListKind::Children => {
            let name = s.child_name(&ChildId(key.into()));
            s.remove_child(&ChildId(key.into()));
            Ok(format!("child {name}"))
        }
        ListKind::Attendees => {
            let name = s.attendee_name(&AttendeeId(key.into()));
            s.remove_attendee(&AttendeeId(key.into()));
            Ok(name)
        }
        ListKind::Exclusions => {
            s.pre_meeting.exclusions.retain(|e| e.id != item);
            Ok("exclusion".into())
        }
        ListKind::Parts => {
            s.parts.retain(|p| p.id != item);
            Ok("part attended".into())
        }
        ListKind::Household => {
            s.household.retain(|h| h.id != item);
            Ok("household member".into())
        }
        ListKind::Network => {
            s.safety_network.retain(|n| n.id != item);
            Ok("safety network member".into())
        }
        ListKind::Dangers => {
            s.remove_danger_statement(&item);
            Ok("danger statement".into())
        }
        ListKind::Map(_) => {
            s.map_items.retain(|m| m.id != item);
            Ok("map item".into())
        }
        ListKind::Goals => {
            s.safety_goals.retain(|g| g.id != item);
            Ok("safety goal and its actions".into())
        }
        ListKind::Actions(goal) => {
            if let Some(g) = s.safety_goals.iter_mut().find(|g| &g.id == goal) {
                g.actions.retain(|a| a.id != item);
            }
            Ok("action".into())
        }
        ListKind::DecisionChildren => Err("children are removed at setup (stage 0)".into()),
        ListKind::Audit => Err("the audit trail cannot be changed".into()),
        ListKind::Addenda if s.is_finalised() => Err(
            "an addendum to a finalised record cannot be deleted; add another to correct it".into(),
        ),
        ListKind::Addenda => {
            s.addenda.retain(|a| a.id != item);
            Ok("addendum".into())
        }
        ListKind::Dissents(child) => {
            if let Some(d) = s.decisions.iter_mut().find(|d| &d.child == child) {
                d.dissents.retain(|x| x.id != item);
            }
            Ok("dissent".into())
        }
    }
}
