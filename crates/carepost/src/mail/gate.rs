//! The "encrypted only" gate: the last look at the bytes about to go to a
//! mail server. [`check_pgp_mime`] parses the outer MIME structure *and*
//! the OpenPGP packets inside and refuses anything that is not an
//! encrypted PGP/MIME message, so no byte of a document can leave
//! unencrypted whatever wrote the message; the SMTP envelope is taken from
//! the message's own From and To headers.

use crate::safe::Safe;
use crate::tr;
use sequoia_openpgp as openpgp;

/// Longest outer header block accepted.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// Who the message goes from and to, as the SMTP envelope says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    pub from: String,
    pub to: Vec<String>,
}

/// Why the gate refused a message; shown to the user in their language.
/// Header names, MIME types and packet tags are protocol words and stay
/// as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    HeadersNotUtf8,
    NotAnEmail,
    NoHeaderBlock,
    LeadingContinuation,
    NoColon,
    UndecodablePart,
    /// A header that may appear once, more than once (its name).
    RepeatedHeader(String),
    Bcc,
    NoContentType,
    /// The top-level type, when it is not multipart/encrypted.
    TopLevelType(String),
    /// A Content-Type parameter given twice (its name).
    RepeatedParameter(String),
    Protocol,
    NoBoundary,
    UnreadableMultipart,
    /// The number of parts, when it is not two.
    PartCount(usize),
    NestedParts,
    ControlPart,
    /// The second part's type, when it is not application/octet-stream.
    DataType(String),
    /// The second part's transfer encoding, when it is not 7bit or 8bit.
    DataEncoding(String),
    NotArmored,
    SenderCount,
    NoRecipient,
    NotClosed,
    LongPreamble,
    TextAfter,
    /// An address header that does not hold addresses (its name).
    NotAddresses(String),
    NameWithoutAddress(String),
    /// The parser's complaint, kept as a technical detail.
    NotOpenPgp(String),
    PacketsOutside,
    /// The tag of a packet that has no place there.
    UnexpectedPacket(String),
    UnreadableOpenPgp(String),
    NoEncryptedData,
    // s7-send: the email to a patient without a key.
    /// A password email whose first part is not carepost's text.
    PasswordMailText,
    /// A password email attachment that is not an encrypted PDF or an
    /// encrypted OpenPGP message (its number, from 1).
    PasswordMailAttachment(usize),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use Refusal::*;
        let text = match self {
            HeadersNotUtf8 => tr!("gate-headers-not-utf8"),
            NotAnEmail => tr!("gate-not-an-email"),
            NoHeaderBlock => tr!("gate-no-header-block"),
            LeadingContinuation => tr!("gate-leading-continuation"),
            NoColon => tr!("gate-no-colon"),
            UndecodablePart => tr!("gate-undecodable-part"),
            RepeatedHeader(name) => tr!("gate-repeated-header", name = Safe(name).to_string()),
            Bcc => tr!("gate-bcc"),
            NoContentType => tr!("gate-no-content-type"),
            TopLevelType(kind) => tr!("gate-top-level-type", kind = Safe(kind).to_string()),
            RepeatedParameter(name) => tr!("gate-repeated-parameter", name = Safe(name).to_string()),
            Protocol => tr!("gate-protocol"),
            NoBoundary => tr!("gate-no-boundary"),
            UnreadableMultipart => tr!("gate-unreadable-multipart"),
            PartCount(count) => tr!("gate-part-count", count = *count),
            NestedParts => tr!("gate-nested-parts"),
            ControlPart => tr!("gate-control-part"),
            DataType(kind) => tr!("gate-data-type", kind = Safe(kind).to_string()),
            DataEncoding(encoding) => tr!("gate-data-encoding", encoding = Safe(encoding).to_string()),
            NotArmored => tr!("gate-not-armored"),
            SenderCount => tr!("gate-sender-count"),
            NoRecipient => tr!("gate-no-recipient"),
            NotClosed => tr!("gate-not-closed"),
            LongPreamble => tr!("gate-long-preamble"),
            TextAfter => tr!("gate-text-after"),
            NotAddresses(name) => tr!("gate-not-addresses", name = Safe(name).to_string()),
            NameWithoutAddress(name) => tr!("gate-name-without-address", name = Safe(name).to_string()),
            NotOpenPgp(detail) => tr!("gate-not-openpgp", details = Safe(detail).to_string()),
            PacketsOutside => tr!("gate-packets-outside"),
            UnexpectedPacket(tag) => tr!("gate-unexpected-packet", tag = Safe(tag).to_string()),
            UnreadableOpenPgp(detail) => tr!("gate-unreadable-openpgp", details = Safe(detail).to_string()),
            NoEncryptedData => tr!("gate-no-encrypted-data"),
            PasswordMailText => tr!("gate-password-mail-text"),
            PasswordMailAttachment(n) => tr!("gate-password-mail-attachment", number = *n),
        };
        f.write_str(&text)
    }
}

