use crate::cli::OpenArgs;
use crate::ui::{Output, ProgressBar};
use carepost::open::{self, Request, SenderStatus};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: OpenArgs, out: &Output) -> Result<(), Error> {
    let request = Request {
        input: args.file,
        output_dir: args.output_dir,
        require_verified_sender: args.require_verified_sender,
        max_output: args.max_size,
    };
    let progress = ProgressBar::for_stderr();
    let opened = open::open(ctx, &request, &progress)?;
    let sender = &opened.sender;
    match sender.status {
        SenderStatus::Verified => {}
        SenderStatus::Unverified => out.warning(&tr!(
            "open-sender-unverified",
            alias = sender.alias.clone().unwrap_or_default()
        )),
        SenderStatus::Unknown => out.warning(&tr!(
            "open-sender-unknown",
            fingerprint = carepost::fingerprint::hex_groups(sender.fingerprint.as_deref().unwrap_or(""))
        )),
        SenderStatus::Unsigned => out.warning(&tr!("open-unsigned")),
    }
    out.result(&opened, |w| {
        let from = match (sender.status, &sender.alias, sender.own) {
            (_, _, true) => tr!("open-from-self"),
            (SenderStatus::Verified, Some(alias), _) => {
                tr!("open-from-verified", alias = alias.clone())
            }
            (SenderStatus::Unverified, Some(alias), _) => {
                tr!("open-from-unverified", alias = alias.clone())
            }
            (SenderStatus::Unknown, _, _) => tr!("open-from-unknown"),
            _ => tr!("open-from-nobody"),
        };
        writeln!(
            w,
            "{}",
            tr!(
                "open-done",
                output = Safe(opened.output.display().to_string()).to_string()
            )
        )?;
        writeln!(w, "{from}")
    })
}
