//! `carepost contact verify ALIAS`: confirms a contact's key from the
//! fingerprint they read out, given as a flag or asked for.

use crate::cli::contact::ContactVerifyArgs;
use crate::ui::Output;
use carepost::{tr, verify, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: ContactVerifyArgs, out: &Output) -> Result<(), Error> {
    let contact = match args.fingerprint.or(args.words) {
        Some(reading) => verify::verify(ctx, &args.alias, &reading, args.method.into())?,
        None => verify::verify_interactively(ctx, &args.alias, args.method.into())?,
    };
    let summary = contact.summary(ctx.now);
    out.result(&summary, |w| writeln!(w, "{}", tr!("verify-done", alias = contact.alias.clone())))
}
