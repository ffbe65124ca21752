//! Sign-off: the fingerprint, tamper detection, addenda after finalisation,
//! and the audit trail.

use crate::support;

use cpconf::app::state::Access;
use cpconf::model::*;
use support::icpc::run_icpc;
use support::*;

#[test]
fn finalising_takes_a_fingerprint_that_matches() {
    let app = run_icpc();
    let f = app.session().finalised.as_ref().expect("finalised");
    assert_eq!(f.content_sha256.len(), 64);
    assert_eq!(app.session().integrity(), Integrity::Intact);
}

#[test]
fn changing_a_byte_of_a_finalised_file_is_detected() {
    let app = run_icpc();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    cpconf::storage::save(&cpconf::storage::DurableWriter, &path, app.session()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Police were called twice"));
    std::fs::write(&path, text.replace("called twice", "called thrice")).unwrap();

    let loaded = cpconf::storage::load(&path).unwrap().session;
    assert_eq!(loaded.integrity(), Integrity::Changed);

    let viewer =
        cpconf::app::state::App::new(loaded, Access::ReadOnly("test".into()), at("13:00:00"));
    let mut viewer = viewer;
    commands(&mut viewer, "]]]]]]]]]]");
    assert_eq!(viewer.stage(), Stage::Record);
    assert!(screen(&viewer, 120, 40).contains("CHANGED since it was finalised"));
}

#[test]
fn after_finalising_only_addenda_can_be_added() {
    let mut app = run_icpc();
    let fingerprint = app.session().finalised.clone().unwrap().content_sha256;
    commands(&mut app, "]");
    assert_eq!(app.stage(), Stage::Record);
    commands(&mut app, "a");
    assert!(app.editing(), "a opens a new addendum");
    type_text(&mut app, "The review date was moved to 2 March 2027.");
    commands(&mut app, "<Esc>j<Enter>");
    type_text(&mut app, "The chair is on leave on 23 February.");
    commands(&mut app, "<Esc><Esc>");

    let a = &app.session().addenda;
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].what, "The review date was moved to 2 March 2027.");
    assert_eq!(a[0].why, "The chair is on leave on 23 February.");
    assert_eq!(a[0].by, "Morgan Reeve");
    assert_eq!(
        app.session().integrity(),
        Integrity::Intact,
        "addenda sit outside the fingerprint"
    );
    assert_eq!(
        app.session().finalised.as_ref().unwrap().content_sha256,
        fingerprint
    );

    // An addendum cannot be deleted, and the record itself cannot change.
    commands(&mut app, "d");
    assert_eq!(app.session().addenda.len(), 1);
    let before = app.session().clone();
    commands(&mut app, "[<Enter>jj<Space>a");
    assert_eq!(app.session(), &before);
}

#[test]
fn a_read_only_window_cannot_add_an_addendum() {
    let mut viewer = cpconf::app::state::App::new(
        cpconf::example::example_icpc(),
        Access::ReadOnly("test".into()),
        at("13:00:00"),
    );
    let before = viewer.session().clone();
    commands(&mut viewer, "]]]]]]]]]]a");
    type_text(&mut viewer, "sneaky");
    commands(&mut viewer, "<Esc>");
    assert_eq!(viewer.session(), &before);
    assert_eq!(viewer.revision(), 0);
}

#[test]
fn every_change_is_in_the_audit_trail_and_undo_is_recorded() {
    let mut app = new_app();
    commands(&mut app, "<Tab>a");
    type_text(&mut app, "Kit Example");
    commands(&mut app, "<Esc><Esc>u");
    let trail: Vec<&str> = app
        .session()
        .audit
        .iter()
        .map(|e| e.what.as_str())
        .collect();
    assert_eq!(
        trail,
        vec![
            "added child",
            "edited Name (child-1)",
            "undid the last change"
        ]
    );
    assert!(app.session().audit.iter().all(|e| e.stage == Stage::Setup));
    // Undo took the name back but kept the history.
    assert_eq!(app.session().children[0].name, "");
}
