//! `carepost contact add ALIAS --key-file FILE | --email ADDRESS | --no-key`:
//! imports a contact's key from a file, or finds it in a Web Key Directory
//! or on a key server and imports it unverified, or adds a patient who has
//! no key (documents then go with a password told by phone). On a
//! terminal, without any of the three, it asks which. A patient's consent
//! comes with `--consent HOW`, or is asked on a terminal after showing
//! what the patient should have been told; without it nothing can be sent
//! to them until `contact consent ALIAS --give HOW`.

use super::warn_if_expiring;
use crate::cli::contact::ContactAddArgs;
use crate::ui::Output;
use carepost::consent;
use carepost::consent_state::ConsentHow;
use carepost::contacts::{self, Contact, Kind};
use carepost::fingerprint::hex_groups;
use carepost::safe::Safe;
use carepost::{lookup, net, tr, wkd, Context, Error};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Serialize)]
struct AddedByEmail<'a> {
    #[serde(flatten)]
    summary: contacts::ContactSummary,
    source: &'a str,
    location: &'a str,
    user_ids: Vec<String>,
}

/// `--no-key`: the summary and the address kept for mail, if any.
#[derive(Serialize)]
struct AddedWithoutKey {
    #[serde(flatten)]
    summary: contacts::ContactSummary,
    email: Option<String>,
}

/// Where the contact's key comes from, as given or as answered.
enum How {
    File(PathBuf),
    Email(String),
    NoKey(Option<String>),
}

pub fn run(ctx: &mut Context<'_>, args: ContactAddArgs, out: &Output) -> Result<(), Error> {
    let kind = args.kind();
    // Consent is checked before anything is looked up or written.
    if kind == Kind::Colleague && args.consent.is_some() {
        return Err(Error::ConsentColleague(args.alias.clone()));
    }
    let note = consent::check_note(args.consent_note.as_deref())?;
    let how = match (args.no_key, &args.key_file, &args.email) {
        (true, _, email) => How::NoKey(email.clone()),
        (false, Some(key_file), _) => How::File(key_file.clone()),
        (false, None, Some(email)) => How::Email(email.clone()),
        (false, None, None) => ask(ctx, &args.alias, kind)?,
    };
    let given = match (kind, args.consent) {
        (Kind::Patient, Some(given)) => Some(given.into()),
        (Kind::Patient, None) => {
            contacts::validate_alias(&args.alias)?;
            super::consent::ask(ctx, &args.alias)?
        }
        (Kind::Colleague, _) => None,
    };
    match how {
        How::NoKey(email) => {
            let contact = contacts::add_without_key(ctx, &args.alias, kind, email.as_deref())?;
            let contact = record_consent(ctx, contact, given, note.as_deref(), out)?;
            added_without_key(ctx, &contact, out)
        }
        How::File(key_file) => {
            let contact = contacts::add(ctx, &args.alias, &key_file, kind)?;
            let contact = record_consent(ctx, contact, given, note.as_deref(), out)?;
            added(ctx, &contact, kind, None, out)
        }
        How::Email(email) => {
            contacts::ensure_alias_free(ctx, &args.alias)?;
            let address = wkd::Address::parse(&email)?;
            let client = net::Client::new(args.net.options())?;
            let sources = lookup::configured_sources(ctx)?;
            let search = lookup::find(&client, &address, &sources, ctx.now)?;
            for attempt in &search.attempts {
                out.notice(&attempt.describe());
            }
            let Some(found) = search.found.clone() else { return Err(search.into_error(&address)) };
            let label = found.source.label();
            let location = found.location.clone();
            let contact = carepost::refresh::add_found(ctx, &args.alias, found, &address, kind)?;
            let contact = record_consent(ctx, contact, given, note.as_deref(), out)?;
            added(ctx, &contact, kind, Some((label, location)), out)
        }
    }
}

/// Records the consent a new patient gave, or says on stderr that
/// nothing can be sent to them until it is recorded. A colleague passes
/// unchanged.
fn record_consent(
    ctx: &mut Context<'_>,
    contact: Contact,
    given: Option<ConsentHow>,
    note: Option<&str>,
    out: &Output,
) -> Result<Contact, Error> {
    if contact.kind != Kind::Patient {
        return Ok(contact);
    }
    match given {
        Some(how) => consent::give(ctx, &contact.alias, how, note),
        None => {
            out.notice(&tr!("consent-missing-note", alias = contact.alias.clone()));
            Ok(contact)
        }
    }
}

