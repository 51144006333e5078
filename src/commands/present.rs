//! How an opened document is presented, shared by `open`, `open
//! MESSAGE.eml` and `export`: who sent it, the warning for a sender who is
//! not verified, and the private view that is deleted when the viewer closes.

use crate::ui::Output;
use carepost::open::{self, SenderStatus};
use carepost::{retention, tr, view, Context, Error};

/// Who sent it, in one line.
pub fn from_line(sender: &open::Sender) -> String {
    match (sender.status, &sender.alias, sender.own) {
        (_, _, true) => tr!("open-from-self"),
        (SenderStatus::Verified, Some(alias), _) => tr!("open-from-verified", alias = alias.clone()),
        (SenderStatus::Unverified, Some(alias), _) => tr!("open-from-unverified", alias = alias.clone()),
        (SenderStatus::Unknown, _, _) => tr!("open-from-unknown"),
        _ => tr!("open-from-nobody"),
    }
}

/// The warning for a sender who is not a verified contact, if any.
pub fn warn_about_sender(sender: &open::Sender, out: &Output) {
    match sender.status {
        SenderStatus::Verified => {}
        SenderStatus::Unverified => {
            out.warning(&tr!("open-sender-unverified", alias = sender.alias.clone().unwrap_or_default()))
        }
        SenderStatus::Unknown => out.warning(&tr!(
            "open-sender-unknown",
            // Indented here: Fluent drops the indentation before a placeable.
            fingerprint =
                format!("  {}", carepost::fingerprint::hex_groups(sender.fingerprint.as_deref().unwrap_or("")))
        )),
        SenderStatus::Unsigned => out.warning(&tr!("open-unsigned")),
    }
}

/// Opens a private copy in the viewer; deletes it when the viewer closes,
/// or leaves it to the `view` retention when the viewer only launched
/// another program.
pub fn show_then_delete(
    ctx: &mut Context<'_>,
    id: i64,
    path: &std::path::Path,
    expires: &str,
    out: &Output,
) -> Result<(), Error> {
    let viewed = view::show(path);
    match viewed {
        Ok(view::Viewed::Closed) => {
            retention::remove_now(ctx, id)?;
            out.notice(&tr!("view-deleted"));
        }
        Ok(view::Viewed::Launched) => {
            out.notice(&tr!("view-kept-until", expires = carepost::when::show_date_time(expires)))
        }
        Err(e) => {
            // Nobody can look at it: do not keep it around.
            let _ = retention::remove_now(ctx, id);
            return Err(e);
        }
    }
    Ok(())
}
