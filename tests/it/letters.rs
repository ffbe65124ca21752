//! `cpconf letters`: the pack for each example, compared with golden files
//! in `tests/golden/letters/` (rewrite them with
//! `UPDATE_GOLDEN=1 cargo test --lib it::letters`, then read the diff), and
//! what each recipient's letter must hold.

use std::path::PathBuf;

use cpconf::config::Config;
use cpconf::example::{example_icpc, example_review};
use cpconf::export::{CopyKind, Format, pack, render, render_doc};
use cpconf::model::Session;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/letters")
}

fn check(name: &str, s: &Session) {
    let update = std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1");
    let mut stale = Vec::new();
    for item in pack(s, &Config::default()) {
        for format in [Format::Text, Format::Markdown] {
            let file = format!("{name}-{}.{}", item.file_stem, format.extension());
            let fresh = render_doc(&item.doc, format);
            if update {
                std::fs::create_dir_all(dir()).expect("create golden dir");
                std::fs::write(dir().join(&file), &fresh).expect("write golden");
            } else if std::fs::read_to_string(dir().join(&file)).unwrap_or_default() != fresh {
                stale.push(file);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "letters out of date: {}; regenerate with UPDATE_GOLDEN=1 cargo test --lib it::letters",
        stale.join(", ")
    );
}

#[test]
fn icpc_letters_match_the_golden_files() {
    check("icpc", &example_icpc());
}

#[test]
fn review_letters_match_the_golden_files() {
    check("review", &example_review());
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn letter(s: &Session, stem: &str) -> String {
    let item = pack(s, &Config::default())
        .into_iter()
        .find(|i| i.file_stem == stem)
        .unwrap_or_else(|| panic!("no {stem} in the pack"));
    flat(&render_doc(&item.doc, Format::Text))
}

#[test]
fn each_parent_has_a_letter_of_their_own_with_reasons_dates_and_times() {
    let s = example_icpc();
    let stems: Vec<String> = pack(&s, &Config::default())
        .into_iter()
        .map(|i| i.file_stem)
        .collect();
    assert_eq!(
        stems,
        [
            "letter-leanne-marchbank",
            "copy-leanne-marchbank",
            "letter-dean-fairlie",
            "copy-dean-fairlie",
            "letter-professionals",
            "letter-child-kacey-marchbank",
        ]
    );
    for (stem, name) in [
        ("letter-leanne-marchbank", "Leanne Marchbank"),
        ("letter-dean-fairlie", "Dean Fairlie"),
    ] {
        let text = letter(&s, stem);
        assert!(
            text.contains(&format!("To: {name} Date of this letter")),
            "{text}"
        );
        assert!(text.contains(&format!("Dear {name},")), "{text}");
        // Addressed to that person alone.
        let other = if name.starts_with("Leanne") {
            "Dear Leanne Marchbank and"
        } else {
            "Dean Fairlie and"
        };
        assert!(!text.contains(other), "{text}");
        assert!(text.contains("Why the chair decided this: Kacey has lived with domestic abuse"));
        assert!(
            text.contains("on Monday 23 November 2026 at 14:00"),
            "{text}"
        );
        assert!(
            text.contains("on Tuesday 9 February 2027 at 10:00"),
            "{text}"
        );
        assert!(
            text.contains("by Monday 7 December 2026"),
            "complaint deadline"
        );
        // A professional's disagreement: acknowledged, never quoted.
        assert!(text.contains("Not everyone at the conference agreed"));
        assert!(!text.contains("safeguarding governor"));
    }
    let pro = letter(&s, "letter-professionals");
    assert!(pro.contains("Dear colleagues,"));
    assert!(
        pro.contains("safeguarding governor"),
        "professionals get the dissent in full"
    );
    assert!(pro.contains("Core group for Kacey"));
    assert!(
        !pro.contains("third-party information"),
        "no restricted item"
    );
    let child = letter(&s, "letter-child-kacey-marchbank");
    assert!(child.contains("Dear Kacey,"));
    assert!(
        child.contains("you will have a child protection plan"),
        "{child}"
    );
    assert!(child.contains("0800 1111"));
    assert!(
        !child.contains("Daddy goes loud"),
        "never her own words back"
    );
}

#[test]
fn the_parent_who_attended_separately_gets_neither_the_other_parents_views_nor_the_map() {
    let s = example_icpc();
    let dean = letter(&s, "copy-dean-fairlie");
    assert!(!dean.contains("terrified they'll take the kids"), "{dean}");
    assert!(
        !dean.contains("Leanne called the police herself"),
        "the map"
    );
    assert!(
        !dean.contains("recommended a child protection plan"),
        "the tally"
    );
    assert!(dean.contains("You were not in the room for the parents' meeting with the chair"));
    assert!(dean.contains("You took part in the conference separately."));
    let leanne = letter(&s, "copy-leanne-marchbank");
    assert!(leanne.contains("terrified they'll take the kids"));
    assert!(leanne.contains("Dean Fairlie took part in the conference separately."));
}

#[test]
fn the_parent_out_of_the_room_for_a_part_does_not_get_that_part_and_the_record_says_so() {
    // Leanne left the room for Dean's separate part, held on the map: her
    // copy leaves the map out (anything said there may be his), the
    // record says why, and Dean's copy keeps the parts named as his.
    let s = example_icpc();
    let leanne = letter(&s, "copy-leanne-marchbank");
    assert!(
        !leanne.contains("Leanne called the police herself"),
        "{leanne}"
    );
    assert!(
        leanne.contains("You were not in the room for all of the discussion of what is going well")
    );
    let record = flat(&render(&s, CopyKind::Record, Format::Text));
    assert!(
        record.contains("Leanne Marchbank: their own letter and copy, leaving out the discussion of what is going well and what people are worried about (out of the room for Dean's separate part, 11:32 to 11:50)."),
        "{record}"
    );
    let dean = letter(&s, "copy-dean-fairlie");
    assert!(
        dean.contains("What people are worried might happen"),
        "{dean}"
    );
    assert!(!dean.contains("You were not in the room for all of the danger statements"));
}

#[test]
fn the_chairs_contact_comes_from_the_local_rules() {
    let s = example_icpc();
    let rules = cpconf::config::parse(
        "reviewing_unit = \"Kelbridge Reviewing Unit, 1 Mill Lane, Kelbridge KB1 1AA; 01632 960000\"\n",
    )
    .unwrap();
    for item in pack(&s, &rules)
        .into_iter()
        .filter(|i| i.file_stem.starts_with("letter-"))
    {
        if item.file_stem.starts_with("letter-child") {
            continue;
        }
        let text = flat(&render_doc(&item.doc, Format::Text));
        assert!(text.contains("01632 960000"), "{}: {text}", item.file_stem);
    }
}

#[test]
fn the_chair_sets_parts_missed_a_childs_letter_and_meeting_times_by_keys() {
    use crate::support::*;
    use cpconf::app::state::{Access, App};
    use cpconf::model::Stage;
    let mut app = App::new(example_review(), Access::Edit, at("10:00:00"));
    // An exclusion, and the parts its person missed: a picker of parts.
    go_to(&mut app, Stage::PreMeeting);
    // Typed straight into the list; Tab keeps it and opens its form.
    focus_pane(&mut app, "Exclusion");
    type_text(&mut app, "Asked to leave for the police information.");
    keys(&mut app, "<Tab>");
    open_field(&mut app, "Left out of their copy (parts missed)");
    // Parents' pre-meeting, danger statements, the map: tick the first and third.
    keys(&mut app, "<Space><Down><Down><Space><Enter>");
    let e = &app.session().pre_meeting.exclusions[0];
    assert_eq!(e.parts, vec![Stage::PreMeeting, Stage::Map]);
    keys(&mut app, "<Esc>");

    // A child's own letter: a tick on the child at setup.
    go_to(&mut app, Stage::Setup);
    focus_pane(&mut app, "Children");
    keys(&mut app, "<Down><Enter>");
    focus_field(&mut app, "Gets a letter of their own (plain words)");
    keys(&mut app, "<Space><Esc>");
    assert!(app.session().children[1].own_letter, "Rory ticked");

    // The review's time at the decision, for the letters.
    go_to(&mut app, Stage::Decision);
    keys(&mut app, "<Tab>");
    open_field(&mut app, "Review conference time");
    type_text(&mut app, "14:30");
    keys(&mut app, "<Enter>");
    assert_eq!(
        app.session().decisions[0].plan.review_time,
        chrono::NaiveTime::from_hms_opt(14, 30, 0)
    );
}

#[test]
fn the_example_rules_show_a_newcomer_the_contact_line_filled() {
    // The README's example line and the Wales example file both give a
    // reviewing unit, and the letters print it.
    let readme = std::fs::read_to_string("README.md").unwrap();
    let line = readme
        .lines()
        .find(|l| l.starts_with("reviewing_unit = "))
        .expect("README shows reviewing_unit with a value");
    let wales = std::fs::read_to_string("config.wales.example.toml").unwrap();
    let s = example_icpc();
    for (text, phone) in [(line.to_string(), "01632 960000"), (wales, "01632 960123")] {
        let rules = cpconf::config::parse(&text).unwrap();
        let item = pack(&s, &rules)
            .into_iter()
            .find(|i| i.file_stem == "letter-leanne-marchbank")
            .unwrap();
        let out = flat(&render_doc(&item.doc, Format::Text));
        assert!(
            out.contains("You can reach the unit at: ") && out.contains(phone),
            "{out}"
        );
    }
    let contact = "You can reach the unit at: Child Protection Reviewing Unit, 1 High Street, Kelbridge KB1 1AA; 01632 960000.";
    let rules = cpconf::config::parse(line).unwrap();
    let item = pack(&s, &rules)
        .into_iter()
        .find(|i| i.file_stem == "letter-leanne-marchbank")
        .unwrap();
    assert!(flat(&render_doc(&item.doc, Format::Text)).contains(contact));
    assert!(
        flat(&readme).contains(contact),
        "the README quotes the letter"
    );
}
