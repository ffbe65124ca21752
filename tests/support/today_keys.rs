//! Plays `conference_script` through the real `App::update` with the
//! keyboard of commit 423ed32 (single-letter commands, `a` adds, Enter
//! edits, pickers moved with j/k), counting every key: a character of the
//! script's content text is content; every other key is a command key.
//! Each step takes the fewest keys a practised chair would press today:
//! it reads where the focus is and moves straight to the next field.
#![allow(dead_code)]

use std::collections::BTreeMap;

use cpconf::app::effect::Effect;
use cpconf::app::field::{Field, FieldKind};
use cpconf::app::field_edit::{display, edit_text};
use cpconf::app::state::{App, Overlay};
use cpconf::config::CategoryNames;
use cpconf::model::*;

use super::conference_script::Conference;
use super::*;

/// The app and the keys pressed so far.
pub struct Counted {
    pub app: App,
    pub command_keys: usize,
    /// Of the command keys, the letters typed to choose or find (a choice's
    /// first letters, a name in a picker, a register row's commas and
    /// agency words): keys that type, not content. Zero on today's keyboard.
    pub letters: usize,
    pub content_chars: usize,
    /// Command keys per part of the conference, in order.
    pub parts: Vec<(&'static str, usize)>,
    /// Command keys by kind (`kind_of`), per part, in the order of `parts`.
    pub kinds: Vec<BTreeMap<&'static str, usize>>,
    /// Kinds of the command keys since the last part ended.
    pending: BTreeMap<&'static str, usize>,
}

/// The kind of a command key for the breakdown: a named key by its name,
/// a letter or digit typed to choose or find, or a punctuation key (the
/// register row's separators) or Space.
pub fn kind_of(key: &str) -> &'static str {
    match key {
        "<Enter>" => "Enter",
        "<Tab>" => "Tab",
        "<BackTab>" => "Shift+Tab",
        "<Esc>" => "Esc",
        "<Up>" | "<Down>" | "<Left>" | "<Right>" => "arrows",
        "<Home>" | "<End>" => "Home/End",
        "<PgDn>" | "<PgUp>" => "PgDn/PgUp",
        "<Space>" => "Space",
        "," | " " => "separators",
        k if k.starts_with("<M-") => "Alt+digit",
        k if k.starts_with("<C-") => "Ctrl+letter",
        k if k.starts_with("<F") => "F-key",
        k if k.chars().all(char::is_alphanumeric) => "letters",
        _ => "punctuation",
    }
}

/// What a field of a form should end up holding.
pub enum Value {
    Text(String),
    /// The wanted label, and every label of the choice in cycling order.
    Choice(String, Vec<String>),
    Flag(bool),
    /// The option keys to be chosen (ids, or a category's name).
    Pick(Vec<String>),
}

fn labels<T: Choice>() -> Vec<String> {
    T::ALL.iter().map(|c| c.label().to_string()).collect()
}

fn choice<T: Choice>(wanted: T) -> Value {
    Value::Choice(wanted.label().into(), labels::<T>())
}

fn text(t: &str) -> Value {
    Value::Text(t.into())
}

impl Counted {
    /// Nothing pressed yet on `app`.
    pub fn new(app: App) -> Self {
        Counted {
            app,
            command_keys: 0,
            letters: 0,
            content_chars: 0,
            parts: Vec::new(),
            kinds: Vec::new(),
            pending: BTreeMap::new(),
        }
    }

    /// Command keys, written as `support::keys` reads them: each character
    /// or `<Name>` is one key.
    pub fn cmd(&mut self, script: &str) -> Vec<Effect> {
        let mut effects = Vec::new();
        for key in key_names(script) {
            // Today's keys, each pressed as the key the new keyboard gives
            // the same command (`support::commands`): the count is of
            // today's keys, the script still runs on the new keyboard.
            effects.extend(commands(&mut self.app, key));
            self.tally(key);
        }
        effects
    }

    /// Counts one command key, written as `support::keys` reads it.
    pub fn tally(&mut self, key: &str) {
        self.command_keys += 1;
        *self.pending.entry(kind_of(key)).or_default() += 1;
        if std::env::var_os("KEYLOG").is_some() {
            eprintln!("KEY {key}");
        }
    }

