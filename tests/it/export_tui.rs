//! Exporting from inside a session, including a read-only one.

use crate::support;

use cpconf::app::effect::Effect;
use cpconf::app::state::{Access, App, Overlay};
use cpconf::export::{CopyKind, Format};
use support::*;

#[test]
fn e_offers_every_copy_in_every_format_even_read_only() {
    let mut app = App::new(
        cpconf::example::example_icpc(),
        Access::ReadOnly("test".into()),
        at("13:00:00"),
    );
    let before = app.session().clone();
    commands(&mut app, "e");
    assert!(matches!(app.overlays().last(), Some(Overlay::Export(_))));
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("Family's copy (nothing restricted)"),
        "{shown}"
    );
    // Down to the family copy as HTML: record ×3, then family md, html.
    let effects = commands(&mut app, "jjjj<Enter>");
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
