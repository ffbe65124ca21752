//! Properties that must hold whatever the chair (or a cat on the keyboard)
//! does: random keys never panic and never break the record, save then load
//! is the identity, and drawing at any terminal size never panics.

use crate::support;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use cpconf::app::field::Field;
use cpconf::app::field_edit::PickOption;
use cpconf::app::state::{Access, App, Confirm, ConfirmAction, Editor, Overlay, Picker};
use cpconf::app::update::Msg;
use cpconf::example::{example_icpc, example_review};
use cpconf::model::*;
use cpconf::storage::{self, DurableWriter};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::at;

// ----- shared helpers --------------------------------------------------------

/// Draws the app at `w` x `h` and returns the buffer. Panics propagate.
fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut screen = Screen::new();
    screen.draw(app, w, h).clone()
}

/// One test terminal reused across sizes: allocating a fresh one for every
/// frame was most of the time the random-keys property took.
struct Screen(Terminal<TestBackend>);

impl Screen {
    fn new() -> Self {
        Screen(Terminal::new(TestBackend::new(1, 1)).expect("test terminal"))
    }

    fn draw(&mut self, app: &App, w: u16, h: u16) -> &Buffer {
        // `draw` notices the new size and resizes its buffers to match.
        self.0.backend_mut().resize(w, h);
        self.0.draw(|f| cpconf::ui::draw(f, app)).expect("draw");
        self.0.backend().buffer()
    }
}

/// The first cell whose symbol holds a control character, if any. A raw
/// ESC or BEL reaching the terminal could move the cursor, clear the
/// screen or ring the bell in front of the family.
fn control_cell(buf: &Buffer) -> Option<(u16, u16, String)> {
    let area = buf.area;
    for y in 0..area.height {
        for x in 0..area.width {
            let sym = buf[(x, y)].symbol();
            if sym.chars().any(char::is_control) {
                return Some((x, y, sym.escape_debug().to_string()));
            }
        }
    }
    None
}

fn screen_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        for x in 0..area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Every invariant the record keeps, in words; empty when all hold.
fn broken(s: &Session) -> Vec<String> {
    let mut out = s.problems();
    for x in &s.scaling.scores {
        if x.score > 10 {
            out.push(format!("score {} above 10", x.score));
        }
    }
    for x in &s.scaling.previous_scores {
        if x.score > 10 {
            out.push(format!("previous score {} above 10", x.score));
        }
    }
    if s.child_voices.len() != s.children.len() {
        out.push("one child's voice per child".into());
    }
    out
}

fn editable(mut s: Session) -> Session {
    s.status = Status::InProgress;
    s.finalised = None;
    s
}

fn start_app(which: usize) -> App {
    let session = match which {
        0 => Session::new("prop-session".into(), at("09:30:00")),
        1 => editable(example_icpc()),
        _ => example_review(),
    };
    App::new(session, Access::Edit, at("09:30:00"))
}

// ----- text that has broken programs before ----------------------------------

const ODD: &[&str] = &[
    "",
    " ",
    "\u{1b}[2J\u{1b}[H",
    "\u{7}",
    "\0",
    "\u{7f}",
    "\r",
    "\r\n",
    "\t",
    "مرحبا بالعالم",
    "שלום עולם",
    "\u{202e}evil\u{202c}",
    "e\u{301}",
    "Z\u{351}\u{36b}\u{343}\u{36a}\u{302}\u{36b}\u{33d}\u{34f}\u{334}\u{319}\u{324}\u{31e}a\u{300}\u{301}\u{302}\u{303}\u{304}",
    "👩\u{200d}👩\u{200d}👧\u{200d}👦",
    "🇬🇧🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
    "子供の安全が最優先です",
    "\u{feff}",
    "\u{200b}",
    "\u{85}\u{2028}\u{2029}",
    "\u{fffd}",
    "Zoë Ångström-Nkemelu",
    "\"quoted\" \\back\\slash",
    "{\"schema_version\": 99}",
];

