//! Sending to a patient without an OpenPGP key: the document travels
//! encrypted with a password that carepost generates and the clinician
//! reads out on the phone.
//!
//! [`prepare`] does everything that can fail — the recipient, the inputs
//! (a damaged or already encrypted PDF is refused before anything is
//! written), our own key, every output written into a nameless
//! [`PendingFile`] — and returns a [`Prepared`] send holding the one
//! password. The caller shows the password and asks whether it was told;
//! only then does [`Prepared::commit`] name the outputs and record them,
//! as managed `sent` files with their audit records. Dropping a
//! [`Prepared`] discards every pending output: nothing was sent, and the
//! password is gone for good (sending again makes a new one).
//!
//! Two forms:
//! - `pdf` (default): [`crate::pdf::protect`] — an AES-256 encrypted PDF
//!   (the document itself, or a cover page with the file attached) that
//!   the patient's ordinary PDF reader opens. It carries no signature, so
//!   the sender's own copy is a separate OpenPGP message to our own key
//!   ([`Sealer::seal_for_self`]), kept under the same retention.
//! - `openpgp`: [`Sealer::seal_with_password`] — one signed OpenPGP message
//!   that the password opens, and our own key too.
//!
//! The password is never written anywhere by this module: not in a file
//! name, not in the state database, not in an audit record.

use crate::audit::{Action, Event, Outcome};
use crate::commit;
use crate::contacts::{self, Contact};
use crate::error::{Error, Result};
use crate::hashing::HashingWriter;
use crate::i18n::Language;
use crate::mail::compose::password::{Attachment, Letter};
use crate::output::PendingFile;
use crate::password::SpokenPassword;
use crate::retention;
use crate::send::{classify_write_error, literal_name, open_input, Progress, Sealer};
use crate::Context;
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What the patient receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// An encrypted PDF that ordinary PDF readers open with the password.
    #[default]
    Pdf,
    /// An OpenPGP message that the password opens (GnuPG, Kleopatra,
    /// OpenKeychain).
    OpenPgp,
}

impl Format {
    /// `pdf` or `openpgp`, as `--format` and the JSON say it.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::OpenPgp => "openpgp",
        }
    }

    /// Reads `--format`'s value.
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "pdf" => Some(Format::Pdf),
            "openpgp" => Some(Format::OpenPgp),
            _ => None,
        }
    }
}

/// How the user confirmed that the password was told to the patient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Told {
    /// Answered yes when asked.
    Confirmed,
    /// Said so beforehand with `--password-told`.
    Flag,
}

impl Told {
    fn code(self) -> &'static str {
        match self {
            Told::Confirmed => "confirmed",
            Told::Flag => "flag",
        }
    }
}

/// What the user asked to send with a password.
#[derive(Debug, Default, Clone)]
pub struct Request {
    pub inputs: Vec<PathBuf>,
    /// The one contact who receives the password.
    pub recipient: String,
    pub format: Format,
    pub output_dir: Option<PathBuf>,
    /// ASCII armor for the `openpgp` form (`.asc`).
    pub armor: bool,
    /// Keep the document's real name on the output too.
    pub keep_name: bool,
    /// Keep the outputs this long instead of the `sent` retention.
    pub retain: Option<Duration>,
    /// One plain email holding every protected document, written here
    /// (`send --eml`, and `send --smtp` into the mail outbox), instead of
    /// one file per document.
    pub email: Option<PathBuf>,
}

/// The recipient of a password send, as the result shows it.
#[derive(Debug, Clone, Serialize)]
pub struct PasswordRecipient {
    pub alias: String,
    /// The contact's key, when it has one (`--password` to a contact with
    /// a key); `null` for a patient without a key.
    pub fingerprint: Option<String>,
    pub key: bool,
}

/// One document sent with a password.
#[derive(Debug, Clone, Serialize)]
pub struct PasswordSent {
    pub input: PathBuf,
    /// The file for the patient.
    pub output: PathBuf,
    /// `pdf` or `openpgp`.
    pub format: &'static str,
    /// Always `password`.
    pub path: &'static str,
    /// For the `pdf` format: `encrypted` (the PDF itself, re-encrypted)
    /// or `attachment` (a cover page with the file attached).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<&'static str>,
    /// Why the attachment form was used: `not-pdf` or `signed-pdf`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachment_reason: Option<&'static str>,
    /// The sender's own copy (an OpenPGP message to our own key), for the
    /// `pdf` format; the `openpgp` output opens with our key itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy: Option<PathBuf>,
    pub recipients: Vec<PasswordRecipient>,
    /// SHA-256 of the document's content, lowercase hex.
    pub sha256: String,
    pub size: u64,
    /// When carepost deletes the output and the copy (RFC 3339).
    pub expires: String,
}

