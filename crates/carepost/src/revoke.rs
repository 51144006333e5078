//! `carepost revoke`: this home's identity declared no longer valid, for
//! good. A fresh revocation with the user's reason when the key can be
//! unlocked; otherwise the one `init` made and kept in
//! `identity/revocation.asc` (as a certificate since this release, a bare
//! signature in older homes: both are read). The revocation is merged into
//! the stored key in one rename, so the identity itself is revoked: every
//! export carries it, and no send is made with it again. Opening documents
//! sent to it keeps working.

use crate::audit::{self, Action, Event, Outcome};
use crate::error::{Error, Result};
use crate::identity::{Identity, Purpose};
use crate::Context;
use openpgp::cert::prelude::*;
use openpgp::packet::Signature;
use openpgp::parse::Parse;
use openpgp::types::{ReasonForRevocation, RevocationStatus, SignatureType};
use openpgp::{Cert, Packet};
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Why the identity is revoked, as the user says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Someone else may have the secret key (a lost or stolen laptop).
    Compromised,
    /// A new key takes its place (`init --replace`).
    Superseded,
    /// No longer used (the clinician stops practising).
    Retired,
}

impl Reason {
    pub fn code(self) -> &'static str {
        match self {
            Reason::Compromised => "compromised",
            Reason::Superseded => "superseded",
            Reason::Retired => "retired",
        }
    }

    fn openpgp(self) -> ReasonForRevocation {
        match self {
            Reason::Compromised => ReasonForRevocation::KeyCompromised,
            Reason::Superseded => ReasonForRevocation::KeySuperseded,
            Reason::Retired => ReasonForRevocation::KeyRetired,
        }
    }
}

/// The reason a revocation gives, as a stable code: `compromised`,
/// `superseded`, `retired`, or `unspecified` (the one made at `init`).
fn reason_code(reason: Option<ReasonForRevocation>) -> &'static str {
    match reason {
        Some(ReasonForRevocation::KeyCompromised) => "compromised",
        Some(ReasonForRevocation::KeySuperseded) => "superseded",
        Some(ReasonForRevocation::KeyRetired) => "retired",
        _ => "unspecified",
    }
}

/// What `revoke` did.
#[derive(Debug, Clone, Serialize)]
pub struct Revoked {
    pub fingerprint: String,
    /// The reason the revocation in force gives (see [`reason_code`]).
    pub reason: &'static str,
    /// `new` (made now, with the reason given) or `init` (the one made
    /// when the identity was created: the key could not be unlocked).
    pub revocation: &'static str,
    /// Whether the identity was revoked already before this command.
    pub already: bool,
    /// The revoked public key, to send to contacts.
    pub public_key: PathBuf,
    /// Why the key could not be unlocked, when the init revocation was used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unlock_failed: Option<String>,
}

/// The reason code of the identity's revocation, if it is revoked.
pub fn revoked(cert: &Cert, now: SystemTime) -> Option<&'static str> {
    match cert.revocation_status(crate::policy::standard(), now) {
        RevocationStatus::Revoked(sigs) => {
            Some(reason_code(sigs.first().and_then(|s| s.reason_for_revocation()).map(|(r, _)| r)))
        }
        _ => None,
    }
}

/// Refuses to go on when this home's identity is revoked: every send
/// calls this before it unlocks anything.
pub fn refuse_if_revoked(ctx: &Context<'_>) -> Result<()> {
    // No identity (or an unreadable one) is for the send itself to report,
    // where it needs the key at all.
    let Ok(identity) = ctx.identity_ref() else { return Ok(()) };
    match revoked(identity.cert(), ctx.now) {
        Some(reason) => Err(Error::IdentityRevoked { fingerprint: identity.fingerprint_hex(), reason }),
        None => Ok(()),
    }
}

/// The revocation signatures over `cert`'s primary key found in `bytes`:
/// a revocation certificate as `init` writes it now (a public key block),
/// or the bare armored signature older homes have.
pub fn revocations_in(bytes: &[u8], cert: &Cert) -> Result<Vec<Signature>> {
    let pile = openpgp::PacketPile::from_bytes(bytes).map_err(|e| Error::RevocationUnusable(e.to_string()))?;
    let primary = cert.primary_key().key().clone();
    let sigs: Vec<Signature> = pile
        .into_children()
        .filter_map(|p| match p {
            Packet::Signature(s) if s.typ() == SignatureType::KeyRevocation => Some(s),
            _ => None,
        })
        .filter(|s| s.clone().verify_primary_key_revocation(&primary, &primary).is_ok())
        .collect();
    if sigs.is_empty() {
        return Err(Error::RevocationUnusable(crate::tr!("revoke-file-not-for-key")));
    }
    Ok(sigs)
}

/// Where the revoked public key goes when `-o` is not given.
pub fn default_output(ctx: &Context<'_>) -> PathBuf {
    ctx.home.identity_dir().join("revoked-public-key.asc")
}

