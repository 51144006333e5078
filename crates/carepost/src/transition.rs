//! `carepost contact update ALIAS --key-file NEW --transition FILE`: a
//! verified contact's new key, accepted as verified because the contact's
//! old key — the one verified by phone — vouches for it in a key-transition
//! statement signed by both keys (what `init --replace` writes, see
//! [`crate::replace`]). The statement must name exactly the stored key as
//! the old one and the offered key as the new one; anything less and the
//! new key is refused, nothing stored: the contact is then updated the
//! ordinary way and verified by phone.

use crate::audit::{self, Action, Event, Outcome};
use crate::certification::Method;
use crate::contacts::{self, Contact};
use crate::error::{CertProblem, Error, Result};
use crate::identity::Purpose;
use crate::Context;
use openpgp::parse::stream::{MessageLayer, MessageStructure, VerificationHelper, VerifierBuilder};
use openpgp::parse::Parse;
use openpgp::types::SignatureType;
use openpgp::{Cert, Fingerprint, KeyHandle, Packet};
use sequoia_openpgp as openpgp;
use std::io::Read;
use std::path::Path;

/// The largest statement read: a few lines and two signatures.
const MAX_STATEMENT_BYTES: u64 = 64 * 1024;

/// Accepts `key_file` as the new key of the verified contact `alias` on
/// the strength of `statement`.
pub fn accept(ctx: &mut Context<'_>, alias: &str, key_file: &Path, statement: &Path) -> Result<Contact> {
    let current = contacts::get(ctx, alias)?;
    let refuse = |why: String| Error::TransitionRefused(why);
    let (Some(old), Some(_)) = (current.cert().cloned(), current.verification.as_ref()) else {
        return Err(refuse(crate::tr!("transition-not-verified", alias = alias.to_owned())));
    };
    // A key revoked as compromised (or without a reason, as the revocation
    // made at creation is) may be in someone else's hands: its word counts
    // for nothing.
    if matches!(crate::revoke::revoked(&old, ctx.now), Some("compromised" | "unspecified")) {
        return Err(refuse(crate::tr!("transition-old-compromised", alias = alias.to_owned())));
    }
    let new = contacts::read_key_file(key_file)?;
    if new.fingerprint() == old.fingerprint() {
        return Err(refuse(crate::tr!("transition-same-key")));
    }
    crate::policy::check_contact_cert(&new, ctx.now).map_err(Error::CertRejected)?;
    if new.is_tsk() {
        return Err(Error::CertRejected(CertProblem::SecretKeyMaterial));
    }
    let text = read_statement(statement)?;
    let (said, signers) = verify(&text, &old, &new).ok_or_else(|| refuse(crate::tr!("transition-bad-signatures")))?;
    if !(signers.contains(&old.fingerprint()) && signers.contains(&new.fingerprint())) {
        return Err(refuse(crate::tr!("transition-bad-signatures")));
    }
    let group = crate::fingerprint::hex_groups;
    let names =
        |label: &str, fpr: &Fingerprint| said.lines().any(|l| l.trim() == format!("{label}: {}", group(&fpr.to_hex())));
    if !(names("Old key", &old.fingerprint()) && names("New key", &new.fingerprint())) {
        return Err(refuse(crate::tr!("transition-wrong-keys")));
    }
    let unlocked = ctx.unlock(Purpose::Sign)?;
    let mut signer = unlocked.signer().clone();
    let certified = crate::certification::certify(&mut signer, &new, alias, Method::KeyTransition, ctx.now)?;
    contacts::store_certified(ctx, alias, &certified)?;
    let contact = contacts::get(ctx, alias)?;
    audit::record(
        ctx,
        Event::new(Action::ContactUpdate, Outcome::Success)
            .contact(alias, &new.fingerprint().to_hex())
            .detail(format!("key changed from {} by key-transition statement", old.fingerprint().to_hex())),
    )?;
    Ok(contact)
}

fn read_statement(path: &Path) -> Result<Vec<u8>> {
    let fail = |reason: String| Error::KeyFile { path: path.to_path_buf(), reason };
    let file = std::fs::File::open(path).map_err(|e| fail(crate::error::io_reason(&e)))?;
    let mut bytes = Vec::new();
    file.take(MAX_STATEMENT_BYTES + 1).read_to_end(&mut bytes).map_err(|e| fail(crate::error::io_reason(&e)))?;
    if bytes.len() as u64 > MAX_STATEMENT_BYTES {
        return Err(Error::TransitionRefused(crate::tr!("transition-bad-signatures")));
    }
    Ok(bytes)
}

/// The statement's text and the keys whose signatures over it verify. The
/// old key is checked without its revocation: it was revoked as
/// superseded just before it signed, which does not undo what it says.
fn verify(statement: &[u8], old: &Cert, new: &Cert) -> Option<(String, Vec<Fingerprint>)> {
    let unrevoked = Cert::from_packets(
        old.clone()
            .into_packets()
            .filter(|p| !matches!(p, Packet::Signature(s) if s.typ() == SignatureType::KeyRevocation)),
    )
    .ok()?;
    let helper = Helper { certs: vec![unrevoked, new.clone()], good: Vec::new() };
    let policy = crate::policy::standard();
    crate::guard::untrusted(
        || {
            let mut verifier = VerifierBuilder::from_bytes(statement)
                .and_then(|b| b.with_policy(policy, None, helper))
                .map_err(|e| Error::TransitionRefused(e.to_string()))?;
            let mut text = String::new();
            verifier.read_to_string(&mut text).map_err(|e| Error::TransitionRefused(e.to_string()))?;
            let good = verifier.into_helper().good;
            Ok((text, good))
        },
        || Error::TransitionRefused(String::new()),
    )
    .ok()
}

struct Helper {
    certs: Vec<Cert>,
    good: Vec<Fingerprint>,
}

impl VerificationHelper for Helper {
    fn get_certs(&mut self, _ids: &[KeyHandle]) -> openpgp::Result<Vec<Cert>> {
        Ok(self.certs.clone())
    }

    fn check(&mut self, structure: MessageStructure) -> openpgp::Result<()> {
        for layer in structure.into_iter() {
            if let MessageLayer::SignatureGroup { results } = layer {
                self.good.extend(results.into_iter().flatten().map(|g| g.ka.cert().fingerprint()));
            }
        }
        Ok(())
    }
}
