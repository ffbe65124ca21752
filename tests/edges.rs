//! The edges where words used to be lost or shown where they must not be:
//! a full disk at quit, a file-size limit, a file that must keep its name,
//! links to a session, odd ids, drafts whose item is gone, what the
//! projector shows, and what leaves the program. Each test drives the real
//! binary (in a pseudo-terminal) or the library code it runs.

mod pty;

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
        ok.then(|| SmallDisk { at: at.to_path_buf() })
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
    for (k, v) in env.iter_mut() {
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
    p.keys("a");
    p.wait_editor(true);
    p.type_and_show("Grandmother visits daily");
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
    assert_terminal_restored(&p);
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
    let copy_name = copies[0].file_name().unwrap().to_string_lossy().into_owned();
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
    let mut p =
        Pty::spawn_file_size_limited(limit_kib, &["open", file.to_str().unwrap()], &sb.env(), sb.root.path());
    p.wait_ready();
    p.go_to_stage(4);
    p.keys("a");
    p.wait_editor(true);
    p.type_and_show("Uncle takes the children swimming");
    p.keys("<Esc>");
    p.wait_editor(false);
    p.keys("<Esc>");
    p.wait_for("NOT SAVED");
    p.keys("<C-c>");
    let status = p.wait_exit();
    assert!(!status.success(), "the words reached no file: {status:?}");
    assert_terminal_restored(&p);
    assert_eq!(std::fs::read(&file).unwrap(), before, "the file is as it was");
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
    assert!(names_in(&out).is_empty(), "no fragment: {:?}", names_in(&out));
}
