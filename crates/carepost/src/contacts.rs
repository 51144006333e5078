//! The contact book: other people's certificates under pseudonymous
//! aliases, what carepost accepts as a contact's key, and changes to it.
//!
//! Lists and logs use the alias only; the user IDs inside a certificate
//! (often a patient's name) are shown on `contact show` and nowhere else.

use crate::audit::{self, Action, Event, Outcome};
use crate::certification::{self, Verification};
use crate::consent_state::{ConsentRecord, ConsentSummary};
use crate::error::{CertProblem, Error, Result};
pub use crate::origin::{KeyOrigin, Origin, OriginSummary};
use crate::store::ContactRow;
use crate::Context;
use openpgp::cert::prelude::*;
use openpgp::parse::Parse;
use openpgp::serialize::SerializeInto;
use openpgp::Cert;
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::io::Read;
use std::path::Path;

/// A key file larger than this is not a certificate anyone sends by hand.
const MAX_KEY_FILE_BYTES: u64 = 16 * 1024 * 1024;
pub const MAX_ALIAS_CHARS: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Patient,
    Colleague,
}

impl Kind {
    /// The kind as a person reads it, in their language (`as_str` is the
    /// code for JSON and the state database).
    pub fn label(self) -> String {
        match self {
            Kind::Patient => crate::tr!("contact-kind-patient"),
            Kind::Colleague => crate::tr!("contact-kind-colleague"),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Patient => "patient",
            Kind::Colleague => "colleague",
        }
    }
    fn parse(s: &str) -> Kind {
        if s == "colleague" {
            Kind::Colleague
        } else {
            Kind::Patient
        }
    }
}

/// Checks an alias: 1–64 of `a-z 0-9 . _ -`, not starting with `-` or `.`.
pub fn validate_alias(alias: &str) -> Result<&str> {
    let ok = !alias.is_empty()
        && alias.len() <= MAX_ALIAS_CHARS
        && alias.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        && !alias.starts_with('-')
        && !alias.starts_with('.');
    if ok {
        Ok(alias)
    } else {
        Err(Error::InvalidAlias(alias.chars().take(80).collect()))
    }
}

/// How documents reach a contact: encrypted to their key, or (a patient
/// without a key) with a password the user tells them by phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Delivery {
    Key,
    Password,
}

impl Delivery {
    /// The code for JSON: `key` or `password`.
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Key => "key",
            Delivery::Password => "password",
        }
    }
}

/// A contact with its certificate parsed and its verification derived
/// from the identity's own certification. A patient may have no
/// certificate at all ([`Contact::cert`] is `None`): documents then go to
/// them with a password told by phone.
#[derive(Debug, Clone)]
pub struct Contact {
    pub alias: String,
    pub kind: Kind,
    cert: Option<Cert>,
    pub added_at: String,
    pub updated_at: String,
    pub verification: Option<Verification>,
    pub origin: Origin,
    /// A patient's consent to this channel; `None` when never recorded
    /// (and always for a colleague).
    pub consent: Option<ConsentRecord>,
}

/// The contract's JSON form of a contact (`contact list`, `contact show`).
#[derive(Debug, Clone, Serialize)]
pub struct ContactSummary {
    pub alias: String,
    pub kind: Kind,
    /// `None` (JSON `null`) for a contact without a key.
    pub fingerprint: Option<String>,
    pub verified: bool,
    pub verified_at: Option<String>,
    pub method: Option<String>,
    pub expires: Option<String>,
    /// Whether carepost holds a key for the contact.
    pub key: bool,
    /// How documents reach the contact: `key` or `password`.
    pub delivery: Delivery,
    /// A patient's consent (`missing` when never recorded); `None` (JSON
    /// `null`) for a colleague, who needs none.
    pub consent: Option<ConsentSummary>,
}

/// `contact show`: the summary plus what the certificate says about itself.
#[derive(Debug, Clone, Serialize)]
pub struct ContactDetails {
    #[serde(flatten)]
    pub summary: ContactSummary,
    /// User IDs as raw text: the caller must escape them before display.
    pub user_ids: Vec<String>,
    pub added_at: String,
    pub updated_at: String,
    pub usable: bool,
    pub problem: Option<String>,
    pub source: OriginSummary,
}

