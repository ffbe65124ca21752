//! #11 item 5, "before": the whole Ashcombe conference (every stage, two
//! children, ten people, exports at the end) played through the real
//! `App::update` on today's keyboard, counting command keys against the
//! characters of content typed.

use cpconf::model::*;

use crate::support::conference_script::{
    CONTENT_CHARS, NEW_COMMAND_KEYS, NEW_LETTER_KEYS, TODAY_COMMAND_KEYS, ashcombe,
};
use crate::support::today_keys::play;

#[test]
fn the_whole_conference_on_todays_keys() {
    let c = ashcombe();
    let k = play(&c);
    let s = k.app.session();
    println!(
        "today's keyboard: {} command keys, {} content characters",
        k.command_keys, k.content_chars
    );
    print_parts(&k);

    // Everything the script says is in the session.
    assert!(s.problems().is_empty(), "{:?}", s.problems());
    assert_eq!(s.setup.date, chrono::NaiveDate::from_ymd_opt(2026, 11, 23));
    assert_eq!(s.setup.family_reference, c.setup.family_reference);
    let children: Vec<&str> = s.children.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(children, ["Lily Ashcombe", "Noah Ashcombe"]);
    assert_eq!(
        s.children[1].date_of_birth,
        chrono::NaiveDate::from_ymd_opt(2021, 8, 28)
    );
    let pm = &s.pre_meeting;
    assert!(pm.explained_purpose && pm.explained_complaints);
    assert_eq!(pm.parents_views, c.pre_meeting.parents_views);
    assert_eq!(pm.exclusions.len(), 1);
    assert_eq!(
        pm.exclusions[0].person,
        Some(s.attendees[c.pre_meeting.separate].id.clone())
    );
    assert!(pm.exclusions[0].separate_attendance);

    assert_register_is_the_scripts(s, &c);
    assert!(s.quorum().is_quorate());
    assert!(s.opening_statements.confidentiality && s.opening_statements.complaints);

    assert_eq!(s.danger_statements.len(), c.dangers.len());
    assert_eq!(
        s.danger_statements[1].children,
        vec![s.children[0].id.clone()]
    );
    assert_eq!(s.danger_statements[0].dispute, c.dangers[0].dispute);

    assert_eq!(s.map_items.len(), c.map.len());
    for (m, want) in s.map_items.iter().zip(&c.map) {
        assert_eq!((m.column, m.text.as_str()), (want.column, want.text));
        assert_eq!(m.said_by, Some(s.attendees[want.said_by].id.clone()));
        let children: Vec<ChildId> = want
            .children
            .iter()
            .map(|i| s.children[*i].id.clone())
            .collect();
        assert_eq!(m.children, children, "{}", want.text);
        assert_eq!(m.restricted, want.restricted);
    }
    for col in Column::ALL {
        assert!(s.map_items.iter().any(|m| m.column == *col), "{col:?}");
    }
    assert_eq!(s.child_voices[0].method, VoiceMethod::ThreeHouses);
    assert_eq!(s.child_voices[1].words, c.voices[1].words);

    assert_eq!(s.scaling.scores.len(), c.scores.len());
    for want in &c.scores {
        let got = s
            .scaling
            .scores
            .iter()
            .find(|x| {
                x.person == s.attendees[want.person].id && x.child == s.children[want.child].id
            })
            .expect("scored");
        assert_eq!((got.score, got.reason.as_str()), (want.score, want.reason));
    }

    let g = &s.safety_goals[0];
    assert_eq!(g.parents_will, c.goal.parents_will);
    assert_eq!(g.danger_statements.len(), 2);
    assert_eq!(g.actions.len(), 3);
    assert_eq!(
        g.actions[0].by_when,
        chrono::NaiveDate::from_ymd_opt(2027, 1, 11)
    );
    assert_eq!(s.bottom_lines, c.bottom_lines);
    assert_eq!(s.contingency_plan, c.contingency_plan);

    assert_eq!(s.recommendations.len(), c.recommendations.len());
    let (lily, noah) = (s.children[0].id.clone(), s.children[1].id.clone());
    assert_eq!(s.tally(&lily).plan, 4);
    assert_eq!(s.tally(&noah).plan, 3);
    assert_eq!(s.tally(&noah).child_in_need, 2);

    for (d, want) in s.decisions.iter().zip(&c.decisions) {
        assert_eq!(d.outcome, want.outcome);
        assert_eq!(d.categories, want.categories);
        assert_eq!(d.rationale, want.rationale);
        assert_eq!(
            d.plan.lead_social_worker,
            Some(s.attendees[want.lead].id.clone())
        );
        assert_eq!(d.plan.core_group.len(), want.core_group.len());
        assert!(d.plan.first_core_group.is_some() && d.plan.review_date.is_some());
    }
    assert_eq!(s.decisions[1].dissents.len(), 1);
    assert_eq!(s.status, Status::Finalised);
    for stage in Stage::ALL.iter().filter(|st| **st != Stage::Record) {
        assert!(s.stage_visited(*stage), "{stage:?} never visited");
    }

    // Saved and loaded back, the session is the same, every item in it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ashcombe.json");
    cpconf::storage::save(&cpconf::storage::DurableWriter, &path, s).unwrap();
    assert_eq!(&cpconf::storage::load(&path).unwrap().session, s);

    // The three copies asked for render; the family's leaves out the
    // restricted item, the record keeps it.
    use cpconf::export::{CopyKind, Format, render};
    let restricted = "has a violence conviction";
    assert!(
        c.map
            .iter()
            .any(|m| m.restricted && m.text.contains(restricted))
    );
    assert!(render(s, CopyKind::Record, Format::Html).contains(restricted));
    let family = render(s, CopyKind::Family, Format::Html);
    assert!(family.contains("Lily") && !family.contains(restricted));
    assert!(render(s, CopyKind::DecisionLetter, Format::Html).contains("Noah"));

    // The figures, recorded in conference_script.
    assert_eq!(k.content_chars, CONTENT_CHARS, "content typed");
    // TODAY_COMMAND_KEYS was measured on today's keyboard itself (commit
    // 423ed32, then main before #11 with #13's and #14's fields, 10a319b).
    // Replayed here key for key on the new keyboard (each of today's keys
    // pressed as the key that now does the same), the script is no longer
    // a measure of either keyboard: a form is left with End then Tab, and
    // the new keyboard's moves on (Enter after a picker, a grid entry) and
    // filled-in fields change how far each walk is. It must still take no
    // more keys than today's keyboard did, give or take the End before a
    // Tab out of each form (nine at most in this script).
    assert!(
        k.command_keys <= TODAY_COMMAND_KEYS + 9,
        "command keys replaying today's script: {}",
        k.command_keys
    );
}

