//! `carepost init --replace`: a new identity in a home whose identity is
//! revoked. The old key is kept aside (`identity/previous/FPR.pgp`, still
//! protected) so that documents sent to it still open; every contact
//! stays, and each one the old key had verified is certified again by the
//! new key, so it stays verified (what counts is the current key's
//! certification, see [`crate::certification`]). When the old key was
//! superseded or retired and can still be unlocked, a key-transition
//! statement signed by both keys lets contacts check the new key against
//! the old one they verified; after a compromise there is none: the old
//! key may be in someone else's hands, and contacts verify the new key by
//! phone.
//!
//! The steps are ordered so that a kill at any point leaves a working
//! home: the certifications by the new key are stored first (they count
//! for nothing while the old key is current), the old key is copied aside,
//! and only then is the new key written over the old one in one rename.

use crate::audit::{self, Action, Event, Outcome};
use crate::certification::Method;
use crate::context::PassphraseSource;
use crate::error::{Error, Result};
use crate::identity::{validate_email, validate_name, Identity, Purpose, Stretch};
use crate::secret::Passphrase;
use crate::{keychain, Context};
use openpgp::serialize::stream::{Message, Signer};
use openpgp::serialize::SerializeInto;
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// What `init --replace` did.
#[derive(Debug, Clone, Serialize)]
pub struct Replaced {
    pub old_fingerprint: String,
    pub fingerprint: String,
    pub name: String,
    pub email: String,
    pub expires: Option<String>,
    /// The reason code of the old key's revocation.
    pub reason: &'static str,
    /// The contacts the new key certified again: still verified.
    pub verified_again: Vec<String>,
    /// The statement signed by both keys, when one could be made.
    pub transition: Option<PathBuf>,
    /// Whether the old key, kept to open old documents, is now protected
    /// with the new passphrase (false: with its own, which was not given).
    pub old_key_with_new_passphrase: bool,
    pub previous_key: PathBuf,
    pub revocation_certificate: PathBuf,
}

fn method_of(text: Option<&str>) -> Method {
    match text {
        Some("in-person") => Method::InPerson,
        Some("video") => Method::Video,
        Some("key-transition") => Method::KeyTransition,
        _ => Method::Phone,
    }
}

/// Replaces this home's revoked identity with a new one for `name <email>`.
pub fn replace(ctx: &mut Context<'_>, name: &str, email: &str) -> Result<Replaced> {
    let name = validate_name(name)?.to_owned();
    let email = validate_email(email)?.to_owned();
    let old = ctx.identity()?;
    let old_fingerprint = old.fingerprint_hex();
    let Some(reason) = crate::revoke::revoked(old.cert(), ctx.now) else {
        return Err(Error::ReplaceNotRevoked(old_fingerprint));
    };
    // Who the old key verified, read before anything changes.
    let verified: Vec<_> = crate::contacts::list(ctx)?
        .into_iter()
        .filter_map(|c| {
            let method = method_of(c.verification.as_ref()?.method.as_deref());
            Some((c.alias.clone(), c.cert()?.clone(), method))
        })
        .collect();
    // The old passphrase, if it can still be had: it re-protects the old
    // key with the new one and signs the transition statement.
    let old_passphrase =
        ctx.existing_passphrase(&old).ok().filter(|p| old.unlock(p, Purpose::Decrypt, ctx.now).is_ok());

    let (passphrase, source) = ctx.new_passphrase()?;
    let stretch = match source {
        PassphraseSource::Keychain => Stretch::Light,
        PassphraseSource::User => Stretch::Full,
    };
    let (new, revocation) = Identity::generate(&name, &email, &passphrase, stretch, ctx.now)?;
    let fingerprint = new.fingerprint_hex();
    if source == PassphraseSource::Keychain {
        keychain::store_checked(&fingerprint, &passphrase)?;
    }
    let result = put_in_place(ctx, &old, old_passphrase.as_ref(), &new, &passphrase, stretch, &verified, reason);
    let (transition, old_key_with_new_passphrase) = match result {
        Ok(done) => done,
        Err(e) => {
            if source == PassphraseSource::Keychain {
                let _ = keychain::delete(&fingerprint);
            }
            return Err(e);
        }
    };
    crate::home::write_atomic(&ctx.home.revocation_certificate(), &new.revocation_certificate(&revocation)?, true)?;
    ctx.remember_passphrase_source(source)?;
    audit::record(
        ctx,
        Event::new(Action::KeyReplace, Outcome::Success).fingerprint(&fingerprint).detail(format!(
            "replaces {old_fingerprint}; reason: {reason}; verified again: {}; transition statement: {}",
            verified.len(),
            if transition.is_some() { "yes" } else { "no" }
        )),
    )?;
    Ok(Replaced {
        old_fingerprint: old_fingerprint.clone(),
        expires: new.expires_at(ctx.now).map(crate::fmt_time),
        fingerprint,
        name,
        email,
        reason,
        verified_again: verified.into_iter().map(|(alias, _, _)| alias).collect(),
        transition,
        old_key_with_new_passphrase,
        previous_key: Identity::previous_dir(&ctx.home).join(format!("{old_fingerprint}.pgp")),
        revocation_certificate: ctx.home.revocation_certificate(),
    })
}

