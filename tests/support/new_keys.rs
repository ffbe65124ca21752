//! Plays `conference_script` through the real `App::update` on the new
//! keyboard (#11: printable keys type; typing in a list starts an item,
//! Enter keeps a line and moves on, a choice chooses by its first letters,
//! a picker finds by letters, a register line is one row). Counts as
//! `today_keys` does: a character of the script's content is content;
//! every other key is a command key, letters typed to choose or find
//! included (and the commas and agency words of a register row).
#![allow(dead_code)]

use cpconf::app::effect::Effect;
use cpconf::app::field::FieldKind;
use cpconf::app::field_edit::display;
use cpconf::app::panes::GridKind;
use cpconf::app::state::Overlay;
use cpconf::config::CategoryNames;
use cpconf::model::*;

use super::conference_script::Conference;
use super::today_keys::{self, Counted};
use super::*;

/// Presses keys as `support::keys` reads them (a letter types), counting
/// each as a command key.
fn cmd(k: &mut Counted, script: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in key_names(script) {
        // A key that types (not Space ticking a box, not a Ctrl or Alt
        // chord) typed to choose or find, or to separate a register row.
        if matches!(today_keys::kind_of(key), "letters" | "separators") {
            k.letters += 1;
        }
        for ev in parse_keys(key) {
            effects.extend(k.app.update(cpconf::app::update::Msg::Key(ev)));
        }
        k.tally(key);
    }
    effects
}

/// Types the fewest letters that choose `wanted` on the choice in focus
/// (or on a grid cell or an undecided child, whose first letter opens the
/// choice), found by the app's own rule, `chosen_by_letters`: "c" a child
/// protection plan, "i" a child in need plan.
fn choose(k: &mut Counted, wanted: &str, labels: &[&str]) {
    let names = CategoryNames::default();
    let form = focused_form(&k.app).map(|(fields, at)| fields[at].clone());
    let current = form
        .as_ref()
        .map(|f| display(k.app.session(), f, &names))
        .unwrap_or_else(|| labels[0].to_string());
    if current == wanted {
        return;
    }
    let at = labels.iter().position(|l| *l == current).expect("a label");
    let target = labels.iter().position(|l| *l == wanted).expect("a label");
    let chooses = |letters: &str| {
        let mut i = at;
        for n in 1..=letters.len() {
            match cpconf::app::field_edit::chosen_by_letters(labels, i, &letters[..n], n > 1, true)
            {
                Some(next) => i = next,
                None => return false,
            }
        }
        i == target
    };
    let alphabet: Vec<char> = ('a'..='z').collect();
    let mut tries: Vec<String> = vec![String::new()];
    let letters = loop {
        tries = tries
            .iter()
            .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
            .collect();
        if let Some(found) = tries.iter().find(|t| chooses(t)) {
            break found.clone();
        }
        assert!(tries[0].len() < 3, "no letters choose {wanted}");
    };
    for ch in letters.chars() {
        cmd(k, &ch.to_string());
    }
    let f = {
        let (fields, at) = focused_form(&k.app).expect("a form has the focus");
        fields[at].clone()
    };
    assert_eq!(display(k.app.session(), &f, &names), wanted);
}

/// What the last key on a field does: go on to the next field (Tab in an
/// item's form, Enter in a stage's) or close the item's form (Enter).
#[derive(Clone, Copy, PartialEq)]
enum Then {
    On,
    Close,
}

/// The key that keeps a one-line entry or a choice and then does `then`.
fn keep_key(k: &Counted, then: Then) -> &'static str {
    let in_item = matches!(
        k.app
            .overlays()
            .iter()
            .rev()
            .find(|o| !matches!(o, Overlay::Picker(_) | Overlay::Editor(_))),
        Some(Overlay::Record(_))
    );
    if in_item && then == Then::On {
        "<Tab>"
    } else {
        "<Enter>"
    }
}

