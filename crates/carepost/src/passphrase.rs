//! Where an existing identity's passphrase is kept, and moving it: into the
//! OS keychain (`carepost passphrase --to-keychain`) once one is available
//! for an identity made without it, and whether to offer that.
//!
//! The passphrase stays the same: the key is not re-encrypted, so a copy
//! the user kept (a file, a note in a safe) still unlocks it.

use crate::audit::{self, Action, Event, Outcome};
use crate::context::PassphraseSource;
use crate::error::{Error, Result};
use crate::identity::Purpose;
use crate::{keychain, Context};

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
fn decide(current: Result<crate::secret::Passphrase>, wanted: &crate::secret::Passphrase) -> Result<Moved> {
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
    use crate::secret::Passphrase;

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
