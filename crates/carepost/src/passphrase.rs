//! The identity's passphrase after `init`: changing it (`carepost
//! passphrase change`), and moving between a passphrase the user chose and
//! a generated one kept in the OS keychain (`--to-keychain`,
//! `--from-keychain`). Every one of them re-protects the key: the secret
//! keys are decrypted with the current passphrase and encrypted again with
//! the new one ([`Identity::reprotect`]), and the key file is replaced in
//! one rename ([`Identity::replace_saved`]). A copy of the old key file (a
//! backup, a copied folder) keeps the old protection.
//!
//! | from → to          | current passphrase        | new passphrase                         | stretch |
//! |--------------------|---------------------------|----------------------------------------|---------|
//! | chosen → chosen    | file or prompt            | `--new-passphrase-file` or typed twice | full    |
//! | keychain → keychain| keychain                  | generated (rotation)                   | light   |
//! | chosen → keychain  | file or prompt            | generated                              | light   |
//! | keychain → chosen  | keychain                  | `--new-passphrase-file` or typed twice | full    |
//!
//! # Never neither
//!
//! A kill at any moment leaves on disk either the old protection or the
//! new one, and a secret that opens whichever it is. The key file is one
//! rename; the keychain needs an order of writes. With K the key file, M
//! the keychain's entry, P its pending entry and C the `passphrase_change`
//! setting in the state database:
//!
//! Towards the keychain (rotation, `--to-keychain`), old secret O (main
//! entry or the user's), new generated N:
//!
//! | step                | K | M        | P | C          | a kill here leaves            |
//! |---------------------|---|----------|---|------------|-------------------------------|
//! | start               | O | O or —   | — | —          | old                           |
//! | 1 mark              | O | O or —   | — | `keychain` | old; P missing: rolled back   |
//! | 2 store P (checked) | O | O or —   | N | `keychain` | old; P does not open K: dropped |
//! | 3 rename K          | N | O or —   | N | `keychain` | new; P opens K: promoted      |
//! | 4 store M (checked) | N | N        | N | `keychain` | new; promoted again           |
//! | 5 source, drop P    | N | N        | — | `keychain` | new; nothing pending          |
//! | 6 clear mark        | N | N        | — | —          | new                           |
//!
//! Towards a chosen passphrase (`--from-keychain`), old O in M, new U from
//! the user (who holds it, in a file or in mind):
//!
//! | step                | K | M | C      | a kill here leaves                     |
//! |---------------------|---|---|--------|----------------------------------------|
//! | 1 mark              | O | O | `user` | old; M opens K: mark cleared           |
//! | 2 rename K          | U | O | `user` | new; M does not open K: M dropped      |
//! | 3 source, drop M    | U | — | `user` | new; M missing: finished               |
//! | 4 clear mark        | U | — | —      | new                                    |
//!
//! Chosen → chosen touches no keychain: the rename alone decides.
//!
//! Each change holds the home's `passphrase.lock` from its mark to its
//! unmark; a command that finds the mark but cannot take the lock leaves
//! the running change alone.
//!
//! The next command that looks for the passphrase
//! ([`Context::existing_passphrase`], via
//! [`Context::finish_passphrase_change`]) sees the mark and finishes or
//! undoes the change by trying which secret opens the key file on disk.
//! Audit records are written once a change is whole; one finished after
//! a kill is not recorded.

use crate::audit::{self, Action, Event, Outcome};
use crate::context::PassphraseSource;
use crate::error::{Error, Result};
use crate::identity::{Identity, Stretch};
use crate::secret::Passphrase;
use crate::{keychain, Context};
use std::path::Path;

/// What `to_keychain` found in the keychain and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// The keychain had no entry for this identity; it has one now.
    Stored,
    /// The keychain held another passphrase (stale); the new one replaced it.
    Replaced,
    /// The passphrase already lives in the keychain; nothing was written.
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

/// What `change` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// The key now opens with the new passphrase the user chose.
    Chosen,
    /// The keychain's generated passphrase was replaced by a fresh one.
    Rotated,
}

impl Changed {
    /// The code for the audit record and JSON.
    pub fn code(self) -> &'static str {
        match self {
            Changed::Chosen => "chosen",
            Changed::Rotated => "rotated",
        }
    }
}

/// Whether the keychain's current entry makes `to_keychain` a replacement
/// or a first store: the pure part of it.
fn decide(current: Result<Passphrase>) -> Result<Moved> {
    match current {
        Ok(_) => Ok(Moved::Replaced),
        Err(Error::KeychainMissingEntry) => Ok(Moved::Stored),
        Err(e) => Err(e),
    }
}

