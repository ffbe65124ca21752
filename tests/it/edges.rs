//! The edges where words used to be lost or shown where they must not be:
//! a full disk at quit, a file-size limit, a file that must keep its name,
//! links to a session, odd ids, drafts whose item is gone, what the
//! projector shows, and what leaves the program. Each test drives the real
//! binary (in a pseudo-terminal) or the library code it runs.

use crate::pty;

use std::path::{Path, PathBuf};
use std::process::Command;

use pty::*;

/// The session files (`*.json`, not hidden) in `dir`.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        !name.starts_with('.') && name.ends_with(".json")
    });
    out.sort();
    out
}

/// Every name in `dir`, hidden ones too.
fn names_in(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// A small tmpfs mounted for one test, unmounted when dropped. `None` where
/// this machine does not let the test mount one (not root, no privileges).
struct SmallDisk {
    at: PathBuf,
}

impl SmallDisk {
    fn mount(at: &Path, kib: u64) -> Option<SmallDisk> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k,mode=0700")])
            .arg("tmpfs")
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| SmallDisk {
            at: at.to_path_buf(),
        })
    }

    /// Fills what is left with one file, so the next write fails ENOSPC.
    fn fill(&self) {
        use std::io::Write;
        let mut f = std::fs::File::create(self.at.join("filler")).unwrap();
        let block = vec![0u8; 4096];
        while f.write_all(&block).and_then(|()| f.flush()).is_ok() {}
        // Whatever fitted in part of a block, too.
        while f.write_all(&[0]).is_ok() {}
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.at).status();
    }
}

/// Issue #12 item 1: with the sessions and state folders on a full disk,
/// quitting must not exit 0 with the words in no file: they go to an
/// emergency copy in the next place that takes them (here the home
/// folder), its path is printed, and the exit is non-zero.
#[test]
fn full_disk_at_quit_keeps_the_words_in_home_and_fails_loudly() {
    let sb = Sandbox::new();
    let Some(disk) = SmallDisk::mount(&sb.root.path().join("disk"), 256) else {
        eprintln!(
            "cannot mount a tmpfs here: the injected-writer tests \
             (emergency_copies_fall_back_in_order_*) cover this path"
        );
        return;
    };
    let sessions = disk.at.join("sessions");
    let state = disk.at.join("state");
    std::fs::create_dir_all(&sessions).unwrap();
    std::fs::create_dir_all(&state).unwrap();
    let mut env = sb.env();
    for (k, v) in &mut env {
        if k == "XDG_STATE_HOME" {
            *v = state.clone().into();
        }
    }
    let mut p = Pty::spawn(
        &["new", "--dir", sessions.to_str().unwrap()],
        &env,
        sb.root.path(),
        100,
        30,
    );
    p.wait_ready();
    let file = json_files(&sessions).pop().expect("the new session's file");
    let before = std::fs::read(&file).unwrap();

    disk.fill();
    p.go_to_stage(4);
    p.type_and_show("Grandmother visits daily");
    p.wait_editor(true);
    p.keys("<Esc>");
    p.wait_editor(false);
    p.keys("<Esc>");
    p.wait_for("NOT SAVED");
    p.keys("<C-c>");
    let status = p.wait_exit();
    assert!(
        !status.success(),
        "words that reached no session file must not exit 0"
    );
    // The terminal is given back before the message is printed.
    assert_not_left_in_alternate_screen(&p);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the last good file is untouched"
    );
    let copies: Vec<PathBuf> = json_files(&sb.home());
    assert_eq!(copies.len(), 1, "one emergency copy in home: {copies:?}");
    let copy = std::fs::read_to_string(&copies[0]).unwrap();
    assert!(copy.contains("Grandmother visits daily"), "{copy}");
    let said = String::from_utf8_lossy(&strip_escapes(&p.raw_output())).into_owned();
    let said: String = said.split_whitespace().collect::<Vec<_>>().join(" ");
    let copy_name = copies[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        said.contains("could not save") && said.contains(&copy_name),
        "the emergency copy's path is printed: {said}"
    );
}

