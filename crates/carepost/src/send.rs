//! Sending: one signed and encrypted OpenPGP message per document, to every
//! recipient and to the sender's own key, readable by every OpenPGP peer.
//!
//! Every safety check happens before the first byte is written: unknown,
//! unverified (without a recorded reason), revoked, expired or too-weak
//! recipients stop the send, and so does a patient without consent on
//! record ([`crate::consent`]). Output appears only when every document of
//! the command was sealed, under a neutral name that keeps the extension.
//!
//! The message is RFC 4880 / RFC 9580 v4 data: PKESK + SEIPD (version 1
//! with AES-256, unless every recipient advertises SEIPDv2) around a
//! one-pass-signed literal data packet (Sequoia's `stream::Signer`); no
//! compression. The document's SHA-256 for the records is computed on a
//! second thread while the main thread signs and encrypts.

mod password;

use crate::audit::{self, Action, Event, Outcome};
use crate::commit;
use crate::contacts::{self, Contact};
use crate::error::{Error, Result};
use crate::hashing::{HashingWriter, ParallelHasher};
use crate::output::PendingFile;
use crate::policy;
use crate::retention;
use crate::Context;
use openpgp::crypto::KeyPair;
use openpgp::serialize::stream::{Armorer, Encryptor, LiteralWriter, Message, Recipient, Signer};
use openpgp::types::{DataFormat, HashAlgorithm};
use openpgp::Cert;
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Bytes read from the document at a time.
pub(crate) const CHUNK: usize = 1 << 20;
/// Hash algorithm for document signatures: SHA-256 is as strong as needed
/// and, with SHA extensions, over twice as fast as SHA-512.
const SIGNATURE_HASH: HashAlgorithm = HashAlgorithm::SHA256;

pub use crate::progress::{Progress, Silent};

/// What the user asked to send.
#[derive(Debug, Default)]
pub struct Request {
    pub inputs: Vec<PathBuf>,
    pub recipients: Vec<String>,
    pub output_dir: Option<PathBuf>,
    pub armor: bool,
    pub keep_name: bool,
    pub unverified_ok: Option<String>,
    /// Keep the outputs this long instead of the `sent` retention.
    pub retain: Option<std::time::Duration>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecipientSummary {
    pub alias: String,
    pub fingerprint: String,
    pub verified: bool,
}

/// One sealed document (the contract's `send` JSON, plus extra fields).
#[derive(Debug, Clone, Serialize)]
pub struct Sent {
    pub input: PathBuf,
    pub output: PathBuf,
    pub recipients: Vec<RecipientSummary>,
    /// SHA-256 of the document's content, lowercase hex.
    pub sha256: String,
    pub size: u64,
    /// What the recipients receive: `openpgp` (the password path can also
    /// make `pdf`, see [`crate::send_by_password`]).
    pub format: &'static str,
    /// How the document is protected: `key` (the recipients' keys) or
    /// `password` ([`crate::send_by_password`]).
    pub path: &'static str,
    /// The OpenPGP container: `seipdv1` or `seipdv2`.
    pub message_format: &'static str,
    /// When carepost deletes the output (RFC 3339).
    pub expires: String,
}

#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub outputs: Vec<Sent>,
    /// Non-fatal things the user should know (keys expiring soon).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The reason given to send to unverified contacts, if it was needed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified_ok: Option<String>,
}

/// Recipients that passed every safety check: known, usable, and
/// verified — or accepted unverified with a recorded reason.
pub struct Recipients {
    contacts: Vec<Contact>,
    /// The reason given for sending to unverified contacts, when needed.
    pub unverified_ok: Option<String>,
    /// Non-fatal things the user should know (keys expiring soon).
    pub warnings: Vec<String>,
}

