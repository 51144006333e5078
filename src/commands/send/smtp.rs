//! `carepost send FILE... --to ALIAS --smtp`: one encrypted email composed
//! into the outbox and handed to the mail server.

use crate::cli::send::SendArgs;
use crate::commands::mail::sent_line;
use crate::ui::{Output, ProgressBar};
use carepost::mail::compose::{self, Composed};
use carepost::mail::outbox::{self, Delivery, Mailer};
use carepost::{Context, Error};
use serde::Serialize;

/// The `send --smtp` result: the `send --eml` result plus `delivery`.
#[derive(Serialize)]
struct SentByMail<'c> {
    #[serde(flatten)]
    composed: &'c Composed,
    delivery: Delivery,
}

/// `carepost send FILE... --to ALIAS --smtp`: composes one PGP/MIME email
/// into the outbox and hands it to the mail server. The server settings
/// and password are checked before anything is composed.
pub fn run(ctx: &mut Context<'_>, args: SendArgs, out: &Output) -> Result<(), Error> {
    let mailer = Mailer::prepare(ctx)?;
    let outbox_dir = ctx.home.mail_outbox();
    ctx.home.ensure_dir(&outbox_dir)?;
    let date = chrono::Local::now().format("%Y%m%d");
    let output = outbox_dir.join(format!("message-{date}-{}.eml", carepost::names::random_id()));
    let request = super::email::compose_request(args, output)?;
    let progress = ProgressBar::for_stderr();
    let composed = compose::compose(ctx, &request, &progress)?;
    super::warn(&composed.report, out);
    let delivery = outbox::send_composed(ctx, &mailer, &composed)?;
    let result = SentByMail { composed: &composed, delivery };
    out.result(&result, |w| writeln!(w, "{}", sent_line(&result.delivery)))
}