    /// Content, typed character by character (a line break is Enter).
    pub fn text(&mut self, t: &str) {
        type_text(&mut self.app, t);
        if std::env::var_os("KEYLOG").is_some() {
            eprintln!("TEXT {t:?}");
        }
        self.content_chars += t.chars().count();
    }

    /// Ends a part of the conference: the command keys since the last one.
    pub fn mark(&mut self, part: &'static str) {
        let before: usize = self.parts.iter().map(|(_, n)| n).sum();
        self.parts.push((part, self.command_keys - before));
        self.kinds.push(std::mem::take(&mut self.pending));
        if std::env::var_os("KEYLOG").is_some() {
            eprintln!("MARK {part}");
        }
    }

    fn form(&self) -> (Vec<Field>, usize) {
        focused_form(&self.app).expect("a form has the focus")
    }

    fn position(&self, label: &str) -> usize {
        let (fields, _) = self.form();
        fields
            .iter()
            .position(|f| f.label_in(self.app.session()) == label)
            .unwrap_or_else(|| panic!("no field {label:?}"))
    }

    /// Moves to the field labelled `label` with the arrow keys.
    pub fn to(&mut self, label: &str) -> Field {
        let wanted = self.position(label);
        loop {
            let (fields, at) = self.form();
            if at == wanted {
                return fields[at].clone();
            }
            self.cmd(if at < wanted { "<Down>" } else { "<Up>" });
        }
    }

    /// Sets one field of the form in focus to `value`.
    pub fn set(&mut self, label: &str, value: &Value) {
        let field = self.to(label);
        let names = CategoryNames::default();
        match value {
            Value::Text(t) => {
                self.cmd("<Enter>");
                assert!(self.app.editing(), "{label}: Enter edits");
                if !edit_text(self.app.session(), &field).is_empty() {
                    // Select everything and cut it: what was prefilled goes.
                    self.cmd("<C-a><C-k>");
                }
                self.text(t);
                self.leave_editor(&field);
            }
            Value::Choice(wanted, all) => {
                let now = display(self.app.session(), &field, &names);
                let i = all.iter().position(|l| *l == now).expect("current choice");
                let t = all.iter().position(|l| l == wanted).expect("wanted choice");
                let n = all.len();
                let (forward, back) = ((t + n - i) % n, (i + n - t) % n);
                for _ in 0..forward.min(back) {
                    let old = if forward <= back { "<Right>" } else { "<Left>" };
                    if self.app.overlays().is_empty() {
                        // Today's ← → cycled a choice in a stage's form;
                        // the new keyboard keeps the arrows there for the
                        // panes and cycles with Enter: one key of today's,
                        // pressed as the Enters that reach the same choice.
                        let enters = if forward <= back { 1 } else { n - 1 };
                        for _ in 0..enters {
                            commands(&mut self.app, "<Enter>");
                        }
                        self.tally(old);
                    } else {
                        self.cmd(old);
                    }
                }
                assert_eq!(display(self.app.session(), &field, &names), *wanted);
            }
            Value::Flag(want) => {
                let ticked = display(self.app.session(), &field, &names).starts_with("[x]");
                if ticked != *want {
                    self.cmd("<Space>");
                }
            }
            Value::Pick(keys) => {
                self.cmd("<Enter>");
                self.pick(keys);
            }
        }
    }

    /// Leaves the editor: Enter on a one-line field (which also moves on
    /// to the next field), Esc on notes.
    fn leave_editor(&mut self, field: &Field) {
        let one_line = matches!(
            field.kind(),
            FieldKind::Line | FieldKind::Date | FieldKind::Time | FieldKind::Score
        );
        self.cmd(if one_line { "<Enter>" } else { "<Esc>" });
        assert!(!self.app.editing(), "kept: {:?}", self.app.message());
    }