impl Recipients {
    /// Checks `aliases` against the sending policy. Nothing is unlocked
    /// and nothing is written.
    pub fn check(ctx: &mut Context<'_>, aliases: &[String], unverified_ok: Option<&str>) -> Result<Recipients> {
        let reason = match unverified_ok.map(str::trim) {
            Some("") => return Err(Error::Usage(crate::tr!("send-empty-reason"))),
            other => other.map(str::to_owned),
        };
        if let Some(reason) = &reason {
            reason_names_no_contact(ctx, reason)?;
        }
        if aliases.is_empty() {
            return Err(Error::Usage(crate::tr!("send-nothing")));
        }
        let mut seen = std::collections::BTreeSet::new();
        let mut checked = Recipients { contacts: Vec::new(), unverified_ok: None, warnings: Vec::new() };
        for alias in aliases {
            if !seen.insert(alias.as_str()) {
                continue;
            }
            let contact = contacts::get(ctx, alias)?;
            // A patient's consent first: nothing overrides it.
            crate::consent::require(ctx, &contact)?;
            // A patient without a key is reached with a password, not on
            // this path.
            let Some(cert) = contact.cert() else {
                audit::record_quietly(
                    ctx,
                    contacts::contact_event(Action::Send, Outcome::Refused, &contact).detail("no key"),
                );
                return Err(Error::NoKey { alias: alias.clone() });
            };
            let fingerprint = cert.fingerprint().to_hex();
            if let Err(problem) = policy::check_contact_cert(cert, ctx.now) {
                let error = Error::CertRejected(problem.clone());
                audit::record_quietly(
                    ctx,
                    Event::new(Action::Send, Outcome::Refused).contact(alias, &fingerprint).detail(error.to_string()),
                );
                return Err(Error::RecipientUnusable { alias: alias.clone(), problem });
            }
            if let Some(warning) = crate::readiness::expiry_warning(alias, cert, ctx.now) {
                checked.warnings.push(warning);
            }
            checked.contacts.push(contact);
        }
        let unverified: Vec<String> =
            checked.contacts.iter().filter(|c| !c.is_verified()).map(|c| c.alias.clone()).collect();
        if !unverified.is_empty() {
            match reason {
                None => {
                    for contact in checked.contacts.iter().filter(|c| !c.is_verified()) {
                        audit::record_quietly(
                            ctx,
                            contacts::contact_event(Action::Send, Outcome::Refused, contact)
                                .detail("recipient not verified"),
                        );
                    }
                    return Err(Error::RecipientsUnverified(unverified));
                }
                Some(reason) => checked.unverified_ok = Some(reason),
            }
        }
        Ok(checked)
    }

    pub fn summaries(&self) -> Vec<RecipientSummary> {
        self.contacts
            .iter()
            .map(|c| RecipientSummary {
                alias: c.alias.clone(),
                // `check` admits only contacts with a key.
                fingerprint: c.fingerprint().unwrap_or_default(),
                verified: c.is_verified(),
            })
            .collect()
    }

    /// The contacts' certificates.
    pub fn certs(&self) -> impl Iterator<Item = &Cert> {
        self.contacts.iter().filter_map(Contact::cert)
    }
}

/// Refuses a reason for an exception that names a contact: the reason is
/// kept in the audit log for years, which must hold no patient names or
/// addresses. An alias counts as a whole word; names and email addresses
/// anywhere, ignoring case.
fn reason_names_no_contact(ctx: &mut Context<'_>, reason: &str) -> Result<()> {
    let lower = reason.to_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))).collect();
    for contact in contacts::list(ctx)? {
        let alias = contact.alias.to_lowercase();
        let mut found = words.iter().any(|w| w.trim_end_matches('.') == alias);
        // The address kept for a contact (the only one a patient without a key has).
        found |= contact.origin.email.as_deref().is_some_and(|e| !e.is_empty() && lower.contains(&e.to_lowercase()));
        for uid in contact.cert().into_iter().flat_map(|cert| cert.userids()) {
            let uid = uid.userid();
            let name = uid.name().ok().flatten().map(|n| n.trim().to_lowercase());
            let email = uid.email().ok().flatten().map(|e| e.trim().to_lowercase());
            // Very short names ("Jo") would match ordinary words.
            found |= name.is_some_and(|n| n.chars().count() >= 3 && lower.contains(&n));
            found |= email.is_some_and(|e| !e.is_empty() && lower.contains(&e));
        }
        if found {
            return Err(Error::Usage(crate::tr!("send-reason-names-contact", alias = contact.alias.clone())));
        }
    }
    Ok(())
}

