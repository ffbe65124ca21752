//! The full conference record, in the order a conference runs. Everything
//! is here, restricted map items included and marked RESTRICTED.

use crate::config::{Config, QuorumRule};
use crate::model::{
    Attendance, Attendee, ChildId, Choice, Column, Decision, Gender, Outcome, Session, Stage, Tag,
    VoiceMethod,
};

use super::doc::{Document, MapColumn, MapEntry, Section, Table, field};
use super::words::{
    self, NOT_RECORDED, categories, date_or, duration, join_and, long_date, or_not_recorded, stamp,
    time, yes_no,
};

pub use crate::config::DEFAULT_SCALING_QUESTION;

pub fn build(s: &Session, rules: &Config) -> Document {
    let mut doc = Document::new(format!(
        "Child protection conference record: {}",
        words::or(&s.setup.family_reference, "no family reference")
    ));
    if !s.is_finalised() {
        doc.lead
            .push(super::doc::Block::Notice(draft_notice().into()));
    }
    doc.lead.push(super::doc::Block::Notice(
        "Confidential. This record holds restricted information that must not be shared with \
         the family. Give the family their own copy."
            .into(),
    ));
    details(s, doc.section("Conference details"));
    family_details(s, doc.section("The family"));
    pre_meeting(s, doc.section("Parents' pre-meeting"));
    attendance(s, doc.major("Attendance and apologies"));
    exclusions(s, doc.section("Exclusions and separate attendance"));
    parts(s, doc.section("Attendance for parts of the conference"));
    reports(s, doc.section("Reports"));
    quorum(s, rules, doc.section("Quorum"));
    voices(s, rules, doc.major("The child's voice"));
    dangers(s, doc.section("Danger statements"));
    map(s, doc.major("The map"));
    scaling(s, doc.major("Scaling"));
    goals(s, doc.major("Safety goals"));
    doc.section("Bottom lines")
        .para(or_not_recorded(&s.bottom_lines));
    doc.section("Contingency plan")
        .para(or_not_recorded(&s.contingency_plan));
    recommendations(s, doc.major("Professional recommendations"));
    decisions(s, rules, doc.section("The chair's decision"));
    chair_summary(s, doc.section("The chair's summary"));
    plan(s, doc.section("The plan"));
    child_in_need(s, doc.section("Child in need plans"));
    timings(s, doc.major("Stage timings"));
    addenda(s, doc.section("Addenda"));
    finalisation(s, doc.section("Finalisation"));
    doc
}

fn draft_notice() -> &'static str {
    "DRAFT — not finalised. This record may still change."
}

fn details(s: &Session, sec: &mut Section) {
    let setup = &s.setup;
    let mut fields = vec![
        field("Conference", setup.kind.label()),
        field("Date", date_or(setup.date, NOT_RECORDED)),
        field(
            "Start time",
            setup.start_time.map(time).unwrap_or(NOT_RECORDED.into()),
        ),
        field(
            "Venue",
            format!(
                "{}: {}",
                setup.venue_kind.label(),
                or_not_recorded(&setup.venue)
            ),
        ),
        field("Chair", or_not_recorded(&setup.chair)),
        field("Family reference", or_not_recorded(&setup.family_reference)),
    ];
    if let Some(sd) = setup.strategy_discussion_date {
        fields.push(field("Strategy discussion", long_date(sd)));
    }
    fields.push(field("Purpose", or_not_recorded(&setup.purpose)));
    fields.push(field(
        "Outcome of the section 47 enquiry",
        or_not_recorded(&setup.section_47_outcome),
    ));
    if let Some(prev) = &setup.previous_session {
        fields.push(field(
            "Previous conference",
            format!("{} (session {})", or_not_recorded(&prev.file), prev.id),
        ));
    }
    fields.push(field("Status", s.status.label()));
    sec.fields(fields);
    let mut t = Table::new(
        "Children",
        &[
            "Name",
            "Date of birth",
            "Gender",
            "School and year",
            "NHS number",
            "Local child id",
            "Address",
        ],
    );
    for c in &s.children {
        let school = match (c.school.trim(), c.school_year.trim()) {
            ("", "") => NOT_RECORDED.to_string(),
            (school, "") => school.to_string(),
            ("", year) => year.to_string(),
            (school, year) => format!("{school}, {year}"),
        };
        t.row(vec![
            s.child_name(&c.id),
            words::birth_with_age(c, setup.date),
            if c.gender == Gender::NotRecorded {
                NOT_RECORDED.into()
            } else {
                c.gender.label().into()
            },
            school,
            or_not_recorded(&c.nhs_number),
            or_not_recorded(&c.local_id),
            or_not_recorded(&c.address),
        ]);
    }
    sec.table_or(t, "No children recorded.");
}

