//! `contact refresh`: each contact's key fetched again from where it came
//! from (and from its Web Key Directory by email), the same key's news
//! merged through [`contacts::merge_same_key`] — the path `contact update`
//! takes — and a different key under the same address never merged.

use crate::audit::{self, Action, Outcome as AuditOutcome};
use crate::contacts::{self, Contact, KeyOrigin, Merged};
use crate::error::{Error, Result};
use crate::lookup::{self, KeySource, Outcome, SourceKind};
use crate::{net, wkd, Context};
use serde::Serialize;

/// What refreshing one contact came to (codes for JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefreshResult {
    Unchanged,
    Updated,
    Revoked,
    KeyChanged,
    Failed,
    Skipped,
}

/// One contact's refresh: the result, a reason for people when there is
/// one, and the key's expiry afterwards.
#[derive(Debug, Clone, Serialize)]
pub struct Refreshed {
    pub alias: String,
    pub result: RefreshResult,
    pub reason: Option<String>,
    pub expires: Option<String>,
    /// Other keys offered under the contact's address (key-changed).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offered: Vec<String>,
}

/// `contact add --email`: imports the key a Web Key Directory or key
/// server answered with for `address`, unverified, with its origin. A key
/// from a server is never verified: only the phone check does that.
pub fn add_found(
    ctx: &mut Context<'_>,
    alias: &str,
    found: lookup::Found,
    address: &wkd::Address,
    kind: contacts::Kind,
) -> Result<Contact> {
    let source = match found.source.kind {
        SourceKind::Wkd => KeyOrigin::Wkd,
        SourceKind::Vks => KeyOrigin::Vks,
        SourceKind::Hkp => KeyOrigin::Hkp,
    };
    let origin = contacts::Origin {
        source,
        location: Some(found.location),
        email: Some(address.to_email()),
        refreshed_at: None,
    };
    contacts::add_cert(ctx, alias, found.cert, kind, origin)
}

/// Where to ask again for a contact's key: its origin, then its Web Key
/// Directory by email (when that is not already its origin).
fn sources_for(contact: &Contact) -> Vec<KeySource> {
    let origin = &contact.origin;
    let mut sources = Vec::new();
    let location = origin.location.as_deref().unwrap_or("");
    let authority =
        location.split_once("://").map(|(scheme, rest)| (scheme, rest.split(['/', '?', '#']).next().unwrap_or("")));
    let from_origin = match (origin.source, authority) {
        (KeyOrigin::Vks, Some(("https", host))) => KeySource::parse(&format!("vks:https://{host}")).ok(),
        (KeyOrigin::Hkp, Some(("https", host))) => KeySource::parse(&format!("hkps://{host}")).ok(),
        (KeyOrigin::Hkp, Some(("http", host))) => KeySource::parse(&format!("hkp://{host}")).ok(),
        _ => None,
    };
    sources.extend(from_origin);
    if origin.email.is_some() || origin.source == KeyOrigin::Wkd {
        sources.push(KeySource { kind: SourceKind::Wkd, url: String::new() });
    }
    sources
}

/// Refreshes one contact. Network failures are a `failed` result, not an
/// error: the others are still refreshed.
pub fn refresh_one(ctx: &mut Context<'_>, client: &net::Client, alias: &str) -> Result<Refreshed> {
    let contact = contacts::get(ctx, alias)?;
    let now = ctx.now;
    let sources = sources_for(&contact);
    let email = contact.origin.email.as_deref().and_then(|e| wkd::Address::parse(e).ok());
    let done = |result, reason: Option<String>, contact: &Contact| Refreshed {
        alias: contact.alias.clone(),
        result,
        reason,
        expires: contact.expires(now).map(crate::fmt_time),
        offered: Vec::new(),
    };
    // A contact without a key has nothing to refresh; a key found by its
    // address is only ever added by the user (`contact update`).
    let Some(current) = contact.cert() else {
        return Ok(done(RefreshResult::Skipped, Some(crate::tr!("nokey-refresh-skipped")), &contact));
    };
    if sources.is_empty() || (email.is_none() && !contact.origin.source.is_network()) {
        return Ok(done(RefreshResult::Skipped, Some(crate::tr!("refresh-skipped-no-source")), &contact));
    }
    let fingerprint = current.fingerprint();
    let mut same = Vec::new();
    let mut others = Vec::new();
    let mut failures = Vec::new();
    for source in &sources {
        match lookup::fetch_by_fingerprint(client, source, &fingerprint, email.as_ref(), now) {
            Ok(refetched) => {
                if let Outcome::Failed(_) = refetched.attempt.outcome {
                    failures.push(refetched.attempt.describe());
                }
                same.extend(refetched.same_key);
                others.extend(refetched.other_keys);
            }
            Err(e) => failures.push(e.to_string()),
        }
    }
    others.retain(|c| c.fingerprint() != fingerprint);
    if !others.is_empty() {
        let mut result = done(RefreshResult::KeyChanged, None, &contact);
        result.offered = others.iter().map(|c| c.fingerprint().to_hex()).collect();
        result.offered.dedup();
        record(ctx, &contact, "key-changed; nothing merged")?;
        return Ok(result);
    }
    if same.is_empty() && !failures.is_empty() {
        return Ok(done(RefreshResult::Failed, Some(failures.join("\n")), &contact));
    }
    let mut cert = current.clone();
    let mut revoked = false;
    for copy in same {
        match contacts::merge_same_key(&cert, copy, now)? {
            Merged::Same => {}
            Merged::Changed(merged) => cert = merged,
            Merged::Revoked(merged) => {
                cert = merged;
                revoked = true;
            }
        }
    }
    let changed = cert.fingerprint() == fingerprint && !same_bytes(&cert, current)?;
    if changed {
        contacts::store_certified(ctx, alias, &cert)?;
    }
    let at = crate::fmt_time(now);
    ctx.store()?.mark_contact_refreshed(alias, &at)?;
    let contact = contacts::get(ctx, alias)?;
    let result = match (revoked, changed) {
        (true, _) => RefreshResult::Revoked,
        (false, true) => RefreshResult::Updated,
        (false, false) => RefreshResult::Unchanged,
    };
    let code = match result {
        RefreshResult::Revoked => "revoked; revocation stored",
        RefreshResult::Updated => "updated",
        _ => "unchanged",
    };
    record(ctx, &contact, code)?;
    Ok(done(result, None, &contact))
}

