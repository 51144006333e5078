//! Sealed documents: a received document kept encrypted at rest under a
//! random key of its own, which lives only in the state database.
//!
//! Overwriting a file does not reliably erase it from an SSD, a
//! copy-on-write file system, a snapshot or a backup. Destroying the key
//! does: when the retention ends, the key is deleted from the database and
//! every copy of the sealed file, wherever it went, becomes unreadable at
//! once. The sealed file is a standard OpenPGP message (SEIPDv2, AES-256)
//! with no key packets; its literal data carries the document's name.

use crate::error::{Error, MessageProblem, Result};
use openpgp::crypto::SessionKey;
use openpgp::packet::{PKESK, SKESK};
use openpgp::parse::stream::{DecryptionHelper, DecryptorBuilder, MessageStructure, VerificationHelper};
use openpgp::parse::Parse;
use openpgp::serialize::stream::{Encryptor, LiteralWriter, Message};
use openpgp::types::{AEADAlgorithm, DataFormat, SymmetricAlgorithm};
use openpgp::{Cert, KeyHandle, Packet};
use sequoia_openpgp as openpgp;
use std::io::{Read, Write};
use std::path::Path;

/// A writer that seals everything written to it into `sink`.
pub fn seal_writer<'a, W: Write + Send + Sync + 'a>(
    sink: W,
    key: &SessionKey,
    name: &[u8],
) -> openpgp::Result<Message<'a>> {
    let message = Message::new(sink);
    let message = Encryptor::with_session_key(message, SymmetricAlgorithm::AES256, key.clone())?
        .aead_algo(AEADAlgorithm::default())
        .build()?;
    LiteralWriter::new(message).format(DataFormat::Binary).filename(name)?.build()
}

struct KeyHelper {
    key: SessionKey,
    filename: Option<Vec<u8>>,
}

impl VerificationHelper for KeyHelper {
    fn inspect(&mut self, pp: &openpgp::parse::PacketParser) -> openpgp::Result<()> {
        if let Packet::Literal(literal) = &pp.packet {
            self.filename = literal.filename().map(<[u8]>::to_vec);
        }
        Ok(())
    }
    fn get_certs(&mut self, _: &[KeyHandle]) -> openpgp::Result<Vec<Cert>> {
        Ok(Vec::new())
    }
    fn check(&mut self, _: MessageStructure) -> openpgp::Result<()> {
        // Integrity comes from the AEAD; a sealed file carries no signature.
        Ok(())
    }
}

impl DecryptionHelper for KeyHelper {
    fn decrypt(
        &mut self,
        _: &[PKESK],
        _: &[SKESK],
        sym_algo: Option<SymmetricAlgorithm>,
        decrypt: &mut dyn FnMut(Option<SymmetricAlgorithm>, &SessionKey) -> bool,
    ) -> openpgp::Result<Option<Cert>> {
        if decrypt(sym_algo.or(Some(SymmetricAlgorithm::AES256)), &self.key) || decrypt(None, &self.key) {
            Ok(None)
        } else {
            Err(anyhow::anyhow!("the sealed document's key does not fit"))
        }
    }
}

/// Decrypts the sealed file `sealed` with its `key` into `sink` (a file in
/// `dir`): the size and SHA-256 of the document, and the name it was
/// sealed under.
pub(crate) fn unseal(
    sealed: std::fs::File,
    sink: &mut std::fs::File,
    key: &[u8],
    now: std::time::SystemTime,
    dir: &Path,
) -> Result<(u64, String, Option<Vec<u8>>)> {
    let helper = KeyHelper { key: SessionKey::from(key), filename: None };
    unseal_into(sealed, sink, helper, now).map_err(|e| unseal_error(e, dir))
}

/// Why unsealing failed. The sealed file was written by carepost and is
/// checked by its AEAD, so a failure of the data itself means it was
/// changed; but a full disk or a read-only folder is the place written to,
/// and says so.
fn unseal_error(e: anyhow::Error, dir: &Path) -> Error {
    use std::io::ErrorKind::*;
    for cause in e.chain() {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            if let kind @ (StorageFull | QuotaExceeded | PermissionDenied | ReadOnlyFilesystem | FileTooLarge) =
                io.kind()
            {
                return Error::io("io-write", dir, std::io::Error::new(kind, io.to_string()));
            }
        }
    }
    Error::MessageRejected(MessageProblem::Tampered)
}

fn unseal_into(
    sealed: std::fs::File,
    sink: &mut std::fs::File,
    helper: KeyHelper,
    now: std::time::SystemTime,
) -> anyhow::Result<(u64, String, Option<Vec<u8>>)> {
    let mut decryptor = DecryptorBuilder::from_reader(std::io::BufReader::new(sealed))?
        .buffer_size(1 << 20)
        .with_policy(crate::policy::standard(), now, helper)?;
    let mut out = crate::hashing::HashingWriter::new(std::io::BufWriter::with_capacity(1 << 20, sink));
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        let n = decryptor.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        out.write_all(&buffer[..n])?;
    }
    if !decryptor.message_processed() {
        anyhow::bail!("sealed document is incomplete");
    }
    let (sha256, size) = out.finish()?;
    Ok((size, sha256, decryptor.into_helper().filename))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_data_opens_only_with_its_key() {
        let key = SessionKey::new(32).unwrap();
        let mut sealed = Vec::new();
        let mut writer = seal_writer(&mut sealed, &key, b"brief.pdf").unwrap();
        writer.write_all(b"confidential content").unwrap();
        writer.finalize().unwrap();
        assert!(!sealed.windows(12).any(|w| w == b"confidential"));

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s");
        std::fs::write(&path, &sealed).unwrap();
        let mut out = tempfile::tempfile().unwrap();
        let helper = KeyHelper { key: key.clone(), filename: None };
        let (size, _, name) =
            unseal_into(std::fs::File::open(&path).unwrap(), &mut out, helper, std::time::SystemTime::now()).unwrap();
        assert_eq!(size, 20);
        assert_eq!(name.as_deref(), Some(&b"brief.pdf"[..]));

        // A full disk is not tampering.
        if cfg!(target_os = "linux") {
            let mut full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
            let helper = KeyHelper { key: key.clone(), filename: None };
            let e = unseal_into(std::fs::File::open(&path).unwrap(), &mut full, helper, std::time::SystemTime::now())
                .unwrap_err();
            let e = unseal_error(e, dir.path());
            assert!(
                matches!(&e, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::StorageFull),
                "{e:?}"
            );
        }

        let wrong = KeyHelper { key: SessionKey::new(32).unwrap(), filename: None };
        let mut out = tempfile::tempfile().unwrap();
        assert!(
            unseal_into(std::fs::File::open(&path).unwrap(), &mut out, wrong, std::time::SystemTime::now()).is_err()
        );
    }
}