fn odd_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        2 => select(vec![
            '\0', '\u{7}', '\u{1b}', '\u{7f}', '\r', '\n', '\t', '\u{200d}', '\u{202e}',
            '\u{301}', '\u{feff}', '\u{85}', '\u{2028}', '\u{fe0f}', '中', 'ש', 'ع', '👍', '🇬',
            '\u{9b}', '\u{8}',
        ]),
        2 => proptest::char::range(' ', '~'),
    ]
}

/// Text of every awkward kind: empty, control characters, scripts, very long.
fn odd_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => vec(odd_char(), 0..24).prop_map(String::from_iter),
        2 => select(ODD).prop_map(String::from),
        2 => "[a-zA-Z ,.'-]{0,30}",
        1 => (select(ODD), 200..2000usize).prop_map(|(s, n)| format!("{s}x").repeat(n)),
    ]
}

// ----- 1. random keys --------------------------------------------------------

#[derive(Clone, Debug)]
enum Ev {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    /// Seconds the clock moves on.
    Tick(i64),
}

fn plain(code: KeyCode) -> Ev {
    Ev::Key(code, KeyModifiers::NONE)
}

fn ch(c: char) -> Ev {
    // Terminals report upper-case letters and `?` with Shift held.
    let mods = if c.is_uppercase() || c == '?' {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    Ev::Key(KeyCode::Char(c), mods)
}

fn ctrl(c: char) -> Ev {
    Ev::Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn alt(c: char) -> Ev {
    Ev::Key(KeyCode::Char(c), KeyModifiers::ALT)
}

fn event() -> impl Strategy<Value = Ev> {
    use KeyCode as K;
    prop_oneof![
        5 => select(vec![plain(K::PageUp), plain(K::PageDown), alt('3'), alt('8')]),
        6 => select(vec![plain(K::Tab), Ev::Key(K::BackTab, KeyModifiers::SHIFT)]),
        12 => select(vec![
            plain(K::Up), plain(K::Down), plain(K::Left), plain(K::Right),
            plain(K::Home), plain(K::End),
        ]),
        7 => select(vec![ch('a'), ctrl('n')]),
        12 => Just(plain(K::Enter)),
        9 => Just(plain(K::Esc)),
        4 => Just(ch(' ')),
        3 => select(vec![ch('d'), plain(K::Delete)]),
        4 => select(vec![ch('u'), ctrl('z'), ctrl('a'), ctrl('y')]),
        1 => Just(plain(K::F(9))),
        2 => select(vec![ch('y'), ch('n'), ctrl('e')]),
        1 => Just(plain(K::F(1))),
        4 => proptest::char::range('0', '9').prop_map(ch),
        8 => odd_char().prop_filter("printable", |c| !c.is_control()).prop_map(ch),
        3 => Just(plain(K::Backspace)),
        3 => odd_text().prop_map(Ev::Paste),
        3 => (0..900i64).prop_map(Ev::Tick),
    ]
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        // Big frames are slow to draw in a debug build: the whole range
        // often enough to catch size bugs, laptop sizes most of the time.
        2 => (1..=300u16, 1..=100u16),
        3 => (60..=120u16, 16..=40u16),
        1 => (55..=66u16, 14..=18u16),
        2 => (1..=20u16, 1..=20u16),
    ]
}

// 32 cases of up to 300 keys, each drawn at a random size: about a minute
// in a debug build, where drawing (the layout solver above all) is slow.
proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_never_panic_and_keep_the_record_valid(
        start in 0..3usize,
        events in vec((event(), size()), 50..300),
    ) {
        let mut app = start_app(start);
        let mut screen = Screen::new();
        let mut now = app.now();
        prop_assert_eq!(broken(app.session()), Vec::<String>::new());
        for (i, (ev, (w, h))) in events.iter().enumerate() {
            let msg = match ev {
                Ev::Key(code, mods) => Msg::Key(KeyEvent::new(*code, *mods)),
                Ev::Paste(text) => Msg::Paste(text.clone()),
                Ev::Tick(secs) => {
                    now += chrono::Duration::seconds(*secs);
                    Msg::Tick(now)
                }
            };
            app.update(msg);
            let problems = broken(app.session());
            prop_assert!(problems.is_empty(), "after event {} ({:?}): {:?}", i, ev, problems);
            let bad = control_cell(screen.draw(&app, *w, *h));
            prop_assert!(
                bad.is_none(),
                "control character on screen after event {} ({:?}) at {}x{}: {:?}",
                i, ev, w, h, bad
            );
        }
    }
}

