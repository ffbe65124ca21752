//! One person of the attendance register typed as one line:
//! `name, role, agency, agency kind, gives recommendation, attendance`.
//! Everything after the name may be left off.

use crate::model::{AgencyKind, Attendance, Choice};

/// A person to add to the register, read from a typed line or a CSV row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAttendee {
    pub name: String,
    pub role: String,
    pub agency: String,
    pub agency_kind: AgencyKind,
    pub gives_recommendation: bool,
    /// True when the line left "gives recommendation" off and it was
    /// assumed from the agency kind: the register then gives an agency
    /// one voice (see `Session::voice_of_agency`).
    pub recommendation_assumed: bool,
    /// How they took part, when the typed line ends with it ("apologies",
    /// "report only"); an invitation list never says.
    pub attendance: Option<Attendance>,
}

/// Words that name an agency kind besides its label, as chairs and
/// invitation lists write them.
const WORDS: &[(AgencyKind, &[&str])] = &[
    (
        AgencyKind::ChildrensSocialCare,
        &[
            "csc",
            "social care",
            "childrens social care",
            "childrens services",
            "social services",
            "social work",
            "social worker",
            "local authority",
        ],
    ),
    (AgencyKind::Police, &["police", "constabulary"]),
    (
        AgencyKind::Health,
        &[
            "health",
            "nhs",
            "gp",
            "health visitor",
            "nurse",
            "school nurse",
            "midwife",
            "hospital",
            "camhs",
            "paediatrician",
            "doctor",
            "surgery",
            "medical centre",
            "medical practice",
            // So that a "Primary Care Network" is not guessed a school.
            "primary care",
        ],
    ),
    (
        AgencyKind::Education,
        &[
            "education",
            "school",
            "college",
            "nursery",
            "academy",
            "teacher",
            "primary",
            "secondary",
        ],
    ),
    (AgencyKind::Probation, &["probation"]),
    (AgencyKind::Housing, &["housing", "housing association"]),
    (
        AgencyKind::Voluntary,
        &["voluntary", "voluntary sector", "charity"],
    ),
    (
        AgencyKind::Family,
        &[
            "family",
            "family member",
            "parent",
            "mother",
            "father",
            "mum",
            "dad",
            "grandparent",
            "relative",
        ],
    ),
    (AgencyKind::Supporter, &["supporter", "friend"]),
    (AgencyKind::Advocate, &["advocate", "advocacy"]),
    (AgencyKind::Interpreter, &["interpreter", "translator"]),
    (
        AgencyKind::Solicitor,
        &["solicitor", "lawyer", "legal representative"],
    ),
    (
        AgencyKind::Chair,
        &["chair", "minute taker", "minutes", "independent chair"],
    ),
    (AgencyKind::Other, &["other", "other agency"]),
];

/// Lower case, apostrophes and the punctuation in labels dropped, spaces
/// single: "Children's social care" and "childrens  Social care" match.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\'' | '’' | '/' | '.'))
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every name an agency kind answers to: its label and its common words.
fn names(kind: AgencyKind) -> Vec<String> {
    let mut all = vec![plain(kind.label())];
    if let Some((_, words)) = WORDS.iter().find(|(k, _)| *k == kind) {
        all.extend(words.iter().map(|w| plain(w)));
    }
    all
}

/// The agency kinds what is typed so far could mean, for type-ahead as
/// the chair types: a kind one of whose names ("Children's social care",
/// "csc", "social care", "school", "nhs" ...) is typed in full comes
/// alone; otherwise every kind with a name or a word of one that starts
/// with it ("pol", "edu"), in the kinds' order. Nothing typed: none.
pub fn agency_kind_matches(typed: &str) -> Vec<AgencyKind> {
    let t = plain(typed);
    if t.is_empty() {
        return Vec::new();
    }
    let kinds = AgencyKind::ALL.iter().copied();
    let exact: Vec<AgencyKind> = kinds.clone().filter(|k| names(*k).contains(&t)).collect();
    if exact.len() == 1 {
        return exact;
    }
    kinds
        .filter(|k| {
            names(*k)
                .iter()
                .any(|n| n.starts_with(&t) || n.split(' ').any(|w| w.starts_with(&t)))
        })
        .collect()
}