/// #11 item 5, "after": the same conference (same content, same stages,
/// the exports at the end) on the new keyboard, through `App::update`.
#[test]
fn the_whole_conference_on_the_new_keys_counts_its_command_keys() {
    let c = ashcombe();
    let k = crate::support::new_keys::play(&c);
    let s = k.app.session();
    println!(
        "new keyboard: {} command keys ({} of them letters typed to choose or find), {} content characters (today: {TODAY_COMMAND_KEYS})",
        k.command_keys, k.letters, k.content_chars
    );
    print_parts(&k);
    assert!(s.problems().is_empty(), "{:?}", s.problems());
    assert_eq!(s.status, Status::Finalised);
    assert_eq!(s.children.len(), c.children.len());
    assert_register_is_the_scripts(s, &c);
    assert_eq!(s.danger_statements.len(), c.dangers.len());
    assert_eq!(s.map_items.len(), c.map.len());
    for (m, want) in s.map_items.iter().zip(&c.map) {
        assert_eq!((m.column, m.text.as_str()), (want.column, want.text));
        assert_eq!(m.said_by, Some(s.attendees[want.said_by].id.clone()));
        assert_eq!(m.restricted, want.restricted);
        assert_eq!(m.children.len(), want.children.len(), "{}", want.text);
    }
    assert_eq!(s.scaling.scores.len(), c.scores.len());
    for want in &c.scores {
        let person = &s.attendees[want.person].id;
        let child = &s.children[want.child].id;
        let got = s
            .scaling
            .scores
            .iter()
            .find(|x| &x.person == person && &x.child == child);
        assert_eq!(
            got.map(|x| (x.score, x.reason.as_str())),
            Some((want.score, want.reason))
        );
    }
    assert_eq!(s.safety_goals[0].actions.len(), c.goal.actions.len());
    assert_eq!(s.recommendations.len(), c.recommendations.len());
    for want in &c.recommendations {
        let person = &s.attendees[want.person].id;
        let child = &s.children[want.child].id;
        let got = s
            .recommendations
            .iter()
            .find(|r| &r.professional == person && &r.child == child)
            .expect("recommended");
        let mut categories = got.categories.clone();
        categories.sort();
        let mut wanted = want.categories.to_vec();
        wanted.sort();
        assert_eq!(
            (got.outcome, categories, got.reason.as_str()),
            (want.outcome, wanted, want.reason)
        );
    }
    for (d, want) in s.decisions.iter().zip(&c.decisions) {
        assert_eq!(d.outcome, want.outcome);
        assert_eq!(d.categories, want.categories);
        assert_eq!(d.rationale, want.rationale);
        assert_eq!(d.plan.core_group.len(), want.core_group.len());
    }
    assert_eq!(s.decisions[1].dissents.len(), 1);
    assert_eq!(s.pre_meeting.exclusions.len(), 1);
    assert!(s.pre_meeting.exclusions[0].separate_attendance);
    // #11 asks for at most a third of today's figure.
    assert!(
        k.command_keys * 3 <= TODAY_COMMAND_KEYS,
        "{} command keys is more than a third of today's {TODAY_COMMAND_KEYS}",
        k.command_keys
    );
    assert_eq!(
        k.command_keys, NEW_COMMAND_KEYS,
        "the figure the README gives"
    );
    assert_eq!(k.letters, NEW_LETTER_KEYS, "the split the README gives");
    let readme = include_str!("../../README.md");
    for figure in [TODAY_COMMAND_KEYS, NEW_COMMAND_KEYS, NEW_LETTER_KEYS] {
        assert!(
            readme.contains(&format!("**{figure}**")),
            "README states {figure}"
        );
    }
    // And the split of the keys that never type, as the README gives it.
    let mut by_kind = std::collections::BTreeMap::<&str, usize>::new();
    for kinds in &k.kinds {
        for (kind, n) in kinds {
            *by_kind.entry(kind).or_default() += n;
        }
    }
    for kind in ["Enter", "Tab", "arrows", "Esc", "Home/End"] {
        let said = format!("{} {kind}", by_kind.get(kind).copied().unwrap_or(0));
        assert!(
            readme.replace('\n', " ").contains(&said),
            "README states {said}"
        );
    }
}

