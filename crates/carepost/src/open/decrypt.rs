//! Decrypting and verifying: streaming a message's document into a sink
//! (as it is, or sealed) under an output bound, and checking detached
//! signatures, with every failure put into the user's terms.

use super::helper::{Findings, Helper};
use super::probe::uses_librepgp_aead;
use super::problem::{classify, damaged, MessageProblemError};
use super::sender::{intended_of, sender_of, Sender};
use crate::contacts::Contact;
use crate::error::{Error, MessageProblem, Result};
use crate::hashing::HashingWriter;
use crate::Context;
use openpgp::crypto::{Password, SessionKey};
use openpgp::parse::stream::DecryptorBuilder;
use openpgp::parse::Parse;
use sequoia_openpgp as openpgp;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Bytes moved at a time.
pub(super) const CHUNK: usize = 1 << 20;
/// How much plaintext Sequoia holds back before releasing it. carepost
/// never shows unverified plaintext (it waits for the end anyway), so a
/// small window keeps memory flat.
const DECRYPTOR_BUFFER: usize = 1 << 20;

/// An encrypted message to read.
pub struct Source<'p, R> {
    pub reader: R,
    /// The file it came from, to name some problems precisely.
    pub path: Option<&'p Path>,
}

/// What decrypting a message found.
#[derive(Debug, Clone)]
pub struct Decrypted {
    pub sender: Sender,
    /// The name inside the message, untrusted and unsanitized.
    pub filename: Option<Vec<u8>>,
    pub compressed: bool,
    /// Size and SHA-256 (hex) of the document.
    pub size: u64,
    pub sha256: String,
    /// Size and SHA-256 of what was written to the sink (the document, or
    /// its sealed form).
    pub stored_size: u64,
    pub stored_sha256: String,
    /// The message had an encryption layer.
    pub encrypted: bool,
    /// The Intended Recipient Fingerprints (hex) of the signature that
    /// `sender` describes; `None` when it names none.
    pub intended_recipients: Option<Vec<String>>,
    /// The password opened it, not one of our keys.
    pub opened_by_password: bool,
}

/// A checked detached signature: who made it and whom it names as
/// intended recipients (`None` when it names none).
#[derive(Debug, Clone)]
pub struct Detached {
    pub sender: Sender,
    pub intended_recipients: Option<Vec<String>>,
}

/// Decrypts and checks a message, streaming the document into `sink` —
/// as it is, or sealed under `seal_with` when given. Nothing in `sink` may
/// be used unless this returns `Ok`.
///
/// Runs behind the panic boundary ([`crate::guard`]): a parser that gives
/// up by panicking reports [`MessageProblem::Damaged`].
#[allow(clippy::too_many_arguments)]
pub fn decrypt<R: Read + Send + Sync>(
    ctx: &Context<'_>,
    source: Source<'_, R>,
    unlocked: &crate::identity::Unlocked,
    contact_list: &[Contact],
    limit: u64,
    sink: &mut (dyn Write + Send + Sync),
    seal_with: Option<&SessionKey>,
    progress: &dyn crate::progress::Progress,
) -> Result<Decrypted> {
    decrypt_with_password(ctx, source, unlocked, contact_list, limit, sink, seal_with, &[], progress)
}

/// [`decrypt`], with the password the user gave for a message that a
/// password opens (SKESK), in the forms to try (see
/// [`crate::open::password_forms`]). Our own keys are tried first: a
/// message that carries a key packet for us opens without the password.
#[allow(clippy::too_many_arguments)]
pub fn decrypt_with_password<R: Read + Send + Sync>(
    ctx: &Context<'_>,
    source: Source<'_, R>,
    unlocked: &crate::identity::Unlocked,
    contact_list: &[Contact],
    limit: u64,
    sink: &mut (dyn Write + Send + Sync),
    seal_with: Option<&SessionKey>,
    passwords: &[Password],
    progress: &dyn crate::progress::Progress,
) -> Result<Decrypted> {
    crate::guard::untrusted(
        || decrypt_unguarded(ctx, source, unlocked, contact_list, limit, sink, seal_with, passwords, progress),
        damaged,
    )
}

