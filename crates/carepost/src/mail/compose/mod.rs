//! Composing: one PGP/MIME email (RFC 3156) carrying a message text and
//! every document, signed and encrypted to every recipient and to the
//! sender, with the real subject protected inside (RFC 9788).
//!
//! The message, as written to `OUT.eml` (CRLF line endings throughout):
//!
//! ```text
//! From, To, Date, Message-ID, Subject: [...], MIME-Version, Autocrypt
//! Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"
//!   preamble: a short Dutch + English note, no personal data
//!   application/pgp-encrypted   "Version: 1"
//!   application/octet-stream    the armored OpenPGP message, holding:
//!     multipart/mixed; hp="cipher"; protected-headers="v1"
//!       (the real Subject, From, To, Date, Message-ID, and HP-Outer)
//!       text/plain; charset=utf-8   the message text
//!       one attachment per document, under its real name
//! ```
//!
//! Nothing about the patient or the documents is in an outer header: the
//! outer subject is RFC 9788's `[...]`, the Message-ID is random, and the
//! recipients appear as bare addresses. The inner MIME is generated as a
//! reader that base64-encodes each document chunk by chunk straight into
//! [`Sealer::seal`], so a large attachment is never held in memory; the
//! result goes into a nameless [`PendingFile`] that gets its name only
//! when complete, never replacing an existing file, and becomes a managed
//! `sent` file with one audit record per recipient and document — exactly
//! as `carepost send` does.

use crate::audit::{Action, Event, Outcome};
use crate::commit;
use crate::error::{Error, Result};
use crate::hashing::{HashingWriter, ParallelHasher};
use crate::output::PendingFile;
use crate::policy;
use crate::retention;
use crate::send::{Progress, Recipients, Report, Sealer, Sent};
use crate::Context;
use base64::Engine as _;
use openpgp::serialize::Serialize as _;
use openpgp::{Cert, Packet};
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Bytes of a document encoded per refill: 1024 lines of 57 bytes, i.e.
/// 1024 base64 lines of 76 characters.
const FILE_CHUNK: usize = 57 * 1024;
/// Raw bytes per base64 line (76 characters).
const B64_LINE_BYTES: usize = 57;
/// RFC 9788's placeholder for an obscured subject.
pub const OUTER_SUBJECT: &str = "[...]";
/// Longest subject accepted, in characters.
const MAX_SUBJECT_CHARS: usize = 500;

/// What the user asked to send as one email.
#[derive(Debug, Default, Clone)]
pub struct ComposeRequest {
    pub inputs: Vec<PathBuf>,
    pub recipients: Vec<String>,
    pub unverified_ok: Option<String>,
    /// The real subject (inside the encryption only); a neutral default
    /// when `None`.
    pub subject: Option<String>,
    /// The message text; a short default when `None`.
    pub message: Option<String>,
    /// Keep the `.eml` this long instead of the `sent` retention.
    pub retain: Option<Duration>,
    /// Where the `.eml` goes; an existing file is never replaced.
    pub output: PathBuf,
}

/// The email that was written.
#[derive(Debug, Serialize)]
pub struct Composed {
    /// The `.eml` file (a managed `sent` file).
    pub path: PathBuf,
    /// The sender's bare address (for the SMTP envelope).
    pub from: String,
    /// The recipients' bare addresses, in order (for the SMTP envelope).
    pub to: Vec<String>,
    /// Without angle brackets.
    pub message_id: String,
    /// Size and SHA-256 (hex) of the `.eml`.
    pub size: u64,
    pub sha256: String,
    /// When carepost deletes the `.eml` (RFC 3339).
    pub expires: String,
    /// The contract's `send` result: one entry per document, whose
    /// `output` is the `.eml`.
    #[serde(flatten)]
    pub report: Report,
}

