//! The domain model of a conference. It knows nothing of the screen or the
//! disk: `ui` draws it, `storage` saves it, `app` changes it.

mod choices;
mod ids;
mod nhs;
mod presence;
mod review;
mod rules;
pub(crate) mod series;
mod session;
mod signoff;
mod stage;

pub use choices::*;
pub use ids::*;
pub use nhs::check_nhs_number;
pub use presence::*;
pub use review::*;
pub use rules::*;
pub use session::*;
pub use signoff::*;
pub use stage::*;

impl Session {
    /// An empty initial conference, created at `now`.
    pub fn new(id: String, now: Timestamp) -> Self {
        Session {
            schema_version: SCHEMA_VERSION,
            id,
            created_at: now,
            updated_at: now,
            status: Status::InProgress,
            finalised: None,
            setup: Setup {
                kind: ConferenceKind::Initial,
                date: Some(now.date_naive()),
                start_time: None,
                venue_kind: VenueKind::InPerson,
                venue: String::new(),
                chair: String::new(),
                family_reference: String::new(),
                strategy_discussion_date: None,
                previous_session: None,
                purpose: String::new(),
                section_47_outcome: String::new(),
                previous_inquorate: false,
            },
            children: Vec::new(),
            attendees: Vec::new(),
            pre_meeting: PreMeeting::default(),
            opening_statements: OpeningStatements::default(),
            inquorate_reason: String::new(),
            inquorate: InquorateOutcome::default(),
            parts: Vec::new(),
            household: Vec::new(),
            safety_network: Vec::new(),
            danger_statements: Vec::new(),
            map_items: Vec::new(),
            child_voices: Vec::new(),
            scaling: Scaling::default(),
            safety_goals: Vec::new(),
            bottom_lines: String::new(),
            contingency_plan: String::new(),
            recommendations: Vec::new(),
            decisions: Vec::new(),
            chair_summary: ChairSummary::default(),
            stage_visits: Vec::new(),
            addenda: Vec::new(),
            audit: Vec::new(),
            next_id: 1,
        }
    }

    pub fn is_finalised(&self) -> bool {
        self.status == Status::Finalised
    }

    fn take_number(&mut self) -> u64 {
        let n = self.next_id;
        self.next_id += 1;
        n
    }

    /// Adds the local rules' opening statements beyond the standard four
    /// (which always have their own place), once each.
    pub fn add_local_statements(&mut self, texts: &[String]) {
        for text in texts.iter().map(|t| t.trim()) {
            let same = |known: &str| known.eq_ignore_ascii_case(text);
            let known = STANDARD_OPENING_STATEMENTS.into_iter().any(same)
                || self.opening_statements.local.iter().any(|o| same(&o.text));
            if text.is_empty() || known {
                continue;
            }
            let id = self.new_item_id();
            self.opening_statements.local.push(LocalStatement {
                id,
                text: text.to_string(),
                given: false,
            });
        }
    }

    pub fn new_item_id(&mut self) -> ItemId {
        ItemId::numbered(self.take_number())
    }

    pub fn all_child_ids(&self) -> Vec<ChildId> {
        self.children.iter().map(|c| c.id.clone()).collect()
    }

    pub fn child(&self, id: &ChildId) -> Option<&Child> {
        self.children.iter().find(|c| &c.id == id)
    }

    pub fn attendee(&self, id: &AttendeeId) -> Option<&Attendee> {
        self.attendees.iter().find(|a| &a.id == id)
    }

    /// A child's name for display, falling back to a placeholder.
    pub fn child_name(&self, id: &ChildId) -> String {
        match self.child(id) {
            Some(c) if !c.name.trim().is_empty() => c.name.clone(),
            Some(_) => "(unnamed child)".into(),
            None => "(removed child)".into(),
        }
    }

    /// A person's name for display, falling back to a placeholder.
    pub fn attendee_name(&self, id: &AttendeeId) -> String {
        match self.attendee(id) {
            Some(a) if !a.name.trim().is_empty() => a.name.clone(),
            Some(_) => "(unnamed)".into(),
            None => "(removed person)".into(),
        }
    }