/// Issue #12 items 1 and 7: under a file-size limit (`ulimit -f`) the
/// first save used to kill cpconf with SIGXFSZ, leaving a fragment of the
/// session in a temp file and no copy anywhere. Now the save fails like a
/// full disk: NOT SAVED on screen, no fragment left, and at quit the words
/// are printed (no file can take them under the limit) with a non-zero exit.
#[test]
fn a_file_size_limit_is_a_failed_save_not_a_killed_program() {
    let sb = Sandbox::new();
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/example-2027-02-09-rcpc-FAM2041.json");
    let file = sb.sessions().join("big.json");
    std::fs::copy(&src, &file).unwrap();
    let size = std::fs::metadata(&file).unwrap().len();
    let before = std::fs::read(&file).unwrap();
    // Half the file's size: any save of it crosses the limit.
    let limit_kib = (size / 1024 / 2).max(1);
    let mut p = Pty::spawn_file_size_limited(
        limit_kib,
        &["open", file.to_str().unwrap()],
        &sb.env(),
        sb.root.path(),
    );
    p.wait_ready();
    p.go_to_stage(4);
    p.type_and_show("Uncle takes the children swimming");
    p.wait_editor(true);
    p.keys("<Esc>");
    p.wait_editor(false);
    p.keys("<Esc>");
    p.wait_for("NOT SAVED");
    p.keys("<C-c>");
    let status = p.wait_exit();
    assert!(!status.success(), "the words reached no file: {status:?}");
    assert_not_left_in_alternate_screen(&p);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the file is as it was"
    );
    let left: Vec<String> = names_in(&sb.sessions())
        .into_iter()
        .filter(|n| n != "big.json" && !n.ends_with(".lock"))
        .collect();
    assert!(left.is_empty(), "no temp fragment is left: {left:?}");
    let said = String::from_utf8_lossy(&p.raw_output()).into_owned();
    assert!(
        said.contains("Uncle takes the children swimming"),
        "the unsaved words are printed as the last resort"
    );
}

/// Issue #12 item 7 for `export -o`: the limit makes the export fail with a
/// message, not a killed program, and no fragment is left.
#[test]
fn export_under_a_file_size_limit_fails_with_a_message_and_no_fragment() {
    let sb = Sandbox::new();
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/example-2027-02-09-rcpc-FAM2041.json");
    let file = sb.sessions().join("s.json");
    std::fs::copy(&src, &file).unwrap();
    let out = sb.root.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let target = out.join("record.md");
    let script = format!(
        "ulimit -f 2 && exec \"$0\" export --copy record --format md -o {} {}",
        target.display(),
        file.display()
    );
    let output = Command::new("/bin/sh")
        .args(["-c", &script])
        .arg(binary())
        .envs(sb.env())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&output.status),
        None,
        "killed by a signal instead of failing: {stderr}"
    );
    assert!(stderr.contains("record.md"), "names the file: {stderr}");
    assert!(
        names_in(&out).is_empty(),
        "no fragment: {:?}",
        names_in(&out)
    );
}

// ------------------------------------------------- 2. a file keeps its name

fn example_into(dir: &Path, name: &str) -> PathBuf {
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/example-2027-02-09-rcpc-FAM2041.json");
    let dst = dir.join(name);
    std::fs::copy(&src, &dst).expect("copy the example");
    dst
}

/// Typing a date and a family reference used to rename the file (and the
/// projector lost it). Now the file keeps the name it was created with.
#[test]
fn a_file_keeps_its_name_when_its_date_and_reference_change() {
    let sb = Sandbox::new();
    let dir = sb.sessions();
    let mut p = sb.spawn(&["new", "--dir", dir.to_str().unwrap()], 100, 30);
    p.wait_ready();
    let created = json_files(&dir);
    assert_eq!(created.len(), 1, "{created:?}");
    p.keys("<Down>");
    p.set_field("17/12/2026");
    p.wait_for("17 Dec 2026");
    p.keys("<Down><Down><Down><Down><Down>");
    p.set_field("FAM7788");
    p.wait_for("FAM7788");
    p.keys("<C-c>");
    assert!(p.wait_exit().success());
    assert_eq!(json_files(&dir), created, "the file was renamed");
    let saved = std::fs::read_to_string(&created[0]).unwrap();
    assert!(saved.contains("FAM7788") && saved.contains("2026-12-17"));
}

