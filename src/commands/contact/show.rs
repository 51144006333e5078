//! `carepost contact show ALIAS`: one contact in detail.

use super::verified_label;
use crate::cli::contact::AliasArg;
use crate::ui::Output;
use carepost::contacts;
use carepost::fingerprint::{hex_groups, words};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: AliasArg, out: &Output) -> Result<(), Error> {
    let contact = contacts::get(ctx, &args.alias)?;
    let details = contact.details(ctx.now);
    out.result(&details, |w| {
        writeln!(w, "{:<12} {}", tr!("show-alias"), contact.alias)?;
        writeln!(w, "{:<12} {}", tr!("show-kind"), contact.kind.label())?;
        for uid in &details.user_ids {
            writeln!(w, "{:<12} {}", tr!("show-user-id"), Safe(uid))?;
        }
        writeln!(w, "{:<12} {}", tr!("show-fingerprint"), hex_groups(&details.summary.fingerprint))?;
        writeln!(w, "{:<12} {}", tr!("show-words"), words(&contact.cert.fingerprint()))?;
        writeln!(w, "{:<12} {}", tr!("show-verified"), verified_label(&contact))?;
        if let Some(expires) = &details.summary.expires {
            writeln!(w, "{:<12} {}", tr!("show-expires"), carepost::when::show_date(expires))?;
        }
        if let Some(problem) = &details.problem {
            writeln!(w, "{:<12} {}", tr!("show-problem"), problem)?;
        }
        Ok(())
    })
}
