//! Composing: one PGP/MIME email (RFC 3156) carrying a message text and
//! every document, signed and encrypted to every recipient and to the
//! sender, with the real subject protected inside (RFC 9788).
//!
//! The message, as written to `OUT.eml` (CRLF line endings throughout):
//!
//! ```text
//! From, To, Date, Message-ID, Subject: [...], MIME-Version, Autocrypt
//! Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"
//!   preamble: a short note in the sender's language, no personal data
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
//!
//! This file is the use case; the inner MIME reader is [`inner`], the
//! headers, addresses and encodings it writes are [`headers`].

mod headers;
mod inner;
// The plain email to a patient without a key (documents protected by a
// password told by phone).
pub mod password;

pub use headers::{autocrypt_keydata, email_of};

use crate::audit::{Action, Event, Outcome};
use crate::commit;
use crate::error::{Error, Result};
use crate::hashing::HashingWriter;
use crate::output::PendingFile;
use crate::retention;
use crate::send::{Progress, Recipients, Report, Sealer, Sent};
use crate::Context;
use headers::{
    autocrypt_header, clean_subject, content_type, encode_unstructured, header, is_dot_atom, mailbox, quoted_printable,
};
use inner::{InnerMime, Segment, B64_LINE_BYTES};
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::collections::VecDeque;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::mail::OUTER_SUBJECT;

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
    for line in preamble().lines() {
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
    if projected > crate::mail::MAX_MAIL_BYTES {
        return Err(Error::EmailTooLarge { size: projected, limit: crate::mail::MAX_MAIL_BYTES });
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
            format: "openpgp",
            path: "key",
            message_format: format,
            expires: expires.clone(),
        });
    }
    Ok(Composed { path, from, to, message_id, size: eml_size, sha256: eml_sha256, expires, report })
}

/// The folder (resolved) and file name of the `.eml`; refuses an existing
/// file and a missing folder.
pub(crate) fn output_place(output: &Path) -> Result<(PathBuf, String)> {
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

/// The note outside the encryption: first in the language carepost runs
/// in, then in the others it speaks, because the reader's own language is
/// not known here (a Brussels practice writes to Dutch- and French-speaking
/// patients alike). The same three notes for every message, so the note
/// says nothing about the message but the sender's language.
fn preamble() -> String {
    let first = crate::i18n::language();
    let rest = crate::i18n::Language::ALL.into_iter().filter(|language| *language != first);
    std::iter::once(first)
        .chain(rest)
        .map(|language| ascii_note(&crate::i18n::translate_in(language.code(), "mail-preamble-note", &[])))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The note outside the encryption, in plain ASCII: a MIME preamble has
/// no charset (RFC 2046), so accents are dropped rather than risk garbled
/// text, and the gate accepts nothing else.
fn ascii_note(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if c.is_ascii() => out.push(c),
            'à' | 'á' | 'â' | 'ä' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ò' | 'ó' | 'ô' | 'ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ÿ' => out.push('y'),
            'À' | 'Â' | 'Ä' => out.push('A'),
            'Ç' => out.push('C'),
            'È' | 'É' | 'Ê' | 'Ë' => out.push('E'),
            'Î' | 'Ï' => out.push('I'),
            'Ô' | 'Ö' => out.push('O'),
            'Ù' | 'Û' | 'Ü' => out.push('U'),
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("OE"),
            'æ' => out.push_str("ae"),
            '«' | '»' | '“' | '”' | '„' => out.push('"'),
            '‘' | '’' => out.push('\''),
            '–' | '—' => out.push('-'),
            '…' => out.push_str("..."),
            c if c.is_whitespace() => out.push(' '),
            _ => out.push('?'),
        }
    }
    out
}

fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    openpgp::crypto::random(&mut buffer).expect("system randomness");
    openpgp::fmt::hex::encode(buffer).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::{ascii_note, preamble};

    #[test]
    fn the_preamble_is_plain_ascii_in_three_languages() {
        let preamble = preamble();
        assert!(preamble.is_ascii(), "{preamble}");
        assert_eq!(preamble.split("\n\n").count(), 3, "{preamble}");
        for words in ["encrypted message", "versleuteld bericht", "message chiffre"] {
            assert!(preamble.contains(words), "{words}: {preamble}");
        }
    }

    #[test]
    fn accents_are_dropped_from_the_note_not_the_letters() {
        assert_eq!(
            ascii_note("Ceci est un message chiffré. Vous ne voyez que ce texte\u{202f}? « Ouvrez-le »"),
            "Ceci est un message chiffre. Vous ne voyez que ce texte ? \" Ouvrez-le \""
        );
        assert_eq!(ascii_note("Geïnteresseerd — één"), "Geinteresseerd - een");
    }
}
