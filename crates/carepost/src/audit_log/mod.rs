//! The audit log: an append-only record of everything carepost did, after
//! NEN 7513 (who, what, when, for which pseudonymous contact, outcome),
//! that shows tampering.
//!
//! Records are JSON lines in `HOME/audit.log`. Each carries the SHA-256 of
//! the record before it, so editing, deleting or reordering a record breaks
//! the chain; the sequence number and hash of the newest record are kept
//! in the state database too, so cutting off the tail is detected as well.
//! Appends are serialised by the database's write lock, so concurrent
//! carepost processes never interleave or lose records.
//!
//! Each line is checked byte for byte: a record must be exactly what
//! carepost writes (no added fields, no reordered keys, no changed
//! whitespace), so the hash covers the line as it is on disk.
//!
//! The last record of every batch written by a command that unlocked the
//! identity carries a signature by the identity's key over that record's
//! hash, and so over the whole chain before it: a signed checkpoint.
//! Records after the last checkpoint are reported as unsigned.
//!
//! Records hold aliases, fingerprints, hashes and sizes — never document
//! content, file names, or the names in a patient's certificate.
//!
//! This module owns the log file and knows nothing of a command's context:
//! what an event is, how a record is hashed, signed and read back byte for
//! byte, and (in [`chain`]) appending after the head, the anchors in the
//! state database, and reading the log back. Recording what a command did,
//! `log --check` and `carepost log` are in [`crate::audit`], on top of it.

mod chain;

pub(crate) use chain::{append, read_anchor};
pub use chain::{check_state_agrees, read_verified, reset_anchors};

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// The `prev` of the very first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
/// Domain separation for record hashes.
const HASH_PREFIX: &[u8] = b"carepost-audit-v1\n";
/// Domain separation for checkpoint signatures.
const CHECKPOINT_PREFIX: &[u8] = b"carepost-audit-checkpoint-v1\n";

/// What happened, as a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Init,
    ContactAdd,
    ContactUpdate,
    ContactRemove,
    Verify,
    Send,
    Open,
    View,
    Export,
    Purge,
    RetentionSet,
    LogCut,
    /// Email delivery settings changed (`mail setup`).
    MailSetup,
    /// An encrypted email handed to the mail server (or the attempt).
    MailSend,
    /// A pending email the user chose not to send (`mail cancel`).
    MailCancel,
    /// The identity's passphrase moved into the OS keychain
    /// (`passphrase --to-keychain`).
    PassphraseToKeychain,
    /// The identity's passphrase moved out of the keychain into a file
    /// (`passphrase --from-keychain`).
    PassphraseFromKeychain,
    /// Keys written into a Web Key Directory tree (`publish wkd`), or a
    /// key refused for it.
    PublishWkd,
    /// A contact's key fetched again from where it came from
    /// (`contact refresh`), with what came of it.
    ContactRefresh,
    /// The own public key uploaded to a key server (`publish keyserver`).
    PublishKeyserver,
    /// An accountability report made (`report`), for one contact with
    /// `--contact`.
    Report,
    /// A printable patient leaflet written (`leaflet`): its language, and
    /// the contact it was made for, if any.
    Leaflet,
    /// A patient's consent to this channel recorded (`contact consent
    /// --give`, `contact add --consent`): how, and whether a note was kept.
    ConsentGive,
    /// A patient withdrew consent (`contact consent --withdraw`).
    ConsentWithdraw,
    /// The home written to an encrypted backup file (`backup`).
    Backup,
    /// A home made from a backup (`restore`): the first record written
    /// after the restored chain.
    Restore,
    /// The identity's expiry moved later (`renew`).
    Renew,
    /// The identity revoked (`revoke`), with its reason.
    Revoke,
    /// A new identity replacing a revoked one in the same home
    /// (`init --replace`), with the transition statement.
    KeyReplace,
    /// The identity's key re-protected with another passphrase
    /// (`passphrase change`).
    PassphraseChange,
}

