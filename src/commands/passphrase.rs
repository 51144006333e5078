//! `carepost passphrase --to-keychain | --from-keychain`: moves the
//! identity's passphrase into the OS keychain or out of it into a file, and
//! says what to do with the file.

use crate::cli::passphrase::PassphraseArgs;
use crate::ui::Output;
use carepost::passphrase::{self, Moved};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct Done {
    /// `stored`, `replaced` or `already-there`; `removed` for `--from-keychain`.
    keychain: &'static str,
}

pub fn run(ctx: &mut Context<'_>, args: PassphraseArgs, out: &Output) -> Result<(), Error> {
    if args.from_keychain {
        return from_keychain(ctx, out);
    }
    let moved = passphrase::to_keychain(ctx)?;
    out.result(&Done { keychain: moved.code() }, |w| {
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

fn from_keychain(ctx: &mut Context<'_>, out: &Output) -> Result<(), Error> {
    let Some(path) = ctx.secrets.passphrase_file.clone() else {
        return Err(Error::Usage(tr!("passphrase-from-keychain-needs-file")));
    };
    passphrase::from_keychain(ctx, &path)?;
    out.result(&Done { keychain: "removed" }, |w| {
        writeln!(w, "{}", tr!("passphrase-moved-to-file", path = Safe(path.display().to_string()).to_string()))
    })
}