/// Checks that `message` is an RFC 3156 PGP/MIME encrypted message and
/// nothing else, and returns its envelope (From; To and Cc). On refusal,
/// says why.
///
/// mail-parser reads the structure; on top of it, checked: one header of
/// each kind that matters (a second Content-Type, From, To, Cc or
/// Content-Transfer-Encoding is a trick, not mail), a
/// `multipart/encrypted; protocol="application/pgp-encrypted"` top level
/// with exactly two parts and nothing nested, closed, with only a short
/// note before it and nothing after; the first part
/// `application/pgp-encrypted` saying `Version: 1`, the second
/// `application/octet-stream` in 7bit/8bit holding one ASCII-armored
/// OpenPGP message that consists of public-key (or password) encrypted
/// session keys followed by one encrypted container and nothing else — so
/// no byte of a document can be in it unencrypted.
pub fn check_pgp_mime(message: &[u8]) -> Result<Envelope, Refusal> {
    use mail_parser::{HeaderName, MessageParser, PartType};
    let head_len = header_section_len(message)?;
    std::str::from_utf8(&message[..head_len]).map_err(|_| Refusal::HeadersNotUtf8)?;
    let parsed = MessageParser::new().parse(message).ok_or(Refusal::NotAnEmail)?;
    let root = parsed.parts.first().ok_or(Refusal::NotAnEmail)?;
    for part in &parsed.parts {
        if part.is_encoding_problem {
            return Err(Refusal::UndecodablePart);
        }
        for name in [HeaderName::ContentType, HeaderName::ContentTransferEncoding] {
            if count(part, &name) > 1 {
                return Err(Refusal::RepeatedHeader(name.as_str().to_owned()));
            }
        }
    }
    for name in [HeaderName::From, HeaderName::To, HeaderName::Cc] {
        if count(root, &name) > 1 {
            return Err(Refusal::RepeatedHeader(name.as_str().to_owned()));
        }
    }
    if count(root, &HeaderName::Bcc) > 0 {
        return Err(Refusal::Bcc);
    }

    let (kind, params) = content_type(root).ok_or(Refusal::NoContentType)?;
    if kind != "multipart/encrypted" {
        return Err(Refusal::TopLevelType(kind));
    }
    let param = |wanted: &str| -> Result<Option<&str>, Refusal> {
        let mut values = params.iter().filter(|(k, _)| k == wanted).map(|(_, v)| v.as_str());
        let first = values.next();
        if values.next().is_some() {
            return Err(Refusal::RepeatedParameter(wanted.to_owned()));
        }
        Ok(first)
    };
    if !param("protocol")?.is_some_and(|v| v.eq_ignore_ascii_case("application/pgp-encrypted")) {
        return Err(Refusal::Protocol);
    }
    let boundary = param("boundary")?.ok_or(Refusal::NoBoundary)?.to_owned();
    let PartType::Multipart(children) = &root.body else {
        return Err(Refusal::UnreadableMultipart);
    };
    if children.len() != 2 {
        return Err(Refusal::PartCount(children.len()));
    }
    if parsed.parts.len() != 3 {
        return Err(Refusal::NestedParts);
    }
    check_frame(message, root.offset_body as usize, &boundary, parsed.parts[2].offset_end as usize)?;

    let control = &parsed.parts[children[0] as usize];
    let control_type = content_type(control).map(|(kind, _)| kind).unwrap_or_default();
    let says_version_1 = String::from_utf8_lossy(control.contents()).lines().any(|l| l.trim() == "Version: 1");
    if control_type != "application/pgp-encrypted" || !says_version_1 {
        return Err(Refusal::ControlPart);
    }
    let data = &parsed.parts[children[1] as usize];
    let data_type = content_type(data).map(|(kind, _)| kind).unwrap_or_default();
    if data_type != "application/octet-stream" {
        return Err(Refusal::DataType(data_type));
    }
    if let Some(encoding) = header_text(data, &HeaderName::ContentTransferEncoding) {
        if !matches!(encoding.trim().to_ascii_lowercase().as_str(), "7bit" | "8bit") {
            return Err(Refusal::DataEncoding(encoding.to_owned()));
        }
    }
    // 7bit/8bit: the part's bytes as they are on the wire.
    let raw = message.get(data.offset_body as usize..data.offset_end as usize).unwrap_or_default();
    let armored = trim_ascii(raw);
    if !armored.starts_with(b"-----BEGIN PGP MESSAGE-----") || !armored.ends_with(b"-----END PGP MESSAGE-----") {
        return Err(Refusal::NotArmored);
    }
    check_encrypted_packets(armored)?;

    let [from] = <[String; 1]>::try_from(addresses(root, &HeaderName::From)?).map_err(|_| Refusal::SenderCount)?;
    let mut to = addresses(root, &HeaderName::To)?;
    to.extend(addresses(root, &HeaderName::Cc)?);
    if to.is_empty() {
        return Err(Refusal::NoRecipient);
    }
    Ok(Envelope { from, to })
}

