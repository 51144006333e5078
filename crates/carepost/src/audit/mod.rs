//! The audit log: an append-only record of everything carepost did, after
//! NEN 7513 (who, what, when, for which pseudonymous contact, outcome),
//! that shows tampering.
//!
//! Records are JSON lines in `HOME/audit.log`. Each carries the SHA-256 of
//! the record before it, so editing, deleting or reordering a record breaks
//! the chain; the sequence number and hash of the newest record are kept
//! in the state database too, so cutting off the tail is detected as well.
//! Appends are serialised by the database's write lock, so concurrent
//! carepost processes never interleave or lose records.
//!
//! Each line is checked byte for byte: a record must be exactly what
//! carepost writes (no added fields, no reordered keys, no changed
//! whitespace), so the hash covers the line as it is on disk.
//!
//! The last record of every batch written by a command that unlocked the
//! identity carries a signature by the identity's key over that record's
//! hash, and so over the whole chain before it: a signed checkpoint.
//! Records after the last checkpoint are reported as unsigned.
//!
//! Records hold aliases, fingerprints, hashes and sizes — never document
//! content, file names, or the names in a patient's certificate.

use crate::error::{Error, Result};
use crate::Context;
use rusqlite::{params, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Read, Seek, SeekFrom, Write};
use std::path::Path;

/// The `prev` of the very first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
/// Domain separation for record hashes.
const HASH_PREFIX: &[u8] = b"carepost-audit-v1\n";
/// Domain separation for checkpoint signatures.
const CHECKPOINT_PREFIX: &[u8] = b"carepost-audit-checkpoint-v1\n";

/// What happened, as a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Init,
    ContactAdd,
    ContactUpdate,
    ContactRemove,
    Verify,
    Send,
    Open,
    View,
    Export,
    Purge,
    RetentionSet,
    LogCut,
    /// Email delivery settings changed (`mail setup`).
    MailSetup,
    /// An encrypted email handed to the mail server (or the attempt).
    MailSend,
    /// A pending email the user chose not to send (`mail cancel`).
    MailCancel,
}

impl Action {
    pub fn code(self) -> &'static str {
        match self {
            Action::Init => "init",
            Action::ContactAdd => "contact-add",
            Action::ContactUpdate => "contact-update",
            Action::ContactRemove => "contact-remove",
            Action::Verify => "verify",
            Action::Send => "send",
            Action::Open => "open",
            Action::View => "view",
            Action::Export => "export",
            Action::Purge => "purge",
            Action::RetentionSet => "retention-set",
            Action::LogCut => "log-cut",
            Action::MailSetup => "mail-setup",
            Action::MailSend => "mail-send",
            Action::MailCancel => "mail-cancel",
        }
    }

    pub const ALL: [Action; 15] = [
        Action::Init,
        Action::ContactAdd,
        Action::ContactUpdate,
        Action::ContactRemove,
        Action::Verify,
        Action::Send,
        Action::Open,
        Action::View,
        Action::Export,
        Action::Purge,
        Action::RetentionSet,
        Action::LogCut,
        Action::MailSetup,
        Action::MailSend,
        Action::MailCancel,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Refused,
    Failed,
}

impl Outcome {
    fn code(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Refused => "refused",
            Outcome::Failed => "failed",
        }
    }
}

/// One thing to record. Everything optional is left out when `None`.
#[derive(Debug, Clone)]
pub struct Event {
    pub action: Action,
    pub outcome: Outcome,
    pub contact: Option<String>,
    pub fingerprint: Option<String>,
    pub document_sha256: Option<String>,
    pub document_size: Option<u64>,
    /// Why (a refusal reason, the user's reason for an exception, a
    /// detail such as the sender's status). Never names or content.
    pub detail: Option<String>,
}

impl Event {
    pub fn new(action: Action, outcome: Outcome) -> Event {
        Event {
            action,
            outcome,
            contact: None,
            fingerprint: None,
            document_sha256: None,
            document_size: None,
            detail: None,
        }
    }

    pub fn contact(mut self, alias: &str, fingerprint: &str) -> Event {
        self.contact = Some(alias.to_owned());
        self.fingerprint = Some(fingerprint.to_owned());
        self
    }

    pub fn fingerprint(mut self, fingerprint: &str) -> Event {
        self.fingerprint = Some(fingerprint.to_owned());
        self
    }