/// The result of a password send. The password is not part of it: the
/// caller holds it, and prints it only where it must.
#[derive(Debug, Default, Serialize)]
pub struct PasswordReport {
    pub outputs: Vec<PasswordSent>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// The contact a password send goes to.
pub struct PasswordContact {
    alias: String,
    fingerprint: Option<String>,
    /// The address to write to: the one kept with a patient without a
    /// key, else the key's.
    email: Option<String>,
}

impl PasswordContact {
    /// Looks `alias` up: any known contact can receive a password (a
    /// patient without a key always does) — a patient only with consent
    /// on record.
    pub fn check(ctx: &mut Context<'_>, alias: &str) -> Result<PasswordContact> {
        let contact = contacts::get(ctx, alias)?;
        crate::consent::require(ctx, &contact)?;
        Ok(PasswordContact::from_contact(&contact))
    }

    fn from_contact(contact: &Contact) -> PasswordContact {
        PasswordContact {
            alias: contact.alias.clone(),
            fingerprint: contact.cert().map(|c| c.fingerprint().to_hex()),
            email: contact.origin.email.clone().or_else(|| contact.cert().and_then(crate::mail::compose::email_of)),
        }
    }

    pub fn alias(&self) -> &str {
        &self.alias
    }

    pub fn summary(&self) -> PasswordRecipient {
        PasswordRecipient {
            alias: self.alias.clone(),
            fingerprint: self.fingerprint.clone(),
            key: self.fingerprint.is_some(),
        }
    }

    /// An audit event about this contact (alias, and the key's fingerprint
    /// if it has one).
    pub fn event(&self, outcome: Outcome) -> Event {
        let mut event = Event::new(Action::Send, outcome);
        event.contact = Some(self.alias.clone());
        event.fingerprint = self.fingerprint.clone();
        event
    }
}

/// Which contacts of a send need the password path: those without a key,
/// or everyone with `--password`. `Ok(None)`: the key path as usual.
/// Sends that mix both, or that go to several contacts with a password,
/// are refused: each password is for one patient, told on one phone call.
pub fn route(ctx: &mut Context<'_>, aliases: &[String], force_password: bool) -> Result<Option<PasswordContact>> {
    crate::revoke::refuse_if_revoked(ctx)?;
    let mut unique: Vec<&String> = Vec::new();
    for alias in aliases {
        if !unique.contains(&alias) {
            unique.push(alias);
        }
    }
    let mut with_key = Vec::new();
    let mut without_key = Vec::new();
    for alias in &unique {
        let contact = contacts::get(ctx, alias)?;
        // Refused here already, before any other question about the send.
        crate::consent::require(ctx, &contact)?;
        if contact.has_key() && !force_password {
            with_key.push(contact.alias.clone());
        } else {
            without_key.push(PasswordContact::from_contact(&contact));
        }
    }
    if without_key.is_empty() {
        return Ok(None);
    }
    if !with_key.is_empty() {
        return Err(Error::PasswordMixedRecipients {
            with_key,
            without_key: without_key.iter().map(|c| c.alias.clone()).collect(),
        });
    }
    if without_key.len() > 1 {
        return Err(Error::PasswordSeveralRecipients(without_key.into_iter().map(|c| c.alias).collect()));
    }
    Ok(without_key.pop())
}

/// One document, made and written but not named.
struct Made {
    input: PathBuf,
    /// The document's SHA-256 and size.
    sha256: String,
    size: u64,
    form: Option<crate::pdf::Form>,
    /// The patient's file; `None` when the document went into the email.
    patient: Option<Written>,
    /// The sender's copy of a `pdf` form.
    copy: Option<Written>,
}

/// An output in a nameless file: its name-to-be, hash and size.
struct Written {
    pending: PendingFile,
    name: String,
    naming: commit::Naming,
    sha256: String,
    size: u64,
}

/// The email holding every document, written but not named.
struct Email {
    written: Written,
    from: String,
    to: String,
    message_id: String,
}

/// A password send ready to go: every output written, nothing named,
/// nothing recorded. Dropped without [`Prepared::commit`], it leaves
/// nothing behind.
pub struct Prepared {
    password: SpokenPassword,
    recipient: PasswordContact,
    format: Format,
    made: Vec<Made>,
    email: Option<Email>,
    keep_for: Duration,
    expires: String,
    warnings: Vec<String>,
}

/// A committed password send: the result, and the password to print where
/// the user asked for it (`--json`).
pub struct Done {
    pub report: PasswordReport,
    pub password: SpokenPassword,
    /// The email, when the documents went into one: what the mail outbox
    /// queues and delivers (`send --smtp`).
    pub email: Option<crate::mail::compose::Composed>,
}

impl Prepared {
    /// The password to show once and read out to the patient.
    pub fn password(&self) -> &SpokenPassword {
        &self.password
    }

