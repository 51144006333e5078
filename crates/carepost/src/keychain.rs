//! The OS keychain (Secret Service on Linux, Keychain on macOS, Credential
//! Manager on Windows), holding the identity's generated passphrase under
//! service `carepost` and the identity's fingerprint as account, and the
//! mail server password under service `carepost-smtp` and `user@host`.
//!
//! Every call runs on a helper thread with a deadline: a keychain that
//! waits for a desktop prompt nobody will see must not hang carepost.

use crate::error::{Error, Result};
use crate::secret::Passphrase;
use std::sync::mpsc;
use std::time::Duration;

pub const SERVICE: &str = "carepost";
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

fn timeout() -> Duration {
    std::env::var("CAREPOST_KEYCHAIN_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map(Duration::from_secs)
        .unwrap_or(DEFAULT_TIMEOUT)
}

fn with_deadline<T: Send + 'static>(job: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("keychain".into())
        .spawn(move || {
            let _ = tx.send(job());
        })
        .map_err(|e| Error::Keychain(e.to_string()))?;
    let limit = timeout();
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| Err(Error::Keychain(crate::tr!("keychain-timeout", seconds = limit.as_secs()))))
}

/// How to get a working keychain on this platform, for a user who has none.
pub use crate::error::keychain_guidance as how_to_get_one;

fn entry(account: &str) -> Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, account).map_err(describe)
}

fn describe(e: keyring::Error) -> Error {
    match e {
        keyring::Error::NoEntry => Error::KeychainMissingEntry,
        keyring::Error::NoDefaultStore => match keyring::Entry::store_status() {
            Err(cause) if !matches!(cause, keyring::Error::NoDefaultStore) => {
                Error::Keychain(format!("{}: {cause}", crate::tr!("keychain-unavailable")))
            }
            _ => Error::Keychain(crate::tr!("keychain-unavailable")),
        },
        other => Error::Keychain(other.to_string()),
    }
}

/// Stores `passphrase` for the identity `fingerprint`.
pub fn store(fingerprint: &str, passphrase: &Passphrase) -> Result<()> {
    let account = fingerprint.to_owned();
    let secret = passphrase.clone();
    with_deadline(move || entry(&account)?.set_password(secret.expose()).map_err(describe))
}

/// Stores `passphrase` for the identity `fingerprint` and reads it back:
/// some keychains accept a write and lose it.
pub fn store_checked(fingerprint: &str, passphrase: &Passphrase) -> Result<()> {
    store(fingerprint, passphrase)?;
    let back = load(fingerprint)?;
    if back.expose() == passphrase.expose() {
        Ok(())
    } else {
        Err(Error::Keychain(crate::tr!("keychain-read-back-differs")))
    }
}

/// The stored passphrase for the identity `fingerprint`.
pub fn load(fingerprint: &str) -> Result<Passphrase> {
    let account = fingerprint.to_owned();
    with_deadline(move || entry(&account)?.get_password().map(Passphrase::new).map_err(describe))
}

/// Removes the stored passphrase; a missing entry is not an error.
pub fn delete(fingerprint: &str) -> Result<()> {
    let account = fingerprint.to_owned();
    with_deadline(move || match entry(&account)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(describe(e)),
    })
}

/// The account of the pending entry for `fingerprint`: the next passphrase
/// while a change of the key's protection is under way (see
/// [`crate::passphrase`] for the order of writes).
fn pending_account(fingerprint: &str) -> String {
    format!("{fingerprint}.pending")
}

/// Stores the next passphrase of the identity `fingerprint` under its
/// pending entry, read back like [`store_checked`].
pub fn store_pending_checked(fingerprint: &str, passphrase: &Passphrase) -> Result<()> {
    store_checked(&pending_account(fingerprint), passphrase)
}

/// The pending passphrase of the identity `fingerprint`, if a change left one.
pub fn load_pending(fingerprint: &str) -> Result<Passphrase> {
    load(&pending_account(fingerprint))
}

/// Removes the pending entry; a missing one is not an error.
pub fn delete_pending(fingerprint: &str) -> Result<()> {
    delete(&pending_account(fingerprint))
}

/// The service under which the mail server password is kept, with
/// `user@host` as account (`carepost mail setup`).
pub const SMTP_SERVICE: &str = "carepost-smtp";

/// Stores the mail server password for `account` (`user@host`).
pub fn store_smtp_password(account: &str, password: &Passphrase) -> Result<()> {
    let account = account.to_owned();
    let secret = password.clone();
    with_deadline(move || {
        keyring::Entry::new(SMTP_SERVICE, &account).map_err(describe)?.set_password(secret.expose()).map_err(describe)
    })
}

/// The stored mail server password for `account`.
pub fn load_smtp_password(account: &str) -> Result<Passphrase> {
    let account = account.to_owned();
    with_deadline(move || {
        keyring::Entry::new(SMTP_SERVICE, &account)
            .map_err(describe)?
            .get_password()
            .map(Passphrase::new)
            .map_err(describe)
    })
}

/// Whether the keychain answers at all (for `status`), without touching
/// any entry's secret.
pub fn reachable() -> bool {
    with_deadline(|| match entry("carepost-probe")?.get_password() {
        Ok(_) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(describe(e)),
    })
    .is_ok()
}
