//! `carepost passphrase change | --to-keychain | --from-keychain`: the
//! arguments for changing the key's passphrase or moving it into the
//! keychain or out of it.

use clap::{ArgGroup, Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(
    group(ArgGroup::new("direction").required(true).args(["to_keychain", "from_keychain"])),
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct PassphraseArgs {
    #[command(subcommand)]
    pub action: Option<PassphraseAction>,
    #[arg(long)]
    pub to_keychain: bool,
    #[arg(long)]
    pub from_keychain: bool,
    /// The new passphrase for `--from-keychain`, from the first line of FILE.
    #[arg(long, value_name = "FILE", requires = "from_keychain")]
    pub new_passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum PassphraseAction {
    Change(ChangeArgs),
}

#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// The new passphrase, from the first line of FILE.
    #[arg(long, value_name = "FILE")]
    pub new_passphrase_file: Option<PathBuf>,
}
