//! Rules the chair works by: quorum, the running tally of recommendations,
//! time spent per stage, and the invariants every session keeps.

use std::collections::HashSet;

use chrono::{Duration, NaiveTime};
use serde::{Deserialize, Serialize};

use super::choices::{AgencyKind, Attendance, Choice, Outcome};
use super::ids::ChildId;
use super::presence::Presence;
use super::session::{Session, Timestamp};
use super::stage::Stage;

/// The quorum rule in force (a local rule; DESIGN.md, "Quorum"). `Default`
/// is the usual one: children's social care plus at least two other
/// agencies present.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuorumRule {
    /// Children's social care must be present.
    pub social_care_required: bool,
    /// Distinct agencies other than children's social care that must be present.
    pub other_agencies: usize,
    /// An agency that sent a report but did not attend counts as there.
    pub count_report_only: bool,
    /// Only agencies marked as having direct contact with the child count.
    pub direct_contact_required: bool,
    /// All health services (health visitor, GP, school nurse...) count as
    /// one agency.
    pub health_counts_once: bool,
}

impl Default for QuorumRule {
    fn default() -> Self {
        QuorumRule {
            social_care_required: true,
            other_agencies: Quorum::OTHER_AGENCIES_NEEDED,
            count_report_only: false,
            direct_contact_required: true,
            health_counts_once: false,
        }
    }
}

/// The live quorum signal, measured against a [`QuorumRule`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quorum {
    pub social_care_present: bool,
    /// Distinct other agencies present (by agency name).
    pub other_agencies: Vec<String>,
    /// The rule this was measured against.
    pub rule: QuorumRule,
    /// Agencies on the register that did not count, each with why:
    /// "Brightstart Family Support (left at 11:30)".
    pub not_counted: Vec<String>,
    /// The moment measured, for quorum at a decision; `None` is the live
    /// signal from the register.
    pub at: Option<NaiveTime>,
}

impl Quorum {
    /// The default rule's number of other agencies.
    pub const OTHER_AGENCIES_NEEDED: usize = 2;

    pub fn is_quorate(&self) -> bool {
        (self.social_care_present || !self.rule.social_care_required)
            && self.other_agencies.len() >= self.rule.other_agencies
    }

    /// "Not counted: A (left at 11:30); B (no direct contact)." or empty.
    pub fn not_counted_line(&self) -> String {
        if self.not_counted.is_empty() {
            String::new()
        } else {
            format!("Not counted: {}.", self.not_counted.join("; "))
        }
    }

    /// One line for the chair: what is there and what is missing.
    pub fn summary(&self) -> String {
        let mut missing = Vec::new();
        if self.rule.social_care_required && !self.social_care_present {
            missing.push("children's social care".to_string());
        }
        let short = self
            .rule
            .other_agencies
            .saturating_sub(self.other_agencies.len());
        if short > 0 {
            missing.push(format!(
                "{short} more agenc{}",
                if short == 1 { "y" } else { "ies" }
            ));
        }
        if !missing.is_empty() {
            return format!("NOT QUORATE: needs {}", missing.join(" and "));
        }
        let others = self.other_agencies.join(", ");
        match (self.social_care_present, others.is_empty()) {
            (true, false) => format!("QUORATE: social care + {others}"),
            (true, true) => "QUORATE: social care".to_string(),
            (false, false) => format!("QUORATE: {others}"),
            (false, true) => "QUORATE: no agency required".to_string(),
        }
    }
}

/// How many professionals recommended each outcome for one child.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub plan: usize,
    pub child_in_need: usize,
    pub no_further_action: usize,
    pub undecided: usize,
}

/// The outcomes a recommendation or a decision can settle on.
const DECIDED: [Outcome; 3] = [
    Outcome::ChildProtectionPlan,
    Outcome::ChildInNeed,
    Outcome::NoFurtherAction,
];

impl Tally {
    pub fn total(&self) -> usize {
        self.plan + self.child_in_need + self.no_further_action + self.undecided
    }

    pub fn count(&self, outcome: Outcome) -> usize {
        match outcome {
            Outcome::ChildProtectionPlan => self.plan,
            Outcome::ChildInNeed => self.child_in_need,
            Outcome::NoFurtherAction => self.no_further_action,
            Outcome::Undecided => self.undecided,
        }
    }

