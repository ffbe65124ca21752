//! Exporting from inside a session, including a read-only one.

use crate::support;

use cpconf::app::effect::Effect;
use cpconf::app::state::{Access, App, Overlay};
use cpconf::export::{CopyKind, Format};
use support::*;

#[test]
fn ctrl_e_offers_every_copy_in_every_format_even_read_only() {
    let mut app = App::new(
        cpconf::example::example_icpc(),
        Access::ReadOnly("test".into()),
        at("13:00:00"),
    );
    let before = app.session().clone();
    commands(&mut app, "e");
    assert!(matches!(app.overlays().last(), Some(Overlay::Export(_))));
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("Format  ‹ HTML, prints on A4 ›"), "{shown}");
    assert!(
        shown.contains("Family's copy (nothing restricted)"),
        "{shown}"
    );
    // A row a copy after all three at once; the format, HTML until
    // changed, for them all.
    let effects = keys(&mut app, "<Down><Down><Enter>");
    assert_eq!(
        effects,
        vec![Effect::Export(CopyKind::Family, Format::Html)]
    );
    assert!(app.overlays().is_empty());
    assert_eq!(app.session(), &before, "exporting changes nothing");
}

#[test]
fn esc_leaves_the_export_menu_without_exporting() {
    let mut app = new_app();
    let effects = commands(&mut app, "e<Esc>");
    assert!(app.overlays().is_empty());
    assert_eq!(effects, vec![]);
}

#[test]
fn the_export_menu_offers_the_letters_for_each_person() {
    let mut app = App::new(
        cpconf::example::example_icpc(),
        Access::ReadOnly("test".into()),
        at("13:00:00"),
    );
    keys(&mut app, "<C-e>");
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("Letters and copies for each person (a folder)"),
        "{shown}"
    );
    // The last row, as a Word file: the format goes round, and is kept for
    // the next export from this window.
    let effects = keys(&mut app, "<Down><Down><Down><Down><Left><Enter>");
    assert_eq!(effects, vec![Effect::ExportLetters(Format::Markdown)]);
    keys(&mut app, "<C-e>");
    assert!(screen(&app, 100, 30).contains("‹ Markdown ›"));
    let effects = keys(&mut app, "<Left><Down><Enter>");
    assert_eq!(
        effects,
        vec![Effect::Export(CopyKind::Record, Format::Docx)]
    );
    // The first row, all three at once, is what Enter alone writes.
    let effects = keys(&mut app, "<C-e><Enter>");
    assert_eq!(
        effects,
        CopyKind::ALL
            .iter()
            .map(|c| Effect::Export(*c, Format::Docx))
            .collect::<Vec<_>>()
    );
}
