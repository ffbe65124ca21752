//! Local rules: the config file, its errors, and the binary honouring it.
//! Tests that spawn the binary point XDG_CONFIG_HOME and HOME at a
//! temporary folder so the real home is never read.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use chrono::NaiveDate;
use cpconf::config::{self, Config, ConfigError, ScaleDirection, ThemeName};
use cpconf::model::{Category, Stage};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Every key, every value different from the default.
const FULL: &str = r#"
opening_statements = ["Confidentiality", "Recording", "Interpreters"]
break_reminder_minutes = 60
extra_bank_holidays = [2026-12-24, "2026-12-31"]
theme = "high_contrast"
mouse = true

[quorum]
social_care_required = false
other_agencies = 3
count_report_only = true

[timescales]
icpc_working_days = 12
first_core_group_working_days = 8
first_review_months = 2
later_review_months = 4
complaint_days = 21
dissent_hours = 48

[scaling]
question = "Where are things today, 0 to 10?"
zero_means = "safe enough to close"
ten_means = "not safe at home"
direction = "zero_is_safe"

[categories]
neglect = "Neglect (N)"
physical_abuse = "Physical harm"
sexual_abuse = "Sexual harm"
emotional_abuse = "Emotional harm"

[planned_minutes]
setup = 5
pre_meeting = 20
introductions = 5
danger_statements = 20
map = 45
scaling = 15
safety_goals = 25
recommendations = 10
decision = 5
"#;

#[test]
fn every_key_is_read() {
    let c = config::parse(FULL).unwrap();
    let d = Config::default();
    assert_eq!(
        c.opening_statements,
        ["Confidentiality", "Recording", "Interpreters"]
    );
    assert_eq!(c.break_reminder_minutes, 60);
    assert_eq!(
        c.extra_bank_holidays,
        [date(2026, 12, 24), date(2026, 12, 31)]
    );
    assert_eq!(c.theme, ThemeName::HighContrast);
    assert!(c.mouse);

    assert!(!c.quorum.social_care_required);
    assert_eq!(c.quorum.other_agencies, 3);
    assert!(c.quorum.count_report_only);

    let t = &c.timescales;
    assert_eq!(t.icpc_working_days, 12);
    assert_eq!(t.first_core_group_working_days, 8);
    assert_eq!(t.first_review_months, 2);
    assert_eq!(t.later_review_months, 4);
    assert_eq!(t.complaint_days, 21);
    assert_eq!(t.dissent_hours, 48);

    assert_eq!(c.scaling.question, "Where are things today, 0 to 10?");
    assert_eq!(c.scaling.zero_means, "safe enough to close");
    assert_eq!(c.scaling.ten_means, "not safe at home");
    assert_eq!(c.scaling.direction, ScaleDirection::ZeroIsSafe);

    assert_eq!(c.categories.name(Category::Neglect), "Neglect (N)");
    assert_eq!(c.categories.name(Category::PhysicalAbuse), "Physical harm");
    assert_eq!(c.categories.name(Category::SexualAbuse), "Sexual harm");
    assert_eq!(
        c.categories.name(Category::EmotionalAbuse),
        "Emotional harm"
    );

    let minutes: Vec<u32> = Stage::ALL.iter().map(|s| c.planned(*s)).collect();
    assert_eq!(minutes, [5, 20, 5, 20, 45, 15, 25, 10, 5]);

    // Each section differs as a whole, so no field was missed above.
    assert_ne!(c.quorum, d.quorum);
    assert_ne!(c.timescales, d.timescales);
    assert_ne!(c.scaling, d.scaling);
    assert_ne!(c.categories, d.categories);
    for s in Stage::ALL {
        assert_ne!(c.planned(s), d.planned(s), "{s:?}");
    }

    // The extra holidays reach the working calendar.
    let cal = c.calendar();
    assert!(!cal.is_working_day(date(2026, 12, 24)));
    assert!(
        Config::default()
            .calendar()
            .is_working_day(date(2026, 12, 24))
    );
}

#[test]
fn defaults_are_todays_behaviour() {
    let d = Config::default();
    assert_eq!(config::parse("").unwrap(), d);
    assert_eq!(config::parse("# nothing but a comment\n").unwrap(), d);
    assert!(d.quorum.social_care_required);
    assert_eq!(
        d.quorum.other_agencies,
        cpconf::model::Quorum::OTHER_AGENCIES_NEEDED
    );
    assert!(!d.quorum.count_report_only);
    assert_eq!(d.timescales, cpconf::dates::Timescales::default());
    assert_eq!(d.timescales.icpc_working_days, 15);
    assert_eq!(d.break_reminder_minutes, 90);
    assert_eq!(d.theme, ThemeName::Default);
    assert!(!d.mouse);
    assert!(d.extra_bank_holidays.is_empty());
    assert_eq!(d.calendar(), cpconf::dates::WorkingCalendar::default());
    assert_eq!(d.opening_statements.len(), 4);
    for c in [
        Category::Neglect,
        Category::PhysicalAbuse,
        Category::SexualAbuse,
        Category::EmotionalAbuse,
    ] {
        use cpconf::model::Choice;
        assert_eq!(d.categories.name(c), c.label());
    }
    assert!(
        d.scaling
            .question
            .contains("safe enough for the plan to end")
    );
}

