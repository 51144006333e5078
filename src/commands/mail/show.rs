//! `carepost mail show`: the server settings (never the password) and
//! the emails waiting in the outbox.

use super::Settings;
use crate::ui::Output;
use carepost::mail::{config, outbox};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, out: &Output) -> Result<(), Error> {
    let config = config::require(ctx)?;
    let pending = outbox::queued(ctx)?;
    let settings = Settings::of(&config, Some(pending.clone()));
    out.result(&settings, |w| {
        writeln!(w, "{}", tr!("mail-show-server", server = Safe(config.server()).to_string()))?;
        writeln!(w, "{}", tr!("mail-show-tls", tls = config.tls_label()))?;
        writeln!(w, "{}", tr!("mail-show-user", user = Safe(&config.user).to_string()))?;
        writeln!(w, "{}", tr!("mail-show-from", from = Safe(&config.from).to_string()))?;
        if let Some(ca) = &config.ca_file {
            writeln!(w, "{}", tr!("mail-show-ca", ca = Safe(ca.display().to_string()).to_string()))?;
        }
        writeln!(w, "{}", tr!("mail-show-password", source = config.password_label()))?;
        writeln!(w, "{}", tr!("mail-show-pending", count = pending.len()))?;
        for queued in &pending {
            let error = queued.last_error.as_ref().map(|e| format!(" ({e})")).unwrap_or_default();
            writeln!(
                w,
                "  {}  {}  {}{}",
                queued.message_id,
                carepost::when::show_date_time(&queued.queued_at),
                queued.recipients.join(", "),
                Safe(error)
            )?;
            if queued.state == outbox::MailState::MaybeDelivered {
                let id = Safe(&queued.message_id).to_string();
                writeln!(w, "    {}", tr!("mail-show-maybe-delivered", message_id = id))?;
            }
        }
        Ok(())
    })
}
