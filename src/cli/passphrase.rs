//! `carepost passphrase`: the arguments for moving the identity's
//! passphrase into the keychain or out of it (`change` is planned).

use clap::{ArgGroup, Args};

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("direction").required(true).args(["to_keychain", "from_keychain"])))]
pub struct PassphraseArgs {
    #[arg(long)]
    pub to_keychain: bool,
    #[arg(long)]
    pub from_keychain: bool,
}