#[test]
fn the_example_file_is_the_defaults() {
    let text = std::fs::read_to_string("config.example.toml").expect("config.example.toml");
    assert_eq!(config::parse(&text).unwrap(), Config::default());
    // And it names every key the program knows (what `cpconf config` prints).
    let printed: toml::Table = toml::from_str(&Config::default().to_toml().unwrap()).unwrap();
    let example: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(printed, example);
}

#[test]
fn partial_sections_keep_the_other_defaults() {
    let c = config::parse("[quorum]\nother_agencies = 1\n[planned_minutes]\nmap = 60\n").unwrap();
    let d = Config::default();
    assert_eq!(c.quorum.other_agencies, 1);
    assert!(c.quorum.social_care_required);
    assert_eq!(c.planned(Stage::Map), 60);
    assert_eq!(c.planned(Stage::Scaling), d.planned(Stage::Scaling));
    assert_eq!(c.timescales, d.timescales);
}

#[test]
fn written_back_it_reads_the_same() {
    let c = config::parse(FULL).unwrap();
    assert_eq!(config::parse(&c.to_toml().unwrap()).unwrap(), c);
    let d = Config::default();
    assert_eq!(config::parse(&d.to_toml().unwrap()).unwrap(), d);
}

/// The error's one-line text, which must start with the position.
fn error(text: &str) -> String {
    let e = config::parse(text).unwrap_err().to_string();
    assert!(!e.contains('\n'), "one line: {e:?}");
    e
}

#[test]
fn errors_give_line_and_column() {
    // Bad TOML: the unclosed string starts at column 9 of line 2.
    let e = error("mouse = false\ntheme = \"mono\n");
    assert!(e.starts_with("line 2, column "), "{e}");

    // An unknown key, at top level and in a section.
    let e = error("mouse = false\n\n[quorom]\nother_agencies = 2\n");
    assert!(e.starts_with("line 3, column 2: "), "{e}");
    assert!(e.contains("quorom"), "{e}");
    let e = error("[quorum]\nother_agencys = 2\n");
    assert!(e.starts_with("line 2, column 1: "), "{e}");
    assert!(e.contains("other_agencys"), "{e}");

    // Wrong type.
    let e = error("[quorum]\nother_agencies = \"two\"\n");
    assert!(e.starts_with("line 2, column 18: "), "{e}");

    // Out of range: the position of the value, and the key named.
    let e = error("[quorum]\nother_agencies = 11\n");
    assert_eq!(
        e,
        "line 2, column 18: quorum.other_agencies must be from 0 to 10, found 11"
    );
    let e = error("[planned_minutes]\nmap = 601\n");
    assert!(
        e.starts_with("line 2, column 7: planned_minutes.map "),
        "{e}"
    );
    let e = error("[timescales]\ncomplaint_days = 0\n");
    assert!(
        e.starts_with("line 2, column 18: timescales.complaint_days"),
        "{e}"
    );
    let e = error("opening_statements = [\"Confidentiality\", \"  \"]\n");
    assert!(
        e.starts_with("line 1, column 42: opening_statements[1] must not be empty"),
        "{e}"
    );
    let e = error("opening_statements = [\"Complaints\", \"complaints\"]\n");
    assert!(e.contains("given twice"), "{e}");
    let e = error("[categories]\nneglect = \"Emotional abuse\"\n");
    assert!(e.contains("given twice"), "{e}");
    let e = error("[planned_minutes]\nrecord = 5\n");
    assert!(e.contains("not an agenda stage"), "{e}");
    let e = error("[planned_minutes]\nlunch = 5\n");
    assert!(e.starts_with("line 2, column 1: "), "{e}");
    let e = error("theme = \"pink\"\n");
    assert!(e.starts_with("line 1, column 9: "), "{e}");

    // Bad dates: not a real day, a string that is not a date, a time of day.
    let e = error("extra_bank_holidays = [2026-12-24, 2026-02-30]\n");
    assert!(e.starts_with("line 1, column 36: "), "{e}");
    let e = error("extra_bank_holidays = [2026-12-24, \"24/12/2026\"]\n");
    assert!(e.starts_with("line 1, column 36: "), "{e}");
    assert!(e.contains("not a date"), "{e}");
    let e = error("extra_bank_holidays = [2026-12-24T09:00:00]\n");
    assert!(e.contains("time of day"), "{e}");
    let e = error("extra_bank_holidays = [1066-10-14]\n");
    assert!(e.starts_with("line 1, column 24: "), "{e}");
}

#[test]
fn no_input_panics() {
    for text in [
        "\u{0}",
        "[",
        "a.b.c.d = 1",
        "[[quorum]]",
        "quorum = 3",
        "planned_minutes = []",
        "[planned_minutes]\nmap = -1",
        "[quorum]\nother_agencies = 99999999999999999999999",
        "extra_bank_holidays = [[2026-01-01]]",
        "é = 1",
        "\"\u{202e}\" = 1",
    ] {
        let _ = config::parse(text);
    }
}