/// `open X.json.prev` used to move the backup to a new name beside the
/// session. A backup now opens read-only, says how to carry on from it,
/// and is never moved or changed; `open --as-new` copies it into the
/// sessions folder under a new id.
#[test]
fn a_backup_opens_read_only_and_is_never_moved() {
    let sb = Sandbox::new();
    let dir = sb.sessions();
    let file = example_into(&dir, "s.json");
    let prev = example_into(&dir, "s.json.prev");
    let before = names_in(&dir);
    let prev_bytes = std::fs::read(&prev).unwrap();

    let mut p = sb.spawn(&["open", prev.to_str().unwrap()], 250, 30);
    p.wait_for("read-only");
    p.wait_for("--as-new");
    p.keys("<C-c>");
    assert!(p.wait_exit().success());
    assert_eq!(names_in(&dir), before, "nothing moved or appeared");
    assert_eq!(std::fs::read(&prev).unwrap(), prev_bytes);

    let dir_arg = dir.to_str().unwrap();
    let mut p = sb.spawn(
        &["open", "--as-new", "--dir", dir_arg, prev.to_str().unwrap()],
        120,
        30,
    );
    p.wait_ready();
    p.keys("<C-c>");
    assert!(p.wait_exit().success());
    assert_eq!(
        std::fs::read(&prev).unwrap(),
        prev_bytes,
        "the backup is as it was"
    );
    let sessions = json_files(&dir);
    assert_eq!(sessions.len(), 2, "the copy is a new session: {sessions:?}");
    let id = |p: &Path| {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
        v["id"].as_str().unwrap().to_string()
    };
    let copy = sessions.iter().find(|p| **p != file).unwrap();
    assert_ne!(id(copy), id(&file), "two files never claim one session id");
}

/// The same session opened through a symbolic link used to get a second
/// writer: the lock was per path.
#[test]
fn the_same_session_through_a_symlink_is_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_into(dir.path(), "s.json");
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    let ids = dir.path().join("ids");
    let _held = cpconf::storage::acquire_with_identity_dir(&file, &ids).expect("first lock");
    let second = cpconf::storage::acquire_with_identity_dir(&link, &ids);
    assert!(
        matches!(
            second,
            Err(cpconf::storage::LockError::HeldElsewhere { .. })
        ),
        "{second:?}"
    );
}

/// The same through a hard link: another name for the very same file.
#[test]
fn the_same_session_through_a_hard_link_is_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_into(dir.path(), "s.json");
    let other = dir.path().join("other-name.json");
    std::fs::hard_link(&file, &other).unwrap();
    let ids = dir.path().join("ids");
    let held = cpconf::storage::acquire_with_identity_dir(&file, &ids).expect("first lock");
    let second = cpconf::storage::acquire_with_identity_dir(&other, &ids);
    let message = second
        .expect_err("a second writer through a hard link")
        .to_string();
    assert!(message.contains("open in another cpconf"), "{message}");
    drop(held);
    assert!(
        cpconf::storage::acquire_with_identity_dir(&other, &ids).is_ok(),
        "free again once the first has let go"
    );
}

/// A lock file that is a symbolic link used to be followed, and whatever
/// it pointed at overwritten with lock details.
#[test]
fn a_lock_file_that_is_a_symlink_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_into(dir.path(), "s.json");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, cpconf::storage::lock_path(&file)).unwrap();
    let result = cpconf::storage::acquire_with_identity_dir(&file, &dir.path().join("ids"));
    let message = result
        .expect_err("a linked lock file is refused")
        .to_string();
    assert!(message.contains("symbolic link"), "{message}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
}

/// Saving a session opened through a symbolic link used to replace the
/// link with a file. It now writes to the file the link names, says so,
/// and the link stays a link.
#[test]
fn saving_through_a_symlink_writes_the_real_file_and_keeps_the_link() {
    let sb = Sandbox::new();
    let real = example_into(&sb.sessions(), "real.json");
    let link = sb.sessions().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut p = sb.spawn(&["open", link.to_str().unwrap()], 120, 30);
    p.wait_ready();
    p.wait_for("is a link: saving writes to");
    p.go_to_stage(4);
    p.type_and_show("Neighbour helps on Fridays");
    p.wait_editor(true);
    p.keys("<Esc>");
    p.wait_editor(false);
    p.keys("<Esc><C-c>");
    assert!(p.wait_exit().success());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let saved = std::fs::read_to_string(&real).unwrap();
    assert!(saved.contains("Neighbour helps on Fridays"));
}

// ---------------------------------------------------------------- 3. ids

