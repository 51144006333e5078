//! Where an email keeps what carepost reads: whether a file is an email
//! at all, its PGP/MIME part and payload, an inline-PGP block, separately
//! encrypted attachments and the two halves of a `multipart/signed`.

use super::*;

/// Whether `path` holds an email (RFC 5322 headers) rather than OpenPGP
/// data: it starts with header fields such as `From:` or `Content-Type:`,
/// not with OpenPGP packets or armor.
pub fn looks_like_email(path: &Path) -> Result<bool> {
    let mut file = std::fs::File::open(path).map_err(|e| Error::io("io-read", path, e))?;
    let head = crate::send::read_up_to(&mut file, 4096).map_err(|e| Error::io("io-read", path, e))?;
    Ok(is_email(&head))
}

pub(super) fn is_email(head: &[u8]) -> bool {
    let Some(&first) = head.first() else { return false };
    if first & 0x80 != 0 || head.starts_with(b"-----BEGIN PGP") {
        return false;
    }
    let text = String::from_utf8_lossy(head);
    let mut lines = text.lines();
    let mut line = lines.next().unwrap_or("");
    if line.starts_with("From ") {
        // An mbox separator line.
        line = lines.next().unwrap_or("");
    }
    let field_name = |l: &str| {
        l.split_once(':').is_some_and(|(name, _)| {
            !name.is_empty() && name.len() <= 76 && name.bytes().all(|b| b.is_ascii_graphic() && b != b':')
        })
    };
    const KNOWN: [&str; 10] = [
        "from:",
        "to:",
        "subject:",
        "date:",
        "message-id:",
        "mime-version:",
        "content-type:",
        "received:",
        "return-path:",
        "delivered-to:",
    ];
    field_name(line)
        && text.lines().take_while(|l| !l.is_empty()).any(|l| {
            let lower = l.to_ascii_lowercase();
            KNOWN.iter().any(|k| lower.starts_with(k))
        })
}

/// The PGP/MIME part of the email: the root, or (when a list server or
/// gateway wrapped it in `multipart/mixed` to add a footer) a direct
/// child of the root.
pub(super) fn find_pgp_mime(message: &Message<'_>) -> Option<u32> {
    let root = message.root_part();
    if content_type_of(root) == "multipart/encrypted" {
        return Some(0);
    }
    if content_type_of(root) != "multipart/mixed" {
        return None;
    }
    root.sub_parts()?
        .iter()
        .copied()
        .find(|id| message.part(*id).is_some_and(|p| content_type_of(p) == "multipart/encrypted"))
}

/// `id` and every part below it.
pub(super) fn subtree(message: &Message<'_>, id: u32) -> Vec<u32> {
    let mut found = Vec::new();
    let mut stack = vec![id];
    while let Some(id) = stack.pop() {
        // Part ids are unique, but a bound keeps hostile structure finite.
        if found.contains(&id) || found.len() > message.parts.len() {
            continue;
        }
        found.push(id);
        if let Some(children) = message.part(id).and_then(|p| p.sub_parts()) {
            stack.extend(children.iter().copied());
        }
    }
    found
}

/// The OpenPGP message of a PGP/MIME part: RFC 3156 puts it in the
/// second, `application/octet-stream` part.
pub(super) fn pgp_mime_payload<'m, 'x>(message: &'m Message<'x>, id: u32) -> Option<&'m MessagePart<'x>> {
    message
        .part(id)
        .and_then(|p| p.sub_parts())
        .unwrap_or_default()
        .iter()
        .filter_map(|id| message.part(*id))
        .find(|p| content_type_of(p) == "application/octet-stream")
        .filter(|p| !p.contents().is_empty())
}