impl Contact {
    /// The contact's certificate: `None` for a patient added with
    /// `--no-key`.
    pub fn cert(&self) -> Option<&Cert> {
        self.cert.as_ref()
    }

    /// Whether carepost holds a key for the contact.
    pub fn has_key(&self) -> bool {
        self.cert.is_some()
    }

    /// How documents reach the contact.
    pub fn delivery(&self) -> Delivery {
        if self.has_key() {
            Delivery::Key
        } else {
            Delivery::Password
        }
    }

    /// The certificate's fingerprint (40 uppercase hex), `None` without a
    /// key.
    pub fn fingerprint(&self) -> Option<String> {
        self.cert.as_ref().map(|cert| cert.fingerprint().to_hex())
    }

    /// The certificate, or [`Error::NoKey`] for a contact without one:
    /// for the paths that need a key to go on.
    pub fn require_cert(&self) -> Result<&Cert> {
        self.cert.as_ref().ok_or_else(|| Error::NoKey { alias: self.alias.clone() })
    }

    /// A patient's consent as the JSON shows it; `None` for a colleague.
    pub fn consent_summary(&self) -> Option<ConsentSummary> {
        (self.kind == Kind::Patient).then(|| ConsentSummary::of(self.consent.as_ref()))
    }

    pub fn is_verified(&self) -> bool {
        self.verification.is_some()
    }

    /// When the certificate stops being valid, if ever (never without a
    /// key: there is nothing to expire).
    pub fn expires(&self, now: std::time::SystemTime) -> Option<std::time::SystemTime> {
        self.cert
            .as_ref()?
            .with_policy(crate::policy::standard(), now)
            .ok()
            .and_then(|vc| vc.primary_key().key_expiration_time())
    }

    /// The user IDs of the contact's key as raw text (escape before
    /// display); none without a key.
    pub fn user_ids(&self) -> Vec<String> {
        self.cert
            .iter()
            .flat_map(|cert| cert.userids())
            .map(|ua| String::from_utf8_lossy(ua.userid().value()).into_owned())
            .collect()
    }

    pub fn summary(&self, now: std::time::SystemTime) -> ContactSummary {
        ContactSummary {
            alias: self.alias.clone(),
            kind: self.kind,
            fingerprint: self.fingerprint(),
            verified: self.is_verified(),
            verified_at: self.verification.as_ref().map(|v| crate::fmt_time(v.at)),
            method: self.verification.as_ref().and_then(|v| v.method.clone()),
            expires: self.expires(now).map(crate::fmt_time),
            key: self.has_key(),
            delivery: self.delivery(),
            consent: self.consent_summary(),
        }
    }

    /// `usable` and `problem` are about the key: without one, `usable`
    /// is false and `problem` is `None` (`key` and `delivery` say why).
    pub fn details(&self, now: std::time::SystemTime) -> ContactDetails {
        let problem = self.cert.as_ref().and_then(|cert| crate::policy::check_contact_cert(cert, now).err());
        ContactDetails {
            summary: self.summary(now),
            user_ids: self.user_ids(),
            added_at: self.added_at.clone(),
            updated_at: self.updated_at.clone(),
            usable: self.has_key() && problem.is_none(),
            problem: problem.map(|p| Error::CertRejected(p).to_string()),
            source: OriginSummary {
                kind: self.origin.source,
                location: self.origin.location.clone(),
                email: self.origin.email.clone(),
                refreshed_at: self.origin.refreshed_at.clone(),
            },
        }
    }
}

/// Reads a key file that must hold exactly one public certificate,
/// without judging the certificate.
///
/// Only a regular file is read, and at most [`MAX_KEY_FILE_BYTES`]: a
/// device such as `/dev/zero` never ends, and a FIFO blocks forever. The
/// file is opened without blocking and judged by what was opened, so a
/// path swapped after a check cannot slip a FIFO in.
pub fn read_key_file(path: &Path) -> Result<Cert> {
    let fail = |reason: String| Error::KeyFile { path: path.to_path_buf(), reason };
    let meta = std::fs::metadata(path).map_err(|e| fail(crate::error::io_reason(&e)))?;
    if !meta.is_file() {
        return Err(Error::KeyFileNotRegular(path.to_path_buf()));
    }
    let file = open_nonblocking(path).map_err(|e| fail(crate::error::io_reason(&e)))?;
    let meta = file.metadata().map_err(|e| fail(crate::error::io_reason(&e)))?;
    if !meta.is_file() {
        return Err(Error::KeyFileNotRegular(path.to_path_buf()));
    }
    if meta.len() > MAX_KEY_FILE_BYTES {
        return Err(Error::CertRejected(CertProblem::Malformed(crate::tr!("key-file-too-large"))));
    }
    let mut bytes = zeroize::Zeroizing::new(Vec::new());
    // One byte past the bound tells a file that grew meanwhile.
    file.take(MAX_KEY_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| fail(crate::error::io_reason(&e)))?;
    if bytes.len() as u64 > MAX_KEY_FILE_BYTES {
        return Err(Error::CertRejected(CertProblem::Malformed(crate::tr!("key-file-too-large"))));
    }
    parse_exactly_one(&bytes)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32).open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Reads a key file that must hold exactly one acceptable public
