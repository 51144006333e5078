//! `carepost mail setup|show|retry|cancel`: the verbs and their arguments.

use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    Setup(MailSetupArgs),
    Show,
    Retry(MailRetryArgs),
    Cancel(MailCancelArgs),
}

#[derive(Debug, Args)]
pub struct MailSetupArgs {
    #[arg(long, value_name = "HOST")]
    pub host: String,
    #[arg(long, value_name = "PORT", value_parser = parse_port)]
    pub port: u16,
    #[arg(long, value_name = "USER")]
    pub user: String,
    #[arg(long, value_name = "ADDRESS")]
    pub from: String,
    #[arg(long, value_enum, value_name = "MODE")]
    pub tls: Option<TlsArg>,
    #[arg(long, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    #[arg(long)]
    pub allow_plaintext_loopback: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TlsArg {
    Starttls,
    Implicit,
    None,
}

#[derive(Debug, Args)]
pub struct MailCancelArgs {
    #[arg(value_name = "MESSAGE-ID")]
    pub message_id: String,
}

#[derive(Debug, Args)]
pub struct MailRetryArgs {
    #[arg(long, value_name = "MESSAGE-ID")]
    pub resend: Option<String>,
}

/// Parses a TCP port, 1 to 65535 (clap's own range check speaks English).
pub fn parse_port(text: &str) -> Result<u16, String> {
    match text.trim().parse::<u16>() {
        Ok(port) if port > 0 => Ok(port),
        _ => Err(carepost::tr!("cli-error-not-a-port", text = text)),
    }
}
