//! The email to a patient without a key: an ordinary `multipart/mixed`
//! message (not PGP/MIME — the patient has no key), in the patient's
//! language and formal, whose only attachments are the documents already
//! protected by the password (encrypted PDFs, or OpenPGP messages that
//! the password opens).
//!
//! ```text
//! From, To, Date, Message-ID, Subject (neutral), MIME-Version
//! Content-Type: multipart/mixed
//!   text/plain; charset=utf-8   how to open it; never reply with the password
//!   application/pdf (or application/octet-stream for .pgp), base64, neutral name
//! ```
//!
//! Nothing in it names the patient, the document or a diagnosis, and the
//! password is never in it: it is told by phone. The delivery gate
//! ([`crate::mail::gate::check_password_mail`]) lets such a message through
//! only when every attachment is an encrypted PDF or an encrypted OpenPGP
//! message.

use super::headers::{encode_unstructured, header, is_dot_atom, mailbox, quoted_printable};
use super::random_hex;
use crate::mail::header::push_parameter;
use base64::Engine as _;

/// One protected document for the email: its neutral file name, its MIME
/// type, and its bytes (already encrypted with the password).
pub struct Attachment<'a> {
    pub name: String,
    pub content_type: &'static str,
    pub bytes: &'a [u8],
}

/// The email, complete.
pub struct PasswordMail {
    pub bytes: Vec<u8>,
    /// The sender's bare address (for the SMTP envelope).
    pub from: String,
    /// Without angle brackets.
    pub message_id: String,
}

/// What the email says, filled in.
pub struct Letter<'a> {
    pub sender_name: &'a str,
    pub sender_email: &'a str,
    pub to: &'a str,
    /// `pdf` or `openpgp`.
    pub format: &'a str,
    /// How many days the practice keeps its copy.
    pub days: u64,
    pub now: std::time::SystemTime,
}

/// Writes the email (CRLF line endings throughout).
pub fn write(letter: &Letter<'_>, attachments: &[Attachment<'_>]) -> PasswordMail {
    let from = letter.sender_email.to_owned();
    let domain = from.rsplit_once('@').map(|(_, d)| d).filter(|d| is_dot_atom(d)).unwrap_or("localhost");
    let message_id = format!("{}@{domain}", random_hex(16));
    let date = chrono::DateTime::<chrono::Local>::from(letter.now).to_rfc2822();
    let boundary = format!("carepost-{}", random_hex(12));
    let sender = letter.sender_name.trim();
    let sender = if sender.is_empty() { letter.sender_email } else { sender };
    let text = crate::tr!(
        "sendpw-mail-text",
        count = attachments.len(),
        sender = sender.to_owned(),
        format = letter.format.to_owned(),
        days = letter.days
    );
    let mut out = String::new();
    header(&mut out, "From", &mailbox(letter.sender_name, &from));
    header(&mut out, "To", letter.to);
    header(&mut out, "Date", &date);
    header(&mut out, "Message-ID", &format!("<{message_id}>"));
    header(&mut out, "Subject", &encode_unstructured(&crate::tr!("sendpw-mail-subject")));
    header(&mut out, "MIME-Version", "1.0");
    header(&mut out, "Content-Type", &format!("multipart/mixed; boundary=\"{boundary}\""));
    out.push_str(&format!(
        "\r\n--{boundary}\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         \r\n"
    ));
    let mut bytes = out.into_bytes();
    bytes.extend(quoted_printable(&clean_isolation_marks(&text)));
    for attachment in attachments {
        let mut type_line = format!("Content-Type: {};", attachment.content_type);
        push_parameter(&mut type_line, "name", &attachment.name);
        let mut disposition = "Content-Disposition: attachment;".to_owned();
        push_parameter(&mut disposition, "filename", &attachment.name);
        bytes.extend(
            format!(
                "\r\n--{boundary}\r\n\
                 {type_line}\r\n\
                 {disposition}\r\n\
                 Content-Transfer-Encoding: base64\r\n\
                 \r\n"
            )
            .into_bytes(),
        );
        let encoded = base64::engine::general_purpose::STANDARD.encode(attachment.bytes);
        for (i, line) in encoded.as_bytes().chunks(76).enumerate() {
            if i > 0 {
                bytes.extend_from_slice(b"\r\n");
            }
            bytes.extend_from_slice(line);
        }
    }
    bytes.extend(format!("\r\n--{boundary}--\r\n").into_bytes());
    PasswordMail { bytes, from, message_id }
}

/// Fluent wraps placeables in Unicode isolation marks; a plain-text email
/// is better without them.
fn clean_isolation_marks(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, '\u{2068}' | '\u{2069}')).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter() -> Letter<'static> {
        Letter {
            sender_name: "Dr. A. Peeters",
            sender_email: "dr@praktijk.example",
            to: "patient@example.org",
            format: "pdf",
            days: 30,
            now: std::time::SystemTime::now(),
        }
    }

    #[test]
    fn the_email_is_plain_multipart_with_the_protected_attachment_only() {
        let pdf = b"%PDF-2.0\n... /Encrypt 5 0 R ...".to_vec();
        let mail = write(
            &letter(),
            &[Attachment {
                name: "document-20261204-abcd1234.pdf".into(),
                content_type: "application/pdf",
                bytes: &pdf,
            }],
        );
        let text = String::from_utf8(mail.bytes.clone()).unwrap();
        assert!(text.contains("Content-Type: multipart/mixed"), "{text}");
        assert!(text.contains("Content-Type: application/pdf;"), "{text}");
        assert!(text.contains("document-20261204-abcd1234.pdf"));
        assert!(!text.contains("\n\n") && text.split('\n').all(|l| l.is_empty() || l.ends_with('\r')), "CRLF only");
        assert!(text.lines().all(|l| l.len() <= 998));
        assert_eq!(mail.from, "dr@praktijk.example");
        assert!(mail.message_id.ends_with("@praktijk.example"));
    }
}