/// `carepost send FILE... --to ALIAS --eml OUT.eml`: writes one signed and
/// encrypted PGP/MIME email holding every document to `req.output`, under
/// the same policy as `send` (verified recipients only, unless a reason is
/// given), and records it as a managed `sent` file with audit records.
/// Nothing appears at `req.output` unless everything succeeded.
pub fn compose(ctx: &mut Context<'_>, req: &ComposeRequest, progress: &dyn Progress) -> Result<Composed> {
    if req.inputs.is_empty() {
        return Err(Error::Usage(crate::tr!("send-nothing")));
    }
    // 1. Recipients: known, usable, verified unless a reason is given, and
    //    each with an email address to write to.
    let recipients = Recipients::check(ctx, &req.recipients, req.unverified_ok.as_deref())?;
    let mut to = Vec::new();
    for (summary, cert) in recipients.summaries().iter().zip(recipients.certs()) {
        to.push(email_of(cert).ok_or_else(|| Error::NoEmailAddress(summary.alias.clone()))?);
    }
    let mut report = Report {
        warnings: recipients.warnings.clone(),
        unverified_ok: recipients.unverified_ok.clone(),
        ..Default::default()
    };

    // 2. Inputs, subject, text and where it goes — all before unlocking.
    let mut inputs = Vec::with_capacity(req.inputs.len());
    for path in &req.inputs {
        inputs.push(crate::send::open_input(path)?);
    }
    let subject = clean_subject(req.subject.as_deref().unwrap_or(&crate::tr!("mail-default-subject")))?;
    let text = req.message.clone().unwrap_or_else(|| crate::tr!("mail-default-text", count = inputs.len()));
    let (out_dir, out_name) = output_place(&req.output)?;
    let keep_for = retention::policy(ctx)?.choose(retention::Kind::Sent, req.retain)?;
    let expires = crate::fmt_time(retention::expiry_base(ctx)? + keep_for);

    // 3. Our own key.
    let identity = ctx.identity()?;
    let from = identity.email();
    let own_cert = identity.public_cert();
    let keydata = autocrypt_keydata(&own_cert, &from, ctx.now)?;
    let sealer = Sealer::new(ctx, &recipients)?;
    report.warnings.extend(sealer.warnings.iter().cloned());
    let format = sealer.format();
    let summaries = recipients.summaries();

    // 4. The message.
    let domain = from.rsplit_once('@').map(|(_, d)| d).filter(|d| is_dot_atom(d)).unwrap_or("localhost");
    let message_id = format!("{}@{domain}", random_hex(16));
    let date = chrono::DateTime::<chrono::Local>::from(ctx.now).to_rfc2822();
    let from_header = mailbox(&identity.name(), &from);
    let to_header = to.join(",\r\n ");
    let outer_boundary = format!("carepost-{}", random_hex(12));
    let inner_boundary = format!("carepost-{}", random_hex(12));

    let mut outer = String::new();
    header(&mut outer, "From", &from_header);
    header(&mut outer, "To", &to_header);
    header(&mut outer, "Date", &date);
    header(&mut outer, "Message-ID", &format!("<{message_id}>"));
    header(&mut outer, "Subject", OUTER_SUBJECT);
    header(&mut outer, "MIME-Version", "1.0");
    outer.push_str(&autocrypt_header(&from, &keydata));
    header(
        &mut outer,
        "Content-Type",
        &format!("multipart/encrypted;\r\n protocol=\"application/pgp-encrypted\";\r\n boundary=\"{outer_boundary}\""),
    );
    outer.push_str("\r\n");
    for line in crate::tr!("mail-preamble").lines() {
        outer.push_str(line.trim_end());
        outer.push_str("\r\n");
    }
    outer.push_str(&format!(
        "\r\n--{outer_boundary}\r\n\
         Content-Type: application/pgp-encrypted\r\n\
         Content-Description: PGP/MIME version identification\r\n\
         \r\n\
         Version: 1\r\n\
         \r\n\
         --{outer_boundary}\r\n\
         Content-Type: application/octet-stream; name=\"encrypted.asc\"\r\n\
         Content-Description: OpenPGP encrypted message\r\n\
         Content-Disposition: inline; filename=\"encrypted.asc\"\r\n\
         \r\n"
    ));
    let outer_end = format!("\r\n--{outer_boundary}--\r\n");

    let mut inner_head = String::new();
    header(
        &mut inner_head,
        "Content-Type",
        &format!("multipart/mixed; boundary=\"{inner_boundary}\";\r\n hp=\"cipher\"; protected-headers=\"v1\""),
    );
    header(&mut inner_head, "From", &from_header);
    header(&mut inner_head, "To", &to_header);
    header(&mut inner_head, "Date", &date);
    header(&mut inner_head, "Message-ID", &format!("<{message_id}>"));
    header(&mut inner_head, "Subject", &encode_unstructured(&subject));
    header(&mut inner_head, "MIME-Version", "1.0");
    for (name, value) in [
        ("From", from_header.as_str()),
        ("To", to_header.as_str()),
        ("Date", date.as_str()),
        ("Message-ID", &format!("<{message_id}>")),
        ("Subject", OUTER_SUBJECT),
    ] {
        header(&mut inner_head, "HP-Outer", &format!("{name}: {value}"));
    }
    inner_head.push_str(&format!(
        "\r\n--{inner_boundary}\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         \r\n"
    ));
    let mut segments = VecDeque::new();
    let mut head = inner_head.into_bytes();
    head.extend(quoted_printable(&text));
    segments.push_back(Segment::Bytes(head));
    let mut estimate = 0u64;
    let mut documents = Vec::with_capacity(inputs.len());
    for (index, (path, mut file, size)) in inputs.into_iter().enumerate() {
        let name = crate::send::literal_name(&path);
        let content_type = content_type(&name, &mut file)?;
        let mut type_line = format!("Content-Type: {content_type};");
        super::header::push_parameter(&mut type_line, "name", &name);
        let mut disposition = "Content-Disposition: attachment;".to_owned();
        super::header::push_parameter(&mut disposition, "filename", &name);
        let part = format!(
            "\r\n--{inner_boundary}\r\n\
             {type_line}\r\n\
             {disposition}\r\n\
             Content-Transfer-Encoding: base64\r\n\
             \r\n"
        );
        segments.push_back(Segment::Bytes(part.into_bytes()));
        segments.push_back(Segment::File { file, index });
        estimate += size.div_ceil(B64_LINE_BYTES as u64) * 78;
        documents.push((path, content_type, size));
    }
    segments.push_back(Segment::Bytes(format!("\r\n--{inner_boundary}--\r\n").into_bytes()));
    // One limit for writing and reading an email, checked before anything
    // is written: the armor adds a third, its line breaks 1/32 more.
    let inner_size: u64 =
        segments.iter().map(|s| if let Segment::Bytes(b) = s { b.len() as u64 } else { 0 }).sum::<u64>() + estimate;
    let projected = outer.len() as u64 + outer_end.len() as u64 + inner_size.div_ceil(3) * 4 * 66 / 64 + 4096;
    if projected > crate::mail::parse::MAX_MAIL_BYTES {
        return Err(Error::EmailTooLarge { size: projected, limit: crate::mail::parse::MAX_MAIL_BYTES });
    }
    let mut mime = InnerMime::new(segments, documents.len());

    let mut pending = PendingFile::new_in(&out_dir)?;
    let mut sink = HashingWriter::new(pending.file());
    let written = (|| -> Result<()> {
        sink.write_all(outer.as_bytes()).map_err(|e| Error::io("io-write", &out_dir, e))?;
        progress.start(estimate);
        let sealed = {
            let mut crlf = super::crlf::CrlfWriter::new(&mut sink);
            sealer.seal(&mut mime, &mut crlf, b"", true, progress)
        };
        progress.finish();
        sealed.map_err(|e| match mime.error.take() {
            Some(io) => Error::io("io-read", &req.inputs[io.0], io.1),
            None => crate::send::classify_write_error(e, &out_dir),
        })?;
        sink.write_all(outer_end.as_bytes()).map_err(|e| Error::io("io-write", &out_dir, e))
    })();
    written?;
    let (eml_sha256, eml_size) = sink.finish().map_err(|e| Error::io("io-write", &out_dir, e))?;
    let hashes = mime.finish()?;

    // 5. Announced, named (exactly as asked, never replacing anything) and
    //    recorded together — every recipient of every document in the
    //    audit log, and a justified exception — or the email does not
    //    stand.
    let mut events = Vec::new();
    for (sha256, size) in &hashes {
        for recipient in &summaries {
            let event = Event::new(Action::Send, Outcome::Success)
                .contact(&recipient.alias, &recipient.fingerprint)
                .document(sha256, *size);
            events.push(match (recipient.verified, &report.unverified_ok) {
                (false, Some(reason)) => event.detail(format!("email; unverified-ok: {reason}")),
                _ => event.detail("email"),
            });
        }
    }
    let acceptance = report.unverified_ok.as_ref().map(|reason| {
        let documents: Vec<(&str, u64)> = hashes.iter().map(|(sha256, size)| (sha256.as_str(), *size)).collect();
        crate::send::risk_acceptance(&summaries, reason, &documents)
    });
    let actor = identity.fingerprint_hex();
    let at = crate::fmt_time(ctx.now);
    let output = commit::Output::new(pending, out_name, commit::Naming::Exactly, eml_sha256.clone(), eml_size);
    let committed =
        commit::commit(ctx, retention::Kind::Sent, keep_for, vec![output], events, |tx| match &acceptance {
            Some((contacts, reason, documents)) => {
                crate::store::record_risk_acceptance(tx, &at, &actor, "send-unverified", contacts, reason, documents)
            }
            None => Ok(()),
        })?;
    let path = committed.into_iter().next().expect("one output, one path").path;
    for ((input, _, _), (sha256, size)) in documents.iter().zip(&hashes) {
        report.outputs.push(Sent {
            input: input.clone(),
            output: path.clone(),
            recipients: summaries.clone(),
            sha256: sha256.clone(),
            size: *size,
            format,
            expires: expires.clone(),
        });
    }
    Ok(Composed { path, from, to, message_id, size: eml_size, sha256: eml_sha256, expires, report })
}

