//! Where an existing identity's passphrase is kept, and moving it: into the
//! OS keychain (`carepost passphrase --to-keychain`) once one is available
//! for an identity made without it, and whether to offer that; out of it
//! into a private file (`--from-keychain`).
//!
//! The passphrase stays the same: the key is not re-encrypted, so a copy
//! the user kept (a file, a note in a safe) still unlocks it.

use crate::audit::{self, Action, Event, Outcome};
use crate::context::PassphraseSource;
use crate::error::{Error, Result};
use crate::identity::Purpose;
use crate::secret::Passphrase;
use crate::{keychain, Context};
use std::path::Path;
use zeroize::Zeroizing;

/// What `to_keychain` found in the keychain and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// The keychain had no entry for this identity; it has one now.
    Stored,
    /// The keychain held another passphrase (stale, or wrong); the one that
    /// unlocks the key replaced it.
    Replaced,
    /// The keychain already held this passphrase; nothing was written.
    AlreadyThere,
}

impl Moved {
    /// The code for the audit record and JSON: never the secret.
    pub fn code(self) -> &'static str {
        match self {
            Moved::Stored => "stored",
            Moved::Replaced => "replaced",
            Moved::AlreadyThere => "already-there",
        }
    }
}

/// What moving `wanted` into the keychain does, given what the keychain
/// holds now (`current`): the pure part of [`to_keychain`].
fn decide(current: Result<Passphrase>, wanted: &Passphrase) -> Result<Moved> {
    match current {
        Ok(held) if held.expose() == wanted.expose() => Ok(Moved::AlreadyThere),
        Ok(_) => Ok(Moved::Replaced),
        Err(Error::KeychainMissingEntry) => Ok(Moved::Stored),
        Err(e) => Err(e),
    }
}

/// Moves the identity's passphrase into the keychain. The passphrase comes
/// from the user (file or prompt, never the keychain itself) and must
/// unlock the key before anything is written; what is written is read back.
/// The user's passphrase file is left alone: deleting is theirs to decide.
pub fn to_keychain(ctx: &mut Context<'_>) -> Result<Moved> {
    if ctx.secrets.no_keychain {
        return Err(Error::Usage(crate::tr!("passphrase-to-keychain-no-keychain")));
    }
    let passphrase = ctx.user_passphrase()?;
    ctx.unlock_with(&passphrase, Purpose::Sign)?;
    let fingerprint = ctx.identity_ref()?.fingerprint_hex();
    let moved = decide(keychain::load(&fingerprint), &passphrase)?;
    if moved != Moved::AlreadyThere {
        keychain::store_checked(&fingerprint, &passphrase)?;
    }
    let was_in_keychain = ctx.passphrase_in_keychain()?;
    if moved == Moved::AlreadyThere && was_in_keychain {
        return Ok(moved);
    }
    ctx.remember_passphrase_source(PassphraseSource::Keychain)?;
    audit::record(
        ctx,
        Event::new(Action::PassphraseToKeychain, Outcome::Success).fingerprint(&fingerprint).detail(moved.code()),
    )?;
    Ok(moved)
}

/// Moves the identity's passphrase out of the keychain into `path`, a new
/// file readable by the user only (never one that exists). The keychain
/// entry is removed only once the file reads back the same passphrase and
/// that passphrase unlocks the key.
pub fn from_keychain(ctx: &mut Context<'_>, path: &Path) -> Result<()> {
    if ctx.secrets.no_keychain {
        return Err(Error::Usage(crate::tr!("passphrase-from-keychain-no-keychain")));
    }
    let fingerprint = ctx.identity_ref()?.fingerprint_hex();
    let passphrase = keychain::load(&fingerprint)?;
    // A stale entry written out would leave the user with a file that
    // opens nothing, and no keychain entry to notice it by.
    ctx.unlock_with(&passphrase, Purpose::Sign)?;
    let mut line = Zeroizing::new(Vec::with_capacity(passphrase.expose().len() + 1));
    line.extend_from_slice(passphrase.expose().as_bytes());
    line.push(b'\n');
    crate::home::write_atomic(path, &line, false)?;
    let back = Passphrase::from_file(path)?;
    if back.expose() != passphrase.expose() {
        return Err(Error::PassphraseFile {
            path: path.to_path_buf(),
            reason: crate::tr!("passphrase-file-read-back-differs"),
        });
    }
    keychain::delete(&fingerprint)?;
    ctx.remember_passphrase_source(PassphraseSource::User)?;
    audit::record(
        ctx,
        Event::new(Action::PassphraseFromKeychain, Outcome::Success).fingerprint(&fingerprint).detail("file"),
    )?;
    Ok(())
}

/// Whether to offer `carepost passphrase --to-keychain`: the identity keeps
/// its passphrase outside the keychain, the keychain is allowed, and
/// `keychain_reachable` says one answers now (asked only when the rest
/// holds, since asking may take until the keychain's deadline).
pub fn offer_keychain(ctx: &mut Context<'_>, keychain_reachable: impl FnOnce() -> bool) -> Result<bool> {
    Ok(!ctx.secrets.no_keychain && !ctx.passphrase_in_keychain()? && keychain_reachable())
}

/// Where this command would take the passphrase from, for `status --json`:
/// `file`, `keychain` or `prompt`, in the order [`Context::unlock`] tries them.
pub fn source(ctx: &mut Context<'_>) -> Result<&'static str> {
    Ok(if ctx.secrets.passphrase_file.is_some() {
        "file"
    } else if !ctx.secrets.no_keychain && ctx.passphrase_in_keychain()? {
        "keychain"
    } else {
        "prompt"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(text: &str) -> Passphrase {
        Passphrase::new(text.into())
    }

    #[test]
    fn the_keychain_is_written_only_when_it_lacks_this_passphrase() {
        let wanted = pass("the passphrase that unlocks the key");
        assert_eq!(decide(Ok(pass("the passphrase that unlocks the key")), &wanted).unwrap(), Moved::AlreadyThere);
        assert_eq!(decide(Ok(pass("a stale one")), &wanted).unwrap(), Moved::Replaced);
        assert_eq!(decide(Err(Error::KeychainMissingEntry), &wanted).unwrap(), Moved::Stored);
    }

    #[test]
    fn an_unreachable_keychain_stays_an_error() {
        let wanted = pass("the passphrase that unlocks the key");
        let err = decide(Err(Error::Keychain("no keychain service is running".into())), &wanted).unwrap_err();
        assert!(matches!(err, Error::Keychain(_)));
    }
}
