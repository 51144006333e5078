//! `carepost mail cancel MESSAGE-ID`: stops trying to send a waiting email.

use crate::cli::mail::MailCancelArgs;
use crate::ui::Output;
use carepost::mail::outbox;
use carepost::safe::Safe;
use carepost::{tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: MailCancelArgs, out: &Output) -> Result<(), Error> {
    outbox::cancel(ctx, &args.message_id)?;
    let id = args.message_id.trim().trim_start_matches('<').trim_end_matches('>').to_owned();
    out.result(&serde_json::json!({ "message_id": id, "status": "cancelled" }), |w| {
        writeln!(w, "{}", tr!("mail-cancelled", message_id = Safe(&id).to_string()))
    })
}