/// The folder (resolved) and file name of the `.eml`; refuses an existing
/// file and a missing folder.
fn output_place(output: &Path) -> Result<(PathBuf, String)> {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty() && n != "." && n != "..")
        .ok_or_else(|| Error::Usage(crate::tr!("mail-output-not-a-file")))?;
    if output.symlink_metadata().is_ok() {
        return Err(Error::OutputExists(output.to_path_buf()));
    }
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(Error::OutputDir(parent));
    }
    let dir = std::fs::canonicalize(&parent).map_err(|e| Error::io("io-resolve", &parent, e))?;
    Ok((dir, name))
}

/// The email address of a certificate: its primary user ID's, else the
/// first user ID that has one.
pub fn email_of(cert: &Cert) -> Option<String> {
    let email = |u: &openpgp::packet::UserID| u.email().ok().flatten().map(str::to_owned);
    let primary = cert
        .with_policy(policy::standard(), None)
        .ok()
        .and_then(|vc| vc.primary_userid().ok().and_then(|ua| email(ua.userid())));
    primary.or_else(|| cert.userids().find_map(|ua| email(ua.userid()))).filter(|e| is_addr_spec(e))
}

/// A plain `local@domain` address that is safe to put in a header.
fn is_addr_spec(addr: &str) -> bool {
    match addr.rsplit_once('@') {
        Some((local, domain)) => !local.is_empty() && is_dot_atom(local) && is_dot_atom(domain),
        None => false,
    }
}