fn family_details(s: &Session, sec: &mut Section) {
    let mut t = Table::new("Household", &["Name", "Relationship", "Adult or child"]);
    for h in &s.household {
        t.row(vec![
            or_not_recorded(&h.name),
            or_not_recorded(&h.relationship),
            if h.is_child { "Child" } else { "Adult" }.into(),
        ]);
    }
    sec.sub("Living in the household")
        .table_or(t, "No household members recorded.");
    let mut t = Table::new(
        "Safety network",
        &["Name", "Relationship", "What they will do"],
    );
    for n in &s.safety_network {
        t.row(vec![
            or_not_recorded(&n.name),
            or_not_recorded(&n.relationship),
            or_not_recorded(&n.will_do),
        ]);
    }
    sec.sub("Safety network")
        .table_or(t, "No safety network recorded.");
}

fn parts(s: &Session, sec: &mut Section) {
    sec.list_or(
        s.part_lines(),
        "Everyone present was there for the whole of the conference, as the register shows.",
    );
}

fn pre_meeting(s: &Session, sec: &mut Section) {
    let pm = &s.pre_meeting;
    let topics = [
        (pm.explained_purpose, "the purpose of the conference"),
        (pm.explained_how_it_runs, "how it runs"),
        (pm.explained_how_to_contribute, "how to contribute"),
        (pm.explained_reports_shared, "the reports shared"),
        (
            pm.explained_supporter_advocate_solicitor,
            "bringing a supporter, advocate or solicitor",
        ),
        (pm.explained_complaints, "how to complain"),
    ];
    let pick = |done: bool| {
        let list: Vec<&str> = topics
            .iter()
            .filter(|(d, _)| *d == done)
            .map(|(_, t)| *t)
            .collect();
        if list.is_empty() {
            "(none)".to_string()
        } else {
            join_and(&list)
        }
    };
    sec.fields(vec![
        field("The chair explained", pick(true)),
        field("Not recorded as explained", pick(false)),
        field("Language", or_not_recorded(&pm.language)),
        field("Interpreter needed", yes_no(pm.interpreter_needed)),
        field("Advocate or supporter", words::or(&pm.advocate, "None")),
    ]);
    sec.sub("The parents' views")
        .para(or_not_recorded(&pm.parents_views));
}

fn attendance_cell(a: &Attendee) -> String {
    let mut times = Vec::new();
    if let Some(t) = a.joined_at {
        times.push(format!("joined {}", time(t)));
    }
    if let Some(t) = a.left_at {
        times.push(format!("left {}", time(t)));
    }
    if times.is_empty() {
        a.attendance.label().to_string()
    } else {
        format!("{} ({})", a.attendance.label(), times.join(", "))
    }
}

fn report_cell(a: &Attendee) -> String {
    match (a.report_received, a.report_shared_with_parents) {
        (true, true) => "Received; shared with parents".into(),
        (true, false) => "Received; not shared with parents".into(),
        (false, true) => "Shared with parents".into(),
        (false, false) => "None".into(),
    }
}