    /// In an open picker: moves to each option to change and ticks it,
    /// then Enter (for a pick-one picker, Enter on the option chooses it).
    fn pick(&mut self, wanted: &[String]) {
        let Some(Overlay::Picker(p)) = self.app.overlays().last() else {
            panic!("a picker is open");
        };
        let (options, chosen, mut at, multi) =
            (p.options.clone(), p.chosen.clone(), p.selected, p.multi);
        let index = |k: &String| {
            options
                .iter()
                .position(|o| &o.key == k)
                .unwrap_or_else(|| panic!("no option {k}"))
        };
        let mut stops: Vec<usize> = if multi {
            (0..options.len())
                .filter(|i| chosen.contains(&options[*i].key) != wanted.contains(&options[*i].key))
                .collect()
        } else {
            wanted.iter().map(index).collect()
        };
        stops.sort_by_key(|i| i.abs_diff(at));
        for stop in stops {
            while at != stop {
                self.cmd(if at < stop { "j" } else { "k" });
                at = if at < stop { at + 1 } else { at - 1 };
            }
            if multi {
                self.cmd("<Space>");
            }
        }
        self.cmd("<Enter>");
        assert!(
            !matches!(self.app.overlays().last(), Some(Overlay::Picker(_))),
            "the picker closed"
        );
    }

    /// `a` in the list in focus, then every value of the new record, the
    /// field the editor opened on first, the rest in the form's order;
    /// Esc closes the record.
    pub fn add(&mut self, values: &[(&str, Value)]) {
        self.cmd("a");
        self.fill(values);
    }

    /// Fills the record form in focus (its editor maybe open), then closes it.
    pub fn fill(&mut self, values: &[(&str, Value)]) {
        let mut todo: Vec<&(&str, Value)> = values.iter().collect();
        if let Some(Overlay::Editor(e)) = self.app.overlays().last() {
            let field = e.field.clone();
            let label = field.label_in(self.app.session());
            let i = todo
                .iter()
                .position(|(l, _)| *l == label)
                .unwrap_or_else(|| panic!("the editor opened on {label}"));
            let Value::Text(t) = &todo[i].1 else {
                panic!("{label} is text")
            };
            self.text(t);
            self.leave_editor(&field);
            todo.remove(i);
        }
        todo.sort_by_key(|(l, _)| self.position(l));
        for (label, value) in todo {
            if matches!(value, Value::Text(t) if t.is_empty()) {
                continue;
            }
            self.set(label, value);
        }
        self.cmd("<Esc>");
        assert!(self.app.overlays().is_empty(), "the record closed");
    }

    /// Tab until the pane titled `title` has the focus.
    pub fn pane(&mut self, title: &str) {
        for _ in 0..10 {
            if self.app.panes()[self.app.pane()].title == title {
                return;
            }
            self.cmd("<Tab>");
        }
        panic!("no pane {title}");
    }

    /// Moves a grid's cursor to (row, col) with j/k/h/l.
    pub fn cell(&mut self, row: usize, col: usize) {
        loop {
            let c = self.app.cursor(self.app.pane());
            if (c.row, c.col) == (row, col) {
                return;
            }
            self.cmd(if c.row < row {
                "j"
            } else if c.row > row {
                "k"
            } else if c.col < col {
                "l"
            } else {
                "h"
            });
        }
    }

    /// Moves a list's cursor to `row` with j/k.
    pub fn row(&mut self, row: usize) {
        loop {
            let at = self.app.cursor(self.app.pane()).row;
            if at == row {
                return;
            }
            self.cmd(if at < row { "j" } else { "k" });
        }
    }

    fn person(&self, i: usize) -> String {
        self.app.session().attendees[i].id.0.clone()
    }

    fn child(&self, i: usize) -> String {
        self.app.session().children[i].id.0.clone()
    }
}

fn category_key(c: Category) -> String {
    format!("{c:?}")
}

