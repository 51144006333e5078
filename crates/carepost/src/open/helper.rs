//! The Sequoia side of opening: the helper that picks our decryption keys
//! and the signers' certificates, and records what it saw in [`Findings`]
//! so that the reason for a failure survives however Sequoia reports it.

use crate::error::{Error, MessageProblem};
use openpgp::crypto::{KeyPair, Password, SessionKey};
use openpgp::packet::{PKESK, SKESK};
use openpgp::parse::stream::{DecryptionHelper, MessageLayer, MessageStructure, VerificationError, VerificationHelper};
use openpgp::parse::PacketParser;
use openpgp::types::SymmetricAlgorithm;
use openpgp::{Cert, KeyHandle, Packet};
use sequoia_openpgp as openpgp;
use std::sync::{Arc, Mutex};

/// State shared between the Sequoia helper and the caller, so that the
/// reason for a failure survives however Sequoia reports it.
#[derive(Default)]
pub(super) struct Findings {
    pub(super) problem: Option<MessageProblem>,
    pub(super) filename: Option<Vec<u8>>,
    pub(super) encrypted: bool,
    pub(super) compressed: bool,
    /// Primary fingerprints of keys with a good signature.
    pub(super) good: Vec<openpgp::Fingerprint>,
    /// The Intended Recipient Fingerprints of each good signature that
    /// carries any, by signer.
    pub(super) intended: Vec<(openpgp::Fingerprint, Vec<openpgp::Fingerprint>)>,
    /// Issuers of signatures whose key we do not have.
    pub(super) unknown: Vec<String>,
    /// One of our keys yielded a session key (so a later failure means
    /// damage, not "not for us").
    pub(super) session_key_found: bool,
    /// The password (not our key) yielded the session key.
    pub(super) opened_by_password: bool,
}

pub(super) struct Helper {
    pub(super) decryptors: Vec<KeyPair>,
    pub(super) own: Cert,
    /// The keys this home had before `init --replace`, whose secret
    /// parts may be among `decryptors`.
    pub(super) previous: Vec<Cert>,
    pub(super) contacts: Vec<Cert>,
    pub(super) findings: Arc<Mutex<Findings>>,
    /// Checking a detached signature: there is no encryption layer.
    pub(super) detached: bool,
    /// The password the user gave for a password-protected message
    /// (SKESK), as typed and then in its normal form; tried only when
    /// none of our keys opens it. Empty: no password given.
    pub(super) passwords: Vec<Password>,
}

impl Helper {
    /// The certificate `keypair` belongs to: ours, or a key it replaced,
    /// so that the intended recipients are checked against the key the
    /// message was really for.
    fn owner_in(own: &Cert, previous: &[Cert], keypair: &KeyPair) -> Cert {
        let handle = keypair.public().key_handle();
        let has = |c: &Cert| c.keys().any(|k| handle.aliases(k.key().key_handle()));
        previous.iter().find(|c| !has(own) && has(c)).cloned().unwrap_or_else(|| own.clone())
    }

    fn reject(&self, problem: MessageProblem) -> anyhow::Error {
        self.findings.lock().expect("not poisoned").problem = Some(problem.clone());
        anyhow::Error::new(Error::MessageRejected(problem))
    }
}

impl VerificationHelper for Helper {
    fn inspect(&mut self, pp: &PacketParser) -> openpgp::Result<()> {
        if let Packet::Literal(literal) = &pp.packet {
            self.findings.lock().expect("not poisoned").filename = literal.filename().map(<[u8]>::to_vec);
        }
        Ok(())
    }

    fn get_certs(&mut self, ids: &[KeyHandle]) -> openpgp::Result<Vec<Cert>> {
        let matches = |cert: &Cert| cert.keys().any(|k| ids.iter().any(|id| id.aliases(k.key().key_handle())));
        let mut certs: Vec<Cert> = self.contacts.iter().filter(|c| matches(c)).cloned().collect();
        if matches(&self.own) {
            certs.push(self.own.clone());
        }
        Ok(certs)
    }