fn example_json() -> serde_json::Value {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/example-2027-02-09-rcpc-FAM2041.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn parse(v: &serde_json::Value) -> Result<cpconf::storage::Loaded, cpconf::storage::LoadError> {
    cpconf::storage::parse(Path::new("s.json"), &serde_json::to_vec_pretty(v).unwrap())
}

/// A `next_id` behind the ids in use used to hand out an id twice (and the
/// program then refused its own file).
#[test]
fn ids_are_issued_past_the_largest_in_use_whatever_next_id_says() {
    let mut v = example_json();
    v["next_id"] = 3.into();
    let mut s = parse(&v).expect("opens").session;
    let largest = serde_json::to_string(&v)
        .unwrap()
        .match_indices("\"item-")
        .filter_map(|(i, _)| {
            let rest = &serde_json::to_string(&v).unwrap()[i + 6..];
            rest[..rest.find('"').unwrap()].parse::<u64>().ok()
        })
        .max()
        .unwrap();
    let id = s.new_item_id();
    assert_eq!(id.0, format!("item-{}", largest + 1));
    // And the session, saved and opened again, is accepted.
    let text = serde_json::to_vec(&s).unwrap();
    cpconf::storage::parse(Path::new("s.json"), &text).expect("its own file opens");
}

/// `next_id` at the top of u64 used to wrap round to `item-0`.
#[test]
fn an_id_counter_at_the_top_is_refused_not_wrapped() {
    let mut v = example_json();
    v["next_id"] = u64::MAX.into();
    let message = parse(&v).expect_err("refused").to_string();
    assert!(message.contains("next_id"), "{message}");
    assert!(message.contains("s.json"), "names the file: {message}");
}

/// Keys this build does not know used to be dropped silently on save.
#[test]
fn unknown_top_level_keys_are_kept_through_a_save() {
    let mut v = example_json();
    v["x_other_tool"] = serde_json::json!({"reviewed_by": "QA", "n": 3});
    let s = parse(&v).expect("opens").session;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    cpconf::storage::save(&cpconf::storage::DurableWriter, &path, &s).unwrap();
    let back: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(back["x_other_tool"], v["x_other_tool"]);
}

/// Files the format calls invalid used to open (a decision made up for a
/// child, a finalised status with no record of it); inconsistency
/// messages now name the id.
#[test]
fn files_the_docs_call_invalid_are_refused_naming_the_id() {
    let mut v = example_json();
    v.as_object_mut().unwrap().remove("decisions");
    let message = parse(&v).expect_err("no decisions").to_string();
    assert!(
        message.contains("child-") && message.contains("no decision"),
        "{message}"
    );

    let mut v = example_json();
    v["status"] = "finalised".into();
    v["finalised"] = serde_json::Value::Null;
    let message = parse(&v)
        .expect_err("finalised without a record")
        .to_string();
    assert!(message.contains("finalised"), "{message}");

    let mut v = example_json();
    let item = v["map_items"][0]["id"].as_str().unwrap().to_string();
    v["map_items"][0]["children"] = serde_json::json!(["child-999"]);
    let message = parse(&v).expect_err("a dangling child").to_string();
    assert!(message.contains(&item), "names the item: {message}");
}

// ------------------------------------------------------------- 4. drafts

/// The issue's case: the draft names an item that never reached the file
/// (written by a build that kept only the field). The editor used to open
/// and never close, and the draft came back on every open. Now it is set
/// aside with a message saying where its text is, and does not come back.
#[test]
fn a_draft_whose_item_is_gone_never_traps_the_editor_or_returns() {
    let sb = Sandbox::new();
    let file = example_into(&sb.sessions(), "s.json");
    let id = example_json()["id"].as_str().unwrap().to_string();
    std::fs::create_dir_all(sb.drafts()).unwrap();
    let draft = serde_json::json!({
        "session_id": id,
        "session_file": file,
        "field": "The map › Text",
        "target": {"field": "map_text", "of": "item-9999"},
        "text": "Typed just before the crash",
        "saved_at": "2026-11-23T10:00:00+00:00",
    });
    std::fs::write(
        sb.drafts().join(format!("{id}.draft.json")),
        serde_json::to_vec(&draft).unwrap(),
    )
    .unwrap();

    let mut p = sb.spawn(&["open", file.to_str().unwrap()], 140, 30);
    p.wait_ready();
    p.wait_for("could not be put back");
    assert!(
        !p.screen_text().contains(EDITOR_HINT),
        "no editor is stuck open"
    );
    p.keys("<C-c>");
    assert!(p.wait_exit().success());
    let aside: Vec<String> = names_in(&sb.drafts())
        .into_iter()
        .filter(|n| n.contains("not-restored"))
        .collect();
    assert_eq!(aside.len(), 1, "{:?}", names_in(&sb.drafts()));
    let kept = std::fs::read_to_string(sb.drafts().join(&aside[0])).unwrap();
    assert!(kept.contains("Typed just before the crash"));

    let mut p = sb.spawn(&["open", file.to_str().unwrap()], 140, 30);
    p.wait_ready();
    std::thread::sleep(std::time::Duration::from_millis(500));
    let screen = p.screen_text();
    assert!(
        !screen.contains("recovered") && !screen.contains("could not be put back"),
        "the draft came back: {screen}"
    );
    p.keys("<C-c>");
    assert!(p.wait_exit().success());
}

/// When the disk refuses drafts, the chair is told: what is being typed
/// is then only in memory.
#[test]
fn a_draft_the_disk_refuses_is_said_in_the_status_bar() {
    let sb = Sandbox::new();
    let file = example_into(&sb.sessions(), "s.json");
    // The drafts folder cannot be made: a file has its name.
    std::fs::write(sb.drafts(), b"not a folder").unwrap();
    let mut p = sb.spawn(&["open", file.to_str().unwrap()], 140, 30);
    p.wait_ready();
    p.go_to_stage(4);
    p.type_and_show("Words with no draft");
    p.wait_editor(true);
    p.wait_for("no draft kept");
    p.keys("<Esc>");
    p.wait_editor(false);
    p.keys("<Esc><C-c>");
    assert!(p.wait_exit().success());
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Words with no draft")
    );
}

