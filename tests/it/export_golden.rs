//! Every export (3 copies x 3 formats) of both example sessions, compared
//! byte for byte with `tests/golden/`. Rewrite them with
//! `UPDATE_GOLDEN=1 cargo test --lib export_golden`, then read the diff.

use std::path::PathBuf;

use cpconf::example::{example_icpc, example_review};
use cpconf::export::{CopyKind, Format, render};
use cpconf::model::Session;

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn check(name: &str, session: &Session) {
    let update = std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1");
    let mut stale = Vec::new();
    for copy in CopyKind::ALL {
        for format in Format::TEXT {
            let file = format!("{name}-{}.{}", copy.name(), format.extension());
            let path = golden_dir().join(&file);
            let fresh = render(session, copy, format);
            if update {
                std::fs::create_dir_all(golden_dir()).expect("create tests/golden");
                std::fs::write(&path, &fresh).expect("write golden file");
                continue;
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            if committed != fresh {
                let line = committed
                    .lines()
                    .zip(fresh.lines())
                    .position(|(a, b)| a != b)
                    .map(|i| i + 1)
                    .unwrap_or_else(|| committed.lines().count().min(fresh.lines().count()) + 1);
                stale.push(format!("{file} (first difference at line {line})"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "golden exports out of date: {}\nRegenerate with: UPDATE_GOLDEN=1 cargo test --lib export_golden",
        stale.join(", ")
    );
}

#[test]
fn icpc_exports_match_the_golden_files() {
    check("icpc", &example_icpc());
}

#[test]
fn review_exports_match_the_golden_files() {
    check("review", &example_review());
}

/// The two restricted items of the example ICPC, by a phrase from each.
const RESTRICTED_PHRASES: [&str; 2] = ["third-party information", "asked not to be identified"];

#[test]
fn the_example_restricted_items_reach_only_the_record() {
    let s = example_icpc();
    assert_eq!(s.map_items.iter().filter(|m| m.restricted).count(), 2);
    for format in Format::TEXT {
        let record = render(&s, CopyKind::Record, format);
        for phrase in RESTRICTED_PHRASES {
            // Text output may wrap a phrase across lines.
            let flat = record.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains(phrase), "{format:?} record lacks {phrase}");
            for copy in [CopyKind::Family, CopyKind::DecisionLetter] {
                let out = render(&s, copy, format)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(!out.contains(phrase), "{copy:?} {format:?} leaks {phrase}");
                assert!(
                    !out.contains("RESTRICTED"),
                    "{copy:?} {format:?} mentions RESTRICTED"
                );
            }
        }
        assert!(record.contains("RESTRICTED"));
    }
}

#[test]
fn the_family_copy_keeps_professional_dissent_private() {
    let s = example_icpc();
    for format in Format::TEXT {
        let out = render(&s, CopyKind::Family, format);
        assert!(!out.contains("safeguarding governor"), "{format:?}");
        assert!(
            out.contains("Not everyone at the conference agreed"),
            "{format:?}"
        );
        // The complaint deadline: 28 days after 9 November 2026.
        assert!(out.contains("7 December 2026"), "{format:?}");
    }
}

#[test]
fn text_exports_fit_78_columns() {
    for s in [example_icpc(), example_review()] {
        for copy in CopyKind::ALL {
            let out = render(&s, copy, Format::Text);
            for line in out.lines() {
                assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= 78,
                    "{copy:?}: {line:?}"
                );
            }
        }
    }
}

#[test]
fn an_empty_session_exports_without_panicking() {
    let now = chrono::DateTime::parse_from_rfc3339("2026-01-05T10:00:00+00:00").unwrap();
    let mut s = Session::new("empty".into(), now);
    s.setup.date = None;
    for copy in CopyKind::ALL {
        for format in Format::TEXT {
            let out = render(&s, copy, format);
            assert!(!out.is_empty());
        }
    }
}