/// Seals data for a set of checked recipients with the unlocked identity.
pub struct Sealer {
    /// The recipients' certificates, then our own.
    certs: Vec<Cert>,
    signer: KeyPair,
    now: std::time::SystemTime,
    /// Non-fatal things the user should know (our own key expiring soon).
    pub warnings: Vec<String>,
}

impl Sealer {
    /// Unlocks the identity's signing key and checks it can encrypt to
    /// itself.
    pub fn new(ctx: &mut Context<'_>, recipients: &Recipients) -> Result<Sealer> {
        crate::revoke::refuse_if_revoked(ctx)?;
        let unlocked = ctx.unlock(crate::identity::Purpose::Sign)?;
        let own = unlocked.cert.clone();
        // Our own key expiring soon is said before every command (the
        // binary's dispatcher, with `renew`'s dates), not here.
        let warnings = Vec::new();
        let own_ok = own
            .with_policy(policy::standard(), ctx.now)
            .map(|vc| !policy::encryption_keys(&vc).is_empty())
            .unwrap_or(false);
        if !own_ok {
            return Err(Error::IdentityUnusable(crate::tr!("identity-cannot-encrypt")));
        }
        let mut certs: Vec<Cert> = recipients.certs().cloned().collect();
        certs.push(own);
        Ok(Sealer { certs, signer: unlocked.signer().clone(), now: ctx.now, warnings })
    }

    /// `seipdv1` or `seipdv2`: see [`policy::message_format`].
    pub fn format(&self) -> &'static str {
        policy::message_format(&self.certs, self.now).as_str()
    }

    /// Signs and encrypts everything `input` yields into `sink`, with
    /// `literal_name` as the name inside. Returns the SHA-256 (hex) and
    /// length of the input.
    pub fn seal(
        &self,
        input: &mut dyn Read,
        sink: &mut (dyn Write + Send + Sync),
        literal_name: &[u8],
        armor: bool,
        progress: &dyn Progress,
    ) -> openpgp::Result<(String, u64)> {
        let policy = policy::standard();
        let valid = self.certs.iter().map(|c| c.with_policy(policy, self.now)).collect::<openpgp::Result<Vec<_>>>()?;
        let keys: Vec<Recipient> = valid.iter().flat_map(policy::encryption_keys).map(Recipient::from).collect();
        seal(input, sink, literal_name, keys, &self.signer, &self.certs, armor, self.now, progress)
    }
}