/// The gate for everything carepost hands a mail server: an encrypted
/// PGP/MIME message, or the email to a patient without a key whose every
/// attachment is protected by a password ([`check_password_mail`]). For a
/// message that is neither, the PGP/MIME refusal says why.
pub fn check_outgoing(message: &[u8]) -> Result<Envelope, Refusal> {
    match check_pgp_mime(message) {
        Ok(envelope) => Ok(envelope),
        Err(Refusal::TopLevelType(kind)) if kind == "multipart/mixed" => check_password_mail(message),
        Err(refusal) => Err(refusal),
    }
}

/// Checks that `message` is the email carepost writes to a patient
/// without a key, and returns its envelope: `multipart/mixed` with one
/// `text/plain` part first (the instructions, which name no document) and
/// then only attachments, nothing nested, each of which decodes to an
/// encrypted PDF (a `%PDF-` file whose trailer names an `/Encrypt`
/// dictionary) or to an OpenPGP message made only of encrypted session
/// keys and one encrypted container (so no byte of a document is in it
/// unencrypted).
pub fn check_password_mail(message: &[u8]) -> Result<Envelope, Refusal> {
    use mail_parser::{HeaderName, MessageParser, PartType};
    let head_len = header_section_len(message)?;
    std::str::from_utf8(&message[..head_len]).map_err(|_| Refusal::HeadersNotUtf8)?;
    let parsed = MessageParser::new().parse(message).ok_or(Refusal::NotAnEmail)?;
    let root = parsed.parts.first().ok_or(Refusal::NotAnEmail)?;
    for part in &parsed.parts {
        if part.is_encoding_problem {
            return Err(Refusal::UndecodablePart);
        }
        for name in [HeaderName::ContentType, HeaderName::ContentTransferEncoding] {
            if count(part, &name) > 1 {
                return Err(Refusal::RepeatedHeader(name.as_str().to_owned()));
            }
        }
    }
    for name in [HeaderName::From, HeaderName::To, HeaderName::Cc] {
        if count(root, &name) > 1 {
            return Err(Refusal::RepeatedHeader(name.as_str().to_owned()));
        }
    }
    if count(root, &HeaderName::Bcc) > 0 {
        return Err(Refusal::Bcc);
    }
    let (kind, _) = content_type(root).ok_or(Refusal::NoContentType)?;
    if kind != "multipart/mixed" {
        return Err(Refusal::TopLevelType(kind));
    }
    let PartType::Multipart(children) = &root.body else {
        return Err(Refusal::UnreadableMultipart);
    };
    if children.len() < 2 {
        return Err(Refusal::PartCount(children.len()));
    }
    if parsed.parts.len() != children.len() + 1 {
        return Err(Refusal::NestedParts);
    }
    let text = &parsed.parts[children[0] as usize];
    if content_type(text).map(|(kind, _)| kind).as_deref() != Some("text/plain") {
        return Err(Refusal::PasswordMailText);
    }
    for (number, child) in children.iter().skip(1).enumerate() {
        let part = &parsed.parts[*child as usize];
        if !is_password_protected(part.contents()) {
            return Err(Refusal::PasswordMailAttachment(number + 1));
        }
    }
    let [from] = <[String; 1]>::try_from(addresses(root, &HeaderName::From)?).map_err(|_| Refusal::SenderCount)?;
    let mut to = addresses(root, &HeaderName::To)?;
    to.extend(addresses(root, &HeaderName::Cc)?);
    if to.is_empty() {
        return Err(Refusal::NoRecipient);
    }
    Ok(Envelope { from, to })
}

