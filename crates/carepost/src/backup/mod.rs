//! `carepost backup`: one encrypted file that holds everything needed to
//! carry on with this identity on another computer, opened by a recovery
//! code shown once. Restoring it is [`restore`].
//!
//! The file is an OpenPGP message (SKESK v4 with an iterated and salted
//! S2K, SEIPDv1 with MDC, AES-256, no compression) encrypted with the
//! recovery code only, so `gpg --decrypt` opens it too. Inside, one
//! literal packet holds a tar archive:
//!
//! ```text
//! manifest.json            format, fingerprint, time, version, log head, counts
//! state.db                 a consistent copy of the state database
//! audit.log                the audit log as it was at that moment
//! identity/key.pgp         the secret key, protected with the recovery code
//! identity/revocation.asc  the revocation certificate made at `init`
//! documents/TAG/...        with `--with-documents` only
//! ```
//!
//! The database and the log are copied while holding the database's write
//! lock, the one every audit append takes, so the log and its anchor in
//! the copy agree. The SMTP password (in the keychain) is never included.

pub mod code;
pub mod restore;

use crate::audit::{self, Action, Event, Outcome};
use crate::error::{Error, Result};
use crate::identity::Stretch;
use crate::secret::Passphrase;
use crate::Context;
use openpgp::serialize::stream::{Encryptor, LiteralWriter, Message};
use openpgp::serialize::SerializeInto;
use openpgp::types::{DataFormat, SymmetricAlgorithm};
use rusqlite::{OptionalExtension, TransactionBehavior};
use sequoia_openpgp as openpgp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The format this carepost writes and the newest it reads.
pub const FORMAT: u32 = 1;
/// The setting that holds when the last backup was made (RFC 3339).
pub const LAST_BACKUP: &str = "last_backup_at";
/// The setting for how many days `status` waits before warning.
pub const WARN_DAYS_SETTING: &str = "backup_warn_days";
/// Days without a backup after which `status` warns, unless set.
pub const DEFAULT_WARN_DAYS: u64 = 90;

pub(crate) const MANIFEST: &str = "manifest.json";
pub(crate) const STATE: &str = "state.db";
pub(crate) const LOG: &str = "audit.log";
pub(crate) const KEY: &str = "identity/key.pgp";
pub(crate) const REVOCATION: &str = "identity/revocation.asc";
/// Where the keys kept from before `init --replace` go, each as
/// `FINGERPRINT.pgp`, protected with the recovery code where the current
/// passphrase opened them.
pub(crate) const PREVIOUS: &str = "identity/previous";
pub(crate) const DOCUMENTS: &str = "documents";

/// What a backup says about itself, first in the archive.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    pub format: u32,
    pub fingerprint: String,
    pub created: String,
    pub carepost_version: String,
    /// The newest record of the log in the backup, if any.
    pub log_head_seq: Option<u64>,
    pub log_head_hash: Option<String>,
    pub contacts: u64,
    /// Contacts whose key carries this identity's certification.
    pub verified: u64,
    /// Documents included (0 without `--with-documents`).
    pub documents: u64,
    pub with_documents: bool,
    /// Where each folder of documents was on the old computer, by its tag
    /// in the archive, to move their paths in the restored state.
    pub folders: BTreeMap<String, String>,
}

/// What `backup` did, for the command to show.
#[derive(Debug, Clone, Serialize)]
pub struct Written {
    pub file: String,
    pub fingerprint: String,
    pub created: String,
    pub contacts: u64,
    pub verified: u64,
    pub documents: u64,
    pub log_records_to: Option<u64>,
    pub size: u64,
}

/// Writes a new recovery code to `path`, a new file only the user can
/// read, never over an existing one.
pub fn write_code_file(path: &Path, code: &Passphrase) -> Result<()> {
    let mut file = crate::home::create_new_private(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => Error::OutputExists(path.to_path_buf()),
        _ => Error::io("io-write", path, e),
    })?;
    file.write_all(code.expose().as_bytes())
        .and_then(|()| file.write_all(b"\n"))
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io("io-write", path, e))
}

/// Reads a recovery code from the first line of `path`.
pub fn read_code_file(path: &Path) -> Result<Passphrase> {
    code::parse(Passphrase::from_file(path)?.expose())
}

