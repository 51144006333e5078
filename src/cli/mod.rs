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
#[command(
    after_help = "Start with `carepost init --name NAME --email EMAIL`, then `carepost contact add`."
)]
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
    #[arg(
        long,
        global = true,
        env = "CAREPOST_PASSPHRASE_FILE",
        value_name = "FILE"
    )]
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
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
