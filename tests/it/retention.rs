//! `cpconf handover` and `cpconf purge`, through the real binary: they
//! refuse sessions not finalised, change nothing with --dry-run, and leave
//! nothing of a session but its receipt. Runs with and without a key
//! (CPCONF_TEST_ENCRYPTION).

use crate::pty;

use std::path::{Path, PathBuf};

use pty::*;

fn arg(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The fictional examples: the ICPC is finalised, the review is not. A
/// draft and a backup of the ICPC are placed where cpconf keeps them.
fn examples(sb: &Sandbox) -> (PathBuf, PathBuf) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let icpc = sb.sessions().join("2026-11-09-icpc-FAM2041.json");
    let review = sb.sessions().join("2027-02-09-rcpc-FAM2041.json");
    std::fs::copy(src.join("example-2026-11-09-icpc-FAM2041.json"), &icpc).unwrap();
    std::fs::copy(src.join("example-2027-02-09-rcpc-FAM2041.json"), &review).unwrap();
    std::fs::copy(&icpc, cpconf::storage::prev_path(&icpc)).unwrap();
    let id = cpconf::storage::load(&icpc).unwrap().session.id;
    std::fs::create_dir_all(sb.drafts()).unwrap();
    std::fs::write(
        cpconf::storage::draft_path(&sb.drafts(), &id, &icpc),
        format!(
            "{{\"session_id\":\"{id}\",\"session_file\":\"x\",\"field\":\"f\",\"target\":null,\"text\":\"t\",\"saved_at\":\"2026-11-09T10:00:00+00:00\"}}"
        ),
    )
    .unwrap();
    (icpc, review)
}

#[test]
fn handover_refuses_a_session_not_finalised_and_changes_nothing() {
    let sb = Sandbox::new();
    let (_, review) = examples(&sb);
    let before = std::fs::read(&review).unwrap();
    for extra in [&[][..], &["--dry-run"][..], &["--yes"][..]] {
        let mut args = vec!["handover", arg(&review), "--to", "LCS case 1"];
        args.extend_from_slice(extra);
        let out = sb.run_plain(&args);
        assert!(!out.status.success(), "{extra:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("not finalised") && stderr.contains(arg(&review)),
            "{stderr}"
        );
    }
    assert_eq!(std::fs::read(&review).unwrap(), before);
}

#[test]
fn handover_dry_run_says_what_it_would_remove_and_changes_nothing() {
    let sb = Sandbox::new();
    let (icpc, _) = examples(&sb);
    let sessions = listing(&sb.sessions());
    let drafts = listing(&sb.drafts());
    let before = std::fs::read(&icpc).unwrap();
    let out = sb.run_plain(&["handover", arg(&icpc), "--to", "LCS case 1", "--dry-run"]);
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(&format!("would remove {}", icpc.display())),
        "{said}"
    );
    assert!(said.contains(".json.prev"), "{said}");
    assert!(said.contains(".draft.json"), "{said}");
    assert!(said.contains("receipt"), "{said}");
    assert_eq!(listing(&sb.sessions()), sessions);
    assert_eq!(listing(&sb.drafts()), drafts);
    assert_eq!(std::fs::read(&icpc).unwrap(), before);
}

