//! Schema migrations: every older file version still opens.
//!
//! A migration upgrades the JSON of one version to the next, working on the
//! untyped `serde_json::Value` so old shapes never need Rust types. To add
//! version N+1: bump `SCHEMA_VERSION` in the model, write
//! `fn vN_to_vN1(doc: &mut Value) -> Result<(), String>`, append it to
//! `MIGRATIONS`, and add `tests/fixtures/schema-vN1.json`: a fixture per
//! version proves every older file still opens.

use serde_json::Value;

use crate::model::SCHEMA_VERSION;

/// The oldest version this build can read.
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

/// One step: turns a document of version `from` into version `from + 1`.
#[derive(Clone, Copy)]
pub struct Migration {
    pub from: u32,
    pub apply: fn(&mut Value) -> Result<(), String>,
}

/// Steps must be in order, one per version.
const MIGRATIONS: &[Migration] = &[Migration {
    from: 1,
    apply: v1_to_v2,
}];

/// Version 2 adds the child's details, attendance for parts, the
/// household and safety network, Three Houses, recurring actions, child in
/// need plans, decision times and the chair's summary: all optional, so a
/// version 1 file needs only one change. Version 1 had no "direct contact
/// with the child" mark and counted every agency towards quorum, so every
/// person is marked as having it: the quorum a version 1 file showed is
/// the quorum it still shows.
fn v1_to_v2(doc: &mut Value) -> Result<(), String> {
    let Some(attendees) = doc.get_mut("attendees") else {
        return Ok(());
    };
    let list = attendees
        .as_array_mut()
        .ok_or("\"attendees\" is not a list")?;
    for (i, a) in list.iter_mut().enumerate() {
        let person = a
            .as_object_mut()
            .ok_or_else(|| format!("attendees[{i}] is not an object"))?;
        person.entry("direct_contact").or_insert(Value::Bool(true));
    }
    Ok(())
}

/// Upgrades `doc` from version `from` to the current version and sets its
/// `schema_version`. Errors are plain words for the chair.
pub fn migrate(doc: &mut Value, from: u32) -> Result<(), String> {
    migrate_with(doc, from, SCHEMA_VERSION, MIGRATIONS)
}

/// The migration chain, with the steps and target passed in so it can be
/// tested before a real second version exists.
pub(crate) fn migrate_with(
    doc: &mut Value,
    from: u32,
    to: u32,
    steps: &[Migration],
) -> Result<(), String> {
    let mut version = from;
    while version < to {
        let step = steps
            .iter()
            .find(|m| m.from == version)
            .ok_or_else(|| format!("no migration from schema version {version}"))?;
        (step.apply)(doc).map_err(|e| format!("migrating from schema version {version}: {e}"))?;
        version += 1;
        if let Value::Object(map) = doc {
            map.insert("schema_version".into(), Value::from(version));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rename_venue(doc: &mut Value) -> Result<(), String> {
        let setup = doc
            .get_mut("setup")
            .and_then(Value::as_object_mut)
            .ok_or("no setup")?;
        if let Some(v) = setup.remove("place") {
            setup.insert("venue".into(), v);
        }
        Ok(())
    }

    fn add_field(doc: &mut Value) -> Result<(), String> {
        doc.as_object_mut()
            .ok_or("not an object")?
            .insert("added_in_v3".into(), json!(true));
        Ok(())
    }

    #[test]
    fn current_version_is_untouched() {
        let mut doc = json!({"schema_version": SCHEMA_VERSION, "x": 1});
        let before = doc.clone();
        migrate(&mut doc, SCHEMA_VERSION).unwrap();
        assert_eq!(doc, before);
    }

    #[test]
    fn steps_run_in_order_and_bump_the_version() {
        let steps = [
            Migration {
                from: 1,
                apply: rename_venue,
            },
            Migration {
                from: 2,
                apply: add_field,
            },
        ];
        let mut doc = json!({"schema_version": 1, "setup": {"place": "Room 4"}});
        migrate_with(&mut doc, 1, 3, &steps).unwrap();
        assert_eq!(
            doc,
            json!({"schema_version": 3, "setup": {"venue": "Room 4"}, "added_in_v3": true})
        );
    }

    #[test]
    fn a_missing_or_failing_step_is_an_error() {
        let mut doc = json!({"schema_version": 1});
        let err = migrate_with(&mut doc, 1, 2, &[]).unwrap_err();
        assert!(err.contains("no migration from schema version 1"), "{err}");
        let steps = [Migration {
            from: 1,
            apply: rename_venue,
        }];
        let err = migrate_with(&mut doc, 1, 2, &steps).unwrap_err();
        assert!(err.contains("no setup"), "{err}");
    }

    #[test]
    fn v1_marks_everyone_as_having_direct_contact() {
        let mut doc = json!({"schema_version": 1, "attendees": [{"id": "att-1"}, {"id": "att-2", "direct_contact": false}]});
        migrate(&mut doc, 1).unwrap();
        assert_eq!(doc["schema_version"], json!(2));
        assert_eq!(doc["attendees"][0]["direct_contact"], json!(true));
        assert_eq!(doc["attendees"][1]["direct_contact"], json!(false));
        let mut bad = json!({"schema_version": 1, "attendees": {"id": "att-1"}});
        let err = migrate(&mut bad, 1).unwrap_err();
        assert!(err.contains("\"attendees\" is not a list"), "{err}");
    }

    #[test]
    fn every_old_version_has_a_step() {
        // A plain loop: clippy flags the range while it is still empty.
        let mut v = OLDEST_SCHEMA_VERSION;
        while v < SCHEMA_VERSION {
            assert!(MIGRATIONS.iter().any(|m| m.from == v), "no step from {v}");
            v += 1;
        }
    }
}