// ----- 2. save then load -----------------------------------------------------

fn timestamp() -> impl Strategy<Value = Timestamp> {
    // Offsets in whole minutes: RFC 3339 cannot write seconds of offset.
    (
        0..4_000_000_000i64,
        0..1_000_000_000u32,
        -14 * 60..=14 * 60i32,
    )
        .prop_map(|(secs, nanos, minutes)| {
            let offset = FixedOffset::east_opt(minutes * 60).expect("offset");
            DateTime::from_timestamp(secs, nanos)
                .expect("time")
                .with_timezone(&offset)
        })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900..=2200i32, 1..=366u32)
        .prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d.min(365)).expect("date"))
}

fn time() -> impl Strategy<Value = NaiveTime> {
    (0..86_400u32, 0..1_000_000_000u32)
        .prop_map(|(s, n)| NaiveTime::from_num_seconds_from_midnight_opt(s, n).expect("time"))
}

fn pick<T: Copy>(all: &[T], i: usize) -> T {
    all[i % all.len()]
}

/// One step of building a session through the model's own API. Indices
/// pick among what exists so far (modulo its length).
#[derive(Clone, Debug)]
enum Build {
    Setup(
        usize,
        usize,
        [String; 3],
        Option<NaiveDate>,
        Option<NaiveTime>,
    ),
    Previous(String, String),
    Child(String, Option<NaiveDate>, Option<NaiveDate>),
    Person(
        String,
        String,
        String,
        usize,
        usize,
        [bool; 3],
        Option<NaiveTime>,
    ),
    PreMeeting(u8, [String; 3]),
    Exclusion(Option<usize>, String, String, bool),
    Opening(u8, String),
    Danger([String; 4], Vec<usize>),
    Map(usize, String, Option<usize>, Vec<usize>, usize, bool),
    Voice(usize, usize, String),
    Question(String),
    Score(usize, usize, u8, String),
    PreviousScore(String, String, usize, u8),
    Goal(
        [String; 3],
        Vec<usize>,
        Vec<(String, String, Option<NaiveDate>, String)>,
    ),
    Plan(String, String),
    Recommendation(usize, usize, usize, Vec<usize>, String),
    Decision(
        usize,
        usize,
        Vec<usize>,
        String,
        Vec<(Option<usize>, String)>,
    ),
    DecisionPlan(
        usize,
        Option<usize>,
        Vec<usize>,
        Option<NaiveDate>,
        Option<NaiveDate>,
    ),
    Visit(usize, Timestamp, Option<Timestamp>),
    RemoveChild(usize),
    RemovePerson(usize),
    RemoveDanger(usize),
    Finalise(Timestamp, String),
    Addendum(Timestamp, String, String, String),
}

fn idxs() -> impl Strategy<Value = Vec<usize>> {
    vec(0..8usize, 0..4)
}

fn texts<const N: usize>() -> impl Strategy<Value = [String; N]> {
    proptest::array::uniform(odd_text())
}

