//! The audit log as a command uses it: recording what the command did
//! (signed with the identity the context holds), `log --check` (the whole
//! chain against the anchors), the records `carepost log` shows, and
//! cutting off the oldest records without breaking the chain.
//!
//! The log file itself — its records, their hashes and signatures, the
//! chain and its anchors — is [`crate::audit_log`], which knows nothing of
//! the context; its types are re-exported here.

pub use crate::audit_log::{check_state_agrees, read_verified, reset_anchors, Action, Event, Outcome, Record, GENESIS};

use crate::audit_log::{append, read_anchor};
use crate::error::{Error, Result};
use crate::Context;
use rusqlite::{params, TransactionBehavior};
use serde::Serialize;
use std::io::BufRead;

/// Appends `event` to the log. The database's write lock is held from
/// reading the head to recording the new one, so appends never race.
pub fn record(ctx: &mut Context<'_>, event: Event) -> Result<Record> {
    let mut records = record_all(ctx, vec![event], |_| Ok(()))?;
    Ok(records.pop().expect("one event, one record"))
}

/// Appends `events` and, in the same database transaction, runs `also`
/// (e.g. marking files as delivered): either both happen or, after a
/// crash, the records are adopted by the next append and `also`'s effect
/// is recovered from its own journal.
pub fn record_all(
    ctx: &mut Context<'_>,
    events: Vec<Event>,
    also: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<()>,
) -> Result<Vec<Record>> {
    let path = ctx.home.audit_log();
    let actor = match ctx.identity_ref() {
        Ok(identity) => identity.fingerprint_hex(),
        Err(_) => String::new(),
    };
    let time = crate::fmt_time(ctx.now);
    let mut signer = ctx.audit_signer();
    let conn = ctx.store()?.connection();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    also(&tx)?;
    let records = append(&tx, &path, &actor, &time, events, signer.as_mut())?;
    tx.commit()?;
    Ok(records)
}

/// Records an event without letting a logging problem mask the outcome of
/// the operation it describes: used for refusals and failures, whose own
/// error is what the user must see.
pub fn record_quietly(ctx: &mut Context<'_>, event: Event) {
    let _ = record(ctx, event);
}

/// What `log --check` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    pub intact: bool,
    pub records: u64,
    pub first_seq: Option<u64>,
    pub last_seq: Option<u64>,
    /// The first problem: which record (sequence number or line) and what.
    pub problem: Option<String>,
    /// A record written just before a crash, not yet confirmed as head.
    pub unconfirmed_tail: bool,
    /// Records whose time is earlier than the record before them: the
    /// clock was set back. The chain, not the times, shows tampering.
    pub clock_went_back: u64,
    /// The newest record whose signed checkpoint verifies with the
    /// identity's key.
    pub signed_through: Option<u64>,
    /// Records after the last signed checkpoint: written by commands that
    /// did not unlock the key, or by anyone who can write the home.
    pub unsigned_records: u64,
}

/// Verifies the whole chain against the anchors in the database.
pub fn check(ctx: &mut Context<'_>) -> Result<CheckReport> {
    let path = ctx.home.audit_log();
    let anchor = read_anchor(ctx.store()?.connection())?;
    let mut report = CheckReport {
        intact: true,
        records: 0,
        first_seq: None,
        last_seq: None,
        problem: None,
        unconfirmed_tail: false,
        clock_went_back: 0,
        signed_through: None,
        unsigned_records: 0,
    };
    // Checkpoints signed by this identity, or by a key it replaced
    // (`init --replace`).
    let certs = signing_certs(ctx);
    let broken = |mut report: CheckReport, problem: String| {
        report.intact = false;
        report.problem = Some(problem);
        Ok(report)
    };
    let Some(anchor) = anchor else {
        if path.exists() && std::fs::metadata(&path).map(|m| m.len() > 0).unwrap_or(false) {
            return broken(report, crate::tr!("audit-no-anchor"));
        }
        return Ok(report);
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return broken(report, crate::tr!("audit-missing", head = anchor.head_seq));
        }
        Err(e) => return Err(Error::io("io-read", &path, e)),
    };
    let mut expected_seq = anchor.base_seq;
    let mut expected_prev = anchor.base_prev.clone();
    let mut previous_time = None;
    for (index, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::io("io-read", &path, e))?;
        let number = index + 1;
        let Some(record) = Record::parse_line(&line) else {
            return broken(report, crate::tr!("audit-unreadable", line = number));
        };
        if record.seq != expected_seq {
            return broken(
                report,
                crate::tr!("audit-out-of-sequence", line = number, seq = record.seq, expected = expected_seq),
            );
        }
        if record.hash != record.compute_hash() {
            return broken(report, crate::tr!("audit-altered", seq = record.seq));
        }
        if record.prev != expected_prev {
            return broken(report, crate::tr!("audit-chain-broken", seq = record.seq));
        }
        if record.signature.is_some() {
            if !certs.iter().any(|c| record.signature_verifies(c)) {
                return broken(report, crate::tr!("audit-bad-signature", seq = record.seq));
            }
            report.signed_through = Some(record.seq);
            report.unsigned_records = 0;
        } else {
            report.unsigned_records += 1;
        }
        let time = crate::parse_time(&record.time);
        if time.is_some() && time < previous_time {
            report.clock_went_back += 1;
        }
        previous_time = time.or(previous_time);
        report.first_seq.get_or_insert(record.seq);
        report.last_seq = Some(record.seq);
        report.records += 1;
        expected_seq = record.seq + 1;
        expected_prev = record.hash.clone();
        if record.seq == anchor.head_seq && record.hash != anchor.head_hash {
            return broken(report, crate::tr!("audit-head-differs", seq = record.seq));
        }
    }
    let last = report.last_seq.unwrap_or(anchor.base_seq.saturating_sub(1));
    if last < anchor.head_seq {
        return broken(report, crate::tr!("audit-truncated", last = last, head = anchor.head_seq));
    }
    // Records past the head, correctly chained, were written by a process
    // that stopped before confirming them; the next append adopts them.
    report.unconfirmed_tail = last > anchor.head_seq;
    Ok(report)
}

