//! `carepost restore FILE`: a backup made with `carepost backup` becomes
//! this computer's home. The new home is built in a temporary folder
//! beside it, checked, and renamed into place only when whole, so a
//! restore that is stopped at any moment leaves no half home.
//!
//! Checked before the rename: the recovery code opens the backup and the
//! key; the key is the one the manifest names; the log chain is intact and
//! ends where the manifest says; every contact the backup counted as
//! verified still carries a certification by this key that verifies. Then
//! the key is protected with this computer's passphrase (chosen as `init`
//! chooses one) and a "restore" record continues the log.

use super::{Manifest, DOCUMENTS, FORMAT, KEY, LOG, MANIFEST, PREVIOUS, REVOCATION, STATE};
use crate::audit::{self, Action, Event, Outcome};
use crate::context::{Context, PassphraseSource};
use crate::error::{BackupProblem, Error, Result};
use crate::home::Home;
use crate::identity::{Identity, Purpose, Stretch};
use crate::secret::Passphrase;
use crate::store::{SqlPath, Store, StoredPath};
use crate::{keychain, tr};
use openpgp::crypto::SessionKey;
use openpgp::packet::{PKESK, SKESK};
use openpgp::parse::stream::{DecryptionHelper, DecryptorBuilder, MessageStructure, VerificationHelper};
use openpgp::parse::Parse;
use openpgp::types::SymmetricAlgorithm;
use openpgp::{Cert, KeyHandle};
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;

/// The largest manifest, key or revocation certificate read.
const SMALL_ENTRY: u64 = 1 << 20;

/// What `restore` did, for the command to show.
#[derive(Debug, Clone, Serialize)]
pub struct Restored {
    pub home: String,
    pub fingerprint: String,
    pub backup_created: String,
    pub contacts: u64,
    pub verified: u64,
    pub documents: u64,
    /// Documents under retention that stayed on the old computer
    /// (a backup without `--with-documents`).
    pub documents_left_behind: u64,
    pub log_records: u64,
    /// `keychain` or `user`.
    pub passphrase: &'static str,
}