fn attendance(s: &Session, sec: &mut Section) {
    let mut t = Table::new(
        "Attendance register",
        &[
            "Name",
            "Role",
            "Agency",
            "Attendance",
            "Gives recommendation",
            "Report",
        ],
    );
    for a in &s.attendees {
        t.row(vec![
            s.attendee_name(&a.id),
            or_not_recorded(&a.role),
            format!("{} ({})", or_not_recorded(&a.agency), a.agency_kind.label()),
            attendance_cell(a),
            yes_no(a.gives_recommendation).into(),
            report_cell(a),
        ]);
    }
    sec.table_or(t, "No one is on the register.");
    let apologies: Vec<String> = s
        .attendees
        .iter()
        .filter(|a| matches!(a.attendance, Attendance::Apologies | Attendance::ReportOnly))
        .map(|a| format!("{} ({})", s.attendee_name(&a.id), a.attendance.label()))
        .collect();
    sec.sub("Apologies").list_or(apologies, "No apologies.");
    // Distinct from apologies: invited, and neither came nor sent word.
    let absent: Vec<String> = s
        .attendees
        .iter()
        .filter(|a| matches!(a.attendance, Attendance::DidNotAttend | Attendance::Invited))
        .map(|a| {
            let note = if a.attendance == Attendance::Invited {
                " (attendance not marked)"
            } else {
                ""
            };
            format!(
                "{} ({}){note}",
                s.attendee_name(&a.id),
                or_not_recorded(&a.agency)
            )
        })
        .collect();
    sec.sub("Invited but did not attend, without apologies")
        .list_or(absent, "None.");
    let os = &s.opening_statements;
    let given = |b: bool| if b { "given" } else { "not recorded as given" };
    let mut statements = vec![
        field("Confidentiality", given(os.confidentiality)),
        field("Equality", given(os.equality)),
        field("Professional difference", given(os.professional_difference)),
        field("Complaints", given(os.complaints)),
    ];
    statements.extend(
        os.local
            .iter()
            .map(|o| field(o.text.clone(), given(o.given))),
    );
    sec.sub("Opening statements").fields(statements);
}

fn exclusions(s: &Session, sec: &mut Section) {
    if s.pre_meeting.exclusions.is_empty() {
        sec.para("No one was excluded and no one attended separately.");
        return;
    }
    for e in &s.pre_meeting.exclusions {
        let who = e
            .person
            .as_ref()
            .map(|p| s.attendee_name(p))
            .unwrap_or_else(|| "(person not recorded)".into());
        let kind = if e.separate_attendance {
            "separate attendance"
        } else {
            "exclusion"
        };
        sec.sub(format!("{who}: {kind}")).fields(vec![
            field("Grounds", or_not_recorded(&e.grounds)),
            field("Which part", or_not_recorded(&e.which_part)),
        ]);
    }
}

fn reports(s: &Session, sec: &mut Section) {
    let names = |f: &dyn Fn(&Attendee) -> bool| -> Vec<String> {
        s.attendees
            .iter()
            .filter(|a| f(a))
            .map(|a| {
                format!(
                    "{} ({})",
                    s.attendee_name(&a.id),
                    or_not_recorded(&a.agency)
                )
            })
            .collect()
    };
    sec.sub("Shared with the parents").list_or(
        names(&|a| a.report_shared_with_parents),
        "No reports were shared with the parents.",
    );
    sec.sub("Received but not shared with the parents").list_or(
        names(&|a| a.report_received && !a.report_shared_with_parents),
        "None.",
    );
}

