//! `carepost init`: creates this home's identity and shows its fingerprint.

use crate::cli::init::InitArgs;
use crate::ui::Output;
use carepost::fingerprint::hex_groups;
use carepost::safe::Safe;
use carepost::{init, tr, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct Created {
    name: String,
    email: String,
    fingerprint: String,
    expires: Option<String>,
    /// Where the revocation certificate is, to keep a copy elsewhere.
    revocation_certificate: String,
}

pub fn run(ctx: &mut Context<'_>, args: InitArgs, out: &Output) -> Result<(), Error> {
    let identity = init::create(ctx, &args.name, &args.email)?;
    let created = Created {
        name: identity.name(),
        email: identity.email(),
        fingerprint: identity.fingerprint_hex(),
        expires: identity.expires().map(carepost::fmt_time),
        revocation_certificate: ctx.home.revocation_certificate().display().to_string(),
    };
    out.result(&created, |w| {
        writeln!(
            w,
            "{}",
            tr!("init-done", name = Safe(&created.name).to_string(), email = Safe(&created.email).to_string())
        )?;
        writeln!(w, "  {}", hex_groups(&created.fingerprint))?;
        writeln!(w, "{}", tr!("init-revocation-file", path = Safe(&created.revocation_certificate).to_string()))?;
        writeln!(w, "{}", tr!("init-next-steps"))
    })
}
