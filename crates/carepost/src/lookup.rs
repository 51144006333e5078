//! Finding a contact's key by email address, and fetching a known key
//! again: Web Key Directory first, then keys.openpgp.org's VKS, then any
//! HKP key servers the user configured, in the order the settings give.
//!
//! A key from a server is only ever a candidate: it must carry a user ID
//! with exactly the address asked, pass the import rules of `contact add
//! --key-file`, and is stored unverified by the caller. Several different
//! keys for one address are an error, never a choice made here.

use crate::error::{CertProblem, Error, NetProblem, Result};
use crate::net::{self, hkp, vks, Client, MAX_KEY_BYTES};
use crate::safe::Safe;
use crate::{wkd, Context};
use sequoia_openpgp::{Cert, Fingerprint};
use std::collections::BTreeMap;
use std::time::SystemTime;

/// The settings key holding the sources, as codes joined by commas.
const SETTING: &str = "key-sources";

/// The kinds of place a key is looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    Wkd,
    Vks,
    Hkp,
}

impl SourceKind {
    /// The stable code: `wkd`, `vks`, `hkp`.
    pub fn code(self) -> &'static str {
        match self {
            SourceKind::Wkd => "wkd",
            SourceKind::Vks => "vks",
            SourceKind::Hkp => "hkp",
        }
    }
}

/// One place to look: the Web Key Directory of the address's domain
/// (`url` empty), a VKS server (`https://…`), or an HKP server
/// (`hkps://host[:port]`, or `hkp://…` when the user wrote so).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySource {
    pub kind: SourceKind,
    pub url: String,
}

impl KeySource {
    /// Parses a source as `contact sources --set` takes it: `wkd`, `vks`,
    /// `vks:https://HOST[:PORT]`, `hkp:hkps://HOST[:PORT]` or
    /// `hkp:hkp://HOST[:PORT]` (`hkps://…` alone is also an HKP server).
    pub fn parse(s: &str) -> Result<KeySource> {
        let given = s.trim();
        let bad = |reason: String| Error::KeySource { given: given.chars().take(200).collect(), reason };
        let lower = given.to_ascii_lowercase();
        if lower == "wkd" {
            return Ok(KeySource { kind: SourceKind::Wkd, url: String::new() });
        }
        if lower == "vks" {
            return Ok(KeySource { kind: SourceKind::Vks, url: vks::DEFAULT_BASE.to_owned() });
        }
        if let Some(url) = lower.strip_prefix("vks:") {
            let url = url.trim_end_matches('/');
            let host = url.strip_prefix("https://").ok_or_else(|| bad(crate::tr!("source-vks-https")))?;
            check_authority(host).map_err(|_| bad(crate::tr!("source-bad-host")))?;
            return Ok(KeySource { kind: SourceKind::Vks, url: url.to_owned() });
        }
        let server = lower.strip_prefix("hkp:").filter(|rest| rest.contains("://")).unwrap_or(&lower);
        if server.starts_with("hkp://") || server.starts_with("hkps://") {
            let server = server.trim_end_matches('/');
            let authority = server.split_once("://").map_or("", |(_, a)| a);
            if hkp::base_url(server).is_none() || check_authority(authority).is_err() {
                return Err(bad(crate::tr!("source-bad-host")));
            }
            return Ok(KeySource { kind: SourceKind::Hkp, url: server.to_owned() });
        }
        Err(bad(crate::tr!("source-unknown")))
    }

    /// The stable code, as stored and as `--set` takes it.
    pub fn code(&self) -> String {
        match self.kind {
            SourceKind::Wkd => "wkd".to_owned(),
            kind => format!("{}:{}", kind.code(), self.url),
        }
    }

    /// The source for people.
    pub fn label(&self) -> String {
        match self.kind {
            SourceKind::Wkd => crate::tr!("source-wkd"),
            SourceKind::Vks => crate::tr!("source-vks", url = self.url.clone()),
            SourceKind::Hkp => crate::tr!("source-hkp", url = self.url.clone()),
        }
    }
}