/// In an open picker: finds each option to change by typing letters of its
/// label and ticks it (Space), or chooses it (pick one); the last choice
/// or a multiple picker closes with the key that then does `then`.
fn pick(k: &mut Counted, wanted: &[String], then: Then) {
    let Some(Overlay::Picker(p)) = k.app.overlays().last() else {
        panic!(
            "a picker is open: {:?}\n{}",
            k.app.message(),
            screen(&k.app, 120, 40)
        );
    };
    let (options, chosen, multi) = (p.options.clone(), p.chosen.clone(), p.multi);
    let stops: Vec<usize> = if multi {
        (0..options.len())
            .filter(|i| chosen.contains(&options[*i].key) != wanted.contains(&options[*i].key))
            .collect()
    } else {
        wanted
            .iter()
            .map(|w| options.iter().position(|o| &o.key == w).expect("option"))
            .collect()
    };
    let mut closed = false;
    for &stop in &stops {
        let label = options[stop].label.to_lowercase();
        // Shown already (the names found before a tick stay shown): ↓ or ↑
        // to it when that is no more keys than finding it by letters.
        let shown_at = match k.app.overlays().last() {
            Some(Overlay::Picker(p)) if !p.filter.is_empty() => p
                .visible()
                .iter()
                .position(|o| o.key == options[stop].key)
                .map(|at| (at, p.selected)),
            _ => None,
        };
        let near = shown_at.is_some_and(|(at, from)| at.abs_diff(from) <= 1);
        // Letters already typed (the one that opened the picker) count once.
        let already = match k.app.overlays().last() {
            Some(Overlay::Picker(p)) if label.starts_with(&p.filter) => p.filter.chars().count(),
            _ => 0,
        };
        for ch in label.chars().skip(already).take_while(|_| !near) {
            let Some(Overlay::Picker(p)) = k.app.overlays().last() else {
                panic!("the picker stays open while finding");
            };
            if p.visible().first().map(|o| &o.key) == Some(&options[stop].key) {
                break;
            }
            // A space would tick: past the first word, arrows.
            if ch == ' ' {
                break;
            }
            cmd(k, &ch.to_string());
        }
        let Some(Overlay::Picker(p)) = k.app.overlays().last() else {
            panic!("the picker stays open while finding");
        };
        let at = p
            .visible()
            .iter()
            .position(|o| o.key == options[stop].key)
            .unwrap_or_else(|| panic!("{label} not shown for {:?}", p.filter));
        let (from, filtered) = (p.selected, !p.filter.is_empty());
        let arrow = if at > from { "<Down>" } else { "<Up>" };
        for _ in 0..at.abs_diff(from) {
            cmd(k, arrow);
        }
        // Enter on a name found by typing ticks it and closes: the last
        // name to tick needs no Space.
        let last_tick = multi
            && stop == *stops.last().expect("a stop")
            && filtered
            && !chosen.contains(&options[stop].key);
        if last_tick || !multi {
            let key = keep_key(k, then);
            cmd(k, key);
            closed = true;
        } else {
            cmd(k, "<Space>");
        }
    }
    if multi && !closed {
        let key = keep_key(k, then);
        cmd(k, key);
    }
    assert!(
        !matches!(k.app.overlays().last(), Some(Overlay::Picker(_))),
        "the picker closed"
    );
}

/// On a picker field (who, which children, which categories): the first
/// letter of the first name to find is typed on the field, which opens the
/// picker already filtered by it (Enter opens it when there is nothing to
/// type); then as `pick`. Nothing to change, no key.
fn pick_field(k: &mut Counted, wanted: &[String], then: Then) {
    let (fields, at) = focused_form(&k.app).expect("a form has the focus");
    let field = &fields[at];
    let s = k.app.session();
    let options = cpconf::app::field_edit::pick_options(s, field, &CategoryNames::default());
    let chosen = cpconf::app::field_edit::picked(s, field);
    let multi = field.kind() == FieldKind::PickMany;
    let first = options.iter().find(|o| {
        if multi {
            chosen.contains(&o.key) != wanted.contains(&o.key)
        } else {
            wanted.contains(&o.key)
        }
    });
    let Some(first) = first else {
        return;
    };
    if !multi && chosen == wanted {
        return;
    }
    match first.label.chars().next().filter(|c| c.is_alphanumeric()) {
        Some(ch) => cmd(k, &ch.to_lowercase().to_string()),
        None => cmd(k, "<Enter>"),
    };
    pick(k, wanted, then);
}

