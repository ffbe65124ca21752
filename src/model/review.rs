//! Starting a review conference from the last one: what carries forward,
//! and what the chair must look at afresh.

use super::choices::*;
use super::session::*;

/// Where the previous conference lives, for the new session to refer to.
pub struct PreviousRef<'a> {
    pub session: &'a Session,
    pub file_name: &'a str,
}

impl Session {
    /// The record says this conference was inquorate: it went ahead with a
    /// reason given, or recorded an interim plan or a date to reconvene.
    pub fn was_inquorate(&self) -> bool {
        !self.inquorate_reason.trim().is_empty()
            || !self.inquorate.interim_plan.trim().is_empty()
            || self.inquorate.reconvene_date.is_some()
    }

    /// The next review conference after `previous`:
    /// - family, children (same ids) and everyone on the register, as invitees;
    /// - danger statements, safety goals and their actions (each action to be
    ///   marked done / partly / not done), bottom lines and contingency plan;
    /// - the map's items, marked "from last conference" to keep, edit or drop;
    /// - the last conference's scores, to show beside today's;
    /// - per child, the last decision for reference only: outcomes and
    ///   categories must be decided again.
    // Long because it copies what carries, part by part, in the order listed above.
    pub fn review_of(previous: PreviousRef<'_>, id: String, now: Timestamp) -> Session {
        let last = previous.session;
        let mut s = Session::new(id, now);
        s.next_id = last.next_id;
        s.setup.kind = ConferenceKind::Review;
        s.setup.date = last
            .decisions
            .iter()
            .filter_map(|d| d.plan.review_date)
            .min()
            .or(Some(now.date_naive()));
        s.setup.start_time = last.setup.start_time;
        s.setup.venue_kind = last.setup.venue_kind;
        s.setup.venue = last.setup.venue.clone();
        s.setup.chair = last.setup.chair.clone();
        s.setup.family_reference = last.setup.family_reference.clone();
        s.setup.previous_session = Some(PreviousSession {
            id: last.id.clone(),
            file: previous.file_name.to_string(),
        });
        s.children = last.children.clone();
        // The household and safety network are the family's, not the
        // meeting's: they carry forward for the chair to check.
        s.household = last.household.clone();
        s.safety_network = last.safety_network.clone();
        s.setup.previous_inquorate = last.was_inquorate();
        s.attendees = last
            .attendees
            .iter()
            .map(|a| Attendee {
                attendance: Attendance::Invited,
                joined_at: None,
                left_at: None,
                report_received: false,
                report_shared_with_parents: false,
                ..a.clone()
            })
            .collect();
        s.pre_meeting.language = last.pre_meeting.language.clone();
        s.pre_meeting.interpreter_needed = last.pre_meeting.interpreter_needed;
        s.pre_meeting.advocate = last.pre_meeting.advocate.clone();
        s.danger_statements = last.danger_statements.clone();
        s.safety_goals = last.safety_goals.clone();
        for goal in &mut s.safety_goals {
            for action in &mut goal.actions {
                action.progress = ActionProgress::NotReviewed;
            }
        }
        s.bottom_lines = last.bottom_lines.clone();
        s.contingency_plan = last.contingency_plan.clone();
        s.map_items = last
            .map_items
            .iter()
            .map(|m| MapItem {
                from_last_conference: true,
                ..m.clone()
            })
            .collect();
        s.scaling.question = last.scaling.question.clone();
        s.scaling.zero_means = last.scaling.zero_means.clone();
        s.scaling.ten_means = last.scaling.ten_means.clone();
        s.scaling.previous_scores = last
            .scaling
            .scores
            .iter()
            .map(|x| PreviousScore {
                person_name: last.attendee_name(&x.person),
                agency: last
                    .attendee(&x.person)
                    .map(|a| a.agency.clone())
                    .unwrap_or_default(),
                child: x.child.clone(),
                score: x.score,
            })
            .collect();
        s.refresh_derived();
        for d in &mut s.decisions {
            d.previous =
                last.decisions
                    .iter()
                    .find(|p| p.child == d.child)
                    .map(|p| PreviousDecision {
                        outcome: p.outcome,
                        categories: p.categories.clone(),
                    });
        }
        s.audit.push(AuditEntry {
            at: now,
            stage: super::stage::Stage::Setup,
            what: format!("started as the review of {}", previous.file_name),
        });
        s
    }
}
