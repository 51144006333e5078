//! Who signed an opened message, in the contact book's terms: the
//! sender's status, its audit record, and the intended recipients its
//! signature names.

use super::helper::Findings;
use crate::audit::{Action, Event, Outcome};
use crate::contacts::Contact;
use openpgp::Cert;
use sequoia_openpgp as openpgp;
use serde::Serialize;

/// Ordered from weakest to strongest, so that `min` is the status that
/// every layer of a message agrees on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SenderStatus {
    /// Not signed at all.
    Unsigned,
    /// Signed by a key not in the contact book.
    Unknown,
    /// Signed by a known contact that is not verified.
    Unverified,
    /// Signed by a verified contact (or by this identity itself).
    Verified,
}

impl SenderStatus {
    /// The status as a person reads it, in their language (`as_str` is
    /// the code for JSON and the audit log).
    pub fn label(self) -> String {
        match self {
            SenderStatus::Verified => crate::tr!("sender-status-verified"),
            SenderStatus::Unverified => crate::tr!("sender-status-unverified"),
            SenderStatus::Unknown => crate::tr!("sender-status-unknown"),
            SenderStatus::Unsigned => crate::tr!("sender-status-unsigned"),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SenderStatus::Verified => "verified",
            SenderStatus::Unverified => "unverified",
            SenderStatus::Unknown => "unknown",
            SenderStatus::Unsigned => "unsigned",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Sender {
    pub status: SenderStatus,
    pub alias: Option<String>,
    pub fingerprint: Option<String>,
    /// The document was signed by this identity (e.g. reopening a copy
    /// from the outbox).
    #[serde(rename = "self")]
    pub own: bool,
}

impl Sender {
    /// The audit record of opening something this sender signed (or did
    /// not), for one document or none: `open FILE` and `open MESSAGE.eml`
    /// record the same.
    pub fn open_event(&self, outcome: Outcome, document: Option<(&str, u64)>) -> Event {
        let mut event = Event::new(Action::Open, outcome);
        if let Some((sha256, size)) = document {
            event = event.document(sha256, size);
        }
        match (&self.alias, &self.fingerprint) {
            (Some(alias), Some(fingerprint)) => event.contact(alias, fingerprint),
            (None, Some(fingerprint)) => event.fingerprint(fingerprint),
            _ => event,
        }
    }
}

/// The intended recipients recorded for the signature of `sender`.
pub(super) fn intended_of(findings: &Findings, sender: &Sender) -> Option<Vec<String>> {
    let fingerprint = sender.fingerprint.as_deref()?;
    findings
        .intended
        .iter()
        .find(|(signer, _)| signer.to_hex() == fingerprint)
        .map(|(_, list)| list.iter().map(|f| f.to_hex()).collect())
}

pub(super) fn sender_of(findings: &Findings, own: &Cert, contacts: &[Contact]) -> Sender {
    let mut best: Option<Sender> = None;
    for fingerprint in &findings.good {
        let candidate = if *fingerprint == own.fingerprint() {
            Sender { status: SenderStatus::Verified, alias: None, fingerprint: Some(fingerprint.to_hex()), own: true }
        } else {
            let contact = contacts.iter().find(|c| c.cert().is_some_and(|cert| cert.fingerprint() == *fingerprint));
            Sender {
                status: if contact.is_some_and(Contact::is_verified) {
                    SenderStatus::Verified
                } else {
                    SenderStatus::Unverified
                },
                alias: contact.map(|c| c.alias.clone()),
                fingerprint: Some(fingerprint.to_hex()),
                own: false,
            }
        };
        if best.as_ref().is_none_or(|b| candidate.status > b.status) {
            best = Some(candidate);
        }
    }
    best.unwrap_or_else(|| match findings.unknown.first() {
        Some(issuer) => {
            Sender { status: SenderStatus::Unknown, alias: None, fingerprint: Some(issuer.clone()), own: false }
        }
        None => Sender { status: SenderStatus::Unsigned, alias: None, fingerprint: None, own: false },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sender_statuses_are_ordered_from_weakest_to_strongest() {
        assert!(SenderStatus::Unsigned < SenderStatus::Unknown);
        assert!(SenderStatus::Unknown < SenderStatus::Unverified);
        assert!(SenderStatus::Unverified < SenderStatus::Verified);
    }
}
