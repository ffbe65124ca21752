//! Saving off the input path: a thread that writes the newest state it has
//! been given, so typing never waits for the disk.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

use crate::model::{Session, Timestamp};
use crate::storage::{self, Draft, FileWriter};

pub enum Job {
    Save {
        session: Arc<Session>,
        revision: u64,
        path: PathBuf,
    },
    Draft(Draft),
    /// The session id and file whose draft is no longer needed.
    ClearDraft(String, PathBuf),
    /// Answers once every earlier job is done.
    Flush(Sender<()>),
}

#[derive(Debug)]
pub struct Outcome {
    pub revision: u64,
    pub result: Result<Timestamp, String>,
}

pub struct Saver {
    jobs: Sender<Job>,
    pub outcomes: Receiver<Outcome>,
    /// Each draft written (`Ok`) or refused by the disk (`Err`, why).
    pub drafts: Receiver<Result<(), String>>,
}

impl Saver {
    pub fn start(writer: Arc<dyn FileWriter>, recovery: PathBuf) -> Self {
        let (jobs, job_rx) = channel::<Job>();
        let (out_tx, outcomes) = channel();
        let (draft_tx, drafts) = channel();
        thread::Builder::new()
            .name("cpconf-saver".into())
            .spawn(move || run(job_rx, out_tx, draft_tx, writer, recovery))
            .ok();
        Saver {
            jobs,
            outcomes,
            drafts,
        }
    }

    pub fn send(&self, job: Job) {
        let _ = self.jobs.send(job);
    }

    /// Waits until everything sent so far is written (or has failed).
    pub fn flush(&self) {
        let (tx, rx) = channel();
        if self.jobs.send(Job::Flush(tx)).is_ok() {
            let _ = rx.recv_timeout(std::time::Duration::from_secs(10));
        }
    }
}

fn now() -> Timestamp {
    chrono::Local::now().fixed_offset()
}

fn run(
    jobs: Receiver<Job>,
    outcomes: Sender<Outcome>,
    drafts: Sender<Result<(), String>>,
    writer: Arc<dyn FileWriter>,
    recovery: PathBuf,
) {
    while let Ok(first) = jobs.recv() {
        // Only the newest session matters: skip saves overtaken by later ones.
        let mut batch = vec![first];
        batch.extend(jobs.try_iter());
        let newest_save = batch.iter().rposition(|j| matches!(j, Job::Save { .. }));
        for (i, job) in batch.into_iter().enumerate() {
            match job {
                Job::Save {
                    session,
                    revision,
                    path,
                } => {
                    if Some(i) != newest_save {
                        continue;
                    }
                    let result = storage::save(writer.as_ref(), &path, &session)
                        .map(|_| now())
                        .map_err(|e| e.to_string());
                    let _ = outcomes.send(Outcome { revision, result });
                }
                Job::Draft(draft) => {
                    let result = storage::save_draft(writer.as_ref(), &recovery, &draft)
                        .map_err(|e| e.to_string());
                    let _ = drafts.send(result);
                }
                Job::ClearDraft(id, file) => {
                    let _ = storage::clear_draft(&recovery, &id, &file);
                }
                Job::Flush(done) => {
                    let _ = done.send(());
                }
            }
        }
    }
}