    fn check(&mut self, structure: MessageStructure) -> openpgp::Result<()> {
        let mut bad = None;
        {
            let mut findings = self.findings.lock().expect("not poisoned");
            for layer in structure.into_iter() {
                match layer {
                    MessageLayer::Encryption { .. } => findings.encrypted = true,
                    MessageLayer::Compression { .. } => findings.compressed = true,
                    MessageLayer::SignatureGroup { results } => {
                        for result in results {
                            match result {
                                Ok(good) => {
                                    let signer = good.ka.cert().fingerprint();
                                    let intended: Vec<_> = good.sig.intended_recipients().cloned().collect();
                                    if !intended.is_empty() {
                                        findings.intended.push((signer.clone(), intended));
                                    }
                                    findings.good.push(signer);
                                }
                                Err(VerificationError::MissingKey { sig }) => {
                                    let issuer = sig
                                        .issuer_fingerprints()
                                        .next()
                                        .map(|f| f.to_hex())
                                        .or_else(|| sig.issuers().next().map(|k| k.to_hex()))
                                        .unwrap_or_default();
                                    findings.unknown.push(issuer);
                                }
                                Err(VerificationError::BadKey { ka, .. })
                                | Err(VerificationError::BadSignature { ka, .. }) => {
                                    bad.get_or_insert_with(|| ka.cert().fingerprint().to_hex());
                                }
                                Err(VerificationError::UnboundKey { cert, .. }) => {
                                    bad.get_or_insert_with(|| cert.fingerprint().to_hex());
                                }
                                Err(VerificationError::MalformedSignature { sig, .. }) => {
                                    bad.get_or_insert_with(|| {
                                        sig.issuers().next().map(|k| k.to_hex()).unwrap_or_default()
                                    });
                                }
                                // Signatures from the future (unknown versions or
                                // algorithms) neither help nor hurt.
                                Err(_) => {}
                            }
                        }
                    }
                }
            }
        }
        let encrypted = self.findings.lock().expect("not poisoned").encrypted;
        if !encrypted && !self.detached {
            return Err(self.reject(MessageProblem::NotEncrypted));
        }
        if let Some(who) = bad {
            return Err(self.reject(MessageProblem::BadSignature(who)));
        }
        Ok(())
    }
}

impl DecryptionHelper for Helper {
    fn decrypt(
        &mut self,
        pkesks: &[PKESK],
        skesks: &[SKESK],
        sym_algo: Option<SymmetricAlgorithm>,
        decrypt: &mut dyn FnMut(Option<SymmetricAlgorithm>, &SessionKey) -> bool,
    ) -> openpgp::Result<Option<Cert>> {
        let findings = Arc::clone(&self.findings);
        let mut with_key = |algo: Option<SymmetricAlgorithm>, sk: &SessionKey| {
            findings.lock().expect("not poisoned").session_key_found = true;
            decrypt(algo, sk)
        };
        let (own, previous) = (self.own.clone(), self.previous.clone());
        let owner = |keypair: &KeyPair| Helper::owner_in(&own, &previous, keypair);
        // First the packets addressed to one of our keys, then anonymous
        // ones (no recipient given) with every key.
        let mut addressed_to_us = false;
        for pkesk in pkesks {
            let Some(recipient) = pkesk.recipient() else {
                continue;
            };
            for keypair in self.decryptors.iter_mut() {
                if recipient.aliases(keypair.public().key_handle()) {
                    addressed_to_us = true;
                    if let Some((algo, sk)) = pkesk.decrypt(keypair, sym_algo) {
                        if with_key(algo, &sk) {
                            return Ok(Some(owner(keypair)));
                        }
                    }
                }
            }
        }
        for pkesk in pkesks.iter().filter(|p| p.recipient().is_none()) {
            for keypair in self.decryptors.iter_mut() {
                if let Some((algo, sk)) = pkesk.decrypt(keypair, sym_algo) {
                    if with_key(algo, &sk) {
                        return Ok(Some(owner(keypair)));
                    }
                }
            }
        }
        if self.findings.lock().expect("not poisoned").session_key_found {
            // Our key worked, but the encrypted data did not check out:
            // damaged, altered or cut short.
            return Err(self.reject(MessageProblem::Tampered));
        }
        // A wrong password yields a wrong session key, which the
        // decryption's quick check refuses (a SKESK that carries an
        // encrypted session key usually fails before that).
        for password in &self.passwords {
            for skesk in skesks {
                let Ok((algo, sk)) = skesk.decrypt(password) else {
                    continue;
                };
                if decrypt(algo, &sk) {
                    let mut findings = self.findings.lock().expect("not poisoned");
                    findings.session_key_found = true;
                    findings.opened_by_password = true;
                    return Ok(None);
                }
            }
        }
        if addressed_to_us {
            // The key packet names our key but does not decrypt with it:
            // the packet is damaged, the file is still for us.
            return Err(self.reject(MessageProblem::Damaged));
        }
        if !skesks.is_empty() {
            return Err(self.reject(match self.passwords.is_empty() {
                false => MessageProblem::WrongPassword,
                true => MessageProblem::PasswordOnly,
            }));
        }
        let ids = pkesks.iter().filter_map(|p| p.recipient()).map(|h| h.to_hex()).collect();
        Err(self.reject(MessageProblem::NotForUs(ids)))
    }
}
