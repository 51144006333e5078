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
        let mut fields = vec![(tr!("show-alias"), contact.alias.clone()), (tr!("show-kind"), contact.kind.label())];
        for uid in &details.user_ids {
            fields.push((tr!("show-user-id"), Safe(uid).to_string()));
        }
        match contact.cert() {
            Some(cert) => {
                fields.push((tr!("show-fingerprint"), hex_groups(&cert.fingerprint().to_hex())));
                fields.push((tr!("show-words"), words(&cert.fingerprint())));
                fields.push((tr!("show-verified"), verified_label(&contact)));
            }
            None => fields.push((tr!("nokey-show-key"), tr!("nokey-no-key"))),
        }
        if let Some(consent) = super::consent::label(&contact) {
            fields.push((tr!("consent-show-label"), consent));
        }
        if let Some(note) = contact.consent.as_ref().and_then(|c| c.note.as_ref()) {
            fields.push((tr!("consent-show-note"), Safe(note).to_string()));
        }
        if let Some(expires) = &details.summary.expires {
            fields.push((tr!("show-expires"), carepost::when::show_date(expires)));
        }
        if let Some(problem) = &details.problem {
            fields.push((tr!("show-problem"), problem.clone()));
        }
        let source = &details.source;
        if contact.has_key() {
            fields.push((
                tr!("show-source"),
                match &source.location {
                    Some(location) => {
                        tr!("show-source-at", source = source.kind.label(), location = Safe(location).to_string())
                    }
                    None => source.kind.label(),
                },
            ));
        }
        match &source.email {
            Some(email) if !contact.has_key() => fields.push((tr!("nokey-show-email"), Safe(email).to_string())),
            Some(email) => fields.push((tr!("show-looked-up-by"), Safe(email).to_string())),
            None => {}
        }
        if let Some(refreshed) = &source.refreshed_at {
            fields.push((tr!("show-refreshed"), carepost::when::show_date_time(refreshed)));
        }
        crate::ui::write_fields(w, &fields)
    })
}