/// An encrypted PDF (its last trailer or cross-reference stream names an
/// `/Encrypt` dictionary, and no page text is readable without it), or an
/// OpenPGP message of encrypted session keys and one encrypted container.
fn is_password_protected(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"%PDF-") {
        // The trailer dictionary (or the cross-reference stream's, which
        // carries the same keys) is at the end of the file.
        let tail = &bytes[bytes.len().saturating_sub(64 * 1024)..];
        return contains(tail, b"/Encrypt") && !contains(bytes, b"/Encrypt null");
    }
    check_encrypted_packets(bytes).is_ok()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Longest note before the first part (carepost's is a few lines saying
/// the message is encrypted): anything longer is not a note.
const MAX_PREAMBLE_BYTES: usize = 2048;

/// What mail-parser forgives and the gate does not: the text outside the
/// parts is a short ASCII note before them and blank after them, and the
/// multipart is closed by `--boundary--` after the last part.
fn check_frame(message: &[u8], body_start: usize, boundary: &str, parts_end: usize) -> Result<(), Refusal> {
    let body = message.get(body_start..).unwrap_or_default();
    let delimiter = format!("--{boundary}");
    let mut first = None;
    let mut close = None;
    let mut offset = 0;
    for line in body.split_inclusive(|&b| b == b'\n') {
        let content = trim_ascii(line);
        if content.starts_with(delimiter.as_bytes()) {
            let rest = &content[delimiter.len()..];
            first.get_or_insert(offset);
            if rest == b"--" && body_start + offset >= parts_end {
                close = Some(offset + line.len());
                break;
            }
        }
        offset += line.len();
    }
    let (Some(first), Some(close)) = (first, close) else {
        return Err(Refusal::NotClosed);
    };
    let preamble = &body[..first];
    if preamble.len() > MAX_PREAMBLE_BYTES || !preamble.is_ascii() {
        return Err(Refusal::LongPreamble);
    }
    if !trim_ascii(&body[close..]).is_empty() {
        return Err(Refusal::TextAfter);
    }
    Ok(())
}

/// How many `name` headers the part has.
fn count(part: &mail_parser::MessagePart<'_>, name: &mail_parser::HeaderName<'_>) -> usize {
    part.headers.iter().filter(|h| &h.name == name).count()
}

/// `type/subtype` lowercased, and its parameters (names lowercased).
fn content_type(part: &mail_parser::MessagePart<'_>) -> Option<(String, Vec<(String, String)>)> {
    use mail_parser::MimeHeaders as _;
    let ct = part.content_type()?;
    let kind = match &ct.c_subtype {
        Some(sub) => format!("{}/{sub}", ct.c_type),
        None => ct.c_type.to_string(),
    };
    let params = ct.attributes.iter().flatten().map(|a| (a.name.to_ascii_lowercase(), a.value.to_string())).collect();
    Some((kind.to_ascii_lowercase(), params))
}

fn header_text<'p>(part: &'p mail_parser::MessagePart<'_>, name: &mail_parser::HeaderName<'_>) -> Option<&'p str> {
    part.headers.iter().find(|h| &h.name == name).and_then(|h| h.value.as_text())
}

/// The bare addresses of an address-list header (groups flattened); a
/// header that is there but does not read as addresses is refused.
fn addresses(part: &mail_parser::MessagePart<'_>, name: &mail_parser::HeaderName<'_>) -> Result<Vec<String>, Refusal> {
    use mail_parser::{Address, HeaderValue};
    let Some(header) = part.headers.iter().find(|h| &h.name == name) else {
        return Ok(Vec::new());
    };
    let list: Vec<&mail_parser::Addr<'_>> = match &header.value {
        HeaderValue::Address(Address::List(list)) => list.iter().collect(),
        HeaderValue::Address(Address::Group(groups)) => groups.iter().flat_map(|g| &g.addresses).collect(),
        HeaderValue::Empty => Vec::new(),
        _ => return Err(Refusal::NotAddresses(name.as_str().to_owned())),
    };
    list.into_iter()
        .map(|a| {
            a.address
                .as_deref()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .ok_or_else(|| Refusal::NameWithoutAddress(name.as_str().to_owned()))
        })
        .collect()
}

