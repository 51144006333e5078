//! `carepost contact list`: every contact, one line each.

use super::verified_label;
use crate::ui::Output;
use carepost::contacts;
use carepost::fingerprint::hex_groups;
use carepost::{tr, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct ContactList {
    contacts: Vec<contacts::ContactSummary>,
}

pub fn run(ctx: &mut Context<'_>, out: &Output) -> Result<(), Error> {
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
            let mark = super::consent::list_mark(contact).map(|m| format!("  {m}")).unwrap_or_default();
            match &summary.fingerprint {
                Some(fingerprint) => writeln!(
                    w,
                    "{:<24} {:<10} {}  {}{mark}",
                    contact.alias,
                    summary.kind.label(),
                    hex_groups(fingerprint),
                    verified_label(contact)
                )?,
                None => {
                    writeln!(w, "{:<24} {:<10} {}{mark}", contact.alias, summary.kind.label(), tr!("nokey-no-key"))?
                }
            }
        }
        Ok(())
    })
}
