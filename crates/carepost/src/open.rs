//! Opening: decrypting a received document, checking its integrity and
//! signature, and writing it under a safe name — only once every check
//! has passed.
//!
//! The plaintext goes into a nameless file in the target folder (see
//! [`crate::output`]); it gets its name after decryption, the integrity
//! check (MDC or AEAD) and the signature check succeeded, and disappears
//! otherwise. Compressed input is accepted up to a bound on the output
//! size, which defeats decompression bombs.

use crate::audit::{self, Action, Event, Outcome};
use crate::commit::{self, Committed, Naming};
use crate::contacts::{self, Contact};
use crate::error::{Error, MessageProblem, Result};
use crate::hashing::HashingWriter;
use crate::output::PendingFile;
use crate::retention::{self, Kind};
use crate::Context;
use openpgp::crypto::{KeyPair, SessionKey};
use openpgp::packet::{PKESK, SKESK};
use openpgp::parse::stream::{
    DecryptionHelper, DecryptorBuilder, MessageLayer, MessageStructure, VerificationError, VerificationHelper,
};
use openpgp::parse::{PacketParser, Parse};
use openpgp::types::SymmetricAlgorithm;
use openpgp::{Cert, KeyHandle, Packet};
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Bytes moved at a time.
const CHUNK: usize = 1 << 20;
/// How much plaintext Sequoia holds back before releasing it. carepost
/// never shows unverified plaintext (it waits for the end anyway), so a
/// small window keeps memory flat.
const DECRYPTOR_BUFFER: usize = 1 << 20;
/// Default bound on the output: this many times the input size…
pub const DEFAULT_EXPANSION: u64 = 100;
/// …but never less than this. An uncompressed message is never larger
/// than its input, so the bound matters only for compressed data: beyond
/// 16 MiB, anything expanding more than 100 times is treated as a bomb
/// (a 785-byte BZip2 message can hold 1 GiB of zeros). `--max-size` lifts it.
pub const MIN_OUTPUT_LIMIT: u64 = 16 << 20;

#[derive(Debug, Default)]
pub struct Request {
    pub input: PathBuf,
    pub output_dir: Option<PathBuf>,
    pub require_verified_sender: bool,
    /// Largest document to write; default: see [`output_limit`].
    pub max_output: Option<u64>,
    /// Keep the document this long instead of the policy's retention.
    pub retain: Option<std::time::Duration>,
    pub mode: Mode,
}

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

/// The contract's `open` JSON, plus extra fields.
#[derive(Debug, Clone, Serialize)]
pub struct Opened {
    pub output: PathBuf,
    pub filename: String,
    pub sender: Sender,
    pub size: u64,
    pub sha256: String,
    pub compressed: bool,
    /// The managed-file id (for `export`, `files`).
    pub id: i64,
    pub kind: Kind,
    /// When carepost deletes it (RFC 3339).
    pub expires: String,
}

/// The output bound for an input of `input_len` bytes.
pub fn output_limit(input_len: u64) -> u64 {
    input_len.saturating_mul(DEFAULT_EXPANSION).max(MIN_OUTPUT_LIMIT)
}

/// State shared between the Sequoia helper and the caller, so that the
/// reason for a failure survives however Sequoia reports it.
#[derive(Default)]
struct Findings {
    problem: Option<MessageProblem>,
    filename: Option<Vec<u8>>,
    encrypted: bool,
    compressed: bool,
    /// Primary fingerprints of keys with a good signature.
    good: Vec<openpgp::Fingerprint>,
    /// The Intended Recipient Fingerprints of each good signature that
    /// carries any, by signer.
    intended: Vec<(openpgp::Fingerprint, Vec<openpgp::Fingerprint>)>,
    /// Issuers of signatures whose key we do not have.
    unknown: Vec<String>,
    /// One of our keys yielded a session key (so a later failure means
    /// damage, not "not for us").
    session_key_found: bool,
}

struct Helper {
    decryptors: Vec<KeyPair>,
    own: Cert,
    contacts: Vec<Cert>,
    findings: Arc<Mutex<Findings>>,
    /// Checking a detached signature: there is no encryption layer.
    detached: bool,
}