/// The armored message is PKESK/SKESK packets, then one encrypted
/// container (SEIPD v1 or v2), then nothing.
fn check_encrypted_packets(armored: &[u8]) -> Result<(), Refusal> {
    use openpgp::parse::{PacketParserResult, Parse};
    use openpgp::Packet;
    let mut ppr = openpgp::parse::PacketParser::from_bytes(armored).map_err(|e| Refusal::NotOpenPgp(e.to_string()))?;
    let mut session_keys = 0;
    let mut containers = 0;
    while let PacketParserResult::Some(pp) = ppr {
        if pp.recursion_depth() > 0 {
            return Err(Refusal::PacketsOutside);
        }
        match &pp.packet {
            Packet::PKESK(_) | Packet::SKESK(_) if containers == 0 => session_keys += 1,
            Packet::SEIP(_) if containers == 0 && session_keys > 0 => containers += 1,
            other => return Err(Refusal::UnexpectedPacket(other.tag().to_string())),
        }
        ppr = pp.next().map_err(|e| Refusal::UnreadableOpenPgp(e.to_string()))?.1;
    }
    if containers != 1 {
        return Err(Refusal::NoEncryptedData);
    }
    Ok(())
}

fn trim_ascii(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(start, |i| i + 1);
    &bytes[start..end]
}