/// Writes the backup of this home to `output` (a new file), encrypted
/// with `code`, and records it.
pub fn create(ctx: &mut Context<'_>, output: &Path, with_documents: bool, code: &Passphrase) -> Result<Written> {
    if output.exists() || output.is_symlink() {
        return Err(Error::OutputExists(output.to_path_buf()));
    }
    let identity = ctx.identity()?;
    let current = ctx.existing_passphrase(&identity)?;
    // The record of the backup is signed when the key can sign; an
    // expired key cannot, and its backup matters all the more.
    ctx.sign_records_if_possible(&current)?;
    let protected = identity.reprotect(&current, code, Stretch::Full)?;
    // The keys from before `init --replace` open the documents sent to
    // them and verify the log's older checkpoints: they travel too.
    let mut previous = Vec::new();
    for old in crate::identity::Identity::load_previous(&ctx.home) {
        let carried = match old.reprotect(&current, code, Stretch::Full) {
            Ok(carried) => carried,
            // Left under a passphrase of its own at `init --replace`.
            Err(Error::WrongPassphrase) => old.clone(),
            Err(e) => return Err(e),
        };
        let armored = carried.cert().as_tsk().armored().to_vec().map_err(|e| Error::Internal(e.to_string()))?;
        previous.push((format!("{PREVIOUS}/{}.pgp", old.fingerprint_hex()), armored));
    }
    drop(current);
    let key = protected.cert().as_tsk().armored().to_vec().map_err(|e| Error::Internal(e.to_string()))?;

    ctx.home.ensure_dir(&ctx.home.tmp())?;
    let snapshot = tempfile::Builder::new()
        .prefix(".backup-")
        .tempdir_in(ctx.home.tmp())
        .map_err(|e| Error::io("io-create-dir", ctx.home.tmp(), e))?;
    let db_copy = snapshot.path().join(STATE);
    let log_copy = snapshot.path().join(LOG);
    snapshot_state(ctx, &db_copy, &log_copy)?;

    let copy = rusqlite::Connection::open(&db_copy)?;
    let head: Option<(i64, String)> = copy
        .query_row("SELECT head_seq, head_hash FROM audit_anchor WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (contacts, verified) = count_verified(&copy, identity.cert(), ctx.now)?;
    drop(copy);

    let mut folders = BTreeMap::new();
    let mut documents = Vec::new();
    for (tag, dir) in document_folders(&ctx.home) {
        if with_documents && dir.is_dir() {
            collect_files(&dir, &dir, &mut |relative, path| {
                documents.push((format!("{DOCUMENTS}/{tag}/{relative}"), path));
            })?;
        }
        folders.insert(tag.to_owned(), dir.display().to_string());
    }
    let created = crate::fmt_time(ctx.now);
    let manifest = Manifest {
        format: FORMAT,
        fingerprint: identity.fingerprint_hex(),
        created: created.clone(),
        carepost_version: env!("CARGO_PKG_VERSION").to_owned(),
        log_head_seq: head.as_ref().map(|h| h.0 as u64),
        log_head_hash: head.map(|h| h.1),
        contacts,
        verified,
        documents: documents.len() as u64,
        with_documents,
        folders,
    };

    let dir = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".carepost-")
        .suffix(".part")
        .permissions(crate::home::private_permissions())
        .tempfile_in(&dir)
        .map_err(|e| Error::io("io-write", output, e))?;
    let mtime = ctx.now.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let write = |file: &mut std::fs::File| -> anyhow::Result<()> {
        let sink = std::io::BufWriter::with_capacity(1 << 20, file);
        let message = Message::new(sink);
        let message = Encryptor::with_passwords(message, Some(code.to_password()))
            .symmetric_algo(SymmetricAlgorithm::AES256)
            .build()?;
        let message = LiteralWriter::new(message).format(DataFormat::Binary).build()?;
        let mut archive = tar::Builder::new(message);
        let manifest_json = serde_json::to_vec_pretty(&manifest)?;
        append_bytes(&mut archive, MANIFEST, &manifest_json, mtime)?;
        append_bytes(&mut archive, KEY, &key, mtime)?;
        if let Ok(revocation) = std::fs::read(ctx.home.revocation_certificate()) {
            append_bytes(&mut archive, REVOCATION, &revocation, mtime)?;
        }
        for (name, armored) in &previous {
            append_bytes(&mut archive, name, armored, mtime)?;
        }
        append_file(&mut archive, STATE, &db_copy, mtime)?;
        if log_copy.exists() {
            append_file(&mut archive, LOG, &log_copy, mtime)?;
        }
        for (name, path) in &documents {
            append_file(&mut archive, name, path, mtime)?;
        }
        let message = archive.into_inner()?;
        message.finalize()?;
        Ok(())
    };
    write(tmp.as_file_mut()).map_err(|e| io_or_internal(e, output))?;
    tmp.as_file().sync_all().map_err(|e| Error::io("io-write", output, e))?;
    let size = tmp.as_file().metadata().map(|m| m.len()).unwrap_or(0);
    tmp.persist_noclobber(output).map_err(|e| match e.error.kind() {
        std::io::ErrorKind::AlreadyExists => Error::OutputExists(output.to_path_buf()),
        _ => Error::io("io-write", output, e.error),
    })?;
    crate::home::sync_dir(&dir);
    drop(snapshot);

    let detail = format!(
        "contacts={} verified={} documents={} log-head={}",
        manifest.contacts,
        manifest.verified,
        if with_documents { manifest.documents.to_string() } else { "none".to_owned() },
        manifest.log_head_seq.unwrap_or(0)
    );
    let at = created.clone();
    audit::record_all(
        ctx,
        vec![Event::new(Action::Backup, Outcome::Success).fingerprint(&identity.fingerprint_hex()).detail(detail)],
        |tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                rusqlite::params![LAST_BACKUP, at],
            )?;
            Ok(())
        },
    )?;
    Ok(Written {
        file: output.display().to_string(),
        fingerprint: manifest.fingerprint,
        created,
        contacts: manifest.contacts,
        verified: manifest.verified,
        documents: manifest.documents,
        log_records_to: manifest.log_head_seq,
        size,
    })
}

