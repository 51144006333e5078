//! `carepost contact update ALIAS --key-file FILE`: a newer key for a
//! contact, with a warning on stderr when the key itself changed.

use super::warn_if_expiring;
use crate::cli::contact::ContactUpdateArgs;
use crate::ui::Output;
use carepost::contacts::{self, Update};
use carepost::fingerprint::hex_groups;
use carepost::{tr, Context, Error};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Updated {
    #[serde(flatten)]
    summary: contacts::ContactSummary,
    key_changed: bool,
    old_fingerprint: Option<String>,
    /// The contact had no key before this one.
    key_added: bool,
}

pub fn run(ctx: &mut Context<'_>, args: ContactUpdateArgs, out: &Output) -> Result<(), Error> {
    let now = ctx.now;
    if let Some(statement) = &args.transition {
        return transition(ctx, &args, statement, out);
    }
    let (contact, old_fingerprint) = match contacts::update(ctx, &args.alias, &args.key_file)? {
        Update::KeyAdded(contact) => return key_added(ctx, &contact, out),
        Update::Refreshed(contact) => (contact, None),
        Update::KeyChanged { old_fingerprint, contact } => {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(
                err,
                "{}",
                tr!(
                    "update-key-changed-warning",
                    alias = contact.alias.clone(),
                    old = hex_groups(&old_fingerprint),
                    new = hex_groups(&contact.fingerprint().unwrap_or_default())
                )
            );
            (contact, Some(old_fingerprint))
        }
    };
    warn_if_expiring(&contact, now, out);
    let result = Updated {
        summary: contact.summary(now),
        key_changed: old_fingerprint.is_some(),
        old_fingerprint,
        key_added: false,
    };
    out.result(&result, |w| {
        if result.key_changed {
            writeln!(w, "{}", tr!("update-replaced", alias = contact.alias.clone()))
        } else {
            writeln!(w, "{}", tr!("update-refreshed", alias = contact.alias.clone()))
        }
    })
}

/// A first key for a contact that had none: a normal, unverified contact
/// now, so the next step is the phone check.
fn key_added(ctx: &mut Context<'_>, contact: &contacts::Contact, out: &Output) -> Result<(), Error> {
    warn_if_expiring(contact, ctx.now, out);
    let result =
        Updated { summary: contact.summary(ctx.now), key_changed: false, old_fingerprint: None, key_added: true };
    out.result(&result, |w| {
        writeln!(w, "{}", tr!("nokey-key-added", alias = contact.alias.clone()))?;
        writeln!(w, "  {}", hex_groups(&result.summary.fingerprint.clone().unwrap_or_default()))?;
        writeln!(w, "{}", tr!("contact-added-next", alias = contact.alias.clone()))
    })
}

/// The new key of a verified contact, vouched for by the old
/// key in a key-transition statement: verified at once.
fn transition(
    ctx: &mut Context<'_>,
    args: &ContactUpdateArgs,
    statement: &std::path::Path,
    out: &Output,
) -> Result<(), Error> {
    let before = contacts::get(ctx, &args.alias)?.fingerprint();
    let contact = carepost::transition::accept(ctx, &args.alias, &args.key_file, statement)?;
    let now = ctx.now;
    let result =
        Updated { summary: contact.summary(now), key_changed: true, old_fingerprint: before, key_added: false };
    out.result(&result, |w| writeln!(w, "{}", tr!("transition-accepted", alias = contact.alias.clone())))
}
