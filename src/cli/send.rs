//! `carepost send`: the arguments for sending documents, as encrypted
//! files, as one encrypted email (`--eml`) or through the mail server
//! (`--smtp`).

use super::parse_retain;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The documents to send (one encrypted file is made per document)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// A contact to send to (repeat for several)
    #[arg(long = "to", required = true, value_name = "ALIAS")]
    pub to: Vec<String>,
    /// Folder for the encrypted files (default: the home's outbox)
    #[arg(short = 'o', long = "output-dir", value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// Write ASCII-armored text (.asc) instead of binary (.pgp)
    #[arg(long)]
    pub armor: bool,
    /// Keep the document's real name on the encrypted file too (it is
    /// always inside the encryption)
    #[arg(long)]
    pub keep_name: bool,
    /// Send to contacts who are not verified, for this recorded reason.
    /// The reason is kept in the audit log for years: never write a
    /// patient's name, email or other identifying detail in it
    #[arg(long, value_name = "REASON")]
    pub unverified_ok: Option<String>,
    /// Keep the encrypted files this long (e.g. 30d) instead of the
    /// `sent` retention
    #[arg(long, value_name = "DURATION", value_parser = parse_retain)]
    pub retain: Option<std::time::Duration>,
    /// Write one encrypted email (PGP/MIME) holding every document to
    /// FILE, instead of one encrypted file per document
    #[arg(long, value_name = "OUT.eml", conflicts_with_all = ["output_dir", "armor", "keep_name"])]
    pub eml: Option<PathBuf>,
    /// The email's subject; it travels only inside the encryption
    #[arg(long, value_name = "TEXT")]
    pub subject: Option<String>,
    /// The email's message text
    #[arg(long, value_name = "TEXT", conflicts_with = "message_file")]
    pub message: Option<String>,
    /// Read the email's message text from FILE (UTF-8)
    #[arg(long, value_name = "FILE")]
    pub message_file: Option<PathBuf>,
    /// Compose one encrypted email (PGP/MIME) into the outbox and deliver
    /// it through the mail server set up with `carepost mail setup`
    #[arg(long, conflicts_with_all = ["eml", "output_dir", "armor", "keep_name"])]
    pub smtp: bool,
}
