//! `cpconf census`: the child protection fields of the Children in Need
//! census (England), one row per child with a plan in every finalised
//! session, under the field names the census guidance uses.
//!
//! Building the rows is pure (`build` takes loaded sessions); `run` reads
//! the folder and writes stdout and stderr.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::config::Config;
use crate::dates::icpc_deadline;
use crate::model::{Category, Child, ConferenceKind, Outcome, Session};

/// The columns, as the census guidance names them.
pub const COLUMNS: [&str; 10] = [
    "LAchildID",
    "PersonBirthDate",
    "ExpectedPersonBirthDate",
    "GenderCurrent",
    "CPPstartDate",
    "InitialCategoryOfAbuse",
    "LatestCategoryOfAbuse",
    "NumberOfPreviousCPP",
    "DateOfInitialCPC",
    "InitialCPCtarget",
];

/// One session as read from the folder.
pub struct Loaded {
    pub path: PathBuf,
    pub session: Session,
}

/// The census rows, and for each child left out, what is missing.
#[derive(Debug, Default, PartialEq)]
pub struct Census {
    pub rows: Vec<[String; 10]>,
    /// "FILE: NAME: missing LAchildID, GenderCurrent".
    pub problems: Vec<String>,
}

/// Dates inside `from..=to` (either end open) by the conference date.
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Period {
    fn contains(&self, d: Option<NaiveDate>) -> bool {
        match d {
            Some(d) => self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t),
            None => self.from.is_none() && self.to.is_none(),
        }
    }
}

