//! `carepost contact verify ALIAS`: confirms a contact's key from the
//! fingerprint they read out, given as a flag or asked for.

use crate::cli::contact::ContactVerifyArgs;
use crate::ui::Output;
use carepost::contacts;
use carepost::fingerprint::{hex_groups, words};
use carepost::{tr, verify, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: ContactVerifyArgs, out: &Output) -> Result<(), Error> {
    let reading = match args.fingerprint.or(args.words) {
        Some(text) => text,
        None => {
            let contact = contacts::get(ctx, &args.alias)?;
            if !ctx.prompter.is_interactive() {
                return Err(Error::NotInteractive(tr!("verify-needs-reading")));
            }
            let identity = ctx.identity()?;
            ctx.prompter.notice(&tr!(
                "verify-instructions",
                alias = contact.alias.clone(),
                own_fingerprint = hex_groups(&identity.fingerprint_hex()),
                own_words = words(&identity.fingerprint())
            ));
            ctx.prompter.line(&tr!("verify-prompt"))?
        }
    };
    let contact = verify::verify(ctx, &args.alias, &reading, args.method.into())?;
    let summary = contact.summary(ctx.now);
    out.result(&summary, |w| writeln!(w, "{}", tr!("verify-done", alias = contact.alias.clone())))
}