fn quorum(s: &Session, rules: &Config, sec: &mut Section) {
    let rule: &QuorumRule = &rules.quorum;
    let q = s.quorum_with(rule);
    sec.para(format!("From the register: {}", q.summary()));
    // Quorum is counted at each moment the chair decided: someone who had
    // left by then does not count.
    let mut times: Vec<_> = s.decisions.iter().filter_map(|d| d.decided_at).collect();
    times.sort();
    times.dedup();
    let mut inquorate = !q.is_quorate();
    for t in &times {
        let at = s.quorum_at(rule, *t);
        inquorate |= !at.is_quorate();
        let mut line = format!("At the decision ({}): {}", time(*t), at.summary());
        if !at.not_counted.is_empty() {
            line.push_str(&format!(". {}", at.not_counted_line()));
        }
        sec.para(line);
    }
    if times.is_empty() {
        sec.para(
            "The time of the decision is not recorded, so quorum at the decision is not known.",
        );
    }
    if inquorate || s.was_inquorate() {
        let reconvene = s
            .inquorate
            .reconvene_date
            .map(long_date)
            .unwrap_or_else(|| match s.setup.date {
                Some(d) => format!(
                    "not yet set: due by {} ({} working days after the conference)",
                    long_date(crate::dates::reconvene_by(
                        &rules.calendar(),
                        &rules.timescales,
                        d
                    )),
                    rules.timescales.reconvene_working_days
                ),
                None => NOT_RECORDED.into(),
            });
        sec.fields(vec![
            field(
                "Why the conference went ahead",
                or_not_recorded(&s.inquorate_reason),
            ),
            field("Interim plan", or_not_recorded(&s.inquorate.interim_plan)),
            field("Reconvenes on", reconvene),
        ]);
    }
    if s.setup.previous_inquorate {
        sec.notice(
            "The family's previous conference was also inquorate: two inquorate conferences in a \
             row are not allowed.",
        );
    }
}

fn voices(s: &Session, rules: &Config, sec: &mut Section) {
    let houses = &rules.three_houses;
    if s.children.is_empty() {
        sec.para("No children recorded.");
    }
    for c in &s.children {
        sec.sub(s.child_name(&c.id));
        match s.child_voices.iter().find(|v| v.child == c.id) {
            Some(v) => {
                sec.fields(vec![field("How it was gathered", v.method.label())]);
                sec.para(or_not_recorded(&v.words));
                let three = [
                    (&houses.good_things, &v.good_things),
                    (&houses.worries, &v.worries),
                    (&houses.dreams, &v.dreams),
                ];
                if v.method == VoiceMethod::ThreeHouses
                    || three.iter().any(|(_, t)| !t.trim().is_empty())
                {
                    sec.fields(
                        three
                            .iter()
                            .map(|(name, text)| field(name.as_str(), or_not_recorded(text)))
                            .collect(),
                    );
                }
            }
            None => {
                sec.para(NOT_RECORDED);
            }
        }
    }
}

fn dangers(s: &Session, sec: &mut Section) {
    if s.danger_statements.is_empty() {
        sec.para("No danger statements recorded.");
    }
    for (i, d) in s.danger_statements.iter().enumerate() {
        sec.sub(format!(
            "Danger statement {} ({})",
            i + 1,
            s.children_label(&d.children)
        ))
        .fields(vec![
            field("Who is worried", or_not_recorded(&d.who_is_worried)),
            field("What about", or_not_recorded(&d.worry)),
            field("If nothing changes", or_not_recorded(&d.if_nothing_changes)),
            field("Dispute", words::or(&d.dispute, "None recorded")),
        ]);
    }
}

fn map_meta(s: &Session, m: &crate::model::MapItem) -> String {
    let mut meta = Vec::new();
    if let Some(by) = &m.said_by {
        meta.push(format!("said by {}", s.attendee_name(by)));
    }
    if !m.children.is_empty() {
        meta.push(format!("about {}", s.children_label(&m.children)));
    }
    if m.tag != Tag::None {
        meta.push(m.tag.label().to_string());
    }
    if m.from_last_conference {
        meta.push("carried from the last conference".into());
    }
    meta.join("; ")
}

fn map(s: &Session, sec: &mut Section) {
    if s.map_items.iter().any(|m| m.restricted) {
        sec.notice(
            "Items marked RESTRICTED are not shared with the family: they must never appear in \
             the family's copy or on a projected screen.",
        );
    }
    let columns = Column::ALL
        .iter()
        .map(|col| MapColumn {
            title: col.label().to_string(),
            items: s
                .map_items
                .iter()
                .filter(|m| m.column == *col)
                .map(|m| MapEntry {
                    text: or_not_recorded(&m.text),
                    meta: map_meta(s, m),
                    restricted: m.restricted,
                })
                .collect(),
            empty: "Nothing recorded.".into(),
        })
        .collect();
    sec.map(columns);
}