/// The whole conference on today's keys, finalised and exported.
pub fn play(c: &Conference) -> Counted {
    let mut k = Counted::new(new_app());
    let s = &c.setup;

    // 0 Setup.
    for (label, value) in [
        ("Date", s.date),
        ("Start time", s.time),
        ("Venue or link", s.venue),
        ("Chair", s.chair),
        ("Family reference", s.family_reference),
        ("Strategy discussion", s.strategy_discussion),
    ] {
        k.set(label, &text(value));
    }
    k.pane("Children");
    for child in &c.children {
        k.add(&[
            ("Name", text(child.name)),
            ("Date of birth", text(child.date_of_birth)),
        ]);
    }

    k.mark("0 Setup");

    // 1 Parents' pre-meeting.
    tick(&mut k.app, "09:40:00");
    k.cmd("]");
    let p = &c.pre_meeting;
    for label in [
        "Explained: purpose of the conference",
        "Explained: how it runs",
        "Explained: how to contribute",
        "Explained: reports shared",
        "Explained: supporter, advocate, solicitor",
        "Explained: how to complain",
    ] {
        k.set(label, &Value::Flag(true));
    }
    k.set("Language / interpreter", &text(p.language));
    k.set("Advocate or supporter", &text(p.advocate));
    k.set("Parents' first views", &text(p.parents_views));

    k.mark("1 Pre-meeting");

    // 2 Introductions, before the exclusion (it names a person).
    tick(&mut k.app, "10:00:00");
    k.cmd("]");
    k.pane("Attendance register");
    for person in &c.people {
        k.add(&[
            ("Name", text(person.name)),
            ("Role", text(person.role)),
            ("Agency", text(person.agency)),
            ("Agency kind", choice(person.kind)),
            ("Attendance", choice(person.attendance)),
            ("Gives a recommendation", Value::Flag(person.recommends)),
        ]);
    }
    k.pane("Opening statements");
    for label in [
        "Confidentiality",
        "Equality and diversity",
        "Professional difference",
        "Complaints",
    ] {
        k.set(label, &Value::Flag(true));
    }

    k.mark("2 Introductions");

    // Back to the pre-meeting for the separate attendance.
    k.cmd("[");
    k.pane("Exclusion / separate attendance");
    let who = k.person(p.separate);
    k.add(&[
        ("Who", Value::Pick(vec![who])),
        ("Separate attendance (not exclusion)", Value::Flag(true)),
        ("Grounds", text(p.grounds)),
        ("Which part", text(p.which_part)),
    ]);
    k.cmd("]");

    k.mark("1 Pre-meeting: separate attendance");

    // 3 Danger statements.
    tick(&mut k.app, "10:15:00");
    k.cmd("]");
    for d in &c.dangers {
        let children = d.children.iter().map(|i| k.child(*i)).collect();
        k.add(&[
            ("Who is worried", text(d.who)),
            ("What about", text(d.worry)),
            ("If nothing changes", text(d.if_nothing_changes)),
            ("Children", Value::Pick(children)),
            ("Dispute", text(d.dispute)),
        ]);
    }

    k.mark("3 Danger statements");

    // 4 The map, column by column, then the child's voice.
    tick(&mut k.app, "10:30:00");
    k.cmd("]");
    for m in &c.map {
        k.pane(m.column.label());
        let children = m.children.iter().map(|i| k.child(*i)).collect();
        let said_by = k.person(m.said_by);
        k.add(&[
            ("Text", text(m.text)),
            ("Said by", Value::Pick(vec![said_by])),
            ("Children", Value::Pick(children)),
            (
                "Restricted (not shared with family)",
                Value::Flag(m.restricted),
            ),
        ]);
    }
    k.pane("The child's voice");
    for (i, v) in c.voices.iter().enumerate() {
        let first = c.children[i].name.split(' ').next().unwrap_or("");
        k.set(&format!("{first}: How gathered"), &choice(v.method));
        k.set(&format!("{first}: In the child's words"), &text(v.words));
    }

    k.mark("4 The map and the voice");

    // 5 Scaling: people down, children across.
    tick(&mut k.app, "11:00:00");
    k.cmd("]");
    k.pane("Scores");
    for sc in &c.scores {
        // The grid's row of the person (a report-only one has none).
        let people =
            cpconf::app::panes::grid_people(k.app.session(), cpconf::app::panes::GridKind::Scaling);
        let id = &k.app.session().attendees[sc.person].id;
        let row = people.iter().position(|p| p == id).expect("in the grid");
        k.cell(row, sc.child);
        k.cmd("<Enter>");
        let entry = format!("{} {}", sc.score, sc.reason);
        k.text(entry.trim_end());
        k.cmd("<Enter>");
    }

    k.mark("5 Scaling");

    // 6 Safety goals and actions, bottom lines and contingency.
    tick(&mut k.app, "11:15:00");
    k.cmd("]");
    let g = &c.goal;
    let dangers = g
        .dangers
        .iter()
        .map(|i| k.app.session().danger_statements[*i].id.0.clone())
        .collect();
    k.add(&[
        ("Parents will be", text(g.parents_will)),
        ("The child will experience", text(g.child_experience)),
        ("Professionals will see", text(g.professionals_see)),
        ("Answers danger statements", Value::Pick(dangers)),
    ]);
    k.pane("Actions");
    for a in &g.actions {
        k.add(&[
            ("What", text(a.what)),
            ("Who", text(a.who)),
            ("By when", text(a.by_when)),
            ("How we will know", text(a.how_we_know)),
        ]);
    }
    k.pane("Bottom lines and contingency");
    k.set("Bottom lines", &text(c.bottom_lines));
    k.set("Contingency plan", &text(c.contingency_plan));

    k.mark("6 Safety goals");

    // 7 Recommendations: professionals who give one down, children across.
    tick(&mut k.app, "11:35:00");
    k.cmd("]");
    let recommenders: Vec<usize> = (0..c.people.len())
        .filter(|i| c.people[*i].recommends)
        .collect();
    for r in &c.recommendations {
        let row = recommenders
            .iter()
            .position(|p| *p == r.person)
            .expect("recommends");
        k.cell(row, r.child);
        k.cmd("<Enter>");
        k.fill(&[
            ("Recommends", choice(r.outcome)),
            (
                "Categories",
                Value::Pick(r.categories.iter().copied().map(category_key).collect()),
            ),
            ("Reason", text(r.reason)),
        ]);
    }

    k.mark("7 Recommendations");

    // 8 The chair's decision for each child, a dissent, then finalise.
    tick(&mut k.app, "11:50:00");
    k.cmd("]");
    for (i, d) in c.decisions.iter().enumerate() {
        k.pane("Children");
        k.row(i);
        k.pane("Decision");
        k.set("Outcome", &choice(d.outcome));
        let categories = d.categories.iter().copied().map(category_key).collect();
        k.set("Categories", &Value::Pick(categories));
        k.set("Rationale", &text(d.rationale));
        let lead = k.person(d.lead);
        k.set("Lead social worker", &Value::Pick(vec![lead]));
        let core = d.core_group.iter().map(|p| k.person(*p)).collect();
        k.set("Core group", &Value::Pick(core));
        if let Some((who, why)) = d.dissent {
            k.pane("Dissent");
            let who = k.person(who);
            k.add(&[("Who dissents", Value::Pick(vec![who])), ("Why", text(why))]);
        }
    }
    tick(&mut k.app, "12:05:00");
    k.cmd("Fy");

    k.mark("8 Decision and finalise");

    // The three copies, each from the export menu, as HTML (its
    // starting format).
    for copy in [
        cpconf::export::CopyKind::Record,
        cpconf::export::CopyKind::Family,
        cpconf::export::CopyKind::DecisionLetter,
    ] {
        k.cmd("e");
        let wanted = cpconf::app::state::ExportMenu::choices()
            .iter()
            .position(|c| *c == cpconf::app::state::ExportChoice::Copy(copy))
            .expect("offered");
        loop {
            let Some(Overlay::Export(m)) = k.app.overlays().last() else {
                panic!("the export menu is open");
            };
            if m.selected == wanted {
                break;
            }
            let down = m.selected < wanted;
            k.cmd(if down { "j" } else { "k" });
        }
        let effects = k.cmd("<Enter>");
        assert_eq!(
            effects,
            [Effect::Export(copy, cpconf::export::Format::Html)]
        );
    }
    k.mark("Exports");
    k
}