fn build_step() -> impl Strategy<Value = Build> {
    use Build as B;
    prop_oneof![
        1 => (0..4usize, 0..3usize, texts::<3>(), proptest::option::of(date()), proptest::option::of(time()))
            .prop_map(|(k, v, t, d, tm)| B::Setup(k, v, t, d, tm)),
        1 => (odd_text(), odd_text()).prop_map(|(a, b)| B::Previous(a, b)),
        4 => (odd_text(), proptest::option::of(date()), proptest::option::of(date()))
            .prop_map(|(n, d, e)| B::Child(n, d, e)),
        4 => (odd_text(), odd_text(), odd_text(), 0..11usize, 0..5usize, any::<[bool; 3]>(), proptest::option::of(time()))
            .prop_map(|(n, r, a, k, at, f, t)| B::Person(n, r, a, k, at, f, t)),
        1 => (any::<u8>(), texts::<3>()).prop_map(|(b, t)| B::PreMeeting(b, t)),
        1 => (proptest::option::of(0..8usize), odd_text(), odd_text(), any::<bool>())
            .prop_map(|(p, g, w, s)| B::Exclusion(p, g, w, s)),
        1 => (any::<u8>(), odd_text()).prop_map(|(b, t)| B::Opening(b, t)),
        2 => (texts::<4>(), idxs()).prop_map(|(t, c)| B::Danger(t, c)),
        4 => (0..4usize, odd_text(), proptest::option::of(0..8usize), idxs(), 0..7usize, any::<bool>())
            .prop_map(|(c, t, p, ch, tag, r)| B::Map(c, t, p, ch, tag, r)),
        1 => (0..8usize, 0..7usize, odd_text()).prop_map(|(c, m, t)| B::Voice(c, m, t)),
        1 => odd_text().prop_map(B::Question),
        3 => (0..8usize, 0..8usize, 0..=10u8, odd_text()).prop_map(|(p, c, n, r)| B::Score(p, c, n, r)),
        1 => (odd_text(), odd_text(), 0..8usize, 0..=10u8).prop_map(|(p, a, c, n)| B::PreviousScore(p, a, c, n)),
        2 => (texts::<3>(), idxs(), vec((odd_text(), odd_text(), proptest::option::of(date()), odd_text()), 0..3))
            .prop_map(|(t, d, a)| B::Goal(t, d, a)),
        1 => (odd_text(), odd_text()).prop_map(|(a, b)| B::Plan(a, b)),
        3 => (0..8usize, 0..8usize, 0..4usize, idxs(), odd_text())
            .prop_map(|(p, c, o, k, r)| B::Recommendation(p, c, o, k, r)),
        2 => (0..8usize, 0..4usize, idxs(), odd_text(), vec((proptest::option::of(0..8usize), odd_text()), 0..3))
            .prop_map(|(c, o, k, r, d)| B::Decision(c, o, k, r, d)),
        1 => (0..8usize, proptest::option::of(0..8usize), idxs(), proptest::option::of(date()), proptest::option::of(date()))
            .prop_map(|(c, l, g, f, r)| B::DecisionPlan(c, l, g, f, r)),
        1 => (0..9usize, timestamp(), proptest::option::of(timestamp())).prop_map(|(s, a, b)| B::Visit(s, a, b)),
        1 => (0..8usize).prop_map(B::RemoveChild),
        1 => (0..8usize).prop_map(B::RemovePerson),
        1 => (0..8usize).prop_map(B::RemoveDanger),
        1 => (timestamp(), odd_text()).prop_map(|(t, b)| B::Finalise(t, b)),
        1 => (timestamp(), odd_text(), odd_text(), odd_text()).prop_map(|(t, a, b, c)| B::Addendum(t, a, b, c)),
    ]
}