/// Restores the backup at `file`, opened with `code`, into `ctx.home`,
/// which must be missing or empty.
pub fn restore(ctx: &mut Context<'_>, file: &Path, code: &Passphrase) -> Result<Restored> {
    let target = ctx.home.root().to_path_buf();
    let existing_identity = preflight(&ctx.home)?;
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.exists() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, crate::home::DIR_MODE);
        builder.create(&parent).map_err(|e| Error::io("io-create-dir", &parent, e))?;
    }
    let staging = tempfile::Builder::new()
        .prefix(".carepost-restore-")
        .tempdir_in(&parent)
        .map_err(|e| Error::io("io-create-dir", &parent, e))?;
    #[cfg(unix)]
    std::fs::set_permissions(staging.path(), std::os::unix::fs::PermissionsExt::from_mode(crate::home::DIR_MODE))
        .map_err(|e| Error::io("io-create-dir", staging.path(), e))?;
    let source = std::fs::File::open(file).map_err(|e| Error::io("io-read", file, e))?;
    match unpack(source, code, staging.path(), ctx.now) {
        // A code that opens nothing, in a file whose packets are not whole:
        // the file is what is wrong.
        Err(Error::Backup(BackupProblem::WrongCode)) if !packets_whole(file) => {
            return Err(damaged(tr!("backup-cut-short")));
        }
        result => result?,
    }

    let manifest: Manifest = {
        let bytes = std::fs::read(staging.path().join(MANIFEST)).map_err(|_| damaged(tr!("backup-no-manifest")))?;
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|_| damaged(tr!("backup-no-manifest")))?;
        let format = value.get("format").and_then(|f| f.as_u64()).unwrap_or(0);
        if format > u64::from(FORMAT) {
            return Err(Error::Backup(BackupProblem::NewerFormat(format as u32)));
        }
        serde_json::from_value(value).map_err(|_| damaged(tr!("backup-no-manifest")))?
    };
    let key_bytes = std::fs::read(staging.path().join(KEY)).map_err(|_| damaged(tr!("backup-no-key")))?;
    let key = Cert::from_bytes(&key_bytes).map_err(|_| damaged(tr!("backup-no-key")))?;
    let identity = Identity::from_tsk(key).map_err(|_| damaged(tr!("backup-no-key")))?;
    if identity.fingerprint_hex() != manifest.fingerprint {
        return Err(inconsistent(tr!("backup-fingerprint-differs")));
    }
    // The key opens with the code (it was protected with it), checked
    // before anything is asked of this computer.
    identity.reprotect(code, code, Stretch::Light).map_err(|_| Error::Backup(BackupProblem::WrongCode))?;
    if let Some(existing) = existing_identity {
        return Err(refuse_existing(&ctx.home, &existing, &manifest));
    }
    if !staging.path().join(STATE).is_file() {
        return Err(damaged(tr!("backup-no-state")));
    }

    // The staging folder laid out as a home.
    let home = Home::locate(Some(staging.path().to_path_buf()))?;
    home.create()?;
    let public = identity.public_cert();
    let previous = Identity::load_previous(&home);
    let signers: Vec<Cert> =
        std::iter::once(public.clone()).chain(previous.iter().map(Identity::public_cert)).collect();
    let (records, contacts, verified, left_behind) = {
        let mut store = Store::open(&home)?;
        crate::audit_log::check_state_agrees(store.connection(), &home.audit_log())?;
        let records =
            crate::audit_log::read_verified(&home.audit_log(), &signers).map_err(|e| inconsistent(e.to_string()))?;
        let last = records.last();
        if last.map(|r| r.seq) != manifest.log_head_seq || last.map(|r| r.hash.clone()) != manifest.log_head_hash {
            return Err(inconsistent(tr!("backup-log-head-differs")));
        }
        let created = crate::parse_time(&manifest.created).ok_or_else(|| damaged(tr!("backup-no-manifest")))?;
        let (contacts, verified) = super::count_verified(store.connection(), &public, created)?;
        if contacts != manifest.contacts || verified != manifest.verified {
            return Err(inconsistent(tr!(
                "backup-verifications-differ",
                expected = manifest.verified,
                found = verified
            )));
        }
        let moved = match manifest.with_documents {
            true => move_paths(store.connection(), &manifest, &target)?,
            false => Moved::default(),
        };
        let left_behind = leave_behind(store.connection(), &moved, &crate::fmt_time(ctx.now))?;
        (records.len() as u64, contacts, verified, left_behind)
    };

    // This computer's passphrase, chosen as `init` chooses one. A keychain
    // that already holds one for this key (a restore on the computer the
    // backup came from) keeps it, so that the other home still opens.
    let (passphrase, source, stored_in_keychain) = new_passphrase(ctx, &identity)?;
    let cleanup = |stored: bool| {
        if stored {
            let _ = keychain::delete(&identity.fingerprint_hex());
        }
    };
    let result = (|| -> Result<()> {
        let stretch = match source {
            PassphraseSource::Keychain => Stretch::Light,
            PassphraseSource::User => Stretch::Full,
        };
        let protected = identity.reprotect(code, &passphrase, stretch)?;
        protected.replace_saved(&home)?;
        Identity::reprotect_previous(&home, code, &passphrase, stretch)?;
        let mut staged = Context::new(home.clone(), ctx.secrets.clone(), ctx.prompter);
        staged.now = ctx.now;
        staged.remember_passphrase_source(source)?;
        // Signed when the key can sign now (an expired key cannot).
        let _ = staged.unlock_with(&passphrase, Purpose::Sign);
        let detail = format!(
            "restored; backup-made={} log-head={} documents={}",
            manifest.created,
            manifest.log_head_seq.unwrap_or(0),
            if manifest.with_documents { manifest.documents.to_string() } else { "left-behind".to_owned() }
        );
        audit::record(
            &mut staged,
            Event::new(Action::Restore, Outcome::Success).fingerprint(&identity.fingerprint_hex()).detail(detail),
        )?;
        Ok(())
    })();
    if let Err(e) = result {
        cleanup(stored_in_keychain);
        return Err(e);
    }
    // The description was for this check only; the home does not keep it.
    let _ = std::fs::remove_file(staging.path().join(MANIFEST));
    // Only now the home appears, whole, in one rename.
    if target.exists() {
        std::fs::remove_dir(&target).map_err(|e| Error::io("io-write", &target, e))?;
    }
    let staged = staging.keep();
    if let Err(e) = std::fs::rename(&staged, &target) {
        let _ = std::fs::remove_dir_all(&staged);
        cleanup(stored_in_keychain);
        return Err(Error::io("io-write", &target, e));
    }
    crate::home::sync_dir(&parent);
    Ok(Restored {
        home: target.display().to_string(),
        fingerprint: manifest.fingerprint,
        backup_created: manifest.created,
        contacts,
        verified,
        documents: manifest.documents,
        documents_left_behind: left_behind,
        log_records: records + 1,
        passphrase: match source {
            PassphraseSource::Keychain => "keychain",
            PassphraseSource::User => "user",
        },
    })
}

