//! Retention: a finalised session is handed over to the case system and
//! its local copy removed, leaving a small receipt; `purge` removes
//! sessions handed over longer ago than the local retention period.
//!
//! The handover is recorded as an entry in the session's audit trail (who,
//! where, when), so no new session key is needed; the receipt keeps the
//! session's id, family reference, dates and content hash, encrypted like
//! every other file once a key exists.

use std::path::{Path, PathBuf};

use crate::cli::{HandoverArgs, PurgeArgs};
use crate::config::Config;
use crate::model::{AuditEntry, Session, Stage, Timestamp};
use crate::storage::receipt::RECEIPT_MARK;
use crate::storage::receipt::{
    HANDOVER_AUDIT, Receipt, handed_over, is_receipt_name, receipt_path,
};
use crate::storage::{self, DurableWriter, FileWriter};

fn now() -> Timestamp {
    chrono::Local::now().fixed_offset()
}

/// Every file of a session on this machine: the file, its backup, its
/// drafts and emergency copies in the state folder.
fn local_copies(file: &Path, session: &Session, state: &Path) -> Vec<PathBuf> {
    let mut out = vec![file.to_path_buf(), storage::prev_path(file)];
    out.push(storage::draft_path(state, &session.id, file));
    if let Ok(entries) = std::fs::read_dir(state) {
        let prefix = format!("emergency-{}-", session.id);
        let mut emergency: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    // `emergency-<id>-…` or `cpconf-emergency-<id>-…`.
                    .is_some_and(|n| n.to_string_lossy().contains(&prefix))
            })
            .collect();
        emergency.sort();
        out.extend(emergency);
    }
    out.retain(|p| std::fs::symlink_metadata(p).is_ok());
    out
}

/// `cpconf handover FILE --to WHERE`.
pub fn handover(args: &HandoverArgs) -> Result<(), String> {
    let file = &args.file;
    if is_receipt_name(file) {
        return Err(format!(
            "{} is a receipt: that session was already handed over",
            file.display()
        ));
    }
    let session = storage::load(file).map_err(|e| e.to_string())?.session;
    refuse_unfinalised(file, &session)?;
    let to = one_line(&args.to);
    if to.is_empty() {
        return Err("--to needs where the record went, e.g. \"LCS case 12345\"".into());
    }
    let by = args
        .by
        .as_deref()
        .map(one_line)
        .or_else(|| session.finalised.as_ref().map(|f| f.by.clone()))
        .unwrap_or_default();
    let state = storage::recovery_dir();
    let receipt = receipt_path(file);
    if args.dry_run {
        let mut copies = local_copies(file, &session, &state);
        if handed_over(&session).is_none() {
            println!(
                "would record in the audit trail: handed over to {to} by {by} (nothing is written: --dry-run)"
            );
            // Recording it saves the session, which keeps a `.prev`.
            let prev = storage::prev_path(file);
            if !copies.contains(&prev) {
                copies.insert(1, prev);
            }
        }
        for c in &copies {
            println!("would remove {}", c.display());
        }
        println!("would keep the receipt {}", receipt.display());
        return Ok(());
    }
    // Refused, saying who has it, if it is open in another cpconf; read
    // again under the lock, in case it was saved since.
    let lock = storage::acquire(file).map_err(|e| e.to_string())?;
    let mut session = storage::load(file).map_err(|e| e.to_string())?.session;
    refuse_unfinalised(file, &session)?;
    if handed_over(&session).is_none() {
        session.audit.push(AuditEntry {
            at: now(),
            stage: Stage::Record,
            what: format!("{HANDOVER_AUDIT}{to} (by {by})"),
        });
        storage::save(&DurableWriter, file, &session).map_err(|e| e.to_string())?;
        println!("Recorded: {} handed over to {to} by {by}.", file.display());
    }
    // After the save, which may have made the `.prev`.
    let copies = local_copies(file, &session, &state);
    let confirmed = args.yes
        || crate::keys::cli::confirm(&format!(
            "Remove the local copy now ({} file{}: the session, its backup, drafts and emergency copies)? A receipt stays. [y/N] ",
            copies.len(),
            if copies.len() == 1 { "" } else { "s" }
        ))?;
    if !confirmed {
        println!(
            "Kept {}, marked as handed over: cpconf purge removes it after the retention period.",
            file.display()
        );
        return Ok(());
    }
    remove_with_receipt(file, &session, &copies)?;
    drop(lock);
    Ok(())
}

