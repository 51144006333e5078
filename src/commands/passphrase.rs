//! `carepost passphrase --to-keychain`: moves the identity's passphrase
//! into the OS keychain and says what to do with the old passphrase file.

use crate::cli::passphrase::PassphraseArgs;
use crate::ui::Output;
use carepost::passphrase::{self, Moved};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct ToKeychain {
    /// `stored`, `replaced` or `already-there`.
    keychain: &'static str,
}

pub fn run(ctx: &mut Context<'_>, args: PassphraseArgs, out: &Output) -> Result<(), Error> {
    debug_assert!(args.to_keychain, "clap requires --to-keychain");
    let moved = passphrase::to_keychain(ctx)?;
    let result = ToKeychain { keychain: moved.code() };
    out.result(&result, |w| {
        let said = match moved {
            Moved::Stored => tr!("passphrase-moved-stored"),
            Moved::Replaced => tr!("passphrase-moved-replaced"),
            Moved::AlreadyThere => tr!("passphrase-moved-already"),
        };
        writeln!(w, "{said}")?;
        // The file stays: it may be the user's backup, and deleting a file
        // does not wipe it from an SSD (docs/security-model.md).
        if let Some(path) = &ctx.secrets.passphrase_file {
            writeln!(w, "{}", tr!("passphrase-old-file", path = Safe(path.display().to_string()).to_string()))?;
        }
        Ok(())
    })
}
