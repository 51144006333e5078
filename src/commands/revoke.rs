//! `carepost revoke`: revokes this home's identity, after a confirmation
//! on a terminal (`--yes` for scripts: it cannot be undone), and says what
//! to do next: send the revoked key to contacts, then `init --replace`.

use crate::cli::revoke::RevokeArgs;
use crate::ui::Output;
use carepost::fingerprint::hex_groups;
use carepost::safe::Safe;
use carepost::{revoke, tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: RevokeArgs, out: &Output) -> Result<(), Error> {
    let identity = ctx.identity()?;
    if !args.yes {
        if !ctx.prompter.is_interactive() || out.json {
            return Err(Error::RevokeNeedsYes);
        }
        let question = tr!("revoke-confirm", fingerprint = hex_groups(&identity.fingerprint_hex()));
        match ctx.prompter.line(&question) {
            Ok(answer) if is_yes(&answer) => {}
            Ok(_) | Err(Error::NotInteractive(_)) => return Err(Error::Cancelled),
            Err(e) => return Err(e),
        }
    }
    let message = args.message.as_deref().unwrap_or_default();
    let done = revoke::revoke(ctx, args.reason.into(), message, args.output.as_deref())?;
    if let Some(reason) = &done.unlock_failed {
        out.warning(&tr!("revoke-used-init", reason = reason.clone()));
    }
    out.result(&done, |w| {
        let reason = carepost::error::revocation_reason_words(done.reason);
        if done.already {
            writeln!(w, "{}", tr!("revoke-already", reason = reason))?;
        } else {
            writeln!(w, "{}", tr!("revoke-done", reason = reason))?;
        }
        writeln!(w, "  {}", hex_groups(&done.fingerprint))?;
        writeln!(w, "{}", tr!("revoke-public-key", path = Safe(done.public_key.display().to_string()).to_string()))?;
        writeln!(w, "{}", tr!("revoke-next-steps"))
    })
}

/// The answers that mean yes in the language carepost speaks (and in
/// English), ignoring case and spaces.
fn is_yes(answer: &str) -> bool {
    let answer = answer.trim().to_lowercase();
    !answer.is_empty() && tr!("revoke-yes").split(',').any(|yes| yes.trim() == answer)
}