/// The home must be missing or empty; one with an identity is refused
/// once the backup's own is known (returned here).
fn preflight(home: &Home) -> Result<Option<Identity>> {
    let root = home.root();
    if !root.exists() {
        return Ok(None);
    }
    if home.secret_key().exists() {
        return Ok(Some(Identity::load(home)?));
    }
    let mut entries = std::fs::read_dir(root).map_err(|e| Error::io("io-read", root, e))?;
    if entries.next().is_some() {
        return Err(Error::Backup(BackupProblem::HomeNotEmpty(root.to_path_buf())));
    }
    Ok(None)
}

fn refuse_existing(home: &Home, existing: &Identity, manifest: &Manifest) -> Error {
    if existing.fingerprint_hex() != manifest.fingerprint {
        return Error::Backup(BackupProblem::OtherIdentity {
            home: existing.fingerprint_hex(),
            backup: manifest.fingerprint.clone(),
        });
    }
    let home_head = Store::open(home)
        .ok()
        .and_then(|mut store| crate::audit_log::read_anchor(store.connection()).ok().flatten())
        .map(|anchor| anchor.head_seq);
    Error::Backup(BackupProblem::SameIdentity {
        fingerprint: manifest.fingerprint.clone(),
        backup_head: manifest.log_head_seq.unwrap_or(0),
        home_head,
    })
}

fn new_passphrase(ctx: &Context<'_>, identity: &Identity) -> Result<(Passphrase, PassphraseSource, bool)> {
    if ctx.secrets.passphrase_file.is_none() && !ctx.secrets.no_keychain {
        if let Ok(kept) = keychain::load(&identity.fingerprint_hex()) {
            return Ok((kept, PassphraseSource::Keychain, false));
        }
    }
    let (passphrase, source) = ctx.new_passphrase()?;
    if source == PassphraseSource::Keychain {
        match keychain::store_checked(&identity.fingerprint_hex(), &passphrase) {
            Ok(()) => return Ok((passphrase, source, true)),
            Err(e) if !ctx.prompter.is_interactive() => return Err(e),
            Err(e) => {
                ctx.prompter.notice(&tr!(
                    "notice-keychain-unavailable-init-how",
                    reason = e.to_string(),
                    how = keychain::how_to_get_one()
                ));
                return Ok((ctx.prompt_new_passphrase()?, PassphraseSource::User, false));
            }
        }
    }
    Ok((passphrase, source, false))
}

/// With the documents restored, their recorded paths move from the old
/// computer's folders to this home's.
fn move_paths(conn: &mut rusqlite::Connection, manifest: &Manifest, target: &Path) -> Result<Moved> {
    let mut moved_ids = Moved::default();
    let moves: Vec<(PathBuf, PathBuf)> =
        manifest.folders.iter().map(|(tag, old)| (PathBuf::from(old), target.join(folder_of(tag)))).collect();
    let tx = conn.transaction()?;
    for (mail, select, update) in [
        (false, "SELECT id, path FROM managed_files", "UPDATE managed_files SET path = ?1 WHERE id = ?2"),
        (true, "SELECT id, path FROM mail_outbox", "UPDATE mail_outbox SET path = ?1 WHERE id = ?2"),
    ] {
        let rows: Vec<(i64, StoredPath)> = {
            let mut statement = tx.prepare(select)?;
            let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (id, StoredPath(path)) in rows {
            if let Some(moved) = moves
                .iter()
                .find_map(|(old, new)| path.strip_prefix(old).ok().filter(|_| path.is_absolute()).map(|r| new.join(r)))
            {
                tx.execute(update, rusqlite::params![SqlPath(&moved), id])?;
                match mail {
                    true => moved_ids.mails.push(id),
                    false => moved_ids.files.push(id),
                }
            }
        }
    }
    tx.commit()?;
    Ok(moved_ids)
}

/// The rows whose files came along to this home.
#[derive(Default)]
struct Moved {
    files: Vec<i64>,
    mails: Vec<i64>,
}

/// Every document still under retention that did not come along names a
/// file on the old computer: it is marked released (no longer in this
/// home's care, its key forgotten here), so that this home's purge never
/// deletes a file of that name on this computer, and `files --all` still
/// lists it. Emails waiting in the old outbox are marked gone, so that
/// `mail retry` here never sends them a second time. Returns how many
/// documents stayed behind.
fn leave_behind(conn: &mut rusqlite::Connection, moved: &Moved, now: &str) -> Result<u64> {
    let tx = conn.transaction()?;
    let open: Vec<i64> = {
        let mut statement = tx.prepare("SELECT id FROM managed_files WHERE state IN ('active', 'pending')")?;
        let rows = statement.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut left = 0;
    for id in open.into_iter().filter(|id| !moved.files.contains(id)) {
        tx.execute(
            "UPDATE managed_files SET state = 'released', closed_at = ?2, sealed_key = NULL WHERE id = ?1",
            rusqlite::params![id, now],
        )?;
        left += 1;
    }
    let waiting: Vec<i64> = {
        let mut statement =
            tx.prepare("SELECT id FROM mail_outbox WHERE state IN ('pending', 'sending', 'maybe-delivered')")?;
        let rows = statement.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in waiting.into_iter().filter(|id| !moved.mails.contains(id)) {
        tx.execute("UPDATE mail_outbox SET state = 'gone' WHERE id = ?1", [id])?;
    }
    tx.commit()?;
    Ok(left)
}

/// The home folder a tag of documents goes to.
fn folder_of(tag: &str) -> &'static str {
    match tag {
        "inbox" => "inbox",
        "sealed" => "sealed",
        // Both outboxes land in the home's own: a restored home is named.
        _ => "outbox",
    }
}

/// Which part of the archive an entry is, and where it goes in the home.
fn destination(name: &str) -> Option<PathBuf> {
    match name {
        MANIFEST | STATE | LOG | KEY | REVOCATION => return Some(PathBuf::from(name)),
        _ => {}
    }
    if let Some(file) = name.strip_prefix(PREVIOUS).and_then(|rest| rest.strip_prefix('/')) {
        let fingerprint = file.strip_suffix(".pgp")?;
        let hex =
            fingerprint.len() == 40 && fingerprint.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b));
        return hex.then(|| PathBuf::from(name));
    }
    let rest = name.strip_prefix(DOCUMENTS)?.strip_prefix('/')?;
    let (tag, relative) = rest.split_once('/')?;
    if !matches!(tag, "inbox" | "mail-outbox" | "outbox" | "sealed") {
        return None;
    }
    let relative = Path::new(relative);
    if relative.as_os_str().is_empty() || !relative.components().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    Some(Path::new(folder_of(tag)).join(relative))
}