/// For `multipart/signed`: the signed first part, canonicalized to CRLF,
/// and the signature.
pub(super) fn signed_parts(message: &Message<'_>, raw: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let root = message.root_part();
    let boundary = root.content_type()?.attribute("boundary")?.to_owned();
    let children = root.sub_parts()?;
    let first = message.part(*children.first()?)?;
    let signature = children
        .iter()
        .filter_map(|id| message.part(*id))
        .find(|p| content_type_of(p) == "application/pgp-signature")?
        .contents()
        .to_vec();
    let start = first.raw_header_offset() as usize;
    let delimiter = format!("\n--{boundary}");
    let rest = raw.get(start..)?;
    let mut end = start + rest.windows(delimiter.len()).position(|w| w == delimiter.as_bytes())?;
    if end > start && raw[end - 1] == b'\r' {
        end -= 1;
    }
    Some((crate::mail::crlf::to_crlf(&raw[start..end]), signature))
}

/// The armored OpenPGP message in an inline-PGP text, if any.
pub(super) fn armored_message(text: &str) -> Option<&str> {
    const BEGIN: &str = "-----BEGIN PGP MESSAGE-----";
    const END: &str = "-----END PGP MESSAGE-----";
    let start = text.find(BEGIN)?;
    let end = text[start..].find(END)? + start + END.len();
    Some(&text[start..end])
}

/// A separately encrypted file (`.pgp`, `.gpg`, or an `.asc` that is an
/// armored message — not a key or a signature).
pub(super) fn is_encrypted_attachment(part: &MessagePart<'_>, head: &[u8]) -> bool {
    let name = part.attachment_name().unwrap_or("").to_ascii_lowercase();
    let contents = head;
    let armored = String::from_utf8_lossy(&contents[..contents.len().min(256)])
        .trim_start()
        .starts_with("-----BEGIN PGP MESSAGE-----");
    let binary_message = contents.first().is_some_and(|b| {
        // New or old format packet header of a PKESK (1) or SKESK (3).
        let tag = if b & 0x40 != 0 { b & 0x3f } else { (b >> 2) & 0x0f };
        b & 0x80 != 0 && (tag == 1 || tag == 3)
    });
    let ct = content_type_of(part);
    (name.ends_with(".pgp") || name.ends_with(".gpg") || name.ends_with(".asc") || ct == "application/pgp-encrypted")
        && (armored || binary_message)
}

/// `type/subtype` in lowercase; `text/plain` when absent.
pub(super) fn content_type_of(part: &MessagePart<'_>) -> String {
    match part.content_type() {
        Some(ct) => format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or("")).to_ascii_lowercase(),
        None => "text/plain".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_told_apart_from_openpgp_data() {
        assert!(is_email(b"From: a@b.example\r\nTo: c@d.example\r\nSubject: x\r\n\r\nbody"));
        assert!(is_email(b"Return-Path: <a@b>\nReceived: from x\nFrom: a@b\n\nbody"));
        assert!(is_email(b"From a@b Mon Jan  1 00:00:00 2026\nFrom: a@b\n\nbody"));
        assert!(!is_email(b"-----BEGIN PGP MESSAGE-----\n\nhQEMA..."));
        assert!(!is_email(&[0x85, 0x01, 0x0c]));
        assert!(!is_email(b"Hello there: this is just text\n"));
        assert!(!is_email(b""));
    }

    #[test]
    fn inline_pgp_blocks_are_found_inside_text() {
        let text = "Hi\n-----BEGIN PGP MESSAGE-----\n\nabc\n-----END PGP MESSAGE-----\nbye";
        assert_eq!(armored_message(text), Some("-----BEGIN PGP MESSAGE-----\n\nabc\n-----END PGP MESSAGE-----"));
        assert_eq!(armored_message("no block"), None);
    }

    #[test]
    fn signed_parts_are_cut_exactly_before_the_boundary() {
        let mail = b"Content-Type: multipart/signed; boundary=\"s\"; protocol=\"application/pgp-signature\"\n\n\
--s\nContent-Type: text/plain\n\nhello\n--s\nContent-Type: application/pgp-signature\n\nSIG\n--s--\n";
        let message = MessageParser::default().parse(mail.as_slice()).unwrap();
        let (data, signature) = signed_parts(&message, mail).unwrap();
        assert_eq!(data, b"Content-Type: text/plain\r\n\r\nhello");
        assert_eq!(signature, b"SIG");
    }
}
