//! carepost's certification of a contact's key: what "verified" means.
//!
//! A verification is a non-exportable certification made with the
//! identity's own key over the contact's user IDs, carrying the method and
//! the alias as notations. "Verified" is computed from that signature, so
//! editing the state database cannot fake it. This module is pure: it makes
//! and reads such certifications and touches no storage (the `contact
//! verify` use case is in [`crate::verify`], the contact list in
//! [`crate::contacts`]).

use crate::error::{Error, Result};
use openpgp::crypto::Signer;
use openpgp::packet::signature::subpacket::NotationDataFlags;
use openpgp::packet::signature::SignatureBuilder;
use openpgp::types::SignatureType;
use openpgp::Cert;
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::time::SystemTime;

const METHOD_NOTATION: &str = "method@carepost.invalid";
const ALIAS_NOTATION: &str = "alias@carepost.invalid";

/// How the fingerprint was heard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    Phone,
    InPerson,
    Video,
    /// Not heard: vouched for by the contact's previous key, verified
    /// before, in a key-transition statement (see [`crate::transition`]).
    KeyTransition,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Phone => "phone",
            Method::InPerson => "in-person",
            Method::Video => "video",
            Method::KeyTransition => "key-transition",
        }
    }
}

/// A contact's verification, as read from carepost's certification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub at: SystemTime,
    pub method: Option<String>,
}

/// Reads carepost's certification of `cert` by `own`, if valid now.
pub fn status(own: &Cert, alias: &str, cert: &Cert, now: SystemTime) -> Option<Verification> {
    let policy = crate::policy::standard();
    let issuer = own.primary_key().key().role_as_unspecified();
    cert.userids()
        .flat_map(|ua| ua.valid_certifications_by_key(policy, now, issuer).cloned().collect::<Vec<_>>())
        .filter(|sig| sig.notation(ALIAS_NOTATION).any(|v| v == alias.as_bytes()))
        .filter_map(|sig| {
            let at = sig.signature_creation_time()?;
            let method = sig.notation(METHOD_NOTATION).next().map(|v| String::from_utf8_lossy(v).into_owned());
            Some(Verification { at, method })
        })
        .max_by_key(|v| v.at)
}

/// Certifies every user ID of `cert` as heard by `method` under `alias`,
/// signed by `signer` (the identity's primary key) at `now`.
pub fn certify(signer: &mut dyn Signer, cert: &Cert, alias: &str, method: Method, now: SystemTime) -> Result<Cert> {
    let mut cert = cert.clone();
    let userids: Vec<_> = cert.userids().map(|ua| ua.userid().clone()).collect();
    for userid in userids {
        let sig = SignatureBuilder::new(SignatureType::PositiveCertification)
            .set_signature_creation_time(now)
            .and_then(|b| b.set_exportable_certification(false))
            .and_then(|b| {
                b.add_notation(METHOD_NOTATION, method.as_str(), NotationDataFlags::empty().set_human_readable(), false)
            })
            .and_then(|b| b.add_notation(ALIAS_NOTATION, alias, NotationDataFlags::empty().set_human_readable(), false))
            .and_then(|b| b.sign_userid_binding(signer, cert.primary_key().key(), &userid))
            .map_err(|e| Error::Internal(e.to_string()))?;
        cert = cert
            .insert_packets(vec![openpgp::Packet::from(userid), sig.into()])
            .map_err(|e| Error::Internal(e.to_string()))?
            .0;
    }
    Ok(cert)
}
