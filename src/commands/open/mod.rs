//! `carepost open FILE`: decrypts an encrypted file and says who sent it.
//! A received email (.eml) is opened by `email`.

use crate::cli::open::OpenArgs;
use crate::commands::present::{from_line, show_then_delete, warn_about_sender};
use crate::ui::{Output, ProgressBar};
use carepost::open::{self, Mode, PasswordSource, Request};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};

mod email;

pub fn run(ctx: &mut Context<'_>, args: OpenArgs, out: &Output) -> Result<(), Error> {
    if let Some(dir) = args.output_dir.as_deref().filter(|d| carepost::home::is_shared_folder(d)) {
        out.warning(&tr!("warning-shared-output-dir", path = Safe(dir.display().to_string()).to_string()));
    }
    let password = match (args.password, args.password_file.clone()) {
        (_, Some(file)) => Some(PasswordSource::File(file)),
        (true, None) => Some(PasswordSource::Prompt),
        (false, None) => None,
    };
    if args.file.is_file() && carepost::mail::parse::looks_like_email(&args.file)? {
        if password.is_some() {
            return Err(Error::Usage(tr!("open-password-not-for-email")));
        }
        return email::run(ctx, args, out);
    }
    if let Some(source) = password.as_ref().filter(|_| starts_like_a_pdf(&args.file)) {
        return check_pdf(ctx, &args.file, source, out);
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
        password,
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
                    expires = carepost::when::show_date_time(&opened.expires)
                )
            )?,
            _ if opened.already_opened => writeln!(
                w,
                "{}",
                tr!(
                    "open-already-opened",
                    opened_at = opened.opened_at.as_deref().map(carepost::when::show_date_time).unwrap_or_default(),
                    output = Safe(opened.output.display().to_string()).to_string(),
                    expires = carepost::when::show_date_time(&opened.expires)
                )
            )?,
            _ => writeln!(
                w,
                "{}",
                tr!(
                    "open-done",
                    output = Safe(opened.output.display().to_string()).to_string(),
                    expires = carepost::when::show_date_time(&opened.expires)
                )
            )?,
        }
        if mode == Mode::Save {
            writeln!(w, "{}", tr!("open-show-command", command = carepost::view::open_command(&opened.output)))?;
        }
        writeln!(w, "{from}")
    })
}

/// Whether `path` starts like a PDF (the password-protected form a patient
/// without a key receives), or is an empty file named `.pdf`, which the
/// check then refuses as an empty PDF rather than as a damaged message.
fn starts_like_a_pdf(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(1024);
    if std::fs::File::open(path).and_then(|f| f.take(1024).read_to_end(&mut head)).is_err() {
        return false;
    }
    let named_pdf = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    carepost::pdf::looks_like_pdf(&head) || (head.is_empty() && named_pdf)
}

/// `open FILE.pdf --password`: says whether the password opens it and what
/// is inside; writes nothing.
fn check_pdf(
    ctx: &mut Context<'_>,
    file: &std::path::Path,
    source: &PasswordSource,
    out: &Output,
) -> Result<(), Error> {
    let report = open::check_pdf(ctx, file, source)?;
    out.result(&report, |w| {
        writeln!(w, "{}", tr!("open-pdf-opens", pages = report.pages))?;
        if !report.metadata_encrypted {
            writeln!(w, "{}", tr!("open-pdf-metadata-clear"))?;
        }
        if report.attachments.is_empty() {
            writeln!(w, "{}", tr!("open-pdf-no-attachments"))?;
        }
        for attachment in &report.attachments {
            writeln!(
                w,
                "{}",
                tr!(
                    "open-pdf-attachment",
                    name = Safe(&attachment.name).to_string(),
                    size = carepost::format_size(attachment.size)
                )
            )?;
        }
        writeln!(w, "{}", tr!("open-pdf-nothing-written"))
    })
}
