//! `carepost status` (alias `doctor`): what this home keeps, until when,
//! and how it is protected.

use crate::ui::Output;
use carepost::safe::Safe;
use carepost::{status, tr, when, Context, Error};

pub fn run(ctx: &mut Context<'_>, out: &Output) -> Result<(), Error> {
    let status = status::status(ctx)?;
    out.result(&status, |w| {
        let f = &status.files;
        let mut rows = vec![
            (tr!("status-home"), Safe(&status.home).to_string()),
            (tr!("status-outbox"), Safe(&status.outbox).to_string()),
            (tr!("status-inbox"), Safe(&status.inbox).to_string()),
            (tr!("status-fingerprint"), carepost::fingerprint::hex_groups(&status.fingerprint)),
            (
                tr!("status-identity-expires"),
                status.identity_expires.as_deref().map_or_else(|| "-".into(), when::show_date),
            ),
            (
                tr!("status-files"),
                tr!("status-files-counts", sent = f.sent, received = f.received, view = f.view, sealed = f.sealed),
            ),
            (tr!("status-next-expiry"), f.next_expiry.as_deref().map_or_else(|| "-".into(), when::show_date_time)),
            (tr!("status-overdue"), f.overdue.to_string()),
            (tr!("status-needs-decision"), f.needs_decision.to_string()),
            (
                tr!("status-contact-keys"),
                tr!(
                    "status-contact-keys-counts",
                    soon = status.contact_keys_expiring,
                    days = carepost::policy::EXPIRY_WARNING_DAYS,
                    expired = status.contact_keys_expired
                ),
            ),
            (tr!("status-timer"), yes_no(status.timer_installed)),
            (tr!("status-keychain"), keychain_label(status.keychain)),
            (tr!("status-encrypted-volume"), volume_label(status.encrypted_volume)),
            (
                tr!("status-audit"),
                if status.audit_intact {
                    tr!("status-audit-intact", count = status.audit_records)
                } else {
                    tr!("status-audit-broken")
                },
            ),
            (
                tr!("status-core-dumps"),
                if status.core_dumps_disabled { tr!("status-core-dumps-off") } else { tr!("status-core-dumps-on") },
            ),
        ];
        // A revoked identity says so beside its fingerprint.
        if let Some(reason) = status.identity_revoked {
            rows.insert(
                4,
                (
                    tr!("revoke-status-label"),
                    tr!("revoke-status-value", reason = carepost::error::revocation_reason_words(reason)),
                ),
            );
        }
        // Only once there are any, so a home with keys only reads as before.
        if status.contacts_without_key > 0 {
            let at = rows.iter().position(|(label, _)| *label == tr!("status-timer")).unwrap_or(rows.len());
            rows.insert(
                at,
                (tr!("nokey-status-label"), tr!("nokey-status-count", count = status.contacts_without_key)),
            );
        }
        let last = status.recent_risks.last().map(|r| when::show_date(&r.at)).unwrap_or_default();
        rows.push((
            tr!("report-status-risks"),
            tr!("report-status-risks-value", count = status.risks_accepted, last = last),
        ));
        rows.push((
            tr!("backup-status-label"),
            status.last_backup.as_deref().map_or_else(|| tr!("backup-status-never"), when::show_date),
        ));
        crate::ui::write_fields(w, &rows)?;
        if status.identity_revoked.is_some() {
            writeln!(w, "\n{}", tr!("revoke-status-hint"))?;
        }
        for risk in &status.recent_risks {
            let line = tr!(
                "report-status-risk-line",
                date = when::show_date(&risk.at),
                contacts = Safe(risk.contacts.join(", ")).to_string(),
                reason = Safe(&risk.reason).to_string()
            );
            writeln!(w, "  {line}")?;
        }
        if status.files.needs_decision > 0 {
            writeln!(w, "\n{}", tr!("status-hint-needs-decision", count = status.files.needs_decision))?;
        }
        if let Some(recorded) = &status.files.clock_behind {
            writeln!(
                w,
                "\n{} {}",
                tr!("label-warning"),
                tr!("status-clock-behind", recorded = when::show_date_time(recorded))
            )?;
        }
        if status.contact_keys_expiring > 0 || status.contact_keys_expired > 0 {
            writeln!(w, "\n{}", tr!("status-hint-contact-keys"))?;
        }
        if status.files.overdue > 0 || !status.timer_installed {
            writeln!(w, "\n{}", tr!("status-hint-purge"))?;
        }
        if status.backup_overdue {
            let line = match &status.last_backup {
                Some(at) => tr!("backup-status-overdue", date = when::show_date(at)),
                None => tr!("backup-status-none-yet"),
            };
            writeln!(w, "\n{} {line}", tr!("label-warning"))?;
        }
        if status.encrypted_volume != "yes" {
            writeln!(w, "{}", tr!("status-hint-disk-encryption"))?;
        }
        Ok(())
    })?;
    offer_keychain(status.offer_keychain, out);
    Ok(())
}

/// Offers `passphrase --to-keychain` when the identity keeps its passphrase
/// outside a keychain that answers now. Only `status` and `whoami` say it:
/// they are where a user looks at their setup, and saying it on every
/// command would bury the command's own messages (and probe the keychain
/// each time).
pub fn offer_keychain(offer: bool, out: &Output) {
    if offer && !out.json {
        out.notice(&tr!("notice-passphrase-keychain-offer"));
    }
}

/// The keychain's state in words; JSON keeps the code.
fn keychain_label(code: &str) -> String {
    match code {
        "not used" => tr!("status-keychain-not-used"),
        "reachable" => tr!("status-keychain-reachable"),
        "unreachable" => tr!("status-keychain-unreachable"),
        other => other.to_owned(),
    }
}

/// Whether the home is on an encrypted volume, in words; JSON keeps the code.
fn volume_label(code: &str) -> String {
    match code {
        "yes" => tr!("word-yes"),
        "no" => tr!("word-no"),
        _ => tr!("word-unknown"),
    }
}

fn yes_no(value: bool) -> String {
    if value {
        tr!("word-yes")
    } else {
        tr!("word-no")
    }
}