fn is_dot_atom(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 254
        && s.split('.').all(|atom| {
            !atom.is_empty() && atom.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b))
        })
}

/// Control characters (header injection) become spaces; the length is
/// bounded.
fn clean_subject(subject: &str) -> Result<String> {
    let cleaned: String =
        subject.chars().map(|c| if crate::safe::is_dangerous(c) { ' ' } else { c }).collect::<String>();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.chars().count() > MAX_SUBJECT_CHARS {
        return Err(Error::Usage(crate::tr!("mail-subject-too-long", max = MAX_SUBJECT_CHARS)));
    }
    Ok(cleaned)
}

fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    openpgp::crypto::random(&mut buffer).expect("system randomness");
    openpgp::fmt::hex::encode(buffer).to_lowercase()
}

fn header(out: &mut String, name: &str, value: &str) {
    out.push_str(name);
    out.push_str(": ");
    out.push_str(value);
    out.push_str("\r\n");
}

/// `"Display Name" <addr>`, or `=?utf-8?B?…?= <addr>` for a non-ASCII name.
fn mailbox(name: &str, addr: &str) -> String {
    let name: String = name.chars().filter(|c| !crate::safe::is_dangerous(*c)).collect();
    let name = name.trim();
    if name.is_empty() {
        return addr.to_owned();
    }
    if name.is_ascii() {
        format!("\"{}\" <{addr}>", name.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        format!("{} <{addr}>", super::header::encoded_words("From: ", name))
    }
}

/// An unstructured header value: as it is when short plain ASCII, else
/// RFC 2047 encoded words, folded.
fn encode_unstructured(text: &str) -> String {
    if text.is_ascii() && text.len() <= 70 && !text.contains("=?") {
        text.to_owned()
    } else {
        super::header::encoded_words("Subject: ", text)
    }
}

/// Quoted-printable (RFC 2045) with CRLF line breaks: every line of the
/// text, lines kept under 76 characters with soft breaks.
fn quoted_printable(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 8);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\r\n");
        }
        let bytes = line.as_bytes();
        let mut column = 0;
        for (j, &b) in bytes.iter().enumerate() {
            let last = j + 1 == bytes.len();
            let literal =
                (b == b'\t' || (0x20..0x7f).contains(&b)) && b != b'=' && !(last && (b == b' ' || b == b'\t'));
            let width = if literal { 1 } else { 3 };
            if column + width > 75 {
                out.extend_from_slice(b"=\r\n");
                column = 0;
            }
            if literal {
                out.push(b);
            } else {
                out.extend_from_slice(format!("={b:02X}").as_bytes());
            }
            column += width;
        }
    }
    out
}

