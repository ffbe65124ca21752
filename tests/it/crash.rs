//! "Nothing typed is ever lost": the real binary is killed with SIGKILL at
//! seeded random moments while a chair types, mid-sentence or just after
//! Esc. Every file left behind must parse, anything typed more than a second
//! before the kill must be in the session file or its draft, and reopening
//! must offer the draft back.

use crate::pty;

use std::path::{Path, PathBuf};
use std::time::Duration;

use pty::*;

/// A tiny seeded generator (Knuth's MMIX LCG): the same rounds every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const ROUNDS: u64 = 20;

/// What one chunk of typing goes into.
#[derive(Clone, Copy, Debug)]
enum Chunk {
    MapItem,
    ChildName,
    Danger,
    ParentsViews,
}

const CHUNKS: [Chunk; 4] = [
    Chunk::MapItem,
    Chunk::ChildName,
    Chunk::Danger,
    Chunk::ParentsViews,
];

/// Opens the editor for `chunk` from normal mode.
fn open_editor(p: &mut Pty, chunk: Chunk) {
    match chunk {
        Chunk::MapItem => {
            p.go_to_stage(4);
            p.keys("<C-n>");
        }
        Chunk::ChildName => {
            p.go_to_stage(0);
            p.wait_for("▶ Conference");
            p.keys("<End><Tab>");
            p.wait_for("▶ Children");
            p.keys("<C-n>");
        }
        Chunk::Danger => {
            p.go_to_stage(3);
            p.keys("<C-n>");
        }
        Chunk::ParentsViews => {
            p.go_to_stage(1);
            // The last field of the form; replace its text.
            p.keys("<End><Enter>");
            p.wait_for("Parents' first views");
            p.wait_editor(true);
            p.keys("<C-a><BS>");
        }
    }
    p.wait_editor(true);
}

/// Leaves the editor (keeping the text) and any record form.
fn close_editor(p: &mut Pty, chunk: Chunk) {
    p.keys("<Esc>");
    p.wait_editor(false);
    if !matches!(chunk, Chunk::ParentsViews) {
        p.keys("<Esc>");
    }
}

fn session_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    out.retain(|p| {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        !name.starts_with('.') && name.ends_with(".json")
    });
    out.sort();
    out
}

/// Every `*.json` (and `.prev`) beside the sessions and every draft must
/// parse; returns all their text, for looking markers up.
fn everything_parses(sb: &Sandbox, round: u64) -> String {
    let mut all = String::new();
    for dir in [sb.sessions(), sb.drafts()] {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in rd {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !(name.ends_with(".json") || name.ends_with(".json.prev")) {
                continue;
            }
            let bytes = sb.read_plain(&path);
            if let Err(e) = serde_json::from_slice::<serde_json::Value>(&bytes) {
                panic!(
                    "round {round}: {} does not parse: {e}\n{}",
                    path.display(),
                    String::from_utf8_lossy(&bytes)
                );
            }
            if !name.ends_with(".prev") {
                all.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
    }
    all
}

#[test]
fn killed_at_random_moments_nothing_typed_is_lost() {
    let sb = Sandbox::new();
    let dir = sb.sessions();
    let dir_arg = dir.to_str().unwrap().to_string();
    let mut rng = Lcg(0x5150_2041);
    // Whether the last kill left typing that was not yet in the session.
    let mut draft_expected = false;
    // (long waits, short waits, drafts offered back): the seed must cover each.
    let mut seen = (0, 0, 0);

    for round in 0..ROUNDS {
        let existing = session_files(&dir);
        let mut p = match existing.first() {
            Some(file) => sb.spawn(&["open", file.to_str().unwrap()], 100, 30),
            None => sb.spawn(&["new", "--dir", &dir_arg], 100, 30),
        };
        p.wait_ready();

        // A draft left by the last kill is offered back, in an open editor.
        if draft_expected {
            p.wait_for("recovered");
            seen.2 += 1;
        }
        // Give a moment for a recovered draft's editor to appear, then keep it.
        if p.screen_text().contains("recovered") {
            p.wait_editor(true);
            p.keys("<Esc>");
            p.wait_editor(false);
            p.keys("<Esc>");
            p.settle();
        }

        // Up to four chunks; the last one may stay open in the editor.
        let chunks = 1 + rng.below(4) as usize;
        let leave_open = rng.below(2) == 0;
        let long_wait = rng.below(2) == 0;
        let start = rng.below(4) as usize;
        let mut markers = Vec::new();
        for c in 0..chunks {
            let chunk = CHUNKS[(start + c) % CHUNKS.len()];
            let marker = format!("Mark{round}x{c}zed");
            open_editor(&mut p, chunk);
            p.type_and_show(&marker);
            markers.push(marker.clone());
            let last = c + 1 == chunks;
            if !(last && leave_open) {
                close_editor(&mut p, chunk);
                p.wait_for(&marker);
            }
        }
        let last_marker = markers.last().unwrap().clone();
        p.wait_for(&last_marker);
        let pause = if long_wait {
            1200 + rng.below(400)
        } else {
            rng.below(300)
        };
        std::thread::sleep(Duration::from_millis(pause));
        p.kill_hard();
        drop(p);

        let text = everything_parses(&sb, round);
        if long_wait {
            seen.0 += 1;
        } else {
            seen.1 += 1;
        }
        if long_wait {
            for m in &markers {
                assert!(
                    text.contains(m.as_str()),
                    "round {round}: {m:?} typed {pause} ms before the kill is lost \
                     (editor left open: {leave_open})"
                );
            }
        }
        // The draft is cleared once the text is in the session; a kill with
        // the editor open leaves one to offer back.
        draft_expected = long_wait && leave_open;
    }
    assert!(
        seen.0 > 0 && seen.1 > 0 && seen.2 > 0,
        "the seed should give long and short waits and drafts: {seen:?}"
    );
}
