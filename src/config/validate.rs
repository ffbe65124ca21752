//! Values that parse but make no sense for a conference: out of range,
//! blank, repeated. Each problem names its key so it can be located.

use std::collections::HashSet;

use chrono::Datelike;

use super::Config;
use super::position::KeyPath;
use crate::model::Stage;

/// One value the file got wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: KeyPath,
    pub message: String,
}

pub const MAX_OTHER_AGENCIES: usize = 10;
pub const MAX_MINUTES: u32 = 600;
pub const MAX_OPENING_STATEMENTS: usize = 12;
const MAX_NAME_CHARS: usize = 80;
const MAX_WORDING_CHARS: usize = 1000;
const HOLIDAY_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn fail(&mut self, path: KeyPath, message: String) {
        self.problems.push(Problem { path, message });
    }

    fn range(&mut self, path: KeyPath, value: u64, lo: u64, hi: u64) {
        if value < lo || value > hi {
            self.fail(path, format!("must be from {lo} to {hi}, found {value}"));
        }
    }

    /// One line of plain text, not blank, not too long.
    fn text(&mut self, path: KeyPath, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.fail(path, "must not be empty".into());
        } else if value.chars().any(char::is_control) {
            self.fail(
                path,
                "must be one line of text (no line breaks or tabs)".into(),
            );
        } else if value.chars().count() > max {
            self.fail(path, format!("is longer than {max} characters"));
        }
    }

    /// Names the chair picks between must be told apart.
    fn distinct<'a>(&mut self, items: impl Iterator<Item = (KeyPath, &'a str)>) {
        let mut seen = HashSet::new();
        for (path, name) in items {
            if !seen.insert(name.trim().to_lowercase()) {
                self.fail(path, format!("\"{}\" is given twice", name.trim()));
            }
        }
    }
}

/// The stage's name as written in the file (its snake_case serde name).
pub fn stage_key(stage: Stage) -> String {
    serde_json::to_value(stage)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Every problem, section by section.
// Long because it is a flat list of checks, one section of the file after another.
pub fn problems(c: &Config) -> Vec<Problem> {
    let mut k = Checker {
        problems: Vec::new(),
    };

    let q = KeyPath::key("quorum");
    k.range(
        q.then("other_agencies"),
        c.quorum.other_agencies as u64,
        0,
        MAX_OTHER_AGENCIES as u64,
    );

    let t = KeyPath::key("timescales");
    let ts = &c.timescales;
    for (key, value, hi) in [
        ("icpc_working_days", ts.icpc_working_days, 60),
        (
            "first_core_group_working_days",
            ts.first_core_group_working_days,
            60,
        ),
        ("first_review_months", ts.first_review_months, 24),
        ("later_review_months", ts.later_review_months, 24),
        ("complaint_days", ts.complaint_days, 365),
        ("dissent_hours", ts.dissent_hours, 720),
        (
            "pre_birth_review_working_days",
            ts.pre_birth_review_working_days,
            120,
        ),
        ("reconvene_working_days", ts.reconvene_working_days, 60),
        ("record_working_days", ts.record_working_days, 60),
        (
            "outline_plan_working_days",
            ts.outline_plan_working_days,
            60,
        ),
        ("letter_working_days", ts.letter_working_days, 60),
        (
            "accuracy_comment_working_days",
            ts.accuracy_comment_working_days,
            60,
        ),
    ] {
        k.range(t.then(key), u64::from(value), 1, hi);
    }

    let s = KeyPath::key("scaling");
    k.text(s.then("question"), &c.scaling.question, MAX_WORDING_CHARS);
    k.text(
        s.then("zero_means"),
        &c.scaling.zero_means,
        MAX_WORDING_CHARS,
    );
    k.text(s.then("ten_means"), &c.scaling.ten_means, MAX_WORDING_CHARS);

    let cat = KeyPath::key("categories");
    let mut names = vec![
        ("neglect", &c.categories.neglect),
        ("physical_abuse", &c.categories.physical_abuse),
        ("sexual_abuse", &c.categories.sexual_abuse),
        ("emotional_abuse", &c.categories.emotional_abuse),
    ];
    // Financial abuse is optional: empty means it is not a category here.
    if !c.categories.financial_abuse.is_empty() {
        names.push(("financial_abuse", &c.categories.financial_abuse));
    }
    for (key, name) in &names {
        k.text(cat.then(key), name, MAX_NAME_CHARS);
    }
    k.distinct(names.iter().map(|(key, n)| (cat.then(key), n.as_str())));
    let code = &c.categories.financial_abuse_code;
    if !code.is_empty() && (code.len() > 8 || !code.chars().all(|ch| ch.is_ascii_alphanumeric())) {
        k.fail(
            cat.then("financial_abuse_code"),
            "must be a short code of letters and digits, e.g. FIN".into(),
        );
    }

    let out = KeyPath::key("outcomes");
    let outcomes = [
        ("child_protection_plan", &c.outcomes.child_protection_plan),
        ("child_in_need", &c.outcomes.child_in_need),
        ("no_further_action", &c.outcomes.no_further_action),
    ];
    for (key, name) in outcomes {
        k.text(out.then(key), name, MAX_NAME_CHARS);
    }
    k.distinct(outcomes.iter().map(|(key, n)| (out.then(key), n.as_str())));

    let th = KeyPath::key("three_houses");
    let houses = [
        ("good_things", &c.three_houses.good_things),
        ("worries", &c.three_houses.worries),
        ("dreams", &c.three_houses.dreams),
    ];
    for (key, name) in houses {
        k.text(th.then(key), name, MAX_NAME_CHARS);
    }
    k.distinct(houses.iter().map(|(key, n)| (th.then(key), n.as_str())));

    let os = KeyPath::key("opening_statements");
    if c.opening_statements.len() > MAX_OPENING_STATEMENTS {
        k.fail(
            os.clone(),
            format!(
                "has {} statements; at most {MAX_OPENING_STATEMENTS}",
                c.opening_statements.len()
            ),
        );
    }
    for (i, st) in c.opening_statements.iter().enumerate() {
        k.text(os.at(i), st, MAX_NAME_CHARS);
    }
    k.distinct(
        c.opening_statements
            .iter()
            .enumerate()
            .map(|(i, st)| (os.at(i), st.as_str())),
    );

    let pm = KeyPath::key("planned_minutes");
    for (stage, minutes) in &c.planned_minutes {
        let path = pm.then(&stage_key(*stage));
        if !stage.is_agenda() {
            k.fail(path, "is not an agenda stage".into());
        } else {
            k.range(path, u64::from(*minutes), 0, u64::from(MAX_MINUTES));
        }
    }
    // Empty is allowed: letters then point to the social worker.
    if !c.reviewing_unit.is_empty() {
        k.text(
            KeyPath::key("reviewing_unit"),
            &c.reviewing_unit,
            MAX_WORDING_CHARS,
        );
    }
    k.range(
        KeyPath::key("break_reminder_minutes"),
        u64::from(c.break_reminder_minutes),
        0,
        u64::from(MAX_MINUTES),
    );

    let h = KeyPath::key("extra_bank_holidays");
    for (i, d) in c.extra_bank_holidays.iter().enumerate() {
        if !HOLIDAY_YEARS.contains(&d.year()) {
            k.fail(
                h.at(i),
                format!(
                    "{d} is outside the years {} to {}",
                    HOLIDAY_YEARS.start(),
                    HOLIDAY_YEARS.end()
                ),
            );
        }
    }

    k.problems
}
