//! `carepost publish wkd`: the practice's Web Key Directory, a tree of
//! files a web server serves as they are, so that the mail programs of
//! patients and colleagues find the practice's keys by email address.
//!
//! Both layouts of draft-koch-openpgp-webkey-service are written: the
//! advanced one (`.well-known/openpgpkey/DOMAIN/hu/NAME`, served by the
//! host `openpgpkey.DOMAIN`) and the direct one (`.well-known/openpgpkey/
//! hu/NAME`, served by DOMAIN itself), each with its `policy` file. Names
//! come from [`crate::wkd`].
//!
//! What is published: the own key always (when it has an address in the
//! domain), and colleagues' keys only when named, only when verified (a
//! key under the practice's domain is the practice vouching for it), never
//! a patient's. Each key holds only the user IDs of that domain, no secret
//! material, and none of carepost's own certifications (they are
//! non-exportable: a colleague's key is published as the colleague made
//! it).

use crate::audit::{self, Action, Event, Outcome};
use crate::contacts::{self, Kind};
use crate::error::{CertProblem, Error, Result};
use crate::wkd::Address;
use crate::Context;
use openpgp::serialize::SerializeInto;
use openpgp::Cert;
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder, under the tree's root, that both layouts live in.
pub const WELL_KNOWN: &str = ".well-known/openpgpkey";

/// What `publish wkd` wrote.
#[derive(Debug, Clone, Serialize)]
pub struct Published {
    pub domain: String,
    pub out: PathBuf,
    pub keys: Vec<PublishedKey>,
    /// Every file written, relative to `out`: keys and the policy files
    /// that were missing (an existing policy file is left as it is).
    pub written: Vec<String>,
}

/// One address's key in the tree.
#[derive(Debug, Clone, Serialize)]
pub struct PublishedKey {
    pub address: String,
    /// The colleague's alias; `None` for the own key.
    pub contact: Option<String>,
    pub fingerprint: String,
    /// The key's files, relative to `out` (advanced layout first).
    pub files: Vec<String>,
    /// Where mail programs look for it (advanced method first).
    pub urls: Vec<String>,
}

/// A key chosen for publishing, before it is written.
struct Candidate {
    contact: Option<String>,
    cert: Cert,
}

/// Checks a domain by the rules of a WKD address; lowercased.
pub fn validate_domain(domain: &str) -> Result<String> {
    Address::parse(&format!("x@{domain}"))
        .map(|a| a.domain)
        .map_err(|_| Error::InvalidDomain(domain.chars().take(120).collect()))
}

/// The certificate as it goes into the tree: only the user IDs whose
/// email is in `domain`, no user attributes, no secret material.
pub fn for_domain(cert: &Cert, domain: &str) -> Cert {
    cert.clone()
        .strip_secret_key_material()
        .retain_userids(|ua| email_in(ua.userid(), domain).is_some())
        .retain_user_attributes(|_| false)
}

/// The user ID's address, if its email is in `domain`.
fn email_in(userid: &openpgp::packet::UserID, domain: &str) -> Option<Address> {
    let email = userid.email().ok().flatten()?;
    Address::parse(email).ok().filter(|a| a.domain == domain)
}

/// The serialized key as published: exportable packets only, so that
/// carepost's own (non-exportable) certifications stay home.
fn key_bytes(cert: &Cert) -> Result<Vec<u8>> {
    if cert.is_tsk() {
        return Err(Error::CertRejected(CertProblem::SecretKeyMaterial));
    }
    cert.export_to_vec().map_err(|e| Error::Internal(e.to_string()))
}

