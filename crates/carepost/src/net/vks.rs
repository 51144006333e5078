//! keys.openpgp.org's Verifying Key Server API (VKS v1): keys by email and
//! by fingerprint, upload, and the request for a confirmation email.

use super::{percent_encode, Client, MAX_JSON_BYTES};
use crate::error::{Error, NetProblem, Result};
use sequoia_openpgp::serialize::SerializeInto as _;
use sequoia_openpgp::{Cert, Fingerprint};
use std::collections::BTreeMap;

/// The key server carepost asks by default.
pub const DEFAULT_BASE: &str = "https://keys.openpgp.org";

/// `GET {base}/vks/v1/by-email/{address}`.
pub fn by_email_url(base: &str, address: &str) -> String {
    format!("{}/vks/v1/by-email/{}", base.trim_end_matches('/'), percent_encode(address))
}

/// `GET {base}/vks/v1/by-fingerprint/{HEX}`.
pub fn by_fingerprint_url(base: &str, fingerprint: &Fingerprint) -> String {
    format!("{}/vks/v1/by-fingerprint/{}", base.trim_end_matches('/'), fingerprint.to_hex().to_uppercase())
}

/// What the server says about each address of an uploaded key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressStatus {
    Unpublished,
    Published,
    Revoked,
    Pending,
    /// A word this version does not know, kept as sent.
    Other(String),
}

impl AddressStatus {
    fn parse(s: &str) -> AddressStatus {
        match s {
            "unpublished" => AddressStatus::Unpublished,
            "published" => AddressStatus::Published,
            "revoked" => AddressStatus::Revoked,
            "pending" => AddressStatus::Pending,
            other => AddressStatus::Other(other.chars().take(40).collect()),
        }
    }
}

/// The answer to an upload.
#[derive(Debug, Clone)]
pub struct VksUpload {
    /// The fingerprint the server read (uppercase hex, as sent).
    pub key_fpr: String,
    /// Each address of the key and its status there.
    pub status: BTreeMap<String, AddressStatus>,
    /// What `request-verify` needs; not a secret of the user's, but not
    /// shown either.
    pub token: String,
}

/// Uploads the public certificate `cert` (its secret parts are never
/// serialised: `Cert::armored` writes public packets only).
pub fn vks_upload(client: &Client, base: &str, cert: &Cert) -> Result<VksUpload> {
    let armored = cert.armored().to_vec().map_err(|e| Error::Internal(e.to_string()))?;
    let keytext = String::from_utf8(armored).map_err(|e| Error::Internal(e.to_string()))?;
    let url = format!("{}/vks/v1/upload", base.trim_end_matches('/'));
    let response = client.post_json(&url, &serde_json::json!({ "keytext": keytext }), MAX_JSON_BYTES)?;
    let bad = |what: &str| Error::Network {
        host: super::host_of(&url),
        problem: NetProblem::Other(crate::tr!("vks-bad-answer", what = what.to_owned())),
    };
    let json: serde_json::Value = serde_json::from_slice(&response.body).map_err(|_| bad("json"))?;
    let key_fpr = json["key_fpr"].as_str().ok_or_else(|| bad("key_fpr"))?.to_owned();
    let token = json["token"].as_str().ok_or_else(|| bad("token"))?.to_owned();
    let status = json["status"]
        .as_object()
        .map(|m| m.iter().map(|(k, v)| (k.clone(), AddressStatus::parse(v.as_str().unwrap_or_default()))).collect())
        .unwrap_or_default();
    Ok(VksUpload { key_fpr, status, token })
}

/// Asks the server to send a confirmation email for each of `addresses`
/// (in `locale`, e.g. `["nl"]`). Returns the server's new status per
/// address.
pub fn vks_request_verify(
    client: &Client,
    base: &str,
    token: &str,
    addresses: &[String],
    locale: &[String],
) -> Result<BTreeMap<String, AddressStatus>> {
    let url = format!("{}/vks/v1/request-verify", base.trim_end_matches('/'));
    let body = serde_json::json!({ "token": token, "addresses": addresses, "locale": locale });
    let response = client.post_json(&url, &body, MAX_JSON_BYTES)?;
    let json: serde_json::Value = serde_json::from_slice(&response.body).map_err(|_| Error::Network {
        host: super::host_of(&url),
        problem: NetProblem::Other(crate::tr!("vks-bad-answer", what = "json")),
    })?;
    Ok(json["status"]
        .as_object()
        .map(|m| m.iter().map(|(k, v)| (k.clone(), AddressStatus::parse(v.as_str().unwrap_or_default()))).collect())
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_follow_the_api() {
        assert_eq!(
            by_email_url("https://keys.openpgp.org/", "a+b@example.org"),
            "https://keys.openpgp.org/vks/v1/by-email/a%2Bb%40example.org"
        );
        let fpr: Fingerprint = "0123456789abcdef0123456789abcdef01234567".parse().unwrap();
        assert_eq!(
            by_fingerprint_url(DEFAULT_BASE, &fpr),
            "https://keys.openpgp.org/vks/v1/by-fingerprint/0123456789ABCDEF0123456789ABCDEF01234567"
        );
    }
}