#[derive(Default)]
struct CodeHelper {
    code: Option<openpgp::crypto::Password>,
    /// 1: the code opened the backup, 2: it did not (a wrong code, or
    /// data cut before its first block).
    outcome: Arc<AtomicU8>,
}

impl VerificationHelper for CodeHelper {
    fn get_certs(&mut self, _: &[KeyHandle]) -> openpgp::Result<Vec<Cert>> {
        Ok(Vec::new())
    }
    fn check(&mut self, _: MessageStructure) -> openpgp::Result<()> {
        // Integrity is the MDC's; the backup carries no signature (the
        // key inside it is what proves whose it is).
        Ok(())
    }
}

impl DecryptionHelper for CodeHelper {
    fn decrypt(
        &mut self,
        _: &[PKESK],
        skesks: &[SKESK],
        _: Option<SymmetricAlgorithm>,
        decrypt: &mut dyn FnMut(Option<SymmetricAlgorithm>, &SessionKey) -> bool,
    ) -> openpgp::Result<Option<Cert>> {
        let code = self.code.as_ref().expect("a code");
        // A wrong code and data cut before its first block look alike
        // here; the caller tells them apart by the packets' framing.
        for skesk in skesks {
            if let Ok((algo, sk)) = skesk.decrypt(code) {
                if decrypt(algo, &sk) {
                    self.outcome.store(1, Ordering::SeqCst);
                    return Ok(None);
                }
            }
        }
        self.outcome.store(2, Ordering::SeqCst);
        Err(anyhow::anyhow!("no SKESK opened"))
    }
}

