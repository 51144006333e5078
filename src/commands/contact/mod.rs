//! `carepost contact add|list|show|verify|update|remove|check`, one verb per
//! file, and what several verbs show alike: how a contact's verification
//! reads, and the warning for a key that expires soon.

use crate::ui::Output;
use carepost::contacts::Contact;
use carepost::tr;

pub mod add;
pub mod check;
pub mod consent;
pub mod find;
pub mod list;
pub mod refresh;
pub mod remove;
pub mod show;
pub mod sources;
pub mod update;
pub mod verify;

fn verified_label(contact: &Contact) -> String {
    match &contact.verification {
        Some(v) => {
            tr!(
                "contact-verified-on",
                date = carepost::when::date_time(v.at),
                method = v.method.clone().unwrap_or_default()
            )
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
                date = carepost::when::date(expires)
            ));
        }
    }
}