    /// Names of the children in `ids`, or "all children" when it is all of them.
    pub fn children_label(&self, ids: &[ChildId]) -> String {
        if ids.is_empty() {
            return "no child chosen".into();
        }
        if self.children.len() > 1 && self.children.iter().all(|c| ids.contains(&c.id)) {
            return "all children".into();
        }
        ids.iter()
            .map(|id| self.child_name(id))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn add_child(&mut self) -> ChildId {
        let id = ChildId::numbered(self.take_number());
        self.children.push(Child {
            id: id.clone(),
            name: String::new(),
            date_of_birth: None,
            expected_delivery: None,
            gender: Gender::default(),
            school: String::new(),
            school_year: String::new(),
            nhs_number: String::new(),
            local_id: String::new(),
            address: String::new(),
            previous_plans: None,
        });
        self.refresh_derived();
        id
    }

    pub fn add_attendee(&mut self) -> AttendeeId {
        let id = AttendeeId::numbered(self.take_number());
        self.attendees.push(Attendee {
            id: id.clone(),
            name: String::new(),
            role: String::new(),
            agency: String::new(),
            agency_kind: AgencyKind::Other,
            attendance: Attendance::Present,
            joined_at: None,
            left_at: None,
            // Most agencies at a conference know the child; the chair
            // unticks one that does not.
            direct_contact: true,
            gives_recommendation: false,
            report_received: false,
            report_shared_with_parents: false,
        });
        id
    }

    /// Removes a child and every record that was about that child alone.
    pub fn remove_child(&mut self, id: &ChildId) {
        self.children.retain(|c| &c.id != id);
        for d in &mut self.danger_statements {
            d.children.retain(|c| c != id);
        }
        for m in &mut self.map_items {
            m.children.retain(|c| c != id);
        }
        self.scaling.scores.retain(|s| &s.child != id);
        self.scaling.previous_scores.retain(|s| &s.child != id);
        self.recommendations.retain(|r| &r.child != id);
        self.refresh_derived();
    }

    /// Removes a person; records they made lose their author but are kept,
    /// except scores and recommendations, which are theirs alone.
    pub fn remove_attendee(&mut self, id: &AttendeeId) {
        self.attendees.retain(|a| &a.id != id);
        for e in &mut self.pre_meeting.exclusions {
            if e.person.as_ref() == Some(id) {
                e.person = None;
            }
        }
        for p in &mut self.parts {
            if p.person.as_ref() == Some(id) {
                p.person = None;
            }
        }
        for g in &mut self.safety_goals {
            for a in &mut g.actions {
                if a.who_person.as_ref() == Some(id) {
                    a.who_person = None;
                }
            }
        }
        for m in &mut self.map_items {
            if m.said_by.as_ref() == Some(id) {
                m.said_by = None;
            }
        }
        self.scaling.scores.retain(|s| &s.person != id);
        self.recommendations.retain(|r| &r.professional != id);
        for d in &mut self.decisions {
            for dissent in &mut d.dissents {
                if dissent.who.as_ref() == Some(id) {
                    dissent.who = None;
                }
            }
            if d.plan.lead_social_worker.as_ref() == Some(id) {
                d.plan.lead_social_worker = None;
            }
            d.plan.core_group.retain(|a| a != id);
        }
        self.refresh_derived();
    }

    /// Removes a danger statement and the links safety goals had to it.
    pub fn remove_danger_statement(&mut self, id: &ItemId) {
        self.danger_statements.retain(|d| &d.id != id);
        for g in &mut self.safety_goals {
            g.danger_statements.retain(|d| d != id);
        }
    }

    /// Keeps per-child records in step with the children: one child's voice
    /// and one decision per child, in the children's order, and the
    /// "differs from recommendations" flag current.
    pub fn refresh_derived(&mut self) {
        let ids = self.all_child_ids();
        self.child_voices.retain(|v| ids.contains(&v.child));
        self.decisions.retain(|d| ids.contains(&d.child));
        for id in &ids {
            if !self.child_voices.iter().any(|v| &v.child == id) {
                self.child_voices.push(ChildVoice {
                    child: id.clone(),
                    method: VoiceMethod::NotYetGathered,
                    words: String::new(),
                    good_things: String::new(),
                    worries: String::new(),
                    dreams: String::new(),
                });
            }
            if !self.decisions.iter().any(|d| &d.child == id) {
                self.decisions.push(Decision {
                    child: id.clone(),
                    outcome: Outcome::Undecided,
                    categories: Vec::new(),
                    rationale: String::new(),
                    differs_from_recommendations: false,
                    dissents: Vec::new(),
                    plan: PlanDetails::default(),
                    decided_at: None,
                    child_in_need: ChildInNeedPlan::default(),
                    previous: None,
                });
            }
        }
        let order = |c: &ChildId| ids.iter().position(|i| i == c);
        self.child_voices.sort_by_key(|v| order(&v.child));
        self.decisions.sort_by_key(|d| order(&d.child));
        for i in 0..self.decisions.len() {
            let differs = {
                let d = &self.decisions[i];
                self.tally(&d.child).differs_from(d.outcome)
            };
            self.decisions[i].differs_from_recommendations = differs;
        }
    }

    /// Who does an action, in words: the person chosen from the register
    /// and the chair's own words, whichever are given ("Pat Marchbank, with
    /// Leanne"); empty when neither is.
    pub fn action_who(&self, a: &SafetyAction) -> String {
        let person = a.who_person.as_ref().map(|p| self.attendee_name(p));
        let words = a.who.trim();
        match person {
            Some(p) if words.is_empty() || words.eq_ignore_ascii_case(&p) => p,
            // "Tom Ashdown (school)" already names the person.
            Some(p) if words.to_lowercase().contains(&p.to_lowercase()) => words.to_string(),
            Some(p) => format!("{p}, {words}"),
            None => words.to_string(),
        }
    }

    /// The birth a pre-birth conference's first review counts from: the
    /// first unborn child's date of birth, once it is recorded.
    pub fn birth_for_review(&self) -> Option<chrono::NaiveDate> {
        self.children
            .iter()
            .filter(|c| c.expected_delivery.is_some())
            .find_map(|c| c.date_of_birth)
    }

    /// Records when the chair decided for `child`: the first time an
    /// outcome is chosen, at `now` (the clock in the room). Quorum at the
    /// decision is counted at that moment; the chair can correct it.
    pub fn stamp_decision(&mut self, child: &ChildId, now: chrono::NaiveTime) {
        if let Some(d) = self.decisions.iter_mut().find(|d| &d.child == child) {
            if d.outcome != Outcome::Undecided && d.decided_at.is_none() {
                d.decided_at = Some(now);
            }
        }
    }
}

#[cfg(test)]
mod tests;
