//! What a message's first packets say before any key is unlocked: that
//! the file is an OpenPGP message at all, that it is addressed to this
//! identity, and (after a failure) whether it is LibrePGP's AEAD packet.

use super::problem::damaged;
use crate::contacts::Contact;
use crate::error::{Error, MessageProblem, Result};
use openpgp::parse::{PacketParser, Parse};
use openpgp::{Cert, KeyHandle, Packet};
use sequoia_openpgp as openpgp;
use std::io::Read;
use std::path::Path;

/// Refuses, without unlocking anything, a message whose key packets all
/// name keys that are not this identity's. When those keys belong to
/// contacts, the refusal names the contacts. Anything that cannot be
/// decided here (hidden recipients, a password, a damaged header) is left
/// to the decryption, which reports it precisely.
pub(super) fn check_addressed_to_us(path: &Path, own: &Cert, contact_list: &[Contact]) -> Result<()> {
    let recipients = crate::guard::untrusted(|| Ok(pkesk_recipients(PacketParser::from_file(path))), damaged)?;
    refuse_if_for_others(recipients, own, contact_list)
}

/// [`check_addressed_to_us`] for a message in memory (armored or not),
/// such as the encrypted part of an email.
pub fn check_bytes_addressed_to_us(message: &[u8], own: &Cert, contact_list: &[Contact]) -> Result<()> {
    let recipients = crate::guard::untrusted(|| Ok(pkesk_recipients(PacketParser::from_bytes(message))), damaged)?;
    refuse_if_for_others(recipients, own, contact_list)
}

/// [`check_bytes_addressed_to_us`] for a message read from `reader`: only
/// its first packets are read, however long the message.
pub fn check_reader_addressed_to_us<R: Read + Send + Sync>(
    reader: R,
    own: &Cert,
    contact_list: &[Contact],
) -> Result<()> {
    let recipients = crate::guard::untrusted(|| Ok(pkesk_recipients(PacketParser::from_reader(reader))), damaged)?;
    refuse_if_for_others(recipients, own, contact_list)
}

fn refuse_if_for_others(recipients: Option<Vec<KeyHandle>>, own: &Cert, contact_list: &[Contact]) -> Result<()> {
    let Some(recipients) = recipients else {
        return Ok(());
    };
    let ours = |h: &KeyHandle| own.keys().any(|k| h.aliases(k.key().key_handle()));
    if recipients.is_empty() || recipients.iter().any(ours) {
        return Ok(());
    }
    let mut named = Vec::new();
    let mut known = false;
    for recipient in &recipients {
        let contact = contact_list
            .iter()
            .find(|c| c.cert().is_some_and(|cert| cert.keys().any(|k| recipient.aliases(k.key().key_handle()))));
        let name = match contact {
            Some(c) => {
                known = true;
                c.alias.clone()
            }
            None => recipient.to_hex(),
        };
        if !named.contains(&name) {
            named.push(name);
        }
    }
    Err(Error::MessageRejected(if known { MessageProblem::LockedFor(named) } else { MessageProblem::NotForUs(named) }))
}

/// The recipients named by the key packets at the start of a message, or
/// `None` when they do not decide the matter: a hidden recipient, a
/// password packet, or a header that does not parse.
fn pkesk_recipients(parser: openpgp::Result<openpgp::parse::PacketParserResult<'_>>) -> Option<Vec<KeyHandle>> {
    use openpgp::packet::Tag;
    use openpgp::parse::PacketParserResult;
    let mut ppr = parser.ok()?;
    let mut recipients = Vec::new();
    while let PacketParserResult::Some(pp) = ppr {
        match &pp.packet {
            Packet::PKESK(pkesk) => recipients.push(pkesk.recipient()?),
            Packet::SKESK(_) => return None,
            Packet::Marker(_) | Packet::Padding(_) => {}
            p if matches!(p.tag(), Tag::SEIP | Tag::AED) => return Some(recipients),
            _ => return None,
        }
        ppr = pp.next().ok()?.1;
    }
    None
}

/// What the key packets at the start of a message offer, read before
/// any key is unlocked or any password asked for.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct KeyPackets {
    /// A password packet (SKESK).
    pub(super) password: bool,
    /// A key packet for one of our keys.
    pub(super) ours: bool,
    /// A key packet that names no recipient (it may be for us).
    pub(super) hidden: bool,
}

impl KeyPackets {
    /// Only a password can open it: our keys have nothing to try.
    pub(super) fn password_only(&self) -> bool {
        self.password && !self.ours && !self.hidden
    }
}