    /// The outcome most professionals recommended, if there is a single one.
    pub fn leading(&self) -> Option<Outcome> {
        let best = DECIDED.iter().map(|o| self.count(*o)).max().unwrap_or(0);
        if best == 0 {
            return None;
        }
        let mut leaders = DECIDED.iter().filter(|o| self.count(**o) == best);
        match (leaders.next(), leaders.next()) {
            (Some(o), None) => Some(*o),
            _ => None,
        }
    }

    /// How many recommendations were for a decided outcome other than the
    /// chair's, and how many were for any decided outcome: "2 of 5
    /// recommended otherwise", where a bare "differs" reads as a chair who
    /// went against the room.
    pub fn otherwise(&self, chair: Outcome) -> (usize, usize) {
        let other = DECIDED
            .iter()
            .filter(|o| **o != chair)
            .map(|o| self.count(*o))
            .sum();
        let all = DECIDED.iter().map(|o| self.count(*o)).sum();
        (other, all)
    }

    /// The chair's outcome differs from the recommendations when any
    /// professional recommended something else. It is not a majority vote.
    pub fn differs_from(&self, chair: Outcome) -> bool {
        chair != Outcome::Undecided && self.otherwise(chair).0 > 0
    }
}

impl Session {
    /// Quorum under the default rule.
    pub fn quorum(&self) -> Quorum {
        self.quorum_with(&QuorumRule::default())
    }

    /// Quorum under a local rule: the live signal from the register.
    pub fn quorum_with(&self, rule: &QuorumRule) -> Quorum {
        self.count_quorum(rule, None)
    }

    /// Quorum at a moment (a decision): only those in the room then count.
    pub fn quorum_at(&self, rule: &QuorumRule, t: NaiveTime) -> Quorum {
        self.count_quorum(rule, Some(t))
    }

    /// Quorum when the chair decided for `child`, if that time is recorded.
    pub fn quorum_at_decision(&self, rule: &QuorumRule, child: &ChildId) -> Option<Quorum> {
        let d = self.decisions.iter().find(|d| &d.child == child)?;
        Some(self.quorum_at(rule, d.decided_at?))
    }

    /// The earliest recorded decision time, for the record's quorum line.
    pub fn first_decision_time(&self) -> Option<NaiveTime> {
        self.decisions.iter().filter_map(|d| d.decided_at).min()
    }

