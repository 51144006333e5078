//! `carepost contact find ADDRESS`: looks a key up (WKD, key servers)
//! without adding it, and says what was tried and what to do next.

use crate::cli::contact::ContactFindArgs;
use crate::ui::Output;
use carepost::fingerprint::hex_groups;
use carepost::lookup::{self, Attempt};
use carepost::safe::Safe;
use carepost::{net, policy, tr, wkd, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct AttemptJson {
    source: String,
    location: String,
    outcome: &'static str,
    reason: Option<String>,
}

#[derive(Serialize)]
struct FoundJson {
    address: String,
    found: bool,
    source: String,
    location: String,
    fingerprint: String,
    user_ids: Vec<String>,
    expires: Option<String>,
    verified: bool,
    attempts: Vec<AttemptJson>,
}

fn attempt_json(a: &Attempt) -> AttemptJson {
    AttemptJson {
        source: a.source.code(),
        location: a.location.clone(),
        outcome: a.outcome.code(),
        reason: a.outcome.reason().map(str::to_owned),
    }
}

pub fn run(ctx: &mut Context<'_>, args: ContactFindArgs, out: &Output) -> Result<(), Error> {
    let address = wkd::Address::parse(&args.address)?;
    let sources = lookup::configured_sources(ctx)?;
    let client = net::Client::new(args.net.options())?;
    let search = lookup::find(&client, &address, &sources, ctx.now)?;
    let Some(found) = search.found.clone() else {
        return Err(search.into_error(&address));
    };
    let cert = &found.cert;
    let expires = cert
        .with_policy(policy::standard(), ctx.now)
        .ok()
        .and_then(|vc| vc.primary_key().key_expiration_time())
        .map(carepost::fmt_time);
    let user_ids: Vec<String> =
        cert.userids().map(|u| String::from_utf8_lossy(u.userid().value()).into_owned()).collect();
    let json = FoundJson {
        address: address.to_email(),
        found: true,
        source: found.source.code(),
        location: found.location.clone(),
        fingerprint: cert.fingerprint().to_hex(),
        user_ids: user_ids.clone(),
        expires: expires.clone(),
        verified: false,
        attempts: search.attempts.iter().map(attempt_json).collect(),
    };
    out.result(&json, |w| {
        let mut fields =
            vec![(tr!("find-source"), found.source.label()), (tr!("find-location"), Safe(&found.location).to_string())];
        for uid in &user_ids {
            fields.push((tr!("show-user-id"), Safe(uid).to_string()));
        }
        fields.push((tr!("show-fingerprint"), hex_groups(&cert.fingerprint().to_hex())));
        if let Some(expires) = &expires {
            fields.push((tr!("show-expires"), carepost::when::show_date(expires)));
        }
        fields.push((tr!("show-verified"), tr!("find-not-verified")));
        crate::ui::write_fields(w, &fields)?;
        if search.attempts.len() > 1 {
            writeln!(w, "\n{}", tr!("find-tried"))?;
            for attempt in &search.attempts {
                writeln!(w, "  {}", attempt.describe())?;
            }
        }
        writeln!(w, "\n{}", tr!("find-next-step", address = Safe(address.to_email()).to_string()))
    })
}
