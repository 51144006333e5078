//! Out-of-band verification of a contact's key.
//!
//! The user phones the contact on a number they already know, the contact
//! reads out their fingerprint, and the user types what they hear. Only a
//! complete match counts. The result is recorded as carepost's
//! certification of the contact's key ([`crate::certification`]).

use crate::audit::{self, Action, Event, Outcome};
use crate::contacts::{self, Contact};
use crate::error::{Error, Result};
use crate::Context;

pub use crate::certification::{Method, Verification};

/// What the user typed, reduced to fingerprint bytes: hex (any case, with
/// or without spaces, colons, dashes, a `0x` prefix) or PGP words.
pub fn parse_reading(text: &str, expected_len: usize) -> Result<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !(c.is_whitespace() || matches!(c, ':' | '-' | '.' | ','))).collect();
    let compact = compact.strip_prefix("0x").or_else(|| compact.strip_prefix("0X")).unwrap_or(&compact);
    if compact.is_empty() {
        return Err(Error::UnreadableFingerprint(crate::tr!("reading-empty")));
    }
    let bytes = if compact.chars().all(|c| c.is_ascii_hexdigit()) {
        if !compact.len().is_multiple_of(2) {
            return Err(Error::PartialFingerprint(compact.len()));
        }
        (0..compact.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&compact[i..i + 2], 16).expect("hex digits"))
            .collect::<Vec<u8>>()
    } else {
        crate::words::decode(text).map_err(|e| Error::UnreadableFingerprint(e.to_string()))?
    };
    if bytes.len() < expected_len {
        return Err(Error::PartialFingerprint(bytes.len() * 2));
    }
    Ok(bytes)
}

/// `contact verify`: compares the reading with the contact's fingerprint
/// and, on a full match, certifies the contact's user IDs with the
/// identity's key. A mismatch changes nothing.
pub fn verify(ctx: &mut Context<'_>, alias: &str, reading: &str, method: Method) -> Result<Contact> {
    let contact = contacts::get(ctx, alias)?;
    let expected = contact.cert.fingerprint();
    let refused = |ctx: &mut Context<'_>, error: Error, code: &str| {
        audit::record_quietly(
            ctx,
            Event::new(Action::Verify, Outcome::Refused)
                .contact(alias, &expected.to_hex())
                .detail(format!("{code}; method {}", method.as_str())),
        );
        error
    };
    let heard = match parse_reading(reading, expected.as_bytes().len()) {
        Ok(heard) => heard,
        Err(e) => return Err(refused(ctx, e, "reading incomplete or unreadable")),
    };
    if heard != expected.as_bytes() {
        return Err(refused(ctx, Error::FingerprintMismatch(alias.to_owned()), "fingerprint mismatch"));
    }
    let unlocked = ctx.unlock(crate::identity::Purpose::Sign)?;
    let mut signer = unlocked.signer().clone();
    let cert = crate::certification::certify(&mut signer, &contact.cert, alias, method, ctx.now)?;
    contacts::store_certified(ctx, alias, &cert)?;
    let verified = contacts::get(ctx, alias)?;
    audit::record(
        ctx,
        Event::new(Action::Verify, Outcome::Success)
            .contact(alias, &expected.to_hex())
            .detail(format!("method {}", method.as_str())),
    )?;
    if !verified.is_verified() {
        return Err(Error::Internal(crate::tr!("verify-not-recorded")));
    }
    Ok(verified)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FPR: &str = "E58294F2E9A227486E8B061B31CC528FD7FA3F19";

    fn fpr_bytes() -> Vec<u8> {
        (0..40).step_by(2).map(|i| u8::from_str_radix(&FPR[i..i + 2], 16).unwrap()).collect()
    }

    #[test]
    fn hex_readings_ignore_case_spaces_colons_and_dashes() {
        for reading in [
            FPR.to_owned(),
            FPR.to_lowercase(),
            "E582 94F2 E9A2 2748 6E8B  061B 31CC 528F D7FA 3F19".to_owned(),
            "e5:82:94:f2:e9:a2:27:48:6e:8b:06:1b:31:cc:52:8f:d7:fa:3f:19".to_owned(),
            "E582-94F2-E9A2-2748-6E8B-061B-31CC-528F-D7FA-3F19".to_owned(),
            format!("0x{FPR}"),
        ] {
            assert_eq!(parse_reading(&reading, 20).unwrap(), fpr_bytes(), "{reading}");
        }
    }

    #[test]
    fn word_readings_are_accepted() {
        let words = "topmost Istanbul Pluto vagabond treadmill Pacific brackish dictator goldfish Medusa \
                     afflict bravado chatter revolver Dupont midsummer stopwatch whimsical cowbell bottomless";
        assert_eq!(parse_reading(words, 20).unwrap(), fpr_bytes());
        assert_eq!(parse_reading(&words.to_uppercase(), 20).unwrap(), fpr_bytes());
    }

    #[test]
    fn key_ids_and_partial_fingerprints_are_refused() {
        assert!(matches!(parse_reading("31CC528FD7FA3F19", 20), Err(Error::PartialFingerprint(16))));
        assert!(matches!(parse_reading("D7FA 3F19", 20), Err(Error::PartialFingerprint(8))));
        assert!(matches!(parse_reading("topmost Istanbul", 20), Err(Error::PartialFingerprint(4))));
        assert!(matches!(parse_reading("E58", 20), Err(Error::PartialFingerprint(3))));
    }

    #[test]
    fn nonsense_is_unreadable() {
        assert!(matches!(parse_reading("hello world", 20), Err(Error::UnreadableFingerprint(_))));
        assert!(matches!(parse_reading("  ", 20), Err(Error::UnreadableFingerprint(_))));
    }
}
