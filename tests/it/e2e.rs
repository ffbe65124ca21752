//! End-to-end tests of the real binary in a pseudo-terminal: a whole
//! conference typed at `cpconf new`, `cpconf view` refusing every edit, and
//! a corrupt file turned away with one clear line.

use crate::pty;

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
    // Typing on a field edits it (the prefilled date is typed over); Tab
    // goes field by field, and from the last field to the children, where
    // typing starts a child.
    p.keys("<Down>");
    p.send("23/11/2026");
    p.wait_editor(true);
    p.keys("<Enter>");
    p.wait_for("Mon 23 Nov 2026");
    p.keys("<Down><Down><Down>");
    p.set_field("Robin Fairweather");
    p.keys("<Down>");
    p.set_field("FAM5150");
    p.keys("<End><Tab>");
    p.send("E");
    p.wait_editor(true);
    p.type_and_show("llis Brightwater");
    p.keys("<Esc>");
    p.wait_editor(false);
    p.wait_for("Children (1)");

    // 4 The map: one item in each column. Ctrl+G then the number, the
    // stage key every terminal sends (xterm sends Alt+4 as a character).
    p.keys("<C-g>");
    p.wait_for("type its number");
    p.keys("4");
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
        p.type_and_show(item);
        p.wait_editor(true);
        p.keys("<Esc>");
        p.wait_editor(false);
    }

    // 8 Decision: Enter on the child opens the decision form; Enter on
    // Outcome cycles it (not yet decided → child protection plan → child
    // in need).
    p.keys("<PgDn><PgDn><PgDn><PgDn>");
    p.wait_for("8 · Chair's decision");
    p.keys("<Enter>");
    p.wait_for("▶ Decision");
    p.keys("<Enter>");
    p.wait_for("‹ Child protection plan ›");
    p.keys("<Enter>");
    p.wait_for("‹ Child in need plan ›");

    p.keys("<C-q>");
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_terminal_restored(&p);

    // A file keeps the name it was created with (the date it was made and
    // "new"): typing the date and reference never renames it.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !n.starts_with('.'))
        .collect();
    assert_eq!(names.len(), 1, "one session file: {names:?}");
    assert!(names[0].ends_with("-icpc-new.json"), "{names:?}");
    let file = dir.join(&names[0]);
    let bytes = std::fs::read(&file)
        .map(|raw| sb.decrypt(raw, &file))
        .unwrap_or_else(|e| {
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

/// Names in a folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

fn example(sb: &Sandbox) -> std::path::PathBuf {
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/example-2026-11-09-icpc-FAM2041.json");
    let dst = sb.sessions().join("example-2026-11-09-icpc-FAM2041.json");
    std::fs::copy(&src, &dst).expect("copy the example");
    dst
}

#[test]
fn view_refuses_every_edit_and_never_writes() {
    let sb = Sandbox::new();
    let file = example(&sb);
    let before = std::fs::read(&file).unwrap();
    let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();

    let mut p = sb.spawn(&["view", arg(&file)], 100, 30);
    p.wait_for("read-only");
    // Every editing key, in several stages, and typing (which changes
    // nothing read-only, and says why).
    let battery = "a<Esc><Esc>d<Del><Enter>zany quick spring brawl<Esc><Esc> <Esc>u<C-z><C-y><F9><Esc><C-s><C-n><Esc><Tab>a<Esc><Esc>d<Del><Enter>txt<Esc><Esc>";
    // It opens at the stage it was left on (the decision).
    for n in [0, 1, 3, 4, 8] {
        p.go_to_stage(n);
        p.keys(battery);
        p.settle();
        assert!(
            p.screen_text().contains("read-only"),
            "read-only marker gone at stage {n}:\n{}",
            p.screen_text()
        );
    }
    p.wait_editor(false);
    // Exporting reads the session: allowed read-only, and it writes only
    // the export, owner-only, beside the session.
    // The family's copy, not the full record: with a key, the full record
    // is refused on screen (it needs the command line's confirmation).
    p.keys("<C-e>");
    p.wait_for("Family's copy");
    // The family's copy (the third row, after all three at once and the
    // full record), as Markdown (one to the left of HTML, where the format
    // starts).
    p.keys("<Down><Down><Left><Enter>");
    p.wait_for("exported to");
    p.keys("<C-q>");
    let status = p.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_terminal_restored(&p);

    // Named from the record (its date, kind and reference), not from the
    // session's file name.
    let export = sb.sessions().join("2026-11-09-icpc-FAM2041.family.md");
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&export).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600, "exports are owner-only");
    std::fs::remove_file(&export).unwrap();

    assert_eq!(std::fs::read(&file).unwrap(), before, "the file changed");
    assert_eq!(
        std::fs::metadata(&file).unwrap().modified().unwrap(),
        mtime,
        "the file was rewritten"
    );
    assert_eq!(
        listing(&sb.sessions()),
        vec!["example-2026-11-09-icpc-FAM2041.json".to_string()],
        "view left files behind (.prev, lock, temp)"
    );
    assert_eq!(
        listing(&sb.drafts()),
        Vec::<String>::new(),
        "view wrote drafts"
    );
}

#[test]
fn a_corrupt_file_gets_one_line_and_is_left_alone() {
    let sb = Sandbox::new();
    let file = sb.sessions().join("2026-11-23-icpc-FAM5150.json");
    let corrupt = b"{\n  \"schema_version\": 1,\n  \"id\": \"abc\",\n  oops\n}\n";
    std::fs::write(&file, corrupt).unwrap();

    // In a terminal: fails before taking the screen, or gives it back.
    let mut p = sb.spawn(&["open", arg(&file)], 100, 30);
    let status = p.wait_exit();
    assert!(!status.success(), "opening a corrupt file succeeded");
    assert_not_left_in_alternate_screen(&p);

    // Without a terminal, to see stderr on its own.
    let out = sb.run_plain(&["open", arg(&file)]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "stderr should be one line: {stderr:?}");
    let line = lines[0];
    assert!(line.contains(arg(&file)), "names the file: {line}");
    assert!(line.contains("line 4"), "names the line: {line}");
    assert!(line.contains("column"), "names the column: {line}");

    assert_eq!(std::fs::read(&file).unwrap(), corrupt, "the file changed");
    assert_eq!(
        listing(&sb.sessions()),
        vec!["2026-11-23-icpc-FAM5150.json".to_string()]
    );
}