/// Asks on a terminal how the contact is added: from a key file, looked
/// up by email, or (a patient) without a key. Elsewhere the command line
/// must say.
fn ask(ctx: &mut Context<'_>, alias: &str, kind: Kind) -> Result<How, Error> {
    contacts::validate_alias(alias)?;
    if !ctx.prompter.is_interactive() {
        return Err(Error::Usage(tr!("nokey-add-how")));
    }
    ctx.prompter.notice(&tr!("nokey-add-choices", alias = alias));
    let choice = ctx.prompter.line(&tr!("nokey-add-choose"))?;
    match choice.trim() {
        "1" => {
            let path = ctx.prompter.line(&tr!("nokey-add-ask-file"))?;
            let path = path.trim();
            if path.is_empty() {
                return Err(Error::Cancelled);
            }
            Ok(How::File(PathBuf::from(path)))
        }
        "2" => {
            let email = ctx.prompter.line(&tr!("nokey-add-ask-email"))?;
            Ok(How::Email(email.trim().to_owned()))
        }
        "3" => {
            if kind != Kind::Patient {
                return Err(Error::ColleagueNeedsKey);
            }
            let email = ctx.prompter.line(&tr!("nokey-add-ask-email-optional"))?;
            let email = email.trim();
            Ok(How::NoKey((!email.is_empty()).then(|| email.to_owned())))
        }
        _ => Err(Error::Usage(tr!("nokey-add-bad-choice"))),
    }
}

fn added_without_key(ctx: &mut Context<'_>, contact: &Contact, out: &Output) -> Result<(), Error> {
    let result = AddedWithoutKey { summary: contact.summary(ctx.now), email: contact.origin.email.clone() };
    out.result(&result, |w| {
        writeln!(w, "{}", tr!("nokey-added", alias = contact.alias.clone()))?;
        if let Some(email) = &result.email {
            writeln!(w, "  {}", tr!("nokey-added-email", email = Safe(email).to_string()))?;
        }
        consent_line(w, contact)?;
        writeln!(w, "{}", tr!("nokey-added-next", alias = contact.alias.clone()))
    })
}

/// The consent just recorded for a new patient, if any.
fn consent_line(w: &mut dyn std::io::Write, contact: &Contact) -> std::io::Result<()> {
    if contact.consent.is_some() {
        writeln!(w, "{}", super::consent::recorded_line(contact))?;
    }
    Ok(())
}

/// What `contact add` says once a key was imported: the fingerprint and
/// the phone check to do next.
fn added(
    ctx: &mut Context<'_>,
    contact: &Contact,
    kind: Kind,
    found: Option<(String, String)>,
    out: &Output,
) -> Result<(), Error> {
    let summary = contact.summary(ctx.now);
    let fingerprint = summary.fingerprint.clone().unwrap_or_default();
    warn_if_expiring(contact, ctx.now, out);
    match found {
        None => out.result(&summary, |w| {
            writeln!(w, "{}", tr!("contact-added", alias = contact.alias.clone(), kind = kind.label()))?;
            writeln!(w, "  {}", hex_groups(&fingerprint))?;
            consent_line(w, contact)?;
            writeln!(w, "{}", tr!("contact-added-next", alias = contact.alias.clone()))
        }),
        Some((label, location)) => {
            let code = contact.origin.source.as_str();
            let result = AddedByEmail { summary, source: code, location: &location, user_ids: contact.user_ids() };
            out.result(&result, |w| {
                writeln!(
                    w,
                    "{}",
                    tr!(
                        "contact-added-found",
                        alias = contact.alias.clone(),
                        kind = kind.label(),
                        source = label.clone(),
                        location = Safe(&location).to_string()
                    )
                )?;
                for uid in &result.user_ids {
                    writeln!(w, "  {}", Safe(uid))?;
                }
                writeln!(w, "  {}", hex_groups(&fingerprint))?;
                consent_line(w, contact)?;
                writeln!(w, "{}", tr!("contact-added-found-next", alias = contact.alias.clone()))
            })
        }
    }
}
