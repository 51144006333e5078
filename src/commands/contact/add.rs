//! `carepost contact add ALIAS --key-file FILE | --email ADDRESS | --no-key`:
//! imports a contact's key from a file, or finds it in a Web Key Directory
//! or on a key server and imports it unverified, or adds a patient who has
//! no key (documents then go with a password told by phone). On a
//! terminal, without any of the three, it asks which.

use super::warn_if_expiring;
use crate::cli::contact::ContactAddArgs;
use crate::ui::Output;
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
    let how = match (args.no_key, &args.key_file, &args.email) {
        (true, _, email) => How::NoKey(email.clone()),
        (false, Some(key_file), _) => How::File(key_file.clone()),
        (false, None, Some(email)) => How::Email(email.clone()),
        (false, None, None) => ask(ctx, &args.alias, kind)?,
    };
    match how {
        How::NoKey(email) => add_without_key(ctx, &args.alias, kind, email.as_deref(), out),
        How::File(key_file) => {
            let contact = contacts::add(ctx, &args.alias, &key_file, kind)?;
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
            added(ctx, &contact, kind, Some((label, location)), out)
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

fn add_without_key(
    ctx: &mut Context<'_>,
    alias: &str,
    kind: Kind,
    email: Option<&str>,
    out: &Output,
) -> Result<(), Error> {
    let contact = contacts::add_without_key(ctx, alias, kind, email)?;
    let result = AddedWithoutKey { summary: contact.summary(ctx.now), email: contact.origin.email.clone() };
    out.result(&result, |w| {
        writeln!(w, "{}", tr!("nokey-added", alias = contact.alias.clone()))?;
        if let Some(email) = &result.email {
            writeln!(w, "  {}", tr!("nokey-added-email", email = Safe(email).to_string()))?;
        }
        writeln!(w, "{}", tr!("nokey-added-next", alias = contact.alias.clone()))
    })
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
                writeln!(w, "{}", tr!("contact-added-found-next", alias = contact.alias.clone()))
            })
        }
    }
}
