//! The command line: argument definitions only. Behaviour lives in
//! `commands/`, mirroring this tree: the arguments of each command are in
//! `cli/<command>.rs`, those of every verb of an object (`contact`,
//! `mail`, `retention`, `files`) in `cli/<object>.rs`. `tour` and `status`
//! take no arguments of their own; `cli/generate.rs` has those of the
//! hidden packaging commands (`manpages`, `systemd-units`). This file
//! holds `carepost` itself: the global options and the list of commands.

use clap::{Args, CommandFactory, Parser, Subcommand};
use std::path::PathBuf;

pub mod completions;
pub mod contact;
pub mod export;
pub mod export_key;
pub mod files;
pub mod generate;
pub mod init;
pub mod log;
pub mod mail;
pub mod open;
pub mod purge;
pub mod retention;
pub mod send;
pub mod whoami;

use completions::CompletionsArgs;
use contact::ContactCommand;
use export::ExportArgs;
use export_key::ExportKeyArgs;
use files::FilesArgs;
use generate::GenerateArgs;
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
    /// Print the shell completion script for bash, zsh or fish
    Completions(CompletionsArgs),
    /// Write one man page per command into DIR (for packaging)
    #[command(hide = true)]
    Manpages(GenerateArgs),
    /// Write the systemd user units of the hourly purge into DIR (for packaging)
    #[command(hide = true)]
    SystemdUnits(GenerateArgs),
}

/// The whole command line as clap sees it: what completions and man pages
/// are generated from.
pub fn command() -> clap::Command {
    Cli::command()
}

/// Parses `--retain` durations (`send` and `open`).
pub fn parse_retain(text: &str) -> Result<std::time::Duration, String> {
    carepost::retention::parse_duration(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
