//! Save, export and quit driven in-process: keys into `App::update`, the
//! effects it returns performed by a runtime without threads, terminal or
//! disk, and the reports fed back through `update` as the real runtime does.

use crate::support;

use std::path::PathBuf;

use cpconf::app::effect::{Effect, Report};
use cpconf::app::state::{Access, App, Overlay, Tone};
use cpconf::app::update::Msg;
use cpconf::export::{CopyKind, Format};
use cpconf::model::Session;
use support::*;

/// Performs effects in memory and reports back, like `runtime::session`.
#[derive(Default)]
struct FakeRuntime {
    /// Every save fails with this reason while it is set.
    refuse_saves: Option<String>,
    /// The export folder is unwritable while set.
    refuse_exports: Option<String>,
    saved: Option<(u64, Session)>,
    exported: Vec<(CopyKind, Format)>,
    letters: Vec<Format>,
    quit: bool,
}

impl FakeRuntime {
    fn perform(&mut self, app: &mut App, effects: Vec<Effect>) {
        for effect in effects {
            let reports = match effect {
                Effect::SaveNow => {
                    let saved = match &self.refuse_saves {
                        Some(why) => Report::SaveFailed { why: why.clone() },
                        None => {
                            self.saved = Some((app.revision(), app.session().clone()));
                            Report::Saved {
                                revision: app.revision(),
                                at: at("10:00:05"),
                            }
                        }
                    };
                    vec![saved, Report::SaveNowDone]
                }
                Effect::Export(copy, format) => match &self.refuse_exports {
                    Some(why) => vec![Report::ExportFailed { why: why.clone() }],
                    None => {
                        self.exported.push((copy, format));
                        let name = format!("s.{}.{}", copy.name(), format.extension());
                        vec![Report::Exported(PathBuf::from("/sessions").join(name))]
                    }
                },
                Effect::ExportLetters(format) => match &self.refuse_exports {
                    Some(why) => vec![Report::ExportFailed { why: why.clone() }],
                    None => {
                        self.letters.push(format);
                        vec![Report::Exported(PathBuf::from("/sessions/s.letters"))]
                    }
                },
                Effect::Quit => {
                    self.quit = true;
                    vec![Report::Leaving(at("10:00:09"))]
                }
                // Answers to an offered draft; no draft is offered here.
                Effect::ForgetDraft | Effect::SetDraftAside => vec![],
            };
            for report in reports {
                let more = app.update(Msg::Report(report));
                assert_eq!(more, vec![], "a report asks for nothing further");
            }
        }
    }
}

fn message(app: &App) -> (Tone, String) {
    let m = app.message().expect("a message");
    (m.tone, m.text.clone())
}

#[test]
fn ctrl_s_asks_to_save_now_and_the_report_marks_everything_saved() {
    let mut app = new_app();
    focus_field(&mut app, "Chair");
    set_field(&mut app, "Morgan Reeve");
    assert!(app.has_unsaved_changes());
    let effects = ctrl(&mut app, 's');
    assert_eq!(effects, vec![Effect::SaveNow]);
    assert_eq!(message(&app), (Tone::Info, "saving…".into()));

    let mut runtime = FakeRuntime::default();
    runtime.perform(&mut app, effects);
    let (revision, session) = runtime.saved.expect("saved");
    assert_eq!(revision, app.revision());
    assert_eq!(session.setup.chair, "Morgan Reeve");
    assert!(!app.has_unsaved_changes());
    assert_eq!(app.last_saved_at(), Some(at("10:00:05")));
    assert_eq!(message(&app), (Tone::Info, "saved".into()));
    assert!(screen(&app, 120, 30).contains("saved 10:00:05"));
}

#[test]
fn finalising_saves_at_once_and_still_says_the_record_is_locked() {
    let mut s = cpconf::example::example_review();
    s.status = cpconf::model::Status::InProgress;
    s.finalised = None;
    for d in &mut s.decisions {
        d.outcome = cpconf::model::Outcome::ChildInNeed;
    }
    let mut app = App::new(s, Access::Edit, at("12:00:00"));
    go_to(&mut app, cpconf::model::Stage::Decision);
    let effects = keys(&mut app, "<F9><Enter>");
    assert_eq!(effects, vec![Effect::SaveNow], "{:?}", app.message());
    let mut runtime = FakeRuntime::default();
    runtime.perform(&mut app, effects);
    assert!(runtime.saved.is_some());
    // The save's own "saved" does not cover what finalising said; the
    // corner of the status bar shows the save.
    assert_eq!(
        message(&app),
        (Tone::Info, "finalised: the record is locked".into())
    );
}