#[test]
fn handover_leaves_nothing_but_the_receipt_and_the_list_shows_it() {
    let sb = Sandbox::new();
    let (icpc, review) = examples(&sb);
    // Without a backup yet: recording the handover saves the session, which
    // makes one, and that one must go too.
    std::fs::remove_file(cpconf::storage::prev_path(&icpc)).unwrap();
    let session = cpconf::storage::load(&icpc).unwrap().session;
    let out = sb.run_plain(&[
        "handover",
        arg(&icpc),
        "--to",
        "LCS case 12345",
        "--by",
        "Robin Fairweather",
        "--yes",
    ]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        listing(&sb.sessions()),
        vec![
            "2026-11-09-icpc-FAM2041.receipt.json".to_string(),
            review.file_name().unwrap().to_string_lossy().into_owned(),
        ]
    );
    assert_eq!(listing(&sb.drafts()), Vec::<String>::new());
    let receipt_file = sb.sessions().join("2026-11-09-icpc-FAM2041.receipt.json");
    let receipt: serde_json::Value = serde_json::from_slice(&sb.read_plain(&receipt_file)).unwrap();
    assert_eq!(receipt["session_id"], session.id.as_str());
    assert_eq!(receipt["family_reference"], "FAM2041");
    assert_eq!(receipt["handed_over_to"], "LCS case 12345");
    assert_eq!(receipt["handed_over_by"], "Robin Fairweather");
    assert_eq!(receipt["content_sha256"], session.content_hash().as_str());
    assert_eq!(receipt["conference_date"], "2026-11-09");
    // Only the receipt's fields: nothing of the record's content.
    let text = String::from_utf8(sb.read_plain(&receipt_file)).unwrap();
    for name in session.children.iter().map(|c| c.name.as_str()) {
        assert!(!text.contains(name), "{name} in the receipt");
    }

    let list = sb.run_plain(&["list"]);
    let table = String::from_utf8_lossy(&list.stdout);
    assert!(table.contains("handed over 20"), "{table}");
    assert!(!table.contains("unreadable"), "{table}");
    // It does not open as a session.
    let open = sb.run_plain(&["view", arg(&receipt_file)]);
    assert!(!open.status.success());
    assert!(String::from_utf8_lossy(&open.stderr).contains("receipt"));
}

#[test]
fn handover_declined_keeps_the_session_marked_and_purge_removes_it_later() {
    let sb = Sandbox::new();
    let (icpc, review) = examples(&sb);
    // No terminal and no --yes: the answer is no; the handover is recorded.
    let out = sb.run_plain(&["handover", arg(&icpc), "--to", "LCS case 7"]);
    assert!(out.status.success(), "{out:?}");
    assert!(icpc.exists());
    let session = cpconf::storage::parse(&icpc, &sb.read_plain(&icpc))
        .unwrap()
        .session;
    let entry = session.audit.last().unwrap();
    assert!(entry.what.contains("LCS case 7"), "{}", entry.what);
    assert_eq!(
        session.integrity(),
        cpconf::model::Integrity::Intact,
        "the audit entry leaves the record's fingerprint as it was"
    );

    // Within the period: kept.
    let kept = sb.run_plain(&["purge", "--older-than", "30", "--yes"]);
    assert!(kept.status.success(), "{kept:?}");
    assert!(icpc.exists());
    assert!(String::from_utf8_lossy(&kept.stdout).contains("less than 30 days"));
    // Dry run past the period: says so, removes nothing.
    let names = listing(&sb.sessions());
    let dry = sb.run_plain(&["purge", "--older-than", "0", "--dry-run"]);
    assert!(dry.status.success());
    let said = String::from_utf8_lossy(&dry.stdout);
    // Paths as the sessions folder was given (the default, `sessions`).
    assert!(
        said.contains("would remove sessions/2026-11-09-icpc-FAM2041.json\n"),
        "{said}"
    );
    assert!(
        said.contains("kept sessions/2027-02-09-rcpc-FAM2041.json: not finalised"),
        "{said}"
    );
    assert_eq!(listing(&sb.sessions()), names);
    // For real: the handed-over one goes, leaving its receipt; the
    // unfinalised one stays.
    let done = sb.run_plain(&["purge", "--older-than", "0", "--yes"]);
    assert!(done.status.success(), "{done:?}");
    assert!(!icpc.exists() && !cpconf::storage::prev_path(&icpc).exists());
    assert!(review.exists());
    assert!(
        sb.sessions()
            .join("2026-11-09-icpc-FAM2041.receipt.json")
            .exists()
    );
    assert_eq!(listing(&sb.drafts()), Vec::<String>::new());
}

#[test]
fn purge_without_a_period_says_how_to_give_one() {
    let sb = Sandbox::new();
    examples(&sb);
    let names = listing(&sb.sessions());
    let out = sb.run_plain(&["purge", "--yes"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("retention_days"));
    assert_eq!(listing(&sb.sessions()), names);
}