impl Helper {
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
        let mut decrypt = |algo: Option<SymmetricAlgorithm>, sk: &SessionKey| {
            findings.lock().expect("not poisoned").session_key_found = true;
            decrypt(algo, sk)
        };
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
                        if decrypt(algo, &sk) {
                            return Ok(Some(self.own.clone()));
                        }
                    }
                }
            }
        }
        for pkesk in pkesks.iter().filter(|p| p.recipient().is_none()) {
            for keypair in self.decryptors.iter_mut() {
                if let Some((algo, sk)) = pkesk.decrypt(keypair, sym_algo) {
                    if decrypt(algo, &sk) {
                        return Ok(Some(self.own.clone()));
                    }
                }
            }
        }
        if self.findings.lock().expect("not poisoned").session_key_found {
            // Our key worked, but the encrypted data did not check out:
            // damaged, altered or cut short.
            return Err(self.reject(MessageProblem::Tampered));
        }
        if addressed_to_us {
            // The key packet names our key but does not decrypt with it:
            // the packet is damaged, the file is still for us.
            return Err(self.reject(MessageProblem::Damaged));
        }
        if pkesks.is_empty() && !skesks.is_empty() {
            return Err(self.reject(MessageProblem::PasswordOnly));
        }
        let ids = pkesks.iter().filter_map(|p| p.recipient()).map(|h| h.to_hex()).collect();
        Err(self.reject(MessageProblem::NotForUs(ids)))
    }
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

/// Where an opened document goes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Saved in the inbox (or `-o`), with the `received` retention.
    #[default]
    Save,
    /// Written to a private, RAM-backed place for a viewer, deleted soon.
    View,
    /// Kept encrypted at rest under its own key; expiry destroys the key.
    Sealed,
}

