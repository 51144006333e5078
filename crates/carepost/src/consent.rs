//! Consent on record: a patient is told beforehand what this channel is
//! and what its limits are, and their consent is recorded before any
//! document goes to them (the Belgian minimum conditions for remote care
//! ask for both).
//!
//! [`give`] and [`withdraw`] record it, each with its audit record in the
//! same transaction; the audit record says how and whether a note was
//! kept, never the note itself (it may hold patient details). [`require`]
//! is the one check every send path calls before anything is written —
//! the key path, the password path, and the outbox before it delivers a
//! queued email ([`require_for_delivery`]). Nothing overrides it, not
//! `--unverified-ok` either. Colleagues need no consent and have no
//! record.

use crate::audit::{self, Action, Event, Outcome};
use crate::consent_state::{ConsentHow, ConsentRecord, ConsentState};
use crate::contacts::{self, Contact, Kind};
use crate::error::{Error, Result};
use crate::Context;

/// The longest note kept with a consent record.
pub const MAX_NOTE_CHARS: usize = 500;

/// Checks a note before anything is recorded: trimmed, not empty, at
/// most [`MAX_NOTE_CHARS`].
pub fn check_note(note: Option<&str>) -> Result<Option<String>> {
    match note.map(str::trim) {
        None => Ok(None),
        Some("") => Err(Error::Usage(crate::tr!("consent-note-empty"))),
        Some(text) if text.chars().count() > MAX_NOTE_CHARS => {
            Err(Error::Usage(crate::tr!("consent-note-too-long", max = MAX_NOTE_CHARS)))
        }
        Some(text) => Ok(Some(text.to_owned())),
    }
}

/// The patient `alias`, or the reason there is no consent to record: an
/// unknown alias, or a colleague.
fn patient(ctx: &mut Context<'_>, alias: &str) -> Result<Contact> {
    let contact = contacts::get(ctx, alias)?;
    if contact.kind != Kind::Patient {
        return Err(Error::ConsentColleague(alias.to_owned()));
    }
    Ok(contact)
}

/// `contact consent ALIAS --give HOW [--note TEXT]` (and `contact add
/// --consent HOW`): the patient was told about the channel and agreed.
/// Replaces an earlier record, a withdrawal too.
pub fn give(ctx: &mut Context<'_>, alias: &str, how: ConsentHow, note: Option<&str>) -> Result<Contact> {
    let contact = patient(ctx, alias)?;
    let note = check_note(note)?;
    let detail = format!("how={} note={}", how.as_str(), yes_no(note.is_some()));
    let record = ConsentRecord { state: ConsentState::Given, how: Some(how), at: crate::fmt_time(ctx.now), note };
    store(ctx, &contact, Action::ConsentGive, &record, detail)
}

/// `contact consent ALIAS --withdraw [--note TEXT]`: the patient took
/// their consent back (or declined before ever giving it). The contact
/// and the retention of documents already sent stay as they are; nothing
/// more is sent until consent is given again.
pub fn withdraw(ctx: &mut Context<'_>, alias: &str, note: Option<&str>) -> Result<Contact> {
    let contact = patient(ctx, alias)?;
    let note = check_note(note)?;
    let was = contact.consent.as_ref().map_or(ConsentState::Missing, |c| c.state);
    let how = contact.consent.as_ref().and_then(|c| c.how).map_or("none", ConsentHow::as_str);
    let detail = format!("was={} how={how} note={}", was.as_str(), yes_no(note.is_some()));
    let record = ConsentRecord { state: ConsentState::Withdrawn, how: None, at: crate::fmt_time(ctx.now), note };
    store(ctx, &contact, Action::ConsentWithdraw, &record, detail)
}

fn yes_no(yes: bool) -> &'static str {
    if yes {
        "yes"
    } else {
        "no"
    }
}

/// Writes `record` and its audit record in one transaction.
fn store(
    ctx: &mut Context<'_>,
    contact: &Contact,
    action: Action,
    record: &ConsentRecord,
    detail: String,
) -> Result<Contact> {
    let event = contacts::contact_event(action, Outcome::Success, contact).detail(detail);
    let alias = contact.alias.clone();
    audit::record_all(ctx, vec![event], |tx| crate::store::set_contact_consent(tx, &alias, record))?;
    contacts::get(ctx, &alias)
}

/// The refusal for a patient whose consent is not given, if it is not.
fn refusal(alias: &str, consent: Option<&ConsentRecord>) -> Option<(ConsentState, Error)> {
    match consent {
        Some(record) if record.state == ConsentState::Given => None,
        Some(record) => {
            Some((ConsentState::Withdrawn, Error::ConsentWithdrawn { alias: alias.to_owned(), at: record.at.clone() }))
        }
        None => Some((ConsentState::Missing, Error::ConsentMissing(alias.to_owned()))),
    }
}

/// Refuses to send to a patient whose consent is missing or withdrawn,
/// and records the refusal; a colleague passes. Called on every send path
/// before anything is written.
pub fn require(ctx: &mut Context<'_>, contact: &Contact) -> Result<()> {
    if contact.kind != Kind::Patient {
        return Ok(());
    }
    let Some((state, error)) = refusal(&contact.alias, contact.consent.as_ref()) else { return Ok(()) };
    audit::record_quietly(
        ctx,
        contacts::contact_event(Action::Send, Outcome::Refused, contact).detail(format!("consent {}", state.as_str())),
    );
    Err(error)
}

/// Before a queued email goes out: refuses it when a recipient is a
/// patient whose consent is missing or withdrawn now (it may have been
/// withdrawn after the email was queued), and records the refusal. A
/// recipient no longer in the contact book is left to the checks that
/// were made when the email was composed.
pub fn require_for_delivery(ctx: &mut Context<'_>, recipients: &[(String, String)], message_id: &str) -> Result<()> {
    for (alias, fingerprint) in recipients {
        let Some(row) = ctx.store()?.contact(alias)? else { continue };
        if row.kind != Kind::Patient.as_str() {
            continue;
        }
        if let Some((state, error)) = refusal(alias, row.consent.as_ref()) {
            let mut event = Event::new(Action::MailSend, Outcome::Refused)
                .detail(format!("message-id={message_id} consent {}", state.as_str()));
            event.contact = Some(alias.clone());
            event.fingerprint = (!fingerprint.is_empty()).then(|| fingerprint.clone());
            audit::record_quietly(ctx, event);
            return Err(error);
        }
    }
    Ok(())
}