/// Chooses an agency kind by type-ahead (see `agency_kind_matches`):
/// "health", "police", "school" (Education), "csc" or "social care"
/// (Children's social care), "pol", "edu". Several kinds still possible,
/// or none, is an error that says what to type.
pub fn agency_kind(typed: &str) -> Result<AgencyKind, String> {
    if plain(typed).is_empty() {
        return Err("no agency kind typed".into());
    }
    let matches = agency_kind_matches(typed);
    match matches[..] {
        [one] => Ok(one),
        [] => Err(format!(
            "\"{}\" is not an agency kind: type one of {}",
            typed.trim(),
            all_labels()
        )),
        _ => Err(format!(
            "\"{}\" could be {}: type more of it",
            typed.trim(),
            matches
                .iter()
                .map(|k| k.label())
                .collect::<Vec<_>>()
                .join(" or ")
        )),
    }
}

fn all_labels() -> String {
    AgencyKind::ALL
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads "yes"/"no" as a CSV or a typed line writes it: y, yes, true, 1,
/// x; n, no, false, 0 or nothing.
pub fn yes_no(typed: &str) -> Result<bool, String> {
    match plain(typed).as_str() {
        "y" | "yes" | "true" | "1" | "x" => Ok(true),
        "" | "n" | "no" | "false" | "0" => Ok(false),
        _ => Err(format!(
            "\"{}\" is not yes or no: type y or n",
            typed.trim()
        )),
    }
}

/// Builds a person from the parts of a row, already split: name, role,
/// agency, agency kind, gives recommendation (the last four may be empty
/// or absent), as an invitation list gives them: an empty "gives
/// recommendation" is no. With no agency kind given it is guessed (see
/// `guess_kind`), else "Other agency".
pub fn from_parts(parts: &[&str]) -> Result<NewAttendee, String> {
    read_parts(parts, Recommends::NoUnlessSaid)
}

/// What an empty "gives recommendation" means.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Recommends {
    /// An invitation list says it in its own column.
    NoUnlessSaid,
    /// A typed line: a professional from a known agency gives one (the
    /// chair asks every agency), unless the line ends with `n`.
    AgencyUnlessSaid,
}

fn read_parts(parts: &[&str], default: Recommends) -> Result<NewAttendee, String> {
    if parts.len() > 5 {
        return Err(format!(
            "{} parts where at most 5 are read: name, role, agency, agency kind, gives recommendation",
            parts.len()
        ));
    }
    // Each part is one line on screen: a line break in a cell is a space.
    let owned: Vec<String> = parts
        .iter()
        .map(|p| p.trim().replace(['\r', '\n'], " "))
        .collect();
    let part = |i: usize| owned.get(i).map(String::as_str).unwrap_or("");
    let name = part(0);
    if name.is_empty() {
        return Err("a person needs a name first".into());
    }
    let (role, agency) = (part(1), part(2));
    let (agency_kind, known) = match part(3) {
        "" => match guess_kind(agency, role) {
            Some(kind) => (kind, true),
            None => (AgencyKind::Other, false),
        },
        typed => (agency_kind(typed)?, true),
    };
    let assumed = part(4).is_empty() && default == Recommends::AgencyUnlessSaid;
    let gives_recommendation = match assumed {
        true => known && agency_kind.is_agency(),
        false => yes_no(part(4))?,
    };
    Ok(NewAttendee {
        name: name.into(),
        role: role.into(),
        agency: agency.into(),
        agency_kind,
        gives_recommendation,
        recommendation_assumed: assumed,
        attendance: None,
    })
}

