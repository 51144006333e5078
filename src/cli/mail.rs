//! `carepost mail setup|show|retry|cancel`: the verbs and their arguments.

use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Store the mail server to send through; the password goes to the OS keychain
    Setup(MailSetupArgs),
    /// Show the mail server settings (never the password) and what is waiting to be sent
    Show,
    /// Send the encrypted emails still waiting in the outbox
    Retry(MailRetryArgs),
    /// Stop trying to send a waiting email (its encrypted file stays until its retention ends)
    Cancel(MailCancelArgs),
}

#[derive(Debug, Args)]
pub struct MailSetupArgs {
    /// The mail server's name, e.g. smtp.example.nl
    #[arg(long, value_name = "HOST")]
    pub host: String,
    /// The port: 587 for STARTTLS, 465 for implicit TLS
    #[arg(long, value_name = "PORT", value_parser = clap::value_parser!(u16).range(1..))]
    pub port: u16,
    /// The user name to log in with
    #[arg(long, value_name = "USER")]
    pub user: String,
    /// The address the server should send from (usually your own)
    #[arg(long, value_name = "ADDRESS")]
    pub from: String,
    /// How the connection is encrypted (default: implicit on port 465, else STARTTLS)
    #[arg(long, value_enum, value_name = "MODE")]
    pub tls: Option<TlsArg>,
    /// Also trust this CA certificate (PEM), for a practice's own mail server
    #[arg(long, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
    /// Read the password from the first line of FILE (stored in the OS keychain) instead of asking
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Permit `--tls none`, only to a relay on this computer (127.0.0.1, ::1, localhost)
    #[arg(long)]
    pub allow_plaintext_loopback: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TlsArg {
    /// A plain connection upgraded to TLS before anything is sent (port 587)
    Starttls,
    /// TLS from the first byte (port 465)
    Implicit,
    /// No encryption: only with --allow-plaintext-loopback, to a local relay
    None,
}

#[derive(Debug, Args)]
pub struct MailCancelArgs {
    /// The email's Message-ID, as `carepost mail show` lists it
    #[arg(value_name = "MESSAGE-ID")]
    pub message_id: String,
}

#[derive(Debug, Args)]
pub struct MailRetryArgs {
    /// Send this email again although it may have been delivered already
    /// (after checking with the recipient that it did not arrive)
    #[arg(long, value_name = "MESSAGE-ID")]
    pub resend: Option<String>,
}
