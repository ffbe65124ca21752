//! Reading the folder's sessions in the background, so the list shows at
//! once however many there are. The loop owns the scan and hands what it
//! has read to the browser as `Msg::Scanned`; the browser never waits.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::thread;

use crate::storage::{self, Entry};

pub struct Scan {
    incoming: Receiver<Entry>,
}

impl Scan {
    /// Lists the folder now and starts reading its files; returns the scan
    /// and how many files it will read.
    pub fn start(dir: &Path) -> std::io::Result<(Scan, usize)> {
        let files = storage::list_session_files(dir)?;
        let count = files.len();
        let (tx, rx) = channel();
        // Several readers share the files (each file is read and validated
        // in full, so an unreadable one is flagged with its exact reason):
        // with 1,000 sessions one reader alone took seconds to finish the
        // list. The browser sorts entries as they arrive.
        let files = Arc::new(files);
        let next = Arc::new(AtomicUsize::new(0));
        let readers = thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 4));
        for _ in 0..readers {
            let (tx, files, next) = (tx.clone(), files.clone(), next.clone());
            thread::Builder::new()
                .name("cpconf-scan".into())
                .spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(f) = files.get(i) else { break };
                        if tx.send(storage::summarise(f)).is_err() {
                            break;
                        }
                    }
                })?;
        }
        Ok((Scan { incoming: rx }, count))
    }

    /// What the readers have finished since last asked (nothing waits).
    pub fn take(&self) -> Vec<Entry> {
        self.incoming.try_iter().collect()
    }
}
