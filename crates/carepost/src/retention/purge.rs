//! `purge`, `files release` and `files delete`: removing managed files.
//!
//! `purge` deletes only files carepost recorded, never follows a symbolic
//! link at any level of the path, and deletes a file only if it is still
//! exactly what carepost wrote (same size and SHA-256): a document the
//! user edited or replaced is reported and left alone. Plaintext copies
//! are overwritten before they are unlinked — a best effort that SSDs,
//! copy-on-write file systems and backups can defeat (see
//! `docs/security-model.md`); sealed documents rely on destroying their
//! key instead.

use super::*;

/// What happened to one expired file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Deleted (or, with `--dry-run`, would be).
    Deleted,
    /// It was gone already; the record is closed.
    AlreadyGone,
    /// Not what carepost wrote any more (edited, replaced, a link): kept.
    Changed,
    /// Could not be deleted now; tried again next time.
    Failed(String),
}

#[derive(Debug, Clone, Serialize)]
pub struct Purged {
    pub id: i64,
    pub kind: Kind,
    #[serde(serialize_with = "path_as_text")]
    pub path: PathBuf,
    pub verdict: Verdict,
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct PurgeReport {
    pub dry_run: bool,
    pub files: Vec<Purged>,
    /// Audit records older than the log's retention that were cut.
    pub log_records_cut: u64,
}

impl PurgeReport {
    pub fn count(&self, wanted: fn(&Verdict) -> bool) -> usize {
        self.files.iter().filter(|f| wanted(&f.verdict)).count()
    }
}

/// Deletes what has expired. `limit` bounds the work (the quick purge
/// before every command); `None` does everything.
pub fn purge(ctx: &mut Context<'_>, dry_run: bool, limit: Option<usize>) -> Result<PurgeReport> {
    // One purge at a time: two processes checking, overwriting and
    // unlinking the same file would each see the other's work as a change.
    // The quick purge (bounded) skips when another purge is running.
    let _lock = match (dry_run, lock_purges(ctx, limit.is_none())?) {
        (false, None) => return Ok(PurgeReport::default()),
        (_, lock) => lock,
    };
    if !dry_run {
        recover_pending(ctx)?;
    }
    let now = crate::fmt_time(ctx.now);
    let due: Vec<ManagedFile> = {
        let conn = ctx.store()?.connection();
        let mut stmt = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM managed_files WHERE state = 'active' AND expires_at <= ?1 ORDER BY expires_at LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![now, limit.map_or(-1, |l| l as i64)], row_to_file)?;
        rows.collect::<std::result::Result<Vec<_>, _>>()?
    };
    let mut report = PurgeReport { dry_run, ..Default::default() };
    for item in due {
        let verdict = if dry_run { inspect(&item, overwrite_started(ctx, item.id)?) } else { remove(ctx, &item)? };
        report.files.push(Purged { id: item.id, kind: item.kind, path: item.path.clone(), verdict });
    }
    if !dry_run && limit.is_none() {
        let log_retention = policy(ctx)?.log;
        let keep_after = ctx.now.checked_sub(log_retention).unwrap_or(SystemTime::UNIX_EPOCH);
        report.log_records_cut = audit::cut_before(ctx, keep_after)?;
        if report.log_records_cut > 0 {
            audit::record(
                ctx,
                Event::new(Action::LogCut, Outcome::Success).detail(format!("{} records", report.log_records_cut)),
            )?;
        }
    }
    Ok(report)
}

/// Takes the home's purge lock (released when the file is closed, also
/// when the process is killed); `None` when `wait` is false and another
/// process holds it.
fn lock_purges(ctx: &Context<'_>, wait: bool) -> Result<Option<std::fs::File>> {
    crate::home::lock_file(&ctx.home.purge_lock(), wait)
}

/// What deleting `item` would find, without deleting.
fn inspect(item: &ManagedFile, overwrite_started: bool) -> Verdict {
    match check_unchanged(item, overwrite_started) {
        Ok(Some(_)) => Verdict::Deleted,
        Ok(None) => Verdict::AlreadyGone,
        Err(Check::Changed) => Verdict::Changed,
        Err(Check::Failed(reason)) => Verdict::Failed(reason),
    }
}