/// The [`KeyPackets`] of the message in `path`; `None` when its start
/// does not parse (the decryption then reports the problem precisely).
pub(super) fn key_packets(path: &Path, own: &Cert) -> Option<KeyPackets> {
    crate::guard::untrusted(|| Ok(key_packets_unguarded(path, own)), damaged).ok().flatten()
}

fn key_packets_unguarded(path: &Path, own: &Cert) -> Option<KeyPackets> {
    use openpgp::packet::Tag;
    use openpgp::parse::PacketParserResult;
    let mut ppr = PacketParser::from_file(path).ok()?;
    let mut found = KeyPackets::default();
    while let PacketParserResult::Some(pp) = ppr {
        match &pp.packet {
            Packet::PKESK(pkesk) => match pkesk.recipient() {
                Some(h) => found.ours |= own.keys().any(|k| h.aliases(k.key().key_handle())),
                None => found.hidden = true,
            },
            Packet::SKESK(_) => found.password = true,
            Packet::Marker(_) | Packet::Padding(_) => {}
            p if matches!(p.tag(), Tag::SEIP | Tag::AED) => return Some(found),
            _ => return None,
        }
        ppr = pp.next().ok()?.1;
    }
    None
}

/// Whether the encrypted data in `path` is LibrePGP's AEAD packet (tag
/// 20), which Sequoia cannot decrypt (its policy reports it as "not
/// considered secure", which would mislead the user). Asked only after
/// decryption failed, so that carepost reads the packet if Sequoia ever
/// can. The packet must start like a real one (version 1, a known AEAD
/// mode, a sane chunk size), so that random bytes that happen to begin
/// with tag 20 are not called "OCB".
pub(super) fn uses_librepgp_aead(path: &Path) -> bool {
    crate::guard::untrusted(|| Ok(uses_librepgp_aead_unguarded(path)), damaged).unwrap_or(false)
}

fn uses_librepgp_aead_unguarded(path: &Path) -> bool {
    use openpgp::packet::Tag;
    use openpgp::parse::PacketParserResult;
    let Ok(mut ppr) = PacketParser::from_file(path) else {
        return false;
    };
    while let PacketParserResult::Some(mut pp) = ppr {
        match pp.packet.tag() {
            Tag::AED => {
                // Version, cipher, AEAD mode (EAX, OCB, GCM), chunk size.
                let mut head = [0u8; 4];
                return pp.read_exact(&mut head).is_ok()
                    && head[0] == 1
                    && (1..=13).contains(&head[1])
                    && (1..=3).contains(&head[2])
                    && head[3] <= 56;
            }
            Tag::PKESK | Tag::SKESK | Tag::Marker | Tag::Padding => {}
            _ => return false,
        }
        ppr = match pp.next() {
            Ok((_, next)) => next,
            Err(_) => return false,
        };
    }
    false
}

/// Rejects, before any key is unlocked, files that do not even start like
/// an OpenPGP message (plain text, random bytes, an empty file, a key).
pub(super) fn check_looks_like_a_message(path: &Path) -> Result<()> {
    crate::guard::untrusted(|| check_looks_like_a_message_unguarded(path), damaged)
}

fn check_looks_like_a_message_unguarded(path: &Path) -> Result<()> {
    use openpgp::packet::Tag;
    use openpgp::parse::PacketParserResult;
    let armored = {
        let mut head = [0u8; 64];
        let n =
            std::fs::File::open(path).and_then(|mut f| f.read(&mut head)).map_err(|e| Error::io("io-read", path, e))?;
        String::from_utf8_lossy(&head[..n]).trim_start().starts_with("-----BEGIN PGP")
    };
    let reject = |e: Option<anyhow::Error>| {
        Error::MessageRejected(match (armored, e) {
            (true, Some(e)) => MessageProblem::BadArmor(e.to_string()),
            _ => MessageProblem::NotOpenPgp,
        })
    };
    match openpgp::parse::PacketParser::from_file(path) {
        Ok(PacketParserResult::Some(pp)) => match pp.packet.tag() {
            Tag::PKESK
            | Tag::SKESK
            | Tag::Marker
            | Tag::OnePassSig
            | Tag::Signature
            | Tag::Literal
            | Tag::CompressedData
            | Tag::SEIP
            | Tag::AED
            | Tag::Padding => Ok(()),
            // GnuPG's OCB packet (LibrePGP tag 20) is read if Sequoia can.
            Tag::Unknown(20) | Tag::Private(20) => Ok(()),
            Tag::PublicKey | Tag::SecretKey => Err(Error::MessageRejected(MessageProblem::IsAKey)),
            _ => Err(reject(None)),
        },
        Ok(PacketParserResult::EOF(_)) => Err(reject(None)),
        Err(e) => Err(reject(Some(e))),
    }
}
