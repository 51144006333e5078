//! The headers and small encodings of the email compose writes: the
//! mailboxes and addresses that may go in a header, the subject cleaned of
//! anything that could inject one, unstructured values as RFC 2047 words,
//! the message text as quoted-printable, a document's MIME type, and the
//! Autocrypt header with its minimal certificate.

use crate::error::{Error, Result};
use crate::policy;
use base64::Engine as _;
use openpgp::serialize::Serialize as _;
use openpgp::{Cert, Packet};
use sequoia_openpgp as openpgp;
use std::fs::File;

/// Longest subject accepted, in characters.
const MAX_SUBJECT_CHARS: usize = 500;

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

pub(super) fn is_dot_atom(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 254
        && s.split('.').all(|atom| {
            !atom.is_empty() && atom.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b))
        })
}

/// Control characters (header injection) become spaces; the length is
/// bounded.
pub(super) fn clean_subject(subject: &str) -> Result<String> {
    let cleaned: String =
        subject.chars().map(|c| if crate::safe::is_dangerous(c) { ' ' } else { c }).collect::<String>();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.chars().count() > MAX_SUBJECT_CHARS {
        return Err(Error::Usage(crate::tr!("mail-subject-too-long", max = MAX_SUBJECT_CHARS)));
    }
    Ok(cleaned)
}

pub(super) fn header(out: &mut String, name: &str, value: &str) {
    out.push_str(name);
    out.push_str(": ");
    out.push_str(value);
    out.push_str("\r\n");
}

/// `"Display Name" <addr>`, or `=?utf-8?B?…?= <addr>` for a non-ASCII name.
pub(super) fn mailbox(name: &str, addr: &str) -> String {
    let name: String = name.chars().filter(|c| !crate::safe::is_dangerous(*c)).collect();
    let name = name.trim();
    if name.is_empty() {
        return addr.to_owned();
    }
    if name.is_ascii() {
        format!("\"{}\" <{addr}>", name.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        format!("{} <{addr}>", crate::mail::header::encoded_words("From: ", name))
    }
}

/// An unstructured header value: as it is when short plain ASCII, else
/// RFC 2047 encoded words, folded.
pub(super) fn encode_unstructured(text: &str) -> String {
    if text.is_ascii() && text.len() <= 70 && !text.contains("=?") {
        text.to_owned()
    } else {
        crate::mail::header::encoded_words("Subject: ", text)
    }
}

/// Quoted-printable (RFC 2045) with CRLF line breaks: every line of the
/// text, lines kept under 76 characters with soft breaks.
pub(super) fn quoted_printable(text: &str) -> Vec<u8> {
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
pub(super) fn content_type(name: &str, file: &mut File) -> Result<String> {
    use std::io::{Seek, SeekFrom};
    let head = crate::send::read_up_to(file, 4096).map_err(|e| Error::io("io-read", name, e))?;
    file.seek(SeekFrom::Start(0)).map_err(|e| Error::io("io-read", name, e))?;
    Ok(crate::mail::mime_type::detect(name, &head).to_owned())
}

/// `Autocrypt: addr=…; prefer-encrypt=mutual; keydata=…`, folded.
pub(super) fn autocrypt_header(addr: &str, keydata: &[u8]) -> String {
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
    let vc = cert
        .with_policy(policy::standard(), now)
        .map_err(|e| unusable(crate::tr!("identity-not-valid", details = e.to_string())))?;
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
