//! `carepost send FILE... --to ALIAS` to a patient without a key (or with
//! `--password`): the documents protected with a password that carepost
//! makes, shows once, and the user reads out on the phone. Nothing is
//! named or recorded until the user confirms the password was told (or
//! said so beforehand with `--password-told`).

use crate::cli::send::SendArgs;
use crate::commands::mail::sent_line;
use crate::ui::{Output, ProgressBar};
use carepost::mail::outbox::{self, Delivery, Mailer};
use carepost::password::SpokenPassword;
use carepost::safe::Safe;
use carepost::send_by_password::{
    self as by_password, Format, PasswordContact, PasswordReport, Prepared, Request, Told,
};
use carepost::{tr, Context, Error};
use serde::Serialize;

/// The `--json` result: the report, and the password — the one place it
/// is ever printed, so that a script can relay it.
#[derive(Serialize)]
struct WithPassword<'r> {
    password: &'r str,
    #[serde(flatten)]
    report: &'r PasswordReport,
}

/// The `--json` result of `--eml`/`--smtp` with a password: the email,
/// its delivery (`--smtp`), the documents in it, and the password.
#[derive(Serialize)]
struct ByEmail<'r> {
    password: &'r str,
    #[serde(serialize_with = "path_text")]
    path: &'r std::path::Path,
    message_id: &'r str,
    size: u64,
    sha256: &'r str,
    expires: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    delivery: Option<&'r Delivery>,
    #[serde(flatten)]
    report: &'r PasswordReport,
}

fn path_text<S: serde::Serializer>(path: &&std::path::Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&path.display().to_string())
}

/// Checks what can be checked before anything is made: `--unverified-ok`
/// has no key to apply to; `--json` needs
/// `--password-told` (nobody can confirm), and so does a command with
/// nobody at a terminal; the email text is carepost's own.
pub(super) fn preflight(ctx: &Context<'_>, args: &SendArgs, out: &Output) -> Result<(), Error> {
    if args.unverified_ok.is_some() {
        return Err(Error::PasswordUnverifiedOk);
    }
    if out.json && !args.password_told {
        return Err(Error::PasswordJsonNeedsTold);
    }
    if !args.password_told && !ctx.prompter.is_interactive() {
        return Err(Error::SendPasswordNeedsTerminal);
    }
    if args.subject.is_some() || args.message.is_some() || args.message_file.is_some() {
        return Err(if args.eml.is_some() || args.smtp {
            Error::PasswordMailText
        } else {
            Error::Usage(tr!("mail-options-need-eml"))
        });
    }
    Ok(())
}

/// The format asked for with `--format` (pdf unless said otherwise).
pub(super) fn format(args: &SendArgs) -> Format {
    args.format.as_deref().and_then(Format::from_name).unwrap_or_default()
}

