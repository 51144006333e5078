//! `carepost contact add ALIAS --key-file FILE`: imports a contact's key.

use super::warn_if_expiring;
use crate::cli::contact::ContactAddArgs;
use crate::ui::Output;
use carepost::contacts;
use carepost::fingerprint::hex_groups;
use carepost::{tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: ContactAddArgs, out: &Output) -> Result<(), Error> {
    let kind = args.kind();
    let contact = contacts::add(ctx, &args.alias, &args.key_file, kind)?;
    let summary = contact.summary(ctx.now);
    warn_if_expiring(&contact, ctx.now, out);
    out.result(&summary, |w| {
        writeln!(w, "{}", tr!("contact-added", alias = contact.alias.clone(), kind = kind.label()))?;
        writeln!(w, "  {}", hex_groups(&summary.fingerprint))?;
        writeln!(w, "{}", tr!("contact-added-next", alias = contact.alias.clone()))
    })
}