/// When the last backup was made, and whether it is older than the
/// period after which `status` warns (with none, the identity's age counts).
pub fn last_backup(ctx: &mut Context<'_>) -> Result<(Option<String>, bool)> {
    let store = ctx.store()?;
    let last = store.setting(LAST_BACKUP)?;
    let days = store.setting(WARN_DAYS_SETTING)?.and_then(|d| d.parse::<u64>().ok()).unwrap_or(DEFAULT_WARN_DAYS);
    // Never backed up counts from the day the identity was made: a new
    // home is not nagged on its first day.
    let since = match last.as_deref().and_then(crate::parse_time) {
        Some(at) => Some(at),
        None => ctx.identity_ref().ok().map(|identity| identity.cert().primary_key().key().creation_time()),
    };
    let overdue = since.is_some_and(|at| ctx.now.duration_since(at).is_ok_and(|d| d.as_secs() > days * 86_400));
    Ok((last, overdue))
}

/// The folders whose documents `--with-documents` carries, by their tag
/// in the archive.
fn document_folders(home: &crate::home::Home) -> Vec<(&'static str, PathBuf)> {
    let mut folders = vec![("inbox", home.inbox()), ("mail-outbox", home.mail_outbox()), ("sealed", home.sealed())];
    if home.outbox() != home.mail_outbox() {
        folders.push(("outbox", home.outbox()));
    }
    folders
}

/// Copies the state database and the audit log while holding the write
/// lock that every audit append takes: the copy's anchor is the log's head.
fn snapshot_state(ctx: &mut Context<'_>, db_copy: &Path, log_copy: &Path) -> Result<()> {
    let db = ctx.home.state_db();
    let log = ctx.home.audit_log();
    let conn = ctx.store()?.connection();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // A second connection reads the last committed state (WAL lets it
    // read while the first holds the write lock) and writes a compact copy.
    let reader = rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    reader.busy_timeout(std::time::Duration::from_secs(30))?;
    let target =
        db_copy.to_str().ok_or_else(|| Error::io("io-write", db_copy, std::io::ErrorKind::InvalidFilename.into()))?;
    reader.execute("VACUUM INTO ?1", [target])?;
    drop(reader);
    match std::fs::copy(&log, log_copy) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io("io-read", &log, e)),
    }
    tx.rollback()?;
    Ok(())
}

/// Contacts with a key, and how many of them carry this identity's
/// certification that verifies at `at`.
pub(crate) fn count_verified(
    conn: &rusqlite::Connection,
    own: &openpgp::Cert,
    at: std::time::SystemTime,
) -> Result<(u64, u64)> {
    use openpgp::parse::Parse;
    let mut statement = conn.prepare("SELECT alias, cert FROM contacts")?;
    let rows = statement.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<Vec<u8>>>(1)?)))?;
    let (mut contacts, mut verified) = (0, 0);
    for row in rows {
        let (alias, cert) = row?;
        contacts += 1;
        let Some(cert) = cert.and_then(|c| openpgp::Cert::from_bytes(&c).ok()) else { continue };
        if crate::certification::status(own, &alias, &cert, at).is_some() {
            verified += 1;
        }
    }
    Ok((contacts, verified))
}

fn collect_files(root: &Path, dir: &Path, found: &mut dyn FnMut(String, PathBuf)) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io("io-read", dir, e))?;
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            collect_files(root, &path, found)?;
        } else if kind.is_file() {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            // Partial files of an unfinished write are not documents.
            if name.starts_with(".carepost-") {
                continue;
            }
            if let Some(relative) = path.strip_prefix(root).ok().and_then(|r| r.to_str()) {
                found(relative.to_owned(), path.clone());
            }
        }
    }
    Ok(())
}

fn header(size: u64, mtime: u64) -> tar::Header {
    let mut header = tar::Header::new_gnu();
    header.set_size(size);
    header.set_mode(0o600);
    header.set_mtime(mtime);
    header.set_entry_type(tar::EntryType::Regular);
    header
}

fn append_bytes<W: Write>(archive: &mut tar::Builder<W>, name: &str, bytes: &[u8], mtime: u64) -> std::io::Result<()> {
    let mut header = header(bytes.len() as u64, mtime);
    archive.append_data(&mut header, name, bytes)
}

fn append_file<W: Write>(archive: &mut tar::Builder<W>, name: &str, path: &Path, mtime: u64) -> std::io::Result<()> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    let mut header = header(size, mtime);
    archive.append_data(&mut header, name, std::io::Read::take(file, size))
}

fn io_or_internal(e: anyhow::Error, path: &Path) -> Error {
    for cause in e.chain() {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return Error::io("io-write", path, std::io::Error::new(io.kind(), io.to_string()));
        }
    }
    Error::Internal(e.to_string())
}