/// `carepost send FILE... --to ALIAS` with a password, as files.
pub fn run(ctx: &mut Context<'_>, args: SendArgs, contact: PasswordContact, out: &Output) -> Result<(), Error> {
    preflight(ctx, &args, out)?;
    // --smtp: the server settings and password are checked before
    // anything is made.
    let mailer = if args.smtp { Some(Mailer::prepare(ctx)?) } else { None };
    let email = match (&args.eml, &mailer) {
        (Some(path), _) => Some(path.clone()),
        (None, Some(_)) => {
            let outbox_dir = ctx.home.mail_outbox();
            ctx.home.ensure_dir(&outbox_dir)?;
            let date = chrono::Local::now().format("%Y%m%d");
            Some(outbox_dir.join(format!("message-{date}-{}.eml", carepost::names::random_id())))
        }
        (None, None) => None,
    };
    let request = Request {
        email,
        format: format(&args),
        inputs: args.files,
        recipient: contact.alias().to_owned(),
        output_dir: args.output_dir,
        armor: args.armor,
        keep_name: args.keep_name,
        retain: args.retain,
    };
    let progress = ProgressBar::for_stderr();
    let prepared = by_password::prepare(ctx, &request, &progress)?;
    let told = match confirm(ctx, &prepared, args.password_told, out)? {
        Some(told) => told,
        None => {
            prepared.discard(ctx);
            out.notice(&tr!("sendpw-not-told"));
            return Err(Error::PasswordNotTold);
        }
    };
    let done = prepared.commit(ctx, told)?;
    for warning in &done.report.warnings {
        out.warning(warning);
    }
    let report = &done.report;
    if let Some(composed) = &done.email {
        // A failed delivery leaves the email in the outbox for `mail
        // retry`; with --json the result still carries the password, the
        // only place it is (it was told already), then the error follows.
        let (delivery, failure) = match &mailer {
            Some(mailer) => match outbox::send_composed(ctx, mailer, composed) {
                Ok(delivery) => (Some(delivery), None),
                Err(e @ (Error::DeliveryFailed { .. } | Error::DeliveryUnconfirmed { .. })) if out.json => {
                    (Some(outbox::not_delivered(mailer, &composed.message_id, &e)), Some(e))
                }
                Err(e) => return Err(e),
            },
            None => (None, None),
        };
        let result = ByEmail {
            password: done.password.as_str(),
            path: &composed.path,
            message_id: &composed.message_id,
            size: composed.size,
            sha256: &composed.sha256,
            expires: &composed.expires,
            delivery: delivery.as_ref(),
            report,
        };
        out.result(&result, |w| {
            let alias = report.outputs.first().and_then(|s| s.recipients.first()).map(|r| r.alias.clone());
            writeln!(
                w,
                "{}",
                tr!(
                    "sendpw-eml-done",
                    alias = alias.unwrap_or_default(),
                    count = report.outputs.len(),
                    output = Safe(composed.path.display().to_string()).to_string(),
                    expires = carepost::when::show_date_time(&composed.expires)
                )
            )?;
            for sent in &report.outputs {
                if let Some(copy) = &sent.copy {
                    writeln!(w, "{}", tr!("sendpw-copy", copy = Safe(copy.display().to_string()).to_string()))?;
                }
            }
            if let Some(delivery) = &delivery {
                writeln!(w, "{}", sent_line(delivery))?;
            }
            writeln!(w, "{}", tr!("sendpw-eml-next-step"))
        })?;
        return match failure {
            Some(e) => Err(Error::InResult(Box::new(e))),
            None => Ok(()),
        };
    }
    let result = WithPassword { password: done.password.as_str(), report };
    out.result(&result, |w| {
        for sent in &report.outputs {
            let input = Safe(sent.input.display().to_string()).to_string();
            writeln!(
                w,
                "{}",
                tr!(
                    "sendpw-done",
                    input = input.clone(),
                    output = Safe(sent.output.display().to_string()).to_string(),
                    alias = sent.recipients.first().map(|r| r.alias.clone()).unwrap_or_default(),
                    format = sent.format
                )
            )?;
            match sent.attachment_reason {
                Some("signed-pdf") => writeln!(w, "{}", tr!("sendpw-signed-pdf", input = input.clone()))?,
                Some(_) => writeln!(w, "{}", tr!("sendpw-not-pdf", input = input.clone()))?,
                None => {}
            }
            if let Some(copy) = &sent.copy {
                writeln!(w, "{}", tr!("sendpw-copy", copy = Safe(copy.display().to_string()).to_string()))?;
            }
        }
        match request.format {
            Format::Pdf => writeln!(w, "{}", tr!("sendpw-next-step-pdf")),
            Format::OpenPgp => writeln!(w, "{}", tr!("sendpw-next-step-openpgp")),
        }
    })
}

/// Shows the password once (not with `--json`: the result carries it)
/// and asks whether it was told, unless `--password-told` said so.
/// `None`: not confirmed, so nothing may be sent.
fn confirm(ctx: &mut Context<'_>, prepared: &Prepared, flag: bool, out: &Output) -> Result<Option<Told>, Error> {
    if !out.json {
        out.notice(&frame(prepared.password(), prepared.recipient()));
    }
    if flag {
        return Ok(Some(Told::Flag));
    }
    let answer = ctx.prompter.line(&tr!("sendpw-confirm", alias = prepared.recipient().to_owned()));
    match answer {
        Ok(text) if is_yes(&text) => Ok(Some(Told::Confirmed)),
        Ok(_) | Err(Error::Cancelled) | Err(Error::NotInteractive(_)) => Ok(None),
        Err(other) => Err(other),
    }
}

/// The answers that mean yes in the language carepost speaks (and in
/// English), ignoring case and spaces.
fn is_yes(answer: &str) -> bool {
    let answer = answer.trim().to_lowercase();
    !answer.is_empty() && tr!("sendpw-yes").split(',').any(|yes| yes.trim() == answer)
}

/// The password in a frame, its words in groups, large enough to read out
/// without losing one's place.
fn frame(password: &SpokenPassword, alias: &str) -> String {
    let title = tr!("sendpw-frame-title", alias = alias.to_owned());
    let lines: Vec<String> = password.groups().iter().map(|g| g.split(' ').collect::<Vec<_>>().join("   ")).collect();
    let width = lines.iter().map(|l| l.chars().count()).chain([title.chars().count()]).max().unwrap_or(0) + 4;
    let mut text = String::new();
    text.push_str(&format!("╔{}╗\n", "═".repeat(width)));
    text.push_str(&format!("║  {title:<w$}║\n", w = width - 2));
    text.push_str(&format!("╟{}╢\n", "─".repeat(width)));
    text.push_str(&format!("║{}║\n", " ".repeat(width)));
    for line in &lines {
        text.push_str(&format!("║  {line:<w$}║\n", w = width - 2));
        text.push_str(&format!("║{}║\n", " ".repeat(width)));
    }
    text.push_str(&format!("╚{}╝\n", "═".repeat(width)));
    text.push_str(&tr!("sendpw-read-now"));
    text.push('\n');
    text.push_str(&tr!("sendpw-shown-once"));
    text
}