/// Today's scores for one child, with last time's beside them at a review.
/// `full` adds the agency column (the family copy leaves it out).
pub fn scaling_table(s: &Session, child: &ChildId, caption: String, full: bool) -> Table {
    let previous: Vec<_> = s
        .scaling
        .previous_scores
        .iter()
        .filter(|p| &p.child == child)
        .collect();
    let mut headers = vec!["Person"];
    if full {
        headers.push("Agency");
    }
    headers.push("Score");
    if !previous.is_empty() {
        headers.push("Last conference");
    }
    headers.push("Reason");
    let mut t = Table::new(caption, &headers);
    let mut used = vec![false; previous.len()];
    for sc in s.scaling.scores.iter().filter(|sc| &sc.child == child) {
        let name = s.attendee_name(&sc.person);
        let agency = s
            .attendee(&sc.person)
            .map(|a| or_not_recorded(&a.agency))
            .unwrap_or_default();
        let mut row = vec![name.clone()];
        if full {
            row.push(agency);
        }
        row.push(format!("{}/10", sc.score));
        if !previous.is_empty() {
            let last = previous
                .iter()
                .position(|p| p.person_name.trim() == name.trim())
                .map(|i| {
                    used[i] = true;
                    format!("{}/10", previous[i].score)
                });
            row.push(last.unwrap_or_else(|| "none".into()));
        }
        row.push(sc.reason.trim().to_string());
        t.row(row);
    }
    // Last time's scorers who did not score today still belong beside them.
    for (p, _) in previous.iter().zip(&used).filter(|(_, u)| !**u) {
        let mut row = vec![p.person_name.clone()];
        if full {
            row.push(p.agency.clone());
        }
        row.extend([
            "not scored today".into(),
            format!("{}/10", p.score),
            String::new(),
        ]);
        t.row(row);
    }
    t
}

/// "Scores from 3 to 8; the middle score is 5." for one child.
pub fn spread(s: &Session, child: &ChildId) -> Option<String> {
    let sp = crate::model::series::ScoreSpread::for_child(s, child)?;
    Some(format!(
        "Scores from {} to {}; the middle score is {}.",
        sp.lowest, sp.highest, sp.median
    ))
}

fn scaling(s: &Session, sec: &mut Section) {
    let question = if s.scaling.question.trim().is_empty() {
        DEFAULT_SCALING_QUESTION
    } else {
        s.scaling.question.trim()
    };
    sec.fields(vec![field("The question", question)]);
    if s.children.is_empty() {
        sec.para("No children recorded.");
    }
    for c in &s.children {
        let name = s.child_name(&c.id);
        sec.sub(name.clone());
        let t = scaling_table(s, &c.id, format!("Scaling for {name}"), true);
        sec.table_or(t, "No scores recorded.");
        if let Some(line) = spread(s, &c.id) {
            sec.para(line);
        }
    }
}

/// The actions of a goal as a table.
pub fn actions_table(s: &Session, goal: &crate::model::SafetyGoal, caption: String) -> Table {
    let mut t = Table::new(caption, &["What", "Who", "By when", "How we will know"]);
    for a in &goal.actions {
        t.row(vec![
            or_not_recorded(&a.what),
            or_not_recorded(&s.action_who(a)),
            words::action_when(a),
            or_not_recorded(&a.how_we_will_know),
        ]);
    }
    t
}

