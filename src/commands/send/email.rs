//! `carepost send FILE... --to ALIAS --eml OUT.eml`: one encrypted email
//! (PGP/MIME) holding every document, and the request that `--smtp`
//! composes too.

use crate::cli::send::SendArgs;
use crate::ui::{Output, ProgressBar};
use carepost::mail::compose::{self, ComposeRequest};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};

/// Longest message text read with `--message-file`.
const MAX_MESSAGE_FILE: u64 = 1 << 20;

/// `carepost send FILE... --to ALIAS --eml OUT.eml`.
pub fn run(ctx: &mut Context<'_>, mut args: SendArgs, out: &Output) -> Result<(), Error> {
    let output = args.eml.take().expect("called with --eml");
    let request = compose_request(args, output)?;
    let progress = ProgressBar::for_stderr();
    let composed = compose::compose(ctx, &request, &progress)?;
    super::warn(&composed.report, out);
    out.result(&composed, |w| {
        let recipients =
            composed.report.outputs.first().map(|sent| super::recipients_line(&sent.recipients)).unwrap_or_default();
        writeln!(
            w,
            "{}",
            tr!(
                "eml-done",
                recipients = recipients,
                count = composed.report.outputs.len(),
                output = Safe(composed.path.display().to_string()).to_string(),
                expires = carepost::when::show_date_time(&composed.expires)
            )
        )?;
        writeln!(w, "{}", tr!("eml-next-step"))
    })
}

/// What `send --eml` and `send --smtp` ask the composer for: the
/// documents, recipients and message text of `args`, written to `output`.
pub(super) fn compose_request(args: SendArgs, output: std::path::PathBuf) -> Result<ComposeRequest, Error> {
    let message = match (&args.message, &args.message_file) {
        (Some(text), _) => Some(text.clone()),
        (None, Some(path)) => Some(read_message_file(path)?),
        (None, None) => None,
    };
    Ok(ComposeRequest {
        inputs: args.files,
        recipients: args.to,
        unverified_ok: args.unverified_ok,
        subject: args.subject,
        message,
        retain: args.retain,
        output,
    })
}

fn read_message_file(path: &std::path::Path) -> Result<String, Error> {
    use std::io::Read;
    let fail = |reason: String| {
        Error::Usage(tr!("mail-message-file", path = Safe(path.display().to_string()).to_string(), reason = reason))
    };
    let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_MESSAGE_FILE + 1).read_to_end(&mut bytes).map_err(|e| fail(e.to_string()))?;
    if bytes.len() as u64 > MAX_MESSAGE_FILE {
        return Err(fail(carepost::format_size(MAX_MESSAGE_FILE)));
    }
    String::from_utf8(bytes)
        .map_err(|_| Error::Usage(tr!("mail-message-not-utf8", path = Safe(path.display().to_string()).to_string())))
}