/// A draft kept with its record form: when its item never reached the
/// file, it becomes a new item of that list, and Esc closes the editor.
#[test]
fn a_draft_whose_item_never_reached_the_file_becomes_a_new_item() {
    use cpconf::app::drafting::RecordRef;
    use cpconf::app::effect::Report;
    use cpconf::app::field::Field;
    use cpconf::app::panes::ListKind;
    use cpconf::app::state::{Access, App};
    use cpconf::app::update::Msg;
    use cpconf::model::{Column, ItemId};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    let session = cpconf::storage::parse(
        Path::new("s.json"),
        &serde_json::to_vec(&example_json()).unwrap(),
    )
    .unwrap()
    .session;
    let before = session.map_items.len();
    let now = session.updated_at;
    let mut app = App::new(session, Access::Edit, now);
    let gone = ItemId("item-9999".into());
    let effects = app.update(Msg::Report(Report::Draft {
        field: Field::MapText(gone.clone()),
        record: Some(RecordRef {
            list: ListKind::Map(Column::Worried),
            key: gone.0.clone(),
        }),
        text: "Recovered worry about the stairs".into(),
        saved_at: now,
    }));
    assert!(effects.is_empty(), "put back, not set aside: {effects:?}");
    assert!(app.editing(), "in an editor the chair can close");
    for _ in 0..2 {
        app.update(Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
    }
    assert!(!app.editing(), "the editor closes");
    assert_eq!(app.session().map_items.len(), before + 1);
    let item = app.session().map_items.last().unwrap();
    assert_eq!(item.text, "Recovered worry about the stairs");
    assert_eq!(item.column, Column::Worried);
    assert_ne!(item.id, gone, "a fresh id, never one the file may hold");
}

/// Two copies of one session (same id, two files) used to share a draft,
/// so it could land in the wrong one.
#[test]
fn two_copies_of_a_session_never_share_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let a = example_into(dir.path(), "a.json");
    let b = example_into(dir.path(), "b.json");
    let state = dir.path().join("state");
    let draft = cpconf::storage::Draft {
        session_id: "same-id".into(),
        session_file: a.clone(),
        field: "The map › Text".into(),
        target: serde_json::json!(null),
        text: "typed in a".into(),
        saved_at: chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+00:00").unwrap(),
    };
    cpconf::storage::save_draft(&cpconf::storage::DurableWriter, &state, &draft).unwrap();
    assert_eq!(
        cpconf::storage::load_draft(&state, "same-id", &a).map(|d| d.text),
        Some("typed in a".to_string())
    );
    assert_eq!(cpconf::storage::load_draft(&state, "same-id", &b), None);
}

// ---------------------------------------------------------- 5. projector