#[allow(clippy::too_many_arguments)]
fn decrypt_unguarded<R: Read + Send + Sync>(
    ctx: &Context<'_>,
    source: Source<'_, R>,
    unlocked: &crate::identity::Unlocked,
    contact_list: &[Contact],
    limit: u64,
    sink: &mut (dyn Write + Send + Sync),
    seal_with: Option<&SessionKey>,
    passwords: &[Password],
    progress: &dyn crate::progress::Progress,
) -> Result<Decrypted> {
    let findings = Arc::new(Mutex::new(Findings::default()));
    let helper = Helper {
        decryptors: unlocked.decryptors.clone(),
        own: unlocked.cert.clone(),
        previous: unlocked.previous.clone(),
        // A contact without a key signs nothing: only keys can be signers.
        contacts: contact_list.iter().filter_map(|c| c.cert().cloned()).collect(),
        findings: Arc::clone(&findings),
        detached: false,
        passwords: passwords.to_vec(),
    };
    let exceeded = Arc::new(Mutex::new(false));
    let mut stored = HashingWriter::new(sink);
    let result = decrypt_into(
        source.reader,
        &mut stored,
        seal_with,
        helper,
        &findings,
        limit,
        Arc::clone(&exceeded),
        ctx.now,
        progress,
    );
    let (size, sha256) = result.map_err(|e| {
        if *exceeded.lock().expect("not poisoned") {
            return Error::MessageRejected(MessageProblem::TooLarge(limit));
        }
        if source.path.is_some_and(uses_librepgp_aead) {
            return Error::MessageRejected(MessageProblem::LibrePgpAead);
        }
        let findings = findings.lock().expect("not poisoned");
        if let Some(problem) = findings.problem.clone() {
            return Error::MessageRejected(problem);
        }
        match classify(e, source.path.and_then(Path::parent).unwrap_or(Path::new("."))) {
            // Our key opened it, so broken content inside the encryption
            // was changed or damaged after encryption.
            Error::MessageRejected(MessageProblem::Damaged | MessageProblem::Malformed(_))
                if findings.session_key_found =>
            {
                Error::MessageRejected(MessageProblem::Tampered)
            }
            other => other,
        }
    })?;
    let (stored_sha256, stored_size) = stored.finish().map_err(|e| Error::io("io-write", "<output>", e))?;
    let findings = std::mem::take(&mut *findings.lock().expect("not poisoned"));
    let sender = sender_of(&findings, &unlocked.cert, contact_list);
    let intended_recipients = intended_of(&findings, &sender);
    Ok(Decrypted {
        sender,
        filename: findings.filename,
        compressed: findings.compressed,
        size,
        sha256,
        stored_size,
        stored_sha256,
        encrypted: findings.encrypted,
        intended_recipients,
        opened_by_password: findings.opened_by_password,
    })
}

/// Checks a detached `signature` over `data` (a `multipart/signed` part
/// inside an encrypted email) and says who made it, as [`decrypt`] does
/// for a signed message. A bad signature is an error.
pub fn verify_detached(
    ctx: &Context<'_>,
    unlocked: &crate::identity::Unlocked,
    contact_list: &[Contact],
    data: &[u8],
    signature: &[u8],
) -> Result<Sender> {
    verify_detached_signature(ctx, unlocked, contact_list, data, signature).map(|d| d.sender)
}

/// [`verify_detached`], with the signature's intended recipients.
pub fn verify_detached_signature(
    ctx: &Context<'_>,
    unlocked: &crate::identity::Unlocked,
    contact_list: &[Contact],
    data: &[u8],
    signature: &[u8],
) -> Result<Detached> {
    crate::guard::untrusted(|| verify_detached_unguarded(ctx, unlocked, contact_list, data, signature), damaged)
}