/// A host name (letters, digits, dots, hyphens) with an optional port.
fn check_authority(authority: &str) -> std::result::Result<(), ()> {
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|p| p > 0));
    if host_ok && port_ok {
        Ok(())
    } else {
        Err(())
    }
}

/// Parses a comma-separated list of sources (`--set`), refusing an empty
/// list and repeated sources.
pub fn parse_sources(list: &str) -> Result<Vec<KeySource>> {
    let mut sources: Vec<KeySource> = Vec::new();
    for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let source = KeySource::parse(item)?;
        if sources.contains(&source) {
            return Err(Error::KeySource {
                given: item.chars().take(200).collect(),
                reason: crate::tr!("source-twice"),
            });
        }
        sources.push(source);
    }
    if sources.is_empty() {
        return Err(Error::KeySource { given: list.chars().take(200).collect(), reason: crate::tr!("source-none") });
    }
    Ok(sources)
}

/// WKD, then keys.openpgp.org.
pub fn default_sources() -> Vec<KeySource> {
    vec![
        KeySource { kind: SourceKind::Wkd, url: String::new() },
        KeySource { kind: SourceKind::Vks, url: vks::DEFAULT_BASE.to_owned() },
    ]
}

/// The sources in the order the user set (`contact sources --set`), or
/// the default.
pub fn configured_sources(ctx: &mut Context<'_>) -> Result<Vec<KeySource>> {
    match ctx.store()?.setting(SETTING)? {
        Some(list) if !list.trim().is_empty() => parse_sources(&list),
        _ => Ok(default_sources()),
    }
}

/// Stores the sources and their order.
pub fn set_sources(ctx: &mut Context<'_>, sources: &[KeySource]) -> Result<()> {
    if sources.is_empty() {
        return Err(Error::KeySource { given: String::new(), reason: crate::tr!("source-none") });
    }
    let list: Vec<String> = sources.iter().map(KeySource::code).collect();
    ctx.store()?.set_setting(SETTING, &list.join(","))
}

/// A key found for an address.
#[derive(Debug, Clone)]
pub struct Found {
    pub cert: Cert,
    pub source: KeySource,
    /// The URL that answered.
    pub location: String,
}

/// What one request came to. The strings are reasons in the user's
/// language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Found,
    NotFound,
    /// The source could not be asked (network, TLS, server error).
    Failed(String),
    /// The source answered, and the answer was refused (garbage, too
    /// large, secret key material, another address, revoked, …).
    Refused(String),
}

impl Outcome {
    /// A short stable code for JSON: `found`, `not-found`, `failed`,
    /// `refused`.
    pub fn code(&self) -> &'static str {
        match self {
            Outcome::Found => "found",
            Outcome::NotFound => "not-found",
            Outcome::Failed(_) => "failed",
            Outcome::Refused(_) => "refused",
        }
    }

    /// The reason, for failed and refused requests.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Outcome::Failed(r) | Outcome::Refused(r) => Some(r),
            _ => None,
        }
    }
}

/// One request to one source.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub source: KeySource,
    pub location: String,
    pub outcome: Outcome,
}

impl Attempt {
    /// The attempt in one line for people (the location escaped).
    pub fn describe(&self) -> String {
        let location = Safe(&self.location).to_string();
        match &self.outcome {
            Outcome::Found => crate::tr!("attempt-found", source = self.source.label(), location = location),
            Outcome::NotFound => crate::tr!("attempt-not-found", source = self.source.label(), location = location),
            Outcome::Failed(reason) => crate::tr!(
                "attempt-failed",
                source = self.source.label(),
                location = location,
                reason = Safe(reason).to_string()
            ),
            Outcome::Refused(reason) => crate::tr!(
                "attempt-refused",
                source = self.source.label(),
                location = location,
                reason = Safe(reason).to_string()
            ),
        }
    }
}