/// `carepost publish wkd --out DIR [--domain DOMAIN] [--contact ALIAS…]`.
pub fn wkd(ctx: &mut Context<'_>, out: &Path, domain: Option<&str>, aliases: &[String]) -> Result<Published> {
    let identity = ctx.identity()?;
    let domain = match domain {
        Some(domain) => validate_domain(domain)?,
        None => Address::parse(&identity.email())?.domain,
    };
    if out.exists() && !out.is_dir() {
        return Err(Error::OutputDir(out.to_path_buf()));
    }

    let mut candidates = vec![Candidate { contact: None, cert: identity.public_cert() }];
    let mut seen = std::collections::BTreeSet::new();
    for alias in aliases {
        if !seen.insert(alias.as_str()) {
            continue;
        }
        let contact = contacts::get(ctx, alias)?;
        let Some(cert) = contact.cert().cloned() else {
            let event = contacts::contact_event(Action::PublishWkd, Outcome::Refused, &contact).detail("no key");
            audit::record(ctx, event)?;
            return Err(Error::NoKeyToPublish(alias.clone()));
        };
        let fingerprint = cert.fingerprint().to_hex();
        if contact.kind != Kind::Colleague {
            refuse(ctx, alias, &fingerprint, "patient")?;
            return Err(Error::PublishPatient(alias.clone()));
        }
        if !contact.is_verified() {
            refuse(ctx, alias, &fingerprint, "unverified")?;
            return Err(Error::PublishUnverified(alias.clone()));
        }
        if cert.fingerprint() == identity.fingerprint() {
            continue;
        }
        candidates.push(Candidate { contact: Some(alias.clone()), cert });
    }

    // Addresses by WKD name (lowercased local part): one key per name.
    let mut by_name: BTreeMap<String, Vec<(Address, usize)>> = BTreeMap::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let addresses: Vec<Address> =
            candidate.cert.userids().filter_map(|ua| email_in(ua.userid(), &domain)).collect();
        if addresses.is_empty() {
            match &candidate.contact {
                // The own key is published when it fits the domain.
                None => continue,
                Some(alias) => {
                    return Err(Error::PublishNotInDomain { alias: alias.clone(), domain: domain.clone() });
                }
            }
        }
        for address in addresses {
            let holders = by_name.entry(address.local_part.to_ascii_lowercase()).or_default();
            if !holders.iter().any(|(_, i)| *i == index) {
                holders.push((address, index));
            }
        }
    }
    if by_name.is_empty() {
        return Err(Error::PublishNothingForDomain(domain));
    }
    if let Some(holders) = by_name.values().find(|h| h.len() > 1) {
        let names = holders.iter().map(|(_, i)| holder_name(&candidates[*i])).collect();
        return Err(Error::PublishSameAddress { address: holders[0].0.to_email(), holders: names });
    }

    // Write: keys first, replaced atomically; policy files when missing.
    let base = out.join(WELL_KNOWN);
    let advanced = base.join(&domain).join("hu");
    let direct = base.join("hu");
    for dir in [&advanced, &direct] {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("io-write", dir, e))?;
    }
    let mut written = Vec::new();
    let mut keys = Vec::new();
    let mut bytes_of: BTreeMap<usize, Vec<u8>> = BTreeMap::new();
    for (address, index) in by_name.into_values().map(|mut h| h.remove(0)) {
        let candidate = &candidates[index];
        let bytes = match bytes_of.get(&index) {
            Some(bytes) => bytes.clone(),
            None => {
                let bytes = key_bytes(&for_domain(&candidate.cert, &domain))?;
                bytes_of.insert(index, bytes.clone());
                bytes
            }
        };
        let name = address.hashed_local_part();
        let files = vec![format!("{WELL_KNOWN}/{domain}/hu/{name}"), format!("{WELL_KNOWN}/hu/{name}")];
        write_public(&advanced.join(&name), &bytes, true)?;
        write_public(&direct.join(&name), &bytes, true)?;
        written.extend(files.iter().cloned());
        keys.push(PublishedKey {
            address: address.to_email(),
            contact: candidate.contact.clone(),
            fingerprint: candidate.cert.fingerprint().to_hex(),
            files,
            urls: vec![address.advanced_url(), address.direct_url()],
        });
    }
    for (policy, relative) in [
        (base.join(&domain).join("policy"), format!("{WELL_KNOWN}/{domain}/policy")),
        (base.join("policy"), format!("{WELL_KNOWN}/policy")),
    ] {
        if policy.symlink_metadata().is_err() {
            write_public(&policy, b"", false)?;
            written.push(relative);
        }
    }

    for key in &keys {
        let event = Event::new(Action::PublishWkd, Outcome::Success).detail(format!("wkd {domain}"));
        let event = match &key.contact {
            Some(alias) => event.contact(alias, &key.fingerprint),
            None => event.fingerprint(&key.fingerprint),
        };
        audit::record(ctx, event)?;
    }
    Ok(Published { domain, out: out.to_path_buf(), keys, written })
}