enum Check {
    Changed,
    Failed(String),
}

/// Opens `item` without following links and checks it is still what
/// carepost wrote. `Ok(None)`: it is gone.
///
/// The file is reached from the root one folder at a time, refusing a
/// link at every level: a recorded folder swapped for a link to another
/// folder (say the user's archive, holding a same-named copy) must not
/// lead the overwrite and unlink there.
///
/// `overwrite_started`: an earlier purge began overwriting this file and
/// was stopped before unlinking it. Its content is then zeros up to where
/// it stopped, so a same-sized file that starts with zeros is still ours.
fn check_unchanged(
    item: &ManagedFile,
    overwrite_started: bool,
) -> std::result::Result<Option<(std::fs::File, bool, Place)>, Check> {
    let place = match Place::reach(&item.path) {
        Ok(Some(place)) => place,
        Ok(None) => return Ok(None),
        Err(Walk::NotAFolder) => return Err(Check::Changed),
        Err(Walk::Io(e)) => return Err(Check::Failed(crate::error::io_reason(&e))),
    };
    let meta = match place.stat() {
        Ok(Some(m)) => m,
        Ok(None) => return Ok(None),
        Err(e) => return Err(Check::Failed(crate::error::io_reason(&e))),
    };
    if !meta.is_file || meta.size != item.size {
        return Err(Check::Changed);
    }
    let (mut file, writable) = match place.open(true) {
        Ok(f) => (f, true),
        Err(_) => match place.open(false) {
            Ok(f) => (f, false),
            Err(e) => return Err(Check::Failed(crate::error::io_reason(&e))),
        },
    };
    if !meta.same_as(&file) {
        return Err(Check::Changed);
    }
    let (sha256, size) =
        crate::hashing::sha256_of(&mut file).map_err(|e| Check::Failed(crate::error::io_reason(&e)))?;
    if size != item.size || (sha256 != item.sha256 && !(overwrite_started && starts_with_zeros(&mut file, size))) {
        return Err(Check::Changed);
    }
    Ok(Some((file, writable, place)))
}

/// Why a recorded file's folder could not be reached.
enum Walk {
    /// A component is a link or not a folder: not where carepost wrote.
    NotAFolder,
    Io(std::io::Error),
}

/// What `Place::stat` learns about the named entry.
struct EntryMeta {
    is_file: bool,
    size: u64,
    dev: u64,
    ino: u64,
}

impl EntryMeta {
    #[cfg(unix)]
    fn same_as(&self, file: &std::fs::File) -> bool {
        use std::os::unix::fs::MetadataExt;
        file.metadata().is_ok_and(|m| m.dev() == self.dev && m.ino() == self.ino)
    }

    #[cfg(not(unix))]
    fn same_as(&self, _: &std::fs::File) -> bool {
        let _ = (self.dev, self.ino);
        true
    }
}

/// A recorded file's folder, held open, and its name in it: every later
/// step (stat, open, unlink) works relative to that folder, so swapping a
/// folder on the path for a link after the walk changes nothing.
struct Place {
    #[cfg(unix)]
    dir: rustix::fd::OwnedFd,
    #[cfg(not(unix))]
    path: PathBuf,
    name: std::ffi::OsString,
}