/// The MIME type of a document: by its extension, checked against its
/// first bytes; `application/octet-stream` when they disagree or nothing
/// is known.
fn content_type(name: &str, file: &mut File) -> Result<String> {
    use std::io::{Seek, SeekFrom};
    let head = crate::send::read_up_to(file, 4096).map_err(|e| Error::io("io-read", name, e))?;
    file.seek(SeekFrom::Start(0)).map_err(|e| Error::io("io-read", name, e))?;
    Ok(detect_type(name, &head).to_owned())
}

/// See [`content_type`]; `head` is the first few KiB of the document.
pub fn detect_type(name: &str, head: &[u8]) -> &'static str {
    let magic: Option<&'static str> = if head.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        Some("image/tiff")
    } else if head.len() >= 132 && &head[128..132] == b"DICM" {
        Some("application/dicom")
    } else {
        None
    };
    let zip = head.starts_with(b"PK\x03\x04");
    let text = !head.contains(&0) && (std::str::from_utf8(head).is_ok() || utf8_cut_short(head));
    let by_extension = crate::names::extension(name).unwrap_or_default();
    match by_extension.as_str() {
        "pdf" | "png" | "jpg" | "jpeg" | "gif" | "tif" | "tiff" | "dcm" | "dicom" => {
            magic.unwrap_or("application/octet-stream")
        }
        "docx" if zip => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" if zip => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "zip" if zip => "application/zip",
        "txt" if text && magic.is_none() => "text/plain; charset=utf-8",
        "xml" if text && magic.is_none() => "application/xml",
        "html" | "htm" if text && magic.is_none() => "text/html; charset=utf-8",
        _ => magic.unwrap_or("application/octet-stream"),
    }
}

/// Valid UTF-8 except for a character cut off at the end of the sample.
fn utf8_cut_short(head: &[u8]) -> bool {
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && head.len() - e.valid_up_to() < 4,
    }
}

/// `Autocrypt: addr=…; prefer-encrypt=mutual; keydata=…`, folded.
fn autocrypt_header(addr: &str, keydata: &[u8]) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(keydata);
    let mut out = format!("Autocrypt: addr={addr}; prefer-encrypt=mutual; keydata=\r\n");
    for line in encoded.as_bytes().chunks(72) {
        out.push(' ');
        out.push_str(std::str::from_utf8(line).expect("base64 is ASCII"));
        out.push_str("\r\n");
    }
    out
}

