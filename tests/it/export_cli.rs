//! `cpconf export` run as a real process: stdout, owner-only files, no
//! overwriting without --force, and clear errors for bad input.

use std::path::Path;
use std::process::Command;

use cpconf::example::example_icpc;

fn cpconf(args: &[&str]) -> std::process::Output {
    Command::new(crate::pty::binary())
        .args(args)
        .output()
        .expect("run cpconf")
}

fn session_file(dir: &Path) -> String {
    let path = dir.join("s.json");
    cpconf::storage::save(&cpconf::storage::DurableWriter, &path, &example_icpc()).unwrap();
    path.display().to_string()
}

#[test]
fn exports_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let file = session_file(dir.path());
    let out = cpconf(&["export", &file, "--copy", "family", "--format", "html"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("<!doctype html>"));
    assert!(!text.contains("third-party information"));
}

#[test]
fn writes_a_new_owner_only_file_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = session_file(dir.path());
    let target = dir.path().join("record.txt");
    let t = target.display().to_string();
    let out = cpconf(&["export", &file, "--copy", "record", "-o", &t]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(&target).unwrap();
    // The format follows the extension when --format is not given.
    assert!(written.starts_with("Child protection conference record"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    std::fs::write(&target, "keep me").unwrap();
    let out = cpconf(&["export", &file, "--copy", "family", "-o", &t]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");

    let out = cpconf(&["export", &file, "--copy", "family", "-o", &t, "--force"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("Your copy")
    );
}

#[test]
fn refuses_to_write_over_the_session_itself() {
    let dir = tempfile::tempdir().unwrap();
    let file = session_file(dir.path());
    let before = std::fs::read(&file).unwrap();
    let out = cpconf(&["export", &file, "--copy", "record", "-o", &file, "--force"]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn a_bad_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.json").display().to_string();
    let out = cpconf(&["export", &missing, "--copy", "record"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot open"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn letters_writes_the_pack_into_a_folder_and_never_over_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = session_file(dir.path());
    let out_dir = dir.path().join("pack");
    let o = out_dir.display().to_string();
    let out = cpconf(&["letters", &file, "-o", &o, "--format", "docx"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(
        listed.contains("letter-dean-fairlie.docx  (for Dean Fairlie)"),
        "{listed}"
    );
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "copy-dean-fairlie.docx",
            "copy-leanne-marchbank.docx",
            "letter-child-kacey-marchbank.docx",
            "letter-dean-fairlie.docx",
            "letter-leanne-marchbank.docx",
            "letter-professionals.docx",
        ]
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out_dir.join("letter-dean-fairlie.docx"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Again: refused, naming the file, and nothing is changed.
    std::fs::write(out_dir.join("letter-professionals.docx"), "keep me").unwrap();
    let out = cpconf(&["letters", &file, "-o", &o, "--format", "docx"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("already exists; use --force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(out_dir.join("letter-professionals.docx")).unwrap(),
        "keep me"
    );
    let out = cpconf(&["letters", &file, "-o", &o, "--format", "docx", "--force"]);
    assert!(out.status.success());
    assert_ne!(
        std::fs::read(out_dir.join("letter-professionals.docx")).unwrap(),
        b"keep me"
    );
    // A file that is not a session: one clear line.
    let out = cpconf(&["letters", &o, "-o", &o]);
    assert!(!out.status.success());
    assert_eq!(String::from_utf8(out.stderr).unwrap().lines().count(), 1);
}