/// Reads one typed register line:
/// `name, role, agency[, agency kind][, y or n]`, e.g. `Sam Social, Social
/// worker, Children's Services`. Commas separate the parts, so none of them
/// can hold one. The kind may be left off when the agency or role gives it
/// away; a person from an agency gives a recommendation unless the line
/// ends with `n`, so `Dr Lee, GP, Oak Surgery, n` is a GP who does not.
/// A last part naming an attendance sets it: `Dr Lee, GP, Oak Surgery, n,
/// report only`.
pub fn parse_row(line: &str) -> Result<NewAttendee, String> {
    let mut parts: Vec<&str> = line.split(',').collect();
    // After the agency, a last part that says how they took part. Straight
    // after a y or n it can be nothing else, so its first letters do
    // ("r" for report only); elsewhere it could be a kind: whole words.
    let after_yes_no = parts.len() >= 5 && yes_no(parts[parts.len() - 2]).is_ok();
    let attendance = match parts.len() {
        4.. => attendance_word(parts[parts.len() - 1], after_yes_no),
        _ => None,
    };
    if attendance.is_some() {
        parts.pop();
    }
    // Four parts whose last is a yes or no: the kind was left off.
    if parts.len() == 4 && !parts[3].trim().is_empty() && yes_no(parts[3]).is_ok() {
        parts.insert(3, "");
    }
    let mut row = read_parts(&parts, Recommends::AgencyUnlessSaid)?;
    row.attendance = attendance;
    Ok(row)
}

