//! `carepost send`: the arguments for sending documents, as encrypted
//! files, as one encrypted email (`--eml`) or through the mail server
//! (`--smtp`).

use super::parse_retain;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct SendArgs {
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long = "to", required = true, value_name = "ALIAS")]
    pub to: Vec<String>,
    #[arg(short = 'o', long = "output-dir", value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    #[arg(long)]
    pub armor: bool,
    #[arg(long)]
    pub keep_name: bool,
    #[arg(long, value_name = "REASON")]
    pub unverified_ok: Option<String>,
    #[arg(long, value_name = "DURATION", value_parser = parse_retain)]
    pub retain: Option<std::time::Duration>,
    #[arg(long, value_name = "OUT.eml", conflicts_with_all = ["output_dir", "armor", "keep_name"])]
    pub eml: Option<PathBuf>,
    #[arg(long, value_name = "TEXT")]
    pub subject: Option<String>,
    #[arg(long, value_name = "TEXT", conflicts_with = "message_file")]
    pub message: Option<String>,
    #[arg(long, value_name = "FILE")]
    pub message_file: Option<PathBuf>,
    #[arg(long, conflicts_with_all = ["eml", "output_dir", "armor", "keep_name"])]
    pub smtp: bool,
    /// The password path for every recipient, even one with a key.
    #[arg(long)]
    pub password: bool,
    /// What a password recipient receives (default: pdf).
    #[arg(long, value_name = "pdf|openpgp", value_parser = ["pdf", "openpgp"])]
    pub format: Option<String>,
    /// The user has told (or will tell) the password: no question asked.
    #[arg(long)]
    pub password_told: bool,
}
