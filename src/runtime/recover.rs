//! Drafts between the app and the disk: what a draft's `target` holds (the
//! field, and the record form it was typed in), and putting a draft back
//! when a session opens.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::app::drafting::{RecordRef, Recovered};
use crate::app::field::Field;
use crate::app::state::{App, Tone};
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
    let Some(file) = app.file.clone() else {
        return;
    };
    let Some(draft) = storage::load_draft(recovery, &app.session.id, &file) else {
        return;
    };
    let outcome = match read_target(&draft.target) {
        Some(t) => app.recover_draft(t.field, t.record, &draft.text, draft.saved_at),
        None => Recovered::Nowhere,
    };
    match outcome {
        Recovered::Editing => {}
        Recovered::AlreadyKept => {
            let _ = storage::clear_draft(recovery, &app.session.id, &file);
        }
        Recovered::Nowhere if app.read_only() => {}
        Recovered::Nowhere => {
            let kept = storage::set_draft_aside(recovery, &app.session.id, &file);
            let place = match &kept {
                Ok(path) => path.display().to_string(),
                Err(_) => recovery.display().to_string(),
            };
            app.say(
                Tone::Warning,
                format!(
                    "typing from {} ({}) could not be put back: its place is gone; the text is kept in {place}",
                    draft.saved_at.format("%H:%M"),
                    draft.field
                ),
            );
        }
    }
}

/// Tells the chair when the disk refuses drafts (and when it takes them
/// again): what is being typed is then only in memory. True if anything
/// was said.
pub fn note_draft_results(app: &mut App, results: Vec<Result<(), String>>) -> bool {
    let Some(last) = results.into_iter().last() else {
        return false;
    };
    match last {
        Err(e) => {
            app.say(
                Tone::Error,
                format!("no draft kept of what you are typing ({e}); Esc keeps it in the session"),
            );
            true
        }
        Ok(()) => {
            let was_failing = app
                .message
                .as_ref()
                .is_some_and(|m| m.text.starts_with("no draft kept"));
            if was_failing {
                app.message = None;
            }
            was_failing
        }
    }
}