fn verify_detached_unguarded(
    ctx: &Context<'_>,
    unlocked: &crate::identity::Unlocked,
    contact_list: &[Contact],
    data: &[u8],
    signature: &[u8],
) -> Result<Detached> {
    use openpgp::parse::stream::DetachedVerifierBuilder;
    let findings = Arc::new(Mutex::new(Findings::default()));
    let helper = Helper {
        decryptors: Vec::new(),
        own: unlocked.cert.clone(),
        previous: Vec::new(),
        // A contact without a key signs nothing: only keys can be signers.
        contacts: contact_list.iter().filter_map(|c| c.cert().cloned()).collect(),
        findings: Arc::clone(&findings),
        detached: true,
        passwords: Vec::new(),
    };
    let checked = DetachedVerifierBuilder::from_bytes(signature)
        .and_then(|b| b.with_policy(crate::policy::standard(), ctx.now, helper))
        .and_then(|mut verifier| verifier.verify_bytes(data));
    if let Err(e) = checked {
        if let Some(problem) = findings.lock().expect("not poisoned").problem.clone() {
            return Err(Error::MessageRejected(problem));
        }
        return Err(classify(e, Path::new(".")));
    }
    let findings = std::mem::take(&mut *findings.lock().expect("not poisoned"));
    let sender = sender_of(&findings, &unlocked.cert, contact_list);
    let intended_recipients = intended_of(&findings, &sender);
    Ok(Detached { sender, intended_recipients })
}

/// Streams the decrypted content of `input` into `sink` (sealed under
/// `seal_with` when given); returns its size and SHA-256 (hex), hashed on
/// a second thread.
#[allow(clippy::too_many_arguments)]
fn decrypt_into<R: Read + Send + Sync>(
    input: R,
    sink: &mut (dyn Write + Send + Sync),
    seal_with: Option<&SessionKey>,
    helper: Helper,
    findings: &Mutex<Findings>,
    limit: u64,
    exceeded: Arc<Mutex<bool>>,
    now: std::time::SystemTime,
    progress: &dyn crate::progress::Progress,
) -> anyhow::Result<(u64, String)> {
    let policy = crate::policy::standard();
    let mut decryptor =
        DecryptorBuilder::from_reader(input)?.buffer_size(DECRYPTOR_BUFFER).with_policy(policy, now, helper)?;
    // The literal packet's header has been read by now, so a sealed copy
    // can carry the document's name inside its own encryption.
    let target = match seal_with {
        Some(key) => {
            let name = findings.lock().expect("not poisoned").filename.clone().unwrap_or_default();
            Target::Sealed(crate::vault::seal_writer(sink, key, &name)?)
        }
        None => Target::Plain(std::io::BufWriter::with_capacity(CHUNK, sink)),
    };
    let mut out = Bounded { inner: target, written: 0, limit, exceeded };
    let hasher = crate::hashing::ParallelHasher::sha256();
    loop {
        let mut buffer = vec![0u8; CHUNK];
        let n = decryptor.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        buffer.truncate(n);
        out.write_all(&buffer)?;
        progress.advance(n as u64);
        hasher.update(Arc::new(buffer));
    }
    if !decryptor.message_processed() {
        return Err(MessageProblemError(MessageProblem::Truncated).into());
    }
    let written = out.written;
    out.inner.finish()?;
    Ok((written, crate::hashing::hex_digest(hasher.finish()?)?))
}

/// Where decrypted content goes: straight through, or sealed.
enum Target<'a, W: Write + Send + Sync> {
    Plain(std::io::BufWriter<W>),
    Sealed(openpgp::serialize::stream::Message<'a>),
}

impl<W: Write + Send + Sync> Write for Target<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Target::Plain(w) => w.write(buf),
            Target::Sealed(m) => m.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Target::Plain(w) => w.flush(),
            Target::Sealed(m) => m.flush(),
        }
    }
}