/// Restricted text used to show on the projector from the moment the
/// text was kept until the chair reached the Restricted tick. The chair's
/// window and the projector run as two real processes here: an item whose
/// form is open never appears; once its form closes it appears, unless it
/// was marked restricted.
#[test]
fn the_projector_shows_an_item_only_once_its_form_is_closed() {
    let sb = Sandbox::new();
    let file = example_into(&sb.sessions(), "s.json");
    let f = file.to_str().unwrap();
    let mut chair = sb.spawn(&["open", f], 120, 36);
    chair.wait_ready();
    // Tall enough for the whole first column of the map.
    let mut projector = sb.spawn(&["present", f], 160, 120);
    projector.wait_for("FAM2041");

    chair.go_to_stage(4);
    // A restricted item: typed, kept with Esc, then marked restricted.
    chair.type_and_show("Police intelligence zebra");
    chair.wait_editor(true);
    // Tab keeps the text and opens the item's form at its next field.
    chair.keys("<Tab>");
    chair.wait_editor(false);
    chair.wait_for("Restricted");
    // Saved with its form still open: the file says it is being written.
    let saved_with_form_open = || {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        text.contains("Police intelligence zebra") && text.contains("\"drafting\"")
    };
    let start = std::time::Instant::now();
    while !saved_with_form_open() {
        assert!(start.elapsed() < PATIENCE, "never saved with the form open");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    // Long enough for the projector to have followed that save.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    // From "Said by" down to the restricted tick box.
    chair.keys("<Down><Down><Down>");
    chair.keys(" ");
    chair.keys("<Esc>");

    // A plain item after it: shown once its form is closed, which also
    // proves the projector has followed every save.
    chair.type_and_show("Grandad walks them to school");
    chair.wait_editor(true);
    chair.keys("<Esc>");
    chair.wait_editor(false);
    chair.keys("<Esc>");
    projector.wait_for("Grandad walks them to school");

    let shown = String::from_utf8_lossy(&projector.raw_output()).into_owned();
    assert!(
        !shown.contains("Police intelligence zebra"),
        "restricted text reached the projector"
    );
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(!saved.contains("\"drafting\""), "no form is open any more");
    projector.keys("q");
    chair.keys("<C-c>");
    assert!(chair.wait_exit().success());
    projector.wait_exit();
}

// --------------------------------------------------------- 6. config FIFO

fn make_fifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a valid NUL-terminated path.
    let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o600) };
    assert_eq!(rc, 0, "mkfifo {}", path.display());
}

