//! `cpconf export` run as a real process: stdout, owner-only files, no
//! overwriting without --force, and clear errors for bad input.

use std::path::Path;
use std::process::Command;

use cpconf::example::example_icpc;

fn cpconf(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cpconf"))
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
