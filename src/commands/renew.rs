//! `carepost renew [--years N] [-o FILE]`: extends the identity's
//! validity, writes the renewed public key, and says what to do with it.

use crate::cli::renew::RenewArgs;
use crate::ui::Output;
use carepost::safe::Safe;
use carepost::{tr, when, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct Done {
    fingerprint: String,
    expires: String,
    previous_expires: Option<String>,
    was_expired: bool,
    /// Where the renewed public key is.
    key_file: String,
}

pub fn run(ctx: &mut Context<'_>, args: RenewArgs, out: &Output) -> Result<(), Error> {
    let renewed = carepost::renew::renew(ctx, args.years, args.output.as_deref())?;
    let done = Done {
        fingerprint: renewed.fingerprint.clone(),
        expires: carepost::fmt_time(renewed.expires),
        previous_expires: renewed.previous.map(carepost::fmt_time),
        was_expired: renewed.was_expired,
        key_file: renewed.key_file.display().to_string(),
    };
    out.result(&done, |w| {
        writeln!(w, "{}", tr!("renew-done", date = when::date(renewed.expires)))?;
        let previous = renewed.previous.map(when::date).unwrap_or_else(|| "-".into());
        if renewed.was_expired {
            writeln!(w, "{}", tr!("renew-done-was-expired", previous = previous.clone()))?;
        }
        writeln!(w, "{}", tr!("renew-key-written", path = Safe(&done.key_file).to_string()))?;
        writeln!(w)?;
        writeln!(w, "{}", tr!("renew-next-contacts", previous = previous))?;
        writeln!(w, "{}", tr!("renew-next-publish"))
    })
}
