//! `carepost passphrase`: the arguments for moving the identity's
//! passphrase (`--to-keychain`; `change` and `--from-keychain` are planned).

use clap::Args;

#[derive(Debug, Args)]
pub struct PassphraseArgs {
    #[arg(long, required = true)]
    pub to_keychain: bool,
}