/// Revokes this home's identity (`carepost revoke`). `message` goes into
/// the revocation (contacts see it), never into the log: it is free text
/// and could name someone.
pub fn revoke(ctx: &mut Context<'_>, reason: Reason, message: &str, output: Option<&Path>) -> Result<Revoked> {
    let identity = ctx.identity()?;
    let fingerprint = identity.fingerprint_hex();
    let public_key = output.map(Path::to_path_buf).unwrap_or_else(|| default_output(ctx));
    if output.is_some() && public_key.exists() {
        return Err(Error::OutputExists(public_key));
    }
    if let Some(code) = revoked(identity.cert(), ctx.now) {
        write_public(&identity, &public_key, output.is_none())?;
        return Ok(Revoked {
            fingerprint,
            reason: code,
            revocation: "stored",
            already: true,
            public_key,
            unlock_failed: None,
        });
    }
    let (signatures, made, unlock_failed) = match signer(ctx, &identity) {
        Ok(mut signer) => {
            let sig = CertRevocationBuilder::new()
                .set_signature_creation_time(ctx.now)
                .and_then(|b| b.set_reason_for_revocation(reason.openpgp(), message.as_bytes()))
                .and_then(|b| b.build(&mut signer, identity.cert(), None))
                .map_err(internal)?;
            (vec![sig], "new", None)
        }
        Err(
            e @ (Error::WrongPassphrase
            | Error::NoPassphrase
            | Error::PassphraseCancelled
            | Error::PassphraseFile { .. }
            | Error::Keychain(_)
            | Error::KeychainMissingEntry
            | Error::IdentityUnusable(_)),
        ) => {
            let path = ctx.home.revocation_certificate();
            let bytes = std::fs::read(&path).map_err(|io| match io.kind() {
                std::io::ErrorKind::NotFound => Error::RevocationUnusable(crate::tr!("revoke-file-missing")),
                _ => Error::io("io-read", &path, io),
            })?;
            (revocations_in(&bytes, identity.cert())?, "init", Some(e.to_string()))
        }
        Err(e) => return Err(e),
    };
    let merged = identity.cert().clone().insert_packets(signatures).map_err(internal)?.0;
    let Some(code) = revoked(&merged, ctx.now) else {
        return Err(Error::RevocationUnusable(crate::tr!("revoke-file-not-for-key")));
    };
    let merged = Identity::from_tsk(merged)?;
    merged.replace_saved(&ctx.home)?;
    write_public(&merged, &public_key, output.is_none())?;
    audit::record(
        ctx,
        Event::new(Action::Revoke, Outcome::Success)
            .fingerprint(&fingerprint)
            .detail(format!("reason: {code}; revocation: {made}")),
    )?;
    Ok(Revoked { fingerprint, reason: code, revocation: made, already: false, public_key, unlock_failed })
}

/// The primary key, to sign the revocation: unlocked as every command
/// unlocks it, or, for a key that has expired (no longer valid for
/// signing, but still the one to revoke), decrypted on its own.
fn signer(ctx: &mut Context<'_>, identity: &Identity) -> Result<openpgp::crypto::KeyPair> {
    match ctx.unlock(Purpose::Sign) {
        Ok(unlocked) => Ok(unlocked.signer().clone()),
        Err(Error::IdentityUnusable(_) | Error::IdentityExpired(_)) => {
            let passphrase = ctx.existing_passphrase(identity)?;
            identity.primary_signer(&passphrase)
        }
        Err(e) => Err(e),
    }
}

fn write_public(identity: &Identity, path: &Path, replace: bool) -> Result<()> {
    let armored = identity.export_armored()?;
    crate::home::write_atomic(path, &armored, replace).map_err(|e| match e {
        Error::Io { ref source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists => {
            Error::OutputExists(path.to_path_buf())
        }
        other => other,
    })
}

fn internal(e: anyhow::Error) -> Error {
    Error::Internal(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::Stretch;
    use crate::secret::Passphrase;
    use openpgp::serialize::SerializeInto;

    /// The revocation certificate as `Identity::save_new` writes it.
    fn certificate_with(public: Cert, revocation: Signature) -> Result<Vec<u8>> {
        let revoked = public.insert_packets(revocation).map_err(internal)?.0;
        let armored = revoked.armored().to_vec().map_err(internal)?;
        Ok(armored)
    }

    fn identity() -> (Identity, Signature) {
        let pass = Passphrase::new("a long test passphrase, not secret".into());
        Identity::generate("A", "a@example.org", &pass, Stretch::Light, SystemTime::now()).unwrap()
    }

    #[test]
    fn the_init_certificate_and_the_old_bare_signature_both_revoke() {
        let (id, revocation) = identity();
        let cert_file = certificate_with(id.public_cert(), revocation.clone()).unwrap();
        assert!(String::from_utf8_lossy(&cert_file).contains("BEGIN PGP PUBLIC KEY BLOCK"));
        let parsed = Cert::from_bytes(&cert_file).unwrap();
        assert_eq!(parsed.fingerprint(), id.fingerprint());
        assert!(revoked(&parsed, SystemTime::now()).is_some());
        assert_eq!(revocations_in(&cert_file, id.cert()).unwrap().len(), 1);

        let mut w = openpgp::armor::Writer::new(Vec::new(), openpgp::armor::Kind::Signature).unwrap();
        openpgp::serialize::Serialize::serialize(&Packet::from(revocation), &mut w).unwrap();
        let bare = w.finalize().unwrap();
        let sigs = revocations_in(&bare, id.cert()).unwrap();
        let merged = id.cert().clone().insert_packets(sigs).unwrap().0;
        assert_eq!(revoked(&merged, SystemTime::now()), Some("unspecified"));
    }

    #[test]
    fn another_keys_revocation_is_refused() {
        let (id, _) = identity();
        let (other, other_revocation) = identity();
        let file = certificate_with(other.public_cert(), other_revocation).unwrap();
        assert!(matches!(revocations_in(&file, id.cert()), Err(Error::RevocationUnusable(_))));
        assert!(matches!(revocations_in(b"not openpgp", id.cert()), Err(Error::RevocationUnusable(_))));
        assert!(revoked(id.cert(), SystemTime::now()).is_none());
    }
}