impl Action {
    pub fn code(self) -> &'static str {
        match self {
            Action::Init => "init",
            Action::ContactAdd => "contact-add",
            Action::ContactUpdate => "contact-update",
            Action::ContactRemove => "contact-remove",
            Action::Verify => "verify",
            Action::Send => "send",
            Action::Open => "open",
            Action::View => "view",
            Action::Export => "export",
            Action::Purge => "purge",
            Action::RetentionSet => "retention-set",
            Action::LogCut => "log-cut",
            Action::MailSetup => "mail-setup",
            Action::MailSend => "mail-send",
            Action::MailCancel => "mail-cancel",
            Action::PassphraseToKeychain => "passphrase-to-keychain",
            Action::PassphraseFromKeychain => "passphrase-from-keychain",
            Action::PublishWkd => "publish-wkd",
            Action::ContactRefresh => "contact-refresh",
            Action::PublishKeyserver => "publish-keyserver",
            Action::Report => "report",
            Action::Leaflet => "leaflet",
            Action::ConsentGive => "consent-give",
            Action::ConsentWithdraw => "consent-withdraw",
            Action::Backup => "backup",
            Action::Restore => "restore",
            Action::Renew => "renew",
            Action::Revoke => "revoke",
            Action::KeyReplace => "key-replace",
            Action::PassphraseChange => "passphrase-change",
        }
    }

    pub const ALL: [Action; 30] = [
        Action::Init,
        Action::ContactAdd,
        Action::ContactUpdate,
        Action::ContactRemove,
        Action::Verify,
        Action::Send,
        Action::Open,
        Action::View,
        Action::Export,
        Action::Purge,
        Action::RetentionSet,
        Action::LogCut,
        Action::MailSetup,
        Action::MailSend,
        Action::MailCancel,
        Action::PassphraseToKeychain,
        Action::PassphraseFromKeychain,
        Action::PublishWkd,
        Action::ContactRefresh,
        Action::PublishKeyserver,
        Action::Report,
        Action::Leaflet,
        Action::ConsentGive,
        Action::ConsentWithdraw,
        Action::Backup,
        Action::Restore,
        Action::Renew,
        Action::Revoke,
        Action::KeyReplace,
        Action::PassphraseChange,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Refused,
    Failed,
}

impl Outcome {
    fn code(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Refused => "refused",
            Outcome::Failed => "failed",
        }
    }
}

/// One thing to record. Everything optional is left out when `None`.
#[derive(Debug, Clone)]
pub struct Event {
    pub action: Action,
    pub outcome: Outcome,
    pub contact: Option<String>,
    pub fingerprint: Option<String>,
    pub document_sha256: Option<String>,
    pub document_size: Option<u64>,
    /// Why (a refusal reason, the user's reason for an exception, a
    /// detail such as the sender's status). Never names or content.
    pub detail: Option<String>,
}

impl Event {
    pub fn new(action: Action, outcome: Outcome) -> Event {
        Event {
            action,
            outcome,
            contact: None,
            fingerprint: None,
            document_sha256: None,
            document_size: None,
            detail: None,
        }
    }

    pub fn contact(mut self, alias: &str, fingerprint: &str) -> Event {
        self.contact = Some(alias.to_owned());
        self.fingerprint = Some(fingerprint.to_owned());
        self
    }

    pub fn fingerprint(mut self, fingerprint: &str) -> Event {
        self.fingerprint = Some(fingerprint.to_owned());
        self
    }

    pub fn document(mut self, sha256: &str, size: u64) -> Event {
        self.document_sha256 = Some(sha256.to_owned());
        self.document_size = Some(size);
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Event {
        self.detail = Some(detail.into());
        self
    }
}

/// A record as stored: the fields of NEN 7513 plus the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub seq: u64,
    pub id: String,
    pub time: String,
    pub actor: String,
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_size: Option<u64>,
    pub outcome: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// A checkpoint: the identity's signature (hex, one OpenPGP signature
    /// packet) over this record's hash without the signature, and so
    /// over every record before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// Marks the last record one command wrote at once: records past the
    /// state's head that span more than one batch were not left by a
    /// crash, so the state is older than the log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_end: Option<bool>,
    pub prev: String,
    #[serde(default)]
    pub hash: String,
}

impl Record {
    /// The hash over every field but `hash` itself.
    pub fn compute_hash(&self) -> String {
        let mut body = self.clone();
        body.hash = String::new();
        let json = serde_json::to_vec(&body).expect("plain data serializes");
        let mut context =
            sequoia_openpgp::types::HashAlgorithm::SHA256.context().expect("SHA-256 is supported").for_digest();
        context.update(HASH_PREFIX);
        context.update(&json);
        crate::hashing::hex_digest(context).expect("SHA-256 digests")
    }

