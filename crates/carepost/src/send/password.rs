//! The OpenPGP form for a patient without a key: one message that a
//! password opens and that the sender's own key opens too.
//!
//! The packets, in order: a PKESK (v3) to each of our own encryption
//! subkeys, one SKESK (v4: AES-256, iterated and salted S2K with
//! [`S2K_HASH`] over [`S2K_HASH_BYTES`] bytes), then SEIPDv1 around a
//! one-pass-signed literal packet named after the document, with no
//! compression. GnuPG 2.2, GPG4Win/Kleopatra and OpenKeychain read this;
//! SEIPDv2 and SKESK v6 (which Sequoia would pick for a key that
//! advertises them) are not read by GnuPG 2.2, and the Argon2 S2K not by
//! any GnuPG before 2.5, so neither is ever written here.
//!
//! Sequoia's `Encryptor::add_passwords` writes its own default S2K, so
//! the key packets are written here and the encryptor is given the
//! session key ([`Encryptor::with_session_key`]); with no recipients of
//! its own it writes SEIPDv1.

use super::{Progress, Recipients, Sealer, CHUNK, SIGNATURE_HASH};
use crate::error::Result;
use crate::password::SpokenPassword;
use crate::policy;
use crate::Context;
use openpgp::crypto::{Password, SessionKey, S2K};
use openpgp::packet::pkesk::PKESK3;
use openpgp::packet::skesk::SKESK4;
use openpgp::serialize::stream::{Armorer, Encryptor, LiteralWriter, Message, Recipient, Signer};
use openpgp::serialize::Serialize;
use openpgp::types::{DataFormat, HashAlgorithm};
use openpgp::{Cert, Packet};
use sequoia_openpgp as openpgp;
use std::io::{BufWriter, Read, Write};

/// The S2K's hash. At a fixed number of hashed bytes the defender pays
/// about the same on a 64-bit CPU (SHA-512 works on 128-byte blocks with
/// 64-bit words, and is not slower there than SHA-256 without SHA-NI),
/// while GPUs, which guess passwords, are two to three times slower per
/// byte on SHA-512's 64-bit arithmetic. See docs/design.md for the
/// measurements.
pub const S2K_HASH: HashAlgorithm = HashAlgorithm::SHA512;
/// Bytes the S2K hashes: the largest count the one-byte encoding holds
/// (0xff = 65011712), which GnuPG also takes as its maximum
/// (`--s2k-count`).
pub const S2K_HASH_BYTES: u32 = 65_011_712;

impl Sealer {
    /// A sealer with no recipient but ourselves: for documents that reach
    /// the patient in the password form, whose only key packet besides the
    /// password is our own.
    pub fn without_recipients(ctx: &mut Context<'_>) -> Result<Sealer> {
        Sealer::new(ctx, &Recipients { contacts: Vec::new(), unverified_ok: None, warnings: Vec::new() })
    }

    /// The OpenPGP form for a patient without a key: one message that the
    /// password opens (SKESK v4, AES-256, the strongest S2K GnuPG 2.2
    /// reads) and that the sender's own key opens too (PKESK to our own
    /// encryption subkey), SEIPDv1, signed by us. Returns the document's
    /// SHA-256 (hex) and length, as `seal` does.
    pub fn seal_for_password(
        &self,
        input: &mut dyn Read,
        sink: &mut (dyn Write + Send + Sync),
        literal_name: &[u8],
        armor: bool,
        password: &SpokenPassword,
        progress: &dyn Progress,
    ) -> openpgp::Result<(String, u64)> {
        let password = Password::from(password.as_str());
        self.seal_with_password(input, sink, literal_name, armor, &password, progress)
    }

    /// [`Sealer::seal_for_password`] with any password, as the bytes to
    /// type (the spoken password's text, or a test's own).
    pub fn seal_with_password(
        &self,
        input: &mut dyn Read,
        sink: &mut (dyn Write + Send + Sync),
        literal_name: &[u8],
        armor: bool,
        password: &Password,
        progress: &dyn Progress,
    ) -> openpgp::Result<(String, u64)> {
        let own = self.own_cert();
        let vc = own.with_policy(policy::standard(), self.now)?;
        let own_keys = policy::encryption_keys(&vc);
        if own_keys.is_empty() {
            // Sealer::new checked this; never a message only the password opens.
            return Err(crate::Error::IdentityUnusable(crate::tr!("identity-cannot-encrypt")).into());
        }
        let session_key = SessionKey::new(policy::SYMMETRIC.key_size()?)?;

        let mut out = BufWriter::with_capacity(CHUNK, sink);
        let mut message = Message::new(&mut out);
        if armor {
            message = Armorer::new(message).kind(openpgp::armor::Kind::Message).build()?;
        }
        for key in &own_keys {
            let pkesk = PKESK3::for_recipient(policy::SYMMETRIC, &session_key, key.key())?;
            Packet::PKESK(pkesk.into()).serialize(&mut message)?;
        }
        let s2k = S2K::new_iterated(S2K_HASH, S2K_HASH_BYTES)?;
        let skesk = SKESK4::with_password(policy::SYMMETRIC, policy::SYMMETRIC, s2k, &session_key, password)?;
        Packet::SKESK(skesk.into()).serialize(&mut message)?;
        let message = Encryptor::with_session_key(message, policy::SYMMETRIC, session_key)?.build()?;
        let message = Signer::new(message, self.signer.clone())?
            .hash_algo(SIGNATURE_HASH)?
            .creation_time(self.now)
            .add_intended_recipient(own)
            .build()?;
        let literal = LiteralWriter::new(message).format(DataFormat::Binary).filename(literal_name)?.build()?;
        let sealed = super::write_literal(literal, input, progress)?;
        out.flush()?;
        drop(out);
        Ok(sealed)
    }

    /// Our own copy of a document sealed to our own key only (the
    /// sender's copy of a PDF-form send), signed as usual.
    pub fn seal_for_self(
        &self,
        input: &mut dyn Read,
        sink: &mut (dyn Write + Send + Sync),
        literal_name: &[u8],
        armor: bool,
        progress: &dyn Progress,
    ) -> openpgp::Result<(String, u64)> {
        let own = self.own_cert();
        let vc = own.with_policy(policy::standard(), self.now)?;
        let keys: Vec<Recipient> = policy::encryption_keys(&vc).into_iter().map(Recipient::from).collect();
        super::seal(input, sink, literal_name, keys, &self.signer, std::slice::from_ref(own), armor, self.now, progress)
    }

    /// Our own certificate: always the last of the sealer's.
    fn own_cert(&self) -> &Cert {
        self.certs.last().expect("a sealer always holds our own certificate")
    }
}
