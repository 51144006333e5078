//! Web Key Directory names (draft-koch-openpgp-webkey-service): where a
//! key for an email address lives, for looking it up and for publishing.
//!
//! The name of a key is the z-base-32 form of the SHA-1 of the lowercased
//! local part. Both layouts are described: the advanced one under the
//! `openpgpkey.DOMAIN` host, and the direct one on DOMAIN itself.

use crate::error::{Error, Result};
use sequoia_openpgp::types::HashAlgorithm;

/// An email address split for WKD: the local part as written and the
/// domain lowercased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub local_part: String,
    pub domain: String,
}

impl Address {
    /// Splits `address` at its last `@`. Refuses anything that could not
    /// be a plain mailbox: no `@`, an empty side, whitespace, control
    /// characters, or a domain that is not a host name.
    pub fn parse(address: &str) -> Result<Address> {
        let bad = || Error::InvalidEmail(address.chars().take(120).collect());
        let (local, domain) = address.rsplit_once('@').ok_or_else(bad)?;
        let domain_ok = !domain.is_empty()
            && domain.len() <= 253
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            });
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.chars().any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"@\\".contains(c));
        if !domain_ok || !local_ok {
            return Err(bad());
        }
        Ok(Address { local_part: local.to_owned(), domain: domain.to_ascii_lowercase() })
    }

    /// The address as carepost compares it with a user ID's email: the
    /// local part as written, the domain lowercased.
    pub fn to_email(&self) -> String {
        format!("{}@{}", self.local_part, self.domain)
    }

    /// The WKD name of this address: z-base-32 of SHA-1 of the lowercased
    /// local part (32 characters).
    pub fn hashed_local_part(&self) -> String {
        hu_name(&self.local_part)
    }

    /// The advanced method's URL (`https://openpgpkey.DOMAIN/.well-known/
    /// openpgpkey/DOMAIN/hu/NAME?l=LOCAL`).
    pub fn advanced_url(&self) -> String {
        format!(
            "https://openpgpkey.{d}/.well-known/openpgpkey/{d}/hu/{}?l={}",
            self.hashed_local_part(),
            percent_encode(&self.local_part),
            d = self.domain
        )
    }

    /// The direct method's URL (`https://DOMAIN/.well-known/openpgpkey/hu/
    /// NAME?l=LOCAL`).
    pub fn direct_url(&self) -> String {
        format!(
            "https://{}/.well-known/openpgpkey/hu/{}?l={}",
            self.domain,
            self.hashed_local_part(),
            percent_encode(&self.local_part)
        )
    }
}

/// The WKD file name for a local part: z-base-32 of SHA-1 of it in
/// lowercase (ASCII lowercasing, as GnuPG does).
pub fn hu_name(local_part: &str) -> String {
    let lowered = local_part.to_ascii_lowercase();
    let mut hash = HashAlgorithm::SHA1.context().expect("SHA-1 is always available").for_digest();
    hash.update(lowered.as_bytes());
    let digest = hash.into_digest().expect("SHA-1 digest");
    zbase32(&digest)
}

/// z-base-32 (as used by WKD), most significant bits first, unpadded.
pub fn zbase32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ybndrfg8ejkmcpqxot1uwisza345h769";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drafts_example_hashes_as_gnupg_does() {
        // draft-koch-openpgp-webkey-service, section 3.1: "Joe.Doe".
        assert_eq!(hu_name("Joe.Doe"), "iy9q119eutrkn8s1mk4r39qejnbu3n5q");
        let a = Address::parse("Joe.Doe@Example.ORG").unwrap();
        assert_eq!(
            a.advanced_url(),
            "https://openpgpkey.example.org/.well-known/openpgpkey/example.org/hu/iy9q119eutrkn8s1mk4r39qejnbu3n5q?l=Joe.Doe"
        );
        assert_eq!(
            a.direct_url(),
            "https://example.org/.well-known/openpgpkey/hu/iy9q119eutrkn8s1mk4r39qejnbu3n5q?l=Joe.Doe"
        );
    }

    #[test]
    fn zbase32_of_known_bytes() {
        assert_eq!(zbase32(&[]), "");
        assert_eq!(zbase32(&[0xF0, 0xBF, 0xC7]), "6n9hq");
        assert_eq!(zbase32(&[0xD4, 0x7A, 0x04]), "4t7ye");
    }

    #[test]
    fn addresses_that_are_not_mailboxes_are_refused() {
        for bad in ["", "a", "@x.org", "a@", "a b@x.org", "a@x..org", "a@-x.org", "a@x.org/", "a@x_y.org", "<a>@x.org"]
        {
            assert!(Address::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Address::parse("a.b+c@Sub.Example.org").unwrap().domain, "sub.example.org");
    }

    #[test]
    fn local_parts_are_percent_encoded_in_the_query() {
        assert_eq!(percent_encode("a+b c"), "a%2Bb%20c");
        assert_eq!(percent_encode("a+b@x.org"), "a%2Bb%40x.org");
    }
}