/// Types `t` (content) on the field in focus and keeps it, moving on to the
/// next field: Enter on one line in a stage's form, Tab in an item's form
/// and on notes (where Enter is a new line).
fn put(k: &mut Counted, t: &str) {
    put_then(k, t, Then::On);
}

/// As `put`; `Then::Close` keeps a line with Enter, closing an item's form.
fn put_then(k: &mut Counted, t: &str, then: Then) {
    if t.is_empty() {
        return;
    }
    let (fields, at) = focused_form(&k.app).expect("a form has the focus");
    k.text(t);
    let one_line = fields[at].kind() != FieldKind::Lines;
    let key = if one_line { keep_key(k, then) } else { "<Tab>" };
    cmd(k, key);
    assert!(!k.app.editing(), "kept: {:?}", k.app.message());
}

/// Moves to the field labelled `label` of the form in focus: Home or End
/// first when that is fewer keys, then the arrows (as `Counted::to`).
fn reach(k: &mut Counted, label: &str) {
    let (fields, at) = focused_form(&k.app).expect("a form has the focus");
    let wanted = fields
        .iter()
        .position(|f| f.label_in(k.app.session()) == label)
        .unwrap_or_else(|| panic!("no field {label:?}"));
    let last = fields.len() - 1;
    if 1 + wanted < at.abs_diff(wanted) {
        cmd(k, "<Home>");
    } else if 1 + (last - wanted) < at.abs_diff(wanted) {
        cmd(k, "<End>");
    }
    k.to(label);
}

/// Moves to the pane titled `title` with → or ← (lists) or Tab.
fn pane(k: &mut Counted, title: &str) {
    for _ in 0..12 {
        if k.app.panes()[k.app.pane()].title == title {
            return;
        }
        cmd(k, "<Tab>");
    }
    panic!("no pane {title}");
}

fn cell(k: &mut Counted, row: usize, col: usize) {
    loop {
        let c = k.app.cursor(k.app.pane());
        if (c.row, c.col) == (row, col) {
            return;
        }
        cmd(
            k,
            if c.row < row {
                "<Down>"
            } else if c.row > row {
                "<Up>"
            } else if c.col < col {
                "<Right>"
            } else {
                "<Left>"
            },
        );
    }
}

fn labels<T: Choice>() -> Vec<&'static str> {
    T::ALL.iter().map(|c| c.label()).collect()
}

fn category_key(c: Category) -> String {
    format!("{c:?}")
}

/// The shortest start of an agency kind's label the register reads as it.
fn kind_word(kind: AgencyKind) -> String {
    let label = kind.label().to_lowercase();
    (1..=label.len())
        .filter(|n| label.is_char_boundary(*n))
        .map(|n| &label[..n])
        .find(|w| cpconf::register::agency_kind(w) == Ok(kind))
        .unwrap_or(&label)
        .to_string()
}

