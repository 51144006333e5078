//! `carepost contact check ALIAS`: is this recipient ready? The report,
//! then — when `send` would refuse the contact — the same error `send`
//! gives, so that the exit status says it (0 ready, 3 refused, 4 unusable).

use super::verified_label;
use crate::cli::contact::AliasArg;
use crate::ui::Output;
use carepost::fingerprint::hex_groups;
use carepost::readiness;
use carepost::safe::Safe;
use carepost::when::show_date;
use carepost::{tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: AliasArg, out: &Output) -> Result<(), Error> {
    let check = readiness::check(ctx, &args.alias)?;
    let contact = carepost::contacts::get(ctx, &args.alias)?;
    let now = ctx.now;
    let Some(a) = &check.assessment else {
        // No key: the password path is what there is to know.
        return out.result(&check, |w| {
            let mut fields = vec![
                (tr!("show-alias"), check.alias.clone()),
                (tr!("nokey-show-key"), tr!("nokey-no-key")),
                (tr!("nokey-check-delivery"), tr!("nokey-check-delivery-password")),
            ];
            if let Some(email) = &check.source.email {
                fields.push((tr!("nokey-show-email"), Safe(email).to_string()));
            }
            crate::ui::write_fields(w, &fields)?;
            writeln!(w, "\n{}", tr!("nokey-check-ready", alias = check.alias.clone()))
        });
    };
    if !out.json {
        for warning in &check.warnings {
            out.warning(warning);
        }
    }
    out.result(&check, |w| {
        let mut fields = vec![
            (tr!("show-alias"), check.alias.clone()),
            (tr!("show-fingerprint"), hex_groups(&contact.fingerprint().unwrap_or_default())),
            (tr!("check-usable"), if a.usable { tr!("word-yes") } else { tr!("word-no") }),
        ];
        if let Some(problem) = &a.problem {
            fields.push((tr!("show-problem"), problem.clone()));
        }
        let valid_until = match (&a.expires, a.days_left) {
            (Some(expires), Some(days)) => tr!("check-valid-until-value", date = show_date(expires), days = days),
            _ => tr!("check-no-expiry"),
        };
        fields.push((tr!("check-valid-until"), valid_until));
        for key in &a.encryption_keys {
            let expires = key.expires.as_deref().map_or_else(|| tr!("check-never"), show_date);
            fields.push((
                tr!("check-encryption-key"),
                tr!(
                    "check-encryption-key-value",
                    fingerprint = hex_groups(&key.fingerprint),
                    algorithm = key.algorithm.clone(),
                    created = show_date(&key.created),
                    expires = expires
                ),
            ));
        }
        fields.push((
            tr!("check-message-format"),
            tr!(
                "check-message-format-value",
                format = a.message_format.replace("seipdv", "SEIPDv"),
                reason = a.format_reason.clone()
            ),
        ));
        let cipher = match a.aead {
            Some(aead) => tr!("check-cipher-v2", symmetric = a.symmetric, aead = aead),
            None => tr!("check-cipher-v1", symmetric = a.symmetric),
        };
        fields.push((tr!("check-cipher"), cipher));
        let verified = match &check.verification {
            Some(v) => tr!("check-verified-ago", label = verified_label(&contact), age = readiness::age(v, now)),
            None => verified_label(&contact),
        };
        fields.push((tr!("show-verified"), verified));
        let source = &check.source;
        fields.push((
            tr!("show-source"),
            match &source.location {
                Some(location) => {
                    tr!("show-source-at", source = source.kind.label(), location = Safe(location).to_string())
                }
                None => source.kind.label(),
            },
        ));
        if let Some(email) = &source.email {
            fields.push((tr!("show-looked-up-by"), Safe(email).to_string()));
        }
        if let Some(refreshed) = &check.refreshed_at {
            fields.push((tr!("show-refreshed"), carepost::when::show_date_time(refreshed)));
        }
        crate::ui::write_fields(w, &fields)?;
        writeln!(w, "\n{}", tr!("check-programs", alias = check.alias.clone()))?;
        let programs: Vec<(String, String)> = a
            .programs
            .iter()
            .map(|p| {
                let verdict = match p.can_open {
                    Some(true) => tr!("word-yes"),
                    Some(false) => tr!("word-no"),
                    None => tr!("check-not-known"),
                };
                (format!("  {} ({})", p.name, p.versions), verdict)
            })
            .collect();
        crate::ui::write_fields(w, &programs)?;
        if check.refusal().is_none() {
            writeln!(w, "\n{}", tr!("check-ready", alias = check.alias.clone()))?;
        }
        Ok(())
    })?;
    match check.refusal() {
        Some(error) if out.json => Err(Error::InResult(Box::new(error))),
        Some(error) => Err(error),
        None => Ok(()),
    }
}
