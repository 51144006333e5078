//! Committing outputs: the one way a written output becomes a document
//! carepost manages, shared by `send` (one file per document),
//! `send --eml` (one email), `open` (the received document, or its sealed
//! copy), `open MESSAGE.eml` (every attachment, or none) and `export` (a
//! sealed document brought back).
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
use std::path::{Path, PathBuf};
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
    planned: Planned,
}

/// An output as its record will describe it, before its bytes need to
/// exist: see [`commit_in_turn`].
pub struct Planned {
    dir: PathBuf,
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
        let planned = Planned::new(pending.dir(), name, naming, sha256, size);
        Output { pending, planned }
    }

    /// The output is a sealed document that `key` opens: the key is kept
    /// with its record, and destroyed with it.
    pub fn sealed_with(mut self, key: &[u8]) -> Output {
        self.planned = self.planned.sealed_with(key);
        self
    }
}

impl Planned {
    /// An output to be named in `dir`; `sha256` (hex) and `size` are those
    /// of the bytes that will be written, as the record will claim them.
    pub fn new(dir: &Path, name: String, naming: Naming, sha256: String, size: u64) -> Planned {
        Planned { dir: dir.to_path_buf(), name, naming, sha256, size, sealed_key: None }
    }

    /// See [`Output::sealed_with`].
    pub fn sealed_with(mut self, key: &[u8]) -> Planned {
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
    let (mut written, planned): (Vec<_>, Vec<_>) = outputs.into_iter().map(|o| (Some(o.pending), o.planned)).unzip();
    let take = |i: usize| Ok(written[i].take().expect("each output is named once"));
    commit_in_turn(ctx, kind, keep_for, planned, events, take, also)
}

/// [`commit`] for outputs written only when their turn comes: `write(i)`
/// returns the `i`th of `planned`, completely written, just before it is
/// named. A command with many outputs (an email's attachments) then holds
/// one open file at a time, however many there are.
pub fn commit_in_turn(
    ctx: &mut Context<'_>,
    kind: Kind,
    keep_for: Duration,
    planned: Vec<Planned>,
    events: Vec<Event>,
    mut write: impl FnMut(usize) -> Result<PendingFile>,
    also: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<()>,
) -> Result<Vec<Committed>> {
    let mut ids = Vec::with_capacity(planned.len());
    for output in &planned {
        let path = output.dir.join(&output.name);
        let key = output.sealed_key.as_ref().map(|k| &k[..]);
        match retention::record_pending(ctx, kind, &path, output.size, &output.sha256, keep_for, key) {
            Ok(id) => ids.push(id),
            Err(e) => return Err(undo(ctx, &ids, &[], e)),
        }
    }
    let mut paths = Vec::with_capacity(planned.len());
    for (i, output) in planned.iter().enumerate() {
        let named = write(i).and_then(|pending| match output.naming {
            Naming::FirstFree => pending.persist(&output.name),
            Naming::Exactly => pending.persist_new(&output.name),
        });
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
