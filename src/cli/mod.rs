//! The command line: argument definitions only. Behaviour lives in
//! `commands/`, mirroring this tree: the arguments of each command are in
//! `cli/<command>.rs`, those of every verb of an object (`contact`,
//! `mail`, `retention`, `files`) in `cli/<object>.rs`. `tour` and `status`
//! take no arguments of their own. This file holds `carepost` itself: the
//! global options and the list of commands.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub mod contact;
pub mod export;
pub mod export_key;
pub mod files;
pub mod init;
pub mod log;
pub mod mail;
pub mod open;
pub mod purge;
pub mod retention;
pub mod send;
pub mod whoami;

use contact::ContactCommand;
use export::ExportArgs;
use export_key::ExportKeyArgs;
use files::FilesArgs;
use init::InitArgs;
use log::LogArgs;
use mail::MailCommand;
use open::OpenArgs;
use purge::PurgeArgs;
use retention::RetentionCommand;
use send::SendArgs;
use whoami::WhoamiArgs;

/// Send consult documents end-to-end encrypted, only to people whose key
/// you confirmed by phone.
#[derive(Debug, Parser)]
#[command(name = "carepost", version, about, long_about = None, propagate_version = true)]
#[command(after_help = "Start with `carepost init --name NAME --email EMAIL`, then `carepost contact add`.")]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after any command.
#[derive(Debug, Args)]
pub struct Global {
    /// Data home (default: the platform's data directory, e.g. ~/.local/share/carepost)
    #[arg(long, global = true, env = "CAREPOST_HOME", value_name = "DIR")]
    pub home: Option<PathBuf>,

    /// Print the result as one JSON document on stdout
    #[arg(long, global = true)]
    pub json: bool,

    /// Read the key passphrase from the first line of FILE instead of the keychain or a prompt
    #[arg(long, global = true, env = "CAREPOST_PASSPHRASE_FILE", value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,

    /// Never use the OS keychain
    #[arg(long, global = true, env = "CAREPOST_NO_KEYCHAIN")]
    pub no_keychain: bool,

    /// Read the mail server password from the first line of FILE instead of the keychain or a prompt
    #[arg(long, global = true, env = "CAREPOST_SMTP_PASSWORD_FILE", value_name = "FILE")]
    pub smtp_password_file: Option<PathBuf>,

    /// The language to speak: nl, fr or en (default: CAREPOST_LANG, then the locale)
    // Read by `main` before clap parses (help text depends on it); here so
    // that clap accepts it everywhere and reports a bad value.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

/// The values of `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Nl,
    Fr,
    En,
}

impl From<LangArg> for carepost::i18n::Language {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Nl => carepost::i18n::Language::Nl,
            LangArg::Fr => carepost::i18n::Language::Fr,
            LangArg::En => carepost::i18n::Language::En,
        }
    }
}

/// The language `--lang X` or `--lang=X` asks for, found in the raw
/// arguments before clap parses them, since clap's help and errors are
/// already in the chosen language. Scanning stops at `--`; a value that is
/// not a language is left for clap to report.
pub fn lang_from_args<I, S>(args: I) -> Option<carepost::i18n::Language>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut args = args.into_iter();
    let mut found = None;
    while let Some(arg) = args.next() {
        let Some(arg) = arg.as_ref().to_str() else { continue };
        if arg == "--" {
            break;
        }
        let value = if arg == "--lang" {
            args.next().and_then(|v| v.as_ref().to_str().map(str::to_owned))
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            Some(value.to_owned())
        } else {
            continue;
        };
        // The last one wins, as clap takes it.
        found = value.as_deref().and_then(carepost::i18n::Language::from_code);
    }
    found
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create this home's identity: your key pair
    Init(InitArgs),
    /// Show your name, email and fingerprint, to read out to contacts
    Whoami(WhoamiArgs),
    /// Write your public key, to give to contacts
    ExportKey(ExportKeyArgs),
    /// Manage contacts: add, verify, list, show, update, remove
    #[command(subcommand)]
    Contact(ContactCommand),
    /// Encrypt and sign documents for verified contacts
    Send(SendArgs),
    /// Decrypt a received document and check who sent it
    Open(OpenArgs),
    /// Walk through a whole exchange between a clinician and a patient,
    /// in a temporary folder (touches nothing of yours)
    Tour,
    /// Show or change how long documents are kept
    #[command(subcommand)]
    Retention(RetentionCommand),
    /// Delete documents whose retention has ended
    Purge(PurgeArgs),
    /// Show what this home keeps, until when, and how it is protected
    #[command(visible_alias = "doctor")]
    Status,
    /// Show the audit log, or check that nobody changed it
    Log(LogArgs),
    /// List the files carepost manages, with their expiry
    Files(FilesArgs),
    /// Decrypt a sealed document (see `open --sealed`)
    Export(ExportArgs),
    /// Set up email delivery, and send what is still waiting
    #[command(subcommand)]
    Mail(MailCommand),
}

/// Parses `--retain` durations (`send` and `open`).
pub fn parse_retain(text: &str) -> Result<std::time::Duration, String> {
    carepost::retention::parse_duration(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn lang_is_found_before_parsing() {
        use carepost::i18n::Language;
        assert_eq!(lang_from_args(["carepost", "--lang", "nl", "whoami"]), Some(Language::Nl));
        assert_eq!(lang_from_args(["carepost", "whoami", "--lang=fr"]), Some(Language::Fr));
        assert_eq!(lang_from_args(["carepost", "--lang", "nl", "--lang", "en"]), Some(Language::En));
        assert_eq!(lang_from_args(["carepost", "--lang", "de"]), None);
        assert_eq!(lang_from_args(["carepost", "--lang"]), None);
        assert_eq!(lang_from_args(["carepost", "send", "--", "--lang", "nl"]), None);
        assert_eq!(lang_from_args(["carepost", "whoami"]), None);
    }
}