/// What [`find`] came to: the key, if a source had an acceptable one, and
/// every request made.
#[derive(Debug, Clone)]
pub struct Search {
    pub found: Option<Found>,
    pub attempts: Vec<Attempt>,
}

impl Search {
    /// The error for a search that found nothing: refused (exit 4) when a
    /// source answered and every answer was refused, else not found (exit
    /// 1, which also covers sources that could not be reached).
    pub fn into_error(self, address: &wkd::Address) -> Error {
        let tried = self.attempts.iter().map(Attempt::describe).collect();
        let refused = self.attempts.iter().any(|a| matches!(a.outcome, Outcome::Refused(_)));
        if refused {
            Error::KeysRefused { address: address.to_email(), tried }
        } else {
            Error::KeyNotFound { address: address.to_email(), tried }
        }
    }
}

/// The URLs to ask `source` for `address`: WKD's advanced then direct
/// method, or one API call.
fn urls_by_email(source: &KeySource, address: &wkd::Address) -> Vec<String> {
    match source.kind {
        SourceKind::Wkd => vec![address.advanced_url(), address.direct_url()],
        SourceKind::Vks => vec![vks::by_email_url(&source.url, &address.to_email())],
        SourceKind::Hkp => match hkp::base_url(&source.url) {
            Some((base, _)) => vec![hkp::by_email_url(&base, &address.to_email())],
            None => Vec::new(),
        },
    }
}

/// GETs `url` for `source` (plain HTTP only for a configured `hkp://`).
fn ask(client: &Client, source: &KeySource, url: &str) -> Result<std::result::Result<Vec<u8>, NetProblem>> {
    let plain = source.kind == SourceKind::Hkp && hkp::base_url(&source.url).is_some_and(|(_, plain)| plain);
    let answer = if plain { client.get_allowing_http(url, MAX_KEY_BYTES) } else { client.get(url, MAX_KEY_BYTES) };
    match answer {
        Ok(response) => Ok(Ok(response.body)),
        Err(Error::Network { problem, .. }) => Ok(Err(problem)),
        Err(other) => Err(other),
    }
}

/// The outcome of a request that did not answer with a body.
fn outcome_of(problem: &NetProblem) -> Outcome {
    match problem {
        NetProblem::NotFound => Outcome::NotFound,
        NetProblem::TooLarge(_) | NetProblem::InsecureRedirect(_) | NetProblem::TooManyRedirects => {
            Outcome::Refused(problem.message())
        }
        other => Outcome::Failed(other.message()),
    }
}

/// Whether `cert` has a user ID whose email is `email` (case aside).
pub fn has_email(cert: &Cert, email: &str) -> bool {
    cert.userids().any(|u| u.userid().email().ok().flatten().is_some_and(|e| e.eq_ignore_ascii_case(email)))
}

/// The certificates of an answer, the copies of one key merged into one.
fn parse_answer(body: &[u8]) -> std::result::Result<Vec<Cert>, CertProblem> {
    let certs = match crate::contacts::parse_certs(body) {
        Ok(certs) => certs,
        Err(Error::CertRejected(problem)) => return Err(problem),
        Err(other) => return Err(CertProblem::Malformed(other.to_string())),
    };
    let mut by_key: BTreeMap<Fingerprint, Cert> = BTreeMap::new();
    for cert in certs {
        let fpr = cert.fingerprint();
        let merged = match by_key.remove(&fpr) {
            Some(known) => known.merge_public(cert).map_err(|e| CertProblem::Malformed(e.to_string()))?,
            None => cert,
        };
        by_key.insert(fpr, merged);
    }
    Ok(by_key.into_values().collect())
}

