//! This home's own identity: its OpenPGP key, how it is made, stored and
//! unlocked. Setting a home up with one (`carepost init`) is [`crate::init`].
//!
//! The key is OpenPGP v4 (readable by every peer): an Ed25519 primary key
//! that certifies and signs, an X25519 subkey that decrypts, both expiring
//! after three years. The secret parts are stored only encrypted with the
//! passphrase; see [`crate::context`] for where the passphrase comes from.

use crate::error::{Error, Result};
use crate::home::Home;
use crate::secret::Passphrase;
use openpgp::cert::prelude::*;
use openpgp::crypto::KeyPair;
use openpgp::packet::Signature;
use openpgp::packet::UserID;
use openpgp::parse::Parse;
use openpgp::serialize::SerializeInto;
use openpgp::types::KeyFlags;
use openpgp::{Cert, Fingerprint, Profile};
use sequoia_openpgp as openpgp;
use std::time::{Duration, SystemTime};

/// Lifetime of a new identity key: three years (one leap day included).
pub const VALIDITY: Duration = Duration::from_secs((3 * 365 + 1) * 24 * 60 * 60);
const MAX_NAME_CHARS: usize = 128;
const MAX_EMAIL_CHARS: usize = 254;

/// The identity as stored: its certificate with passphrase-protected
/// secret key material.
#[derive(Clone)]
pub struct Identity {
    key: Cert,
}

/// What a command needs the secret key for. Each secret key costs one
/// passphrase derivation to decrypt, so only the needed ones are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Signing documents and certifying contacts: the primary key.
    Sign,
    /// Opening documents: the encryption subkeys.
    Decrypt,
    /// Renewing the key (`carepost renew`): the primary key, even once it
    /// has expired, since moving the expiry is what an expired key needs.
    /// Never for signing documents.
    Renew,
}

/// An identity whose needed secret keys are decrypted for this command.
pub struct Unlocked {
    pub cert: Cert,
    signer: Option<KeyPair>,
    pub decryptors: Vec<KeyPair>,
    /// The keys this home had before `init --replace` whose decryptors
    /// were added (see [`crate::context::Context::unlock`]).
    pub previous: Vec<Cert>,
}

impl Unlocked {
    /// The signing key; present when unlocked for [`Purpose::Sign`].
    pub fn signer(&self) -> &KeyPair {
        self.signer.as_ref().expect("unlocked for signing")
    }

    /// The signing key, if unlocked for [`Purpose::Sign`].
    pub fn try_signer(&self) -> Option<&KeyPair> {
        self.signer.as_ref()
    }
}

/// How hard a passphrase is stretched into a key-encryption key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stretch {
    /// A generated 256-bit passphrase needs no stretching: guessing it is
    /// hopeless either way, and every command would pay for it.
    Light,
    /// A passphrase a person chose: OpenPGP's largest iteration count.
    Full,
}

impl Stretch {
    fn s2k(self) -> openpgp::crypto::S2K {
        match self {
            Stretch::Light => openpgp::crypto::S2K::new_iterated(openpgp::types::HashAlgorithm::SHA256, 65536)
                .expect("representable count"),
            Stretch::Full => openpgp::crypto::S2K::default(),
        }
    }
}

/// Checks a display name for the identity's user ID.
pub fn validate_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || name.chars().any(|c| crate::safe::is_dangerous(c) || c == '<' || c == '>')
    {
        return Err(Error::InvalidName);
    }
    Ok(name)
}

/// Checks an email address for the identity's user ID: one `@`, something
/// on both sides, no spaces, brackets or control characters.
pub fn validate_email(email: &str) -> Result<&str> {
    let email = email.trim();
    let bad = || Error::InvalidEmail(email.to_owned());
    if email.len() > MAX_EMAIL_CHARS
        || email.chars().any(|c| c.is_whitespace() || crate::safe::is_dangerous(c) || "<>()[]\\,;:\"".contains(c))
    {
        return Err(bad());
    }
    match email.split_once('@') {
        Some((local, domain))
            if !local.is_empty()
                && !domain.is_empty()
                && !domain.contains('@')
                && !domain.starts_with('.')
                && !domain.ends_with('.') =>
        {
            Ok(email)
        }
        _ => Err(bad()),
    }
}

