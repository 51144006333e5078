//! The command line: argument definitions only. Behaviour lives in
//! `commands/`, one file per command, mirroring this tree.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

mod contact;
pub use contact::*;

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
    /// Send to contacts who are not verified, for this recorded reason
    #[arg(long, value_name = "REASON")]
    pub unverified_ok: Option<String>,
}

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The encrypted file (.pgp, .gpg or .asc)
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
}

/// Parses `123`, `64K`, `500M`, `4G` (binary units).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len()));
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("'{text}' is not a size such as 500M or 4G"))?;
    let factor: u64 = match unit
        .trim()
        .to_ascii_uppercase()
        .trim_end_matches("IB")
        .trim_end_matches('B')
    {
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
