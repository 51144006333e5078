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
    if args.replace {
        return replace(ctx, args, out);
    }
    let identity = init::create(ctx, &args.name, &args.email)?;
    let created = Created {
        name: identity.name(),
        email: identity.email(),
        fingerprint: identity.fingerprint_hex(),
        expires: identity.expires_at(ctx.now).map(carepost::fmt_time),
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

/// `carepost init --replace`: the new identity, the contacts verified
/// again, and what to tell contacts.
fn replace(ctx: &mut Context<'_>, args: InitArgs, out: &Output) -> Result<(), Error> {
    ctx.require_home()?;
    let done = carepost::replace::replace(ctx, &args.name, &args.email)?;
    if !done.old_key_with_new_passphrase {
        out.warning(&tr!("replace-old-key-own-passphrase"));
    }
    out.result(&done, |w| {
        writeln!(
            w,
            "{}",
            tr!("replace-done", name = Safe(&done.name).to_string(), email = Safe(&done.email).to_string())
        )?;
        writeln!(w, "  {}", hex_groups(&done.fingerprint))?;
        writeln!(w, "{}", tr!("replace-old-key", fingerprint = hex_groups(&done.old_fingerprint)))?;
        writeln!(w, "{}", tr!("replace-verified-again", count = done.verified_again.len()))?;
        match &done.transition {
            Some(path) => {
                writeln!(w, "{}", tr!("replace-transition", path = Safe(path.display().to_string()).to_string()))?
            }
            None if matches!(done.reason, "compromised" | "unspecified") => {
                writeln!(w, "{}", tr!("replace-no-transition-compromised"))?
            }
            None => writeln!(w, "{}", tr!("replace-no-transition"))?,
        }
        writeln!(
            w,
            "{}",
            tr!("init-revocation-file", path = Safe(done.revocation_certificate.display().to_string()).to_string())
        )?;
        writeln!(w, "{}", tr!("replace-next-steps"))
    })
}
