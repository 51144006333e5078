//! The chain on disk and its anchors: appending records after the head, in
//! the caller's database transaction with the anchors that say where the
//! head is, adopting what a killed process left past it; the check that the
//! state is not older than the log; and the whole log read back verified.

use super::{Event, Record, GENESIS};
use crate::error::{Error, Result};
use rusqlite::{params, OptionalExtension};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

/// The anchors kept outside the log file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub(crate) base_seq: u64,
    pub(crate) base_prev: String,
    pub(crate) head_seq: u64,
    pub(crate) head_hash: String,
}

pub(crate) fn read_anchor(conn: &rusqlite::Connection) -> Result<Option<Anchor>> {
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

/// Writes `events` after the current head, inside the caller's
/// transaction, and moves the head.
pub(crate) fn append(
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

/// Every record of the log at `path`, from its first line, refusing the
/// whole log at the first record that is unreadable, out of chain, altered,
/// or signed by a key that is none of `certs`. The anchors in the state are
/// not consulted: this is what the state is rebuilt from when they are
/// lost.
pub fn read_verified(path: &Path, certs: &[sequoia_openpgp::Cert]) -> Result<Vec<Record>> {
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
        if record.signature.is_some() && !certs.iter().any(|c| record.signature_verifies(c)) {
            return Err(Error::AuditBroken(crate::tr!("audit-bad-signature", seq = record.seq)));
        }
        records.push(record);
    }
    Ok(records)
}