/// Where the header block ends (after its empty line, CRLF or LF), if it
/// ends within [`MAX_HEADER_BYTES`]; every line in it must be a field or
/// the continuation of one (mail-parser would skip a line that is neither).
fn header_section_len(bytes: &[u8]) -> Result<usize, Refusal> {
    let window = &bytes[..bytes.len().min(MAX_HEADER_BYTES)];
    let mut offset = 0;
    for line in window.split_inclusive(|&b| b == b'\n') {
        let first = offset == 0;
        offset += line.len();
        let Some(content) = line.strip_suffix(b"\n") else { break };
        let content = content.strip_suffix(b"\r").unwrap_or(content);
        if content.is_empty() {
            return if first { Err(Refusal::NoHeaderBlock) } else { Ok(offset) };
        }
        if content.starts_with(b" ") || content.starts_with(b"\t") {
            if first {
                return Err(Refusal::LeadingContinuation);
            }
        } else if !content.contains(&b':') {
            return Err(Refusal::NoColon);
        }
    }
    Err(Refusal::NoHeaderBlock)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn armored_message() -> String {
        use openpgp::cert::CertBuilder;
        use openpgp::serialize::stream::{Armorer, Encryptor, LiteralWriter, Message};
        use std::io::Write;
        let (cert, _) = CertBuilder::general_purpose(Some("t@example.org")).generate().unwrap();
        let p = openpgp::policy::StandardPolicy::new();
        let keys: Vec<_> = cert.keys().with_policy(&p, None).supported().for_transport_encryption().collect::<Vec<_>>();
        let mut out = Vec::new();
        let m = Message::new(&mut out);
        let m = Armorer::new(m).kind(openpgp::armor::Kind::Message).build().unwrap();
        let m = Encryptor::for_recipients(m, keys).build().unwrap();
        let mut w = LiteralWriter::new(m).build().unwrap();
        w.write_all(b"inner mime").unwrap();
        w.finalize().unwrap();
        String::from_utf8(out).unwrap()
    }

    fn eml(armored: &str) -> String {
        format!(
            "From: Dr A <dr@example.nl>\r\nTo: p@example.org, \"B, C\" <c@example.org>\r\nSubject: [...]\r\n\
             MIME-Version: 1.0\r\nContent-Type: multipart/encrypted;\r\n protocol=\"application/pgp-encrypted\";\r\n \
             boundary=\"b1\"\r\n\r\nThis is an encrypted message.\r\n--b1\r\n\
             Content-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n--b1\r\n\
             Content-Type: application/octet-stream; name=\"encrypted.asc\"\r\n\r\n{armored}\r\n--b1--\r\n"
        )
    }

    #[test]
    fn a_pgp_mime_message_passes_and_yields_its_envelope() {
        let envelope = check_pgp_mime(eml(&armored_message()).as_bytes()).unwrap();
        assert_eq!(envelope.from, "dr@example.nl");
        assert_eq!(envelope.to, vec!["p@example.org".to_owned(), "c@example.org".to_owned()]);
    }

    #[test]
    fn plaintext_is_refused() {
        let plain = "From: a@b.nl\r\nTo: c@d.nl\r\nContent-Type: text/plain\r\n\r\nthe referral letter\r\n";
        assert!(check_pgp_mime(plain.as_bytes()).unwrap_err() == Refusal::TopLevelType("text/plain".into()));
    }

    #[test]
    fn an_unencrypted_openpgp_message_inside_is_refused() {
        use openpgp::serialize::stream::{Armorer, LiteralWriter, Message};
        use std::io::Write;
        let mut out = Vec::new();
        let m = Armorer::new(Message::new(&mut out)).kind(openpgp::armor::Kind::Message).build().unwrap();
        let mut w = LiteralWriter::new(m).build().unwrap();
        w.write_all(b"the referral letter in clear").unwrap();
        w.finalize().unwrap();
        let err = check_pgp_mime(eml(&String::from_utf8(out).unwrap()).as_bytes()).unwrap_err();
        assert!(matches!(err, Refusal::UnexpectedPacket(_)), "{err:?}");
    }

    #[test]
    fn an_extra_part_is_refused() {
        let text = eml(&armored_message())
            .replace("\r\n--b1--\r\n", "\r\n--b1\r\nContent-Type: text/plain\r\n\r\nleaked text\r\n--b1--\r\n");
        assert!(check_pgp_mime(text.as_bytes()).unwrap_err() == Refusal::PartCount(3));
    }

    /// The check's complaint about `eml(armored)` edited by `edit`.
    fn refusal(edit: impl Fn(String) -> String) -> Refusal {
        let original = eml(&armored_message());
        let text = edit(original.clone());
        assert_ne!(text, original, "the edit changed nothing");
        check_pgp_mime(text.as_bytes()).expect_err("accepted")
    }

    #[test]
    fn plain_text_beside_the_encrypted_part_is_refused() {
        let err = refusal(|t| {
            t.replace(
                "Content-Type: multipart/encrypted;\r\n protocol=\"application/pgp-encrypted\";",
                "Content-Type: multipart/mixed;",
            )
            .replace("\r\n--b1--\r\n", "\r\n--b1\r\nContent-Type: text/plain\r\n\r\nthe diagnosis\r\n--b1--\r\n")
        });
        assert_eq!(err, Refusal::TopLevelType("multipart/mixed".into()));
    }

    #[test]
    fn a_wrong_or_missing_protocol_is_refused() {
        for protocol in ["protocol=\"application/pkcs7-mime\";", "", "protocol=application/pgp-signature;"] {
            let err = refusal(|t| t.replace("protocol=\"application/pgp-encrypted\";", protocol));
            assert_eq!(err, Refusal::Protocol, "{protocol}");
        }
        let err = refusal(|t| t.replace("boundary=\"b1\"", "boundary=\"b1\"; protocol=\"application/pkcs7-mime\""));
        assert_eq!(err, Refusal::RepeatedParameter("protocol".into()));
    }

    #[test]
    fn a_missing_or_wrong_control_part_is_refused() {
        let err =
            refusal(|t| t.replace("--b1\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n", ""));
        assert_eq!(err, Refusal::PartCount(1));
        let err = refusal(|t| t.replace("Content-Type: application/pgp-encrypted\r\n", "Content-Type: text/plain\r\n"));
        assert_eq!(err, Refusal::ControlPart);
        let err = refusal(|t| t.replace("Version: 1", "Version: 2"));
        assert_eq!(err, Refusal::ControlPart);
    }

    #[test]
    fn a_second_content_type_is_refused_wherever_it_is() {
        // Parsers disagree on which of two headers counts: a reader could
        // see text/plain where the gate saw multipart/encrypted.
        let err =
            refusal(|t| t.replacen("MIME-Version: 1.0\r\n", "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n", 1));
        assert_eq!(err, Refusal::RepeatedHeader("Content-Type".into()));
        let err = refusal(|t| {
            t.replace(
                "Content-Type: application/octet-stream;",
                "Content-Type: text/plain\r\nContent-Type: application/octet-stream;",
            )
        });
        assert_eq!(err, Refusal::RepeatedHeader("Content-Type".into()));
    }

    #[test]
    fn header_tricks_are_refused() {
        let cases: [(&str, &str, Refusal); 6] = [
            ("To: ", "To: x@evil.example\r\nTo: ", Refusal::RepeatedHeader("To".into())),
            ("From: ", "From: x@evil.example\r\nFrom: ", Refusal::RepeatedHeader("From".into())),
            ("To: ", "Bcc: x@evil.example\r\nTo: ", Refusal::Bcc),
            ("From: Dr A <dr@example.nl>", "From: dr@example.nl, x@evil.example", Refusal::SenderCount),
            ("Subject: [...]\r\n", "Subject: [...]\r\nno colon here\r\n", Refusal::NoColon),
            ("From: ", " folded\r\nFrom: ", Refusal::LeadingContinuation),
        ];
        for (from, to, expected) in cases {
            let err = refusal(|t| t.replacen(from, to, 1));
            assert_eq!(err, expected, "{to}");
        }
    }

    #[test]
    fn an_encoded_or_wrapped_payload_is_refused() {
        // Well-formed base64 of the armored message: readable, yet not
        // what the gate lets through.
        use base64::Engine as _;
        let encoded = base64::engine::general_purpose::STANDARD.encode(armored_message());
        let text = eml(&encoded)
            .replace("name=\"encrypted.asc\"\r\n", "name=\"encrypted.asc\"\r\nContent-Transfer-Encoding: base64\r\n");
        let err = check_pgp_mime(text.as_bytes()).unwrap_err();
        assert_eq!(err, Refusal::DataEncoding("base64".into()));
        let err = refusal(|t| t.replace("Content-Type: application/octet-stream;", "Content-Type: text/plain;"));
        assert_eq!(err, Refusal::DataType("text/plain".into()));
        let err = refusal(|t| t.replace("-----END PGP MESSAGE-----", "-----END PGP MESSAGE-----\r\nthe diagnosis"));
        assert_eq!(err, Refusal::NotArmored);
    }

    #[test]
    fn parts_nested_in_the_parts_are_refused() {
        let err = refusal(|t| {
            t.replace(
                "Content-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n",
                "Content-Type: multipart/mixed; boundary=\"b2\"\r\n\r\n--b2\r\nContent-Type: text/plain\r\n\r\n\
                 the diagnosis\r\n--b2--\r\n",
            )
        });
        assert_eq!(err, Refusal::NestedParts);
    }

    #[test]
    fn text_outside_the_parts_is_refused() {
        let err = refusal(|t| t.replace("\r\n--b1--\r\n", "\r\n--b1--\r\nthe diagnosis\r\n"));
        assert_eq!(err, Refusal::TextAfter);
        let err = refusal(|t| t.replace("This is an encrypted message.", &"the referral letter ".repeat(200)));
        assert_eq!(err, Refusal::LongPreamble);
    }

    fn password_mail(attachment: &[u8]) -> Vec<u8> {
        use crate::mail::compose::password::{write, Attachment, Letter};
        let letter = Letter {
            sender_name: "Dr A",
            sender_email: "dr@example.nl",
            to: "p@example.org",
            format: "pdf",
            days: 30,
            now: std::time::SystemTime::now(),
        };
        let attachment =
            Attachment { name: "document-1.pdf".into(), content_type: "application/pdf", bytes: attachment };
        write(&letter, &[attachment]).bytes
    }

    #[test]
    fn a_password_mail_passes_only_with_protected_attachments() {
        let encrypted = b"%PDF-2.0\n1 0 obj\n<<>>\nendobj\ntrailer\n<< /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF\n";
        let envelope = check_outgoing(&password_mail(encrypted)).unwrap();
        assert_eq!(envelope.to, vec!["p@example.org".to_owned()]);
        let plain = b"%PDF-1.7\n1 0 obj\n(the lab result)\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
        assert_eq!(check_outgoing(&password_mail(plain)).unwrap_err(), Refusal::PasswordMailAttachment(1));
        assert!(check_outgoing(&password_mail(b"the lab result in clear")).is_err());
    }

    #[test]
    fn an_unclosed_multipart_is_refused() {
        let text = eml(&armored_message()).replace("--b1--", "");
        assert!(check_pgp_mime(text.as_bytes()).is_err());
    }
}