#[test]
fn ctrl_s_in_the_editor_keeps_the_text_then_asks_to_save() {
    let mut app = new_app();
    open_field(&mut app, "Venue or link");
    type_text(&mut app, "Room 4");
    let effects = ctrl(&mut app, 's');
    assert_eq!(effects, vec![Effect::SaveNow]);
    assert_eq!(app.session().setup.venue, "Room 4");
}

#[test]
fn a_failed_save_is_shown_until_a_save_succeeds() {
    let mut app = new_app();
    focus_field(&mut app, "Chair");
    set_field(&mut app, "Morgan Reeve");
    let mut runtime = FakeRuntime {
        refuse_saves: Some("no space left on device".into()),
        ..FakeRuntime::default()
    };
    let effects = ctrl(&mut app, 's');
    runtime.perform(&mut app, effects);
    assert!(runtime.saved.is_none());
    assert!(app.has_unsaved_changes());
    assert_eq!(app.save_error(), Some("no space left on device"));
    assert_ne!(message(&app).1, "saved", "a failed save never says saved");
    let shown = screen(&app, 120, 30);
    assert!(
        shown.contains("NOT SAVED: no space left on device (retrying)"),
        "{shown}"
    );

    runtime.refuse_saves = None;
    let effects = ctrl(&mut app, 's');
    runtime.perform(&mut app, effects);
    assert_eq!(app.save_error(), None);
    assert!(!app.has_unsaved_changes());
    assert!(!screen(&app, 120, 30).contains("NOT SAVED"));
}

#[test]
fn a_late_report_of_an_older_save_never_rewinds_what_is_saved() {
    let mut app = new_app();
    focus_field(&mut app, "Chair");
    set_field(&mut app, "Morgan Reeve");
    let newest = app.revision();
    app.update(Msg::Report(Report::Saved {
        revision: newest,
        at: at("10:00:02"),
    }));
    app.update(Msg::Report(Report::Saved {
        revision: newest - 1,
        at: at("10:00:03"),
    }));
    assert_eq!(app.saved_revision(), newest);
    assert!(!app.has_unsaved_changes());
}

#[test]
fn read_only_ctrl_s_never_says_saved() {
    let mut app = App::new(
        cpconf::example::example_icpc(),
        Access::ReadOnly("test".into()),
        at("10:00:00"),
    );
    let effects = ctrl(&mut app, 's');
    FakeRuntime::default().perform(&mut app, effects);
    assert_ne!(app.message().map(|m| m.text.as_str()), Some("saved"));
}

#[test]
fn finalising_asks_to_save_now() {
    let mut session = cpconf::example::example_icpc();
    session.status = cpconf::model::Status::InProgress;
    let mut app = App::new(session, Access::Edit, at("10:00:00"));
    go_to(&mut app, cpconf::model::Stage::Decision);
    let effects = keys(&mut app, "<F9><Enter>");
    assert!(app.session().is_finalised());
    assert_eq!(effects, vec![Effect::SaveNow]);
    let mut runtime = FakeRuntime::default();
    runtime.perform(&mut app, effects);
    assert!(runtime.saved.expect("saved").1.is_finalised());
}

#[test]
fn export_asks_for_the_chosen_copy_and_says_where_it_went() {
    let mut app = new_app();
    // The full record's row (after all three at once), one format to the
    // left of HTML (where it starts).
    let effects = keys(&mut app, "<C-e><Down><Left><Enter>");
    assert_eq!(
        effects,
        vec![Effect::Export(CopyKind::Record, Format::Markdown)]
    );
    let mut runtime = FakeRuntime::default();
    runtime.perform(&mut app, effects);
    assert_eq!(runtime.exported, vec![(CopyKind::Record, Format::Markdown)]);
    assert_eq!(
        message(&app),
        (Tone::Info, "exported to /sessions/s.record.md".into())
    );
}

