//! Retention: every file carepost creates is recorded with an expiry and
//! deleted when it expires — carefully, because the folders it lives in
//! belong to the user.
//!
//! This module owns the records of managed files (announced, activated,
//! recovered after a crash; `files`) and the summary `status` shows. The
//! policy (`retention show`/`set`) is in [`policy`]; removing files
//! (`purge`, `files release`, `files delete`) is in [`purge`].

mod policy;
mod purge;

use policy::MINUTE;
pub use policy::{describe_duration, format_duration, parse_duration, policy, set, Policy, KEYS, MIN_LOG_RETENTION};
pub use purge::{delete_now, purge, release, remove_now, PurgeReport, Purged, Verdict};
use purge::{forget_name, open_no_follow, reconcile};

use crate::audit::{self, Action, Event, Outcome};
use crate::error::{Error, Result};
use crate::store::{SqlPath, StoredPath};
use crate::Context;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// What a managed file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An encrypted document carepost sent (outbox or `-o`).
    Sent,
    /// A decrypted document carepost opened.
    Received,
    /// A decrypted copy for viewing only.
    View,
    /// A received document kept encrypted under its own key.
    Sealed,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Sent => "sent",
            Kind::Received => "received",
            Kind::View => "view",
            Kind::Sealed => "sealed",
        }
    }

    /// The kind as a person reads it in a list, in their language (`code`
    /// is for JSON, the audit log and the state database).
    pub fn label(self) -> String {
        match self {
            Kind::Sent => crate::tr!("file-kind-sent"),
            Kind::Received => crate::tr!("file-kind-received"),
            Kind::View => crate::tr!("file-kind-view"),
            Kind::Sealed => crate::tr!("file-kind-sealed"),
        }
    }

    /// Whether the file holds readable document content.
    pub fn is_plaintext(self) -> bool {
        matches!(self, Kind::Received | Kind::View)
    }
}

impl crate::store::Code for Kind {
    const COLUMN: &'static str = "managed_files.kind";
    const ALL: &'static [Kind] = &[Kind::Sent, Kind::Received, Kind::View, Kind::Sealed];
    fn code(self) -> &'static str {
        Kind::code(self)
    }
}
crate::store::sql_code!(Kind);

/// Where a managed file is in its life. The codes are those of state.db's
/// `managed_files.state` and of `files --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileState {
    /// Announced, not yet given its name (see [`record_pending`]).
    Pending,
    /// On disk, under retention.
    Active,
    /// Deleted by carepost.
    Deleted,
    /// Gone without carepost deleting it (or never written).
    Missing,
    /// Not what carepost wrote any more: kept, waiting for the user.
    Changed,
    /// Taken out of carepost's care by the user.
    Released,
}

impl FileState {
    pub fn code(self) -> &'static str {
        match self {
            FileState::Pending => "pending",
            FileState::Active => "active",
            FileState::Deleted => "deleted",
            FileState::Missing => "missing",
            FileState::Changed => "changed",
            FileState::Released => "released",
        }
    }

    /// The state as a person reads it in a sentence, in their language
    /// (`code` is for JSON, the audit log and the state database).
    pub fn label(self) -> String {
        match self {
            FileState::Pending => crate::tr!("file-state-pending"),
            FileState::Active => crate::tr!("file-state-active"),
            FileState::Deleted => crate::tr!("file-state-deleted"),
            FileState::Missing => crate::tr!("file-state-missing"),
            FileState::Changed => crate::tr!("file-state-changed"),
            FileState::Released => crate::tr!("file-state-released"),
        }
    }
}

impl crate::store::Code for FileState {
    const COLUMN: &'static str = "managed_files.state";
    const ALL: &'static [FileState] = &[
        FileState::Pending,
        FileState::Active,
        FileState::Deleted,
        FileState::Missing,
        FileState::Changed,
        FileState::Released,
    ];
    fn code(self) -> &'static str {
        FileState::code(self)
    }
}
crate::store::sql_code!(FileState);