fn goals(s: &Session, sec: &mut Section) {
    if s.safety_goals.is_empty() {
        sec.para("No safety goals recorded.");
    }
    for (i, g) in s.safety_goals.iter().enumerate() {
        let answers: Vec<String> = g
            .danger_statements
            .iter()
            .filter_map(|id| s.danger_statements.iter().position(|d| &d.id == id))
            .map(|n| format!("danger statement {}", n + 1))
            .collect();
        sec.sub(format!("Safety goal {}", i + 1));
        let mut fields = vec![
            field("The parents will", or_not_recorded(&g.parents_will)),
            field(
                "The children will experience",
                or_not_recorded(&g.child_will_experience),
            ),
            field(
                "Professionals will see",
                or_not_recorded(&g.professionals_will_see),
            ),
        ];
        if !answers.is_empty() {
            fields.push(field("Answers", join_and(&answers)));
        }
        sec.fields(fields);
        sec.table_or(
            actions_table(s, g, format!("Actions for safety goal {}", i + 1)),
            "No actions recorded.",
        );
    }
}

fn recommendations(s: &Session, sec: &mut Section) {
    if s.children.is_empty() {
        sec.para("No children recorded.");
    }
    for c in &s.children {
        let name = s.child_name(&c.id);
        sec.sub(name.clone());
        let mut t = Table::new(
            format!("Recommendations for {name}"),
            &[
                "Professional",
                "Agency",
                "Recommendation",
                "Categories",
                "Reason",
            ],
        );
        for r in s.recommendations.iter().filter(|r| r.child == c.id) {
            t.row(vec![
                s.attendee_name(&r.professional),
                s.attendee(&r.professional)
                    .map(|a| or_not_recorded(&a.agency))
                    .unwrap_or_default(),
                r.outcome.label().into(),
                categories(&r.categories),
                r.reason.trim().to_string(),
            ]);
        }
        sec.table_or(t, "No recommendations recorded.");
        sec.para(tally_line(s, &c.id));
    }
}

/// "Tally: 3 child protection plan, 1 child in need plan, 0 no further action."
fn tally_line(s: &Session, child: &ChildId) -> String {
    let t = s.tally(child);
    let mut line = format!(
        "Tally: {} child protection plan, {} child in need plan, {} no further action",
        t.plan, t.child_in_need, t.no_further_action
    );
    if t.undecided > 0 {
        line.push_str(&format!(", {} not yet decided", t.undecided));
    }
    line.push('.');
    line
}

fn decision_for<'a>(s: &'a Session, child: &ChildId) -> Option<&'a Decision> {
    s.decisions.iter().find(|d| &d.child == child)
}

fn decisions(s: &Session, rules: &Config, sec: &mut Section) {
    if s.children.is_empty() {
        sec.para("No children recorded.");
    }
    for c in &s.children {
        sec.sub(s.child_name(&c.id));
        let Some(d) = decision_for(s, &c.id) else {
            sec.para("No decision recorded.");
            continue;
        };
        let mut fields = vec![field("Outcome", rules.outcomes.name(d.outcome))];
        if !d.categories.is_empty() {
            fields.push(field("Categories", categories(&d.categories)));
        }
        fields.push(field(
            "Differs from the recommendations",
            yes_no(d.differs_from_recommendations),
        ));
        fields.push(field("Rationale", or_not_recorded(&d.rationale)));
        fields.push(field(
            "Decided at",
            d.decided_at.map(time).unwrap_or(NOT_RECORDED.into()),
        ));
        sec.fields(fields);
        if d.dissents.is_empty() {
            sec.para("No dissent recorded.");
        }
        for x in &d.dissents {
            let who = x
                .who
                .as_ref()
                .map(|a| s.attendee_name(a))
                .unwrap_or_else(|| "(person not recorded)".into());
            sec.fields(vec![field(
                format!("Dissent: {who}"),
                or_not_recorded(&x.why),
            )]);
        }
    }
}