fn same_bytes(a: &openpgp::Cert, b: &openpgp::Cert) -> Result<bool> {
    use openpgp::serialize::SerializeInto;
    let bytes = |c: &openpgp::Cert| c.to_vec().map_err(|e| Error::Internal(e.to_string()));
    Ok(bytes(a)? == bytes(b)?)
}

fn record(ctx: &mut Context<'_>, contact: &Contact, detail: &str) -> Result<()> {
    audit::record(
        ctx,
        contacts::contact_event(Action::ContactRefresh, AuditOutcome::Success, contact).detail(detail.to_owned()),
    )?;
    Ok(())
}

/// The aliases `contact refresh` without aliases refreshes: every contact.
/// Those with nothing to ask come back `skipped`.
pub fn all_aliases(ctx: &mut Context<'_>) -> Result<Vec<String>> {
    Ok(contacts::list(ctx)?.into_iter().map(|c| c.alias).collect())
}

use sequoia_openpgp as openpgp;

#[cfg(test)]
pub(crate) mod tests {
    use crate::home::Home;
    use crate::origin::KeyOrigin;
    use crate::store::{ContactRow, Store};

    pub(crate) fn row(alias: &str, fpr: &str) -> ContactRow {
        ContactRow {
            alias: alias.into(),
            kind: "patient".into(),
            fingerprint: Some(fpr.into()),
            cert: Some(vec![1, 2, 3]),
            added_at: "2026-01-01T00:00:00Z".into(),
            updated_at: "2026-01-01T00:00:00Z".into(),
            source: KeyOrigin::File,
            source_url: None,
            email: None,
            refreshed_at: None,
            consent: None,
        }
    }

    fn test_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::locate(Some(dir.path().join("h"))).unwrap();
        home.create().unwrap();
        let store = Store::open(&home).unwrap();
        (dir, store)
    }

    #[test]
    fn the_origin_is_stored_and_a_refresh_noted() {
        let (_dir, mut store) = test_store();
        let mut found = row("p-2", "F2");
        found.source = KeyOrigin::Vks;
        found.source_url = Some("https://keys.openpgp.org".into());
        found.email = Some("a@example.org".into());
        store.insert_contact(&found).unwrap();
        store.mark_contact_refreshed("p-2", "2026-02-01T00:00:00Z").unwrap();
        let back = store.contact("p-2").unwrap().unwrap();
        assert_eq!(back.source, KeyOrigin::Vks);
        assert_eq!(back.source_url.as_deref(), Some("https://keys.openpgp.org"));
        assert_eq!(back.email.as_deref(), Some("a@example.org"));
        assert_eq!(back.refreshed_at.as_deref(), Some("2026-02-01T00:00:00Z"));
        assert!(store.mark_contact_refreshed("nobody", "t").is_err());
    }

    #[test]
    fn the_state_database_refuses_an_origin_carepost_never_writes() {
        let (_dir, mut store) = test_store();
        store.insert_contact(&row("p-3", "F3")).unwrap();
        assert!(store.connection().execute("UPDATE contacts SET source = 'ftp'", []).is_err());
        assert_eq!(store.connection().execute("UPDATE contacts SET source = 'hkp'", []).unwrap(), 1);
    }
}