/// Judges one answer for `address`: the acceptable key, or why not.
fn judge(
    body: &[u8],
    address: &wkd::Address,
    source: &KeySource,
    now: SystemTime,
) -> Result<std::result::Result<Cert, String>> {
    let certs = match parse_answer(body) {
        Ok(certs) => certs,
        Err(CertProblem::NoCertificate) => return Ok(Err(crate::tr!("lookup-not-a-key"))),
        Err(problem) => return Ok(Err(problem.message())),
    };
    let email = address.to_email();
    let mut matching: Vec<Cert> = certs.into_iter().filter(|c| has_email(c, &email)).collect();
    match matching.len() {
        0 => Ok(Err(crate::tr!("lookup-address-mismatch", address = Safe(&email).to_string()))),
        1 => {
            let cert = matching.pop().expect("one");
            match crate::policy::check_contact_cert(&cert, now) {
                Ok(()) => Ok(Ok(cert)),
                Err(problem) => Ok(Err(problem.message())),
            }
        }
        _ => Err(Error::SeveralKeys {
            address: email,
            key_source: source.label(),
            fingerprints: matching.iter().map(|c| crate::fingerprint::hex_groups(&c.fingerprint().to_hex())).collect(),
        }),
    }
}

/// Looks `address` up in `sources`, in order; the first acceptable key
/// wins. Errors only for several keys at one source
/// ([`Error::SeveralKeys`]) and for what is not the network's fault.
pub fn find(client: &net::Client, address: &wkd::Address, sources: &[KeySource], now: SystemTime) -> Result<Search> {
    let mut attempts = Vec::new();
    for source in sources {
        for url in urls_by_email(source, address) {
            let outcome = match ask(client, source, &url)? {
                Ok(body) => match judge(&body, address, source, now)? {
                    Ok(cert) => {
                        attempts.push(Attempt {
                            source: source.clone(),
                            location: url.clone(),
                            outcome: Outcome::Found,
                        });
                        let found = Found { cert, source: source.clone(), location: url };
                        return Ok(Search { found: Some(found), attempts });
                    }
                    Err(reason) => Outcome::Refused(reason),
                },
                Err(problem) => outcome_of(&problem),
            };
            // WKD's direct method is asked only when the advanced one has
            // nothing or cannot be reached.
            let next = matches!(outcome, Outcome::NotFound | Outcome::Failed(_));
            attempts.push(Attempt { source: source.clone(), location: url, outcome });
            if !next {
                break;
            }
        }
    }
    Ok(Search { found: None, attempts })
}

/// What a source holds now for a key fetched again by fingerprint.
#[derive(Debug, Clone)]
pub struct Refetched {
    /// The source's copy of that primary key, not judged by policy (a
    /// revoked copy comes back so that the revocation can be merged).
    pub same_key: Option<Cert>,
    /// Other primary keys the source holds for the email asked: a key
    /// replaced under the same address.
    pub other_keys: Vec<Cert>,
    pub attempt: Attempt,
}

