//! `carepost contact add ALIAS --key-file FILE | --email ADDRESS`: imports
//! a contact's key from a file, or finds it in a Web Key Directory or on a
//! key server and imports it unverified.

use super::warn_if_expiring;
use crate::cli::contact::ContactAddArgs;
use crate::ui::Output;
use carepost::contacts::{self, Contact};
use carepost::fingerprint::hex_groups;
use carepost::safe::Safe;
use carepost::{lookup, net, tr, wkd, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct AddedByEmail<'a> {
    #[serde(flatten)]
    summary: contacts::ContactSummary,
    source: &'a str,
    location: &'a str,
    user_ids: Vec<String>,
}

pub fn run(ctx: &mut Context<'_>, args: ContactAddArgs, out: &Output) -> Result<(), Error> {
    let kind = args.kind();
    let (contact, found) = match (&args.key_file, &args.email) {
        (Some(key_file), _) => (contacts::add(ctx, &args.alias, key_file, kind)?, None),
        (None, Some(email)) => {
            contacts::validate_alias(&args.alias)?;
            let address = wkd::Address::parse(email)?;
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
            (contact, Some((label, location)))
        }
        (None, None) => return Err(Error::Usage(tr!("contact-add-key-or-email"))),
    };
    let summary = contact.summary(ctx.now);
    warn_if_expiring(&contact, ctx.now, out);
    match found {
        None => out.result(&summary, |w| {
            writeln!(w, "{}", tr!("contact-added", alias = contact.alias.clone(), kind = kind.label()))?;
            writeln!(w, "  {}", hex_groups(&summary.fingerprint))?;
            writeln!(w, "{}", tr!("contact-added-next", alias = contact.alias.clone()))
        }),
        Some((label, location)) => {
            let code = contact.origin.source.as_str();
            let result = AddedByEmail { summary, source: code, location: &location, user_ids: user_ids(&contact) };
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
                writeln!(w, "  {}", hex_groups(&result.summary.fingerprint))?;
                writeln!(w, "{}", tr!("contact-added-found-next", alias = contact.alias.clone()))
            })
        }
    }
}

/// The user IDs of a contact's key as raw text (escape before display).
fn user_ids(contact: &Contact) -> Vec<String> {
    contact.cert.userids().map(|ua| String::from_utf8_lossy(ua.userid().value()).into_owned()).collect()
}
