//! Drafts between the app and the disk: what a draft's `target` holds (the
//! field, and the record form it was typed in), and putting a draft back
//! when a session opens.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::app::drafting::RecordRef;
use crate::app::effect::{Effect, Report};
use crate::app::field::Field;
use crate::app::state::App;
use crate::app::update::Msg;
use crate::storage;

/// A draft's `target`: where the text was typed.
#[derive(Serialize, Deserialize)]
struct Target {
    field: Field,
    #[serde(default)]
    record: Option<RecordRef>,
}

/// The `target` to store with a draft of `field`.
pub fn target_of(field: &Field, record: Option<RecordRef>) -> serde_json::Value {
    serde_json::to_value(Target {
        field: field.clone(),
        record,
    })
    .unwrap_or_default()
}

/// Reads a `target`, also the bare field older builds stored.
fn read_target(value: &serde_json::Value) -> Option<Target> {
    serde_json::from_value::<Target>(value.clone())
        .ok()
        .or_else(|| {
            serde_json::from_value::<Field>(value.clone())
                .ok()
                .map(|field| Target {
                    field,
                    record: None,
                })
        })
}

/// Brings back text that was being typed when cpconf last stopped in this
/// session's file. A draft whose text is already in the session is
/// cleared; one that has nowhere to go is set aside (with a message saying
/// where its text is), so no draft comes back on every open.
pub fn offer_draft(app: &mut App, recovery: &Path) {
    let Some(file) = app.file().map(Path::to_path_buf) else {
        return;
    };
    let id = app.session().id.clone();
    let Some(draft) = storage::load_draft(recovery, &id, &file) else {
        return;
    };
    let effects = match read_target(&draft.target) {
        Some(t) => app.update(Msg::Report(Report::Draft {
            field: t.field,
            record: t.record,
            text: draft.text.clone(),
            saved_at: draft.saved_at,
        })),
        None => vec![Effect::SetDraftAside],
    };
    for effect in effects {
        match effect {
            Effect::ForgetDraft => {
                let _ = storage::clear_draft(recovery, &id, &file);
            }
            Effect::SetDraftAside => {
                let place = match storage::set_draft_aside(recovery, &id, &file) {
                    Ok(path) => path.display().to_string(),
                    Err(_) => recovery.display().to_string(),
                };
                app.update(Msg::Report(Report::Warning(format!(
                    "typing from {} ({}) could not be put back: its place is gone; the text is kept in {place}",
                    draft.saved_at.format("%H:%M"),
                    draft.field
                ))));
            }
            _ => {}
        }
    }
}
