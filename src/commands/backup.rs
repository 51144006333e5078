//! `carepost backup -o FILE` and `carepost restore FILE`: writes the
//! encrypted backup and shows its recovery code once; restores one into
//! an empty home and says what came back.

use crate::cli::backup::{BackupArgs, RestoreArgs};
use crate::ui::Output;
use carepost::backup::{self, code, restore::Restored, Written};
use carepost::error::BackupProblem;
use carepost::safe::Safe;
use carepost::{tr, when, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct BackupDone<'a> {
    #[serde(flatten)]
    written: &'a Written,
    /// The recovery code, when it was not written to
    /// `--recovery-code-file` (as `send` puts a generated password in its
    /// JSON): whoever asked for JSON is the one to keep it.
    recovery_code: Option<&'a str>,
    recovery_code_file: Option<String>,
}

pub fn backup(ctx: &mut Context<'_>, args: BackupArgs, out: &Output) -> Result<(), Error> {
    let code = code::generate()?;
    if let Some(path) = &args.recovery_code_file {
        backup::write_code_file(path, &code)?;
    }
    let written = match backup::create(ctx, &args.output, args.with_documents, &code) {
        Ok(written) => written,
        Err(e) => {
            // A code for a backup that was never written would mislead.
            if let Some(path) = &args.recovery_code_file {
                let _ = std::fs::remove_file(path);
            }
            return Err(e);
        }
    };
    let shown = args.recovery_code_file.is_none().then(|| code.expose());
    let done = BackupDone {
        written: &written,
        recovery_code: shown,
        recovery_code_file: args.recovery_code_file.as_ref().map(|p| p.display().to_string()),
    };
    out.result(&done, |w| {
        writeln!(
            w,
            "{}",
            tr!(
                "backup-written",
                file = Safe(&written.file).to_string(),
                contacts = written.contacts,
                verified = written.verified,
                documents = written.documents
            )
        )?;
        match shown {
            Some(code) => {
                writeln!(w, "\n{}\n\n    {code}\n", tr!("backup-code-intro"))?;
                writeln!(w, "{}", tr!("backup-code-keep"))?;
            }
            None => {
                let path = args.recovery_code_file.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
                writeln!(w, "{}", tr!("backup-code-in-file", path = Safe(path).to_string()))?;
            }
        }
        writeln!(w, "{}", tr!("backup-next"))
    })
}

pub fn restore(ctx: &mut Context<'_>, args: RestoreArgs, out: &Output) -> Result<(), Error> {
    let code = match &args.recovery_code_file {
        Some(path) => backup::read_code_file(path)?,
        None => ask_code(ctx)?,
    };
    let restored: Restored = backup::restore::restore(ctx, &args.file, &code)?;
    out.result(&restored, |w| {
        writeln!(
            w,
            "{}",
            tr!(
                "restore-done",
                home = Safe(&restored.home).to_string(),
                date = when::show_date(&restored.backup_created),
                contacts = restored.contacts,
                verified = restored.verified,
                records = restored.log_records
            )
        )?;
        if restored.documents > 0 {
            writeln!(w, "{}", tr!("restore-documents", count = restored.documents))?;
        }
        if restored.documents_left_behind > 0 {
            writeln!(w, "{}", tr!("restore-documents-left", count = restored.documents_left_behind))?;
        }
        writeln!(w, "{}", tr!("restore-next"))
    })
}

/// Asks for the recovery code on a terminal; a typo may be typed again,
/// three times in all.
fn ask_code(ctx: &Context<'_>) -> Result<carepost::secret::Passphrase, Error> {
    if !ctx.prompter.is_interactive() {
        return Err(Error::Backup(BackupProblem::NoCode));
    }
    let mut attempts = 0;
    loop {
        let typed = ctx.prompter.passphrase(&tr!("restore-prompt-code"))?;
        match code::parse(typed.expose()) {
            Err(Error::Backup(BackupProblem::CodeTypo)) if attempts < 2 => {
                attempts += 1;
                ctx.prompter.notice(&tr!("restore-code-typo-again"));
            }
            result => return result,
        }
    }
}