/// certificate.
pub fn read_cert_file(path: &Path, now: std::time::SystemTime) -> Result<Cert> {
    let cert = read_key_file(path)?;
    crate::policy::check_contact_cert(&cert, now).map_err(Error::CertRejected)?;
    Ok(cert)
}

/// Parses exactly one acceptable public certificate from `bytes`.
pub fn parse_one_cert(bytes: &[u8], now: std::time::SystemTime) -> Result<Cert> {
    let cert = parse_exactly_one(bytes)?;
    crate::policy::check_contact_cert(&cert, now).map_err(Error::CertRejected)?;
    Ok(cert)
}

/// Parses exactly one public certificate from `bytes`, without judging it,
/// behind the panic boundary ([`crate::guard`]).
fn parse_exactly_one(bytes: &[u8]) -> Result<Cert> {
    crate::guard::untrusted(|| parse_exactly_one_unguarded(bytes), || Error::CertRejected(CertProblem::Damaged))
}

fn parse_exactly_one_unguarded(bytes: &[u8]) -> Result<Cert> {
    let mut certs = parse_all_unguarded(bytes)?;
    match certs.len() {
        0 => Err(Error::CertRejected(CertProblem::NoCertificate)),
        1 => Ok(certs.pop().expect("one")),
        n => Err(Error::CertRejected(CertProblem::SeveralCertificates(n))),
    }
}

/// Parses every public certificate in `bytes` (a key server may send
/// several), without judging them, behind the panic boundary. Secret key
/// material anywhere refuses the whole input; none at all is refused too.
pub fn parse_certs(bytes: &[u8]) -> Result<Vec<Cert>> {
    crate::guard::untrusted(
        || {
            let certs = parse_all_unguarded(bytes)?;
            if certs.is_empty() {
                return Err(Error::CertRejected(CertProblem::NoCertificate));
            }
            Ok(certs)
        },
        || Error::CertRejected(CertProblem::Damaged),
    )
}

