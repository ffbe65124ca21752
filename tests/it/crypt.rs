//! Encryption at rest, through the real binary: with a key, nothing typed
//! reaches the disk in plaintext (kill -9 included), the reference `age`
//! tool reads the files with the exported identity, a wrong passphrase
//! touches nothing, and the key, encrypt and decrypt commands do what
//! they say.

use crate::pty;

use std::path::{Path, PathBuf};
use std::time::Duration;

use pty::*;

fn arg(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Every file under `root`, recursively (links not followed).
fn all_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let t = e.file_type().unwrap();
            if t.is_dir() {
                todo.push(e.path());
            } else if t.is_file() {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

/// Files under `root` whose bytes contain any of `words`.
fn files_holding(root: &Path, words: &[&str]) -> Vec<(PathBuf, String)> {
    let mut hits = Vec::new();
    for f in all_files(root) {
        let bytes = std::fs::read(&f).unwrap_or_default();
        for w in words {
            if bytes.windows(w.len()).any(|win| win == w.as_bytes()) {
                hits.push((f.clone(), w.to_string()));
            }
        }
    }
    hits
}

/// A snapshot of a folder: every file with its bytes.
fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    all_files(root)
        .into_iter()
        .map(|f| {
            let b = std::fs::read(&f).unwrap();
            (f, b)
        })
        .collect()
}

fn session_files(dir: &Path) -> Vec<PathBuf> {
    all_files(dir)
        .into_iter()
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            !n.starts_with('.') && n.ends_with(".json")
        })
        .collect()
}

/// The sandbox environment with the process's temp folder inside it, so
/// "the temp folder" can be searched without other programs' files.
fn env_with_tmp(sb: &Sandbox) -> Vec<(String, std::ffi::OsString)> {
    let tmp = sb.root.path().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let mut env = sb.env();
    env.push(("TMPDIR".into(), tmp.into()));
    env
}

fn spawn_in(sb: &Sandbox, env: &[(String, std::ffi::OsString)], args: &[&str]) -> Pty {
    Pty::spawn(args, env, sb.root.path(), 100, 30)
}

