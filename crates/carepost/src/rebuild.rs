//! `log --rebuild-state`: the state database rebuilt from what outlives
//! it, the audit log and the inbox and outbox folders, after `state.db`
//! was lost or replaced by an older copy.
//!
//! The log's own format and anchors belong to [`audit`], the records of
//! managed files to [`retention`]; this module only puts the two together.

use crate::error::{Error, Result};
use crate::retention::{self, Kind};
use crate::{audit, Context};
use rusqlite::TransactionBehavior;
use serde::Serialize;

/// What `log --rebuild-state` restored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rebuilt {
    /// The log's newest record, now the state's head.
    pub head_seq: u64,
    /// Files in the inbox and outbox put back under retention.
    pub files_recovered: u64,
    /// Contacts still in the state (the log cannot bring them back).
    pub contacts: u64,
}

/// Rebuilds what the log allows after `state.db` was lost or replaced by
/// an older copy: the log's head, and the documents in the inbox and
/// outbox that the state no longer tracks, so that retention deletes them
/// again. The log itself must check out first. Contacts and their
/// verification cannot be rebuilt: they are not in the log.
pub fn rebuild_state(ctx: &mut Context<'_>) -> Result<Rebuilt> {
    let path = ctx.home.audit_log();
    ctx.identity_ref()?;
    let records = audit::read_verified(&path, &audit::signing_certs(ctx))?;
    // Opened here without the agreement check, so that the retention
    // policy below reads the same (possibly new) database.
    ctx.store_for_rebuild()?;
    let policy = retention::policy(ctx)?;
    let now = ctx.now;
    let mut candidates = Vec::new();
    let mut folders = vec![(ctx.home.inbox(), Kind::Received), (ctx.home.mail_outbox(), Kind::Sent)];
    if ctx.home.outbox() != ctx.home.mail_outbox() {
        folders.push((ctx.home.outbox(), Kind::Sent));
    }
    for (dir, kind) in folders {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let file_path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            // Only regular files, never a symlink's target.
            let Ok(meta) = std::fs::symlink_metadata(&file_path) else { continue };
            if hidden || !meta.file_type().is_file() {
                continue;
            }
            candidates.push((file_path, kind, meta));
        }
    }
    let conn = ctx.store_for_rebuild()?.connection();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let (Some(first), Some(last)) = (records.first(), records.last()) {
        audit::reset_anchors(&tx, first, last)?;
    }
    let mut recovered = 0;
    for (file_path, kind, meta) in candidates {
        if retention::is_tracked(&tx, &file_path)? {
            continue;
        }
        let (sha256, size) = std::fs::File::open(&file_path)
            .and_then(|mut f| crate::hashing::sha256_of(&mut f))
            .map_err(|e| Error::io("io-read", &file_path, e))?;
        // The file's age: from the record that wrote it when the log has
        // one, else from the file; never later than now.
        let written = records
            .iter()
            .rev()
            .find(|r| r.document_sha256.as_deref() == Some(sha256.as_str()))
            .and_then(|r| crate::parse_time(&r.time))
            .or_else(|| meta.modified().ok())
            .unwrap_or(now)
            .min(now);
        retention::adopt(&tx, kind, &file_path, &sha256, size, written, policy.for_kind(kind))?;
        recovered += 1;
    }
    let contacts: i64 = tx.query_row("SELECT COUNT(*) FROM contacts", [], |r| r.get(0))?;
    tx.commit()?;
    Ok(Rebuilt { head_seq: records.last().map_or(0, |r| r.seq), files_recovered: recovered, contacts: contacts as u64 })
}