fn refuse_unfinalised(file: &Path, session: &Session) -> Result<(), String> {
    if session.is_finalised() {
        Ok(())
    } else {
        Err(format!(
            "cannot hand over {}: it is not finalised (finalise it at the chair's decision first); nothing was changed",
            file.display()
        ))
    }
}

/// Writes the receipt, then removes every local copy. The receipt comes
/// first: an interruption leaves the session and its receipt, never
/// neither.
fn remove_with_receipt(file: &Path, session: &Session, copies: &[PathBuf]) -> Result<(), String> {
    let (entry, to_and_by) = handed_over(session)
        .ok_or_else(|| format!("{} has no handover in its audit trail", file.display()))?;
    let (to, by) = match to_and_by.rsplit_once(" (by ") {
        Some((to, by)) => (to.to_string(), by.trim_end_matches(')').to_string()),
        None => (to_and_by.to_string(), String::new()),
    };
    let receipt = Receipt {
        receipt: RECEIPT_MARK.into(),
        session_id: session.id.clone(),
        family_reference: session.setup.family_reference.clone(),
        kind: session.setup.kind,
        conference_date: session.setup.date,
        finalised_at: session.finalised.as_ref().map(|f| f.at),
        handed_over_at: entry.at,
        handed_over_to: to,
        handed_over_by: by,
        content_sha256: session.content_hash(),
        removed_at: now(),
    };
    let path = receipt_path(file);
    let mut bytes = serde_json::to_vec_pretty(&receipt).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    let bytes = crate::crypt::seal(&bytes).map_err(|e| e.to_string())?;
    DurableWriter
        .write_atomic(&path, &bytes)
        .map_err(|e| format!("cannot write the receipt {}: {e}", path.display()))?;
    for c in copies {
        std::fs::remove_file(c).map_err(|e| {
            format!(
                "cannot remove {}: {e} (the receipt {} is written)",
                c.display(),
                path.display()
            )
        })?;
        println!("removed {}", c.display());
    }
    println!("Receipt kept: {}", path.display());
    Ok(())
}

/// `cpconf purge --older-than DAYS`.
pub fn purge(dir: &Path, args: &PurgeArgs, config: &Config) -> Result<(), String> {
    let days = args
        .older_than
        .or((config.retention_days > 0).then_some(config.retention_days))
        .ok_or(
            "no retention period: give --older-than DAYS or set retention_days in the local rules",
        )?;
    let cutoff = now() - chrono::Duration::days(i64::from(days));
    let state = storage::recovery_dir();
    let files = storage::list_session_files(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut due = Vec::new();
    for file in files.iter().filter(|f| !is_receipt_name(f)) {
        let session = match storage::load(file) {
            Ok(l) => l.session,
            Err(e) => {
                println!("kept {}: {e}", file.display());
                continue;
            }
        };
        let when = handed_over(&session).map(|(a, _)| a.at);
        match when {
            _ if !session.is_finalised() => {
                println!("kept {}: not finalised", file.display())
            }
            None => println!("kept {}: not handed over", file.display()),
            Some(at) if at > cutoff => println!(
                "kept {}: handed over {} (less than {days} days ago)",
                file.display(),
                at.date_naive()
            ),
            Some(_) => due.push((file.clone(), session)),
        }
    }
    if due.is_empty() {
        println!("Nothing to remove: no session was handed over more than {days} days ago.");
        return Ok(());
    }
    for (file, session) in &due {
        for c in local_copies(file, session, &state) {
            let verb = if args.dry_run {
                "would remove"
            } else {
                "to remove"
            };
            println!("{verb} {}", c.display());
        }
    }
    if args.dry_run {
        println!("Nothing was removed (--dry-run).");
        return Ok(());
    }
    if !args.yes
        && !crate::keys::cli::confirm(&format!(
            "Remove {} handed-over session{}, leaving receipts? [y/N] ",
            due.len(),
            if due.len() == 1 { "" } else { "s" }
        ))?
    {
        println!("Nothing was removed.");
        return Ok(());
    }
    for (file, session) in &due {
        let _lock = storage::acquire(file).map_err(|e| e.to_string())?;
        let copies = local_copies(file, session, &state);
        remove_with_receipt(file, session, &copies)?;
    }
    Ok(())
}

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}
