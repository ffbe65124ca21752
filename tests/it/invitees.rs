//! `cpconf new --invitees FILE`: the invitation list read into the
//! register, every person "invited"; one bad row refuses the whole file
//! with its line, and nothing is created.

use std::path::Path;

use crate::pty::Sandbox;
use cpconf::model::{AgencyKind, Attendance};
use cpconf::register::parse_invitees;

const GOOD: &str = "\
Name,Role,Agency,Agency kind,Gives recommendation
Sam Social,Social worker,Children's Services,csc,y
Priya Nurse,Health visitor,NHS Trust,health,yes
Tom Teacher,Designated safeguarding lead,Oak School,school,y
Officer Lee,Detective constable,Kelbridge Police,police,y
Dana Testwood,Mother,,family,n
";

fn arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn a_good_list_gives_every_person_invited_with_their_agency_kind() {
    let people = parse_invitees(GOOD.as_bytes()).unwrap();
    assert_eq!(people.len(), 5);
    let kinds: Vec<AgencyKind> = people.iter().map(|p| p.agency_kind).collect();
    assert_eq!(
        kinds,
        [
            AgencyKind::ChildrensSocialCare,
            AgencyKind::Health,
            AgencyKind::Education,
            AgencyKind::Police,
            AgencyKind::Family
        ]
    );
    assert_eq!(people.iter().filter(|p| p.gives_recommendation).count(), 4);
    assert_eq!(people[2].role, "Designated safeguarding lead");

    let mut s = cpconf::model::Session::new("s".into(), chrono::Local::now().fixed_offset());
    cpconf::register::add_invitees(&mut s, people);
    assert_eq!(s.attendees.len(), 5);
    assert!(
        s.attendees
            .iter()
            .all(|a| a.attendance == Attendance::Invited)
    );
    assert_eq!(s.attendees[4].name, "Dana Testwood");
}

#[test]
fn a_byte_order_mark_quoted_commas_and_odd_unicode_names_are_read() {
    let text = "\u{feff}name,role,agency\n\
        \"Okafor, Chidi\",\"Paediatrician, community\",NHS Trust\n\
        Zoë Ñúñez-Łukasz 🌱,Advocate,\"Voice, for Children\"\n\
        محمد العلي,Interpreter,\n\
        \"Line\nbreak\",,\n";
    let people = parse_invitees(text.as_bytes()).unwrap();
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Okafor, Chidi",
            "Zoë Ñúñez-Łukasz 🌱",
            "محمد العلي",
            "Line break"
        ]
    );
    assert_eq!(people[0].role, "Paediatrician, community");
    assert_eq!(
        people[0].agency_kind,
        AgencyKind::Health,
        "guessed from NHS Trust"
    );
    assert_eq!(people[1].agency, "Voice, for Children");
}

#[test]
fn every_kind_of_bad_list_says_which_line_and_why() {
    let cases: &[(&str, &str)] = &[
        ("", "the file is empty"),
        ("\n  \n", "the file is empty"),
        ("\u{feff}", "the file is empty"),
        ("name,role\n", "no people in it"),
        (
            "Sam Social,Social worker,Children's Services\n",
            "line 1: unknown column \"Sam Social\" (the first line must be a header row",
        ),
        (
            "role,agency\nSocial worker,CSC\n",
            "line 1: no \"name\" column",
        ),
        (
            "name,agnecy\nSam,CSC\n",
            "line 1: unknown column \"agnecy\"",
        ),
        (
            "name,name\nSam,Sam\n",
            "line 1: the column \"name\" is named twice",
        ),
        (
            "name,role\nSam,SW\n,Health visitor\n",
            "line 3: a person needs a name first",
        ),
        (
            "name,agency kind\nSam,csc\nLee,fire brigade\n",
            "line 3: \"fire brigade\" is not an agency kind",
        ),
        ("name,agency kind\nSam,c\n", "line 2: \"c\" could be"),
        (
            "name,gives recommendation\nSam,perhaps\n",
            "line 2: \"perhaps\" is not yes or no",
        ),
        (
            "name,role\nSam,SW\nLee,DC,Police\n",
            "line 3: 3 cells where the header has 2",
        ),
        (
            "name,role\nSam,SW\n\nLee\n",
            "line 4: 1 cells where the header has 2",
        ),
    ];
    for (text, says) in cases {
        let e = parse_invitees(text.as_bytes()).unwrap_err();
        assert!(e.starts_with(says), "{text:?}: {e}");
        assert!(!e.contains('\n'), "one line: {e}");
    }
    let e = parse_invitees(b"name,role\nSam,\xff\xfe\n").unwrap_err();
    assert!(e.starts_with("line 2: not UTF-8 text"), "{e}");
}

#[test]
fn the_real_program_refuses_a_bad_list_naming_the_file_and_line_and_creates_nothing() {
    let sb = Sandbox::new();
    let list = sb.root.path().join("invitees.csv");
    std::fs::write(
        &list,
        "name,agency kind\nSam Social,csc\nLee,fire brigade\n",
    )
    .unwrap();
    let sessions = sb.root.path().join("fresh-sessions");
    let out = sb.run_plain(&["new", "--dir", arg(&sessions), "--invitees", arg(&list)]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!("cannot use invitees {}: line 3:", list.display()))
            && err.contains("fire brigade"),
        "{err}"
    );
    assert!(!sessions.exists(), "not even the sessions folder is made");
    // Into an existing folder: still no session file.
    let out = sb.run_plain(&[
        "new",
        "--dir",
        arg(&sb.sessions()),
        "--invitees",
        arg(&list),
    ]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read_dir(sb.sessions()).unwrap().count(), 0);
    // A list that is not there.
    let missing = sb.root.path().join("nope.csv");
    let out = sb.run_plain(&[
        "new",
        "--dir",
        arg(&sb.sessions()),
        "--invitees",
        arg(&missing),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot read invitees") && err.contains("nope.csv"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(sb.sessions()).unwrap().count(), 0);
}

#[test]
fn a_review_carries_its_people_forward_so_it_takes_no_invitation_list() {
    let sb = Sandbox::new();
    let list = sb.root.path().join("invitees.csv");
    std::fs::write(&list, GOOD).unwrap();
    let previous = sb.root.path().join("last.json");
    let out = sb.run_plain(&[
        "new",
        "--dir",
        arg(&sb.sessions()),
        "--invitees",
        arg(&list),
        "--review-of",
        arg(&previous),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot be used with"), "{err}");
    assert_eq!(std::fs::read_dir(sb.sessions()).unwrap().count(), 0);
}

#[test]
fn the_real_program_starts_a_conference_with_the_list_in_the_register() {
    let sb = Sandbox::new();
    let list = sb.root.path().join("invitees.csv");
    std::fs::write(&list, GOOD).unwrap();
    let dir = sb.sessions();
    let mut p = sb.spawn(
        &["new", "--dir", arg(&dir), "--invitees", arg(&list)],
        120,
        40,
    );
    p.wait_for("Kind of conference");
    p.keys("<PgDn><PgDn>");
    p.wait_for("Officer Lee");
    p.keys("<C-c>");
    assert!(p.wait_exit().success());

    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let s = cpconf::storage::load(&files[0]).unwrap().session;
    let names: Vec<&str> = s.attendees.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Sam Social",
            "Priya Nurse",
            "Tom Teacher",
            "Officer Lee",
            "Dana Testwood"
        ]
    );
    assert!(
        s.attendees
            .iter()
            .all(|a| a.attendance == Attendance::Invited)
    );
    assert!(s.attendees[0].gives_recommendation && !s.attendees[4].gives_recommendation);
}
