//! The record's opening: the conference's details, the family, the
//! pre-meeting, who was there (and for which parts), the reports and
//! whether the conference was quorate.

use crate::config::{Config, QuorumRule};
use crate::model::{Attendance, Attendee, Choice, Gender, Session};

use crate::export::doc::{Section, Table, field};
use crate::export::words::{
    self, NOT_RECORDED, date_or, join_and, long_date, or_not_recorded, time, yes_no,
};

pub(super) fn details(s: &Session, sec: &mut Section) {
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

pub(super) fn family_details(s: &Session, sec: &mut Section) {
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

pub(super) fn parts(s: &Session, sec: &mut Section) {
    sec.list_or(
        s.part_lines(),
        "Everyone present was there for the whole of the conference, as the register shows.",
    );
}

pub(super) fn pre_meeting(s: &Session, sec: &mut Section) {
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

pub(super) fn attendance_cell(a: &Attendee) -> String {
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

pub(super) fn report_cell(a: &Attendee) -> String {
    match (a.report_received, a.report_shared_with_parents) {
        (true, true) => "Received; shared with parents".into(),
        (true, false) => "Received; not shared with parents".into(),
        (false, true) => "Shared with parents".into(),
        (false, false) => "None".into(),
    }
}

pub(super) fn attendance(s: &Session, sec: &mut Section) {
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
    if !os.notes.trim().is_empty() {
        statements.push(field("Notes", os.notes.clone()));
    }
    sec.sub("Opening statements").fields(statements);
}

pub(super) fn exclusions(s: &Session, sec: &mut Section) {
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

pub(super) fn reports(s: &Session, sec: &mut Section) {
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

pub(super) fn quorum(s: &Session, rules: &Config, sec: &mut Section) {
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