/// Decrypts the backup and writes its entries into `dir`, refusing
/// anything a carepost backup does not hold. The MDC is checked at the
/// end: the caller uses nothing before this returns.
fn unpack(source: std::fs::File, code: &Passphrase, dir: &Path, now: std::time::SystemTime) -> Result<()> {
    let outcome = Arc::new(AtomicU8::new(0));
    let helper = CodeHelper { code: Some(code.to_password()), outcome: Arc::clone(&outcome) };
    let wrong_or_damaged = |e: anyhow::Error| match outcome.load(Ordering::SeqCst) {
        2 => Error::Backup(BackupProblem::WrongCode),
        _ => damaged(reason(&e)),
    };
    let decryptor = DecryptorBuilder::from_reader(std::io::BufReader::with_capacity(1 << 20, source))
        .map_err(|e| damaged(reason(&e)))?
        // Nothing is used before the end is checked (the whole staging
        // folder waits for the MDC), so no more than a chunk is held back.
        .buffer_size(1 << 20)
        .with_policy(crate::policy::standard(), now, helper)
        .map_err(wrong_or_damaged)?;
    let mut archive = tar::Archive::new(decryptor);
    let mut seen = std::collections::HashSet::new();
    let entries = archive.entries().map_err(|e| damaged(e.to_string()))?;
    for entry in entries {
        let mut entry = entry.map_err(|e| damaged(e.to_string()))?;
        if entry.header().entry_type() != tar::EntryType::Regular {
            return Err(damaged(tr!("backup-unexpected-entry")));
        }
        let name = entry.path().map_err(|_| damaged(tr!("backup-unexpected-entry")))?;
        let name = name.to_str().ok_or_else(|| damaged(tr!("backup-unexpected-entry")))?.to_owned();
        let destination = destination(&name).ok_or_else(|| damaged(tr!("backup-unexpected-entry")))?;
        if !seen.insert(destination.clone()) {
            return Err(damaged(tr!("backup-unexpected-entry")));
        }
        let small = matches!(name.as_str(), MANIFEST | KEY | REVOCATION) || name.starts_with(PREVIOUS);
        if small && entry.size() > SMALL_ENTRY {
            return Err(damaged(tr!("backup-unexpected-entry")));
        }
        let path = dir.join(&destination);
        if let Some(parent) = path.parent() {
            let mut builder = std::fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, crate::home::DIR_MODE);
            builder.create(parent).map_err(|e| Error::io("io-create-dir", parent, e))?;
        }
        let mut out = crate::home::create_new_private(&path).map_err(|e| Error::io("io-write", &path, e))?;
        let copied = std::io::copy(&mut entry, &mut out).map_err(|e| read_or_write(e, &path))?;
        if copied != entry.size() {
            return Err(damaged(tr!("backup-cut-short")));
        }
        out.sync_all().map_err(|e| Error::io("io-write", &path, e))?;
    }
    // Past the archive's end: the rest of the message, and its MDC.
    let mut decryptor = archive.into_inner();
    std::io::copy(&mut decryptor, &mut std::io::sink()).map_err(|e| damaged(e.to_string()))?;
    if !decryptor.message_processed() {
        return Err(damaged(tr!("backup-cut-short")));
    }
    let mut rest = Vec::new();
    let _ = decryptor.read_to_end(&mut rest);
    Ok(())
}

/// Whether the packets of `file` are all there, as their headers say
/// (read without decrypting anything).
fn packets_whole(file: &Path) -> bool {
    use openpgp::parse::{PacketParserBuilder, PacketParserResult};
    let Ok(builder) = PacketParserBuilder::from_file(file) else { return false };
    let Ok(mut result) = builder.build() else { return false };
    let mut packets = 0;
    while let PacketParserResult::Some(pp) = result {
        if matches!(pp.packet, openpgp::Packet::Unknown(_)) {
            return false;
        }
        packets += 1;
        match pp.next() {
            Ok((_, next)) => result = next,
            Err(_) => return false,
        }
    }
    match result {
        PacketParserResult::EOF(eof) => packets >= 2 && eof.is_message().is_ok(),
        _ => false,
    }
}

/// A read error is the backup's (cut short, changed); a write error is
/// this computer's disk.
fn read_or_write(e: std::io::Error, path: &Path) -> Error {
    use std::io::ErrorKind::*;
    match e.kind() {
        StorageFull | QuotaExceeded | PermissionDenied | ReadOnlyFilesystem | FileTooLarge => {
            Error::io("io-write", path, e)
        }
        _ => damaged(e.to_string()),
    }
}

fn reason(e: &anyhow::Error) -> String {
    e.to_string()
}

fn damaged(reason: String) -> Error {
    Error::Backup(BackupProblem::Damaged(reason))
}

fn inconsistent(reason: String) -> Error {
    Error::Backup(BackupProblem::Inconsistent(reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_parts_of_a_backup_are_unpacked() {
        assert_eq!(destination("state.db"), Some(PathBuf::from("state.db")));
        assert_eq!(destination("documents/inbox/a/b.pdf"), Some(PathBuf::from("inbox/a/b.pdf")));
        assert_eq!(destination("documents/mail-outbox/m.eml"), Some(PathBuf::from("outbox/m.eml")));
        for bad in ["../x", "/etc/passwd", "documents/inbox/../../x", "documents/other/x", "documents/inbox/", "x"] {
            assert_eq!(destination(bad), None, "{bad}");
        }
    }
}