/// `carepost send`.
pub fn send(ctx: &mut Context<'_>, request: &Request, progress: &dyn Progress) -> Result<Report> {
    // 0. Never with a revoked identity.
    crate::revoke::refuse_if_revoked(ctx)?;
    if request.inputs.is_empty() {
        return Err(Error::Usage(crate::tr!("send-nothing")));
    }
    // 1. Recipients: known, usable, and verified unless a reason is given.
    let recipients = Recipients::check(ctx, &request.recipients, request.unverified_ok.as_deref())?;
    let mut report = Report {
        warnings: recipients.warnings.clone(),
        unverified_ok: recipients.unverified_ok.clone(),
        ..Default::default()
    };

    // 2. Inputs: regular, readable, non-empty files.
    let mut inputs = Vec::with_capacity(request.inputs.len());
    for path in &request.inputs {
        inputs.push(open_input(path)?);
    }

    // 3. Where the output goes, and for how long.
    let keep_for = retention::policy(ctx)?.choose(retention::Kind::Sent, request.retain)?;
    let expires = crate::fmt_time(retention::expiry_base(ctx)? + keep_for);
    let out_dir = ctx.home.output_dir(request.output_dir.as_deref(), ctx.home.outbox())?;

    // 4. Our own key, unlocked.
    let sealer = Sealer::new(ctx, &recipients)?;
    report.warnings.extend(sealer.warnings.iter().cloned());
    let summaries = recipients.summaries();
    let format = sealer.format();

    // 5. Seal every document into a nameless file; name them only when
    //    all succeeded.
    let date = chrono::Local::now().format("%Y%m%d").to_string();
    let mut sealed = Vec::with_capacity(inputs.len());
    for (path, mut file, size) in inputs {
        let mut pending = PendingFile::new_in(&out_dir)?;
        let inner_name = literal_name(&path);
        progress.start(size);
        let mut sink = HashingWriter::new(pending.file());
        let result = sealer.seal(&mut file, &mut sink, inner_name.as_bytes(), request.armor, progress);
        progress.finish();
        let (sha256, bytes) = result.map_err(|e| classify_write_error(e, &out_dir))?;
        let written = sink.finish().map_err(|e| Error::io("io-write", &out_dir, e))?;
        let suffix = if request.armor { "asc" } else { "pgp" };
        let outer = if request.keep_name {
            format!("{inner_name}.{suffix}")
        } else {
            crate::names::outer_name(&date, &crate::names::random_id(), &inner_name, request.armor)
        };
        sealed.push((path, pending, outer, sha256, bytes, written));
    }

    // 6. Announced, named and recorded together — every recipient of
    //    every document in the audit log, and a justified exception — or
    //    the send does not stand.
    let mut events = Vec::new();
    for (_, _, _, sha256, size, _) in &sealed {
        for recipient in &summaries {
            let mut event = Event::new(Action::Send, Outcome::Success)
                .contact(&recipient.alias, &recipient.fingerprint)
                .document(sha256, *size);
            if let (false, Some(reason)) = (recipient.verified, &report.unverified_ok) {
                event = event.detail(format!("unverified-ok: {reason}"));
            }
            events.push(event);
        }
    }
    let acceptance = report.unverified_ok.as_ref().map(|reason| {
        let documents: Vec<(&str, u64)> = sealed.iter().map(|s| (s.3.as_str(), s.4)).collect();
        risk_acceptance(&summaries, reason, &documents)
    });
    let actor = ctx.identity()?.fingerprint_hex();
    let at = crate::fmt_time(ctx.now);
    let mut sealed_documents = Vec::with_capacity(sealed.len());
    let mut outputs = Vec::with_capacity(sealed.len());
    for (input, pending, outer, sha256, size, (output_sha256, output_size)) in sealed {
        outputs.push(commit::Output::new(pending, outer, commit::Naming::FirstFree, output_sha256, output_size));
        sealed_documents.push((input, sha256, size));
    }
    let committed = commit::commit(ctx, retention::Kind::Sent, keep_for, outputs, events, |tx| match &acceptance {
        Some((contacts, reason, documents)) => {
            crate::store::record_risk_acceptance(tx, &at, &actor, "send-unverified", contacts, reason, documents)
        }
        None => Ok(()),
    })?;
    for ((input, sha256, size), commit::Committed { path: output, .. }) in sealed_documents.into_iter().zip(committed) {
        report.outputs.push(Sent {
            input,
            output,
            recipients: summaries.clone(),
            sha256,
            size,
            format: "openpgp",
            path: "key",
            message_format: format,
            expires: expires.clone(),
        });
    }
    Ok(report)
}

pub(crate) fn open_input(path: &Path) -> Result<(PathBuf, File, u64)> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::InputMissing(path.to_path_buf()),
        _ => Error::io("io-read", path, e),
    })?;
    if !meta.is_file() {
        return Err(Error::InputNotAFile(path.to_path_buf()));
    }
    if meta.len() == 0 {
        return Err(Error::InputEmpty(path.to_path_buf()));
    }
    let file = File::open(path).map_err(|e| Error::io("io-read", path, e))?;
    Ok((path.to_path_buf(), file, meta.len()))
}

/// The name that travels inside the encryption: the document's own name.
pub(crate) fn literal_name(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // The literal packet's name field holds at most 255 bytes.
    crate::names::sanitize(name.as_bytes()).unwrap_or_else(|| crate::names::FALLBACK_STEM.to_owned())
}

/// Signs and encrypts `input` into `sink` with Sequoia's streaming
/// signer. Returns the document's SHA-256 (hex) and its length; that hash
/// is computed on a second thread.
#[allow(clippy::too_many_arguments)]
fn seal(
    input: &mut dyn Read,
    sink: &mut (dyn Write + Send + Sync),
    literal_name: &[u8],
    recipients: Vec<Recipient<'_>>,
    signer: &KeyPair,
    intended: &[Cert],
    armor: bool,
    now: std::time::SystemTime,
    progress: &dyn Progress,
) -> openpgp::Result<(String, u64)> {
    let mut out = BufWriter::with_capacity(CHUNK, sink);
    let mut message = Message::new(&mut out);
    if armor {
        message = Armorer::new(message).kind(openpgp::armor::Kind::Message).build()?;
    }
    let message = Encryptor::for_recipients(message, recipients).symmetric_algo(policy::SYMMETRIC).build()?;
    let mut message = Signer::new(message, signer.clone())?.hash_algo(SIGNATURE_HASH)?.creation_time(now);
    for cert in intended {
        message = message.add_intended_recipient(cert);
    }
    let message = message.build()?;
    let literal = LiteralWriter::new(message).format(DataFormat::Binary).filename(literal_name)?.build()?;
    let sealed = write_literal(literal, input, progress)?;
    out.flush()?;
    drop(out);
    Ok(sealed)
}