/// The attendance a register row's last part names, written as chairs
/// and minute takers write it: the labels, or "report", "sent apologies",
/// "did not attend", "dna". Whole words only, so that nothing typed as an
/// agency kind is read as one, unless `first_letters`: then the start of
/// one word alone ("r", "apol") names it.
fn attendance_word(typed: &str, first_letters: bool) -> Option<Attendance> {
    let t = plain(typed);
    let words: &[(Attendance, &[&str])] = &[
        (Attendance::Present, &["present"]),
        (Attendance::Apologies, &["apologies", "sent apologies"]),
        (Attendance::ReportOnly, &["report only", "report"]),
        (Attendance::JoinedLate, &["joined late"]),
        (Attendance::LeftEarly, &["left early"]),
        (
            Attendance::DidNotAttend,
            &["did not attend", "dna", "no show"],
        ),
    ];
    let whole = words
        .iter()
        .find(|(_, names)| names.contains(&t.as_str()))
        .map(|(a, _)| *a);
    if whole.is_some() || !first_letters || t.is_empty() {
        return whole;
    }
    let starting: Vec<Attendance> = words
        .iter()
        .filter(|(_, names)| names.iter().any(|n| n.starts_with(&t)))
        .map(|(a, _)| *a)
        .collect();
    match starting[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// The agency kind a person's agency gives away ("Oak School" is
/// Education), or failing that their role ("Mother" is Family, "Health
/// visitor" Health).
pub fn guess_kind(agency: &str, role: &str) -> Option<AgencyKind> {
    guess_from_agency(agency).or_else(|| guess_from_agency(role))
}

/// The agency kind a name gives away, when exactly one kind has a word in
/// it ("Oak School" is Education; "Police" is Police; "Mother" is Family).
pub fn guess_from_agency(agency: &str) -> Option<AgencyKind> {
    let a = format!(" {} ", plain(agency));
    let found: Vec<AgencyKind> = AgencyKind::ALL
        .iter()
        .copied()
        .filter(|k| *k != AgencyKind::Other)
        .filter(|k| names(*k).iter().any(|n| a.contains(&format!(" {n} "))))
        .collect();
    match found[..] {
        [one] => Some(one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_kinds_by_their_common_words() {
        for (typed, kind) in [
            ("health", AgencyKind::Health),
            ("Health", AgencyKind::Health),
            ("NHS", AgencyKind::Health),
            ("police", AgencyKind::Police),
            ("pol", AgencyKind::Police),
            ("school", AgencyKind::Education),
            ("edu", AgencyKind::Education),
            ("csc", AgencyKind::ChildrensSocialCare),
            ("social care", AgencyKind::ChildrensSocialCare),
            ("Children's social care", AgencyKind::ChildrensSocialCare),
            ("childrens", AgencyKind::ChildrensSocialCare),
            ("prob", AgencyKind::Probation),
            ("housing", AgencyKind::Housing),
            ("charity", AgencyKind::Voluntary),
            ("family", AgencyKind::Family),
            ("mum", AgencyKind::Family),
            ("advocate", AgencyKind::Advocate),
            ("supporter", AgencyKind::Supporter),
            ("interpreter", AgencyKind::Interpreter),
            ("solicitor", AgencyKind::Solicitor),
            ("minute taker", AgencyKind::Chair),
            ("other", AgencyKind::Other),
        ] {
            assert_eq!(agency_kind(typed), Ok(kind), "{typed}");
        }
    }

    #[test]
    fn type_ahead_narrows_as_letters_come() {
        assert_eq!(
            agency_kind_matches("c"),
            [
                AgencyKind::ChildrensSocialCare,
                AgencyKind::Police,
                AgencyKind::Health,
                AgencyKind::Education,
                AgencyKind::Voluntary,
                AgencyKind::Chair
            ]
        );
        assert_eq!(
            agency_kind_matches("ch"),
            [
                AgencyKind::ChildrensSocialCare,
                AgencyKind::Voluntary,
                AgencyKind::Chair
            ]
        );
        assert_eq!(
            agency_kind_matches("chi"),
            [AgencyKind::ChildrensSocialCare]
        );
        assert!(agency_kind_matches("").is_empty());
        assert!(agency_kind_matches("zz").is_empty());
    }

    #[test]
    fn an_agency_kind_that_could_be_several_or_none_says_so() {
        let e = agency_kind("c").unwrap_err();
        assert!(
            e.contains("could be") && e.contains("Children's social care"),
            "{e}"
        );
        let e = agency_kind("fire brigade").unwrap_err();
        assert!(
            e.contains("not an agency kind") && e.contains("Police"),
            "{e}"
        );
    }

    #[test]
    fn a_whole_row() {
        assert_eq!(
            parse_row("Sam Social, Social worker, Children's Services, csc"),
            Ok(NewAttendee {
                name: "Sam Social".into(),
                role: "Social worker".into(),
                agency: "Children's Services".into(),
                agency_kind: AgencyKind::ChildrensSocialCare,
                // Typed: an agency gives one unless the row ends with n.
                gives_recommendation: true,
                recommendation_assumed: true,
                attendance: None,
            })
        );
        let p = parse_row("Priya Nurse, Health visitor, NHS Trust, health, y").unwrap();
        assert_eq!(p.agency_kind, AgencyKind::Health);
        assert!(p.gives_recommendation);
    }

    #[test]
    fn a_typed_row_guesses_the_kind_and_the_recommendation() {
        // The kind from the agency, else the role.
        let p = parse_row("Rachel Okoye, Social worker, Kelbridge Children's Services").unwrap();
        assert_eq!(p.agency_kind, AgencyKind::ChildrensSocialCare);
        assert!(p.gives_recommendation);
        let p = parse_row("Claire Ashcombe, Mother,").unwrap();
        assert_eq!(p.agency_kind, AgencyKind::Family);
        assert!(!p.gives_recommendation, "family never recommend");
        let p = parse_row("Dr Shah, GP, Millbrook Surgery").unwrap();
        assert_eq!(p.agency_kind, AgencyKind::Health);
        // A last y or n with the kind left off says it.
        let p = parse_row("Dr Shah, GP, Millbrook Surgery, n").unwrap();
        assert_eq!(p.agency_kind, AgencyKind::Health);
        assert!(!p.gives_recommendation);
        // Nothing gives the kind away: Other agency, and no recommendation
        // taken for granted.
        let p = parse_row("Sam Smith, Manager, Acme Ltd").unwrap();
        assert_eq!(p.agency_kind, AgencyKind::Other);
        assert!(!p.gives_recommendation);
        // An invitation list's empty column stays no.
        let p = from_parts(&["Rachel Okoye", "Social worker", "Children's Services"]).unwrap();
        assert!(!p.gives_recommendation);
        // A primary school is a school; a primary care network is not.
        assert_eq!(guess_kind("Oak Primary", ""), Some(AgencyKind::Education));
        assert_eq!(guess_kind("Kelbridge Primary Care Network", ""), None);
    }

    #[test]
    fn trailing_parts_may_be_left_off() {
        let p = parse_row("Dana Testwood").unwrap();
        assert_eq!((p.role.as_str(), p.agency.as_str()), ("", ""));
        assert_eq!(p.agency_kind, AgencyKind::Other);
        // The kind guessed from the agency's name when one kind fits it.
        let p = parse_row("Tom Teacher, DSL, Oak School").unwrap();
        assert_eq!(p.agency_kind, AgencyKind::Education);
        let p = parse_row("Officer Lee, DC, Kelbridge Police").unwrap();
        assert_eq!(p.agency_kind, AgencyKind::Police);
        // A trailing comma is an empty part, not an error.
        assert_eq!(
            parse_row("Jo Advocate, Advocate,").unwrap().role,
            "Advocate"
        );
    }

    #[test]
    fn a_row_may_end_with_how_they_took_part() {
        let p = parse_row("Dr Imran Shah,GP,Millbrook Surgery,n,report").unwrap();
        assert_eq!(p.attendance, Some(Attendance::ReportOnly));
        assert_eq!(p.agency_kind, AgencyKind::Health);
        assert!(!p.gives_recommendation);
        let p = parse_row("Sam Smith, Teacher, Oak School, apologies").unwrap();
        assert_eq!(p.attendance, Some(Attendance::Apologies));
        assert!(p.gives_recommendation);
        let p = parse_row("Sam Smith, Teacher, Oak School, health, y, DNA").unwrap();
        assert_eq!(
            (p.agency_kind, p.attendance),
            (AgencyKind::Health, Some(Attendance::DidNotAttend))
        );
        // Only after the agency: a role or agency that reads as one stays.
        let p = parse_row("Jo Bloggs, Present, Acme").unwrap();
        assert_eq!((p.role.as_str(), p.attendance), ("Present", None));
        assert_eq!(parse_row("Jo Bloggs, Mother").unwrap().attendance, None);
    }

    #[test]
    fn after_a_yes_or_no_its_first_letters_say_how_they_took_part() {
        for (typed, attendance) in [
            ("r", Attendance::ReportOnly),
            ("rep", Attendance::ReportOnly),
            ("apol", Attendance::Apologies),
            ("d", Attendance::DidNotAttend),
            ("j", Attendance::JoinedLate),
        ] {
            let p =
                parse_row(&format!("Dr Imran Shah, GP, Millbrook Surgery, n, {typed}")).unwrap();
            assert_eq!(p.attendance, Some(attendance), "{typed}");
            assert!(!p.gives_recommendation);
        }
        // Where the part could still be a kind ("r" starts "relative"),
        // only a whole word is read as how they took part.
        let p = parse_row("Dr Imran Shah, GP, Millbrook Surgery, r");
        assert!(p.map(|p| p.attendance).unwrap_or(None).is_none());
        // Letters that fit none, or more than one, are not read as one.
        assert!(parse_row("A B, Teacher, Oak School, y, zz").is_err());
    }

    #[test]
    fn bad_rows_say_why() {
        assert_eq!(
            parse_row(" , Social worker"),
            Err("a person needs a name first".into())
        );
        assert!(
            parse_row("A, B, C, D, y, extra")
                .unwrap_err()
                .contains("6 parts")
        );
        assert!(
            parse_row("A, B, C, health, maybe")
                .unwrap_err()
                .contains("not yes or no")
        );
        assert!(
            parse_row("A, B, C, fire")
                .unwrap_err()
                .contains("not an agency kind")
        );
    }
}
