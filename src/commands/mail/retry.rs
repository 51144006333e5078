//! `carepost mail retry [--resend MESSAGE-ID]`: sends the emails still
//! waiting in the outbox, or one again on request.

use super::sent_line;
use crate::cli::mail::MailRetryArgs;
use crate::ui::Output;
use carepost::mail::outbox::{self, Delivery, Mailer};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct Retried<'r> {
    deliveries: &'r [Delivery],
}

pub fn run(ctx: &mut Context<'_>, args: MailRetryArgs, out: &Output) -> Result<(), Error> {
    match args.resend {
        Some(message_id) => resend(ctx, &message_id, out),
        None => retry(ctx, out),
    }
}

fn retry(ctx: &mut Context<'_>, out: &Output) -> Result<(), Error> {
    if outbox::queued(ctx)?.is_empty() {
        return out.result(&Retried { deliveries: &[] }, |w| writeln!(w, "{}", tr!("mail-retry-nothing")));
    }
    let mut report = outbox::retry(ctx, Mailer::prepare)?;
    if let Some(error) = report.first_error.take() {
        // Reported as the error alone, so that `--json` still prints one
        // document; what else happened goes to stderr.
        let mut first_failure_shown = false;
        for delivery in &report.deliveries {
            match (&delivery.error, delivery.status) {
                (_, "sent") => out.notice(&sent_line(delivery)),
                (None, outbox::MAYBE_DELIVERED) => out.notice(&skipped_line(delivery)),
                (Some(_), _) if !first_failure_shown => first_failure_shown = true,
                (Some(e), _) => out.notice(&tr!(
                    "mail-send-failed",
                    message_id = Safe(&delivery.message_id).to_string(),
                    reason = e.message.clone()
                )),
                (None, _) => {
                    out.notice(&tr!("mail-retry-skipped", message_id = Safe(&delivery.message_id).to_string()))
                }
            }
        }
        return Err(error);
    }
    out.result(&Retried { deliveries: &report.deliveries }, |w| {
        for delivery in &report.deliveries {
            match delivery.status {
                outbox::MAYBE_DELIVERED => writeln!(w, "{}", skipped_line(delivery))?,
                _ => writeln!(w, "{}", sent_line(delivery))?,
            }
        }
        Ok(())
    })
}

/// `mail retry --resend MESSAGE-ID`: the user checked with the recipient
/// and wants it sent again.
fn resend(ctx: &mut Context<'_>, message_id: &str, out: &Output) -> Result<(), Error> {
    let mailer = Mailer::prepare(ctx)?;
    let delivery = outbox::resend(ctx, &mailer, message_id)?;
    let deliveries = [delivery];
    out.result(&Retried { deliveries: &deliveries }, |w| writeln!(w, "{}", sent_line(&deliveries[0])))
}

/// Why `mail retry` left a message alone, and what to do.
fn skipped_line(delivery: &Delivery) -> String {
    tr!("mail-retry-maybe-delivered", message_id = Safe(&delivery.message_id).to_string())
}