/// Test hook, inert unless set (and compiled out of release builds): with
/// `CAREPOST_TEST_KILL_AT=STEP` the process dies at that step without any
/// clean-up, as a `kill -9` would.
fn kill_point(step: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("CAREPOST_TEST_KILL_AT").is_ok_and(|at| at == step) {
        std::process::abort();
    }
    #[cfg(not(debug_assertions))]
    let _ = step;
}

/// A new passphrase the user chooses: from `new_file`, else typed twice on
/// a terminal; strength-checked either way.
fn chosen_passphrase(ctx: &Context<'_>, new_file: Option<&Path>) -> Result<Passphrase> {
    match new_file {
        Some(path) => {
            let chosen = Passphrase::from_file(path)?;
            crate::secret::check_strength(&chosen)?;
            Ok(chosen)
        }
        None => ctx.prompt_new_passphrase(),
    }
}

/// The passphrase the keychain holds for this identity.
fn keychain_passphrase(ctx: &Context<'_>) -> Result<Passphrase> {
    keychain::load(&ctx.identity_ref()?.fingerprint_hex())
}

/// Steps 1–6 of the move towards the keychain (module docs): `next` is
/// the key protected with the generated `secret`. An error after the
/// rename (a keychain that stopped answering) leaves the mark, and the
/// next command finishes the change.
fn commit_to_keychain(ctx: &mut Context<'_>, next: Identity, old: &Passphrase, secret: &Passphrase) -> Result<()> {
    let fingerprint = next.fingerprint_hex();
    let _lock = ctx.lock_passphrase_change(true)?;
    ctx.mark_passphrase_change(Some(PassphraseSource::Keychain))?;
    kill_point("marked");
    keychain::store_pending_checked(&fingerprint, secret)?;
    kill_point("pending-stored");
    next.replace_saved(&ctx.home)?;
    kill_point("key-replaced");
    Identity::reprotect_previous(&ctx.home, old, secret, Stretch::Light)?;
    keychain::store_checked(&fingerprint, secret)?;
    kill_point("keychain-stored");
    ctx.remember_passphrase_source(PassphraseSource::Keychain)?;
    keychain::delete_pending(&fingerprint)?;
    kill_point("pending-deleted");
    ctx.mark_passphrase_change(None)?;
    kill_point("unmarked");
    ctx.set_identity(next);
    sign_from_now_on(ctx, secret)?;
    Ok(())
}

/// Steps 1–4 of the move towards a chosen passphrase (module docs).
fn commit_to_user(ctx: &mut Context<'_>, next: Identity, old: &Passphrase, chosen: &Passphrase) -> Result<()> {
    let fingerprint = next.fingerprint_hex();
    let _lock = ctx.lock_passphrase_change(true)?;
    ctx.mark_passphrase_change(Some(PassphraseSource::User))?;
    kill_point("marked");
    next.replace_saved(&ctx.home)?;
    kill_point("key-replaced");
    Identity::reprotect_previous(&ctx.home, old, chosen, Stretch::Full)?;
    ctx.remember_passphrase_source(PassphraseSource::User)?;
    keychain::delete(&fingerprint)?;
    kill_point("keychain-deleted");
    ctx.mark_passphrase_change(None)?;
    kill_point("unmarked");
    ctx.set_identity(next);
    sign_from_now_on(ctx, chosen)?;
    Ok(())
}

/// `carepost passphrase change`: a key whose passphrase the user chose gets
/// a new chosen one (`new_file`, or typed twice); a key whose passphrase
/// lives in the keychain gets a freshly generated one there.
pub fn change(ctx: &mut Context<'_>, new_file: Option<&Path>) -> Result<Changed> {
    ctx.finish_passphrase_change()?;
    let in_keychain = ctx.passphrase_in_keychain()?;
    if in_keychain {
        if ctx.secrets.no_keychain {
            return Err(Error::Usage(crate::tr!("passphrase-change-no-keychain")));
        }
        if new_file.is_some() {
            return Err(Error::Usage(crate::tr!("passphrase-change-keychain-no-file")));
        }
        let old = keychain_passphrase(ctx)?;
        let fresh = Passphrase::generate()?;
        let next = ctx.identity_ref()?.reprotect(&old, &fresh, Stretch::Light)?;
        kill_point("reprotected");
        commit_to_keychain(ctx, next, &old, &fresh)?;
        record(ctx, Action::PassphraseChange, Changed::Rotated.code())?;
        return Ok(Changed::Rotated);
    }
    let old = ctx.user_passphrase()?;
    // The current one first: a wrong one is told before a new one is asked.
    let identity = ctx.identity()?;
    if !crate::context::opens(&identity, &old) {
        return Err(Error::WrongPassphrase);
    }
    let chosen = chosen_passphrase(ctx, new_file)?;
    let next = identity.reprotect(&old, &chosen, Stretch::Full)?;
    kill_point("reprotected");
    next.replace_saved(&ctx.home)?;
    kill_point("key-replaced");
    Identity::reprotect_previous(&ctx.home, &old, &chosen, Stretch::Full)?;
    ctx.set_identity(next);
    sign_from_now_on(ctx, &chosen)?;
    record(ctx, Action::PassphraseChange, Changed::Chosen.code())?;
    Ok(Changed::Chosen)
}