/// Makes a session through the binary with `reference` as its family
/// reference; returns its file.
fn new_session(sb: &Sandbox, reference: &str) -> PathBuf {
    let mut p = sb.spawn(&["new", "--dir", arg(&sb.sessions())], 100, 30);
    p.wait_ready();
    p.keys("<Down><Down><Down><Down><Down><Down>");
    p.set_field(reference);
    p.keys("<C-q>");
    assert!(p.wait_exit().success());
    let files = session_files(&sb.sessions());
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn with_a_key_killed_mid_typing_no_typed_word_is_on_disk_in_plaintext() {
    let sb = Sandbox::with_key();
    let env = env_with_tmp(&sb);
    let kept = "Quokkaharbour";
    let in_editor = "Pangolinmeadow";
    let reference = "FAMZEBRA77";

    let mut p = spawn_in(&sb, &env, &["new", "--dir", "sessions"]);
    p.wait_ready();
    p.keys("<Down><Down><Down><Down><Down><Down>");
    p.set_field(reference);
    p.go_to_stage(4);
    // Typing in a map column starts an item holding the text.
    p.type_and_show(kept);
    p.wait_editor(true);
    p.keys("<Esc>");
    p.wait_editor(false);
    p.keys("<Tab>");
    p.type_and_show(in_editor);
    p.wait_editor(true);
    // Long enough for the save and the draft of the open editor.
    std::thread::sleep(Duration::from_millis(1500));
    p.kill_hard();
    drop(p);

    let words = [kept, in_editor, reference];
    let hits = files_holding(sb.root.path(), &words);
    assert!(hits.is_empty(), "plaintext on disk after kill -9: {hits:?}");
    let file = session_files(&sb.sessions()).pop().expect("a session file");
    // The words are there, encrypted: the session and the draft decrypt.
    let session = sb.read_plain_text(&file);
    assert!(session.contains(kept) && session.contains(reference));
    let drafts: String = all_files(&sb.drafts())
        .iter()
        .map(|d| String::from_utf8(sb.read_plain(d)).unwrap())
        .collect();
    assert!(drafts.contains(in_editor), "the open editor's draft");

    // Reopened through the binary: the draft comes back, and after quitting
    // still nothing is plaintext.
    let mut p = spawn_in(&sb, &env, &["open", arg(&file)]);
    p.wait_ready();
    p.wait_for("recovered");
    p.wait_for(in_editor);
    p.keys("<Esc>");
    p.wait_editor(false);
    p.keys("<Esc><C-q>");
    assert!(p.wait_exit().success());
    let hits = files_holding(sb.root.path(), &words);
    assert!(
        hits.is_empty(),
        "plaintext on disk after reopening: {hits:?}"
    );
    let session = sb.read_plain_text(&file);
    assert!(session.contains(in_editor), "the recovered draft was kept");
    for f in all_files(&sb.sessions())
        .into_iter()
        .chain(all_files(&sb.drafts()))
    {
        let raw = std::fs::read(&f).unwrap();
        assert!(
            cpconf::crypt::is_encrypted(&raw),
            "{} is not encrypted",
            f.display()
        );
    }
}

#[test]
fn the_age_tool_decrypts_a_session_with_the_exported_identity() {
    let Ok(age) = which("age") else {
        eprintln!("skipped: the age command is not installed (CI installs it: .ci/run)");
        return;
    };
    let sb = Sandbox::with_key();
    let file = new_session(&sb, "FAMAGE42");
    let identity = sb.root.path().join("identity.txt");
    let out = sb.run_plain(&["key", "export", "-o", arg(&identity)]);
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("plaintext"),
        "a warning says the exported key is plaintext"
    );
    let decrypted = std::process::Command::new(age)
        .args(["-d", "-i", arg(&identity), arg(&file)])
        .output()
        .expect("run age");
    assert!(decrypted.status.success(), "age -d failed: {decrypted:?}");
    let json: serde_json::Value = serde_json::from_slice(&decrypted.stdout).expect("JSON");
    assert_eq!(json["setup"]["family_reference"], "FAMAGE42");
}

fn which(name: &str) -> Result<PathBuf, ()> {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
        .ok_or(())
}