/// `carepost open`.
pub fn open(ctx: &mut Context<'_>, request: &Request, progress: &dyn crate::send::Progress) -> Result<Opened> {
    let input_meta = std::fs::metadata(&request.input).map_err(|e| Error::io("io-read", &request.input, e))?;
    if !input_meta.is_file() {
        return Err(Error::InputNotAFile(request.input.clone()));
    }
    let kind = match request.mode {
        Mode::Save => Kind::Received,
        Mode::View => Kind::View,
        Mode::Sealed => Kind::Sealed,
    };
    let keep_for = retention::policy(ctx)?.choose(kind, request.retain)?;
    let out_dir = match (request.mode, &request.output_dir) {
        (Mode::Save, Some(dir)) if dir.is_dir() => {
            std::fs::canonicalize(dir).map_err(|e| Error::io("io-resolve", dir, e))?
        }
        (Mode::Save, Some(dir)) => return Err(Error::OutputDir(dir.clone())),
        (Mode::Save, None) => {
            let inbox = ctx.home.inbox();
            ctx.home.ensure_dir(&inbox)?;
            inbox
        }
        (Mode::View, _) => crate::view::private_dir(&ctx.home)?,
        (Mode::Sealed, _) => {
            let sealed = ctx.home.sealed();
            ctx.home.ensure_dir(&sealed)?;
            sealed
        }
    };
    let limit = request.max_output.unwrap_or_else(|| output_limit(input_meta.len()));
    check_looks_like_a_message(&request.input)?;
    let contact_list = contacts::list(ctx)?;
    // A file that cannot be for this identity is refused before the
    // passphrase is asked for or the keychain is touched.
    let own_public = ctx.identity()?.public_cert();
    if let Err(e) = check_addressed_to_us(&request.input, &own_public, &contact_list) {
        if let Error::MessageRejected(problem) = &e {
            audit::record_quietly(ctx, Event::new(Action::Open, Outcome::Failed).detail(problem.code()));
        }
        return Err(e);
    }
    let unlocked = ctx.unlock(crate::identity::Purpose::Decrypt)?;

    let mut pending = PendingFile::new_in(&out_dir)?;
    let session_key = (request.mode == Mode::Sealed).then(|| SessionKey::new(32)).transpose().map_err(internal)?;
    let input = std::fs::File::open(&request.input).map_err(|e| Error::io("io-read", &request.input, e))?;
    progress.start(input_meta.len());
    let decrypted = decrypt(
        ctx,
        Source { reader: BufReader::with_capacity(CHUNK, input), path: Some(&request.input) },
        &unlocked,
        &contact_list,
        limit,
        pending.file(),
        session_key.as_ref(),
        progress,
    );
    progress.finish();
    let decrypted = match decrypted {
        Ok(d) => d,
        Err(e) => {
            if let Error::MessageRejected(problem) = &e {
                audit::record_quietly(ctx, Event::new(Action::Open, Outcome::Failed).detail(problem.code()));
            }
            return Err(e);
        }
    };
    let sender = decrypted.sender.clone();
    if request.require_verified_sender && sender.status != SenderStatus::Verified {
        audit::record_quietly(
            ctx,
            sender
                .open_event(Outcome::Refused, Some((&decrypted.sha256, decrypted.size)))
                .detail(format!("sender {}; verified sender required", sender.status.as_str())),
        );
        let who = sender.alias.clone().or(sender.fingerprint.clone()).unwrap_or_default();
        return Err(Error::SenderNotVerified { status: sender.status.as_str().to_owned(), who });
    }
    let outer = request.input.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let filename = decrypted
        .filename
        .as_deref()
        .and_then(crate::names::sanitize)
        .unwrap_or_else(|| crate::names::fallback_name(&outer));
    // A sealed document's file says nothing; its name is inside.
    let stored_name = match request.mode {
        Mode::Sealed => format!("{}.sealed", crate::names::random_id()),
        // The viewer's command line is visible to other users.
        Mode::View => crate::view::neutral_name(&filename),
        Mode::Save => filename.clone(),
    };
    let expires = crate::fmt_time(retention::expiry_base(ctx)? + keep_for);
    let event = sender.open_event(Outcome::Success, Some((&decrypted.sha256, decrypted.size))).detail(format!(
        "sender {}; {}",
        sender.status.as_str(),
        kind.code()
    ));
    let mut written = commit::Output::new(
        pending,
        stored_name,
        Naming::FirstFree,
        decrypted.stored_sha256.clone(),
        decrypted.stored_size,
    );
    if let Some(key) = &session_key {
        written = written.sealed_with(&key[..]);
    }
    let committed = commit::commit(ctx, kind, keep_for, vec![written], vec![event], |_| Ok(()))?;
    let Committed { id, path: output } = committed.into_iter().next().expect("one output, one record");
    let filename = match request.mode {
        Mode::Sealed | Mode::View => filename,
        _ => output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(filename),
    };
    Ok(Opened {
        output,
        filename,
        sender,
        size: decrypted.size,
        sha256: decrypted.sha256,
        compressed: decrypted.compressed,
        id,
        kind,
        expires,
    })
}

fn internal(e: anyhow::Error) -> Error {
    Error::Internal(e.to_string())
}

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
}

/// A checked detached signature: who made it and whom it names as
/// intended recipients (`None` when it names none).
#[derive(Debug, Clone)]
pub struct Detached {
    pub sender: Sender,
    pub intended_recipients: Option<Vec<String>>,
}

/// The intended recipients recorded for the signature of `sender`.
fn intended_of(findings: &Findings, sender: &Sender) -> Option<Vec<String>> {
    let fingerprint = sender.fingerprint.as_deref()?;
    findings
        .intended
        .iter()
        .find(|(signer, _)| signer.to_hex() == fingerprint)
        .map(|(_, list)| list.iter().map(|f| f.to_hex()).collect())
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
    progress: &dyn crate::send::Progress,
) -> Result<Decrypted> {
    crate::guard::untrusted(
        || decrypt_unguarded(ctx, source, unlocked, contact_list, limit, sink, seal_with, progress),
        damaged,
    )
}