fn parse_all_unguarded(bytes: &[u8]) -> Result<Vec<Cert>> {
    let reject = |p| Error::CertRejected(p);
    // Say "secret key" even when the rest of the file is damaged.
    if contains(bytes, b"PRIVATE KEY BLOCK") {
        return Err(reject(CertProblem::SecretKeyMaterial));
    }
    // Plain text (no armor, and no packet header at the start) holds no key.
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first.is_none_or(|b| b & 0x80 == 0) && !contains(bytes, b"-----BEGIN PGP") {
        return Err(reject(CertProblem::NoCertificate));
    }
    let mut certs = Vec::new();
    for cert in CertParser::from_bytes(bytes).map_err(|e| reject(CertProblem::Malformed(e.to_string())))? {
        certs.push(cert.map_err(|e| reject(CertProblem::Malformed(e.to_string())))?);
    }
    if certs.iter().any(|c| c.is_tsk()) {
        return Err(reject(CertProblem::SecretKeyMaterial));
    }
    Ok(certs)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn from_row(row: ContactRow, own: Option<&Cert>, now: std::time::SystemTime) -> Result<Contact> {
    let damaged =
        |reason: String| Error::State(crate::tr!("state-contact-damaged", alias = row.alias.clone(), reason = reason));
    let kind = Kind::parse(&row.kind);
    let (cert, verification) = match (&row.cert, &row.fingerprint) {
        (Some(bytes), Some(fingerprint)) => {
            let cert = Cert::from_bytes(bytes).map_err(|e| damaged(e.to_string()))?;
            // The fingerprint column is an index; the certificate is the truth.
            if &cert.fingerprint().to_hex() != fingerprint {
                return Err(damaged("fingerprint".into()));
            }
            let verification = own.and_then(|own| certification::status(own, &row.alias, &cert, now));
            (Some(cert), verification)
        }
        // Only a patient is ever stored without a key; a colleague without
        // one (a hand edit) is damage, not a password path.
        (None, None) if kind == Kind::Patient && row.source == KeyOrigin::None => (None, None),
        _ => return Err(damaged("key".into())),
    };
    Ok(Contact {
        kind,
        alias: row.alias,
        cert,
        added_at: row.added_at,
        updated_at: row.updated_at,
        verification,
        origin: Origin {
            source: row.source,
            location: row.source_url,
            email: row.email,
            refreshed_at: row.refreshed_at,
        },
        // A colleague's record would be damage the CHECKs never let in.
        consent: if kind == Kind::Patient { row.consent } else { None },
    })
}

fn own_cert(ctx: &Context<'_>) -> Result<Cert> {
    Ok(ctx.identity()?.public_cert())
}

/// One contact by alias.
pub fn get(ctx: &mut Context<'_>, alias: &str) -> Result<Contact> {
    validate_alias(alias)?;
    let own = own_cert(ctx)?;
    let now = ctx.now;
    let store = ctx.store()?;
    let Some(row) = store.contact(alias)? else {
        let known: Vec<String> = store.contacts()?.into_iter().map(|row| row.alias).collect();
        return Err(Error::ContactNotFound { alias: alias.to_owned(), similar: similar_aliases(alias, &known) });
    };
    from_row(row, Some(&own), now)
}

/// The aliases in `known` close enough to `alias` to be what was meant
/// (a digit left out or added, two characters swapped), closest first, at
/// most three.
pub fn similar_aliases(alias: &str, known: &[String]) -> Vec<String> {
    // Up to one edit in three characters, at least one, at most three.
    let reach = (alias.chars().count() / 3).clamp(1, 3);
    let mut close: Vec<(usize, &String)> = known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(alias, k), k))
        .filter(|(distance, k)| *distance <= reach && k.as_str() != alias)
        .collect();
    close.sort();
    close.into_iter().take(3).map(|(_, k)| k.clone()).collect()
}

/// The contact whose certificate has this fingerprint (or whose
/// certificate contains a key with this fingerprint), if any.
pub fn find_by_key(ctx: &mut Context<'_>, fingerprint: &openpgp::Fingerprint) -> Result<Option<Contact>> {
    let own = own_cert(ctx)?;
    let now = ctx.now;
    let store = ctx.store()?;
    if let Some(row) = store.contact_by_fingerprint(&fingerprint.to_hex())? {
        return from_row(row, Some(&own), now).map(Some);
    }
    for row in store.contacts()? {
        if row.cert.is_none() {
            continue;
        }
        let contact = from_row(row, Some(&own), now)?;
        if contact.cert().is_some_and(|cert| cert.keys().any(|k| &k.key().fingerprint() == fingerprint)) {
            return Ok(Some(contact));
        }
    }
    Ok(None)
}

/// All contacts, by alias.
pub fn list(ctx: &mut Context<'_>) -> Result<Vec<Contact>> {
    Ok(list_all(ctx)?.0)
}

/// All contacts, by alias, and the errors of stored entries that are
/// damaged — one damaged entry must not hide the rest of the book.
pub fn list_all(ctx: &mut Context<'_>) -> Result<(Vec<Contact>, Vec<Error>)> {
    let own = own_cert(ctx)?;
    let now = ctx.now;
    let rows = ctx.store()?.contacts()?;
    let mut contacts = Vec::with_capacity(rows.len());
    let mut damaged = Vec::new();
    for row in rows {
        match from_row(row, Some(&own), now) {
            Ok(contact) => contacts.push(contact),
            Err(e) => damaged.push(e),
        }
    }
    Ok((contacts, damaged))
}

/// `contact add`: imports the one certificate in `key_file` as `alias`.
pub fn add(ctx: &mut Context<'_>, alias: &str, key_file: &Path, kind: Kind) -> Result<Contact> {
    validate_alias(alias)?;
    let cert = read_cert_file(key_file, ctx.now)?;
    add_cert(ctx, alias, cert, kind, Origin::file())
}

