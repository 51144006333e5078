//! `carepost contact refresh [ALIAS…]`: each contact's key fetched again
//! from where it came from; one line per contact and a summary, and a
//! loud warning for a revoked or replaced key.

use crate::cli::contact::ContactRefreshArgs;
use crate::ui::Output;
use carepost::fingerprint::hex_groups;
use carepost::refresh::{self, RefreshResult, Refreshed};
use carepost::safe::Safe;
use carepost::{net, tr, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    contacts: &'a [Refreshed],
}

pub fn run(ctx: &mut Context<'_>, args: ContactRefreshArgs, out: &Output) -> Result<(), Error> {
    let aliases = if args.aliases.is_empty() { refresh::all_aliases(ctx)? } else { args.aliases.clone() };
    for alias in &aliases {
        carepost::contacts::get(ctx, alias)?;
    }
    let client = net::Client::new(args.net.options())?;
    let mut results = Vec::with_capacity(aliases.len());
    for alias in &aliases {
        let result = refresh::refresh_one(ctx, &client, alias)?;
        let fingerprint = carepost::contacts::get(ctx, alias)?.fingerprint().unwrap_or_default();
        if result.result == RefreshResult::KeyChanged {
            out.notice(&tr!(
                "refresh-key-changed-warning",
                alias = alias.clone(),
                old = hex_groups(&fingerprint),
                new = result.offered.iter().map(|f| hex_groups(f)).collect::<Vec<_>>().join(", ")
            ));
        }
        if result.result == RefreshResult::Revoked {
            out.notice(&tr!("refresh-revoked-warning", alias = alias.clone()));
        }
        results.push(result);
    }
    let count = |r: RefreshResult| results.iter().filter(|x| x.result == r).count();
    let (revoked, changed, failed) =
        (count(RefreshResult::Revoked), count(RefreshResult::KeyChanged), count(RefreshResult::Failed));
    let line = |r: &Refreshed| {
        let alias = r.alias.clone();
        let reason = Safe(r.reason.clone().unwrap_or_default()).to_string();
        match r.result {
            RefreshResult::Unchanged => tr!("refresh-line-unchanged", alias = alias),
            RefreshResult::Updated => tr!("refresh-line-updated", alias = alias),
            RefreshResult::Revoked => tr!("refresh-line-revoked", alias = alias),
            RefreshResult::KeyChanged => tr!("refresh-line-key-changed", alias = alias),
            RefreshResult::Failed => tr!("refresh-line-failed", alias = alias, reason = reason),
            RefreshResult::Skipped => tr!("refresh-line-skipped", alias = alias, reason = reason),
        }
    };
    let summary = tr!(
        "refresh-summary",
        total = results.len(),
        updated = count(RefreshResult::Updated),
        unchanged = count(RefreshResult::Unchanged),
        revoked = revoked,
        changed = changed,
        failed = failed,
        skipped = count(RefreshResult::Skipped)
    );
    if revoked + changed + failed > 0 {
        // Reported as the error, so that `--json` still prints one
        // document (the per-contact results in it); the lines go to stderr.
        for r in &results {
            out.notice(&line(r));
        }
        out.notice(&summary);
        let detail = serde_json::to_value(&results).map_err(|e| Error::Internal(e.to_string()))?;
        return Err(Error::RefreshIncomplete { revoked, changed, failed, contacts: detail });
    }
    out.result(&Report { contacts: &results }, |w| {
        for r in &results {
            writeln!(w, "{}", line(r))?;
        }
        writeln!(w, "{summary}")
    })
}
