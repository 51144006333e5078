//! Everything the binary says and asks: results on stdout (text or one
//! JSON document), notices and errors on stderr, prompts on the terminal.

use carepost::context::Prompter;
use carepost::secret::Passphrase;
use carepost::{tr, Error};
use serde::Serialize;
use std::io::{BufRead, IsTerminal, Write};

/// Where results go and in which form.
pub struct Output {
    pub json: bool,
}

impl Output {
    /// Emits a command's result: JSON on stdout with `--json`, otherwise
    /// the human rendering.
    pub fn result<T: Serialize>(
        &self,
        value: &T,
        human: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let written = if self.json {
            // Keep the I/O error's kind, so a closed pipe stays one.
            carepost::json::to_writer_pretty(&mut out, value)
                .map_err(|e| e.io_error_kind().map_or_else(|| std::io::Error::other(e), std::io::Error::from))
                .and_then(|()| writeln!(out))
        } else {
            human(&mut out)
        };
        written.and_then(|()| out.flush()).or_else(ignore_closed_pipe)
    }

    /// Writes bytes that are the result as they are, with or without
    /// `--json` (a completion script).
    pub fn raw(&self, bytes: &[u8]) -> Result<(), Error> {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        out.write_all(bytes).and_then(|()| out.flush()).or_else(ignore_closed_pipe)
    }

    /// A message for the user that is not the result (stderr).
    pub fn notice(&self, message: &str) {
        eprintln!("{message}");
    }

    pub fn warning(&self, message: &str) {
        eprintln!("{} {message}", tr!("label-warning"));
    }
}

/// `carepost … | head` closing the pipe early is not an error.
fn ignore_closed_pipe(e: std::io::Error) -> Result<(), Error> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(Error::io("io-write", "<stdout>", e))
    }
}

/// Prints an error as the contract wants it: `error:` then `hint:`.
pub fn report_error(error: &Error, json: bool) {
    let message = error.to_string();
    let hint = error.hint();
    // The result on stdout already says it.
    if json && !matches!(error, Error::InResult(_)) {
        let mut doc = serde_json::json!({
            "error": { "code": error.exit_status().code(), "message": message, "hint": hint }
        });
        if let Some((name, detail)) = error.json_detail() {
            doc["error"][name] = detail;
        }
        // Not println!: it panics when stdout is a closed pipe.
        let line = carepost::json::to_string(&doc).unwrap_or_else(|_| doc.to_string());
        let _ = writeln!(std::io::stdout().lock(), "{line}");
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{} {message}", tr!("label-error"));
    if let Some(hint) = hint {
        let _ = writeln!(err, "{} {hint}", tr!("label-hint"));
    }
}

/// Asks the person at the terminal; refuses when there is none.
pub struct Terminal;

impl Terminal {
    fn present() -> bool {
        std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }
}

impl Prompter for Terminal {
    fn is_interactive(&self) -> bool {
        Self::present()
    }

    fn passphrase(&self, prompt: &str) -> Result<Passphrase, Error> {
        if !Self::present() {
            return Err(Error::NoPassphrase);
        }
        rpassword::prompt_password(format!("{prompt} ")).map(Passphrase::new).map_err(|e| match e.kind() {
            // Ctrl-D or Ctrl-C: the user chose not to answer.
            std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::Interrupted => Error::PassphraseCancelled,
            _ => Error::io("io-read", "<terminal>", e),
        })
    }

    fn line(&self, prompt: &str) -> Result<String, Error> {
        if !Self::present() {
            return Err(Error::NotInteractive(prompt.to_owned()));
        }
        eprint!("{prompt} ");
        let _ = std::io::stderr().flush();
        read_answer(&mut std::io::stdin().lock())
    }

    fn notice(&self, message: &str) {
        eprintln!("{message}");
    }
}

/// One answer from `input`; the end of input (Ctrl-D) is a cancelled
/// prompt, not an I/O error.
fn read_answer(input: &mut dyn BufRead) -> Result<String, Error> {
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) => Err(Error::Cancelled),
        Ok(_) => Ok(line.trim_end_matches(['\n', '\r']).to_owned()),
        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Err(Error::Cancelled),
        Err(e) => Err(Error::io("io-read", "<terminal>", e)),
    }
}

/// Streaming progress on stderr, shown only for large documents and only
/// when a person watches stderr.
pub struct ProgressBar {
    bar: std::cell::RefCell<Option<indicatif::ProgressBar>>,
}

/// Documents smaller than this finish before a bar would be useful.
const PROGRESS_THRESHOLD: u64 = 16 << 20;

impl ProgressBar {
    pub fn for_stderr() -> ProgressBar {
        ProgressBar { bar: std::cell::RefCell::new(None) }
    }
}

impl carepost::send::Progress for ProgressBar {
    fn start(&self, total_bytes: u64) {
        if total_bytes < PROGRESS_THRESHOLD || !std::io::stderr().is_terminal() {
            return;
        }
        let bar = indicatif::ProgressBar::new(total_bytes);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {binary_bytes_per_sec} {eta}")
                .expect("static template"),
        );
        *self.bar.borrow_mut() = Some(bar);
    }

    fn advance(&self, bytes: u64) {
        if let Some(bar) = &*self.bar.borrow() {
            bar.inc(bytes);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.borrow_mut().take() {
            bar.finish_and_clear();
        }
    }
}