/// A plan's categories as one census code: the category's own, or MUL
/// for more than one; `None` when a category has no code here.
pub fn category_code(cats: &[Category], rules: &Config) -> Option<String> {
    match cats {
        [] => None,
        [one] => rules.categories.census_code(*one),
        _ => Some("MUL".into()),
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Census fields are codes, dates and ids: nothing that could break a
/// line or a cell survives.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

/// Where a child's current plan started: this conference, or, at a
/// review, the earliest conference in an unbroken chain of plans found in
/// the folder.
fn plan_start<'a>(
    s: &'a Session,
    child: &Child,
    by_id: &HashMap<&str, &'a Session>,
) -> Option<(&'a Session, Vec<Category>)> {
    let mut here = s;
    loop {
        let d = here.decisions.iter().find(|d| d.child == child.id)?;
        if d.outcome != Outcome::ChildProtectionPlan {
            return None;
        }
        if here.setup.kind != ConferenceKind::Review {
            return Some((here, d.categories.clone()));
        }
        let prev = here.setup.previous_session.as_ref()?;
        here = by_id.get(prev.id.as_str())?;
    }
}

/// The rows for every finalised session in `sessions` held in `period`.
pub fn build(sessions: &[Loaded], period: &Period, rules: &Config) -> Census {
    let by_id: HashMap<&str, &Session> = sessions
        .iter()
        .map(|l| (l.session.id.as_str(), &l.session))
        .collect();
    let mut out = Census::default();
    let cal = rules.calendar();
    for l in sessions {
        let s = &l.session;
        if !s.is_finalised() || !period.contains(s.setup.date) {
            continue;
        }
        for child in &s.children {
            let Some(d) = s.decisions.iter().find(|d| d.child == child.id) else {
                continue;
            };
            if d.outcome != Outcome::ChildProtectionPlan {
                continue;
            }
            let start = plan_start(s, child, &by_id);
            let initial = start
                .as_ref()
                .map(|(first, _)| *first)
                .filter(|first| first.setup.kind != ConferenceKind::TransferIn);
            let target = initial
                .and_then(|first| first.setup.strategy_discussion_date)
                .map(|sd| icpc_deadline(&cal, &rules.timescales, sd));
            let row = [
                clean(&child.local_id),
                date(child.date_of_birth),
                if child.date_of_birth.is_some() {
                    String::new()
                } else {
                    date(child.expected_delivery)
                },
                child.gender.census_code().unwrap_or_default().to_string(),
                date(start.as_ref().and_then(|(first, _)| first.setup.date)),
                start
                    .as_ref()
                    .and_then(|(_, cats)| category_code(cats, rules))
                    .unwrap_or_default(),
                category_code(&d.categories, rules).unwrap_or_default(),
                child
                    .previous_plans
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                date(initial.and_then(|first| first.setup.date)),
                date(target),
            ];
            let missing = missing_columns(&row, start.as_ref().map(|(first, _)| first.setup.kind));
            if missing.is_empty() {
                out.rows.push(row);
            } else {
                out.problems.push(format!(
                    "{}: {}: missing {}",
                    l.path.display(),
                    s.child_name(&child.id),
                    missing.join(", ")
                ));
            }
        }
    }
    out.rows.sort();
    out
}

/// The columns of `row` the return needs but the records leave empty, each
/// with why where that helps; `start_kind` is the kind of the conference
/// where the plan started, if it is in the folder.
fn missing_columns(row: &[String], start_kind: Option<ConferenceKind>) -> Vec<String> {
    let mut missing: Vec<String> = Vec::new();
    for (i, name) in COLUMNS.iter().enumerate() {
        let needed = match *name {
            // One of the two birth dates is enough.
            "PersonBirthDate" => row[2].is_empty(),
            "ExpectedPersonBirthDate" => false,
            // A transfer-in has no initial conference here.
            "DateOfInitialCPC" | "InitialCPCtarget" => {
                start_kind.is_none_or(|kind| kind != ConferenceKind::TransferIn)
            }
            _ => true,
        };
        if needed && row[i].is_empty() {
            missing.push(match *name {
                "CPPstartDate" | "InitialCategoryOfAbuse" | "DateOfInitialCPC"
                    if start_kind.is_none() =>
                {
                    format!("{name} (the conference where the plan started is not in the folder)")
                }
                "InitialCPCtarget" if start_kind.is_some() => {
                    format!("{name} (no strategy discussion date)")
                }
                "PersonBirthDate" => "PersonBirthDate or ExpectedPersonBirthDate".into(),
                _ => (*name).to_string(),
            });
        }
    }
    missing
}

/// The rows as CSV with a header line.
pub fn to_csv(census: &Census) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| format!("cannot write the census: {e}");
    w.write_record(COLUMNS).map_err(fail)?;
    for row in &census.rows {
        w.write_record(row).map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| format!("cannot write the census: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("cannot write the census: {e}"))
}

fn parse_date(what: &str, text: Option<&str>) -> Result<Option<NaiveDate>, String> {
    text.map(|t| {
        NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
            .map_err(|_| format!("{what} \"{t}\" is not a date: use YYYY-MM-DD"))
    })
    .transpose()
}

/// `cpconf census`: the CSV on stdout; each file that does not open and
/// each child left out on stderr. Err (a failing exit status) when
/// anything was left out.
pub fn run(dir: &Path, from: Option<&str>, to: Option<&str>, rules: &Config) -> Result<(), String> {
    let period = Period {
        from: parse_date("--from", from)?,
        to: parse_date("--to", to)?,
    };
    if let (Some(f), Some(t)) = (period.from, period.to) {
        if t < f {
            return Err(format!("--to {t} is before --from {f}"));
        }
    }
    let files = crate::storage::list_session_files(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut sessions = Vec::new();
    let mut unreadable = 0;
    for path in files {
        match crate::storage::load(&path) {
            Ok(l) => sessions.push(Loaded {
                path,
                session: l.session,
            }),
            Err(e) => {
                eprintln!("{e}");
                unreadable += 1;
            }
        }
    }
    let census = build(&sessions, &period, rules);
    print!("{}", to_csv(&census)?);
    for p in &census.problems {
        eprintln!("{p}");
    }
    match (census.problems.len(), unreadable) {
        (0, 0) => Ok(()),
        (n, 0) => Err(format!(
            "{n} child{} left out of the census for missing fields (listed above)",
            if n == 1 { "" } else { "ren" }
        )),
        (n, u) => Err(format!(
            "{n} child{} left out for missing fields and {u} file{} that did not open (listed above)",
            if n == 1 { "" } else { "ren" },
            if u == 1 { "" } else { "s" }
        )),
    }
}
