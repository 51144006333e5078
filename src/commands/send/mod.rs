//! `carepost send FILE... --to ALIAS`: one encrypted file per document.
//! The email forms are beside it: `--eml` in `email`, `--smtp` in `smtp`.

use crate::cli::send::SendArgs;
use crate::ui::{Output, ProgressBar};
use carepost::safe::Safe;
use carepost::send::{self, Request};
use carepost::{tr, Context, Error};

mod email;
mod password;
mod smtp;

pub fn run(ctx: &mut Context<'_>, args: SendArgs, out: &Output) -> Result<(), Error> {
    // Patients without a key (or everyone, with --password) get the
    // password path; a send never mixes the two.
    if let Some(contact) = carepost::send_by_password::route(ctx, &args.to, args.password)? {
        return password::run(ctx, args, contact, out);
    }
    if args.format.is_some() {
        return Err(Error::PasswordFormatWithoutPassword);
    }
    if args.smtp {
        return smtp::run(ctx, args, out);
    }
    if args.eml.is_some() {
        return email::run(ctx, args, out);
    }
    if args.subject.is_some() || args.message.is_some() || args.message_file.is_some() {
        return Err(Error::Usage(tr!("mail-options-need-eml")));
    }
    let request = Request {
        inputs: args.files,
        recipients: args.to,
        output_dir: args.output_dir,
        armor: args.armor,
        keep_name: args.keep_name,
        unverified_ok: args.unverified_ok,
        retain: args.retain,
    };
    let progress = ProgressBar::for_stderr();
    let report = send::send(ctx, &request, &progress)?;
    warn(&report, out);
    out.result(&report, |w| {
        for sent in &report.outputs {
            let to = recipients_line(&sent.recipients);
            writeln!(
                w,
                "{}",
                tr!(
                    "send-done",
                    input = Safe(sent.input.display().to_string()).to_string(),
                    output = Safe(sent.output.display().to_string()).to_string(),
                    recipients = to
                )
            )?;
        }
        writeln!(w, "{}", tr!("send-next-step"))?;
        if let Some(folder) = report.outputs.first().and_then(|sent| sent.output.parent()) {
            let folder_text = Safe(folder.display().to_string()).to_string();
            let command = carepost::view::open_command(folder);
            writeln!(w, "{}", tr!("send-attach-from", folder = folder_text, command = command))?;
        }
        Ok(())
    })
}

/// What every form of `send` says before its result: keys that expire
/// soon, and that sending to an unverified contact was recorded.
pub(super) fn warn(report: &send::Report, out: &Output) {
    for warning in &report.warnings {
        out.warning(warning);
    }
    if let Some(reason) = &report.unverified_ok {
        out.warning(&tr!("send-unverified-recorded", reason = Safe(reason).to_string()));
    }
}

/// The recipients of a sent document, each unverified one marked so.
pub(super) fn recipients_line(recipients: &[send::RecipientSummary]) -> String {
    recipients
        .iter()
        .map(|r| if r.verified { r.alias.clone() } else { tr!("send-recipient-unverified", alias = r.alias.clone()) })
        .collect::<Vec<_>>()
        .join(", ")
}