    /// What a checkpoint signature signs: the hash of the record without
    /// its signature.
    fn checkpoint_message(&self) -> Vec<u8> {
        let mut body = self.clone();
        body.signature = None;
        let mut message = CHECKPOINT_PREFIX.to_vec();
        message.extend_from_slice(body.compute_hash().as_bytes());
        message
    }

    /// Makes this record a checkpoint signed by `signer`.
    fn sign(&mut self, signer: &mut sequoia_openpgp::crypto::KeyPair) -> Result<()> {
        use sequoia_openpgp::serialize::MarshalInto;
        let signature =
            sequoia_openpgp::packet::signature::SignatureBuilder::new(sequoia_openpgp::types::SignatureType::Binary)
                .sign_message(signer, self.checkpoint_message())
                .and_then(|s| sequoia_openpgp::Packet::from(s).to_vec())
                .map_err(|e| Error::Internal(e.to_string()))?;
        self.signature = Some(sequoia_openpgp::fmt::hex::encode(signature).to_lowercase());
        Ok(())
    }

    /// Whether this checkpoint's signature was made by a signing key of
    /// `cert` that was valid when it signed.
    pub(crate) fn signature_verifies(&self, cert: &sequoia_openpgp::Cert) -> bool {
        use sequoia_openpgp::parse::Parse;
        let Some(hex) = &self.signature else { return false };
        let Ok(bytes) = sequoia_openpgp::fmt::hex::decode(hex) else { return false };
        let Ok(sequoia_openpgp::Packet::Signature(signature)) = sequoia_openpgp::Packet::from_bytes(&bytes) else {
            return false;
        };
        let Some(when) = signature.signature_creation_time() else { return false };
        let Ok(valid) = cert.with_policy(crate::policy::standard(), when) else { return false };
        let message = self.checkpoint_message();
        valid.keys().for_signing().any(|ka| signature.verify_message(ka.key(), &message).is_ok())
    }

    /// Parses one line of the log, accepting it only when it is exactly
    /// the bytes carepost writes for that record: a reordered key, added
    /// whitespace, an escape written differently or an unknown field all
    /// make it unreadable, so the hash stands for the line itself.
    pub fn parse_line(line: &str) -> Option<Record> {
        let record: Record = serde_json::from_str(line).ok()?;
        let canonical = serde_json::to_string(&record).ok()?;
        (canonical == line).then_some(record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(seq: u64, prev: &str) -> Record {
        let mut r = Record {
            seq,
            id: "00".into(),
            time: "2026-11-23T10:00:00Z".into(),
            actor: "FPR".into(),
            action: "send".into(),
            contact: Some("p-1".into()),
            fingerprint: Some("AB".into()),
            document_sha256: None,
            document_size: None,
            outcome: "success".into(),
            detail: None,
            signature: None,
            batch_end: None,
            prev: prev.into(),
            hash: String::new(),
        };
        r.hash = r.compute_hash();
        r
    }

    #[test]
    fn every_field_is_covered_by_the_hash() {
        let r = record(1, GENESIS);
        let mut changed = r.clone();
        changed.contact = Some("p-2".into());
        assert_ne!(changed.compute_hash(), r.hash);
        let mut changed = r.clone();
        changed.outcome = "refused".into();
        assert_ne!(changed.compute_hash(), r.hash);
        let mut changed = r.clone();
        changed.prev = "ff".into();
        assert_ne!(changed.compute_hash(), r.hash);
        assert_eq!(r.compute_hash(), r.hash);
    }

    #[test]
    fn records_round_trip_through_json() {
        let r = record(7, GENESIS);
        let line = serde_json::to_string(&r).unwrap();
        assert!(!line.contains("document_size"));
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.compute_hash(), r.hash);
    }

    #[test]
    fn action_codes_are_unique() {
        let codes: std::collections::BTreeSet<_> = Action::ALL.iter().map(|a| a.code()).collect();
        assert_eq!(codes.len(), Action::ALL.len());
    }
}