    pub fn document(mut self, sha256: &str, size: u64) -> Event {
        self.document_sha256 = Some(sha256.to_owned());
        self.document_size = Some(size);
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Event {
        self.detail = Some(detail.into());
        self
    }
}

/// A record as stored: the fields of NEN 7513 plus the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub seq: u64,
    pub id: String,
    pub time: String,
    pub actor: String,
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_size: Option<u64>,
    pub outcome: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A checkpoint: the identity's signature (hex, one OpenPGP signature
    /// packet) over this record's hash without the signature, and so
    /// over every record before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Marks the last record one command wrote at once: records past the
    /// state's head that span more than one batch were not left by a
    /// crash, so the state is older than the log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_end: Option<bool>,
    pub prev: String,
    #[serde(default)]
    pub hash: String,
}

impl Record {
    /// The hash over every field but `hash` itself.
    pub fn compute_hash(&self) -> String {
        let mut body = self.clone();
        body.hash = String::new();
        let json = serde_json::to_vec(&body).expect("plain data serializes");
        let mut context =
            sequoia_openpgp::types::HashAlgorithm::SHA256.context().expect("SHA-256 is supported").for_digest();
        context.update(HASH_PREFIX);
        context.update(&json);
        crate::hashing::hex_digest(context).expect("SHA-256 digests")
    }

    /// What a checkpoint signature signs: the hash of the record without
    /// its signature.
    fn checkpoint_message(&self) -> Vec<u8> {
        let mut body = self.clone();
        body.signature = None;
        let mut message = CHECKPOINT_PREFIX.to_vec();
        message.extend_from_slice(body.compute_hash().as_bytes());
        message
    }

    /// Makes this record a checkpoint signed by `signer`.
    fn sign(&mut self, signer: &mut sequoia_openpgp::crypto::KeyPair) -> Result<()> {
        use sequoia_openpgp::serialize::MarshalInto;
        let signature =
            sequoia_openpgp::packet::signature::SignatureBuilder::new(sequoia_openpgp::types::SignatureType::Binary)
                .sign_message(signer, self.checkpoint_message())
                .and_then(|s| sequoia_openpgp::Packet::from(s).to_vec())
                .map_err(|e| Error::Internal(e.to_string()))?;
        self.signature = Some(sequoia_openpgp::fmt::hex::encode(signature).to_lowercase());
        Ok(())
    }

    /// Whether this checkpoint's signature was made by a signing key of
    /// `cert` that was valid when it signed.
    fn signature_verifies(&self, cert: &sequoia_openpgp::Cert) -> bool {
        use sequoia_openpgp::parse::Parse;
        let Some(hex) = &self.signature else { return false };
        let Ok(bytes) = sequoia_openpgp::fmt::hex::decode(hex) else { return false };
        let Ok(sequoia_openpgp::Packet::Signature(signature)) = sequoia_openpgp::Packet::from_bytes(&bytes) else {
            return false;
        };
        let Some(when) = signature.signature_creation_time() else { return false };
        let Ok(valid) = cert.with_policy(crate::policy::standard(), when) else { return false };
        let message = self.checkpoint_message();
        valid.keys().for_signing().any(|ka| signature.verify_message(ka.key(), &message).is_ok())
    }

    /// Parses one line of the log, accepting it only when it is exactly
    /// the bytes carepost writes for that record: a reordered key, added
    /// whitespace, an escape written differently or an unknown field all
    /// make it unreadable, so the hash stands for the line itself.
    pub fn parse_line(line: &str) -> Option<Record> {
        let record: Record = serde_json::from_str(line).ok()?;
        let canonical = serde_json::to_string(&record).ok()?;
        (canonical == line).then_some(record)
    }
}

/// The anchors kept outside the log file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Anchor {
    base_seq: u64,
    base_prev: String,
    head_seq: u64,
    head_hash: String,
}

fn read_anchor(conn: &rusqlite::Connection) -> Result<Option<Anchor>> {
    Ok(conn
        .query_row("SELECT base_seq, base_prev, head_seq, head_hash FROM audit_anchor WHERE id = 1", [], |r| {
            Ok(Anchor {
                base_seq: r.get::<_, i64>(0)? as u64,
                base_prev: r.get(1)?,
                head_seq: r.get::<_, i64>(2)? as u64,
                head_hash: r.get(3)?,
            })
        })
        .optional()?)
}

