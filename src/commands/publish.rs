//! `carepost publish wkd --out DIR`: writes the practice's Web Key
//! Directory and says where each key will be found and what to do next.
//! `carepost publish keyserver`: uploads the own key to a key server and
//! says which confirmation emails to expect.

use crate::cli::publish::{PublishKeyserverArgs, PublishWkdArgs};
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

pub fn keyserver(ctx: &mut Context<'_>, args: PublishKeyserverArgs, out: &Output) -> Result<(), Error> {
    let client = carepost::net::Client::new(args.net.options())?;
    let uploaded = publish::keyserver(ctx, &client, args.server.as_deref())?;
    let server = Safe(&uploaded.server).to_string();
    out.result(&uploaded, |w| {
        writeln!(w, "{}", tr!("publish-keyserver-uploaded", server = server.clone()))?;
        writeln!(w, "  {}", hex_groups(&uploaded.fingerprint))?;
        writeln!(w)?;
        for address in &uploaded.addresses {
            let state = match address.status.as_str() {
                "published" => tr!("publish-keyserver-state-published"),
                "unpublished" => tr!("publish-keyserver-state-unpublished"),
                "pending" => tr!("publish-keyserver-state-pending"),
                "revoked" => tr!("publish-keyserver-state-revoked"),
                other => Safe(other).to_string(),
            };
            writeln!(w, "  {}: {state}", Safe(&address.address))?;
        }
        writeln!(w)?;
        let asked: Vec<String> = uploaded
            .addresses
            .iter()
            .filter(|a| a.confirmation_requested)
            .map(|a| Safe(&a.address).to_string())
            .collect();
        if asked.is_empty() {
            writeln!(w, "{}", tr!("publish-keyserver-nothing-to-confirm", server = server.clone()))
        } else {
            writeln!(w, "{}", tr!("publish-keyserver-next", server = server.clone(), addresses = asked.join(", ")))
        }
    })
}