impl Identity {
    /// Creates a new key for `name <email>`, protected with `passphrase`.
    /// Returns the identity and its revocation certificate.
    pub fn generate(
        name: &str,
        email: &str,
        passphrase: &Passphrase,
        stretch: Stretch,
        now: SystemTime,
    ) -> Result<(Identity, Signature)> {
        let name = validate_name(name)?;
        let email = validate_email(email)?;
        let userid =
            UserID::from_address(Some(name), None, email).map_err(|_| Error::InvalidEmail(email.to_owned()))?;
        let (key, revocation) = CertBuilder::new()
            .set_profile(Profile::RFC4880)
            .map_err(internal)?
            .set_cipher_suite(CipherSuite::Cv25519)
            .set_creation_time(now)
            .set_primary_key_flags(KeyFlags::empty().set_certification().set_signing())
            .add_subkey(KeyFlags::empty().set_transport_encryption().set_storage_encryption(), None, None)
            .add_userid(userid)
            .set_validity_period(VALIDITY)
            .generate()
            .map_err(internal)?;
        Ok((Identity { key: protect(key, passphrase, stretch)? }, revocation))
    }

    /// The same key protected with `new` instead of `old`: every secret
    /// key decrypted with `old` (refused with [`Error::WrongPassphrase`]
    /// if it does not unlock them all) and encrypted again with `new`,
    /// stretched as `stretch` says. The stored file is not touched; see
    /// [`Identity::replace_saved`].
    pub fn reprotect(&self, old: &Passphrase, new: &Passphrase, stretch: Stretch) -> Result<Identity> {
        let password = old.to_password();
        let plain = self
            .key
            .keys()
            .secret()
            .map(|ka| {
                let key = ka.key().clone();
                let key = if key.has_unencrypted_secret() {
                    key
                } else {
                    key.decrypt_secret(&password).map_err(|_| Error::WrongPassphrase)?
                };
                Ok(if ka.primary() {
                    openpgp::Packet::from(key.role_into_primary())
                } else {
                    openpgp::Packet::from(key.role_into_subordinate())
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let plain = self.key.clone().insert_packets(plain).map_err(internal)?.0;
        Ok(Identity { key: protect(plain, new, stretch)? })
    }

    /// Writes this key over the stored one in one rename, so that a kill
    /// at any moment leaves either the old file or the new one whole.
    /// The fingerprint must be the stored identity's: another key never
    /// replaces it this way.
    pub fn replace_saved(&self, home: &Home) -> Result<()> {
        let stored = Identity::load(home)?;
        if stored.fingerprint() != self.fingerprint() {
            return Err(Error::IdentityExists(stored.fingerprint_hex()));
        }
        let armored = self.key.as_tsk().armored().to_vec().map_err(internal)?;
        crate::home::write_atomic(&home.secret_key(), &armored, true)
    }

    /// The certificate with its (protected) secret key material, for the
    /// modules that change the key's signatures or carry it elsewhere.
    pub fn cert(&self) -> &Cert {
        &self.key
    }

    /// An identity from a certificate with secret key material, e.g. one
    /// whose self-signatures were renewed; refused without secrets.
    pub fn from_tsk(key: Cert) -> Result<Identity> {
        if !key.is_tsk() {
            return Err(Error::IdentityUnusable(crate::tr!("identity-no-secret")));
        }
        Ok(Identity { key })
    }

    /// Loads the identity of `home`; [`Error::NoIdentity`] if there is none.
    pub fn load(home: &Home) -> Result<Identity> {
        let path = home.secret_key();
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Error::NoIdentity),
            Err(e) => return Err(Error::io("io-read", &path, e)),
        };
        let key = Cert::from_bytes(&bytes)
            .map_err(|e| Error::IdentityUnusable(crate::tr!("identity-damaged", details = e.to_string())))?;
        if !key.is_tsk() {
            return Err(Error::IdentityUnusable(crate::tr!("identity-no-secret")));
        }
        Ok(Identity { key })
    }

    /// Writes the secret key (armored) to `home`, never replacing an
    /// existing one, and its revocation certificate beside it.
    pub fn save_new(&self, home: &Home, revocation: &Signature) -> Result<()> {
        let armored = self.key.as_tsk().armored().to_vec().map_err(internal)?;
        crate::home::write_atomic(&home.secret_key(), &armored, false).map_err(|e| match e {
            Error::Io { ref source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists => {
                Error::IdentityExists(String::new())
            }
            other => other,
        })?;
        // The public certificate with its revocation, as a public key
        // block: what gpg, sq and carepost import (see `crate::revoke`).
        let rev = self.revocation_certificate(revocation)?;
        crate::home::write_atomic(&home.revocation_certificate(), &rev, true)
    }

    pub fn fingerprint(&self) -> Fingerprint {
        self.key.fingerprint()
    }

    /// 40 uppercase hex digits, no spaces.
    pub fn fingerprint_hex(&self) -> String {
        self.key.fingerprint().to_hex()
    }

    fn primary_userid(&self) -> Option<UserID> {
        let policy = crate::policy::standard();
        self.key
            .with_policy(policy, None)
            .ok()
            .and_then(|vc| vc.primary_userid().ok().map(|ua| ua.userid().clone()))
            .or_else(|| self.key.userids().next().map(|ua| ua.userid().clone()))
    }

    pub fn name(&self) -> String {
        self.primary_userid().and_then(|u| u.name().ok().flatten().map(str::to_owned)).unwrap_or_default()
    }

    pub fn email(&self) -> String {
        self.primary_userid().and_then(|u| u.email().ok().flatten().map(str::to_owned)).unwrap_or_default()
    }

    /// When the identity key stops being valid, if ever, as its
    /// self-signatures say at `now` (a renewal made later does not count).
    pub fn expires_at(&self, now: SystemTime) -> Option<SystemTime> {
        self.key.with_policy(crate::policy::standard(), now).ok().and_then(|vc| vc.primary_key().key_expiration_time())
    }

    /// The public certificate, for contacts.
    pub fn public_cert(&self) -> Cert {
        self.key.clone().strip_secret_key_material()
    }

    /// The public certificate, ASCII-armored.
    pub fn export_armored(&self) -> Result<Vec<u8>> {
        self.public_cert().armored().to_vec().map_err(internal)
    }

    /// Decrypts the secret keys needed for `purpose` with `passphrase`.
    pub fn unlock(&self, passphrase: &Passphrase, purpose: Purpose, now: SystemTime) -> Result<Unlocked> {
        let password = passphrase.to_password();
        let policy = crate::policy::standard();
        let vc = self
            .key
            .with_policy(policy, now)
            .map_err(|e| Error::IdentityUnusable(crate::tr!("identity-not-valid", details = e.to_string())))?;
        let mut signer = None;
        let mut decryptors = Vec::new();
        match purpose {
            Purpose::Sign => {
                let signing = vc.keys().secret().for_signing().alive().revoked(false).next().ok_or_else(|| {
                    // An expired key has one way forward, `renew`: say it
                    // (not for a revoked one, which renewing cannot help).
                    let revoked = !matches!(vc.revocation_status(), openpgp::types::RevocationStatus::NotAsFarAsWeKnow);
                    match vc.primary_key().key_expiration_time().filter(|t| *t <= now && !revoked) {
                        Some(expired) => Error::IdentityExpired(crate::fmt_time(expired)),
                        None => Error::IdentityUnusable(crate::tr!("identity-cannot-sign")),
                    }
                })?;
                signer = Some(decrypt(signing.key().clone(), &password)?);
            }
            Purpose::Renew => {
                // Not `alive()`: renewing is for a key that expires soon or
                // already has. A revoked key is refused by the caller.
                let primary = vc.primary_key();
                let key = primary
                    .key()
                    .clone()
                    .parts_into_secret()
                    .map_err(|_| Error::IdentityUnusable(crate::tr!("identity-no-secret")))?
                    .role_into_unspecified();
                signer = Some(decrypt(key, &password)?);
            }
            Purpose::Decrypt => {
                // Old messages may be encrypted to a subkey that has since
                // expired: decryption does not require the key to be alive.
                decryptors = vc
                    .keys()
                    .secret()
                    .key_flags(KeyFlags::empty().set_transport_encryption().set_storage_encryption())
                    .map(|ka| decrypt(ka.key().clone(), &password))
                    .collect::<Result<Vec<_>>>()?;
            }
        }
        Ok(Unlocked { cert: self.public_cert(), signer, decryptors, previous: Vec::new() })
    }
}

// The keys a home had before `init --replace`.
impl Identity {
    /// Where the keys replaced by `init --replace` are kept, each as
    /// `FINGERPRINT.pgp`, still protected, to open documents sent to them.
    pub fn previous_dir(home: &Home) -> std::path::PathBuf {
        home.identity_dir().join("previous")
    }

    /// The keys this home had before, in file-name order; a file that is
    /// not a protected key is skipped.
    pub fn load_previous(home: &Home) -> Vec<Identity> {
        let Ok(entries) = std::fs::read_dir(Identity::previous_dir(home)) else { return Vec::new() };
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "pgp"))
            .collect();
        paths.sort();
        paths
            .into_iter()
            .filter_map(|p| Cert::from_file(p).ok())
            .filter(|c| c.is_tsk())
            .map(|key| Identity { key })
            .collect()
    }

    /// Where a key kept from before `init --replace` is stored.
    pub fn previous_path(home: &Home, fingerprint: &str) -> std::path::PathBuf {
        Identity::previous_dir(home).join(format!("{fingerprint}.pgp"))
    }

    /// The keys kept from before `init --replace`, protected with `new`
    /// instead of `old`, each written in one rename, so that they keep
    /// opening old documents with the identity's passphrase once it
    /// changed. A key that `old` does not open (one left under a
    /// passphrase of its own) stays as it is. Returns how many changed.
    pub fn reprotect_previous(home: &Home, old: &Passphrase, new: &Passphrase, stretch: Stretch) -> Result<usize> {
        let mut changed = 0;
        for previous in Identity::load_previous(home) {
            let protected = match previous.reprotect(old, new, stretch) {
                Ok(protected) => protected,
                Err(Error::WrongPassphrase) => continue,
                Err(e) => return Err(e),
            };
            let armored = protected.key.as_tsk().armored().to_vec().map_err(internal)?;
            crate::home::write_atomic(&Identity::previous_path(home, &previous.fingerprint_hex()), &armored, true)?;
            changed += 1;
        }
        Ok(changed)
    }

    /// The primary key decrypted with `passphrase`, whether it is revoked
    /// or expired or not: for the statement that names its successor.
    pub fn primary_signer(&self, passphrase: &Passphrase) -> Result<KeyPair> {
        let key = self
            .key
            .primary_key()
            .key()
            .clone()
            .parts_into_secret()
            .map_err(|_| Error::IdentityUnusable(crate::tr!("identity-no-secret")))?;
        decrypt(key.role_into_unspecified(), &passphrase.to_password())
    }

    /// Writes this key over the stored one in one rename, whatever key is
    /// stored: only for `init --replace`, once the old key is kept aside.
    pub fn save_replacing(&self, home: &Home) -> Result<()> {
        let armored = self.key.as_tsk().armored().to_vec().map_err(internal)?;
        crate::home::write_atomic(&home.secret_key(), &armored, true)
    }

    /// The public certificate with `revocation` in it, armored: the
    /// revocation certificate kept beside the key.
    pub fn revocation_certificate(&self, revocation: &Signature) -> Result<Vec<u8>> {
        let revoked = self.public_cert().insert_packets(revocation.clone()).map_err(internal)?.0;
        let armored = revoked.armored().to_vec().map_err(internal)?;
        Ok(armored)
    }
}

/// `key` with every secret key encrypted with `passphrase`, stretched as
/// chosen; the protected packets replace the plain ones.
fn protect(key: Cert, passphrase: &Passphrase, stretch: Stretch) -> Result<Cert> {
    let password = passphrase.to_password();
    let protected = key
        .keys()
        .secret()
        .map(|ka| {
            let (public, secret) = ka.key().clone().take_secret();
            let secret = secret
                .encrypt_with(&public, stretch.s2k(), openpgp::types::SymmetricAlgorithm::AES256, None, &password)
                .map_err(internal)?;
            let key = public.add_secret(secret).0;
            Ok(if ka.primary() {
                openpgp::Packet::from(key.role_into_primary())
            } else {
                openpgp::Packet::from(key.role_into_subordinate())
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let key = key.insert_packets(protected).map_err(internal)?.0;
    if key.keys().secret().any(|ka| ka.key().has_unencrypted_secret()) {
        return Err(Error::Internal("secret key left unprotected".into()));
    }
    Ok(key)
}

fn decrypt(
    key: openpgp::packet::Key<openpgp::packet::key::SecretParts, openpgp::packet::key::UnspecifiedRole>,
    password: &openpgp::crypto::Password,
) -> Result<KeyPair> {
    let key = if key.has_unencrypted_secret() {
        key
    } else {
        key.decrypt_secret(password).map_err(|_| Error::WrongPassphrase)?
    };
    key.into_keypair().map_err(internal)
}

fn internal(e: anyhow::Error) -> Error {
    Error::Internal(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass() -> Passphrase {
        Passphrase::new("correct horse battery staple".into())
    }

    #[test]
    fn new_identity_is_v4_ed25519_with_x25519_subkey_and_three_years() {
        let now = SystemTime::now();
        let (id, _) =
            Identity::generate("Dr. A. Jansen", "a.jansen@praktijk.example", &pass(), Stretch::Light, now).unwrap();
        let cert = id.public_cert();
        assert_eq!(cert.primary_key().key().version(), 4);
        let vc = cert.with_policy(crate::policy::standard(), now).unwrap();
        assert!(vc.primary_key().for_certification() && vc.primary_key().for_signing());
        let subkeys: Vec<_> = vc.keys().subkeys().collect();
        assert_eq!(subkeys.len(), 1);
        assert!(subkeys[0].for_transport_encryption());
        let expires = id.expires_at(now).unwrap();
        let days = expires.duration_since(now).unwrap().as_secs() / 86400;
        assert!((1095..=1096).contains(&days), "{days} days");
        assert_eq!(id.name(), "Dr. A. Jansen");
        assert_eq!(id.email(), "a.jansen@praktijk.example");
        assert_eq!(id.fingerprint_hex().len(), 40);
    }

    #[test]
    fn secrets_are_encrypted_and_unlock_with_the_passphrase_only() {
        let now = SystemTime::now();
        let (id, _) = Identity::generate("A", "a@example.org", &pass(), Stretch::Full, now).unwrap();
        assert!(id.key.keys().secret().all(|ka| !ka.key().has_unencrypted_secret()));
        assert!(id.unlock(&pass(), Purpose::Sign, now).is_ok());
        assert_eq!(id.unlock(&pass(), Purpose::Decrypt, now).unwrap().decryptors.len(), 1);
        let wrong = Passphrase::new("wrong".into());
        assert!(matches!(id.unlock(&wrong, Purpose::Sign, now), Err(Error::WrongPassphrase)));
        assert!(matches!(id.unlock(&wrong, Purpose::Decrypt, now), Err(Error::WrongPassphrase)));
    }

    #[test]
    fn reprotecting_changes_the_passphrase_and_keeps_the_key() {
        let now = SystemTime::now();
        let (id, _) = Identity::generate("A", "a@example.org", &pass(), Stretch::Light, now).unwrap();
        let new = Passphrase::new("another horse entirely, staple-free".into());
        let wrong = Passphrase::new("wrong".into());
        assert!(matches!(id.reprotect(&wrong, &new, Stretch::Light), Err(Error::WrongPassphrase)));
        let changed = id.reprotect(&pass(), &new, Stretch::Light).unwrap();
        assert_eq!(changed.fingerprint(), id.fingerprint());
        assert_eq!(changed.public_cert(), id.public_cert());
        assert!(changed.key.keys().secret().all(|ka| !ka.key().has_unencrypted_secret()));
        assert!(changed.unlock(&new, Purpose::Sign, now).is_ok());
        assert_eq!(changed.unlock(&new, Purpose::Decrypt, now).unwrap().decryptors.len(), 1);
        assert!(matches!(changed.unlock(&pass(), Purpose::Sign, now), Err(Error::WrongPassphrase)));
    }

    #[test]
    fn names_and_emails_are_checked() {
        assert!(validate_name("  ").is_err());
        assert!(validate_name("Evil\u{1b}[2J").is_err());
        assert!(validate_email("no-at-sign").is_err());
        assert!(validate_email("a@b@c").is_err());
        assert!(validate_email("a b@c.nl").is_err());
        assert_eq!(validate_email(" huisarts@praktijk.nl ").unwrap(), "huisarts@praktijk.nl");
    }
}
