//! End-to-end tests of the real binary in a pseudo-terminal: a whole
//! conference typed at `cpconf new`, `cpconf view` refusing every edit, and
//! a corrupt file turned away with one clear line.

mod pty;

use std::path::Path;

use pty::*;

fn arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

#[test]
fn a_new_conference_typed_in_a_terminal_is_saved_and_the_terminal_restored() {
    let sb = Sandbox::new();
    let dir = sb.sessions();
    let mut p = sb.spawn(&["new", "--dir", arg(&dir)], 100, 30);
    p.wait_for("Kind of conference");

    // 0 Setup: date, chair, family reference, then a child.
    p.keys("j");
    p.set_field("23/11/2026");
    p.wait_for("2026-11-23");
    p.keys("jjjj");
    p.set_field("Robin Fairweather");
    p.keys("j");
    p.set_field("FAM5150");
    p.keys("<Tab>a");
    p.wait_editor(true);
    p.type_and_show("Ellis Brightwater");
    p.keys("<Esc>");
    p.wait_editor(false);
    p.keys("<Esc>");
    p.wait_for("Children (1)");

    // 4 The map: one item in each column.
    p.keys("]]]]");
    p.wait_for("4 · The map");
    let items = [
        "Grandmother visits every Sunday",
        "Bruises seen twice in October",
        "Parents disagree about the bruises",
        "Health visitor to call weekly",
    ];
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            p.keys("<Tab>");
        }
        p.keys("a");
        p.wait_editor(true);
        p.type_and_show(item);
        p.keys("<Esc>");
        p.wait_editor(false);
        p.keys("<Esc>");
    }

    // 8 Decision: Enter on the child opens the decision form; Enter on
    // Outcome cycles it (not yet decided → no further action → child in need).
    p.keys("]]]]");
    p.wait_for("8 · Chair's decision");
    p.keys("<Enter>");
    p.wait_for("▶ Decision");
    p.keys("<Enter>");
    p.wait_for("‹ No further action ›");
    p.keys("<Enter>");
    p.wait_for("‹ Child in need plan ›");

    p.keys("q");
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_terminal_restored(&p);

    let file = dir.join("2026-11-23-icpc-FAM5150.json");
    let bytes = std::fs::read(&file).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; folder has {:?}",
            file.display(),
            std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect::<Vec<_>>()
        )
    });
    let json: serde_json::Value = serde_json::from_slice(&bytes).expect("saved file is JSON");
    let text = String::from_utf8_lossy(&bytes);
    for word in items
        .iter()
        .chain(&["Robin Fairweather", "FAM5150", "Ellis Brightwater"])
    {
        assert!(text.contains(word), "{word:?} missing from the saved file");
    }
    assert_eq!(json["setup"]["chair"], "Robin Fairweather");
    assert_eq!(json["setup"]["family_reference"], "FAM5150");
    assert_eq!(json["children"][0]["name"], "Ellis Brightwater");
    assert_eq!(json["decisions"][0]["outcome"], "child_in_need");
    let columns: Vec<&str> = json["map_items"]
        .as_array()
        .expect("map items")
        .iter()
        .map(|m| m["column"].as_str().expect("column"))
        .collect();
    assert_eq!(columns.len(), 4, "{columns:?}");
    let mut distinct = columns.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 4, "one item per column: {columns:?}");

    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "session file mode {mode:o}");
    // The lock is gone once cpconf has quit.
    assert!(!storage_lock(&file).exists(), "lock file left behind");
}

fn storage_lock(file: &Path) -> std::path::PathBuf {
    cpconf::storage::lock_path(file)
}
