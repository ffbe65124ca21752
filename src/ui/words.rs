//! The local names of things, for the frame being drawn: set once by
//! `ui::draw` from the app's local rules and read by the drawing helpers,
//! like the theme. Saved sessions keep the stable names; only the screen
//! uses these.

use std::cell::RefCell;
use std::rc::Rc;

use crate::config::CategoryNames;
use crate::model::Category;

thread_local! {
    static CATEGORIES: RefCell<Option<Rc<CategoryNames>>> = const { RefCell::new(None) };
}

/// Draws with these category names for the duration of `f`.
pub fn with<R>(names: &CategoryNames, f: impl FnOnce() -> R) -> R {
    let before = CATEGORIES.with(|c| c.replace(Some(Rc::new(names.clone()))));
    let out = f();
    CATEGORIES.with(|c| *c.borrow_mut() = before);
    out
}

/// The names in force (the England defaults outside a frame). Shared, not
/// copied: forms ask for them for every field of every frame.
pub fn categories() -> Rc<CategoryNames> {
    CATEGORIES.with(|c| c.borrow().clone().unwrap_or_default())
}

/// Categories as the local rules name them, joined with commas.
pub fn category_list(cats: &[Category]) -> String {
    categories().list(cats)
}