/// Fetches `fingerprint` again from `source` (WKD by `email`), and what
/// else the source holds for `email`. Merges nothing.
pub fn fetch_by_fingerprint(
    client: &net::Client,
    source: &KeySource,
    fingerprint: &Fingerprint,
    email: Option<&wkd::Address>,
    _now: SystemTime,
) -> Result<Refetched> {
    let urls = match (source.kind, email) {
        (SourceKind::Wkd, Some(address)) => urls_by_email(source, address),
        (SourceKind::Wkd, None) => Vec::new(),
        (SourceKind::Vks, _) => vec![vks::by_fingerprint_url(&source.url, fingerprint)],
        (SourceKind::Hkp, _) => match hkp::base_url(&source.url) {
            Some((base, _)) => vec![hkp::by_fingerprint_url(&base, fingerprint)],
            None => Vec::new(),
        },
    };
    let mut refetched = Refetched {
        same_key: None,
        other_keys: Vec::new(),
        attempt: Attempt { source: source.clone(), location: String::new(), outcome: Outcome::NotFound },
    };
    // A server that answered with an error (not "no such host") did not
    // say the key is gone, whatever the next URL answers.
    let mut served_error = None;
    for url in urls {
        let outcome = match ask(client, source, &url)? {
            Ok(body) => match parse_answer(&body) {
                Ok(certs) => {
                    sort_answer(&mut refetched, certs, fingerprint, email);
                    Outcome::Found
                }
                Err(CertProblem::NoCertificate) => Outcome::Refused(crate::tr!("lookup-not-a-key")),
                Err(problem) => Outcome::Refused(problem.message()),
            },
            Err(problem) => {
                let outcome = outcome_of(&problem);
                if matches!(outcome, Outcome::Failed(_)) && !matches!(problem, NetProblem::Unreachable(_)) {
                    served_error.get_or_insert_with(|| Attempt {
                        source: source.clone(),
                        location: url.clone(),
                        outcome: outcome.clone(),
                    });
                }
                outcome
            }
        };
        let next = matches!(outcome, Outcome::NotFound | Outcome::Failed(_));
        refetched.attempt = Attempt { source: source.clone(), location: url, outcome };
        if !next {
            break;
        }
    }
    if refetched.attempt.outcome == Outcome::NotFound {
        if let Some(failed) = served_error {
            refetched.attempt = failed;
        }
    }
    // A key server is also asked by email, for a key that replaced this
    // one; what it answers there changes nothing about the attempt.
    if let (SourceKind::Vks | SourceKind::Hkp, Some(address)) = (source.kind, email) {
        if !matches!(refetched.attempt.outcome, Outcome::Failed(_)) {
            for url in urls_by_email(source, address) {
                if let Ok(Ok(body)) = ask(client, source, &url) {
                    if let Ok(certs) = parse_answer(&body) {
                        sort_answer(&mut refetched, certs, fingerprint, email);
                    }
                }
            }
        }
    }
    if refetched.same_key.is_none() && refetched.other_keys.is_empty() && refetched.attempt.outcome == Outcome::Found {
        refetched.attempt.outcome = Outcome::NotFound;
    }
    Ok(refetched)
}

fn sort_answer(refetched: &mut Refetched, certs: Vec<Cert>, fingerprint: &Fingerprint, email: Option<&wkd::Address>) {
    for cert in certs {
        if &cert.fingerprint() == fingerprint {
            refetched.same_key = Some(match refetched.same_key.take() {
                Some(known) => known.clone().merge_public(cert).unwrap_or(known),
                None => cert,
            });
        } else if email.is_none_or(|a| has_email(&cert, &a.to_email()))
            && !refetched.other_keys.iter().any(|k| k.fingerprint() == cert.fingerprint())
        {
            refetched.other_keys.push(cert);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_parse_and_print_back() {
        for (given, code) in [
            ("wkd", "wkd"),
            ("VKS", "vks:https://keys.openpgp.org"),
            ("vks:https://keys.example.net/", "vks:https://keys.example.net"),
            ("hkp:hkps://keys.example.net:8443", "hkp:hkps://keys.example.net:8443"),
            ("hkps://keys.example.net", "hkp:hkps://keys.example.net"),
            ("hkp:hkp://keys.example.net", "hkp:hkp://keys.example.net"),
        ] {
            let source = KeySource::parse(given).unwrap();
            assert_eq!(source.code(), code, "{given}");
            assert_eq!(KeySource::parse(&source.code()).unwrap(), source);
        }
    }

    #[test]
    fn bad_sources_are_usage_errors() {
        for bad in ["ldap://x", "vks:http://keys.openpgp.org", "hkp:hkps://", "hkp:hkps://a b", "vks:https://a/b", ""] {
            let err = KeySource::parse(bad).unwrap_err();
            assert_eq!(err.exit_status().code(), 2, "{bad}");
        }
        assert!(parse_sources("wkd,wkd").is_err());
        assert!(parse_sources(" , ").is_err());
        assert_eq!(parse_sources("wkd, vks").unwrap(), default_sources());
    }
}