fn random_id() -> String {
    let mut bytes = [0u8; 16];
    sequoia_openpgp::crypto::random(&mut bytes).expect("system randomness");
    sequoia_openpgp::fmt::hex::encode(bytes).to_lowercase()
}

/// The readable records with a sequence number above `seq` near the end
/// of the log file, in order.
fn records_after(path: &Path, seq: u64) -> Result<Vec<Record>> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("io-read", path, e)),
    };
    let len = file.metadata().map_err(|e| Error::io("io-read", path, e))?.len();
    let start = len.saturating_sub(256 * 1024);
    file.seek(SeekFrom::Start(start)).map_err(|e| Error::io("io-read", path, e))?;
    let mut tail = Vec::new();
    file.read_to_end(&mut tail).map_err(|e| Error::io("io-read", path, e))?;
    let text = String::from_utf8_lossy(&tail);
    Ok(text.lines().filter_map(Record::parse_line).filter(|r| r.seq > seq).collect())
}

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

/// Writes `events` after the current head, inside the caller's
/// transaction, and moves the head.
fn append(
    tx: &rusqlite::Transaction<'_>,
    path: &Path,
    actor: &str,
    time: &str,
    events: Vec<Event>,
    mut signer: Option<&mut sequoia_openpgp::crypto::KeyPair>,
) -> Result<Vec<Record>> {
    let mut anchor = read_anchor(tx)?;
    // A process killed after writing records but before recording the
    // head leaves valid records past the head: adopt them.
    if let Some(a) = &mut anchor {
        for record in records_after(path, a.head_seq)? {
            if record.seq == a.head_seq + 1 && record.prev == a.head_hash && record.hash == record.compute_hash() {
                a.head_seq = record.seq;
                a.head_hash = record.hash.clone();
            }
        }
    }
    let (mut seq, mut prev) = match &anchor {
        Some(a) => (a.head_seq + 1, a.head_hash.clone()),
        None => (1, GENESIS.to_owned()),
    };
    let mut records = Vec::with_capacity(events.len());
    let mut lines = Vec::new();
    let count = events.len();
    for (index, event) in events.into_iter().enumerate() {
        let mut record = Record {
            seq,
            id: random_id(),
            time: time.to_owned(),
            actor: actor.to_owned(),
            action: event.action.code().to_owned(),
            contact: event.contact,
            fingerprint: event.fingerprint,
            document_sha256: event.document_sha256,
            document_size: event.document_size,
            outcome: event.outcome.code().to_owned(),
            detail: event.detail,
            signature: None,
            batch_end: (index + 1 == count).then_some(true),
            prev,
            hash: String::new(),
        };
        // The batch's last record signs everything up to it.
        if index + 1 == count {
            if let Some(signer) = signer.as_deref_mut() {
                record.sign(signer)?;
            }
        }
        record.hash = record.compute_hash();
        serde_json::to_writer(&mut lines, &record).expect("plain data serializes");
        lines.push(b'\n');
        seq += 1;
        prev = record.hash.clone();
        records.push(record);
    }
    let Some(last) = records.last() else { return Ok(records) };
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, crate::home::FILE_MODE);
    let mut file = options.open(path).map_err(|e| Error::io("io-write", path, e))?;
    file.write_all(&lines).and_then(|()| file.sync_data()).map_err(|e| Error::io("io-write", path, e))?;
    match anchor {
        Some(_) => tx.execute(
            "UPDATE audit_anchor SET head_seq = ?1, head_hash = ?2 WHERE id = 1",
            params![last.seq as i64, last.hash],
        )?,
        None => tx.execute(
            "INSERT INTO audit_anchor (id, base_seq, base_prev, head_seq, head_hash) VALUES (1, 1, ?1, ?2, ?3)",
            params![GENESIS, last.seq as i64, last.hash],
        )?,
    };
    Ok(records)
}