/// The whole conference on the new keys, finalised and exported.
pub fn play(c: &Conference) -> Counted {
    let mut k = Counted::new(new_app());
    let s = &c.setup;

    // 0 Setup: typing on a field edits it, the prefilled date typed over;
    // Enter keeps a line and moves on.
    reach(&mut k, "Date");
    put(&mut k, s.date);
    put(&mut k, s.time);
    reach(&mut k, "Venue or link");
    put(&mut k, s.venue);
    put(&mut k, s.chair);
    put(&mut k, s.family_reference);
    put(&mut k, s.strategy_discussion);
    // Off a choice, → goes to the pane to the right: the children.
    cmd(&mut k, "<Right>");
    // A child per line: the name typed into the list, Tab to the date of
    // birth, Enter keeps it, Esc closes the child's form.
    for child in &c.children {
        k.text(child.name);
        cmd(&mut k, "<Tab>");
        put_then(&mut k, child.date_of_birth, Then::Close);
    }
    k.mark("0 Setup");

    // 1 Parents' pre-meeting.
    tick(&mut k.app, "09:40:00");
    cmd(&mut k, "<PgDn>");
    // Space ticks and goes on down the checklist.
    for _ in 0..6 {
        cmd(&mut k, "<Space>");
    }
    let p = &c.pre_meeting;
    reach(&mut k, "Language / interpreter");
    put(&mut k, p.language);
    put(&mut k, p.advocate);
    reach(&mut k, "Parents' first views");
    put(&mut k, p.parents_views);
    k.mark("1 Pre-meeting");

    // 2 Introductions: one typed row a person, Enter after each starts the
    // next; the one not present is set in their form.
    tick(&mut k.app, "10:00:00");
    cmd(&mut k, "<PgDn>");
    for (i, person) in c.people.iter().enumerate() {
        // The parts of the row, a comma between them (the row reads them
        // trimmed, so a practised chair leaves out the space after it);
        // parts left off at the end need no comma.
        let mut parts: Vec<(String, bool)> = vec![
            (person.name.to_string(), true),
            (person.role.to_string(), true),
            (person.agency.to_string(), true),
        ];
        // The kind only where the agency or role does not give it away;
        // y or n only where the default (an agency gives one) is wrong.
        let guessed = cpconf::register::guess_kind(person.agency, person.role);
        let kind = if guessed != Some(person.kind) {
            kind_word(person.kind)
        } else {
            String::new()
        };
        // A y or n straight after the agency: the row reads the kind as
        // left off.
        if !kind.is_empty() {
            parts.push((kind, false));
        }
        // An agency gives a recommendation unless someone from it already
        // does (one voice an agency).
        let voiced = c.people[..i]
            .iter()
            .any(|p| p.recommends && p.agency.eq_ignore_ascii_case(person.agency));
        let assumed = person.kind.is_agency() && !voiced && !person.agency.is_empty();
        let said_yes_no = person.recommends != assumed;
        if said_yes_no {
            parts.push(((if person.recommends { "y" } else { "n" }).into(), false));
        }
        // How they took part, where it is not the present the row
        // assumes: its word at the end ("report only" as "report"), or
        // after a y or n its first letters.
        let attendance = match person.attendance {
            Attendance::Present => "",
            Attendance::ReportOnly => "report",
            Attendance::Apologies => "apologies",
            Attendance::DidNotAttend => "dna",
            other => panic!("{other:?} is set in the form"),
        };
        if !attendance.is_empty() {
            let word = if said_yes_no {
                (1..=attendance.len())
                    .map(|n| &attendance[..n])
                    .find(|w| {
                        cpconf::register::parse_row(&format!("A, B, C, n, {w}"))
                            .is_ok_and(|r| r.attendance == Some(person.attendance))
                    })
                    .unwrap_or(attendance)
            } else {
                attendance
            };
            parts.push((word.into(), false));
        }
        while parts.last().is_some_and(|(p, _)| p.is_empty()) {
            parts.pop();
        }
        for (at, (part, content)) in parts.iter().enumerate() {
            if at > 0 {
                cmd(&mut k, ",");
            }
            if *content {
                k.text(part);
            } else {
                cmd(&mut k, part);
            }
        }
        cmd(
            &mut k,
            if i + 1 < c.people.len() {
                "<Enter>"
            } else {
                "<Esc>"
            },
        );
    }
    pane(&mut k, "Opening statements");
    for _ in 0..4 {
        cmd(&mut k, "<Space>");
    }
    k.mark("2 Introductions");

    // Back to the pre-meeting for the separate attendance.
    cmd(&mut k, "<M-1>");
    cmd(&mut k, "<Right>");
    k.text(p.grounds);
    cmd(&mut k, "<Tab>");
    put(&mut k, p.which_part);
    cmd(&mut k, "<Home>");
    let who = k.app.session().attendees[p.separate].id.0.clone();
    pick_field(&mut k, &[who], Then::On);
    reach(&mut k, "Separate attendance (not exclusion)");
    cmd(&mut k, "<Space><Esc>");
    k.mark("1 Pre-meeting: separate attendance");

    // 3 Danger statements: the worry typed into the list, Tab on through
    // its form.
    tick(&mut k.app, "10:15:00");
    cmd(&mut k, "<M-3>");
    for d in &c.dangers {
        k.text(d.worry);
        cmd(&mut k, "<Tab>");
        put(&mut k, d.if_nothing_changes);
        let children: Vec<String> = d
            .children
            .iter()
            .map(|i| k.app.session().children[*i].id.0.clone())
            .collect();
        pick_field(&mut k, &children, Then::On);
        reach(&mut k, "Dispute");
        put(&mut k, d.dispute);
        cmd(&mut k, "<Home>");
        put_then(&mut k, d.who, Then::Close);
    }
    k.mark("3 Danger statements");

    // 4 The map: each item typed into its column, Tab to who said it
    // (found by letters), the children and the restricted tick.
    tick(&mut k.app, "10:30:00");
    cmd(&mut k, "<PgDn>");
    for m in &c.map {
        pane(&mut k, m.column.label());
        k.text(m.text);
        cmd(&mut k, "<Tab>");
        // Enter on the last thing to set keeps the item and closes its
        // form; Tab goes on to the next field.
        let said_by = k.app.session().attendees[m.said_by].id.0.clone();
        let children: Vec<String> = m
            .children
            .iter()
            .map(|i| k.app.session().children[*i].id.0.clone())
            .collect();
        let some_children = children.len() != c.children.len();
        let more = some_children || m.restricted;
        pick_field(
            &mut k,
            &[said_by],
            if more { Then::On } else { Then::Close },
        );
        if some_children {
            reach(&mut k, "Children");
            let then = if m.restricted { Then::On } else { Then::Close };
            pick_field(&mut k, &children, then);
        }
        if m.restricted {
            reach(&mut k, "Restricted (not shared with family)");
            cmd(&mut k, "<Space><Esc>");
        }
    }
    pane(&mut k, "The child's voice");
    for (i, v) in c.voices.iter().enumerate() {
        let first = c.children[i].name.split(' ').next().unwrap_or("");
        reach(&mut k, &format!("{first}: How gathered"));
        choose(&mut k, v.method.label(), &labels::<VoiceMethod>());
        reach(&mut k, &format!("{first}: In the child's words"));
        put(&mut k, v.words);
    }
    k.mark("4 The map and the voice");

    // 5 Scaling: typing on a cell starts its entry.
    tick(&mut k.app, "11:00:00");
    cmd(&mut k, "<PgDn>");
    pane(&mut k, "Scores");
    // As in a spreadsheet: Tab keeps an entry and goes across to the next
    // child, Enter keeps it and goes down to the next person.
    for (i, sc) in c.scores.iter().enumerate() {
        let people = cpconf::app::panes::grid_people(k.app.session(), GridKind::Scaling);
        let id = &k.app.session().attendees[sc.person].id;
        let row = people.iter().position(|p| p == id).expect("in the grid");
        cell(&mut k, row, sc.child);
        let entry = format!("{} {}", sc.score, sc.reason);
        k.text(entry.trim_end());
        let across = c
            .scores
            .get(i + 1)
            .is_some_and(|n| n.person == sc.person && n.child == sc.child + 1);
        cmd(&mut k, if across { "<Tab>" } else { "<Enter>" });
    }
    k.mark("5 Scaling");

    // 6 Safety goals and actions, bottom lines and contingency.
    tick(&mut k.app, "11:15:00");
    cmd(&mut k, "<PgDn>");
    let g = &c.goal;
    k.text(g.parents_will);
    cmd(&mut k, "<Tab>");
    put(&mut k, g.child_experience);
    put(&mut k, g.professionals_see);
    let dangers: Vec<String> = g
        .dangers
        .iter()
        .map(|i| k.app.session().danger_statements[*i].id.0.clone())
        .collect();
    pick_field(&mut k, &dangers, Then::Close);
    pane(&mut k, "Actions");
    for a in &g.actions {
        k.text(a.what);
        cmd(&mut k, "<Tab>");
        put(&mut k, a.who);
        put(&mut k, a.by_when);
        put(&mut k, a.how_we_know);
        cmd(&mut k, "<Esc>");
    }
    pane(&mut k, "Bottom lines and contingency");
    reach(&mut k, "Bottom lines");
    put(&mut k, c.bottom_lines);
    reach(&mut k, "Contingency plan");
    put(&mut k, c.contingency_plan);
    k.mark("6 Safety goals");

    // 7 Recommendations: typing on a cell chooses its outcome by letters.
    tick(&mut k.app, "11:35:00");
    cmd(&mut k, "<PgDn>");
    let recommenders: Vec<usize> = (0..c.people.len())
        .filter(|i| c.people[*i].recommends)
        .collect();
    for (i, r) in c.recommendations.iter().enumerate() {
        let row = recommenders
            .iter()
            .position(|p| *p == r.person)
            .expect("recommends");
        cell(&mut k, row, r.child);
        // The same as for the child before: Ctrl+R (Fill Right); a reason
        // of its own is then typed in the cell's form.
        let same_as_left = c.recommendations.iter().any(|l| {
            l.person == r.person
                && l.child + 1 == r.child
                && (l.outcome, l.categories) == (r.outcome, r.categories)
        });
        if same_as_left {
            cmd(&mut k, "<C-r>");
            if r.reason.is_empty() {
                continue;
            }
            cmd(&mut k, "<Enter>");
        } else {
            // Typing on the cell opens its form, choosing by the letters.
            choose(&mut k, r.outcome.label(), &labels::<Outcome>());
            if !r.categories.is_empty() {
                reach(&mut k, "Categories");
                let cats: Vec<String> = r.categories.iter().map(|c| category_key(*c)).collect();
                pick_field(&mut k, &cats, Then::On);
            }
        }
        reach(&mut k, "Reason");
        // Tab keeps the reason and, after the form's last field, goes on
        // to the next cell; with no reason to give, Tab alone goes on when
        // the next recommendation is in that cell.
        put(&mut k, r.reason);
        if matches!(k.app.overlays().last(), Some(Overlay::Record(_))) {
            let next_cell = c.recommendations.get(i + 1).map(|n| {
                let row = recommenders.iter().position(|p| *p == n.person);
                (row, n.child)
            });
            let across = if r.child + 1 < c.children.len() {
                (Some(row), r.child + 1)
            } else {
                (Some(row + 1), 0)
            };
            cmd(
                &mut k,
                if next_cell == Some(across) {
                    "<Tab>"
                } else {
                    "<Esc>"
                },
            );
        }
    }
    k.mark("7 Recommendations");

    // 8 The chair's decision for each child, a dissent, then finalise.
    tick(&mut k.app, "11:50:00");
    cmd(&mut k, "<PgDn>");
    for (i, d) in c.decisions.iter().enumerate() {
        // Typing on a child not yet decided chooses its outcome.
        if i > 0 {
            while k.app.pane() != 0 {
                cmd(&mut k, "<Left>");
            }
            cmd(&mut k, "<Down>");
        }
        choose(&mut k, d.outcome.label(), &labels::<Outcome>());
        reach(&mut k, "Categories");
        let cats: Vec<String> = d.categories.iter().map(|c| category_key(*c)).collect();
        pick_field(&mut k, &cats, Then::On);
        reach(&mut k, "Rationale");
        put(&mut k, d.rationale);
        let lead = k.app.session().attendees[d.lead].id.0.clone();
        reach(&mut k, "Lead social worker");
        pick_field(&mut k, &[lead], Then::On);
        let core: Vec<String> = d
            .core_group
            .iter()
            .map(|p| k.app.session().attendees[*p].id.0.clone())
            .collect();
        reach(&mut k, "Core group");
        pick_field(&mut k, &core, Then::On);
        if let Some((who, why)) = d.dissent {
            cmd(&mut k, "<Right>");
            k.text(why);
            // Shift+Tab keeps the words and goes back to who it is.
            cmd(&mut k, "<BackTab>");
            let who = k.app.session().attendees[who].id.0.clone();
            pick_field(&mut k, &[who], Then::Close);
        }
    }
    tick(&mut k.app, "12:05:00");
    cmd(&mut k, "<F9><Enter>");
    k.mark("8 Decision and finalise");

    // The three copies at once, from the export menu's row for all three
    // (HTML, its starting format).
    cmd(&mut k, "<C-e>");
    let all = cpconf::app::state::ExportMenu::choices()
        .iter()
        .position(|c| *c == cpconf::app::state::ExportChoice::AllCopies)
        .expect("offered");
    for _ in 0..all {
        cmd(&mut k, "<Down>");
    }
    let effects = cmd(&mut k, "<Enter>");
    let html = cpconf::export::Format::Html;
    assert_eq!(
        effects,
        cpconf::export::CopyKind::ALL
            .iter()
            .map(|copy| Effect::Export(*copy, html))
            .collect::<Vec<_>>()
    );
    k.mark("Exports");
    k
}
