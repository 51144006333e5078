use crate::cli::OpenArgs;
use crate::ui::{Output, ProgressBar};
use carepost::open::{self, Mode, Request, SenderStatus};
use carepost::safe::Safe;
use carepost::{retention, tr, view, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: OpenArgs, out: &Output) -> Result<(), Error> {
    if let Some(dir) = args.output_dir.as_deref().filter(|d| carepost::home::is_shared_folder(d)) {
        out.warning(&tr!("warning-shared-output-dir", path = Safe(dir.display().to_string()).to_string()));
    }
    if args.file.is_file() && carepost::mail::parse::looks_like_email(&args.file)? {
        return super::eml::open(ctx, args, out);
    }
    let mode = match (args.view, args.sealed) {
        (true, _) => Mode::View,
        (_, true) => Mode::Sealed,
        _ => Mode::Save,
    };
    let request = Request {
        input: args.file,
        output_dir: args.output_dir,
        require_verified_sender: args.require_verified_sender,
        max_output: args.max_size,
        retain: args.retain,
        mode,
    };
    let progress = ProgressBar::for_stderr();
    let opened = open::open(ctx, &request, &progress)?;
    let sender = &opened.sender;
    warn_about_sender(sender, out);
    let from = from_line(sender);
    if mode == Mode::View {
        out.notice(&from);
        show_then_delete(ctx, opened.id, &opened.output, &opened.expires, out)?;
        return out.result(&opened, |_| Ok(()));
    }
    out.result(&opened, |w| {
        match mode {
            Mode::Sealed => writeln!(
                w,
                "{}",
                tr!(
                    "open-sealed",
                    id = opened.id,
                    name = Safe(&opened.filename).to_string(),
                    expires = opened.expires.clone()
                )
            )?,
            _ => writeln!(
                w,
                "{}",
                tr!(
                    "open-done",
                    output = Safe(opened.output.display().to_string()).to_string(),
                    expires = opened.expires.clone()
                )
            )?,
        }
        writeln!(w, "{from}")
    })
}

/// Opens a private copy in the viewer; deletes it when the viewer closes,
/// or leaves it to the `view` retention when the viewer only launched
/// another program.
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
        Ok(view::Viewed::Launched) => out.notice(&tr!("view-kept-until", expires = expires.to_owned())),
        Err(e) => {
            // Nobody can look at it: do not keep it around.
            let _ = retention::remove_now(ctx, id);
            return Err(e);
        }
    }
    Ok(())
}