/// Ids of `items` chosen by `picks` (modulo their number), deduplicated.
fn chosen<T: Clone + PartialEq>(items: &[T], picks: &[usize]) -> Vec<T> {
    let mut out = Vec::new();
    if items.is_empty() {
        return out;
    }
    for p in picks {
        let item = items[p % items.len()].clone();
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn one<T: Clone>(items: &[T], i: usize) -> Option<T> {
    (!items.is_empty()).then(|| items[i % items.len()].clone())
}

fn build(id: String, created: Timestamp, steps: &[Build]) -> Session {
    use Build as B;
    let mut s = Session::new(id, created);
    for step in steps {
        let children = s.all_child_ids();
        let people: Vec<AttendeeId> = s.attendees.iter().map(|a| a.id.clone()).collect();
        let dangers: Vec<ItemId> = s.danger_statements.iter().map(|d| d.id.clone()).collect();
        match step.clone() {
            B::Setup(kind, venue, [v, c, f], d, t) => {
                s.setup.kind = pick(ConferenceKind::ALL, kind);
                s.setup.venue_kind = pick(VenueKind::ALL, venue);
                (s.setup.venue, s.setup.chair, s.setup.family_reference) = (v, c, f);
                s.setup.strategy_discussion_date = d;
                s.setup.date = d;
                s.setup.start_time = t;
            }
            B::Previous(id, file) => {
                s.setup.previous_session = Some(PreviousSession { id, file });
            }
            B::Child(name, dob, edd) => {
                let id = s.add_child();
                let c = s.children.iter_mut().find(|c| c.id == id).expect("child");
                (c.name, c.date_of_birth, c.expected_delivery) = (name, dob, edd);
            }
            B::Person(name, role, agency, kind, attendance, [g, r, sh], t) => {
                let id = s.add_attendee();
                let a = s.attendees.iter_mut().find(|a| a.id == id).expect("person");
                (a.name, a.role, a.agency) = (name, role, agency);
                a.agency_kind = pick(AgencyKind::ALL, kind);
                a.attendance = pick(Attendance::ALL, attendance);
                (
                    a.gives_recommendation,
                    a.report_received,
                    a.report_shared_with_parents,
                ) = (g, r, sh);
                (a.joined_at, a.left_at) = (t, t.map(|t| t + chrono::Duration::minutes(30)));
            }
            B::PreMeeting(bits, [language, advocate, views]) => {
                let bit = |n: u8| bits & (1 << n) != 0;
                let pm = &mut s.pre_meeting;
                pm.explained_purpose = bit(0);
                pm.explained_how_it_runs = bit(1);
                pm.explained_how_to_contribute = bit(2);
                pm.explained_reports_shared = bit(3);
                pm.explained_supporter_advocate_solicitor = bit(4);
                pm.explained_complaints = bit(5);
                pm.interpreter_needed = bit(6);
                (pm.language, pm.advocate, pm.parents_views) = (language, advocate, views);
            }
            B::Exclusion(person, grounds, which_part, separate_attendance) => {
                let id = s.new_item_id();
                let person = person.and_then(|p| one(&people, p));
                s.pre_meeting.exclusions.push(Exclusion {
                    id,
                    person,
                    grounds,
                    which_part,
                    separate_attendance,
                    parts: Vec::new(),
                });
            }
            B::Opening(bits, reason) => {
                let o = &mut s.opening_statements;
                (o.confidentiality, o.equality) = (bits & 1 != 0, bits & 2 != 0);
                (o.professional_difference, o.complaints) = (bits & 4 != 0, bits & 8 != 0);
                s.inquorate_reason = reason;
            }
            B::Danger([who, worry, ifn, dispute], picks) => {
                let id = s.new_item_id();
                s.danger_statements.push(DangerStatement {
                    id,
                    who_is_worried: who,
                    worry,
                    if_nothing_changes: ifn,
                    children: chosen(&children, &picks),
                    dispute,
                });
            }
            B::Map(column, text, said_by, picks, tag, restricted) => {
                let id = s.new_item_id();
                s.map_items.push(MapItem {
                    id,
                    column: pick(Column::ALL, column),
                    text,
                    said_by: said_by.and_then(|p| one(&people, p)),
                    children: chosen(&children, &picks),
                    tag: pick(Tag::ALL, tag),
                    restricted,
                    from_last_conference: restricted && tag % 2 == 0,
                });
            }
            B::Voice(child, method, words) => {
                if let Some(c) = one(&children, child) {
                    let v = s
                        .child_voices
                        .iter_mut()
                        .find(|v| v.child == c)
                        .expect("voice");
                    v.method = pick(VoiceMethod::ALL, method);
                    v.words = words;
                }
            }
            B::Question(q) => s.scaling.question = q,
            B::Score(person, child, score, reason) => {
                if let (Some(person), Some(child)) = (one(&people, person), one(&children, child)) {
                    s.scaling
                        .scores
                        .retain(|x| !(x.person == person && x.child == child));
                    let id = s.new_item_id();
                    s.scaling.scores.push(Score {
                        id,
                        person,
                        child,
                        score,
                        reason,
                    });
                }
            }
            B::PreviousScore(person_name, agency, child, score) => {
                if let Some(child) = one(&children, child) {
                    s.scaling.previous_scores.push(PreviousScore {
                        person_name,
                        agency,
                        child,
                        score,
                    });
                }
            }
            B::Goal([parents, child, professionals], picks, actions) => {
                let id = s.new_item_id();
                let actions = actions
                    .into_iter()
                    .map(|(what, who, by_when, how)| SafetyAction {
                        id: s.new_item_id(),
                        what,
                        who,
                        by_when,
                        how_we_will_know: how,
                        progress: Default::default(),
                        who_person: None,
                        recurrence: Default::default(),
                        until: None,
                    })
                    .collect();
                s.safety_goals.push(SafetyGoal {
                    id,
                    parents_will: parents,
                    child_will_experience: child,
                    professionals_will_see: professionals,
                    danger_statements: chosen(&dangers, &picks),
                    actions,
                });
            }
            B::Plan(bottom, contingency) => {
                (s.bottom_lines, s.contingency_plan) = (bottom, contingency);
            }
            B::Recommendation(person, child, outcome, cats, reason) => {
                if let (Some(professional), Some(child)) =
                    (one(&people, person), one(&children, child))
                {
                    let id = s.new_item_id();
                    s.recommendations.push(Recommendation {
                        id,
                        professional,
                        child,
                        outcome: pick(Outcome::ALL, outcome),
                        categories: chosen(Category::ALL, &cats),
                        reason,
                    });
                }
            }
            B::Decision(child, outcome, cats, rationale, dissents) => {
                if let Some(c) = one(&children, child) {
                    let dissents: Vec<Dissent> = dissents
                        .into_iter()
                        .map(|(who, why)| Dissent {
                            id: s.new_item_id(),
                            who: who.and_then(|p| one(&people, p)),
                            why,
                        })
                        .collect();
                    let d = s
                        .decisions
                        .iter_mut()
                        .find(|d| d.child == c)
                        .expect("decision");
                    d.outcome = pick(Outcome::ALL, outcome);
                    d.categories = chosen(Category::ALL, &cats);
                    d.rationale = rationale;
                    d.dissents = dissents;
                }
            }
            B::DecisionPlan(child, lead, core, first, review) => {
                if let Some(c) = one(&children, child) {
                    let d = s
                        .decisions
                        .iter_mut()
                        .find(|d| d.child == c)
                        .expect("decision");
                    d.plan = PlanDetails {
                        lead_social_worker: lead.and_then(|p| one(&people, p)),
                        core_group: chosen(&people, &core),
                        first_core_group: first,
                        review_date: review,
                        ..PlanDetails::default()
                    };
                }
            }
            B::Visit(stage, started_at, ended_at) => s.stage_visits.push(StageVisit {
                stage: pick(&Stage::ALL, stage),
                started_at,
                ended_at,
            }),
            B::RemoveChild(i) => {
                if let Some(c) = one(&children, i) {
                    s.remove_child(&c);
                }
            }
            B::RemovePerson(i) => {
                if let Some(p) = one(&people, i) {
                    s.remove_attendee(&p);
                }
            }
            B::RemoveDanger(i) => {
                if let Some(d) = one(&dangers, i) {
                    s.remove_danger_statement(&d);
                }
            }
            B::Finalise(at, by) => {
                s.finalise(at, by);
            }
            B::Addendum(at, by, what, why) => {
                let id = s.new_item_id();
                s.addenda.push(Addendum {
                    id,
                    at,
                    by,
                    what,
                    why,
                });
            }
        }
        s.refresh_derived();
    }
    s
}

fn session() -> impl Strategy<Value = Session> {
    (odd_text(), timestamp(), vec(build_step(), 0..40))
        .prop_map(|(id, created, steps)| build(id, created, &steps))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn save_then_load_is_the_identity(original in session()) {
        prop_assert_eq!(broken(&original), Vec::<String>::new());
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("session.json");
        storage::save(&DurableWriter, &path, &original).expect("save");
        let loaded = storage::load(&path).expect("load");
        prop_assert_eq!(&loaded.session, &original);
        // And the JSON is stable: saving what was loaded writes the same bytes.
        let again = storage::to_json_bytes(&loaded.session).expect("json");
        prop_assert_eq!(again, std::fs::read(&path).expect("read"));
    }

    #[test]
    fn a_draft_saved_is_the_draft_loaded(
        session_id in odd_text(),
        text in odd_text(),
        saved_at in timestamp(),
        n in 0..1000u64,
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let field = Field::MapText(ItemId::numbered(n));
        let draft = storage::Draft {
            session_id: session_id.clone(),
            session_file: dir.path().join("session.json"),
            field: format!("The map › {text}"),
            target: serde_json::to_value(&field).expect("field as json"),
            text,
            saved_at,
        };
        storage::save_draft(&DurableWriter, dir.path(), &draft).expect("save draft");
        let loaded = storage::load_draft(dir.path(), &session_id, &draft.session_file);
        prop_assert_eq!(loaded.as_ref(), Some(&draft));
        let target: Field = serde_json::from_value(draft.target).expect("field back");
        prop_assert_eq!(target, field);
    }
}

// ----- 3. drawing at every size ----------------------------------------------

const OVERLAYS: [&str; 6] = ["none", "record", "editor", "picker", "help", "confirm"];

fn icpc_at(stage: Stage) -> App {
    let mut app = App::new(editable(example_icpc()), Access::Edit, at("09:30:00"));
    app.update(Msg::GoToStage(stage));
    app
}

fn key(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn top_is(app: &App, name: &str) -> bool {
    matches!(
        (app.overlays().last(), name),
        (None, "none")
            | (Some(Overlay::Record(_)), "record")
            | (Some(Overlay::Editor(_)), "editor")
            | (Some(Overlay::Picker(_)), "picker")
            | (Some(Overlay::Help(_)), "help")
            | (Some(Overlay::Confirm(_)), "confirm")
    )
}

/// Tab moves field by field in a form and on to the next pane after the
/// last field: End first, so one Tab leaves the form.
fn next_pane(app: &mut App) {
    let in_form = matches!(
        app.panes().get(app.pane()).map(|p| &p.content),
        Some(cpconf::app::panes::PaneContent::Form(_))
    );
    if in_form {
        key(app, KeyCode::End);
    }
    key(app, KeyCode::Tab);
}

/// Reaches the overlay by keys, as a chair would: Enter on each pane and
/// row, then on each field of a record form that opens.
fn reach_by_keys(stage: Stage, name: &str) -> Option<App> {
    let start = icpc_at(stage);
    let panes = start.panes().len();
    for pane in 0..panes {
        for row in 0..3 {
            let fresh = || {
                let mut app = icpc_at(stage);
                for _ in 0..pane {
                    next_pane(&mut app);
                }
                for _ in 0..row {
                    key(&mut app, KeyCode::Down);
                }
                key(&mut app, KeyCode::Enter);
                app
            };
            let app = fresh();
            if top_is(&app, name) {
                return Some(app);
            }
            let fields = match app.overlays().last() {
                Some(Overlay::Record(form)) => form.fields.len(),
                _ => 0,
            };
            for field in 0..fields {
                let mut app = fresh();
                for _ in 0..field {
                    key(&mut app, KeyCode::Down);
                }
                key(&mut app, KeyCode::Enter);
                if top_is(&app, name) {
                    return Some(app);
                }
            }
        }
    }
    None
}

/// The app at `stage` with the overlay `name` open: by keys where a chair
/// can reach it there, otherwise put on top directly so every stage is
/// drawn under every overlay.
fn with_overlay(stage: Stage, name: &str) -> App {
    if name == "help" {
        let mut app = icpc_at(stage);
        key(&mut app, KeyCode::F(1));
        assert!(top_is(&app, "help"), "F1 opens help at {stage:?}");
        return app;
    }
    if name == "none" {
        return icpc_at(stage);
    }
    if let Some(app) = reach_by_keys(stage, name) {
        return app;
    }
    let app = icpc_at(stage);
    let overlay = match name {
        "editor" => Overlay::Editor(Box::new(Editor::new(
            Field::ParentsViews,
            "Parents' first views".into(),
            "Two lines\nمرحبا 👩\u{200d}👧 e\u{301} \u{1b}[2J",
        ))),
        "picker" => Overlay::Picker(Picker {
            field: Field::DecisionCoreGroup(app.session().children[0].id.clone()),
            title: "Core group".into(),
            options: app
                .session()
                .attendees
                .iter()
                .map(|a| PickOption {
                    key: a.id.0.clone(),
                    label: a.name.clone(),
                })
                .collect(),
            chosen: vec![app.session().attendees[0].id.0.clone()],
            selected: 1,
            multi: true,
            filter: String::new(),
            toggled: None,
            typed: None,
        }),
        "confirm" => Overlay::Confirm(Confirm {
            question: "Finalise this conference? The record is then locked.".into(),
            action: ConfirmAction::Finalise,
        }),
        "record" => {
            // Every stage with a list reaches a record by keys; a stage
            // without one is drawn under the first child's record.
            let mut setup = icpc_at(Stage::Setup);
            next_pane(&mut setup);
            key(&mut setup, KeyCode::Enter);
            match setup.overlays().last().cloned() {
                Some(o @ Overlay::Record(_)) => o,
                other => panic!("no record form at setup: {other:?}"),
            }
        }
        other => panic!("unknown overlay {other}"),
    };
    app.with_overlay(overlay)
}

/// Draws at `w` x `h` and checks what must hold at any size.
fn check_size(app: &App, w: u16, h: u16, what: &str) {
    let buf = render(app, w, h);
    assert_eq!(control_cell(&buf), None, "{what} at {w}x{h}");
    let text = screen_text(&buf);
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    if w < cpconf::ui::MIN_WIDTH || h < cpconf::ui::MIN_HEIGHT {
        // Only the message, as much of it as fits.
        let message = format!(
            "terminal too small: need {} x {} (now {w} x {h})",
            cpconf::ui::MIN_WIDTH,
            cpconf::ui::MIN_HEIGHT
        );
        let (shown, full) = (squeeze(&text), squeeze(&message));
        assert!(
            full.starts_with(&shown),
            "{what} at {w}x{h}: below the minimum the screen shows only the message:\n{text}"
        );
        if w >= 20 && h >= 3 {
            assert!(
                text.contains("terminal too small") || shown == full,
                "{what} at {w}x{h}: says the terminal is too small:\n{text}"
            );
            assert_eq!(shown, full, "{what} at {w}x{h}: the whole message fits");
        }
    } else {
        assert!(
            !text.contains("terminal too small"),
            "{what} at {w}x{h}: big enough, so no complaint:\n{text}"
        );
    }
}

#[test]
fn every_stage_and_overlay_draws_at_every_small_size() {
    for stage in Stage::ALL {
        for name in OVERLAYS {
            let app = with_overlay(stage, name);
            assert!(top_is(&app, name), "{name} open at {stage:?}");
            let what = format!("{stage:?} with {name}");
            for w in 1..=20 {
                for h in 1..=20 {
                    check_size(&app, w, h, &what);
                }
            }
            // Around the minimum, and the sizes people really use.
            for w in 56..=64 {
                for h in 13..=18 {
                    check_size(&app, w, h, &what);
                }
            }
            for (w, h) in [
                (80, 24),
                (100, 30),
                (120, 40),
                (160, 48),
                (300, 100),
                (300, 1),
                (1, 100),
            ] {
                check_size(&app, w, h, &what);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_stage_and_overlay_draws_at_random_sizes(
        stage in 0..9usize,
        overlay in 0..OVERLAYS.len(),
        sizes in vec((1..=300u16, 1..=100u16), 1..8),
    ) {
        let stage = Stage::ALL[stage];
        let app = with_overlay(stage, OVERLAYS[overlay]);
        for (w, h) in sizes {
            check_size(&app, w, h, &format!("{stage:?} with {}", OVERLAYS[overlay]));
        }
    }
}