impl Place {
    /// Walks to `path`'s folder without following links. `Ok(None)`: the
    /// folder (and so the file) is gone.
    #[cfg(unix)]
    fn reach(path: &Path) -> std::result::Result<Option<Place>, Walk> {
        use rustix::fs::{openat, Mode, OFlags, CWD};
        use std::path::Component;
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return Err(Walk::NotAFolder);
        };
        if !path.is_absolute() {
            return Err(Walk::NotAFolder);
        }
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let mut dir = openat(CWD, "/", flags, Mode::empty()).map_err(|e| Walk::Io(e.into()))?;
        for component in parent.components() {
            match component {
                Component::RootDir => {}
                Component::Normal(part) => {
                    dir = match openat(&dir, part, flags, Mode::empty()) {
                        Ok(fd) => fd,
                        Err(rustix::io::Errno::NOENT) => return Ok(None),
                        // A link where a folder was: not where carepost
                        // wrote. Anything else that is not a folder (a
                        // drive not mounted, a file) may yet come right.
                        Err(e @ (rustix::io::Errno::LOOP | rustix::io::Errno::NOTDIR)) => {
                            return match rustix::fs::statat(&dir, part, rustix::fs::AtFlags::SYMLINK_NOFOLLOW) {
                                Ok(st)
                                    if rustix::fs::FileType::from_raw_mode(st.st_mode as _)
                                        == rustix::fs::FileType::Symlink =>
                                {
                                    Err(Walk::NotAFolder)
                                }
                                _ => Err(Walk::Io(e.into())),
                            }
                        }
                        Err(e) => return Err(Walk::Io(e.into())),
                    }
                }
                // Recorded paths are absolute and resolved; `..` or `.`
                // means the record is not one carepost wrote.
                _ => return Err(Walk::NotAFolder),
            }
        }
        Ok(Some(Place { dir, name: name.to_owned() }))
    }

    #[cfg(not(unix))]
    fn reach(path: &Path) -> std::result::Result<Option<Place>, Walk> {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return Err(Walk::NotAFolder);
        };
        match std::fs::symlink_metadata(parent) {
            Ok(m) if m.is_dir() => Ok(Some(Place { path: path.to_path_buf(), name: name.to_owned() })),
            Ok(_) => Err(Walk::NotAFolder),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Walk::Io(e)),
        }
    }

    /// The entry's metadata, not following a link. `Ok(None)`: no entry.
    #[cfg(unix)]
    // `st_dev` and `st_ino` differ in type between platforms.
    #[allow(clippy::unnecessary_cast)]
    fn stat(&self) -> std::io::Result<Option<EntryMeta>> {
        match rustix::fs::statat(&self.dir, &self.name, rustix::fs::AtFlags::SYMLINK_NOFOLLOW) {
            Ok(st) => Ok(Some(EntryMeta {
                is_file: rustix::fs::FileType::from_raw_mode(st.st_mode as _) == rustix::fs::FileType::RegularFile,
                size: st.st_size as u64,
                dev: st.st_dev as u64,
                ino: st.st_ino as u64,
            })),
            Err(rustix::io::Errno::NOENT) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    #[cfg(not(unix))]
    fn stat(&self) -> std::io::Result<Option<EntryMeta>> {
        match std::fs::symlink_metadata(&self.path) {
            Ok(m) => Ok(Some(EntryMeta { is_file: m.file_type().is_file(), size: m.len(), dev: 0, ino: 0 })),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    #[cfg(unix)]
    fn open(&self, write: bool) -> std::io::Result<std::fs::File> {
        use rustix::fs::{openat, Mode, OFlags};
        let access = if write { OFlags::RDWR } else { OFlags::RDONLY };
        let fd = openat(&self.dir, &self.name, access | OFlags::NOFOLLOW | OFlags::CLOEXEC, Mode::empty())?;
        Ok(std::fs::File::from(fd))
    }

    #[cfg(not(unix))]
    fn open(&self, write: bool) -> std::io::Result<std::fs::File> {
        open_no_follow(&self.path, write)
    }

    #[cfg(unix)]
    fn unlink(&self) -> std::io::Result<()> {
        rustix::fs::unlinkat(&self.dir, &self.name, rustix::fs::AtFlags::empty())?;
        let _ = rustix::fs::fsync(&self.dir);
        Ok(())
    }

    #[cfg(not(unix))]
    fn unlink(&self) -> std::io::Result<()> {
        std::fs::remove_file(&self.path)
    }
}

/// Whether the first bytes (up to 512) of `file` are all zero.
fn starts_with_zeros(file: &mut std::fs::File, size: u64) -> bool {
    use std::io::Read;
    let mut head = vec![0xffu8; size.min(512) as usize];
    !head.is_empty()
        && file.seek(SeekFrom::Start(0)).is_ok()
        && file.read_exact(&mut head).is_ok()
        && head.iter().all(|b| *b == 0)
}

/// Whether a purge started overwriting this still-active file (its
/// `closed_at` is set before the overwrite begins).
fn overwrite_started(ctx: &mut Context<'_>, id: i64) -> Result<bool> {
    let conn = ctx.store()?.connection();
    Ok(conn
        .query_row("SELECT closed_at IS NOT NULL FROM managed_files WHERE id = ?1 AND state = 'active'", [id], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or(false))
}

pub(super) fn open_no_follow(path: &Path, write: bool) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(write);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    options.open(path)
}

/// Whether `file` has no other name (hard link) than the recorded one.
#[cfg(unix)]
fn only_link(file: &std::fs::File) -> bool {
    use std::os::unix::fs::MetadataExt;
    file.metadata().is_ok_and(|m| m.nlink() == 1)
}

#[cfg(not(unix))]
fn only_link(_: &std::fs::File) -> bool {
    true
}

/// Overwrites a file's content with zeros, through an open handle.
fn overwrite(file: &mut std::fs::File, size: u64) -> std::io::Result<()> {
    file.seek(SeekFrom::Start(0))?;
    let zeros = vec![0u8; 1 << 20];
    let mut left = size;
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        file.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    file.sync_all()
}

/// Closes a record and writes its audit record in one transaction, so a
/// kill in between cannot leave a deletion the log does not show.
fn close(ctx: &mut Context<'_>, id: i64, state: FileState, event: Event) -> Result<()> {
    let now = crate::fmt_time(ctx.now);
    audit::record_all(ctx, vec![event], |tx| {
        tx.execute(
            "UPDATE managed_files SET state = ?2, closed_at = ?3, sealed_key = NULL WHERE id = ?1",
            params![id, state, now],
        )?;
        if state != FileState::Changed {
            forget_name(tx, id)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// Reduces a closed record's path to its folder. A received document's
/// name is often the patient's (`Jansen_ontslagbrief.pdf`); once the file
/// is gone carepost has no use for it, and its index must not keep it.
/// Files the user changed keep their path: they still exist, and the user
/// may need to find them.
pub(super) fn forget_name(conn: &rusqlite::Connection, id: i64) -> Result<()> {
    let path: Option<StoredPath> =
        conn.query_row("SELECT path FROM managed_files WHERE id = ?1", [id], |r| r.get(0)).optional()?;
    if let Some(StoredPath(path)) = path {
        conn.execute("UPDATE managed_files SET path = ?2 WHERE id = ?1", params![id, SqlPath(&folder_only(&path))])?;
    }
    Ok(())
}

/// Destroys a sealed document's key: every copy of its ciphertext, on any
/// disk or backup, becomes unreadable.
fn destroy_key(ctx: &mut Context<'_>, id: i64) -> Result<()> {
    let conn = ctx.store()?.connection();
    conn.execute("UPDATE managed_files SET sealed_key = NULL WHERE id = ?1", [id])?;
    // Push the overwritten pages out of the write-ahead log too.
    let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    Ok(())
}

fn remove(ctx: &mut Context<'_>, item: &ManagedFile) -> Result<Verdict> {
    if item.kind == Kind::Sealed {
        destroy_key(ctx, item.id)?;
    }
    let event = |outcome, detail: &str| {
        Event::new(Action::Purge, outcome)
            .document(&item.sha256, item.size)
            .detail(format!("{} {detail}", item.kind.code()))
    };
    let verdict = match check_unchanged(item, overwrite_started(ctx, item.id)?) {
        Ok(None) => {
            close(ctx, item.id, FileState::Missing, event(Outcome::Success, "already-gone"))?;
            Verdict::AlreadyGone
        }
        Err(Check::Changed) => {
            close(ctx, item.id, FileState::Changed, event(Outcome::Refused, "changed-since-written"))?;
            Verdict::Changed
        }
        Err(Check::Failed(reason)) => {
            audit::record_quietly(ctx, event(Outcome::Failed, "unreadable"));
            Verdict::Failed(reason)
        }
        Ok(Some((mut file, writable, place))) => {
            // A second hard link is a copy the user kept: overwriting would
            // destroy it (and not erase anything); unlinking ours is enough.
            if item.kind.is_plaintext() && writable && only_link(&file) {
                // Noted first: if this process is stopped halfway, the
                // next purge knows the zeros are its own work.
                let now = crate::fmt_time(ctx.now);
                ctx.store()?.connection().execute(
                    "UPDATE managed_files SET closed_at = ?2 WHERE id = ?1 AND state = 'active'",
                    params![item.id, now],
                )?;
                if let Err(e) = overwrite(&mut file, item.size) {
                    audit::record_quietly(ctx, event(Outcome::Failed, "overwrite-failed"));
                    return Ok(Verdict::Failed(crate::error::io_reason(&e)));
                }
            }
            // The name must still be the file checked above.
            let still_ours = place.stat().ok().flatten().is_some_and(|m| m.same_as(&file));
            drop(file);
            if !still_ours {
                close(ctx, item.id, FileState::Changed, event(Outcome::Refused, "changed-since-written"))?;
                return Ok(Verdict::Changed);
            }
            match place.unlink() {
                Ok(()) => {
                    if item.kind == Kind::View {
                        crate::view::remove_dir_of(&item.path);
                    }
                    close(ctx, item.id, FileState::Deleted, event(Outcome::Success, "deleted"))?;
                    Verdict::Deleted
                }
                Err(e) => {
                    audit::record_quietly(ctx, event(Outcome::Failed, "unlink-failed"));
                    Verdict::Failed(crate::error::io_reason(&e))
                }
            }
        }
    };
    Ok(verdict)
}

/// Closes the records of files that are no longer there: a document the
/// user deleted by hand is not `active`, and a changed one the user
/// removed needs no decision any more.
pub(super) fn reconcile(ctx: &mut Context<'_>) -> Result<()> {
    let open: Vec<ManagedFile> = {
        let conn = ctx.store()?.connection();
        let mut stmt =
            conn.prepare(&format!("SELECT {COLUMNS} FROM managed_files WHERE state IN ('active', 'changed')"))?;
        let rows = stmt.query_map([], row_to_file)?;
        rows.collect::<std::result::Result<Vec<_>, _>>()?
    };
    for item in open {
        let gone = match Place::reach(&item.path) {
            Ok(None) => true,
            Ok(Some(place)) => matches!(place.stat(), Ok(None)),
            Err(_) => false,
        };
        if gone {
            let event = Event::new(Action::Purge, Outcome::Success)
                .document(&item.sha256, item.size)
                .detail(format!("{} already-gone", item.kind.code()));
            close(ctx, item.id, FileState::Missing, event)?;
        }
    }
    Ok(())
}

/// Takes one file out of carepost's care, at the user's request: it stays
/// on disk, carepost forgets its name and will never delete it.
pub fn release(ctx: &mut Context<'_>, id: i64) -> Result<ManagedFile> {
    let _lock = lock_purges(ctx, true)?;
    let item = file(ctx, id)?;
    if !matches!(item.state, FileState::Active | FileState::Changed) {
        return Err(Error::FileClosed { id, state: item.state.code().to_owned() });
    }
    let event = Event::new(Action::Purge, Outcome::Success)
        .document(&item.sha256, item.size)
        .detail(format!("{} released", item.kind.code()));
    close(ctx, id, FileState::Released, event)?;
    Ok(item)
}

/// Deletes one document now, before its expiry, with purge's checks: a
/// file that changed since carepost wrote it is kept and reported.
pub fn delete_now(ctx: &mut Context<'_>, id: i64) -> Result<(ManagedFile, Verdict)> {
    let _lock = lock_purges(ctx, true)?;
    let item = file(ctx, id)?;
    match item.state {
        FileState::Active => {}
        FileState::Changed => return Err(Error::FileNotDeleted { id, reason: crate::tr!("file-delete-changed") }),
        other => return Err(Error::FileClosed { id, state: other.code().to_owned() }),
    }
    let verdict = remove(ctx, &item)?;
    Ok((item, verdict))
}

/// Removes one managed file now (a view whose viewer closed), through the
/// same checks as purge.
pub fn remove_now(ctx: &mut Context<'_>, id: i64) -> Result<Verdict> {
    let _lock = lock_purges(ctx, true)?;
    let item = file(ctx, id)?;
    if item.state != FileState::Active {
        return Ok(Verdict::AlreadyGone);
    }
    remove(ctx, &item)
}
