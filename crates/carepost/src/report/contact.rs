//! `carepost report --contact ALIAS`: what carepost did with one
//! patient's data — every document sent to them, opened from them,
//! viewed, deleted, and every consent event, with dates, hashes and
//! sizes — for a patient who asks (GDPR access). Nothing about any other
//! contact: the records are those `log --contact` shows, plus the purges
//! of exactly those documents.

use crate::audit::{self, Filter, Record};
use crate::error::Result;
use crate::Context;
use serde::Serialize;
use std::collections::BTreeSet;
use std::time::SystemTime;

/// The report for one contact. Field names are part of the contract.
#[derive(Debug, Clone, Serialize)]
pub struct ContactReport {
    pub generated_at: String,
    pub alias: String,
    /// `patient` or `colleague`; `None` once the contact was removed.
    pub kind: Option<&'static str>,
    pub fingerprint: Option<String>,
    pub verified_at: Option<String>,
    pub period: super::Period,
    pub events: Vec<ContactEvent>,
    /// Consent given and withdrawn in the period (audit records).
    pub consent: super::ConsentCounts,
    /// Where the patient's consent stands now; `None` for a colleague or
    /// a removed contact.
    pub consent_now: Option<crate::consent_state::ConsentSummary>,
}

/// One thing that happened to the contact's data.
#[derive(Debug, Clone, Serialize)]
pub struct ContactEvent {
    pub time: String,
    /// The audit action code: `send`, `open`, `view`, `purge`,
    /// `consent-give`, …
    pub action: String,
    pub outcome: String,
    /// `key` or `password` for a send or an open.
    pub path: Option<&'static str>,
    pub document_sha256: Option<String>,
    pub document_size: Option<u64>,
}

/// The actions a patient's report lists.
const LISTED: &[&str] = &["send", "open", "view", "purge", "consent-give", "consent-withdraw", "contact-remove"];

pub fn build(ctx: &mut Context<'_>, alias: &str, since: Option<SystemTime>) -> Result<ContactReport> {
    let filter = Filter { since, action: None, contact: Some(alias.to_owned()) };
    let own = audit::read(ctx, &filter)?;
    let contact = match crate::contacts::get(ctx, alias) {
        Ok(contact) => Some(contact),
        // A removed contact's history is still theirs to see.
        Err(_) if !own.is_empty() => None,
        Err(e) => return Err(e),
    };
    let hashes: BTreeSet<&str> = own.iter().filter_map(|r| r.document_sha256.as_deref()).collect();
    let purges = audit::read(ctx, &Filter { since, action: Some("purge".into()), contact: None })?;
    let mut records: Vec<&Record> = own.iter().filter(|r| LISTED.contains(&r.action.as_str())).collect();
    records.extend(purges.iter().filter(|r| r.document_sha256.as_deref().is_some_and(|h| hashes.contains(h))));
    records.sort_by_key(|r| r.seq);
    let events = records
        .iter()
        .map(|r| ContactEvent {
            time: r.time.clone(),
            action: r.action.clone(),
            outcome: r.outcome.clone(),
            path: matches!(r.action.as_str(), "send" | "open").then(|| {
                if super::by_password(r) {
                    "password"
                } else {
                    "key"
                }
            }),
            document_sha256: r.document_sha256.clone(),
            document_size: r.document_size,
        })
        .collect();
    let now = crate::fmt_time(ctx.now);
    Ok(ContactReport {
        generated_at: now.clone(),
        alias: alias.to_owned(),
        kind: contact.as_ref().map(|c| c.kind.as_str()),
        fingerprint: contact.as_ref().and_then(|c| c.fingerprint()),
        verified_at: contact.as_ref().and_then(|c| c.verification.as_ref()).map(|v| crate::fmt_time(v.at)),
        period: super::Period {
            from: since.map(crate::fmt_time).or_else(|| own.first().map(|r| r.time.clone())),
            to: now,
        },
        consent: super::consent_counts(&own),
        consent_now: contact.as_ref().and_then(|c| c.consent_summary()),
        events,
    })
}
