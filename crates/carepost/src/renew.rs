//! Renewing the identity's key (`carepost renew`), and when to say it is
//! due.
//!
//! Renewing makes new self-signatures that move the expiry of the primary
//! key and of the encryption subkey. The key itself stays the same: same
//! fingerprint, same secret material under the same passphrase, so every
//! contact's verification of this identity stays valid, and the old
//! signatures stay in the certificate, so audit checkpoints signed before
//! the renewal still verify. Contacts need the updated public key: until
//! they have it, their copy still says the old date.
//!
//! An expired key can be renewed: the primary key is unlocked for
//! [`Purpose::Renew`], which does not ask it to be alive. A revoked key
//! cannot.

use crate::audit::{self, Action, Event, Outcome};
use crate::error::{Error, Result};
use crate::identity::{Identity, Purpose};
use crate::Context;
use openpgp::cert::prelude::*;
use openpgp::crypto::Signer;
use openpgp::packet::signature::SignatureBuilder;
use openpgp::types::RevocationStatus;
use openpgp::Cert;
use sequoia_openpgp as openpgp;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// `renew` without `--years`: as long as a new identity lasts.
pub const DEFAULT_YEARS: u32 = 3;
/// The longest renewal. A longer life means a lost or stolen key stays
/// usable for longer, while renewing costs one command and one email to
/// contacts; five years is the most carepost offers.
pub const MAX_YEARS: u32 = 5;
/// From how many days before the expiry every command says to renew.
pub const WARNING_DAYS: i64 = 60;
/// The file name of the renewed public key when `renew` is given no `-o`:
/// in the outbox, beside the documents the user attaches to emails.
pub const DEFAULT_KEY_FILE: &str = "my-public-key.asc";

const DAY: u64 = 24 * 60 * 60;

/// How long a renewal for `years` makes the key valid: whole years of
/// 365 days and one leap day per started four years (three years are
/// [`crate::identity::VALIDITY`]).
pub fn validity(years: u32) -> Duration {
    let years = u64::from(years);
    Duration::from_secs((years * 365 + years.div_ceil(4)) * DAY)
}

/// The identity's expiry as seen at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expiry {
    pub expires: SystemTime,
    /// Whole days left; negative once expired (-1 on the day after).
    pub days_left: i64,
    expired: bool,
}

impl Expiry {
    pub fn expired(&self) -> bool {
        self.expired
    }

    /// Whether to say "run carepost renew": within [`WARNING_DAYS`] of
    /// the expiry, or past it.
    pub fn renew_due(&self) -> bool {
        self.days_left < WARNING_DAYS
    }
}

/// When the identity expires, seen at `now`; `None` for a key that never
/// expires (one made elsewhere) or whose self-signatures are unusable.
pub fn expiry(identity: &Identity, now: SystemTime) -> Option<Expiry> {
    let expires = identity.expires_at(now)?;
    let seconds = match expires.duration_since(now) {
        Ok(left) => left.as_secs() as i64,
        Err(past) => -(past.duration().as_secs() as i64),
    };
    Some(Expiry { expires, days_left: seconds.div_euclid(DAY as i64), expired: expires <= now })
}

/// The expiry when a warning is due, for the binary to say before a
/// command; `None` when nothing needs saying.
pub fn due(identity: &Identity, now: SystemTime) -> Option<Expiry> {
    expiry(identity, now).filter(Expiry::renew_due)
}

/// What `renew` did.
#[derive(Debug, Clone)]
pub struct Renewed {
    pub fingerprint: String,
    /// The expiry before, if the key had one.
    pub previous: Option<SystemTime>,
    pub expires: SystemTime,
    /// Where the renewed public key was written.
    pub key_file: PathBuf,
    /// Whether the key had already expired when it was renewed.
    pub was_expired: bool,
}