    fn count_quorum(&self, rule: &QuorumRule, at: Option<NaiveTime>) -> Quorum {
        let mut social_care_present = false;
        let mut other: Vec<String> = Vec::new();
        let mut not_counted: Vec<String> = Vec::new();
        // A blank person (a row still being typed into the register) is
        // nobody's agency: "Other agency" must not make a meeting quorate.
        let people = self.attendees.iter().filter(|a| {
            let blank = a.name.trim().is_empty() && a.agency.trim().is_empty();
            a.agency_kind.is_agency() && !blank
        });
        for a in people {
            let name = if a.agency_kind == AgencyKind::Health && rule.health_counts_once {
                AgencyKind::Health.label().to_string()
            } else if a.agency.trim().is_empty() {
                a.agency_kind_label_fallback()
            } else {
                a.agency.trim().to_string()
            };
            let report_counts = rule.count_report_only && a.attendance == Attendance::ReportOnly;
            let why_not = if report_counts {
                None
            } else if let Some(t) = at {
                match self.presence_at(&a.id, t) {
                    Presence::Present => None,
                    Presence::Absent(why) => Some(why),
                }
            } else if a.attendance.is_present() {
                None
            } else {
                Some(a.attendance.label().to_lowercase())
            };
            let why_not = why_not.or_else(|| {
                (rule.direct_contact_required
                    && !a.direct_contact
                    && a.agency_kind != AgencyKind::ChildrensSocialCare)
                    .then(|| "no direct contact with the child".to_string())
            });
            if let Some(why) = why_not {
                // Only what changes the count is worth a line: someone
                // absent whose agency is counted through a colleague is not.
                not_counted.push(format!("{} ({why})", self.attendee_name(&a.id)));
                continue;
            }
            if a.agency_kind == AgencyKind::ChildrensSocialCare {
                social_care_present = true;
                continue;
            }
            if !other.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                other.push(name);
            }
        }
        Quorum {
            social_care_present,
            other_agencies: other,
            rule: *rule,
            not_counted,
            at,
        }
    }

    /// How far the recommendations for a decision's child went another
    /// way: "2 of 5 recommended otherwise".
    pub fn recommended_otherwise(&self, d: &super::Decision) -> String {
        let (other, all) = self.tally(&d.child).otherwise(d.outcome);
        format!("{other} of {all} recommended otherwise")
    }

    /// Who already gives `agency`'s recommendation, other than `except`:
    /// each agency has one voice, so a second person from it (a team
    /// manager with the social worker) is not asked for one by default.
    /// Agencies are the same when their names are, case and spaces aside.
    pub fn voice_of_agency(
        &self,
        agency: &str,
        except: &super::AttendeeId,
    ) -> Option<&super::Attendee> {
        let plain = |a: &str| {
            a.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let agency = plain(agency);
        if agency.is_empty() {
            return None;
        }
        self.attendees
            .iter()
            .find(|a| &a.id != except && a.gives_recommendation && plain(&a.agency) == agency)
    }

    pub fn tally(&self, child: &ChildId) -> Tally {
        let mut t = Tally::default();
        for r in self.recommendations.iter().filter(|r| &r.child == child) {
            match r.outcome {
                Outcome::ChildProtectionPlan => t.plan += 1,
                Outcome::ChildInNeed => t.child_in_need += 1,
                Outcome::NoFurtherAction => t.no_further_action += 1,
                Outcome::Undecided => t.undecided += 1,
            }
        }
        t
    }

    /// Time spent on a stage across all its visits; an open visit counts up
    /// to `now`.
    pub fn time_in_stage(&self, stage: Stage, now: Timestamp) -> Duration {
        self.stage_visits
            .iter()
            .filter(|v| v.stage == stage)
            .map(|v| (v.ended_at.unwrap_or(now) - v.started_at).max(Duration::zero()))
            .fold(Duration::zero(), |a, b| a + b)
    }

    pub fn stage_visited(&self, stage: Stage) -> bool {
        self.stage_visits.iter().any(|v| v.stage == stage)
    }

    /// Time spent in the meeting itself: every stage after setup, across
    /// every visit. Summing visits (rather than "now minus the start")
    /// stays true when a session is reopened days later.
    pub fn meeting_time(&self, now: Timestamp) -> Option<Duration> {
        let mut visits = self
            .stage_visits
            .iter()
            .filter(|v| v.stage != Stage::Setup)
            .peekable();
        visits.peek()?;
        Some(
            visits
                .map(|v| (v.ended_at.unwrap_or(now) - v.started_at).max(Duration::zero()))
                .fold(Duration::zero(), |a, b| a + b),
        )
    }

    /// Every broken invariant, in words. Empty for a valid session.
    // Long because it is a flat list of independent checks, one per rule.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut ids: Vec<(&str, &str)> = Vec::new();
        ids.extend(self.children.iter().map(|c| ("child", c.id.0.as_str())));
        ids.extend(self.attendees.iter().map(|a| ("attendee", a.id.0.as_str())));
        let items = self
            .pre_meeting
            .exclusions
            .iter()
            .map(|e| &e.id)
            .chain(self.danger_statements.iter().map(|d| &d.id))
            .chain(self.map_items.iter().map(|m| &m.id))
            .chain(self.scaling.scores.iter().map(|s| &s.id))
            .chain(self.safety_goals.iter().map(|g| &g.id))
            .chain(
                self.safety_goals
                    .iter()
                    .flat_map(|g| g.actions.iter().map(|a| &a.id)),
            )
            .chain(self.recommendations.iter().map(|r| &r.id))
            .chain(
                self.decisions
                    .iter()
                    .flat_map(|d| d.dissents.iter().map(|x| &x.id)),
            )
            .chain(self.addenda.iter().map(|a| &a.id))
            .chain(self.parts.iter().map(|p| &p.id))
            .chain(self.household.iter().map(|h| &h.id))
            .chain(self.safety_network.iter().map(|n| &n.id));
        ids.extend(items.map(|i| ("item", i.0.as_str())));
        let mut seen = HashSet::new();
        for (kind, id) in ids {
            if !seen.insert(id) {
                out.push(format!("duplicate {kind} id {id}"));
            }
        }

        let child_ok = |id: &ChildId| self.child(id).is_some();
        // Each message names the record (by id) and what in it is wrong, so
        // the file can be mended by hand.
        let mut dangling = |what: String, ok: bool| {
            if !ok {
                out.push(what);
            }
        };
        for d in &self.danger_statements {
            dangling(
                format!("danger statement {} names a child not in the file", d.id),
                d.children.iter().all(child_ok),
            );
        }
        for m in &self.map_items {
            dangling(
                format!("map item {} names a child not in the file", m.id),
                m.children.iter().all(child_ok),
            );
            dangling(
                format!("map item {}: who said it is not on the register", m.id),
                m.said_by
                    .as_ref()
                    .is_none_or(|a| self.attendee(a).is_some()),
            );
        }
        for e in &self.pre_meeting.exclusions {
            dangling(
                format!("exclusion {}: its person is not on the register", e.id),
                e.person.as_ref().is_none_or(|a| self.attendee(a).is_some()),
            );
        }
        for p in &self.parts {
            dangling(
                format!(
                    "attendance for a part {}: its person is not on the register",
                    p.id
                ),
                p.person.as_ref().is_none_or(|a| self.attendee(a).is_some()),
            );
        }
        for a in self.safety_goals.iter().flat_map(|g| &g.actions) {
            dangling(
                format!("action {}: its person is not on the register", a.id),
                a.who_person
                    .as_ref()
                    .is_none_or(|p| self.attendee(p).is_some()),
            );
        }
        for s in &self.scaling.scores {
            dangling(
                format!(
                    "score {}: child {} or person {} is not in the file",
                    s.id, s.child, s.person
                ),
                child_ok(&s.child) && self.attendee(&s.person).is_some(),
            );
            dangling(
                format!("score {} is {}, above 10", s.id, s.score),
                s.score <= 10,
            );
        }
        for s in &self.scaling.previous_scores {
            dangling(
                format!("previous score for unknown child {}", s.child),
                child_ok(&s.child),
            );
        }
        for g in &self.safety_goals {
            dangling(
                format!(
                    "safety goal {} answers a danger statement not in the file",
                    g.id
                ),
                g.danger_statements
                    .iter()
                    .all(|d| self.danger_statements.iter().any(|x| &x.id == d)),
            );
        }
        for r in &self.recommendations {
            dangling(
                format!(
                    "recommendation {}: child {} or professional {} is not in the file",
                    r.id, r.child, r.professional
                ),
                child_ok(&r.child) && self.attendee(&r.professional).is_some(),
            );
        }
        for v in &self.child_voices {
            dangling(
                format!("child's voice for unknown child {}", v.child),
                child_ok(&v.child),
            );
        }
        for d in &self.decisions {
            dangling(
                format!("decision for unknown child {}", d.child),
                child_ok(&d.child),
            );
            let missing = d
                .dissents
                .iter()
                .filter_map(|x| x.who.as_ref())
                .chain(d.plan.lead_social_worker.as_ref())
                .chain(d.plan.core_group.iter())
                .find(|a| self.attendee(a).is_none());
            dangling(
                format!(
                    "decision for {} names person {}, who is not on the register",
                    d.child,
                    missing.map(|a| a.0.as_str()).unwrap_or_default()
                ),
                missing.is_none(),
            );
        }
        for c in &self.children {
            let n = self.decisions.iter().filter(|d| d.child == c.id).count();
            dangling(
                format!("child {} has {n} decisions (there must be one)", c.id),
                n == 1,
            );
        }
        dangling(
            "status is finalised but there is no \"finalised\" record (when and by whom)"
                .to_string(),
            self.status != super::choices::Status::Finalised || self.finalised.is_some(),
        );
        out
    }
}

impl super::session::Attendee {
    fn agency_kind_label_fallback(&self) -> String {
        use super::choices::Choice;
        self.agency_kind.label().to_string()
    }
}
