//! Reading parts' bodies without holding them whole: the email read for
//! mail-parser without its long base64 runs, and each body decoded in
//! memory or read back from the file.

use super::*;

/// Reads an email (or the decrypted inner MIME) for mail-parser: without
/// its long base64 runs when every part they fall in is an attachment or
/// an encrypted payload read back from the file; whole otherwise (a large
/// base64 text body, quoted-printable, a `multipart/signed` to check byte
/// for byte), as before.
pub(super) fn read_parsable(ctx: &mut Context<'_>, file: &std::fs::File, path: &Path) -> Result<Skeleton> {
    let read = |min_hole| {
        use std::io::Seek;
        let mut file = file;
        file.seek(std::io::SeekFrom::Start(0))?;
        Skeleton::read(std::io::BufReader::new(file), min_hole)
    };
    let skeleton = read(skeleton::MIN_HOLE).map_err(|e| Error::io("io-read", path, e))?;
    if !skeleton.has_holes() || streams_cleanly(&parse_bounded(ctx, &skeleton.bytes)?, &skeleton) {
        return Ok(skeleton);
    }
    drop(skeleton);
    read(u64::MAX).map_err(|e| Error::io("io-read", path, e))
}

/// Whether every part that holds a left-out run can be read back from the
/// file: a whole leaf body, base64 or unencoded, not a text body.
fn streams_cleanly(message: &Message<'_>, skeleton: &Skeleton) -> bool {
    if content_type_of(message.root_part()) == "multipart/signed" {
        return false;
    }
    message.parts.iter().enumerate().all(|(id, part)| {
        let (start, end) = (part.raw_body_offset() as usize, part.raw_end_offset() as usize);
        let id = id as u32;
        part.is_multipart()
            || !skeleton.has_hole_in(start, end)
            || (skeleton.covers_whole_holes(start, end)
                && !matches!(part.encoding, Encoding::QuotedPrintable)
                && !message.text_body.contains(&id)
                && !message.html_body.contains(&id))
    })
}

/// The bodies of a parsed [`Skeleton`].
#[derive(Clone, Copy)]
pub(super) struct Bodies<'a> {
    pub(super) skeleton: &'a Skeleton,
    pub(super) file: &'a std::fs::File,
}

impl<'a> Bodies<'a> {
    /// The decoded body of `part`.
    pub(super) fn of(&self, part: &'a MessagePart<'_>) -> Result<Body<'a>> {
        let (start, end) = (part.raw_body_offset() as usize, part.raw_end_offset() as usize);
        if part.is_multipart() || !self.skeleton.has_hole_in(start, end) {
            return Ok(Body::Memory(part.contents()));
        }
        // `read_parsable` let only whole bodies keep their holes.
        let range = self
            .skeleton
            .range(self.file, start, end)
            .ok_or_else(|| Error::MailRejected(MailProblem::BrokenPgpMime(crate::tr!("mail-unreadable"))))?;
        Ok(match part.encoding {
            Encoding::Base64 => Body::Base64(range),
            _ => Body::Raw(range),
        })
    }
}

/// A part's body: decoded in memory by mail-parser, or read back from the
/// file (and base64-decoded on the way).
pub(super) enum Body<'a> {
    Memory(&'a [u8]),
    Raw(skeleton::RangeReader<'a>),
    Base64(skeleton::RangeReader<'a>),
}

impl<'a> Body<'a> {
    /// Its size, or (base64) an upper bound of it.
    pub(super) fn len(&self) -> u64 {
        match self {
            Body::Memory(bytes) => bytes.len() as u64,
            Body::Raw(range) => range.size(),
            Body::Base64(range) => range.size() / 4 * 3 + 3,
        }
    }

    pub(super) fn reader(self) -> Box<dyn Read + Send + Sync + 'a> {
        match self {
            Body::Memory(bytes) => Box::new(bytes),
            Body::Raw(range) => Box::new(range),
            Body::Base64(range) => Box::new(Base64Reader::new(range)),
        }
    }

    /// Its first `n` bytes (all of them if shorter).
    pub(super) fn head(self, n: u64) -> std::io::Result<Vec<u8>> {
        if let Body::Memory(bytes) = self {
            return Ok(bytes[..bytes.len().min(n as usize)].to_vec());
        }
        let mut head = Vec::new();
        self.reader().take(n).read_to_end(&mut head)?;
        Ok(head)
    }
}

/// A body that could not be read back: bad base64 is damage (exit 4).
pub(super) fn body_error(ctx: &mut Context<'_>, path: &Path, e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::InvalidData {
        reject(ctx, MailProblem::BrokenPgpMime(crate::tr!("mail-unreadable")))
    } else {
        Error::io("io-read", path, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every body read back from the file is what mail-parser decodes
    /// from the whole email.
    #[test]
    fn bodies_read_back_equal_the_parsed_ones() {
        use std::io::{Seek as _, Write as _};
        let b64 = |data: &[u8]| {
            let encoded = base64::engine::general_purpose::STANDARD.encode(data);
            encoded
                .as_bytes()
                .chunks(76)
                .map(|l| format!("{}\r\n", std::str::from_utf8(l).unwrap()))
                .collect::<String>()
        };
        let document: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        let armored = b64(&document[..9000]).replace("\r\n", "\n");
        let mail = format!(
            "From: a@b.example\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n\
--b\r\nContent-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\n\n{armored}=abcd\n-----END PGP MESSAGE-----\n\r\n\
--b\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\
--b\r\nContent-Type: application/pdf; name=\"b.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}--b--\r\n",
            b64(&document),
            b64(&document[..10]),
        );
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(mail.as_bytes()).unwrap();
        file.rewind().unwrap();
        let skeleton = Skeleton::read(std::io::BufReader::new(&file), 1000).unwrap();
        assert!(skeleton.has_holes() && skeleton.bytes.len() < 2000);
        let message = MessageParser::default().parse(&skeleton.bytes[..]).unwrap();
        assert!(streams_cleanly(&message, &skeleton));
        let whole = MessageParser::default().parse(mail.as_bytes()).unwrap();
        assert_eq!(message.parts.len(), whole.parts.len());
        assert_eq!(message.attachments, whole.attachments);
        assert_eq!(message.text_body, whole.text_body);
        let bodies = Bodies { skeleton: &skeleton, file: &file };
        let mut streamed = 0;
        for (part, expected) in message.parts.iter().zip(&whole.parts) {
            assert_eq!(content_type_of(part), content_type_of(expected));
            let body = bodies.of(part).unwrap();
            streamed += usize::from(!matches!(body, Body::Memory(_)));
            let mut read = Vec::new();
            body.reader().read_to_end(&mut read).unwrap();
            assert!(read == expected.contents(), "{}", content_type_of(part));
        }
        assert_eq!(streamed, 2);
    }

    #[test]
    fn large_text_bodies_are_parsed_whole() {
        let text: String = (0..3000).map(|i| format!("{:076}\r\n", i)).collect();
        let mail = format!("From: a@b.example\r\nContent-Type: text/plain\r\n\r\n{text}");
        let skeleton = Skeleton::read(mail.as_bytes(), 1000).unwrap();
        assert!(skeleton.has_holes());
        let message = MessageParser::default().parse(&skeleton.bytes[..]).unwrap();
        assert!(!streams_cleanly(&message, &skeleton));
    }
}