/// A config that is a named pipe used to hang cpconf for ever, with
/// `--config` and even for `cpconf list` at the usual place.
#[test]
fn a_config_that_is_a_pipe_is_refused_at_once() {
    let sb = Sandbox::new();
    let fifo = sb.root.path().join("rules.toml");
    make_fifo(&fifo);
    let out = sb.run_plain(&["--config", fifo.to_str().unwrap(), "list"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not a regular file") && stderr.contains("rules.toml"),
        "{stderr}"
    );

    let usual = sb.root.path().join("config/cpconf");
    std::fs::create_dir_all(&usual).unwrap();
    make_fifo(&usual.join("config.toml"));
    let out = sb.run_plain(&["list"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not a regular file") && stderr.contains("config.toml"),
        "{stderr}"
    );
}

// ------------------------------------------ weak items: what leaves cpconf

fn with_controls() -> cpconf::model::Session {
    let mut s = cpconf::example::example_icpc();
    s.setup.chair = "Chair\u{1b}]0;owned\u{7}Name".into();
    s.map_items[0].text = "Before\u{1b}[2Jafter\r\u{9b}31mred\u{85}end\ttab".into();
    s
}

/// Pasted control characters used to go out raw in every export: sent to
/// a terminal they could set its title or clear it.
#[test]
fn exports_carry_no_control_characters() {
    use cpconf::export::{CopyKind, Format, render};
    let s = with_controls();
    for copy in CopyKind::ALL {
        for format in Format::ALL {
            let out = render(&s, copy, format);
            let bad: Vec<char> = out
                .chars()
                .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
                .collect();
            assert!(bad.is_empty(), "{copy:?} {format:?} carries {bad:?}");
        }
    }
    let record = render(&s, CopyKind::Record, Format::Text);
    assert!(
        record.contains("Before[2Jafter"),
        "the words stay: {record}"
    );
}

/// The same through `cpconf export` to a terminal's standard output.
#[test]
fn export_to_stdout_carries_no_escape_sequences() {
    let sb = Sandbox::new();
    let file = sb.sessions().join("s.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&with_controls()).unwrap()).unwrap();
    let out = sb.run_plain(&["export", "--copy", "record", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07));
}

/// A line `~~~` in a note used to turn the rest of the family's copy into
/// a code block, and `---` made a rule. No field can make structure now.
#[test]
fn markdown_fields_cannot_make_structure() {
    use cpconf::export::{CopyKind, Format, render};
    let mut s = cpconf::example::example_icpc();
    let attacks = [
        "~~~",
        "```",
        "---",
        "***",
        "===",
        "# Heading",
        "> quote",
        "| a | b |",
        "    indented code",
        "- list",
        "1. list",
        "<b>bold</b>",
        "&copy;",
        "~~struck~~",
    ];
    s.map_items[0].text = attacks.join("\n");
    s.map_items[0].restricted = false;
    // The whole family's copy leaves out a part any family member missed
    // (the example's separate attendance misses the map): nobody misses it
    // here, so the item reaches both copies.
    s.pre_meeting.exclusions.clear();
    s.parts.clear();
    for copy in [CopyKind::Record, CopyKind::Family] {
        let md = render(&s, copy, Format::Markdown);
        for line in md.lines() {
            let t = line.trim_start_matches("- ").trim_start();
            for raw in [
                "~~~",
                "```",
                "---",
                "***",
                "===",
                "# Heading",
                "> quote",
                "&copy;",
                "~~struck",
            ] {
                assert!(
                    !t.starts_with(raw)
                        || line.starts_with('|')
                        || line.starts_with('#') && !t.contains("Heading"),
                    "{copy:?}: a field made structure: {line:?}"
                );
            }
            assert!(
                !line.starts_with("    "),
                "{copy:?}: indented code: {line:?}"
            );
        }
        assert!(md.contains(r"\~\~\~"), "{copy:?} escapes ~~~");
        assert!(md.contains(r"\<b\>"), "{copy:?} escapes HTML");
        let html = render(&s, copy, Format::Html);
        assert!(
            html.contains("&lt;b&gt;") && !html.contains("<b>bold"),
            "{copy:?} HTML"
        );
        assert!(html.contains("&amp;copy;"), "{copy:?} HTML entity");
    }
}

/// The session list and `cpconf list` used to print control characters
/// from a file's fields as they were.
#[test]
fn list_prints_no_control_characters() {
    let sb = Sandbox::new();
    let mut s = cpconf::example::example_icpc();
    s.setup.family_reference = "FAM\u{1b}[2J\u{7}42".into();
    std::fs::write(
        sb.sessions().join("s.json"),
        serde_json::to_vec_pretty(&s).unwrap(),
    )
    .unwrap();
    let out = sb.run_plain(&["list"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("FAM[2J42"), "{stdout}");
    assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07));
}

/// The screen never draws a control character either (ratatui drops them;
/// this holds it to that).
#[test]
fn the_screen_draws_no_control_characters() {
    use cpconf::app::state::{Access, App};
    let s = with_controls();
    let now = s.updated_at;
    let mut app = App::new(s, Access::Edit, now);
    app.update(cpconf::app::update::Msg::GoToStage(
        cpconf::model::Stage::Map,
    ));
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(140, 40)).unwrap();
    term.draw(|f| cpconf::ui::draw(f, &app)).unwrap();
    let buffer = term.backend().buffer().clone();
    let text: String = buffer
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(text.contains("Before"), "the item is on screen");
    assert!(!text.chars().any(char::is_control), "{text:?}");
}

/// `list` on a folder it cannot read used to print an empty table and
/// exit 0; it now says which folder and why, and fails.
#[test]
fn list_on_an_unreadable_folder_fails_naming_it() {
    let sb = Sandbox::new();
    let not_a_folder = sb.root.path().join("plain-file");
    std::fs::write(&not_a_folder, b"x").unwrap();
    let out = sb.run_plain(&["list", "--dir", not_a_folder.to_str().unwrap()]);
    assert!(!out.status.success(), "exit 0 on an unreadable folder");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("plain-file"), "names the folder: {stderr}");
}