/// Autocrypt Level 1's minimal certificate: the primary key, the user ID
/// for `addr` with its self-signature, and the encryption subkey with its
/// binding signature — nothing else.
pub fn autocrypt_keydata(cert: &Cert, addr: &str, now: std::time::SystemTime) -> Result<Vec<u8>> {
    let unusable = |reason: String| Error::IdentityUnusable(reason);
    let vc = cert.with_policy(policy::standard(), now).map_err(|e| unusable(e.to_string()))?;
    let userid = vc
        .userids()
        .find(|ua| ua.userid().email().ok().flatten().is_some_and(|e| e.eq_ignore_ascii_case(addr)))
        .or_else(|| vc.primary_userid().ok())
        .ok_or_else(|| unusable(crate::tr!("identity-cannot-encrypt")))?;
    let subkey = vc
        .keys()
        .subkeys()
        .for_transport_encryption()
        .alive()
        .revoked(false)
        .next()
        .ok_or_else(|| unusable(crate::tr!("identity-cannot-encrypt")))?;
    let packets: Vec<Packet> = vec![
        vc.primary_key().key().clone().into(),
        userid.userid().clone().into(),
        userid.binding_signature().clone().into(),
        subkey.key().clone().into(),
        subkey.binding_signature().clone().into(),
    ];
    let mut out = Vec::new();
    for packet in packets {
        packet.serialize(&mut out).map_err(|e| Error::Internal(e.to_string()))?;
    }
    Ok(out)
}

/// A piece of the inner MIME.
enum Segment {
    Bytes(Vec<u8>),
    /// A document, base64-encoded as it is read; `index` in the request.
    File {
        file: File,
        index: usize,
    },
}

/// The inner MIME entity as a reader: headers and parts as they are,
/// documents base64-encoded chunk by chunk, each hashed on the side.
struct InnerMime {
    segments: VecDeque<Segment>,
    out: Vec<u8>,
    position: usize,
    hasher: Option<ParallelHasher>,
    length: u64,
    hashes: Vec<Option<(String, u64)>>,
    /// A read error of a document, with the document's index: reported
    /// as such rather than as an encryption failure.
    error: Option<(usize, std::io::Error)>,
}

impl InnerMime {
    fn new(segments: VecDeque<Segment>, documents: usize) -> InnerMime {
        InnerMime {
            segments,
            out: Vec::new(),
            position: 0,
            hasher: None,
            length: 0,
            hashes: (0..documents).map(|_| None).collect(),
            error: None,
        }
    }

    /// The SHA-256 (hex) and size of every document, in order.
    fn finish(self) -> Result<Vec<(String, u64)>> {
        self.hashes
            .into_iter()
            .map(|h| h.ok_or_else(|| Error::Internal("a document was not fully read".into())))
            .collect()
    }

    /// Produces the next piece of output; false at the end.
    fn refill(&mut self) -> std::io::Result<bool> {
        self.out.clear();
        self.position = 0;
        loop {
            match self.segments.front_mut() {
                None => return Ok(false),
                Some(Segment::Bytes(bytes)) => {
                    self.out = std::mem::take(bytes);
                    self.segments.pop_front();
                    if !self.out.is_empty() {
                        return Ok(true);
                    }
                }
                Some(Segment::File { file, index }) => {
                    let index = *index;
                    let chunk = match crate::send::read_up_to(file, FILE_CHUNK) {
                        Ok(chunk) => chunk,
                        Err(e) => {
                            let kind = e.kind();
                            self.error = Some((index, e));
                            return Err(std::io::Error::new(kind, "reading a document failed"));
                        }
                    };
                    if chunk.is_empty() {
                        let hasher = self.hasher.take().unwrap_or_else(ParallelHasher::sha256);
                        let digest = crate::hashing::hex_digest(hasher.finish()?)?;
                        self.hashes[index] = Some((digest, self.length));
                        self.length = 0;
                        self.segments.pop_front();
                        continue;
                    }
                    self.length += chunk.len() as u64;
                    for line in chunk.chunks(B64_LINE_BYTES) {
                        let start = self.out.len();
                        self.out.resize(start + 76, 0);
                        let n = base64::engine::general_purpose::STANDARD
                            .encode_slice(line, &mut self.out[start..])
                            .map_err(std::io::Error::other)?;
                        self.out.truncate(start + n);
                        self.out.extend_from_slice(b"\r\n");
                    }
                    // The last line's CRLF is the boundary's own CRLF.
                    if self.out.ends_with(b"\r\n") && chunk.len() < FILE_CHUNK {
                        self.out.truncate(self.out.len() - 2);
                    }
                    self.hasher.get_or_insert_with(ParallelHasher::sha256).update(Arc::new(chunk));
                    return Ok(true);
                }
            }
        }
    }
}

