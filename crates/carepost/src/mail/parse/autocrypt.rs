//! The Autocrypt header: what it claims, and (only when asked) its key
//! added as an unverified contact.

use super::*;

/// The Autocrypt header of the message.
#[derive(Debug, Clone, Serialize)]
pub struct AutocryptInfo {
    pub addr: String,
    pub prefer_encrypt: Option<String>,
    /// The key's fingerprint, if the key data parses.
    pub fingerprint: Option<String>,
    /// The header's address is the message's From address (otherwise the
    /// header must be ignored).
    pub matches_from: bool,
    /// The contact that already has this key, if any.
    pub known_as: Option<String>,
    /// Set when `--add-autocrypt` added it (unverified).
    pub added_as: Option<String>,
    /// Why the key could not be used as a contact's, if it cannot.
    pub problem: Option<String>,
}

/// Reads an Autocrypt header (`addr=…; prefer-encrypt=…; keydata=…`) and,
/// when asked, adds its key as an unverified contact.
pub(super) fn autocrypt_info(
    ctx: &mut Context<'_>,
    value: &str,
    from: Option<&String>,
    req: &OpenMailRequest,
) -> Result<AutocryptInfo> {
    let mut addr = String::new();
    let mut prefer_encrypt = None;
    let mut keydata = String::new();
    for attribute in value.split(';') {
        let Some((key, val)) = attribute.split_once('=') else { continue };
        match key.trim().to_ascii_lowercase().as_str() {
            "addr" => addr = val.trim().to_owned(),
            "prefer-encrypt" => prefer_encrypt = Some(val.trim().to_owned()),
            "keydata" => keydata = val.chars().filter(|c| !c.is_whitespace()).collect(),
            _ => {}
        }
    }
    let matches_from = from.is_some_and(|f| f.eq_ignore_ascii_case(&addr));
    let bytes = base64::engine::general_purpose::STANDARD.decode(keydata.as_bytes()).unwrap_or_default();
    let parsed = if bytes.is_empty() {
        None
    } else {
        // A header that crashes the parser carries no usable key.
        crate::guard::untrusted(
            || Ok(Cert::from_bytes(&bytes).ok()),
            || Error::CertRejected(crate::error::CertProblem::Damaged),
        )
        .ok()
        .flatten()
    };
    let fingerprint = parsed.as_ref().map(|c| c.fingerprint().to_hex());
    let known_as = match &parsed {
        Some(cert) => contacts::find_by_key(ctx, &cert.fingerprint())?.map(|c| c.alias),
        None => None,
    };
    let usable = contacts::parse_one_cert(&bytes, ctx.now);
    let mut info = AutocryptInfo {
        addr: addr.chars().take(254).collect(),
        prefer_encrypt: prefer_encrypt.map(|p| p.chars().take(32).collect()),
        fingerprint,
        matches_from,
        known_as,
        added_as: None,
        problem: usable.as_ref().err().map(|e| e.to_string()),
    };
    if let Some(alias) = &req.add_autocrypt {
        if !matches_from {
            return Err(Error::Usage(crate::tr!("mail-autocrypt-other-address")));
        }
        let cert = usable?;
        if !cert.userids().any(|ua| ua.userid().email().ok().flatten().is_some_and(|e| e.eq_ignore_ascii_case(&addr))) {
            return Err(Error::Usage(crate::tr!("mail-autocrypt-other-address")));
        }
        let origin = contacts::Origin {
            source: contacts::KeyOrigin::Autocrypt,
            location: None,
            email: Some(info.addr.clone()),
            refreshed_at: None,
        };
        let contact = contacts::add_cert(ctx, alias, cert, contacts::Kind::Patient, origin)?;
        info.added_as = Some(contact.alias);
    }
    Ok(info)
}