impl<W: Write + Send + Sync> Target<'_, W> {
    fn finish(self) -> anyhow::Result<()> {
        match self {
            Target::Plain(mut w) => Ok(w.flush()?),
            Target::Sealed(m) => m.finalize(),
        }
    }
}

/// A writer that refuses to grow past `limit` bytes.
struct Bounded<W: Write> {
    inner: W,
    written: u64,
    limit: u64,
    exceeded: Arc<Mutex<bool>>,
}

impl<W: Write> Write for Bounded<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.written + buf.len() as u64 > self.limit {
            *self.exceeded.lock().expect("not poisoned") = true;
            return Err(std::io::Error::other("output limit exceeded"));
        }
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openpgp::serialize::stream::{LiteralWriter, Message};
    use openpgp::Cert;

    /// What opening `bytes` with `cert`'s keys reports, as `decrypt` does.
    fn problem_opening(cert: &Cert, bytes: &[u8]) -> Option<MessageProblem> {
        let policy = crate::policy::standard();
        let decryptors = cert
            .keys()
            .with_policy(policy, None)
            .secret()
            .for_transport_encryption()
            .map(|k| k.key().clone().into_keypair().unwrap())
            .collect();
        let findings = Arc::new(Mutex::new(Findings::default()));
        let helper = Helper {
            decryptors,
            own: cert.clone(),
            previous: Vec::new(),
            contacts: Vec::new(),
            findings: Arc::clone(&findings),
            detached: false,
            passwords: Vec::new(),
        };
        let mut sink = Vec::new();
        let result = crate::guard::untrusted(
            || {
                decrypt_into(
                    bytes,
                    &mut sink,
                    None,
                    helper,
                    &findings,
                    1 << 20,
                    Arc::default(),
                    std::time::SystemTime::now(),
                    &crate::progress::Silent,
                )
                .map_err(|e| match findings.lock().unwrap().problem.clone() {
                    Some(problem) => Error::MessageRejected(problem),
                    None => classify(e, Path::new(".")),
                })
            },
            damaged,
        );
        match result {
            Ok(_) => None,
            Err(Error::MessageRejected(problem)) => Some(problem),
            Err(other) => panic!("not a message problem: {other:?}"),
        }
    }

    #[test]
    fn damage_is_never_reported_as_not_for_us() {
        use openpgp::cert::CertBuilder;
        use openpgp::serialize::stream::Encryptor;
        let (cert, _) = CertBuilder::general_purpose(Some("a@example.org")).generate().unwrap();
        let policy = crate::policy::standard();
        let recipients = cert.keys().with_policy(policy, None).supported().for_transport_encryption();
        let mut bytes = Vec::new();
        let message = Encryptor::for_recipients(Message::new(&mut bytes), recipients).build().unwrap();
        let mut writer = LiteralWriter::new(message).build().unwrap();
        writer.write_all(&[b'x'; 3000]).unwrap();
        writer.finalize().unwrap();
        assert_eq!(problem_opening(&cert, &bytes), None, "the intact message opens");
        let own_ids: Vec<String> = cert.keys().map(|k| k.key().keyid().to_hex()).collect();
        // Every byte of the key packet and of the start of the encrypted
        // data, flipped; and every cut of the first 300 bytes.
        let mut seen = std::collections::BTreeSet::new();
        let mut inputs: Vec<Vec<u8>> = (0..300.min(bytes.len()))
            .map(|i| {
                let mut b = bytes.clone();
                b[i] ^= 0x21;
                b
            })
            .collect();
        inputs.extend((0..300).map(|n| bytes[..n].to_vec()));
        for input in inputs {
            let Some(problem) = problem_opening(&cert, &input) else { continue };
            if let MessageProblem::NotForUs(ids) = &problem {
                assert!(!ids.iter().any(|id| own_ids.contains(id)), "damage reported as for {ids:?}");
            }
            seen.insert(problem.code());
        }
        assert!(seen.contains("damaged"), "{seen:?}");
    }
}