#[test]
fn view_with_a_wrong_passphrase_is_one_line_and_touches_nothing() {
    let sb = Sandbox::with_key();
    let file = new_session(&sb, "FAMVIEW9");
    let before = snapshot(sb.root.path());
    let wrong = sb.root.path().join("wrong-passphrase");
    std::fs::write(&wrong, "not the passphrase\n").unwrap();
    let mut before_without_wrong = before.clone();
    before_without_wrong.push((wrong.clone(), b"not the passphrase\n".to_vec()));
    before_without_wrong.sort();

    for command in ["view", "present"] {
        let out = sb.run_plain(&["--passphrase-file", arg(&wrong), command, arg(&file)]);
        assert!(
            !out.status.success(),
            "{command} with a wrong passphrase succeeded"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one line: {stderr:?}");
        assert!(lines[0].contains("wrong passphrase"), "{stderr}");
        assert_eq!(
            snapshot(sb.root.path()),
            before_without_wrong,
            "{command} changed a file"
        );
    }
}

#[test]
fn view_asks_the_passphrase_on_the_terminal_without_echo_and_shows_the_session() {
    let sb = Sandbox::with_key();
    let file = new_session(&sb, "FAMASK31");
    // No passphrase file: cpconf asks on the terminal.
    let env: Vec<_> = sb
        .env()
        .into_iter()
        .filter(|(k, _)| k != "CPCONF_PASSPHRASE_FILE")
        .collect();
    let mut p = Pty::spawn(&["view", arg(&file)], &env, sb.root.path(), 100, 30);
    p.wait_for("Passphrase for");
    p.send(&format!("{PASSPHRASE}\r"));
    p.wait_for("read-only");
    p.go_to_stage(0);
    p.wait_for("FAMASK31");
    let raw = String::from_utf8_lossy(&p.raw_output()).into_owned();
    assert!(!raw.contains(PASSPHRASE), "the passphrase was echoed");
    p.keys("<C-q>");
    assert!(p.wait_exit().success());
}

#[test]
fn the_running_program_has_core_dumps_off() {
    let sb = Sandbox::with_key();
    let file = new_session(&sb, "FAMCORE1");
    let mut p = sb.spawn(&["view", arg(&file)], 100, 30);
    p.wait_for("read-only");
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", p.pid())).unwrap();
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .expect("core limit line");
    let numbers: Vec<&str> = core.split_whitespace().skip(4).take(2).collect();
    assert_eq!(numbers, ["0", "0"], "{core}");
    p.keys("<C-q>");
    assert!(p.wait_exit().success());
}

#[test]
fn key_init_makes_an_owner_only_key_and_refuses_a_second() {
    let sb = Sandbox::bare();
    let pass = sb.passphrase_file();
    std::fs::write(&pass, "a long enough passphrase\n").unwrap();
    let out = sb.run_plain(&["--passphrase-file", arg(&pass), "key", "init"]);
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("encrypted"), "{said}");
    assert!(
        said.contains("nobody can read"),
        "says a lost passphrase loses the data: {said}"
    );
    let key = sb.key_file();
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&key).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600);
    let bytes = std::fs::read(&key).unwrap();
    assert!(cpconf::crypt::is_encrypted(&bytes));
    assert!(!String::from_utf8_lossy(&bytes).contains("AGE-SECRET-KEY"));

    let again = sb.run_plain(&["--passphrase-file", arg(&pass), "key", "init"]);
    assert!(!again.status.success());
    assert_eq!(std::fs::read(&key).unwrap(), bytes, "the key was replaced");

    // A new passphrase: the old one stops working, the new one works.
    let new = sb.root.path().join("new-passphrase");
    std::fs::write(&new, "another long passphrase\n").unwrap();
    let mut cmd = std::process::Command::new(binary());
    cmd.args(["--passphrase-file", arg(&pass), "key", "passphrase"])
        .current_dir(sb.root.path())
        .env("CPCONF_NEW_PASSPHRASE_FILE", &new)
        .stdin(std::process::Stdio::null());
    for (k, v) in sb.env() {
        cmd.env(k, v);
    }
    let changed = cmd.output().unwrap();
    assert!(changed.status.success(), "{changed:?}");
    let old = sb.run_plain(&["--passphrase-file", arg(&pass), "list"]);
    assert!(!old.status.success(), "the old passphrase still unlocks");
    let ok = sb.run_plain(&["--passphrase-file", arg(&new), "list"]);
    assert!(ok.status.success(), "{ok:?}");
}

#[test]
fn encrypt_converts_a_folder_in_place_and_the_sessions_still_open() {
    let sb = Sandbox::with_key();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let icpc = sb.sessions().join("example-2026-11-09-icpc-FAM2041.json");
    std::fs::copy(src.join("example-2026-11-09-icpc-FAM2041.json"), &icpc).unwrap();
    let prev = sb
        .sessions()
        .join("example-2026-11-09-icpc-FAM2041.json.prev");
    std::fs::copy(&icpc, &prev).unwrap();
    let review = sb.sessions().join("example-2027-02-09-rcpc-FAM2041.json");
    std::fs::copy(src.join("example-2027-02-09-rcpc-FAM2041.json"), &review).unwrap();
    let note = sb.sessions().join("notes.txt");
    std::fs::write(&note, "not a session").unwrap();
    let plain_icpc = std::fs::read(&icpc).unwrap();

    let out = sb.run_plain(&["encrypt"]);
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("encrypted 3 files"), "{said}");
    for f in [&icpc, &prev, &review] {
        let raw = std::fs::read(f).unwrap();
        assert!(cpconf::crypt::is_encrypted(&raw), "{}", f.display());
        let mode =
            std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(f).unwrap().permissions());
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(sb.read_plain(&icpc), plain_icpc, "the content is unchanged");
    assert_eq!(std::fs::read(&note).unwrap(), b"not a session");
    assert!(
        all_files(&sb.sessions()).iter().all(|f| !f
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with('.')),
        "temp or lock files left behind"
    );

    // Run again: nothing left to do.
    let again = sb.run_plain(&["encrypt"]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("encrypted 0 files, 3 already"));
    // The list reads them with the key.
    let list = sb.run_plain(&["list"]);
    let table = String::from_utf8_lossy(&list.stdout);
    assert_eq!(
        table.lines().count(),
        3,
        "a header and two sessions: {table}"
    );
    assert!(
        table.contains("Kacey Marchbank") && table.contains("Finalised"),
        "{table}"
    );
    assert!(!table.contains("unreadable"), "{table}");

    // decrypt writes a plaintext copy on purpose, never over a file.
    let copy = sb.root.path().join("plain.json");
    let out = sb.run_plain(&["decrypt", arg(&icpc), "-o", arg(&copy)]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(std::fs::read(&copy).unwrap(), plain_icpc);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not encrypted"));
    let twice = sb.run_plain(&["decrypt", arg(&icpc), "-o", arg(&copy)]);
    assert!(!twice.status.success());
}