    pub fn recipient(&self) -> &str {
        &self.recipient.alias
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// How many documents this send holds.
    pub fn documents(&self) -> usize {
        self.made.len()
    }

    /// Names every output and records the send — the patient's files and
    /// the sender's copies as managed `sent` files, one audit record per
    /// document saying the path, the format and how the password was told
    /// — or, if anything fails, leaves nothing.
    pub fn commit(self, ctx: &mut Context<'_>, told: Told) -> Result<Done> {
        let Prepared { password, recipient, format, made, email, keep_for, expires, warnings } = self;
        let mut events = Vec::with_capacity(made.len());
        let mut outputs = Vec::new();
        let mut email_meta = None;
        if let Some(email) = email {
            email_meta =
                Some((email.from, email.to, email.message_id, email.written.sha256.clone(), email.written.size));
            outputs.push(email.written.into_output());
        }
        let mut rows = Vec::with_capacity(made.len());
        for m in made {
            let form = m.form.map(|f| f.as_str());
            let mut detail = format!("path=password format={}", format.as_str());
            if let Some(form) = form {
                detail.push_str(&format!(" form={form}"));
            }
            if email_meta.is_some() {
                detail.push_str(" email");
            }
            detail.push_str(&format!(" password-told={}", told.code()));
            events.push(recipient.event(Outcome::Success).document(&m.sha256, m.size).detail(detail));
            let has_copy = m.copy.is_some();
            let has_file = m.patient.is_some();
            if let Some(patient) = m.patient {
                outputs.push(patient.into_output());
            }
            if let Some(copy) = m.copy {
                outputs.push(copy.into_output());
            }
            rows.push((m.input, m.sha256, m.size, m.form, has_file, has_copy));
        }
        let committed = commit::commit(ctx, retention::Kind::Sent, keep_for, outputs, events, |_| Ok(()))?;
        let mut paths = committed.into_iter().map(|c| c.path);
        let email_path = email_meta.as_ref().map(|_| paths.next().expect("the email's path"));
        let mut report = PasswordReport { outputs: Vec::with_capacity(rows.len()), warnings };
        for (input, sha256, size, form, has_file, has_copy) in rows {
            let output = if has_file {
                paths.next().expect("one path per output")
            } else {
                email_path.clone().expect("documents without a file went into the email")
            };
            let copy = if has_copy { paths.next() } else { None };
            report.outputs.push(PasswordSent {
                input,
                output,
                format: format.as_str(),
                path: "password",
                form: form.map(|f| f.as_str()),
                attachment_reason: form.and_then(attachment_reason),
                copy,
                recipients: vec![recipient.summary()],
                sha256,
                size,
                expires: expires.clone(),
            });
        }
        let email = match (email_meta, email_path) {
            (Some((from, to, message_id, sha256, size)), Some(path)) => {
                Some(composed(&report, &recipient, path, from, to, message_id, sha256, size, &expires))
            }
            _ => None,
        };
        Ok(Done { report, password, email })
    }

    /// Records that the user did not confirm the password was told: the
    /// pending outputs are discarded (by dropping them), nothing was sent.
    pub fn discard(self, ctx: &mut Context<'_>) {
        for m in &self.made {
            crate::audit::record_quietly(
                ctx,
                self.recipient
                    .event(Outcome::Refused)
                    .document(&m.sha256, m.size)
                    .detail(format!("path=password format={} password-not-told", self.format.as_str())),
            );
        }
    }
}

fn attachment_reason(form: crate::pdf::Form) -> Option<&'static str> {
    match form {
        crate::pdf::Form::Attachment { reason: crate::pdf::AttachmentReason::NotPdf } => Some("not-pdf"),
        crate::pdf::Form::Attachment { reason: crate::pdf::AttachmentReason::SignedPdf } => Some("signed-pdf"),
        crate::pdf::Form::Encrypted => None,
    }
}

impl Written {
    fn into_output(self) -> commit::Output {
        commit::Output::new(self.pending, self.name, self.naming, self.sha256, self.size)
    }
}

/// The email as the mail outbox knows emails: the key path's result form,
/// with the patient as the one recipient.
#[allow(clippy::too_many_arguments)]
fn composed(
    report: &PasswordReport,
    recipient: &PasswordContact,
    path: PathBuf,
    from: String,
    to: String,
    message_id: String,
    sha256: String,
    size: u64,
    expires: &str,
) -> crate::mail::compose::Composed {
    let summary = crate::send::RecipientSummary {
        alias: recipient.alias.clone(),
        fingerprint: recipient.fingerprint.clone().unwrap_or_default(),
        verified: false,
    };
    let outputs = report
        .outputs
        .iter()
        .map(|sent| crate::send::Sent {
            input: sent.input.clone(),
            output: path.clone(),
            recipients: vec![summary.clone()],
            sha256: sent.sha256.clone(),
            size: sent.size,
            format: sent.format,
            path: "password",
            message_format: "",
            expires: expires.to_owned(),
        })
        .collect();
    crate::mail::compose::Composed {
        path,
        from,
        to: vec![to],
        message_id,
        size,
        sha256,
        expires: expires.to_owned(),
        report: crate::send::Report { outputs, warnings: report.warnings.clone(), unverified_ok: None },
    }
}

/// Checks the recipient and the inputs, generates the password (in the
/// language carepost speaks, which is the patient's for this send) and
/// writes every output into nameless files. Nothing is named or recorded:
/// see [`Prepared`].
pub fn prepare(ctx: &mut Context<'_>, request: &Request, progress: &dyn Progress) -> Result<Prepared> {
    crate::revoke::refuse_if_revoked(ctx)?;
    if request.inputs.is_empty() {
        return Err(Error::Usage(crate::tr!("send-nothing")));
    }
    if request.armor && request.format == Format::Pdf {
        return Err(Error::PasswordArmorNeedsOpenPgp);
    }
    // 1. The recipient, and where the email goes.
    let recipient = PasswordContact::check(ctx, &request.recipient)?;
    let email_place = match &request.email {
        Some(path) => {
            let to = recipient.email.clone().ok_or_else(|| Error::NoEmailAddress(recipient.alias.clone()))?;
            Some((crate::mail::compose::output_place(path)?, to))
        }
        None => None,
    };
    let language = crate::i18n::language();
    let password = SpokenPassword::generate(language);

    // 2. The inputs: readable, non-empty files; for the pdf form, each
    //    already protected here, so that a damaged or encrypted PDF stops
    //    the send before anything is written.
    let mut inputs = Vec::with_capacity(request.inputs.len());
    for path in &request.inputs {
        inputs.push(open_input(path)?);
    }
    let mut protected = Vec::new();
    if request.format == Format::Pdf {
        for (path, file, _) in &mut inputs {
            protected.push(protect(path, file, language, &password)?);
        }
    }

    // 3. Where the outputs go, and for how long.
    let keep_for = retention::policy(ctx)?.choose(retention::Kind::Sent, request.retain)?;
    let expires = crate::fmt_time(retention::expiry_base(ctx)? + keep_for);
    let out_dir = ctx.home.output_dir(request.output_dir.as_deref(), ctx.home.outbox())?;
    let copy_dir = ctx.home.outbox();
    ctx.home.ensure_dir(&copy_dir)?;

    // 4. Our own key: it signs the openpgp form and the sender's copy.
    let sealer = Sealer::without_recipients(ctx)?;
    let warnings = sealer.warnings.clone();
    // The password as the OpenPGP library keeps secrets (protected memory).
    let secret = openpgp::crypto::Password::from(password.as_str());

    // 5. Every output, nameless (or, for an email, in memory until the
    //    email is written).
    let date = chrono::Local::now().format("%Y%m%d").to_string();
    let mut made = Vec::with_capacity(inputs.len());
    let mut attached: Vec<(String, &'static str, Vec<u8>)> = Vec::new();
    let mut attached_size = 0u64;
    let mut protected = protected.into_iter();
    for (path, mut file, size) in inputs {
        let inner = literal_name(&path);
        let id = crate::names::random_id();
        let m = match request.format {
            Format::Pdf => {
                let (pdf, document) = protected.next().expect("one protected form per input");
                let name = if request.keep_name { pdf_name_kept(&inner) } else { format!("document-{date}-{id}.pdf") };
                let patient = if email_place.is_some() {
                    attached_size += pdf.bytes.len() as u64;
                    check_email_size(attached_size)?;
                    attached.push((name, "application/pdf", pdf.bytes));
                    None
                } else {
                    Some(write_bytes(&out_dir, &pdf.bytes, name)?)
                };
                let mut reader: &[u8] = &document;
                let mut copy_pending = PendingFile::new_in(&copy_dir)?;
                let mut sink = HashingWriter::new(copy_pending.file());
                progress.start(size);
                let sealed = sealer.seal_for_self(&mut reader, &mut sink, inner.as_bytes(), false, progress);
                progress.finish();
                let (sha256, doc_size) = sealed.map_err(|e| classify_write_error(e, &copy_dir))?;
                let (copy_sha, copy_size) = sink.finish().map_err(|e| Error::io("io-write", &copy_dir, e))?;
                let copy_name = copy_name(&date, &id, &inner);
                let copy = Written {
                    pending: copy_pending,
                    name: copy_name,
                    naming: commit::Naming::FirstFree,
                    sha256: copy_sha,
                    size: copy_size,
                };
                Made { input: path, sha256, size: doc_size, form: Some(pdf.form), patient, copy: Some(copy) }
            }
            Format::OpenPgp if email_place.is_some() => {
                let mut sealed = Vec::new();
                let mut limited =
                    BoundedWriter { inner: &mut sealed, room: crate::mail::MAX_MAIL_BYTES - attached_size };
                progress.start(size);
                let result =
                    sealer.seal_with_password(&mut file, &mut limited, inner.as_bytes(), false, &secret, progress);
                progress.finish();
                let (sha256, doc_size) = result.map_err(|e| classify_write_error(e, &out_dir))?;
                attached_size += sealed.len() as u64;
                check_email_size(attached_size)?;
                attached.push((
                    crate::names::outer_name(&date, &id, &inner, false),
                    "application/octet-stream",
                    sealed,
                ));
                Made { input: path, sha256, size: doc_size, form: None, patient: None, copy: None }
            }
            Format::OpenPgp => {
                let mut pending = PendingFile::new_in(&out_dir)?;
                let mut sink = HashingWriter::new(pending.file());
                progress.start(size);
                let sealed =
                    sealer.seal_with_password(&mut file, &mut sink, inner.as_bytes(), request.armor, &secret, progress);
                progress.finish();
                let (sha256, doc_size) = sealed.map_err(|e| classify_write_error(e, &out_dir))?;
                let (out_sha, out_size) = sink.finish().map_err(|e| Error::io("io-write", &out_dir, e))?;
                let name = if request.keep_name {
                    format!("{inner}.{}", if request.armor { "asc" } else { "pgp" })
                } else {
                    crate::names::outer_name(&date, &id, &inner, request.armor)
                };
                let patient =
                    Written { pending, name, naming: commit::Naming::FirstFree, sha256: out_sha, size: out_size };
                Made { input: path, sha256, size: doc_size, form: None, patient: Some(patient), copy: None }
            }
        };
        made.push(m);
    }
    // 6. The email, holding every protected document.
    let email = match email_place {
        Some(((dir, name), to)) => {
            let identity = ctx.identity()?;
            let from = identity.email();
            let attachments: Vec<Attachment<'_>> = attached
                .iter()
                .map(|(name, content_type, bytes)| Attachment { name: name.clone(), content_type, bytes })
                .collect();
            let letter = Letter {
                sender_name: &identity.name(),
                sender_email: &from,
                to: &to,
                format: request.format.as_str(),
                days: keep_for.as_secs().div_ceil(86400),
                now: ctx.now,
            };
            let mail = crate::mail::compose::password::write(&letter, &attachments);
            let mut written = write_bytes(&dir, &mail.bytes, name)?;
            written.naming = commit::Naming::Exactly;
            Some(Email { written, from: mail.from, to, message_id: mail.message_id })
        }
        None => None,
    };
    Ok(Prepared { password, recipient, format: request.format, made, email, keep_for, expires, warnings })
}

/// Refuses an email larger than carepost (or a mail provider) accepts:
/// base64 adds a third.
fn check_email_size(attached: u64) -> Result<()> {
    let projected = attached.div_ceil(3) * 4 * 78 / 76 + 16 * 1024;
    if projected > crate::mail::MAX_MAIL_BYTES {
        return Err(Error::EmailTooLarge { size: projected, limit: crate::mail::MAX_MAIL_BYTES });
    }
    Ok(())
}

/// A writer into memory that fails once `room` bytes are used up: an
/// OpenPGP form for an email never grows past what an email may hold.
struct BoundedWriter<'a> {
    inner: &'a mut Vec<u8>,
    room: u64,
}

impl Write for BoundedWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if buf.len() as u64 > self.room {
            return Err(std::io::ErrorKind::FileTooLarge.into());
        }
        self.room -= buf.len() as u64;
        self.inner.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The protected PDF for one input, and the input's bytes (for the
/// sender's copy).
fn protect(
    path: &Path,
    file: &mut std::fs::File,
    language: Language,
    password: &SpokenPassword,
) -> Result<(crate::pdf::Protected, zeroize::Zeroizing<Vec<u8>>)> {
    // One byte past the limit, so that protect sees the input is too large
    // without carepost reading a huge file whole.
    let mut document = zeroize::Zeroizing::new(Vec::new());
    let mut bounded = file.take(crate::pdf::MAX_INPUT + 1);
    bounded.read_to_end(&mut document).map_err(|e| Error::io("io-read", path, e))?;
    if document.is_empty() {
        // As on the key path and in the openpgp form: the same file gets
        // the same refusal and exit status whatever the form.
        return Err(Error::InputEmpty(path.to_path_buf()));
    }
    if document.len() as u64 > crate::pdf::MAX_INPUT {
        // The file's size, not the bytes read: "70 MiB", not "64 MiB".
        let size = bounded.into_inner().metadata().map_or(document.len() as u64, |m| m.len());
        return Err(Error::PdfTooLarge { size, limit: crate::pdf::MAX_INPUT });
    }
    let name = literal_name(path);
    let pdf = crate::pdf::protect(&document, &name, language, password.as_str())?;
    Ok((pdf, document))
}

/// Writes `bytes` into a nameless file in `dir`, to be named `name`.
fn write_bytes(dir: &Path, bytes: &[u8], name: String) -> Result<Written> {
    let mut pending = PendingFile::new_in(dir)?;
    let mut sink = HashingWriter::new(pending.file());
    let mut written = 0u64;
    for chunk in bytes.chunks(crate::send::CHUNK) {
        sink.write_all(chunk).map_err(|e| Error::io("io-write", dir, e))?;
        written += chunk.len() as u64;
        crate::send::hold_if_asked_after(written, HOLD_AFTER_PDF);
    }
    let (sha256, size) = sink.finish().map_err(|e| Error::io("io-write", dir, e))?;
    Ok(Written { pending, name, naming: commit::Naming::FirstFree, sha256, size })
}

/// Where the kill-mid-write test hook holds a protected PDF being written:
/// 1 MiB, so that a test's input need not be larger than a PDF may be.
const HOLD_AFTER_PDF: u64 = 1 << 20;

/// `--keep-name` for the pdf form: the document's own name, ending in
/// `.pdf` (a photo becomes `photo.jpg.pdf`: the patient opens a PDF).
fn pdf_name_kept(inner: &str) -> String {
    if inner.to_ascii_lowercase().ends_with(".pdf") {
        inner.to_owned()
    } else {
        format!("{inner}.pdf")
    }
}

/// The sender's copy: `copy-<date>-<id>[.<ext>].pgp`, beside the outbox's
/// other sent files, with the same id as the patient's file.
fn copy_name(date: &str, id: &str, inner: &str) -> String {
    match crate::names::extension(inner) {
        Some(ext) => format!("copy-{date}-{id}.{ext}.pgp"),
        None => format!("copy-{date}-{id}.pgp"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_read_and_print_as_the_cli_says() {
        for format in [Format::Pdf, Format::OpenPgp] {
            assert_eq!(Format::from_name(format.as_str()), Some(format));
        }
        assert_eq!(Format::from_name("PDF"), None);
        assert_eq!(Format::default(), Format::Pdf);
    }

    #[test]
    fn names_say_nothing_but_the_extension() {
        assert_eq!(copy_name("20261204", "abcd1234", "Jansen_lab.pdf"), "copy-20261204-abcd1234.pdf.pgp");
        assert_eq!(copy_name("20261204", "abcd1234", "scan"), "copy-20261204-abcd1234.pgp");
        assert_eq!(pdf_name_kept("photo.jpg"), "photo.jpg.pdf");
        assert_eq!(pdf_name_kept("lab.PDF"), "lab.PDF");
    }
}