/// Streams `input` into the literal packet `literal` and closes it (and
/// the signer and encryptor around it). Returns the document's SHA-256
/// (hex), computed on a second thread, and its length.
pub(crate) fn write_literal(
    mut literal: Message<'_>,
    input: &mut dyn Read,
    progress: &dyn Progress,
) -> openpgp::Result<(String, u64)> {
    let document = ParallelHasher::sha256();
    let mut length = 0u64;
    loop {
        let chunk = read_chunk(input)?;
        if chunk.is_empty() {
            break;
        }
        let chunk = Arc::new(chunk);
        length += chunk.len() as u64;
        document.update(Arc::clone(&chunk));
        literal.write_all(&chunk)?;
        progress.advance(chunk.len() as u64);
        hold_if_asked(length);
    }
    literal.finalize()?;
    Ok((crate::hashing::hex_digest(document.finish()?)?, length))
}

/// Test hook, inert unless set: with `CAREPOST_TEST_HOLD_WRITE=PATH`, a
/// writer that has sealed more than [`HOLD_AFTER`] bytes creates `PATH` and
/// stops there for good, so that a test can kill it mid-write knowing
/// that output is on disk and the command has not finished.
fn hold_if_asked(sealed: u64) {
    hold_if_asked_after(sealed, HOLD_AFTER)
}

/// [`hold_if_asked`] with another threshold: for outputs written from
/// memory (a protected PDF), which hold as soon as `after` bytes are on
/// disk.
pub(crate) fn hold_if_asked_after(sealed: u64, after: u64) {
    if sealed <= after {
        return;
    }
    if let Some(path) = std::env::var_os("CAREPOST_TEST_HOLD_WRITE") {
        let _ = File::create(path);
        loop {
            std::thread::park();
        }
    }
}

/// Where [`hold_if_asked`] holds: well past Sequoia's partial-body
/// buffers (4 MiB each, literal and encrypted) and ours, so that sealed
/// output has reached the file.
const HOLD_AFTER: u64 = 16 << 20;

/// Fills a fresh buffer of up to [`CHUNK`] bytes; empty at end of file.
fn read_chunk(input: &mut dyn Read) -> std::io::Result<Vec<u8>> {
    read_up_to(input, CHUNK)
}

/// Reads up to `size` bytes into a fresh buffer, fewer only at the end of
/// the input.
pub(crate) fn read_up_to(input: &mut dyn Read, size: usize) -> std::io::Result<Vec<u8>> {
    let mut buffer = vec![0u8; size];
    let mut filled = 0;
    while filled < size {
        match input.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    buffer.truncate(filled);
    Ok(buffer)
}

pub(crate) fn classify_write_error(e: anyhow::Error, out_dir: &Path) -> Error {
    match e.downcast::<std::io::Error>() {
        Ok(io) => Error::io("io-write", out_dir, io),
        Err(other) => Error::Internal(other.to_string()),
    }
}

/// The risk-acceptance row for unverified recipients: (contacts JSON,
/// reason, documents JSON).
pub(crate) fn risk_acceptance(
    recipients: &[RecipientSummary],
    reason: &str,
    documents: &[(&str, u64)],
) -> (String, String, String) {
    let contacts = serde_json::to_string(
        &recipients.iter().filter(|r| !r.verified).map(|r| (&r.alias, &r.fingerprint)).collect::<Vec<_>>(),
    )
    .expect("plain data serializes");
    let documents = serde_json::to_string(documents).expect("plain data serializes");
    (contacts, reason.to_owned(), documents)
}