fn plan(s: &Session, sec: &mut Section) {
    if s.children.is_empty() {
        sec.para("No children recorded.");
    }
    for c in &s.children {
        sec.sub(s.child_name(&c.id));
        let Some(d) = decision_for(s, &c.id) else {
            sec.para("No decision recorded.");
            continue;
        };
        let p = &d.plan;
        let has_details = p.lead_social_worker.is_some()
            || !p.core_group.is_empty()
            || p.first_core_group.is_some()
            || p.review_date.is_some();
        if d.outcome != Outcome::ChildProtectionPlan && !has_details {
            sec.para("No child protection plan.");
            continue;
        }
        let core: Vec<String> = p.core_group.iter().map(|a| s.attendee_name(a)).collect();
        sec.fields(vec![
            field(
                "Lead social worker",
                p.lead_social_worker
                    .as_ref()
                    .map(|a| s.attendee_name(a))
                    .unwrap_or(NOT_RECORDED.into()),
            ),
            field(
                "Core group",
                if core.is_empty() {
                    NOT_RECORDED.into()
                } else {
                    core.join(", ")
                },
            ),
            field(
                "First core group",
                date_or(p.first_core_group, NOT_RECORDED),
            ),
            field("Review conference", date_or(p.review_date, NOT_RECORDED)),
        ]);
    }
}

fn chair_summary(s: &Session, sec: &mut Section) {
    sec.fields(vec![
        field("Risks", or_not_recorded(&s.chair_summary.risks)),
        field("Strengths", or_not_recorded(&s.chair_summary.strengths)),
    ]);
}

fn child_in_need(s: &Session, sec: &mut Section) {
    let mut any = false;
    for c in &s.children {
        let Some(d) = decision_for(s, &c.id) else {
            continue;
        };
        let cin = &d.child_in_need;
        if d.outcome != Outcome::ChildInNeed
            && cin.review_date.is_none()
            && cin.next_steps.trim().is_empty()
        {
            continue;
        }
        any = true;
        sec.sub(s.child_name(&c.id)).fields(vec![
            field("Review", date_or(cin.review_date, NOT_RECORDED)),
            field("Next steps", or_not_recorded(&cin.next_steps)),
        ]);
    }
    if !any {
        sec.para("No child in need plan.");
    }
}

fn timings(s: &Session, sec: &mut Section) {
    // Pure: an open stage is counted up to the last save, not the clock.
    let now = s.updated_at;
    let day = s.setup.date;
    let when = |t: &crate::model::Timestamp| {
        if Some(t.date_naive()) == day {
            time(t.time())
        } else {
            stamp(t)
        }
    };
    let mut t = Table::new(
        "Stage timings",
        &["Stage", "Started", "Ended", "Time spent"],
    );
    for v in &s.stage_visits {
        let spent = v.ended_at.unwrap_or(now) - v.started_at;
        t.row(vec![
            format!("{}. {}", v.stage.number(), v.stage.title()),
            when(&v.started_at),
            v.ended_at
                .as_ref()
                .map(when)
                .unwrap_or_else(|| "still open at the last save".into()),
            duration(spent),
        ]);
    }
    sec.table_or(t, "No stage timings recorded.");
    let totals: Vec<String> = Stage::ALL
        .iter()
        .filter(|st| s.stage_visited(**st))
        .map(|st| format!("{}: {}", st.title(), duration(s.time_in_stage(*st, now))))
        .collect();
    if !totals.is_empty() {
        sec.sub("Time per stage").list_or(totals, "");
    }
    if let Some(total) = s.meeting_time(now) {
        sec.para(format!(
            "Time in the meeting (every stage after setup): {}.",
            duration(total)
        ));
    }
}

fn addenda(s: &Session, sec: &mut Section) {
    let mut t = Table::new("Addenda", &["When", "By", "What", "Why"]);
    for a in &s.addenda {
        t.row(vec![
            stamp(&a.at),
            or_not_recorded(&a.by),
            or_not_recorded(&a.what),
            or_not_recorded(&a.why),
        ]);
    }
    sec.table_or(t, "No addenda.");
}

fn finalisation(s: &Session, sec: &mut Section) {
    match (&s.finalised, s.is_finalised()) {
        (Some(f), true) => {
            sec.para(format!(
                "Finalised by {} on {}. Later changes are made only as dated addenda.",
                or_not_recorded(&f.by),
                stamp(&f.at)
            ));
        }
        (None, true) => {
            sec.para("Finalised (who and when not recorded).");
        }
        _ => {
            sec.notice(draft_notice());
        }
    }
}