#[test]
fn without_the_key_an_encrypted_session_is_refused_in_one_line() {
    let sb = Sandbox::with_key();
    let file = new_session(&sb, "FAMNOKEY");
    std::fs::remove_file(sb.key_file()).unwrap();
    let before = std::fs::read(&file).unwrap();
    let out = sb.run_plain(&["view", arg(&file)]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(arg(&file)) && stderr.contains("encrypted"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn with_a_key_the_full_record_export_needs_a_yes_and_the_family_copy_a_reminder() {
    let sb = Sandbox::with_key();
    let file = new_session(&sb, "FAMEXPO5");
    let out_file = sb.root.path().join("record.md");
    let refused = sb.run_plain(&[
        "export",
        arg(&file),
        "--copy",
        "record",
        "-o",
        arg(&out_file),
    ]);
    assert!(!refused.status.success());
    assert!(
        !out_file.exists(),
        "a plaintext record was written without a yes"
    );
    assert_eq!(String::from_utf8_lossy(&refused.stderr).lines().count(), 1);
    let ok = sb.run_plain(&[
        "export",
        arg(&file),
        "--copy",
        "record",
        "--plaintext-ok",
        "-o",
        arg(&out_file),
    ]);
    assert!(ok.status.success(), "{ok:?}");
    assert!(
        std::fs::read_to_string(&out_file)
            .unwrap()
            .contains("FAMEXPO5")
    );
    let family = sb.root.path().join("family.md");
    let fam = sb.run_plain(&["export", arg(&file), "--copy", "family", "-o", arg(&family)]);
    assert!(fam.status.success(), "{fam:?}");
    assert!(String::from_utf8_lossy(&fam.stderr).contains("not encrypted"));
}

#[test]
fn with_a_key_the_screen_refuses_the_full_record_and_reminds_with_the_family_copy() {
    let sb = Sandbox::with_key();
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/example-2026-11-09-icpc-FAM2041.json");
    let file = sb.sessions().join("example-2026-11-09-icpc-FAM2041.json");
    std::fs::copy(src, &file).unwrap();
    let mut p = sb.spawn(&["view", arg(&file)], 120, 30);
    p.wait_for("read-only");
    // The second row is the full record (as HTML, the starting format),
    // after all three at once.
    p.keys("<C-e>");
    p.wait_for("Family's copy");
    p.keys("<Down><Enter>");
    p.wait_for("not exported: the full record would be unencrypted");
    p.keys("<C-e>");
    p.wait_for("Family's copy");
    // The family's copy (the third row), as Markdown (one to the left
    // of HTML, where the format starts).
    p.keys("<Down><Down><Left><Enter>");
    p.wait_for("not encrypted: to print and send");
    p.keys("<C-q>");
    assert!(p.wait_exit().success());
    let names: Vec<String> = all_files(&sb.sessions())
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".record.")), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with(".family.md")), "{names:?}");
}