/// Imports `cert` (from a file, an email's Autocrypt header, a Web Key
/// Directory or a key server) as `alias`, unverified, after the same
/// checks as `contact add`. `origin` is stored with it, and its kind and
/// host noted in the audit record.
pub fn add_cert(ctx: &mut Context<'_>, alias: &str, cert: Cert, kind: Kind, origin: Origin) -> Result<Contact> {
    validate_alias(alias)?;
    crate::policy::check_contact_cert(&cert, ctx.now).map_err(Error::CertRejected)?;
    let cert = cert.strip_secret_key_material();
    let own = own_cert(ctx)?;
    if cert.fingerprint() == own.fingerprint() {
        return Err(Error::CertRejected(CertProblem::OwnKey));
    }
    let now = crate::fmt_time(ctx.now);
    let fingerprint = cert.fingerprint().to_hex();
    let row = ContactRow {
        alias: alias.to_owned(),
        kind: kind.as_str().to_owned(),
        fingerprint: Some(fingerprint.clone()),
        cert: Some(cert.to_vec().map_err(|e| Error::Internal(e.to_string()))?),
        added_at: now.clone(),
        updated_at: now,
        source: origin.source,
        source_url: origin.location.clone(),
        email: origin.email.clone(),
        refreshed_at: origin.refreshed_at.clone(),
        consent: None,
    };
    ctx.store()?.insert_contact(&row)?;
    audit::record(
        ctx,
        Event::new(Action::ContactAdd, Outcome::Success).contact(alias, &fingerprint).detail(format!(
            "{}; {}",
            kind.as_str(),
            origin.audit_detail()
        )),
    )?;
    get(ctx, alias)
}

/// Refuses an alias already in the contact book, before anything is
/// looked up for it: a key found by email never lands on an existing
/// contact (one without a key gets its key through `contact update`).
pub fn ensure_alias_free(ctx: &mut Context<'_>, alias: &str) -> Result<()> {
    validate_alias(alias)?;
    match ctx.store()?.contact(alias)? {
        Some(_) => Err(Error::AliasTaken(alias.to_owned())),
        None => Ok(()),
    }
}

/// `contact add ALIAS --patient --no-key [--email ADDRESS]`: a patient
/// who has no OpenPGP key; documents go to them with a password told by
/// phone. The address, when given, is kept for mail delivery and is never
/// looked up. A colleague always needs a key.
pub fn add_without_key(ctx: &mut Context<'_>, alias: &str, kind: Kind, email: Option<&str>) -> Result<Contact> {
    validate_alias(alias)?;
    if kind != Kind::Patient {
        return Err(Error::ColleagueNeedsKey);
    }
    let email = email.map(|e| crate::wkd::Address::parse(e).map(|a| a.to_email())).transpose()?;
    // Contacts belong to an identity, with a key or without.
    own_cert(ctx)?;
    let now = crate::fmt_time(ctx.now);
    let origin = Origin::no_key(email);
    let row = ContactRow {
        alias: alias.to_owned(),
        kind: kind.as_str().to_owned(),
        fingerprint: None,
        cert: None,
        added_at: now.clone(),
        updated_at: now,
        source: origin.source,
        source_url: None,
        email: origin.email.clone(),
        refreshed_at: None,
        consent: None,
    };
    ctx.store()?.insert_contact(&row)?;
    // The address identifies the patient: the log says only that one is kept.
    let detail = if origin.email.is_some() { "patient; no key; address kept" } else { "patient; no key" };
    audit::record(ctx, alias_event(Action::ContactAdd, Outcome::Success, alias, None).detail(detail))?;
    get(ctx, alias)
}

/// An audit event about the contact `alias`, with its key's fingerprint
/// when it has one.
fn alias_event(action: Action, outcome: Outcome, alias: &str, fingerprint: Option<&str>) -> Event {
    match fingerprint {
        Some(fingerprint) => Event::new(action, outcome).contact(alias, fingerprint),
        None => {
            let mut event = Event::new(action, outcome);
            event.contact = Some(alias.to_owned());
            event
        }
    }
}

/// An audit event about `contact` (alias, and fingerprint when it has a
/// key).
pub(crate) fn contact_event(action: Action, outcome: Outcome, contact: &Contact) -> Event {
    alias_event(action, outcome, &contact.alias, contact.fingerprint().as_deref())
}

