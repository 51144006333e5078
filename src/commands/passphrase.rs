//! `carepost passphrase change | --to-keychain | --from-keychain`: protects
//! the key with a new passphrase, or moves its protection into the OS
//! keychain or out of it, and says what became of any old passphrase file.

use crate::cli::passphrase::{PassphraseAction, PassphraseArgs};
use crate::ui::Output;
use carepost::passphrase::{self, Changed, Moved};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct Done {
    /// `stored`, `replaced` or `already-there`; `removed` for `--from-keychain`;
    /// for `change`, `rotated` (a fresh passphrase in it) or `none`.
    keychain: &'static str,
    /// Whether the key is now protected by another passphrase.
    changed: bool,
}

pub fn run(ctx: &mut Context<'_>, args: PassphraseArgs, out: &Output) -> Result<(), Error> {
    if let Some(PassphraseAction::Change(change)) = args.action {
        let changed = passphrase::change(ctx, change.new_passphrase_file.as_deref())?;
        let keychain = if changed == Changed::Rotated { "rotated" } else { "none" };
        return out.result(&Done { keychain, changed: true }, |w| {
            match changed {
                Changed::Rotated => writeln!(w, "{}", tr!("passphrase-changed-rotated"))?,
                Changed::Chosen => writeln!(w, "{}", tr!("passphrase-changed-chosen"))?,
            }
            old_file(ctx, w)
        });
    }
    if args.from_keychain {
        return from_keychain(ctx, args.new_passphrase_file, out);
    }
    let moved = passphrase::to_keychain(ctx)?;
    out.result(&Done { keychain: moved.code(), changed: moved != Moved::AlreadyThere }, |w| {
        let said = match moved {
            Moved::Stored => tr!("passphrase-moved-stored"),
            Moved::Replaced => tr!("passphrase-moved-replaced"),
            Moved::AlreadyThere => tr!("passphrase-moved-already"),
        };
        writeln!(w, "{said}")?;
        if moved != Moved::AlreadyThere {
            old_file(ctx, w)?;
        }
        Ok(())
    })
}

/// The passphrase file the user gave no longer opens the key. It stays:
/// it may open an old copy of the key (a backup), and deleting a file
/// does not wipe it from an SSD (docs/security-model.md).
fn old_file(ctx: &Context<'_>, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    if let Some(path) = &ctx.secrets.passphrase_file {
        writeln!(w, "{}", tr!("passphrase-old-file", path = Safe(path.display().to_string()).to_string()))?;
    }
    Ok(())
}

fn from_keychain(ctx: &mut Context<'_>, new_file: Option<std::path::PathBuf>, out: &Output) -> Result<(), Error> {
    // Before this release `--passphrase-file NEW` named a new file for the
    // keychain's passphrase; now the user chooses the new one.
    if new_file.is_none() && ctx.secrets.passphrase_file.as_ref().is_some_and(|p| !p.exists()) {
        return Err(Error::Usage(tr!("passphrase-from-keychain-new-file")));
    }
    passphrase::from_keychain(ctx, new_file.as_deref())?;
    out.result(&Done { keychain: "removed", changed: true }, |w| {
        writeln!(w, "{}", tr!("passphrase-moved-out"))?;
        if let Some(path) = &new_file {
            writeln!(w, "{}", tr!("passphrase-new-file", path = Safe(path.display().to_string()).to_string()))?;
        }
        Ok(())
    })
}