/// The certificates whose signatures the log's checkpoints may carry:
/// the identity's, then those of the keys it replaced.
pub fn signing_certs(ctx: &Context<'_>) -> Vec<sequoia_openpgp::Cert> {
    let current = ctx.identity_ref().ok().map(|identity| identity.public_cert());
    let previous = crate::identity::Identity::load_previous(&ctx.home).into_iter().map(|i| i.public_cert());
    current.into_iter().chain(previous).collect()
}

/// Filters for `carepost log`.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub since: Option<std::time::SystemTime>,
    pub action: Option<String>,
    pub contact: Option<String>,
}

/// The records that match `filter`, oldest first. Unreadable lines are
/// skipped here; `check` reports them.
pub fn read(ctx: &Context<'_>, filter: &Filter) -> Result<Vec<Record>> {
    let path = ctx.home.audit_log();
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("io-read", &path, e)),
    };
    let mut records = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let line = line.map_err(|e| Error::io("io-read", &path, e))?;
        let Some(record) = Record::parse_line(&line) else {
            continue;
        };
        if let Some(since) = filter.since {
            if crate::parse_time(&record.time).is_none_or(|t| t < since) {
                continue;
            }
        }
        if filter.action.as_ref().is_some_and(|a| *a != record.action) {
            continue;
        }
        if filter.contact.as_ref().is_some_and(|c| record.contact.as_ref() != Some(c)) {
            continue;
        }
        records.push(record);
    }
    Ok(records)
}

/// Drops records older than `keep_after` from the start of the log while
/// keeping the rest verifiable: the new first record's predecessor becomes
/// the database's base anchor. Returns how many records were removed.
pub fn cut_before(ctx: &mut Context<'_>, keep_after: std::time::SystemTime) -> Result<u64> {
    // Never cut a log that does not check out: the cut would take the
    // altered or missing records with it, and the rest would verify again.
    if !check(ctx)?.intact {
        return Ok(0);
    }
    let path = ctx.home.audit_log();
    let conn = ctx.store()?.connection();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let Some(anchor) = read_anchor(&tx)? else { return Ok(0) };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(_) => return Ok(0),
    };
    let mut removed = 0u64;
    let mut last_removed: Option<Record> = None;
    let mut kept = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let line = line.map_err(|e| Error::io("io-read", &path, e))?;
        // Never rewrite a damaged log: that would hide the damage.
        let Some(record) = Record::parse_line(&line) else { return Ok(0) };
        let old = kept.is_empty() && crate::parse_time(&record.time).is_some_and(|t| t < keep_after);
        // Never cut the head: the log must keep at least the newest record.
        if old && record.seq < anchor.head_seq {
            removed += 1;
            last_removed = Some(record);
        } else {
            kept.push(line);
        }
    }
    let Some(last_removed) = last_removed else { return Ok(0) };
    let mut text = kept.join("\n");
    text.push('\n');
    crate::home::write_atomic(&path, text.as_bytes(), true)?;
    tx.execute(
        "UPDATE audit_anchor SET base_seq = ?1, base_prev = ?2 WHERE id = 1",
        params![(last_removed.seq + 1) as i64, last_removed.hash],
    )?;
    tx.commit()?;
    Ok(removed)
}
