//! `carepost contact remove ALIAS`.

use crate::cli::contact::AliasArg;
use crate::ui::Output;
use carepost::contacts;
use carepost::{tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: AliasArg, out: &Output) -> Result<(), Error> {
    let contact = contacts::remove(ctx, &args.alias)?;
    let summary = contact.summary(ctx.now);
    out.result(&summary, |w| writeln!(w, "{}", tr!("contact-removed", alias = contact.alias.clone())))
}
