use crate::cli::contact::{AliasArg, ContactAddArgs, ContactUpdateArgs, ContactVerifyArgs};
use crate::ui::Output;
use carepost::contacts::{self, Contact, Update};
use carepost::fingerprint::{hex_groups, words};
use carepost::safe::Safe;
use carepost::{tr, verify, Context, Error};
use serde::Serialize;
use std::io::Write;

fn verified_label(contact: &Contact) -> String {
    match &contact.verification {
        Some(v) => {
            tr!("contact-verified-on", date = carepost::fmt_time(v.at), method = v.method.clone().unwrap_or_default())
        }
        None => tr!("contact-not-verified"),
    }
}

/// Keys that expire soon are the next "letter no one can open": say so.
fn warn_if_expiring(contact: &Contact, now: std::time::SystemTime, out: &Output) {
    if let Some(expires) = contact.expires(now) {
        let days = expires.duration_since(now).map(|d| d.as_secs() / 86400).unwrap_or(0);
        if days < carepost::policy::EXPIRY_WARNING_DAYS {
            out.warning(&tr!(
                "contact-expires-soon",
                alias = contact.alias.clone(),
                days = days,
                date = carepost::fmt_time(expires)
            ));
        }
    }
}

pub fn add(ctx: &mut Context<'_>, args: ContactAddArgs, out: &Output) -> Result<(), Error> {
    let kind = args.kind();
    let contact = contacts::add(ctx, &args.alias, &args.key_file, kind)?;
    let summary = contact.summary(ctx.now);
    warn_if_expiring(&contact, ctx.now, out);
    out.result(&summary, |w| {
        writeln!(w, "{}", tr!("contact-added", alias = contact.alias.clone(), kind = kind.as_str()))?;
        writeln!(w, "  {}", hex_groups(&summary.fingerprint))?;
        writeln!(w, "{}", tr!("contact-added-next", alias = contact.alias.clone()))
    })
}

#[derive(Serialize)]
struct ContactList {
    contacts: Vec<contacts::ContactSummary>,
}

pub fn list(ctx: &mut Context<'_>, out: &Output) -> Result<(), Error> {
    let (all, damaged) = contacts::list_all(ctx)?;
    for problem in &damaged {
        out.warning(&problem.to_string());
    }
    let now = ctx.now;
    let list = ContactList { contacts: all.iter().map(|c| c.summary(now)).collect() };
    out.result(&list, |w| {
        if all.is_empty() {
            return writeln!(w, "{}", tr!("contact-list-empty"));
        }
        for (contact, summary) in all.iter().zip(&list.contacts) {
            writeln!(
                w,
                "{:<24} {:<10} {}  {}",
                contact.alias,
                summary.kind.as_str(),
                hex_groups(&summary.fingerprint),
                verified_label(contact)
            )?;
        }
        Ok(())
    })
}

pub fn show(ctx: &mut Context<'_>, args: AliasArg, out: &Output) -> Result<(), Error> {
    let contact = contacts::get(ctx, &args.alias)?;
    let details = contact.details(ctx.now);
    out.result(&details, |w| {
        writeln!(w, "{:<12} {}", tr!("show-alias"), contact.alias)?;
        writeln!(w, "{:<12} {}", tr!("show-kind"), contact.kind.as_str())?;
        for uid in &details.user_ids {
            writeln!(w, "{:<12} {}", tr!("show-user-id"), Safe(uid))?;
        }
        writeln!(w, "{:<12} {}", tr!("show-fingerprint"), hex_groups(&details.summary.fingerprint))?;
        writeln!(w, "{:<12} {}", tr!("show-words"), words(&contact.cert.fingerprint()))?;
        writeln!(w, "{:<12} {}", tr!("show-verified"), verified_label(&contact))?;
        if let Some(expires) = &details.summary.expires {
            writeln!(w, "{:<12} {}", tr!("show-expires"), expires)?;
        }
        if let Some(problem) = &details.problem {
            writeln!(w, "{:<12} {}", tr!("show-problem"), problem)?;
        }
        Ok(())
    })
}

pub fn verify(ctx: &mut Context<'_>, args: ContactVerifyArgs, out: &Output) -> Result<(), Error> {
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

#[derive(Serialize)]
struct Updated {
    #[serde(flatten)]
    summary: contacts::ContactSummary,
    key_changed: bool,
    old_fingerprint: Option<String>,
}

pub fn update(ctx: &mut Context<'_>, args: ContactUpdateArgs, out: &Output) -> Result<(), Error> {
    let now = ctx.now;
    let (contact, old_fingerprint) = match contacts::update(ctx, &args.alias, &args.key_file)? {
        Update::Refreshed(contact) => (contact, None),
        Update::KeyChanged { old_fingerprint, contact } => {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(
                err,
                "{}",
                tr!(
                    "update-key-changed-warning",
                    alias = contact.alias.clone(),
                    old = hex_groups(&old_fingerprint),
                    new = hex_groups(&contact.fingerprint())
                )
            );
            (contact, Some(old_fingerprint))
        }
    };
    warn_if_expiring(&contact, now, out);
    let result = Updated { summary: contact.summary(now), key_changed: old_fingerprint.is_some(), old_fingerprint };
    out.result(&result, |w| {
        if result.key_changed {
            writeln!(w, "{}", tr!("update-replaced", alias = contact.alias.clone()))
        } else {
            writeln!(w, "{}", tr!("update-refreshed", alias = contact.alias.clone()))
        }
    })
}

pub fn remove(ctx: &mut Context<'_>, args: AliasArg, out: &Output) -> Result<(), Error> {
    let contact = contacts::remove(ctx, &args.alias)?;
    let summary = contact.summary(ctx.now);
    out.result(&summary, |w| writeln!(w, "{}", tr!("contact-removed", alias = contact.alias.clone())))
}