/// Label–value lines with the values in one column, as wide as the
/// longest label in the user's language ("Vingerafdruk:" is longer than
/// "Fingerprint:").
pub fn write_fields(w: &mut dyn Write, fields: &[(String, String)]) -> std::io::Result<()> {
    let width = fields.iter().map(|(label, _)| label.chars().count()).max().unwrap_or(0);
    for (label, value) in fields {
        writeln!(w, "{label:<width$} {value}")?;
    }
    Ok(())
}

/// Reports what clap found wrong with the command line in the contract's
/// style (`error:` then `hint:`, exit 2), or prints the help or version it
/// was asked for (stdout, exit 0). clap's own rendering is English, so the
/// sentences come from the catalogue, filled from the error's context.
pub fn report_usage_error(error: &clap::Error) -> std::process::ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = write!(std::io::stdout().lock(), "{}", crate::cli::fix_usage(&error.render().to_string()));
            return std::process::ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = write!(std::io::stderr().lock(), "{}", crate::cli::fix_usage(&error.render().to_string()));
            return std::process::ExitCode::from(carepost::ExitStatus::Usage.code() as u8);
        }
        _ => {}
    }
    let (message, hint) = usage_error_text(error);
    let code = carepost::ExitStatus::Usage.code();
    // Under --json a script gets the same object as for any other error.
    let json = std::env::args_os().skip(1).take_while(|a| a != "--").any(|a| a == "--json");
    if json {
        let doc = serde_json::json!({ "error": { "code": code, "message": message, "hint": hint } });
        let line = carepost::json::to_string(&doc).unwrap_or_else(|_| doc.to_string());
        let _ = writeln!(std::io::stdout().lock(), "{line}");
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{} {message}", tr!("label-error"));
    let _ = writeln!(err, "{} {hint}", tr!("label-hint"));
    std::process::ExitCode::from(code as u8)
}

/// The message and hint for a usage error, by its kind and context.
fn usage_error_text(error: &clap::Error) -> (String, String) {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind: ContextKind| -> Option<String> {
        match error.get(kind)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(v) if !v.is_empty() => Some(v.join(", ")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    // The usage line without clap's English title.
    let usage = context(ContextKind::Usage)
        .map(|u| crate::cli::fix_usage(u.split_once(' ').map_or(u.as_str(), |(_, rest)| rest).trim()));
    let command = crate::cli::command_path(std::env::args_os());
    let see_help = || tr!("cli-hint-help", command = command.clone());
    let with_usage = || usage.clone().map_or_else(see_help, |usage| tr!("cli-hint-usage", usage = usage));
    let arg = context(ContextKind::InvalidArg).unwrap_or_default();
    let suggestion = context(ContextKind::SuggestedArg)
        .or_else(|| context(ContextKind::SuggestedSubcommand))
        .or_else(|| context(ContextKind::SuggestedValue));
    let hint_or_suggestion = |fallback: String| match &suggestion {
        Some(s) => tr!("cli-hint-did-you-mean", suggestion = s.clone(), command = command.clone()),
        None => fallback,
    };
    match error.kind() {
        ErrorKind::UnknownArgument => (tr!("cli-error-unknown-argument", arg = arg), hint_or_suggestion(see_help())),
        ErrorKind::InvalidSubcommand => {
            let name = context(ContextKind::InvalidSubcommand).unwrap_or_default();
            (tr!("cli-error-unknown-command", command = name), hint_or_suggestion(see_help()))
        }
        ErrorKind::MissingRequiredArgument => (tr!("cli-error-missing-argument", args = arg), with_usage()),
        ErrorKind::MissingSubcommand => {
            let name = context(ContextKind::InvalidSubcommand).unwrap_or(command.clone());
            (tr!("cli-error-missing-command", command = name), see_help())
        }
        ErrorKind::InvalidValue => {
            let value = context(ContextKind::InvalidValue).unwrap_or_default();
            let hint = match context(ContextKind::ValidValue) {
                Some(values) => tr!("cli-hint-valid-values", values = values),
                None => hint_or_suggestion(see_help()),
            };
            (tr!("cli-error-invalid-value", value = value, arg = arg), hint)
        }
        ErrorKind::ValueValidation => {
            // Our value parsers' messages come from the catalogue.
            use std::error::Error as _;
            let reason = error.source().map(|e| e.to_string()).unwrap_or_default();
            (tr!("cli-error-rejected-value", arg = arg, reason = reason), see_help())
        }
        ErrorKind::ArgumentConflict => {
            let other = context(ContextKind::PriorArg).unwrap_or_default();
            (tr!("cli-error-conflict", arg = arg, other = other), with_usage())
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues | ErrorKind::NoEquals => {
            (tr!("cli-error-values", arg = arg), with_usage())
        }
        ErrorKind::InvalidUtf8 => (tr!("cli-error-not-utf8"), see_help()),
        _ => (tr!("cli-error-other"), with_usage()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_of_input_at_a_prompt_is_cancelled() {
        assert!(matches!(read_answer(&mut &b""[..]), Err(Error::Cancelled)));
        assert_eq!(read_answer(&mut &b"E582 94F2\r\n"[..]).unwrap(), "E582 94F2");
        assert_eq!(read_answer(&mut &b"\n"[..]).unwrap(), "");
        assert_eq!(Error::Cancelled.exit_status().code(), 1);
        assert_eq!(Error::PassphraseCancelled.exit_status().code(), 5);
    }
}
