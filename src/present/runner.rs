//! The projector window's loop: draw, read keys, and every quarter second
//! look at the file's metadata, reloading when it changed. It only ever
//! reads the session file and takes no lock, so it runs beside the chair's
//! window (which holds the lock and saves by atomic rename: a read sees the
//! old file or the new one, never half of one).

use std::io;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use ratatui::crossterm::event::Event;

use super::draw::draw_measured;
use super::state::{Effect, Msg, PresentState};
use crate::runtime::outside::Outside;
use crate::runtime::session::now;
use crate::runtime::terminal::{Term, TerminalGuard};
use crate::storage;

const POLL: Duration = Duration::from_millis(250);

/// What identifies one version of the file without reading it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    /// A rename puts a new file in place, so its inode changes even when
    /// the time and length do not.
    inode: u64,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&m);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        modified: m.modified().ok(),
        len: m.len(),
        inode,
    })
}

/// `cpconf present FILE`: opens the file (a bad file is refused before the
/// screen changes), then shows it until `q`, Ctrl+C, SIGTERM or SIGHUP.
pub fn run(file: &Path) -> Result<(), String> {
    let mut seen = stamp(file);
    let loaded = storage::load(file).map_err(|e| e.to_string())?;
    let mut state = PresentState::new(&loaded.session, now());
    crate::runtime::terminal::require_terminal()?;
    let mut guard =
        TerminalGuard::enter(false).map_err(|e| format!("cannot start the terminal: {e}"))?;
    let outside = Outside::start().map_err(|e| format!("cannot read the terminal: {e}"))?;
    let result = watch(&mut guard.terminal, file, &mut state, &mut seen, &outside);
    drop(guard);
    result.map_err(|e| e.to_string())
}

/// Draws, reads keys and looks at the file; `state.update` changes the
/// state, and this loop performs what it asks (reload, quit).
fn watch(
    term: &mut Term,
    file: &Path,
    state: &mut PresentState,
    seen: &mut Option<Stamp>,
    outside: &Outside,
) -> io::Result<()> {
    let mut last_look = Instant::now();
    loop {
        let mut furthest = 0;
        term.draw(|f| furthest = draw_measured(f, state))?;
        let mut effects = state.update(Msg::Measured(furthest));
        if outside.should_stop() {
            return Ok(());
        }
        if let Some(Event::Key(k)) = outside.next_event(POLL) {
            effects.extend(state.update(Msg::Key(k)));
        }
        if last_look.elapsed() >= POLL {
            last_look = Instant::now();
            let current = stamp(file);
            if current != *seen {
                *seen = current;
                effects.extend(state.update(Msg::FileChanged));
            }
        }
        for effect in effects {
            match effect {
                Effect::Quit => return Ok(()),
                Effect::Reload => {
                    let report = match storage::load(file) {
                        Ok(loaded) => Msg::Loaded(Box::new(loaded.session), now()),
                        Err(e) => Msg::LoadFailed(e.to_string()),
                    };
                    let asked = state.update(report);
                    debug_assert!(asked.is_empty(), "a report asked for {asked:?}");
                }
            }
        }
    }
}