/// Certifies the contacts again, keeps the old key aside, writes the
/// transition statement and puts the new key in place, in that order.
#[allow(clippy::too_many_arguments)]
fn put_in_place(
    ctx: &mut Context<'_>,
    old: &Identity,
    old_passphrase: Option<&Passphrase>,
    new: &Identity,
    passphrase: &Passphrase,
    stretch: Stretch,
    verified: &[(String, openpgp::Cert, Method)],
    reason: &'static str,
) -> Result<(Option<PathBuf>, bool)> {
    let unlocked = new.unlock(passphrase, Purpose::Sign, ctx.now)?;
    let mut signer = unlocked.signer().clone();
    for (alias, cert, method) in verified {
        let certified = crate::certification::certify(&mut signer, cert, alias, *method, ctx.now)?;
        crate::contacts::store_certified(ctx, alias, &certified)?;
    }
    let kept = match old_passphrase {
        Some(p) => old.reprotect(p, passphrase, stretch)?,
        None => old.clone(),
    };
    let previous = Identity::previous_dir(&ctx.home);
    ctx.home.ensure_dir(&previous)?;
    let armored = kept.cert().as_tsk().armored().to_vec().map_err(internal)?;
    let old_hex = old.fingerprint_hex();
    crate::home::write_atomic(&previous.join(format!("{old_hex}.pgp")), &armored, true)?;
    if let Ok(bytes) = std::fs::read(ctx.home.revocation_certificate()) {
        crate::home::write_atomic(&previous.join(format!("{old_hex}.revocation.asc")), &bytes, true)?;
    }
    let transition = match (reason, old_passphrase) {
        // After a compromise, or the reason-less revocation from `init`
        // (used when the key could not be unlocked), the old key's word
        // proves nothing.
        ("compromised" | "unspecified", _) | (_, None) => None,
        (_, Some(old_pass)) => {
            let old_signer = old.primary_signer(old_pass)?;
            let text = statement(&old_hex, &new.fingerprint_hex(), reason, ctx.now);
            let signed = sign_with_both(&text, &old_signer, &signer, ctx.now)?;
            let path = ctx.home.identity_dir().join(format!("transition-{old_hex}-{}.asc", new.fingerprint_hex()));
            crate::home::write_atomic(&path, &signed, true)?;
            Some(path)
        }
    };
    new.save_replacing(&ctx.home)?;
    Ok((transition, old_passphrase.is_some()))
}

/// The text of a key-transition statement: plain, for people and gpg.
pub fn statement(old: &str, new: &str, reason: &str, now: std::time::SystemTime) -> String {
    let group = crate::fingerprint::hex_groups;
    format!(
        "carepost key transition\n\nOld key: {}\nNew key: {}\nDate: {}\nReason: {reason}\n\n\
         The old key is revoked. The new key replaces it. This statement is signed by both keys.\n",
        group(old),
        group(new),
        crate::fmt_time(now)
    )
}

/// `text` as a cleartext-signed message with one signature by each key.
fn sign_with_both(
    text: &str,
    old: &openpgp::crypto::KeyPair,
    new: &openpgp::crypto::KeyPair,
    now: std::time::SystemTime,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let message = Message::new(&mut out);
        let mut writer = Signer::new(message, old.clone())
            .and_then(|s| s.add_signer(new.clone()))
            .map_err(internal)?
            .cleartext()
            .creation_time(now)
            .build()
            .map_err(internal)?;
        writer.write_all(text.as_bytes()).map_err(|e| Error::Internal(e.to_string()))?;
        writer.finalize().map_err(internal)?;
    }
    Ok(out)
}

fn internal(e: anyhow::Error) -> Error {
    Error::Internal(e.to_string())
}