#[test]
fn load_uses_the_named_file_or_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    let e = config::load(Some(&missing)).unwrap_err();
    assert!(matches!(e, ConfigError::Missing { .. }));
    assert_eq!(
        e.to_string(),
        format!("cannot use config {}: no such file", missing.display())
    );

    let good = dir.path().join("good.toml");
    std::fs::write(&good, FULL).unwrap();
    let (c, from) = config::load(Some(&good)).unwrap();
    assert_eq!(c, config::parse(FULL).unwrap());
    assert_eq!(from.as_deref(), Some(good.as_path()));

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[quorum]\nother_agencies = 11\n").unwrap();
    let e = config::load(Some(&bad)).unwrap_err().to_string();
    assert_eq!(
        e,
        format!(
            "cannot use config {}: line 2, column 18: quorum.other_agencies must be from 0 to 10, found 11",
            bad.display()
        )
    );

    let e = config::load(Some(dir.path())).unwrap_err();
    assert!(matches!(e, ConfigError::Read { .. }), "{e}");
}

// --- the binary ---

fn cpconf(home: &Path, args: &[&str]) -> Output {
    Command::new(crate::pty::binary())
        .args(args)
        .env("XDG_CONFIG_HOME", home.join("xdg"))
        .env("HOME", home)
        .env("CPCONF_SESSIONS", home.join("sessions"))
        .stdin(Stdio::null())
        .output()
        .expect("run cpconf")
}

fn user_config(home: &Path, text: &str) {
    let dir = home.join("xdg").join("cpconf");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
}

#[test]
fn a_bad_config_stops_the_program_before_the_screen() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("bad.toml");
    std::fs::write(&bad, "mouse = false\n[quorom]\n").unwrap();
    let bad_arg = bad.to_str().unwrap();
    // `list`, and no command at all (which would open the full screen).
    for args in [vec!["--config", bad_arg, "list"], vec!["--config", bad_arg]] {
        let out = cpconf(home.path(), &args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with(&format!(
                "cpconf: cannot use config {bad_arg}: line 2, column 2: "
            )),
            "{stderr}"
        );
        assert!(stderr.contains("quorom"), "{stderr}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            !stdout.contains("\u{1b}[?1049h"),
            "entered the alternate screen"
        );
        assert!(stdout.is_empty(), "{stdout}");
        assert!(!home.path().join("sessions").exists(), "no folder made");
    }

    // The usual place, with a bad file: refused too, naming that file.
    user_config(home.path(), "theme = 3\n");
    let out = cpconf(home.path(), &["list"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cpconf/config.toml: line 1, column 9"),
        "{stderr}"
    );

    let out = cpconf(home.path(), &["--config", "/no/such/config.toml", "list"]);
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "cpconf: cannot use config /no/such/config.toml: no such file\n"
    );
}

#[test]
fn config_command_prints_the_rules_and_their_source() {
    let home = tempfile::tempdir().unwrap();
    let out = cpconf(home.path(), &["config"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        text.starts_with("# Built-in defaults (England): no file at "),
        "{text}"
    );
    assert_eq!(config::parse(&text).unwrap(), Config::default());

    user_config(home.path(), "[quorum]\nother_agencies = 3\n");
    let out = cpconf(home.path(), &["config"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(text.starts_with("# Local rules from "), "{text}");
    assert!(text.lines().next().unwrap().ends_with("cpconf/config.toml"));
    assert_eq!(config::parse(&text).unwrap().quorum.other_agencies, 3);

    // --config wins over the usual place.
    let file = home.path().join("other.toml");
    std::fs::write(&file, FULL).unwrap();
    let out = cpconf(home.path(), &["--config", file.to_str().unwrap(), "config"]);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(config::parse(&text).unwrap(), config::parse(FULL).unwrap());
}

#[test]
fn dates_follow_local_timescales_and_holidays() {
    let home = tempfile::tempdir().unwrap();
    let dates = |home: &Path| {
        let out = cpconf(
            home,
            &["dates", "--conference", "2026-12-14", "--kind", "initial"],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    // England: 10 working days from Mon 14 Dec 2026 skip Christmas and
    // Boxing Day (moved to Mon 28 Dec): Wed 30 Dec.
    let england = dates(home.path());
    assert!(
        england.contains("first_core_group: 2026-12-30\n"),
        "{england}"
    );
    assert!(
        england.contains("complaint_deadline: 2027-01-11\n"),
        "{england}"
    );

    // Locally closed on Christmas Eve, and a 14-day complaint window.
    user_config(
        home.path(),
        "extra_bank_holidays = [2026-12-24]\n[timescales]\ncomplaint_days = 14\n",
    );
    let local = dates(home.path());
    assert!(local.contains("first_core_group: 2026-12-31\n"), "{local}");
    assert!(
        local.contains("complaint_deadline: 2026-12-28\n"),
        "{local}"
    );
}