/// `carepost renew`: moves the expiry of the identity to `years` from now
/// and writes the renewed public key to `key_file` (a new file), or to
/// [`DEFAULT_KEY_FILE`] in the outbox (replaced if there). Refusals
/// (revoked, a shorter life than now, a key file in the way) change
/// nothing.
pub fn renew(ctx: &mut Context<'_>, years: u32, key_file: Option<&Path>) -> Result<Renewed> {
    if !(1..=MAX_YEARS).contains(&years) {
        return Err(Error::Usage(crate::tr!("renew-years-range", max = MAX_YEARS)));
    }
    let identity = ctx.identity()?;
    let now = ctx.now;
    {
        let vc = identity
            .cert()
            .with_policy(crate::policy::standard(), now)
            .map_err(|e| Error::IdentityUnusable(crate::tr!("identity-not-valid", details = e.to_string())))?;
        if !matches!(vc.revocation_status(), RevocationStatus::NotAsFarAsWeKnow) {
            return Err(Error::RenewRevoked);
        }
    }
    let previous = identity.expires_at(now);
    let expires = now + validity(years);
    if let Some(current) = previous.filter(|current| *current > expires) {
        return Err(Error::RenewShorter { current: crate::fmt_time(current), asked: crate::fmt_time(expires) });
    }
    let (key_file, replace) = match key_file {
        Some(path) => {
            match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() && !parent.is_dir() => {
                    return Err(Error::OutputDir(parent.to_path_buf()));
                }
                _ => {}
            }
            if path.symlink_metadata().is_ok() {
                return Err(Error::OutputExists(path.to_path_buf()));
            }
            (path.to_path_buf(), false)
        }
        None => {
            let outbox = ctx.home.output_dir(None, ctx.home.outbox())?;
            (outbox.join(DEFAULT_KEY_FILE), true)
        }
    };
    let unlocked = ctx.unlock(Purpose::Renew)?;
    // Unlocking for `Purpose::Renew` always yields the primary key.
    let mut signer = unlocked.signer().clone();
    let cert = renewed(identity.cert(), &mut signer, now, expires)?;
    let renewed = Identity::from_tsk(cert)?;
    // One rename: a kill leaves the old key file or the renewed one.
    renewed.replace_saved(&ctx.home)?;
    let fingerprint = renewed.fingerprint_hex();
    let mut detail = format!("expires {}", crate::fmt_time(expires));
    if let Some(previous) = previous {
        detail.push_str(&format!(" (was {})", crate::fmt_time(previous)));
    }
    audit::record(ctx, Event::new(Action::Renew, Outcome::Success).fingerprint(&fingerprint).detail(detail))?;
    crate::home::write_atomic(&key_file, &renewed.export_armored()?, replace)?;
    Ok(Renewed { fingerprint, previous, expires, key_file, was_expired: previous.is_some_and(|p| p <= now) })
}

/// `cert` with new self-signatures, made at `now` by `signer` (the
/// primary key), that make the primary key and every encryption subkey
/// expire at `expires`. Each new signature copies the one it replaces
/// (flags, preferences, features), changing only its time and the key's
/// validity period. The secret key material is left as it is.
pub fn renewed(cert: &Cert, signer: &mut dyn Signer, now: SystemTime, expires: SystemTime) -> Result<Cert> {
    let vc = cert
        .with_policy(crate::policy::standard(), now)
        .map_err(|e| Error::IdentityUnusable(crate::tr!("identity-not-valid", details = e.to_string())))?;
    let period = |created: SystemTime| {
        expires.duration_since(created).map_err(|_| Error::IdentityUnusable(crate::tr!("renew-before-creation")))
    };
    // Newer than every self-signature it replaces, even within the second
    // of an earlier renewal: of two bindings made in one second, software
    // may read either.
    let newest = vc
        .primary_key()
        .self_signatures()
        .chain(vc.userids().flat_map(|ua| ua.self_signatures()))
        .chain(vc.keys().subkeys().flat_map(|ka| ka.self_signatures()))
        .filter_map(|sig| sig.signature_creation_time())
        .max();
    let now = match newest {
        Some(newest) if newest >= now - Duration::from_secs(1) => newest + Duration::from_secs(1),
        _ => now,
    };
    let primary = vc.primary_key();
    let primary_period = period(primary.key().creation_time())?;
    let mut signatures = Vec::new();
    // The direct-key signature, which carepost's keys carry: also read for
    // the expiry by software that looks there first.
    if let Ok(direct) = primary.direct_key_signature() {
        let builder = SignatureBuilder::from(direct.clone())
            .set_signature_creation_time(now)
            .and_then(|b| b.set_key_validity_period(primary_period))
            .map_err(internal)?;
        signatures.push(builder.sign_direct_key(signer, None).map_err(internal)?);
    }
    // Every user ID's binding, keeping which one is primary.
    let primary_userid = vc.primary_userid().ok().map(|ua| ua.userid().clone());
    for ua in vc.userids().revoked(false) {
        let builder = SignatureBuilder::from(ua.binding_signature().clone())
            .set_signature_creation_time(now)
            .and_then(|b| b.set_key_validity_period(primary_period))
            .and_then(|b| b.set_primary_userid(primary_userid.as_ref() == Some(ua.userid())))
            .map_err(internal)?;
        signatures.push(builder.sign_userid_binding(signer, None, ua.userid()).map_err(internal)?);
    }
    // The subkeys. carepost's only subkey encrypts; one that signs would
    // need its own back-signature, which this renewal does not make.
    for ka in vc.keys().subkeys().revoked(false) {
        if ka.for_signing() || ka.for_certification() || ka.for_authentication() {
            return Err(Error::IdentityUnusable(crate::tr!("renew-signing-subkey")));
        }
        let subkey_period = period(ka.key().creation_time())?;
        let builder = SignatureBuilder::from(ka.binding_signature().clone())
            .set_signature_creation_time(now)
            .and_then(|b| b.set_key_validity_period(subkey_period))
            .map_err(internal)?;
        signatures.push(builder.sign_subkey_binding(signer, None, ka.key()).map_err(internal)?);
    }
    Ok(cert.clone().insert_packets(signatures).map_err(internal)?.0)
}