/// `--to-keychain`: the key, protected with the passphrase the user chose
/// (file or prompt, never the keychain itself), is protected again with a
/// generated one that only the keychain holds. The user's file, if any,
/// no longer opens the key; it is left alone for the user to delete.
pub fn to_keychain(ctx: &mut Context<'_>) -> Result<Moved> {
    if ctx.secrets.no_keychain {
        return Err(Error::Usage(crate::tr!("passphrase-to-keychain-no-keychain")));
    }
    ctx.finish_passphrase_change()?;
    let fingerprint = ctx.identity_ref()?.fingerprint_hex();
    let current = keychain::load(&fingerprint);
    if ctx.passphrase_in_keychain()? {
        if let Ok(held) = &current {
            if crate::context::opens(ctx.identity_ref()?, held) {
                return Ok(Moved::AlreadyThere);
            }
        }
    }
    let moved = decide(current)?;
    let old = ctx.user_passphrase()?;
    let fresh = Passphrase::generate()?;
    let next = ctx.identity_ref()?.reprotect(&old, &fresh, Stretch::Light)?;
    kill_point("reprotected");
    commit_to_keychain(ctx, next, &old, &fresh)?;
    record(ctx, Action::PassphraseToKeychain, moved.code())?;
    Ok(moved)
}

/// `--from-keychain`: the key, protected with the generated passphrase in
/// the keychain, is protected again with one the user chooses (`new_file`,
/// or typed twice); then the keychain entry is removed.
pub fn from_keychain(ctx: &mut Context<'_>, new_file: Option<&Path>) -> Result<()> {
    if ctx.secrets.no_keychain {
        return Err(Error::Usage(crate::tr!("passphrase-from-keychain-no-keychain")));
    }
    ctx.finish_passphrase_change()?;
    if !ctx.passphrase_in_keychain()? {
        return Err(Error::Usage(crate::tr!("passphrase-from-keychain-not-there")));
    }
    let old = keychain_passphrase(ctx)?;
    // A stale entry would make every later step pointless.
    if !crate::context::opens(ctx.identity_ref()?, &old) {
        return Err(Error::WrongPassphrase);
    }
    let chosen = chosen_passphrase(ctx, new_file)?;
    let next = ctx.identity_ref()?.reprotect(&old, &chosen, Stretch::Full)?;
    kill_point("reprotected");
    commit_to_user(ctx, next, &old, &chosen)?;
    record(ctx, Action::PassphraseFromKeychain, "chosen")?;
    Ok(())
}

/// Unlocks the changed key with its new passphrase, so that the record of
/// the change is signed. An expired key cannot sign, yet its passphrase
/// may change (before a renewal): its record then goes unsigned.
fn sign_from_now_on(ctx: &mut Context<'_>, passphrase: &Passphrase) -> Result<()> {
    ctx.sign_records_if_possible(passphrase)
}

fn record(ctx: &mut Context<'_>, action: Action, code: &str) -> Result<()> {
    let fingerprint = ctx.identity_ref()?.fingerprint_hex();
    audit::record(ctx, Event::new(action, Outcome::Success).fingerprint(&fingerprint).detail(code))?;
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
    ctx.finish_passphrase_change()?;
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

    #[test]
    fn an_existing_entry_is_replaced_and_a_missing_one_stored() {
        let held = Passphrase::new("a stale one".into());
        assert_eq!(decide(Ok(held)).unwrap(), Moved::Replaced);
        assert_eq!(decide(Err(Error::KeychainMissingEntry)).unwrap(), Moved::Stored);
    }

    #[test]
    fn an_unreachable_keychain_stays_an_error() {
        let err = decide(Err(Error::Keychain("no keychain service is running".into()))).unwrap_err();
        assert!(matches!(err, Error::Keychain(_)));
    }

    #[test]
    fn codes_name_no_secret() {
        assert_eq!(Changed::Chosen.code(), "chosen");
        assert_eq!(Changed::Rotated.code(), "rotated");
    }
}