impl std::fmt::Display for FileState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `pad`, so that `{:<8}` in a table lines up.
        f.pad(self.code())
    }
}

/// A file carepost manages.
#[derive(Debug, Clone, Serialize)]
pub struct ManagedFile {
    pub id: i64,
    pub kind: Kind,
    #[serde(serialize_with = "path_as_text")]
    pub path: PathBuf,
    pub size: u64,
    pub sha256: String,
    pub created_at: String,
    pub expires_at: String,
    pub state: FileState,
}

/// A path in JSON output: JSON holds only Unicode, so a name that is not
/// (a non-UTF-8 folder) is shown with replacement characters — for
/// reading only; state.db keeps the exact bytes.
fn path_as_text<S: serde::Serializer>(path: &Path, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

/// How old a `pending` record must be before recovery treats its writer as
/// gone (the window it covers is milliseconds long).
const PENDING_GRACE: Duration = Duration::from_secs(60);
/// Name variants recovery looks at (`name`, `name-2`, …).
const RECOVERY_VARIANTS: u32 = 100;

/// Announces a file about to be given its name in `planned`'s folder: if
/// the process dies between naming the file and [`activate`], recovery
/// finds it by its hash and records it, so no document escapes retention.
pub fn record_pending(
    ctx: &mut Context<'_>,
    kind: Kind,
    planned: &Path,
    size: u64,
    sha256: &str,
    keep_for: Duration,
    sealed_key: Option<&[u8]>,
) -> Result<i64> {
    // Inserted as 'pending' in one statement: a record that is briefly
    // 'active' would survive a kill before its file exists.
    insert_file(ctx, kind, planned, size, sha256, keep_for, sealed_key, FileState::Pending)
}

/// Marks a pending file as written at `path` (inside the caller's
/// transaction, together with its audit record).
pub fn activate(tx: &rusqlite::Transaction<'_>, id: i64, path: &Path) -> Result<()> {
    let folder = folder_only(path);
    // Naming never replaces a file, so an active record for this path had
    // already lost its file (e.g. a purge killed between unlinking it and
    // closing the record). Close it, or two records would claim this one
    // file — and the stale one's purge would delete the new document.
    tx.execute(
        "UPDATE managed_files
         SET state = 'missing', sealed_key = NULL, path = ?3,
             closed_at = (SELECT created_at FROM managed_files WHERE id = ?1)
         WHERE path = ?2 AND state = 'active' AND id != ?1",
        params![id, SqlPath(path), SqlPath(&folder)],
    )?;
    // 'missing': recovery in another process (whose clock ran ahead) gave
    // up on this record while the file was being named; it exists now.
    tx.execute(
        "UPDATE managed_files SET state = 'active', path = ?2, closed_at = NULL
         WHERE id = ?1 AND state IN ('pending', 'missing')",
        params![id, SqlPath(path)],
    )?;
    Ok(())
}

/// Whether a record still claims the file at `path` (pending, active or
/// changed), inside the caller's transaction.
pub fn is_tracked(tx: &rusqlite::Transaction<'_>, path: &Path) -> Result<bool> {
    Ok(tx
        .query_row(
            "SELECT 1 FROM managed_files WHERE path = ?1 AND state IN ('pending', 'active', 'changed')",
            [SqlPath(path)],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Puts an existing file no record claims back under retention, as
/// written at `written` and kept for `keep_for` from then (inside the
/// caller's transaction): what `log --rebuild-state` does for the inbox
/// and outbox.
pub fn adopt(
    tx: &rusqlite::Transaction<'_>,
    kind: Kind,
    path: &Path,
    sha256: &str,
    size: u64,
    written: SystemTime,
    keep_for: Duration,
) -> Result<()> {
    tx.execute(
        "INSERT INTO managed_files (kind, path, size, sha256, created_at, expires_at, plaintext, state)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'active')",
        params![
            kind.code(),
            SqlPath(path),
            size as i64,
            sha256,
            crate::fmt_time(written),
            crate::fmt_time(written + keep_for),
            kind.is_plaintext()
        ],
    )?;
    Ok(())
}

/// Forgets pending records whose file was never written.
pub fn abandon(ctx: &mut Context<'_>, ids: &[i64]) {
    let now = crate::fmt_time(ctx.now);
    if let Ok(store) = ctx.store() {
        for id in ids {
            if let Ok(1) = store.connection().execute(
                "UPDATE managed_files SET state = 'missing', closed_at = ?2 WHERE id = ?1 AND state = 'pending'",
                params![id, now],
            ) {
                let _ = forget_name(store.connection(), *id);
            }
        }
    }
}

/// Finishes what a killed process left pending: a file that was named is
/// found by its hash and recorded; otherwise the record is closed.
pub fn recover_pending(ctx: &mut Context<'_>) -> Result<usize> {
    let before = crate::fmt_time(ctx.now.checked_sub(PENDING_GRACE).unwrap_or(SystemTime::UNIX_EPOCH));
    let stale: Vec<ManagedFile> = {
        let conn = ctx.store()?.connection();
        let mut stmt =
            conn.prepare(&format!("SELECT {COLUMNS} FROM managed_files WHERE state = 'pending' AND created_at <= ?1"))?;
        let rows = stmt.query_map([before], row_to_file)?;
        rows.collect::<std::result::Result<Vec<_>, _>>()?
    };
    let mut recovered = 0;
    for item in stale {
        let found = find_written(ctx, &item)?;
        let now = crate::fmt_time(ctx.now);
        let conn = ctx.store()?.connection();
        match found {
            Some(path) => {
                conn.execute(
                    "UPDATE managed_files SET state = 'active', path = ?2 WHERE id = ?1",
                    params![item.id, SqlPath(&path)],
                )?;
                recovered += 1;
            }
            None => {
                conn.execute(
                    "UPDATE managed_files SET state = 'missing', closed_at = ?2, sealed_key = NULL WHERE id = ?1",
                    params![item.id, now],
                )?;
                forget_name(conn, item.id)?;
            }
        }
    }
    Ok(recovered)
}

/// The file a pending record's writer produced, if it got that far: the
/// planned name or a numbered variant, with the recorded size and hash,
/// not already claimed by another record.
fn find_written(ctx: &mut Context<'_>, item: &ManagedFile) -> Result<Option<PathBuf>> {
    let (Some(dir), Some(name)) = (item.path.parent(), item.path.file_name()) else { return Ok(None) };
    for n in 1..=RECOVERY_VARIANTS {
        let candidate = dir.join(with_suffix(name, n));
        let Ok(meta) = std::fs::symlink_metadata(&candidate) else { continue };
        if !meta.is_file() || meta.len() != item.size {
            continue;
        }
        let claimed: bool = ctx.store()?.connection().query_row(
            "SELECT EXISTS (SELECT 1 FROM managed_files WHERE path = ?1 AND state = 'active')",
            [SqlPath(&candidate)],
            |r| r.get(0),
        )?;
        if claimed {
            continue;
        }
        let matches = open_no_follow(&candidate, false)
            .and_then(|mut f| crate::hashing::sha256_of(&mut f))
            .is_ok_and(|(sha256, _)| sha256 == item.sha256);
        if matches {
            return Ok(Some(candidate));
        }
    }
    Ok(None)
}

#[allow(clippy::too_many_arguments)]
fn insert_file(
    ctx: &mut Context<'_>,
    kind: Kind,
    path: &Path,
    size: u64,
    sha256: &str,
    keep_for: Duration,
    sealed_key: Option<&[u8]>,
    state: FileState,
) -> Result<i64> {
    let created = crate::fmt_time(ctx.now);
    let expires = crate::fmt_time(expiry_base(ctx)? + keep_for);
    let conn = ctx.store()?.connection();
    conn.execute(
        "INSERT INTO managed_files (kind, path, size, sha256, created_at, expires_at, plaintext, sealed_key, state)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![kind, SqlPath(path), size as i64, sha256, created, expires, kind.is_plaintext(), sealed_key, state],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The time a new file's retention counts from: its own creation, now.
///
/// Never the newest time already recorded: one command run with the clock
/// two years ahead would move every later expiry two years out. A clock
/// that is behind a recorded time is reported instead
/// ([`Summary::clock_behind`]).
pub fn expiry_base(ctx: &mut Context<'_>) -> Result<SystemTime> {
    Ok(ctx.now)
}

/// How far a recorded creation time may lie ahead of the clock before
/// `status` reports the clock (two machines' clocks, or NTP, differ a bit).
const CLOCK_TOLERANCE: Duration = Duration::from_secs(5 * MINUTE);

/// The newest recorded creation time, when it lies ahead of the clock:
/// the clock was ahead when it was recorded, or is behind now.
fn clock_behind(ctx: &mut Context<'_>) -> Result<Option<String>> {
    let newest: Option<String> =
        ctx.store()?.connection().query_row("SELECT MAX(created_at) FROM managed_files", [], |r| r.get(0))?;
    let limit = ctx.now + CLOCK_TOLERANCE;
    Ok(newest.filter(|t| crate::parse_time(t).is_some_and(|t| t > limit)))
}

fn row_to_file(r: &rusqlite::Row<'_>) -> rusqlite::Result<ManagedFile> {
    Ok(ManagedFile {
        id: r.get(0)?,
        kind: r.get(1)?,
        path: r.get::<_, StoredPath>(2)?.0,
        size: r.get::<_, i64>(3)? as u64,
        sha256: r.get(4)?,
        created_at: r.get(5)?,
        expires_at: r.get(6)?,
        state: r.get(7)?,
    })
}

const COLUMNS: &str = "id, kind, path, size, sha256, created_at, expires_at, state";

/// Managed files, newest first. Without `all`: the active ones and those
/// that changed since carepost wrote them, which stay listed until the
/// user releases them ([`release`]) or removes them.
pub fn files(ctx: &mut Context<'_>, all: bool) -> Result<Vec<ManagedFile>> {
    reconcile(ctx)?;
    let conn = ctx.store()?.connection();
    let sql = if all {
        format!("SELECT {COLUMNS} FROM managed_files ORDER BY id DESC")
    } else {
        format!("SELECT {COLUMNS} FROM managed_files WHERE state IN ('active', 'changed') ORDER BY id DESC")
    };
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], row_to_file)?;
    Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
}

/// The active managed files with this content hash, newest first, as
/// recorded (not reconciled with the disk: the caller checks the file).
pub fn active_with_hash(ctx: &mut Context<'_>, sha256: &str) -> Result<Vec<ManagedFile>> {
    let conn = ctx.store()?.connection();
    let sql = format!("SELECT {COLUMNS} FROM managed_files WHERE state = 'active' AND sha256 = ?1 ORDER BY id DESC");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([sha256], row_to_file)?;
    Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
}

/// One managed file by id.
pub fn file(ctx: &mut Context<'_>, id: i64) -> Result<ManagedFile> {
    let conn = ctx.store()?.connection();
    conn.query_row(&format!("SELECT {COLUMNS} FROM managed_files WHERE id = ?1"), [id], row_to_file)
        .optional()?
        .ok_or(Error::NoSuchFile(id))
}

/// The key of a sealed document, while it has not expired.
pub fn sealed_key(ctx: &mut Context<'_>, id: i64) -> Result<Option<zeroize::Zeroizing<Vec<u8>>>> {
    // Expired is gone, whether or not a purge has run since.
    let now = crate::fmt_time(ctx.now);
    let conn = ctx.store()?.connection();
    let key: Option<Vec<u8>> = conn
        .query_row(
            "SELECT sealed_key FROM managed_files
             WHERE id = ?1 AND kind = 'sealed' AND state = 'active' AND expires_at > ?2",
            params![id, now],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    Ok(key.map(zeroize::Zeroizing::new))
}

/// `/home/u/inbox/Jansen.pdf` → `/home/u/inbox/`.
fn folder_only(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) => parent.join(""),
        None => PathBuf::new(),
    }
}

/// `name` with recovery's numbered variants (`a.pdf`, `a-2.pdf`, …), for
/// any name: the variants of a name that is not UTF-8 are found too.
fn with_suffix(name: &std::ffi::OsStr, n: u32) -> std::ffi::OsString {
    match name.to_str() {
        Some(text) => crate::names::with_suffix(text, n).into(),
        None if n <= 1 => name.to_owned(),
        // Not Unicode: the name is not split at its extension.
        None => {
            let mut variant = name.to_owned();
            variant.push(format!("-{n}"));
            variant
        }
    }
}

/// Summary for `status`.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Summary {
    pub sent: u64,
    pub received: u64,
    pub view: u64,
    pub sealed: u64,
    pub overdue: u64,
    /// Files that changed since carepost wrote them and are still there:
    /// not deleted, waiting for the user to release or remove them.
    pub needs_decision: u64,
    pub next_expiry: Option<String>,
    /// A recorded creation time later than the clock (by more than a few
    /// minutes): the clock jumped, and expiries near it are not to be
    /// trusted until it is set right. Absent when the clock is fine.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clock_behind: Option<String>,
}

pub fn summary(ctx: &mut Context<'_>) -> Result<Summary> {
    reconcile(ctx)?;
    let clock = clock_behind(ctx)?;
    let now = crate::fmt_time(ctx.now);
    let conn = ctx.store()?.connection();
    let mut summary = Summary::default();
    let mut stmt = conn.prepare("SELECT kind, COUNT(*) FROM managed_files WHERE state = 'active' GROUP BY kind")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, Kind>(0)?, r.get::<_, i64>(1)? as u64)))? {
        let (kind, n) = row?;
        match kind {
            Kind::Sent => summary.sent = n,
            Kind::Received => summary.received = n,
            Kind::View => summary.view = n,
            Kind::Sealed => summary.sealed = n,
        }
    }
    summary.overdue =
        conn.query_row("SELECT COUNT(*) FROM managed_files WHERE state = 'active' AND expires_at <= ?1", [&now], |r| {
            r.get::<_, i64>(0)
        })? as u64;
    summary.next_expiry = conn
        .query_row(
            "SELECT MIN(expires_at) FROM managed_files WHERE state = 'active' AND expires_at > ?1",
            [&now],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten();
    summary.needs_decision = conn
        .query_row("SELECT COUNT(*) FROM managed_files WHERE state = 'changed'", [], |r| r.get::<_, i64>(0))?
        as u64;
    summary.clock_behind = clock;
    Ok(summary)
}

/// How many managed files are in each state, since the home was made
/// (the accountability report: deleted, gone, changed, released).
pub fn state_counts(ctx: &mut Context<'_>) -> Result<Vec<(FileState, u64)>> {
    let conn = ctx.store()?.connection();
    let mut stmt = conn.prepare("SELECT state, COUNT(*) FROM managed_files GROUP BY state ORDER BY state")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, FileState>(0)?, r.get::<_, i64>(1)? as u64)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_records_keep_the_folder_not_the_name() {
        assert_eq!(folder_only(Path::new("/home/u/inbox/Jansen_ontslagbrief.pdf")), Path::new("/home/u/inbox/"));
        assert_eq!(folder_only(Path::new("/tmp/out/document-20261201-k3m9x2qa.pdf.pgp")), Path::new("/tmp/out/"));
        assert_eq!(folder_only(Path::new("/x")), Path::new("/"));
    }

    #[test]
    fn stored_codes_are_the_json_values() {
        use crate::store::Code;
        for kind in <Kind as Code>::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.code());
        }
        for state in <FileState as Code>::ALL {
            assert_eq!(serde_json::to_value(state).unwrap(), state.code());
        }
        assert_eq!(<FileState as Code>::ALL.len(), 6);
    }
}
