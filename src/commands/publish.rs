//! `carepost publish wkd --out DIR`: writes the practice's Web Key
//! Directory and says where each key will be found and what to do next.

use crate::cli::publish::PublishWkdArgs;
use crate::ui::Output;
use carepost::fingerprint::hex_groups;
use carepost::safe::Safe;
use carepost::{publish, tr, Context, Error};

pub fn wkd(ctx: &mut Context<'_>, args: PublishWkdArgs, out: &Output) -> Result<(), Error> {
    let published = publish::wkd(ctx, &args.out, args.domain.as_deref(), &args.contact)?;
    let shown_out = Safe(published.out.display().to_string()).to_string();
    let result = serde_json::json!({
        "domain": published.domain,
        "out": published.out,
        "keys": published.keys,
        "written": published.written,
    });
    out.result(&result, |w| {
        writeln!(w, "{}", tr!("publish-wkd-written", domain = published.domain.clone(), path = shown_out.clone()))?;
        for file in &published.written {
            writeln!(w, "  {}", Safe(file))?;
        }
        writeln!(w)?;
        writeln!(w, "{}", tr!("publish-wkd-found-at"))?;
        for key in &published.keys {
            let whose = match &key.contact {
                Some(alias) => alias.clone(),
                None => tr!("publish-own-key"),
            };
            writeln!(w, "  {} ({whose})", Safe(&key.address))?;
            writeln!(w, "    {}", hex_groups(&key.fingerprint))?;
            for url in &key.urls {
                writeln!(w, "    {}", Safe(url))?;
            }
        }
        writeln!(w)?;
        writeln!(w, "{}", tr!("publish-wkd-next", domain = published.domain.clone(), path = shown_out.clone()))
    })
}
