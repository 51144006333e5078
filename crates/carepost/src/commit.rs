//! Committing outputs: the one way a written output becomes a document
//! carepost manages, shared by `send` (one file per document),
//! `send --eml` (one email), `open` (the received document, or its sealed
//! copy) and `export` (a sealed document brought back).
//!
//! In order, for all outputs of a command together:
//! 1. each is announced as a `pending` record (planned path, size, hash),
//!    so that a crash after naming cannot leave a file retention does not
//!    know (the next command finds it by size and hash and adopts it);
//! 2. each is given its name (content and folder `fsync`ed, never
//!    replacing a file);
//! 3. one transaction makes every record `active` and appends the audit
//!    records, together with the caller's extra rows (a risk acceptance).
//!
//! If any step fails, the outputs named so far are removed and the pending
//! records closed: the command leaves nothing, on disk or in the records.
//! Everything else that can fail (the identity, the events) is done by the
//! caller before calling [`commit`].

use crate::audit::{self, Event};
use crate::error::Result;
use crate::output::PendingFile;
use crate::retention::{self, Kind};
use crate::Context;
use std::path::PathBuf;
use std::time::Duration;
use zeroize::Zeroizing;

/// How a written output gets its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// The first free name among `name`, `name-2`, … (names carepost chose).
    FirstFree,
    /// Exactly `name`, or an error if it exists (a path the user gave).
    Exactly,
}

/// A completely written output, still nameless.
pub struct Output {
    pending: PendingFile,
    name: String,
    naming: Naming,
    sha256: String,
    size: u64,
    sealed_key: Option<Zeroizing<Vec<u8>>>,
}

/// An output that is now a managed file.
#[derive(Debug, Clone)]
pub struct Committed {
    /// Its record in the state database.
    pub id: i64,
    /// Where it is.
    pub path: PathBuf,
}

impl Output {
    /// `pending` holds the output; `sha256` (hex) and `size` are those of
    /// the bytes written, as the record will claim them.
    pub fn new(pending: PendingFile, name: String, naming: Naming, sha256: String, size: u64) -> Output {
        Output { pending, name, naming, sha256, size, sealed_key: None }
    }

    /// The output is a sealed document that `key` opens: the key is kept
    /// with its record, and destroyed with it.
    pub fn sealed_with(mut self, key: &[u8]) -> Output {
        self.sealed_key = Some(Zeroizing::new(key.to_vec()));
        self
    }
}

/// Commits `outputs` as managed files of `kind` kept for `keep_for`, with
/// `events` in the audit log and `also` run in the same transaction.
/// Returns the records and final paths, in the order of `outputs`.
pub fn commit(
    ctx: &mut Context<'_>,
    kind: Kind,
    keep_for: Duration,
    outputs: Vec<Output>,
    events: Vec<Event>,
    also: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<()>,
) -> Result<Vec<Committed>> {
    let mut ids = Vec::with_capacity(outputs.len());
    for output in &outputs {
        let planned = output.pending.dir().join(&output.name);
        let key = output.sealed_key.as_ref().map(|k| &k[..]);
        match retention::record_pending(ctx, kind, &planned, output.size, &output.sha256, keep_for, key) {
            Ok(id) => ids.push(id),
            Err(e) => return Err(undo(ctx, &ids, &[], e)),
        }
    }
    let mut paths = Vec::with_capacity(outputs.len());
    for output in outputs {
        let named = match output.naming {
            Naming::FirstFree => output.pending.persist(&output.name),
            Naming::Exactly => output.pending.persist_new(&output.name),
        };
        match named {
            Ok(path) => paths.push(path),
            Err(e) => return Err(undo(ctx, &ids, &paths, e)),
        }
    }
    let recorded = audit::record_all(ctx, events, |tx| {
        for (id, path) in ids.iter().zip(&paths) {
            retention::activate(tx, *id, path)?;
        }
        also(tx)
    });
    match recorded {
        Ok(_) => Ok(ids.into_iter().zip(paths).map(|(id, path)| Committed { id, path }).collect()),
        Err(e) => Err(undo(ctx, &ids, &paths, e)),
    }
}

/// Removes what was named and closes what was announced; returns `error`.
fn undo(ctx: &mut Context<'_>, ids: &[i64], named: &[PathBuf], error: crate::error::Error) -> crate::error::Error {
    for path in named {
        let _ = std::fs::remove_file(path);
    }
    retention::abandon(ctx, ids);
    error
}