/// Refuses a state database that is older than the log: the log goes on
/// past the head the state remembers by more than the one batch a crash
/// can leave behind (e.g. an older `state.db` was restored), or the state
/// has no head at all while the log has records.
pub fn check_state_agrees(conn: &rusqlite::Connection, path: &Path) -> Result<()> {
    let anchor = read_anchor(conn)?;
    // A log that cannot be read is for `log --check` to report; it says
    // nothing about the state being older.
    let Ok(tail) = records_after(path, anchor.as_ref().map_or(0, |a| a.head_seq)) else { return Ok(()) };
    let Some(last) = tail.last() else { return Ok(()) };
    let head = anchor.as_ref().map_or(0, |a| a.head_seq);
    let batches_past_head = tail[..tail.len() - 1].iter().filter(|r| r.batch_end == Some(true)).count();
    if anchor.is_none() || batches_past_head > 0 {
        return Err(Error::StateDisagrees(crate::tr!("state-older-than-log", state = head, log = last.seq)));
    }
    Ok(())
}

/// Every record of the log at `path`, from its first line, refusing the
/// whole log at the first record that is unreadable, out of chain, altered,
/// or signed by a key that is not `cert`'s. The anchors in the state are
/// not consulted: this is what the state is rebuilt from when they are
/// lost.
pub fn read_verified(path: &Path, cert: &sequoia_openpgp::Cert) -> Result<Vec<Record>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io("io-read", path, e)),
    };
    let mut records = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let Some(record) = Record::parse_line(line) else {
            return Err(Error::AuditBroken(crate::tr!("audit-unreadable", line = index + 1)));
        };
        if let Some(previous) = records.last() {
            let previous: &Record = previous;
            if record.seq != previous.seq + 1 || record.prev != previous.hash {
                return Err(Error::AuditBroken(crate::tr!("audit-chain-broken", seq = record.seq)));
            }
        }
        if record.hash != record.compute_hash() {
            return Err(Error::AuditBroken(crate::tr!("audit-altered", seq = record.seq)));
        }
        if record.signature.is_some() && !record.signature_verifies(cert) {
            return Err(Error::AuditBroken(crate::tr!("audit-bad-signature", seq = record.seq)));
        }
        records.push(record);
    }
    Ok(records)
}

/// Sets the state's anchors to a log that runs from `first` to `last`
/// (inside the caller's transaction), whatever they were before.
pub fn reset_anchors(tx: &rusqlite::Transaction<'_>, first: &Record, last: &Record) -> Result<()> {
    tx.execute(
        "INSERT INTO audit_anchor (id, base_seq, base_prev, head_seq, head_hash) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT(id) DO UPDATE SET base_seq = ?1, base_prev = ?2, head_seq = ?3, head_hash = ?4",
        params![first.seq as i64, first.prev, last.seq as i64, last.hash],
    )?;
    Ok(())
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
    let cert = ctx.identity_ref().ok().map(|identity| identity.public_cert());
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
            if !cert.as_ref().is_some_and(|c| record.signature_verifies(c)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn record(seq: u64, prev: &str) -> Record {
        let mut r = Record {
            seq,
            id: "00".into(),
            time: "2026-11-23T10:00:00Z".into(),
            actor: "FPR".into(),
            action: "send".into(),
            contact: Some("p-1".into()),
            fingerprint: Some("AB".into()),
            document_sha256: None,
            document_size: None,
            outcome: "success".into(),
            detail: None,
            signature: None,
            batch_end: None,
            prev: prev.into(),
            hash: String::new(),
        };
        r.hash = r.compute_hash();
        r
    }

    #[test]
    fn every_field_is_covered_by_the_hash() {
        let r = record(1, GENESIS);
        let mut changed = r.clone();
        changed.contact = Some("p-2".into());
        assert_ne!(changed.compute_hash(), r.hash);
        let mut changed = r.clone();
        changed.outcome = "refused".into();
        assert_ne!(changed.compute_hash(), r.hash);
        let mut changed = r.clone();
        changed.prev = "ff".into();
        assert_ne!(changed.compute_hash(), r.hash);
        assert_eq!(r.compute_hash(), r.hash);
    }

    #[test]
    fn records_round_trip_through_json() {
        let r = record(7, GENESIS);
        let line = serde_json::to_string(&r).unwrap();
        assert!(!line.contains("document_size"));
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.compute_hash(), r.hash);
    }

    #[test]
    fn action_codes_are_unique() {
        let codes: std::collections::BTreeSet<_> = Action::ALL.iter().map(|a| a.code()).collect();
        assert_eq!(codes.len(), Action::ALL.len());
    }
}