fn internal(e: anyhow::Error) -> Error {
    Error::Internal(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::Stretch;
    use crate::secret::Passphrase;

    fn pass() -> Passphrase {
        Passphrase::new("correct horse battery staple".into())
    }

    fn at(days: u64, from: SystemTime) -> SystemTime {
        from + Duration::from_secs(days * DAY)
    }

    #[test]
    fn three_years_are_the_lifetime_of_a_new_identity() {
        assert_eq!(validity(3), crate::identity::VALIDITY);
        assert_eq!(validity(1), Duration::from_secs(366 * DAY));
        assert_eq!(validity(5), Duration::from_secs((5 * 365 + 2) * DAY));
    }

    /// The renewed certificate: same fingerprint, primary key and
    /// encryption subkey alive until the new date and not after, the
    /// signatures made by the key itself and dated at the renewal, the
    /// secrets still protected by the same passphrase, and the old
    /// signatures kept so that what was signed before still verifies.
    #[test]
    fn renewed_signatures_move_both_expiries_and_keep_the_key() {
        let created = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let (id, _) = Identity::generate("Dr. A", "a@example.org", &pass(), Stretch::Light, created).unwrap();
        let old_expiry = id.expires_at(created).unwrap();
        // Renewed after it expired: ten days past.
        let now = at(1106, created);
        let policy = crate::policy::standard();
        assert!(id.cert().with_policy(policy, now).unwrap().alive().is_err());
        assert!(matches!(id.unlock(&pass(), Purpose::Sign, now), Err(Error::IdentityExpired(_))));
        let unlocked = id.unlock(&pass(), Purpose::Renew, now).unwrap();
        let mut signer = unlocked.try_signer().unwrap().clone();
        let expires = now + validity(2);
        let cert = renewed(id.cert(), &mut signer, now, expires).unwrap();
        assert_eq!(cert.fingerprint(), id.fingerprint());
        assert!(cert.is_tsk());
        assert!(cert.keys().secret().all(|ka| !ka.key().has_unencrypted_secret()));

        let vc = cert.with_policy(policy, now).unwrap();
        assert!(vc.alive().is_ok());
        assert_eq!(vc.primary_key().key_expiration_time(), Some(expires));
        let subkeys: Vec<_> = vc.keys().subkeys().collect();
        assert_eq!(subkeys.len(), 1);
        assert!(subkeys[0].for_storage_encryption() && subkeys[0].alive().is_ok());
        assert_eq!(subkeys[0].key_expiration_time(), Some(expires));
        // Every new self-signature is dated at the renewal and verifies.
        let primary = cert.primary_key().key().clone();
        let direct = vc.primary_key().direct_key_signature().unwrap();
        assert_eq!(direct.signature_creation_time(), Some(now));
        direct.clone().verify_direct_key(&primary, &primary).unwrap();
        let uid = vc.primary_userid().unwrap();
        assert_eq!(uid.binding_signature().signature_creation_time(), Some(now));
        assert_eq!(uid.binding_signature().primary_userid(), Some(true));
        uid.binding_signature().clone().verify_userid_binding(&primary, &primary, uid.userid()).unwrap();
        let sub = subkeys[0].binding_signature();
        assert_eq!(sub.signature_creation_time(), Some(now));
        assert_eq!(
            sub.key_flags(),
            id.cert().with_policy(policy, created).unwrap().keys().subkeys().next().unwrap().key_flags()
        );
        sub.clone().verify_subkey_binding(&primary, &primary, subkeys[0].key()).unwrap();
        // Expired again one day after the new date.
        assert!(cert.with_policy(policy, at(1, expires)).unwrap().alive().is_err());
        // At any time before the renewal, the old signatures still speak.
        let renewed_id = Identity::from_tsk(cert).unwrap();
        assert_eq!(renewed_id.expires_at(at(10, created)), Some(old_expiry));
        assert!(renewed_id.unlock(&pass(), Purpose::Sign, at(10, created)).is_ok());
        assert!(renewed_id.unlock(&pass(), Purpose::Sign, now).is_ok());
    }

    /// Regression: a second renewal in the same second as the first made
    /// bindings with the same time, and the first one's date could win.
    #[test]
    fn a_second_renewal_within_the_second_wins() {
        let created = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let (id, _) = Identity::generate("Dr. A", "a@example.org", &pass(), Stretch::Light, created).unwrap();
        let now = at(1000, created);
        let mut signer = id.unlock(&pass(), Purpose::Renew, now).unwrap().try_signer().unwrap().clone();
        let first = renewed(id.cert(), &mut signer, now, now + validity(2)).unwrap();
        let second = renewed(&first, &mut signer, now, now + validity(4)).unwrap();
        let later = Identity::from_tsk(second).unwrap();
        assert_eq!(later.expires_at(now + Duration::from_secs(2)), Some(now + validity(4)));
        let vc = later.cert().with_policy(crate::policy::standard(), now + Duration::from_secs(2)).unwrap();
        assert_eq!(vc.keys().subkeys().next().unwrap().key_expiration_time(), Some(now + validity(4)));
    }

    /// Renewing cannot help a revoked key: signing with one that is both
    /// revoked and expired does not point to `renew`.
    #[test]
    fn a_revoked_key_is_not_told_to_renew() {
        let created = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let (id, revocation) = Identity::generate("Dr. A", "a@example.org", &pass(), Stretch::Light, created).unwrap();
        let revoked = Identity::from_tsk(id.cert().clone().insert_packets(revocation).unwrap().0).unwrap();
        let expired = at(1100, created);
        assert!(matches!(revoked.unlock(&pass(), Purpose::Sign, expired), Err(Error::IdentityUnusable(_))));
        assert!(matches!(id.unlock(&pass(), Purpose::Sign, expired), Err(Error::IdentityExpired(_))));
    }

    #[test]
    fn the_warning_starts_sixty_days_before_the_expiry() {
        let created = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let (id, _) = Identity::generate("Dr. A", "a@example.org", &pass(), Stretch::Light, created).unwrap();
        let expires = id.expires_at(created).unwrap();
        assert!(due(&id, created).is_none());
        assert!(due(&id, expires - Duration::from_secs(70 * DAY)).is_none());
        let soon = due(&id, expires - Duration::from_secs(50 * DAY)).unwrap();
        assert_eq!((soon.days_left, soon.expired()), (50, false));
        let past = due(&id, expires + Duration::from_secs(3 * DAY)).unwrap();
        assert_eq!((past.days_left, past.expired()), (-3, true));
        let just = due(&id, expires + Duration::from_secs(1)).unwrap();
        assert!(just.expired());
    }
}