/// The register holds the script's people, each as the script has them.
fn assert_register_is_the_scripts(s: &Session, c: &crate::support::conference_script::Conference) {
    assert_eq!(s.attendees.len(), c.people.len());
    for (a, p) in s.attendees.iter().zip(&c.people) {
        assert_eq!(
            (a.name.as_str(), a.role.as_str(), a.agency.as_str()),
            (p.name, p.role, p.agency)
        );
        assert_eq!(a.agency_kind, p.kind, "{}", p.name);
        assert_eq!(a.attendance, p.attendance, "{}", p.name);
        assert_eq!(a.gives_recommendation, p.recommends, "{}", p.name);
    }
}

/// The count by part of the conference and by kind of key
/// (`cargo test --lib conference_keys -- --nocapture`).
fn print_parts(k: &crate::support::today_keys::Counted) {
    let mut total = std::collections::BTreeMap::<&str, usize>::new();
    for ((part, n), kinds) in k.parts.iter().zip(&k.kinds) {
        let split: Vec<String> = kinds
            .iter()
            .map(|(kind, n)| format!("{kind} {n}"))
            .collect();
        println!("  {part}: {n} ({})", split.join(", "));
        for (kind, n) in kinds {
            *total.entry(kind).or_default() += n;
        }
    }
    let split: Vec<String> = total
        .iter()
        .map(|(kind, n)| format!("{kind} {n}"))
        .collect();
    println!("  by kind: {}", split.join(", "));
}
