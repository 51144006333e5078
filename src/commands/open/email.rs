//! `carepost open MESSAGE.eml`: a received email, its text and
//! attachments, and who vouches for each part (see `carepost::mail::parse`).

use crate::cli::open::OpenArgs;
use crate::commands::present::{from_line, warn_about_sender};
use crate::ui::{Output, ProgressBar};
use carepost::mail::parse::{self, OpenMailRequest};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};

/// `carepost open MESSAGE.eml`.
pub fn run(ctx: &mut Context<'_>, args: OpenArgs, out: &Output) -> Result<(), Error> {
    if args.view || args.sealed {
        return Err(Error::Usage(tr!("mail-eml-mode")));
    }
    let request = OpenMailRequest {
        input: args.file,
        output_dir: args.output_dir,
        require_verified_sender: args.require_verified_sender,
        accept_unencrypted: args.accept_unencrypted,
        add_autocrypt: args.add_autocrypt,
        retain: args.retain,
        max_output: args.max_size,
    };
    let progress = ProgressBar::for_stderr();
    let opened = parse::open(ctx, &request, &progress)?;
    let sender = &opened.sender;
    if let Some(owner) = &opened.from_owner {
        let from = Safe(opened.from.clone().unwrap_or_default()).to_string();
        let signer = if sender.status == carepost::open::SenderStatus::Unsigned {
            tr!("eml-signer-nobody")
        } else {
            signer_name(sender)
        };
        if owner == "self" {
            out.warning(&tr!("eml-from-self", from = from, signer = signer));
        } else {
            out.warning(&tr!("eml-from-contact", from = from, owner = owner.clone(), signer = signer));
        }
    } else if opened.from_mismatch {
        out.warning(&tr!(
            "eml-from-mismatch",
            from = Safe(opened.from.clone().unwrap_or_default()).to_string(),
            signer = sender.alias.clone().or(sender.fingerprint.clone()).unwrap_or_default()
        ));
    }
    if !opened.encrypted {
        out.warning(&tr!("eml-not-encrypted"));
    }
    if opened.encrypted {
        warn_about_sender(sender, out);
    }
    if let Some(signer) = &opened.forwarded_from {
        let who = signer.alias.clone().or(signer.fingerprint.clone()).unwrap_or_default();
        out.warning(&tr!("eml-forwarded", signer = signer_name(signer), who = Safe(who).to_string()));
    }
    if opened.unprotected_text_withheld {
        out.warning(&tr!("eml-unprotected-text-withheld"));
    }
    if opened.unsaved_attachments > 0 {
        if opened.encrypted {
            out.warning(&tr!("eml-unsaved-unprotected", count = opened.unsaved_attachments));
        } else {
            out.warning(&tr!("eml-unsaved", count = opened.unsaved_attachments));
        }
    }
    if let Some(autocrypt) = &opened.autocrypt {
        let addr = Safe(&autocrypt.addr).to_string();
        match (&autocrypt.added_as, &autocrypt.known_as, autocrypt.matches_from) {
            (Some(alias), _, _) => out.notice(&tr!("eml-autocrypt-added", alias = alias.clone())),
            (None, Some(alias), _) => out.notice(&tr!("eml-autocrypt-known", alias = alias.clone())),
            (None, None, true) if autocrypt.fingerprint.is_some() => out.notice(&tr!(
                "eml-autocrypt",
                addr = addr,
                fingerprint = carepost::fingerprint::hex_groups(autocrypt.fingerprint.as_deref().unwrap_or(""))
            )),
            (None, None, false) => out.notice(&tr!("eml-autocrypt-mismatch", addr = addr)),
            _ => {}
        }
    }
    let from_line = from_line(sender);
    out.result(&opened, |w| {
        if let Some(subject) = &opened.subject {
            let subject = Safe(subject).to_string();
            if opened.subject_protected {
                writeln!(w, "{}", tr!("eml-subject", subject = subject))?;
            } else {
                writeln!(w, "{}", tr!("eml-subject-unprotected", subject = subject))?;
            }
        }
        if let Some(from) = &opened.from {
            writeln!(w, "{}", tr!("eml-from", from = Safe(from).to_string()))?;
        }
        writeln!(w, "{from_line}")?;
        if let Some(text) = &opened.text {
            let heading = match &opened.text_protection {
                Some(p) if p.protected() => tr!("eml-frame-signed", signer = signer_name(&p.sender)),
                Some(p) if p.encrypted => tr!("eml-frame-encrypted-only"),
                _ => tr!("eml-frame-unprotected"),
            };
            framed(w, &heading, text)?;
        }
        if let Some(text) = &opened.unprotected_text {
            framed(w, &tr!("eml-frame-added"), text)?;
        }
        for attachment in &opened.attachments {
            let output = Safe(attachment.output.display().to_string()).to_string();
            let line = if !attachment.encrypted {
                tr!("eml-saved-unprotected", output = output)
            } else if !attachment.protected {
                tr!("eml-saved-unsigned", output = output)
            } else if attachment.sender.fingerprint != sender.fingerprint {
                tr!("eml-saved-signed-by", signer = signer_name(&attachment.sender), output = output)
            } else {
                tr!("eml-saved", output = output)
            };
            writeln!(w, "{line}")?;
        }
        if let Some(folder) = opened.attachments.first().and_then(|a| a.output.parent()) {
            writeln!(w, "{}", tr!("open-folder-command", command = carepost::view::open_command(folder)))?;
        }
        match &opened.expires {
            Some(expires) => {
                writeln!(w, "{}", tr!("eml-saved-until", expires = carepost::when::show_date_time(expires)))
            }
            None if opened.unsaved_attachments == 0 => writeln!(w, "{}", tr!("eml-nothing-saved")),
            None => Ok(()),
        }
    })
}

/// Message text in a ruled frame, every line prefixed, so that nothing in
/// it can pass for one of carepost's own lines (such as "Signed by ...").
fn framed(w: &mut dyn std::io::Write, heading: &str, text: &str) -> std::io::Result<()> {
    writeln!(w, "{heading}")?;
    for line in text.lines() {
        // Line by line: newlines stay, anything that could steer the
        // terminal is escaped.
        writeln!(w, "{}", tr!("eml-frame-line", line = Safe(line.replace('\t', "    ")).to_string()))?;
    }
    writeln!(w, "{}", tr!("eml-frame-end"))
}

/// Who signed, in a few words.
fn signer_name(sender: &carepost::open::Sender) -> String {
    use carepost::open::SenderStatus;
    match (sender.own, sender.status, &sender.alias) {
        (true, _, _) => tr!("eml-signer-self"),
        (_, SenderStatus::Verified, Some(alias)) => tr!("eml-signer-verified", alias = alias.clone()),
        (_, _, Some(alias)) => tr!("eml-signer-unverified", alias = alias.clone()),
        _ => tr!(
            "eml-signer-unknown",
            fingerprint = carepost::fingerprint::hex_groups(sender.fingerprint.as_deref().unwrap_or(""))
        ),
    }
}
