//! `carepost status`: the state of this home at a glance — what carepost
//! keeps and until when, whether the scheduled purge is on, whether the
//! keychain answers, when the identity expires, and whether the home lies
//! on an encrypted volume.

use crate::error::Result;
use crate::retention::{self, Summary};
use crate::Context;
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub home: String,
    /// Where `send` puts the encrypted files to attach.
    pub outbox: String,
    /// Where `open` saves received documents.
    pub inbox: String,
    pub fingerprint: String,
    pub identity_expires: Option<String>,
    /// Whole days until the identity expires; negative once it has.
    pub identity_expires_in_days: Option<i64>,
    /// The identity expires within [`crate::renew::WARNING_DAYS`] days, or
    /// has expired: time for `carepost renew`.
    pub renew_due: bool,
    /// The reason code when the identity is revoked (`carepost revoke`).
    pub identity_revoked: Option<&'static str>,
    pub files: Summary,
    pub timer_installed: bool,
    /// `reachable`, `unreachable`, or `not used`.
    pub keychain: &'static str,
    /// Where a command takes the passphrase from: `keychain`, `file` or `prompt`.
    pub passphrase_source: &'static str,
    /// The identity keeps its passphrase outside a keychain that answers
    /// now: `carepost passphrase --to-keychain` can move it there.
    #[serde(skip)]
    pub offer_keychain: bool,
    /// `yes`, `no`, or `unknown`.
    pub encrypted_volume: &'static str,
    pub audit_records: u64,
    pub audit_intact: bool,
    /// This process can write no core file (see `hardening`).
    pub core_dumps_disabled: bool,
    /// Contacts whose keys stop being usable within
    /// [`crate::policy::EXPIRY_WARNING_DAYS`] days.
    pub contact_keys_expiring: u64,
    /// Contacts whose keys have expired.
    pub contact_keys_expired: u64,
    /// Patients without a key, reached with a password told by phone.
    pub contacts_without_key: u64,
    /// How many times a risk was accepted (`send --unverified-ok`).
    pub risks_accepted: u64,
    /// The newest of them, oldest first (at most [`RECENT_RISKS`]).
    pub recent_risks: Vec<crate::store::RiskAcceptance>,
    /// When `carepost backup` last ran in this home (RFC 3339), if ever.
    pub last_backup: Option<String>,
    /// No backup within [`crate::backup::DEFAULT_WARN_DAYS`] days (or the
    /// `backup_warn_days` setting); with none at all, counted from the
    /// identity's creation.
    pub backup_overdue: bool,
}

/// How many accepted risks `status` lists.
pub const RECENT_RISKS: usize = 3;

pub fn status(ctx: &mut Context<'_>) -> Result<Status> {
    let identity = ctx.identity()?;
    let expiry = crate::renew::expiry(&identity, ctx.now);
    let files = retention::summary(ctx)?;
    let keychain = if ctx.secrets.no_keychain {
        "not used"
    } else if crate::keychain::reachable() {
        "reachable"
    } else {
        "unreachable"
    };
    let offer_keychain = crate::passphrase::offer_keychain(ctx, || keychain == "reachable")?;
    let passphrase_source = crate::passphrase::source(ctx)?;
    let audit = crate::audit::check(ctx)?;
    let (contact_keys_expiring, contact_keys_expired, contacts_without_key) = contact_keys(ctx)?;
    let mut recent_risks = ctx.store()?.risk_acceptances(None)?;
    let risks_accepted = recent_risks.len() as u64;
    recent_risks.drain(..recent_risks.len().saturating_sub(RECENT_RISKS));
    let (last_backup, backup_overdue) = crate::backup::last_backup(ctx)?;
    Ok(Status {
        home: ctx.home.root().display().to_string(),
        outbox: ctx.home.outbox().display().to_string(),
        inbox: ctx.home.inbox().display().to_string(),
        fingerprint: identity.fingerprint_hex(),
        identity_expires: expiry.map(|e| crate::fmt_time(e.expires)),
        identity_expires_in_days: expiry.map(|e| e.days_left),
        renew_due: expiry.is_some_and(|e| e.renew_due()),
        identity_revoked: crate::revoke::revoked(identity.cert(), ctx.now),
        files,
        timer_installed: crate::timer::installed(&ctx.home),
        keychain,
        passphrase_source,
        offer_keychain,
        encrypted_volume: encrypted_volume(ctx.home.root()),
        audit_records: audit.records,
        audit_intact: audit.intact,
        core_dumps_disabled: crate::hardening::core_dumps_disabled(),
        contact_keys_expiring,
        contact_keys_expired,
        contacts_without_key,
        risks_accepted,
        recent_risks,
        last_backup,
        backup_overdue,
    })
}

/// How many contacts' keys expire soon, how many have expired, and how
/// many contacts have no key.
fn contact_keys(ctx: &mut Context<'_>) -> Result<(u64, u64, u64)> {
    let now = ctx.now;
    let (contacts, _damaged) = crate::contacts::list_all(ctx)?;
    let mut counts = (0, 0, contacts.iter().filter(|c| !c.has_key()).count() as u64);
    // A contact without a key has nothing to expire: counted in neither.
    for cert in contacts.iter().filter_map(|c| c.cert()) {
        match crate::policy::check_contact_cert(cert, now) {
            Err(crate::error::CertProblem::Expired(_)) => counts.1 += 1,
            Ok(()) if crate::readiness::expiring_soon(cert, now).is_some() => counts.0 += 1,
            _ => {}
        }
    }
    Ok(counts)
}

/// Whether `path` lies on a dm-crypt (LUKS) volume, directly or under LVM.
pub fn encrypted_volume(path: &Path) -> &'static str {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(meta) = std::fs::metadata(path) else {
            return "unknown";
        };
        let dev = meta.dev();
        let (major, minor) = (rustix::fs::major(dev), rustix::fs::minor(dev));
        let block = std::path::PathBuf::from(format!("/sys/dev/block/{major}:{minor}"));
        if !block.exists() {
            // tmpfs, overlay and network file systems have no block device.
            return "unknown";
        }
        if is_crypt(&block, 0) {
            "yes"
        } else {
            "no"
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = path;
        "unknown"
    }
}

#[cfg(target_os = "linux")]
fn is_crypt(block: &Path, depth: u8) -> bool {
    if depth > 4 {
        return false;
    }
    if std::fs::read_to_string(block.join("dm/uuid")).is_ok_and(|uuid| uuid.starts_with("CRYPT-")) {
        return true;
    }
    // A partition's parent device, or the devices under an LVM volume.
    let slaves = std::fs::read_dir(block.join("slaves")).into_iter().flatten().flatten().map(|e| e.path());
    let parent = std::fs::canonicalize(block).ok().and_then(|p| p.parent().map(Path::to_path_buf));
    slaves.chain(parent.filter(|p| p.join("dev").exists())).any(|p| is_crypt(&p, depth + 1))
}