/// `new` without a terminal used to fail only after making a session file,
/// leaving one more each time.
#[test]
fn new_without_a_terminal_fails_before_making_any_file() {
    let sb = Sandbox::new();
    let out = sb.run_plain(&["new", "--dir", "sessions"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a terminal"), "{stderr}");
    assert!(
        names_in(&sb.sessions()).is_empty(),
        "{:?}",
        names_in(&sb.sessions())
    );
}

/// With standard output sent to a file, the screen used to be drawn into
/// the file. It now refuses with a message and leaves the session alone.
#[test]
fn the_screen_is_never_drawn_into_a_file() {
    let sb = Sandbox::new();
    let file = example_into(&sb.sessions(), "s.json");
    let before = std::fs::read(&file).unwrap();
    let captured = sb.root.path().join("captured.txt");
    let mut cmd = portable_pty::CommandBuilder::new("/bin/sh");
    let script = format!(
        "exec \"$0\" open {} > {}",
        file.display(),
        captured.display()
    );
    cmd.args(["-c", script.as_str()]);
    cmd.arg(binary());
    let mut p = Pty::spawn_command(cmd, &sb.env(), sb.root.path(), 100, 30);
    let status = p.wait_exit();
    assert!(!status.success());
    let said = String::from_utf8_lossy(&p.raw_output()).into_owned();
    assert!(said.contains("standard output is not a terminal"), "{said}");
    let drawn = std::fs::read(&captured).unwrap_or_default();
    assert!(
        drawn.is_empty(),
        "drawn into the file: {} bytes",
        drawn.len()
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(!cpconf::storage::lock_path(&file).exists());
}

/// `export --force` could replace the session's `.prev` (its last good
/// version); neither it nor the session itself can be an export's target.
#[test]
fn export_force_never_replaces_the_session_or_its_backup() {
    let sb = Sandbox::new();
    let file = example_into(&sb.sessions(), "s.json");
    let prev = example_into(&sb.sessions(), "s.json.prev");
    let prev_before = std::fs::read(&prev).unwrap();
    let out = sb.run_plain(&[
        "export",
        "--copy",
        "record",
        "--format",
        "md",
        "--force",
        "-o",
        prev.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("s.json.prev"), "{stderr}");
    assert_eq!(std::fs::read(&prev).unwrap(), prev_before);

    let link = sb.sessions().join("other-name.md");
    std::fs::hard_link(&file, &link).unwrap();
    let out = sb.run_plain(&[
        "export",
        "--copy",
        "record",
        "--force",
        "-o",
        link.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert!(
        !out.status.success(),
        "wrote over the session through a hard link"
    );
}

/// A key this build does not know inside a record used to be dropped on
/// the next save without a word. Such a file is now refused, naming the
/// key and where it is, and left as it was.
#[test]
fn unknown_keys_inside_records_are_refused_naming_them() {
    let mut v = example_json();
    v["map_items"][0]["x_confidence"] = "high".into();
    let message = parse(&v).expect_err("refused").to_string();
    assert!(message.contains("x_confidence"), "{message}");
    assert!(message.contains("line"), "says where: {message}");
}

/// Where the words go when the session file refuses them, as an injected
/// list of folders (for machines where the tmpfs test cannot mount): the
/// first folder that takes a new file, in order, and as a last resort the
/// whole session as text for stderr.
#[test]
fn emergency_copies_fall_back_in_order_then_to_text() {
    use cpconf::runtime::emergency::{Kept, keep_in};
    let dir = tempfile::tempdir().unwrap();
    let session = cpconf::example::example_icpc();
    // A folder that cannot be made (a file has its name), then a good one.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, b"x").unwrap();
    let state = blocked.join("cpconf");
    let home = dir.path().join("home");
    let temp = dir.path().join("temp");
    let kept = keep_in(&[state.clone(), home.clone(), temp.clone()], &session);
    let Kept::File(path) = &kept else {
        panic!("expected a file, got {kept:?}")
    };
    assert!(
        path.starts_with(&home),
        "the first folder that takes it: {path:?}"
    );
    assert!(!temp.exists(), "no copy further down the list");
    let copy = cpconf::storage::load(path).expect("the copy opens");
    assert_eq!(copy.session, session);
    assert!(kept.describe().contains(&path.display().to_string()));

    let kept = keep_in(&[state, blocked.join("also")], &session);
    let Kept::Text(json) = &kept else {
        panic!("expected the text, got {kept:?}")
    };
    assert!(json.contains(&session.id));
    assert!(kept.describe().contains(&session.id), "printed whole");
}

/// Danger statements, goals and actions follow the same rule as map
/// items on the projector: not shown while their form is open.
#[test]
fn the_projector_view_leaves_out_whatever_is_being_written() {
    use cpconf::present::FamilyView;
    let mut s = cpconf::example::example_icpc();
    let all = FamilyView::of(&s);
    s.drafting = Some(s.danger_statements.last().unwrap().id.clone());
    assert_eq!(FamilyView::of(&s).dangers.len(), all.dangers.len() - 1);
    s.drafting = Some(s.safety_goals[0].id.clone());
    assert_eq!(FamilyView::of(&s).goals.len(), all.goals.len() - 1);
    let item = s.map_items.iter().find(|m| !m.restricted).unwrap().clone();
    s.drafting = Some(item.id.clone());
    let shown: Vec<String> = FamilyView::of(&s)
        .columns
        .iter()
        .flat_map(|c| c.items.iter().map(|i| i.text.clone()))
        .collect();
    assert!(!shown.contains(&item.text));
    s.drafting = None;
    assert_eq!(FamilyView::of(&s), all);
}
