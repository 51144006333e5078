//! The command line: argument definitions only. Behaviour lives in
//! `commands/`, one file per command, mirroring this tree.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

mod contact;
mod mail;
pub use contact::*;
pub use mail::*;

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
}

#[derive(Debug, Subcommand)]
pub enum RetentionCommand {
    /// Show the retention periods
    Show,
    /// Change retention periods, e.g. `sent=30d received=7d` (keys: sent,
    /// received, view, max, log; units: m, h, d, w, y)
    Set {
        #[arg(required = true, value_name = "KEY=DURATION")]
        assignments: Vec<String>,
    },
}

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// Show what would be deleted, delete nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Install an hourly purge (a systemd user timer on Linux)
    #[arg(long, conflicts_with_all = ["uninstall_timer", "dry_run"])]
    pub install_timer: bool,
    /// Remove the hourly purge
    #[arg(long, conflicts_with = "dry_run")]
    pub uninstall_timer: bool,
    /// Say nothing unless something needs attention (for the timer)
    #[arg(long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Verify the whole log: exit 0 when intact, 4 when it was changed
    #[arg(long, conflicts_with_all = ["since", "action", "contact"])]
    pub check: bool,
    /// Rebuild the state database from the audit log after it was lost
    /// or replaced by an older copy: the log's head and the documents in
    /// the inbox and outbox (contacts must be added again)
    #[arg(long, conflicts_with_all = ["check", "since", "action", "contact"])]
    pub rebuild_state: bool,
    /// Only records from this date or time on (e.g. 2026-11-01)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<std::time::SystemTime>,
    /// Only records of this action (e.g. send, open, verify, purge)
    #[arg(long, value_name = "ACTION")]
    pub action: Option<String>,
    /// Only records about this contact
    #[arg(long, value_name = "ALIAS")]
    pub contact: Option<String>,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct FilesArgs {
    /// Include files already deleted, gone or changed
    #[arg(long)]
    pub all: bool,
    #[command(subcommand)]
    pub action: Option<FilesAction>,
}

#[derive(Debug, Subcommand)]
pub enum FilesAction {
    /// Take one file out of carepost's care: it stays, and is never deleted
    Release {
        /// The file's id (see `carepost files`)
        id: i64,
    },
    /// Delete one document now, before its expiry (only if unchanged)
    Delete {
        /// The file's id (see `carepost files`)
        id: i64,
    },
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The sealed document's id (see `carepost files`)
    pub id: i64,
    /// Folder to write it to (default: the home's inbox)
    #[arg(short = 'o', long = "output-dir", value_name = "DIR", conflicts_with = "view")]
    pub output_dir: Option<std::path::PathBuf>,
    /// Show it in a viewer instead of saving it
    #[arg(long)]
    pub view: bool,
}

/// Parses `2026-11-01` or a full RFC 3339 time.
pub fn parse_date(text: &str) -> Result<std::time::SystemTime, String> {
    if let Some(t) = carepost::parse_time(text) {
        return Ok(t);
    }
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|dt| std::time::SystemTime::from(dt.and_utc()))
        .ok_or_else(|| format!("'{text}' is not a date such as 2026-11-01"))
}

/// Parses `--retain` durations.
pub fn parse_retain(text: &str) -> Result<std::time::Duration, String> {
    carepost::retention::parse_duration(text).map_err(|e| e.to_string())
}

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

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The encrypted file (.pgp, .gpg or .asc), or a received email (.eml)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Folder for the document (default: the home's inbox)
    #[arg(short = 'o', long = "output-dir", value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// Refuse documents not signed by a verified contact
    #[arg(long)]
    pub require_verified_sender: bool,
    /// Largest document to write, e.g. 500M or 4G (default: 100 times the
    /// encrypted file, at least 1G)
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_size: Option<u64>,
    /// Keep the document this long (e.g. 30d) instead of the retention
    /// for its kind
    #[arg(long, value_name = "DURATION", value_parser = parse_retain)]
    pub retain: Option<std::time::Duration>,
    /// Show the document in a viewer without saving it; the copy is
    /// deleted when the viewer closes or after the `view` retention
    #[arg(long, conflicts_with_all = ["output_dir", "sealed"])]
    pub view: bool,
    /// Keep the document encrypted under its own key; expiry destroys the
    /// key (use `carepost export ID` to read it)
    #[arg(long, conflicts_with = "output_dir")]
    pub sealed: bool,
    /// For an email that is not encrypted: save its attachments anyway
    #[arg(long)]
    pub accept_unencrypted: bool,
    /// For an email with an Autocrypt header: add its key as the new,
    /// unverified contact ALIAS
    #[arg(long, value_name = "ALIAS")]
    pub add_autocrypt: Option<String>,
}

/// Parses `123`, `64K`, `500M`, `4G` (binary units).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len()));
    let number: u64 = digits.parse().map_err(|_| format!("'{text}' is not a size such as 500M or 4G"))?;
    let factor: u64 = match unit.trim().to_ascii_uppercase().trim_end_matches("IB").trim_end_matches('B') {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        "T" => 1 << 40,
        _ => return Err(format!("'{text}' is not a size such as 500M or 4G")),
    };
    match number.checked_mul(factor) {
        Some(0) | None => Err(format!("'{text}' is not a usable size")),
        Some(n) => Ok(n),
    }
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Your name as contacts should see it, e.g. "Dr. A. Jansen"
    #[arg(long)]
    pub name: String,
    /// Your email address
    #[arg(long)]
    pub email: String,
}

#[derive(Debug, Args)]
pub struct WhoamiArgs {
    /// Also draw the fingerprint as a QR code (scan it with OpenKeychain)
    #[arg(long)]
    pub qr: bool,
    /// Write the QR code as an SVG image to FILE, for printing
    #[arg(long, value_name = "FILE")]
    pub qr_svg: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportKeyArgs {
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("123"), Ok(123));
        assert_eq!(parse_size("64K"), Ok(65536));
        assert_eq!(parse_size("500M"), Ok(500 << 20));
        assert_eq!(parse_size("4GiB"), Ok(4 << 30));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5X").is_err());
    }

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