fn damaged() -> Error {
    Error::MessageRejected(MessageProblem::Damaged)
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
    progress: &dyn crate::send::Progress,
) -> Result<Decrypted> {
    let findings = Arc::new(Mutex::new(Findings::default()));
    let helper = Helper {
        decryptors: unlocked.decryptors.clone(),
        own: unlocked.cert.clone(),
        contacts: contact_list.iter().map(|c| c.cert.clone()).collect(),
        findings: Arc::clone(&findings),
        detached: false,
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
        contacts: contact_list.iter().map(|c| c.cert.clone()).collect(),
        findings: Arc::clone(&findings),
        detached: true,
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
    progress: &dyn crate::send::Progress,
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

#[derive(Debug, thiserror::Error)]
#[error("{0:?}")]
struct MessageProblemError(MessageProblem);

fn sender_of(findings: &Findings, own: &Cert, contacts: &[Contact]) -> Sender {
    let mut best: Option<Sender> = None;
    for fingerprint in &findings.good {
        let candidate = if *fingerprint == own.fingerprint() {
            Sender { status: SenderStatus::Verified, alias: None, fingerprint: Some(fingerprint.to_hex()), own: true }
        } else {
            let contact = contacts.iter().find(|c| c.cert.fingerprint() == *fingerprint);
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

/// Puts a Sequoia failure into the user's terms, from the error's type:
/// Sequoia's own [`openpgp::Error`] variants and [`std::io::ErrorKind`]
/// (a full disk is the disk's problem, not the message's). Only errors of
/// no known type fall back to their text; `classify_pins_sequoia_wording`
/// fails when Sequoia rewords the texts that still matter.
fn classify(e: anyhow::Error, out_dir: &Path) -> Error {
    for cause in e.chain() {
        if let Some(MessageProblemError(problem)) = cause.downcast_ref::<MessageProblemError>() {
            return Error::MessageRejected(problem.clone());
        }
        if let Some(Error::MessageRejected(problem)) = cause.downcast_ref::<Error>() {
            return Error::MessageRejected(problem.clone());
        }
        if let Some(err) = cause.downcast_ref::<openpgp::Error>() {
            return Error::MessageRejected(classify_openpgp(err));
        }
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            // Sequoia's readers wrap their own errors in I/O errors, whose
            // `source()` skips the wrapped error itself.
            if let Some(inner) = io.get_ref() {
                if let Some(err) = inner.downcast_ref::<openpgp::Error>() {
                    return Error::MessageRejected(classify_openpgp(err));
                }
                if let Some(MessageProblemError(problem)) = inner.downcast_ref::<MessageProblemError>() {
                    return Error::MessageRejected(problem.clone());
                }
            }
            if let Some(problem) = classify_io(io.kind()) {
                return Error::MessageRejected(problem);
            }
            return Error::io("io-write", out_dir, std::io::Error::new(io.kind(), io.to_string()));
        }
    }
    Error::MessageRejected(classify_text(&e.to_string()))
}

fn classify_openpgp(err: &openpgp::Error) -> MessageProblem {
    use openpgp::Error as E;
    match err {
        E::ManipulatedMessage => MessageProblem::Tampered,
        // The packet parser's word for a packet that ends early; pinned by
        // `classify_pins_sequoia_wording`.
        E::MalformedPacket(m) if m == "Truncated packet" => MessageProblem::Truncated,
        E::MalformedPacket(_)
        | E::MalformedMessage(_)
        | E::MalformedMPI(_)
        | E::PacketTooLarge(..)
        | E::InvalidSessionKey(_)
        | E::IndexOutOfRange => MessageProblem::Damaged,
        // Inside the encryption, a packet the policy does not know is a
        // sign of garbled plaintext, not of a sender's choice.
        // Sequoia names the packet type in the text ("… Packet v0"); pinned
        // by `a_packet_the_policy_rejects_is_damage`.
        E::PolicyViolation(what, _) if what.to_ascii_lowercase().contains("packet") => MessageProblem::Damaged,
        E::UnsupportedPacketType(_) => MessageProblem::Damaged,
        // Unsupported algorithms and policy refusals are worth naming.
        other => MessageProblem::Malformed(other.to_string()),
    }
}

/// The message's problem behind an I/O error while reading it, or `None`
/// when the error is about the place carepost writes to (disk full,
/// permissions), which is reported as an I/O error instead.
fn classify_io(kind: std::io::ErrorKind) -> Option<MessageProblem> {
    use std::io::ErrorKind::*;
    match kind {
        UnexpectedEof => Some(MessageProblem::Truncated),
        StorageFull | QuotaExceeded | PermissionDenied | ReadOnlyFilesystem | FileTooLarge | WriteZero
        | Interrupted | OutOfMemory => None,
        // Decompressors (deflate, bzip2) report broken streams as invalid
        // input or data; so does the armor decoder.
        _ => Some(MessageProblem::Damaged),
    }
}

fn classify_text(text: &str) -> MessageProblem {
    let lower = text.to_lowercase();
    if lower.contains("eof") || lower.contains("truncated") {
        MessageProblem::Truncated
    } else if lower.contains("armor") || lower.contains("base64") {
        MessageProblem::BadArmor(text.to_owned())
    } else if ["manipulated", "authentication", "mdc", "aead"].iter().any(|w| lower.contains(w)) {
        MessageProblem::Tampered
    } else {
        MessageProblem::Damaged
    }
}

/// Refuses, without unlocking anything, a message whose key packets all
/// name keys that are not this identity's. When those keys belong to
/// contacts, the refusal names the contacts. Anything that cannot be
/// decided here (hidden recipients, a password, a damaged header) is left
/// to the decryption, which reports it precisely.
fn check_addressed_to_us(path: &Path, own: &Cert, contact_list: &[Contact]) -> Result<()> {
    let recipients = crate::guard::untrusted(|| Ok(pkesk_recipients(PacketParser::from_file(path))), damaged)?;
    refuse_if_for_others(recipients, own, contact_list)
}

/// [`check_addressed_to_us`] for a message in memory (armored or not),
/// such as the encrypted part of an email.
pub fn check_bytes_addressed_to_us(message: &[u8], own: &Cert, contact_list: &[Contact]) -> Result<()> {
    let recipients = crate::guard::untrusted(|| Ok(pkesk_recipients(PacketParser::from_bytes(message))), damaged)?;
    refuse_if_for_others(recipients, own, contact_list)
}

/// [`check_bytes_addressed_to_us`] for a message read from `reader`: only
/// its first packets are read, however long the message.
pub fn check_reader_addressed_to_us<R: Read + Send + Sync>(
    reader: R,
    own: &Cert,
    contact_list: &[Contact],
) -> Result<()> {
    let recipients = crate::guard::untrusted(|| Ok(pkesk_recipients(PacketParser::from_reader(reader))), damaged)?;
    refuse_if_for_others(recipients, own, contact_list)
}

fn refuse_if_for_others(recipients: Option<Vec<KeyHandle>>, own: &Cert, contact_list: &[Contact]) -> Result<()> {
    let Some(recipients) = recipients else {
        return Ok(());
    };
    let ours = |h: &KeyHandle| own.keys().any(|k| h.aliases(k.key().key_handle()));
    if recipients.is_empty() || recipients.iter().any(ours) {
        return Ok(());
    }
    let mut named = Vec::new();
    let mut known = false;
    for recipient in &recipients {
        let contact = contact_list.iter().find(|c| c.cert.keys().any(|k| recipient.aliases(k.key().key_handle())));
        let name = match contact {
            Some(c) => {
                known = true;
                c.alias.clone()
            }
            None => recipient.to_hex(),
        };
        if !named.contains(&name) {
            named.push(name);
        }
    }
    Err(Error::MessageRejected(if known { MessageProblem::LockedFor(named) } else { MessageProblem::NotForUs(named) }))
}

/// The recipients named by the key packets at the start of a message, or
/// `None` when they do not decide the matter: a hidden recipient, a
/// password packet, or a header that does not parse.
fn pkesk_recipients(parser: openpgp::Result<openpgp::parse::PacketParserResult<'_>>) -> Option<Vec<KeyHandle>> {
    use openpgp::packet::Tag;
    use openpgp::parse::PacketParserResult;
    let mut ppr = parser.ok()?;
    let mut recipients = Vec::new();
    while let PacketParserResult::Some(pp) = ppr {
        match &pp.packet {
            Packet::PKESK(pkesk) => recipients.push(pkesk.recipient()?),
            Packet::SKESK(_) => return None,
            Packet::Marker(_) | Packet::Padding(_) => {}
            p if matches!(p.tag(), Tag::SEIP | Tag::AED) => return Some(recipients),
            _ => return None,
        }
        ppr = pp.next().ok()?.1;
    }
    None
}

/// Whether the encrypted data in `path` is LibrePGP's AEAD packet (tag
/// 20), which Sequoia cannot decrypt (its policy reports it as "not
/// considered secure", which would mislead the user). Asked only after
/// decryption failed, so that carepost reads the packet if Sequoia ever
/// can. The packet must start like a real one (version 1, a known AEAD
/// mode, a sane chunk size), so that random bytes that happen to begin
/// with tag 20 are not called "OCB".
fn uses_librepgp_aead(path: &Path) -> bool {
    crate::guard::untrusted(|| Ok(uses_librepgp_aead_unguarded(path)), damaged).unwrap_or(false)
}

fn uses_librepgp_aead_unguarded(path: &Path) -> bool {
    use openpgp::packet::Tag;
    use openpgp::parse::PacketParserResult;
    let Ok(mut ppr) = PacketParser::from_file(path) else {
        return false;
    };
    while let PacketParserResult::Some(mut pp) = ppr {
        match pp.packet.tag() {
            Tag::AED => {
                // Version, cipher, AEAD mode (EAX, OCB, GCM), chunk size.
                let mut head = [0u8; 4];
                return pp.read_exact(&mut head).is_ok()
                    && head[0] == 1
                    && (1..=13).contains(&head[1])
                    && (1..=3).contains(&head[2])
                    && head[3] <= 56;
            }
            Tag::PKESK | Tag::SKESK | Tag::Marker | Tag::Padding => {}
            _ => return false,
        }
        ppr = match pp.next() {
            Ok((_, next)) => next,
            Err(_) => return false,
        };
    }
    false
}

/// Rejects, before any key is unlocked, files that do not even start like
/// an OpenPGP message (plain text, random bytes, an empty file, a key).
fn check_looks_like_a_message(path: &Path) -> Result<()> {
    crate::guard::untrusted(|| check_looks_like_a_message_unguarded(path), damaged)
}

fn check_looks_like_a_message_unguarded(path: &Path) -> Result<()> {
    use openpgp::packet::Tag;
    use openpgp::parse::PacketParserResult;
    let armored = {
        let mut head = [0u8; 64];
        let n =
            std::fs::File::open(path).and_then(|mut f| f.read(&mut head)).map_err(|e| Error::io("io-read", path, e))?;
        String::from_utf8_lossy(&head[..n]).trim_start().starts_with("-----BEGIN PGP")
    };
    let reject = |e: Option<anyhow::Error>| {
        Error::MessageRejected(match (armored, e) {
            (true, Some(e)) => MessageProblem::BadArmor(e.to_string()),
            _ => MessageProblem::NotOpenPgp,
        })
    };
    match openpgp::parse::PacketParser::from_file(path) {
        Ok(PacketParserResult::Some(pp)) => match pp.packet.tag() {
            Tag::PKESK
            | Tag::SKESK
            | Tag::Marker
            | Tag::OnePassSig
            | Tag::Signature
            | Tag::Literal
            | Tag::CompressedData
            | Tag::SEIP
            | Tag::AED
            | Tag::Padding => Ok(()),
            // GnuPG's OCB packet (LibrePGP tag 20) is read if Sequoia can.
            Tag::Unknown(20) | Tag::Private(20) => Ok(()),
            Tag::PublicKey | Tag::SecretKey => Err(Error::MessageRejected(MessageProblem::IsAKey)),
            _ => Err(reject(None)),
        },
        Ok(PacketParserResult::EOF(_)) => Err(reject(None)),
        Err(e) => Err(reject(Some(e))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openpgp::parse::PacketParserResult;
    use openpgp::serialize::stream::{LiteralWriter, Message};

    /// Parses `bytes` to the end and returns the first error.
    fn parse_error(bytes: &[u8]) -> anyhow::Error {
        let mut ppr = match PacketParser::from_bytes(bytes) {
            Ok(ppr) => ppr,
            Err(e) => return e,
        };
        loop {
            match ppr {
                PacketParserResult::Some(mut pp) => {
                    if let Err(e) = pp.buffer_unread_content() {
                        return e;
                    }
                    match pp.next() {
                        Ok((_, next)) => ppr = next,
                        Err(e) => return e,
                    }
                }
                PacketParserResult::EOF(_) => panic!("a cut packet parsed"),
            }
        }
    }

    #[test]
    fn classify_pins_sequoia_wording() {
        // A literal packet with a definite length, cut in the middle.
        let mut bytes = Vec::new();
        let mut writer = LiteralWriter::new(Message::new(&mut bytes)).build().unwrap();
        writer.write_all(&[7u8; 100]).unwrap();
        writer.finalize().unwrap();
        bytes.truncate(60);
        let e = parse_error(&bytes);
        let problem = classify(e, Path::new("."));
        assert!(matches!(problem, Error::MessageRejected(MessageProblem::Truncated)), "{problem:?}");
        // The one text still matched.
        let truncated = openpgp::Error::MalformedPacket("Truncated packet".into());
        assert_eq!(classify_openpgp(&truncated), MessageProblem::Truncated);
    }

    #[test]
    fn a_packet_the_policy_rejects_is_damage() {
        use openpgp::policy::Policy;
        let policy = openpgp::policy::StandardPolicy::new();
        for tag in [openpgp::packet::Tag::Unknown(15), openpgp::packet::Tag::SED] {
            let packet = openpgp::Packet::Unknown(openpgp::packet::Unknown::new(tag, anyhow::anyhow!("garbled")));
            let e = policy.packet(&packet).unwrap_err();
            let err = e.downcast_ref::<openpgp::Error>().expect("a Sequoia error");
            assert!(matches!(err, openpgp::Error::PolicyViolation(..)), "{err:?}");
            assert_eq!(classify_openpgp(err), MessageProblem::Damaged, "{err}");
        }
    }

    #[test]
    fn parser_jargon_gets_a_plain_message() {
        for jargon in [
            openpgp::Error::MalformedPacket("Malformed packet: bad header".into()),
            openpgp::Error::MalformedMessage("Malformed OpenPGP message".into()),
            openpgp::Error::MalformedMPI("bad".into()),
        ] {
            assert_eq!(classify_openpgp(&jargon), MessageProblem::Damaged);
        }
        // flate2's wording for a broken deflate stream arrives as an I/O error.
        let deflate =
            anyhow::Error::new(std::io::Error::new(std::io::ErrorKind::InvalidInput, "corrupt deflate stream"));
        let e = classify(deflate, Path::new("."));
        assert!(matches!(e, Error::MessageRejected(MessageProblem::Damaged)), "{e:?}");
        assert!(!e.to_string().contains("deflate"), "{e}");
        assert!(e.hint().is_some());
    }

    #[test]
    fn a_full_disk_is_not_a_damaged_message() {
        for kind in [std::io::ErrorKind::StorageFull, std::io::ErrorKind::QuotaExceeded] {
            let e = classify(anyhow::Error::new(std::io::Error::new(kind, "no space")), Path::new("/out"));
            assert!(matches!(&e, Error::Io { source, .. } if source.kind() == kind), "{e:?}");
        }
        // Sequoia wraps its verdicts in I/O errors; they are still found.
        let wrapped = std::io::Error::other(openpgp::Error::ManipulatedMessage);
        let e = classify(anyhow::Error::new(wrapped), Path::new("."));
        assert!(matches!(e, Error::MessageRejected(MessageProblem::Tampered)), "{e:?}");
    }

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
            contacts: Vec::new(),
            findings: Arc::clone(&findings),
            detached: false,
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
                    &crate::send::Silent,
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
