//! Putting a failed opening into the user's terms: which
//! [`MessageProblem`] a Sequoia or I/O error stands for.

use crate::error::{Error, MessageProblem};
use sequoia_openpgp as openpgp;
use std::path::Path;

pub(super) fn damaged() -> Error {
    Error::MessageRejected(MessageProblem::Damaged)
}

#[derive(Debug, thiserror::Error)]
#[error("{0:?}")]
pub(super) struct MessageProblemError(pub(super) MessageProblem);

/// Puts a Sequoia failure into the user's terms, from the error's type:
/// Sequoia's own [`openpgp::Error`] variants and [`std::io::ErrorKind`]
/// (a full disk is the disk's problem, not the message's). Only errors of
/// no known type fall back to their text; `classify_pins_sequoia_wording`
/// fails when Sequoia rewords the texts that still matter.
pub(super) fn classify(e: anyhow::Error, out_dir: &Path) -> Error {
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

#[cfg(test)]
mod tests {
    use super::*;
    use openpgp::parse::{PacketParser, PacketParserResult, Parse};
    use openpgp::serialize::stream::{LiteralWriter, Message};
    use std::io::Write;

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
}
