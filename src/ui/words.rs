//! What drawing reads besides the theme: the session and the local names
//! of things, passed down as one value. Saved sessions keep the stable
//! names; only the screen uses these.

use crate::app::state::App;
use crate::config::CategoryNames;
use crate::model::{Category, Session};

/// The session being drawn, with the category names the local rules give.
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    pub session: &'a Session,
    pub categories: &'a CategoryNames,
}

impl<'a> Shown<'a> {
    pub fn of(app: &'a App) -> Self {
        Shown {
            session: app.session(),
            categories: &app.config().categories,
        }
    }

    /// Categories as the local rules name them, joined with commas.
    pub fn category_list(&self, cats: &[Category]) -> String {
        self.categories.list(cats)
    }
}