#[test]
fn all_three_copies_at_once_are_said_in_one_message() {
    let mut app = new_app();
    // All three at once is the first row: Enter alone.
    let effects = keys(&mut app, "<C-e><Enter>");
    assert_eq!(
        effects,
        CopyKind::ALL
            .iter()
            .map(|c| Effect::Export(*c, Format::Html))
            .collect::<Vec<_>>()
    );
    let mut runtime = FakeRuntime::default();
    runtime.perform(&mut app, effects);
    assert_eq!(runtime.exported.len(), 3);
    assert_eq!(
        message(&app),
        (
            Tone::Info,
            "exported the three copies to /sessions: s.record.html, s.family.html, s.decision-letter.html"
                .into()
        )
    );
    // One refused (the full record, with a key) is said, and the others
    // are still listed; the next export is said on its own again.
    // All three at once is the first row: Enter alone.
    let effects = keys(&mut app, "<C-e><Enter>");
    app.update(Msg::Report(Report::Warning(
        "not exported: the full record would be unencrypted".into(),
    )));
    for copy in &effects[1..] {
        let Effect::Export(copy, format) = copy else {
            panic!("an export");
        };
        let name = format!("s.{}.{}", copy.name(), format.extension());
        app.update(Msg::Report(Report::Exported(
            PathBuf::from("/sessions").join(name),
        )));
    }
    let (tone, said) = message(&app);
    assert_eq!(tone, Tone::Warning);
    assert!(said.starts_with("exported 2 of the three copies to /sessions: s.family.html, s.decision-letter.html; not exported: the full record"), "{said}");
    let effects = keys(&mut app, "<C-e><Down><Enter>");
    runtime.perform(&mut app, effects);
    assert_eq!(
        message(&app),
        (Tone::Info, "exported to /sessions/s.record.html".into())
    );
}

#[test]
fn a_failed_export_says_why() {
    let mut app = new_app();
    let effects = keys(&mut app, "<C-e><Down><Enter>");
    let mut runtime = FakeRuntime {
        refuse_exports: Some("permission denied".into()),
        ..FakeRuntime::default()
    };
    runtime.perform(&mut app, effects);
    assert!(runtime.exported.is_empty());
    assert_eq!(
        message(&app),
        (Tone::Error, "export failed: permission denied".into())
    );
}

#[test]
fn quit_is_asked_for_and_leaving_keeps_what_is_typed() {
    let mut app = new_app();
    open_field(&mut app, "Venue or link");
    type_text(&mut app, "Room 9");
    // Ctrl+C in the editor keeps the text, like Esc, and quits.
    let effects = ctrl(&mut app, 'c');
    assert_eq!(effects, vec![Effect::Quit]);
    assert!(!app.editing());
    assert_eq!(app.session().setup.venue, "Room 9");
    let mut runtime = FakeRuntime::default();
    runtime.perform(&mut app, effects);
    assert!(runtime.quit);
    let last = app.session().stage_visits.last().expect("a stage visit");
    assert_eq!(last.ended_at, Some(at("10:00:09")), "the stage clock stops");
}

#[test]
fn quit_from_the_stage_is_one_effect() {
    let mut app = new_app();
    let effects = keys(&mut app, "<C-q>");
    assert_eq!(effects, vec![Effect::Quit]);
}

#[test]
fn leaving_with_a_date_that_cannot_be_stored_keeps_it_in_the_editor() {
    let mut app = new_app();
    open_field(&mut app, "Date");
    ctrl(&mut app, 'a');
    ctrl(&mut app, 'k');
    type_text(&mut app, "31/02/2026");
    app.update(Msg::Report(Report::Leaving(at("10:00:09"))));
    assert!(app.editing(), "the draft file keeps what the record cannot");
    assert_eq!(app.draft().map(|(_, t)| t), Some("31/02/2026".into()));
}

#[test]
fn a_renamed_file_and_a_recovered_draft_arrive_as_reports() {
    let mut app = new_app();
    assert_eq!(app.file(), None);
    app.update(Msg::Report(Report::File("/sessions/renamed.json".into())));
    assert_eq!(
        app.file(),
        Some(std::path::Path::new("/sessions/renamed.json"))
    );

    app.update(Msg::Report(Report::Draft {
        field: cpconf::app::field::Field::SetupVenue,
        record: None,
        text: "Room 12".into(),
        saved_at: at("09:59:00"),
    }));
    assert!(app.editing());
    assert!(matches!(app.overlays().last(), Some(Overlay::Editor(_))));
    assert_eq!(message(&app).0, Tone::Warning);
    press(&mut app, ratatui::crossterm::event::KeyCode::Esc);
    assert_eq!(app.session().setup.venue, "Room 12");

    app.update(Msg::Report(Report::Warning("a warning".into())));
    assert_eq!(message(&app), (Tone::Warning, "a warning".into()));
}