/// Records a refused publication (the reason is a code, never a name).
fn refuse(ctx: &mut Context<'_>, alias: &str, fingerprint: &str, reason: &str) -> Result<()> {
    audit::record(ctx, Event::new(Action::PublishWkd, Outcome::Refused).contact(alias, fingerprint).detail(reason))
        .map(|_| ())
}

/// How an error names a key: its alias, or "your own key".
fn holder_name(candidate: &Candidate) -> String {
    candidate.contact.clone().unwrap_or_else(|| crate::tr!("publish-own-key"))
}

/// Writes `bytes` to `path` through a temporary file in the same folder
/// and a rename, so a web server serving the folder never sees half a
/// key. Readable by all: these are public keys for a web server.
fn write_public(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".carepost-").suffix(".part");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut tmp = builder.tempfile_in(dir).map_err(|e| Error::io("io-write", path, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io("io-write", path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io("io-write", path, e))?;
    if replace {
        tmp.persist(path).map_err(|e| Error::io("io-write", path, e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| Error::io("io-write", path, e.error))?;
    }
    crate::home::sync_dir(dir);
    Ok(())
}

/// What `publish keyserver` did: the key the server read, and each of
/// the identity's addresses with its state there after the request for
/// confirmation emails.
#[derive(Debug, Clone, Serialize)]
pub struct Uploaded {
    pub server: String,
    pub fingerprint: String,
    pub addresses: Vec<UploadedAddress>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UploadedAddress {
    pub address: String,
    /// `published`, `unpublished`, `pending`, `revoked`, or the server's word.
    pub status: String,
    /// Whether a confirmation email was asked for this address now.
    pub confirmation_requested: bool,
}

/// `carepost publish keyserver`: uploads the own public key to a
/// Verifying Key Server (keys.openpgp.org by default) and asks it to send
/// a confirmation email to each address not published yet: such a server
/// gives the key out by email only after its owner clicked that link.
pub fn keyserver(ctx: &mut Context<'_>, client: &crate::net::Client, server: Option<&str>) -> Result<Uploaded> {
    use crate::net::vks::{self, AddressStatus};
    let base = server.unwrap_or(vks::DEFAULT_BASE).trim_end_matches('/').to_owned();
    if !base.starts_with("https://") {
        return Err(Error::KeySource { given: base, reason: crate::tr!("publish-keyserver-https-only") });
    }
    let identity = ctx.identity()?;
    let cert = identity.public_cert();
    if cert.is_tsk() {
        return Err(Error::CertRejected(CertProblem::SecretKeyMaterial));
    }
    let fingerprint = cert.fingerprint().to_hex();
    let upload = vks::vks_upload(client, &base, &cert)?;
    if !upload.key_fpr.eq_ignore_ascii_case(&fingerprint) {
        return Err(Error::Network {
            host: crate::net::host_of(&base),
            problem: crate::error::NetProblem::Other(crate::tr!("vks-bad-answer", what = "key_fpr")),
        });
    }
    let to_confirm: Vec<String> = upload
        .status
        .iter()
        .filter(|(_, status)| **status == AddressStatus::Unpublished)
        .map(|(address, _)| address.clone())
        .collect();
    let mut status = upload.status.clone();
    if !to_confirm.is_empty() {
        let locale = vec![crate::i18n::language().code().to_owned()];
        status.extend(vks::vks_request_verify(client, &base, &upload.token, &to_confirm, &locale)?);
    }
    let addresses = status
        .iter()
        .map(|(address, state)| UploadedAddress {
            address: address.clone(),
            status: match state {
                AddressStatus::Published => "published".into(),
                AddressStatus::Unpublished => "unpublished".into(),
                AddressStatus::Pending => "pending".into(),
                AddressStatus::Revoked => "revoked".into(),
                AddressStatus::Other(word) => word.clone(),
            },
            confirmation_requested: to_confirm.contains(address),
        })
        .collect();
    audit::record(
        ctx,
        Event::new(Action::PublishKeyserver, Outcome::Success)
            .fingerprint(&fingerprint)
            .detail(format!("keyserver {}", crate::net::host_of(&base))),
    )?;
    Ok(Uploaded { server: base, fingerprint, addresses })
}

#[cfg(test)]
mod tests {
    use super::*;
    use openpgp::cert::prelude::*;
    use openpgp::parse::Parse;

    fn cert(userids: &[&str]) -> Cert {
        let mut builder = CertBuilder::general_purpose(None::<&str>);
        for u in userids {
            builder = builder.add_userid(*u);
        }
        builder.generate().unwrap().0
    }

    #[test]
    fn only_the_domains_user_ids_and_no_secrets_are_kept() {
        let full = cert(&["Dr A <a@example.org>", "A <a@elsewhere.be>", "A <A@Example.ORG>", "no email"]);
        assert!(full.is_tsk());
        let kept = for_domain(&full, "example.org");
        assert!(!kept.is_tsk());
        let mut emails: Vec<String> =
            kept.userids().map(|ua| ua.userid().email().unwrap().unwrap().to_owned()).collect();
        emails.sort();
        assert_eq!(emails, ["A@Example.ORG", "a@example.org"]);
        let bytes = key_bytes(&kept).unwrap();
        let back = Cert::from_bytes(&bytes).unwrap();
        assert_eq!(back.fingerprint(), full.fingerprint());
        assert!(!back.is_tsk());
        assert_eq!(back.userids().count(), 2);
    }

    #[test]
    fn non_exportable_certifications_stay_home() {
        let (own, _) = CertBuilder::general_purpose(Some("me <me@example.org>")).generate().unwrap();
        let colleague = cert(&["C <c@example.org>"]).strip_secret_key_material();
        let mut signer = own.primary_key().key().clone().parts_into_secret().unwrap().into_keypair().unwrap();
        let certified = crate::certification::certify(
            &mut signer,
            &colleague,
            "gp.c",
            crate::certification::Method::Phone,
            std::time::SystemTime::now(),
        )
        .unwrap();
        let sigs = |c: &Cert| c.userids().map(|ua| ua.certifications().count()).sum::<usize>();
        assert_eq!(sigs(&certified), 1);
        let published = Cert::from_bytes(&key_bytes(&for_domain(&certified, "example.org")).unwrap()).unwrap();
        assert_eq!(sigs(&published), 0);
        assert_eq!(published.userids().count(), 1);
    }

    #[test]
    fn domains_follow_the_address_rules() {
        assert_eq!(validate_domain("Example.ORG").unwrap(), "example.org");
        for bad in ["", "../etc", "a/b", "a..b", "-a.org", "a b", "x@y"] {
            assert!(matches!(validate_domain(bad), Err(Error::InvalidDomain(_))), "{bad}");
        }
    }

    #[test]
    fn written_files_are_whole_and_readable_by_the_web_server() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        write_public(&path, b"one", true).unwrap();
        write_public(&path, b"two", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert!(write_public(&path, b"three", false).is_err());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left");
    }
}