impl Read for InnerMime {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.position >= self.out.len() && !self.refill()? {
            return Ok(0);
        }
        let n = buf.len().min(self.out.len() - self.position);
        buf[..n].copy_from_slice(&self.out[self.position..self.position + n]);
        self.position += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_follow_the_extension_only_when_the_content_agrees() {
        assert_eq!(detect_type("brief.pdf", b"%PDF-1.7\n..."), "application/pdf");
        assert_eq!(detect_type("brief.pdf", b"MZ\x90\0 not a pdf"), "application/octet-stream");
        assert_eq!(detect_type("scan.JPG", &[0xFF, 0xD8, 0xFF, 0xE0]), "image/jpeg");
        assert_eq!(detect_type("noext", b"\x89PNG\r\n\x1a\nxxxx"), "image/png");
        let mut dicom = vec![0u8; 128];
        dicom.extend_from_slice(b"DICMxxxx");
        assert_eq!(detect_type("ct.dcm", &dicom), "application/dicom");
        assert_eq!(detect_type("brief.docx", b"PK\x03\x04xx").split('.').next_back(), Some("document"));
        assert_eq!(detect_type("brief.docx", b"plain text"), "application/octet-stream");
        assert_eq!(detect_type("notes.txt", "héllo".as_bytes()), "text/plain; charset=utf-8");
        assert_eq!(detect_type("notes.txt", b"\0\0binary"), "application/octet-stream");
        assert_eq!(detect_type("x.tif", b"II*\0...."), "image/tiff");
        assert_eq!(detect_type("x.gif", b"GIF89a.."), "image/gif");
    }

    #[test]
    fn quoted_printable_keeps_lines_short_and_text_intact() {
        let text = format!("Geachte collega,\n{}\nMet groet = Dr. é \n", "x".repeat(200));
        let encoded = String::from_utf8(quoted_printable(&text)).unwrap();
        assert!(encoded.split("\r\n").all(|l| l.len() <= 76), "{encoded}");
        assert!(encoded.contains("=3D"));
        assert!(encoded.contains("=C3=A9"));
        assert!(encoded.contains("=20\r\n"), "trailing space is encoded: {encoded}");
    }

    #[test]
    fn subjects_cannot_inject_headers() {
        assert_eq!(clean_subject("Uitslag\r\nBcc: evil@example.org").unwrap(), "Uitslag Bcc: evil@example.org");
        assert!(clean_subject(&"x".repeat(MAX_SUBJECT_CHARS + 1)).is_err());
        let words = encode_unstructured(&"é".repeat(60));
        assert!(words.split("\r\n ").all(|w| w.len() <= 75 && w.starts_with("=?utf-8?b?")), "{words}");
    }

    #[test]
    fn the_preamble_is_plain_ascii_in_two_languages() {
        let preamble = crate::tr!("mail-preamble");
        assert!(preamble.is_ascii(), "{preamble}");
        assert!(preamble.contains("versleuteld") && preamble.contains("encrypted"), "{preamble}");
        assert!(preamble.contains("\n\n"), "the two languages are separate paragraphs: {preamble:?}");
    }

    #[test]
    fn documents_are_base64_in_76_character_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc");
        let content: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&path, &content).unwrap();
        let mut segments = VecDeque::new();
        segments.push_back(Segment::Bytes(b"head\r\n".to_vec()));
        segments.push_back(Segment::File { file: File::open(&path).unwrap(), index: 0 });
        segments.push_back(Segment::Bytes(b"\r\n--end".to_vec()));
        let mut mime = InnerMime::new(segments, 1);
        let mut out = Vec::new();
        mime.read_to_end(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let body = text.strip_prefix("head\r\n").unwrap().strip_suffix("\r\n--end").unwrap();
        assert!(body.split("\r\n").all(|l| l.len() <= 76));
        let decoded = base64::engine::general_purpose::STANDARD.decode(body.replace("\r\n", "")).unwrap();
        assert_eq!(decoded, content);
        let hashes = mime.finish().unwrap();
        assert_eq!(hashes[0].1, content.len() as u64);
        assert_eq!(hashes[0].0, crate::hashing::sha256_of(&mut &content[..]).unwrap().0);
    }
}