/// Gives a contact without a key its first key, after the same checks as
/// `contact add`: from then on a normal contact, unverified, so the next
/// step is the phone check. Refused when the contact already has a key
/// (a key is never replaced this way) or another contact holds this one.
pub fn attach_key(ctx: &mut Context<'_>, alias: &str, cert: Cert, origin: Origin) -> Result<Contact> {
    let current = get(ctx, alias)?;
    if current.has_key() {
        return Err(Error::AlreadyHasKey(alias.to_owned()));
    }
    crate::policy::check_contact_cert(&cert, ctx.now).map_err(Error::CertRejected)?;
    let cert = cert.strip_secret_key_material();
    if cert.fingerprint() == own_cert(ctx)?.fingerprint() {
        return Err(Error::CertRejected(CertProblem::OwnKey));
    }
    let fingerprint = cert.fingerprint().to_hex();
    let bytes = cert.to_vec().map_err(|e| Error::Internal(e.to_string()))?;
    let now = crate::fmt_time(ctx.now);
    ctx.store()?.attach_contact_key(alias, &fingerprint, &bytes, origin.source, origin.location.as_deref(), &now)?;
    audit::record(
        ctx,
        Event::new(Action::ContactUpdate, Outcome::Success)
            .contact(alias, &fingerprint)
            .detail(format!("key added; {}", origin.audit_detail())),
    )?;
    get(ctx, alias)
}

/// What `contact update` did.
#[derive(Debug)]
pub enum Update {
    /// A contact without a key got one: a normal, unverified contact now.
    KeyAdded(Contact),
    /// Same key, new information (e.g. extended expiry); verification kept.
    Refreshed(Contact),
    /// A different key: verification is gone and must be redone.
    KeyChanged { old_fingerprint: String, contact: Contact },
}

/// `contact update`: a new certificate for an existing contact.
pub fn update(ctx: &mut Context<'_>, alias: &str, key_file: &Path) -> Result<Update> {
    let current = get(ctx, alias)?;
    let offered = read_key_file(key_file)?;
    if offered.fingerprint() == own_cert(ctx)?.fingerprint() {
        return Err(Error::CertRejected(CertProblem::OwnKey));
    }
    let Some(current_cert) = current.cert() else {
        return attach_key(ctx, alias, offered, Origin::file()).map(Update::KeyAdded);
    };
    let old_fingerprint = current_cert.fingerprint().to_hex();
    let (cert, changed) = if offered.fingerprint() == current_cert.fingerprint() {
        match merge_same_key(current_cert, offered, ctx.now)? {
            Merged::Same => (current_cert.clone(), false),
            Merged::Changed(merged) => (merged, false),
            Merged::Revoked(merged) => {
                // The owner revoked this key: keep that fact, so nothing is
                // ever encrypted to it again, and say so.
                store_certified(ctx, alias, &merged)?;
                audit::record(
                    ctx,
                    Event::new(Action::ContactUpdate, Outcome::Success)
                        .contact(alias, &old_fingerprint)
                        .detail("revocation stored"),
                )?;
                return Err(Error::ContactRevoked(alias.to_owned()));
            }
        }
    } else {
        crate::policy::check_contact_cert(&offered, ctx.now).map_err(Error::CertRejected)?;
        (offered, true)
    };
    let bytes = cert.to_vec().map_err(|e| Error::Internal(e.to_string()))?;
    let now = crate::fmt_time(ctx.now);
    ctx.store()?.replace_contact_cert(alias, &cert.fingerprint().to_hex(), &bytes, &now)?;
    let contact = get(ctx, alias)?;
    let detail = if changed { format!("key changed from {old_fingerprint}") } else { "same key refreshed".into() };
    audit::record(ctx, contact_event(Action::ContactUpdate, Outcome::Success, &contact).detail(detail))?;
    Ok(if changed { Update::KeyChanged { old_fingerprint, contact } } else { Update::Refreshed(contact) })
}

/// What merging a newer copy of a contact's own key came to.
#[derive(Debug)]
pub(crate) enum Merged {
    /// Nothing new.
    Same,
    /// New subkeys, signatures or a later expiry; still acceptable.
    Changed(Cert),
    /// The copy carries a revocation: stored, so nothing is encrypted to
    /// the key again.
    Revoked(Cert),
}

