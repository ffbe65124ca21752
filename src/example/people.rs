//! The people on the register of both conferences.

use chrono::NaiveTime;

use super::CHAIR;
use super::build::time;
use crate::model::*;

/// The people on the register, by part, so records can refer to them.
pub(super) struct People {
    pub(super) mother: AttendeeId,
    pub(super) father: AttendeeId,
    pub(super) social_worker: AttendeeId,
    pub(super) school: AttendeeId,
    pub(super) health_visitor: AttendeeId,
    pub(super) gp: AttendeeId,
    pub(super) police: AttendeeId,
    pub(super) family_support: AttendeeId,
}

struct Person<'a> {
    name: &'a str,
    role: &'a str,
    agency: &'a str,
    kind: AgencyKind,
    attendance: Attendance,
    joined_at: Option<NaiveTime>,
    left_at: Option<NaiveTime>,
    gives_recommendation: bool,
    report: bool,
}

impl<'a> Person<'a> {
    fn new(name: &'a str, role: &'a str, agency: &'a str, kind: AgencyKind) -> Self {
        Person {
            name,
            role,
            agency,
            kind,
            attendance: Attendance::Present,
            joined_at: None,
            left_at: None,
            gives_recommendation: false,
            report: false,
        }
    }

    fn recommends(mut self) -> Self {
        self.gives_recommendation = true;
        self
    }

    fn with_report(mut self) -> Self {
        self.report = true;
        self
    }

    fn attending(mut self, attendance: Attendance) -> Self {
        self.attendance = attendance;
        self
    }

    fn between(mut self, joined: Option<NaiveTime>, left: Option<NaiveTime>) -> Self {
        self.joined_at = joined;
        self.left_at = left;
        self
    }

    fn add_to(self, s: &mut Session) -> AttendeeId {
        let id = s.add_attendee();
        let a = s.attendees.last_mut().expect("just added");
        a.name = self.name.into();
        a.role = self.role.into();
        a.agency = self.agency.into();
        a.agency_kind = self.kind;
        a.attendance = self.attendance;
        a.joined_at = self.joined_at;
        a.left_at = self.left_at;
        a.gives_recommendation = self.gives_recommendation;
        a.report_received = self.report;
        a.report_shared_with_parents = self.report;
        id
    }
}

// A list of people, one after another: read top to bottom, it is the register.
pub(super) fn register(s: &mut Session, review: bool) -> People {
    Person::new(
        CHAIR,
        "Independent Chair",
        "Kelbridge Safeguarding and Quality Assurance Unit",
        AgencyKind::Chair,
    )
    .add_to(s);
    let mother = Person::new(
        "Leanne Marchbank",
        "Mother of Kacey and Rory",
        "Family",
        AgencyKind::Family,
    )
    .add_to(s);
    let father = if review {
        Person::new(
            "Dean Fairlie",
            "Father of Kacey and Rory",
            "Family",
            AgencyKind::Family,
        )
        .add_to(s)
    } else {
        Person::new(
            "Dean Fairlie",
            "Father of Kacey and Rory (attended a separate part)",
            "Family",
            AgencyKind::Family,
        )
        .between(Some(time(11, 32)), Some(time(11, 50)))
        .add_to(s)
    };
    let social_worker = Person::new(
        "Hannah Brightwell",
        "Social worker (lead)",
        "Kelbridge Children's Services",
        AgencyKind::ChildrensSocialCare,
    )
    .recommends()
    .with_report()
    .add_to(s);
    let school = Person::new(
        "Tom Ashdown",
        "Deputy headteacher and designated safeguarding lead",
        "Brookside Primary School",
        AgencyKind::Education,
    )
    .recommends()
    .with_report()
    .add_to(s);
    let health_visitor = if review {
        Person::new(
            "Grace Ilori",
            "Health visitor",
            "Kelbridge Community Health 0-19 Service",
            AgencyKind::Health,
        )
    } else {
        Person::new(
            "Grace Ilori",
            "Health visitor",
            "Kelbridge Community Health 0-19 Service",
            AgencyKind::Health,
        )
        .attending(Attendance::JoinedLate)
        .between(Some(time(10, 15)), None)
    }
    .recommends()
    .with_report()
    .add_to(s);
    let gp = Person::new(
        "Dr Nadia Qureshi",
        "GP",
        "Millbrook Surgery",
        AgencyKind::Health,
    )
    .attending(if review {
        Attendance::Apologies
    } else {
        Attendance::ReportOnly
    })
    .with_report()
    .add_to(s);
    let police = if review {
        Person::new(
            "DC Sarah Whitlock",
            "Detective constable, public protection",
            "Kelbridge Police",
            AgencyKind::Police,
        )
        .attending(Attendance::ReportOnly)
        .with_report()
    } else {
        Person::new(
            "DC Sarah Whitlock",
            "Detective constable, public protection",
            "Kelbridge Police",
            AgencyKind::Police,
        )
        .recommends()
        .with_report()
    }
    .add_to(s);
    let family_support = if review {
        Person::new(
            "Josie Carver",
            "Family support worker",
            "Brightstart Family Support",
            AgencyKind::Voluntary,
        )
        .recommends()
        .with_report()
    } else {
        Person::new(
            "Josie Carver",
            "Family support worker",
            "Brightstart Family Support",
            AgencyKind::Voluntary,
        )
        .attending(Attendance::LeftEarly)
        .between(None, Some(time(11, 30)))
    }
    .add_to(s);
    Person::new(
        "Maya Ferris",
        "Advocate for Leanne",
        "Kelbridge Parents' Advocacy Service",
        AgencyKind::Advocate,
    )
    .add_to(s);
    Person::new(
        "Owen Pryce",
        "Minute taker",
        "Kelbridge Safeguarding and Quality Assurance Unit",
        AgencyKind::Chair,
    )
    .add_to(s);
    People {
        mother,
        father,
        social_worker,
        school,
        health_visitor,
        gp,
        police,
        family_support,
    }
}