/// Merges `offered`, a copy of the same primary key, into `current`.
/// Merging keeps carepost's own certification, so verification survives.
/// A merged key the import rules refuse for another reason than
/// revocation (e.g. it expired) is an error, and nothing is stored.
pub(crate) fn merge_same_key(current: &Cert, offered: Cert, now: std::time::SystemTime) -> Result<Merged> {
    debug_assert_eq!(current.fingerprint(), offered.fingerprint());
    let merged = current.clone().merge_public(offered).map_err(|e| Error::Internal(e.to_string()))?;
    match crate::policy::check_contact_cert(&merged, now) {
        Ok(()) => {
            let before = current.to_vec().map_err(|e| Error::Internal(e.to_string()))?;
            let after = merged.to_vec().map_err(|e| Error::Internal(e.to_string()))?;
            Ok(if before == after { Merged::Same } else { Merged::Changed(merged) })
        }
        Err(CertProblem::Revoked) => Ok(Merged::Revoked(merged)),
        Err(problem) => Err(Error::CertRejected(problem)),
    }
}

/// `contact remove`.
pub fn remove(ctx: &mut Context<'_>, alias: &str) -> Result<Contact> {
    let contact = get(ctx, alias)?;
    ctx.store()?.remove_contact(alias)?;
    let event = contact_event(Action::ContactRemove, Outcome::Success, &contact);
    audit::record(ctx, if contact.has_key() { event } else { event.detail("no key") })?;
    Ok(contact)
}

/// Stores a contact's certificate after carepost certified it.
pub(crate) fn store_certified(ctx: &mut Context<'_>, alias: &str, cert: &Cert) -> Result<()> {
    let bytes = cert.to_vec().map_err(|e| Error::Internal(e.to_string()))?;
    let now = crate::fmt_time(ctx.now);
    ctx.store()?.replace_contact_cert(alias, &cert.fingerprint().to_hex(), &bytes, &now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_aliases_are_the_close_ones_closest_first() {
        let known: Vec<String> =
            ["p-0042", "p-0043", "p-1234", "gp.bakker", "p-042x"].iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(similar_aliases("p-042", &known), ["p-0042", "p-042x"]);
        assert_eq!(similar_aliases("gp.bakkr", &known), ["gp.bakker"]);
        assert_eq!(similar_aliases("p-0024", &known), ["p-0042", "p-0043", "p-042x"]);
        assert!(similar_aliases("x", &known).is_empty());
        assert!(similar_aliases("colleague", &known).is_empty());
    }

    #[test]
    fn aliases_are_pseudonymous_labels() {
        for good in ["p-0042", "gp.bakker", "a", "x_y", &"a".repeat(64)] {
            assert!(validate_alias(good).is_ok(), "{good}");
        }
        for bad in ["", "Jansen", "a b", "-x", ".hidden", "ä", "a/b", &"a".repeat(65), "naam@x"] {
            assert!(validate_alias(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn garbage_is_malformed() {
        let err = parse_one_cert(b"\x99\x01\x02garbage", std::time::SystemTime::now()).unwrap_err();
        assert_eq!(err.exit_status().code(), 4);
    }

    #[test]
    fn an_armored_private_block_is_named_as_secret() {
        let err =
            parse_one_cert(b"-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nxx\n", std::time::SystemTime::now()).unwrap_err();
        assert!(matches!(err, Error::CertRejected(CertProblem::SecretKeyMaterial)));
    }

    #[test]
    fn two_certificates_are_refused() {
        let gen = || {
            CertBuilder::general_purpose(Some("x <x@example.org>")).generate().unwrap().0.strip_secret_key_material()
        };
        let mut bytes = gen().armored().to_vec().unwrap();
        bytes.extend(gen().armored().to_vec().unwrap());
        let err = parse_one_cert(&bytes, std::time::SystemTime::now()).unwrap_err();
        assert!(matches!(err, Error::CertRejected(CertProblem::SeveralCertificates(2))));
    }

    #[test]
    fn truncated_certificates_are_malformed() {
        let cert =
            CertBuilder::general_purpose(Some("x <x@example.org>")).generate().unwrap().0.strip_secret_key_material();
        let bytes = cert.to_vec().unwrap();
        let err = parse_one_cert(&bytes[..bytes.len() / 2], std::time::SystemTime::now()).unwrap_err();
        assert_eq!(err.exit_status().code(), 4);
    }
}
