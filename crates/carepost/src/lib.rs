//! carepost: send consult documents by email with end-to-end OpenPGP
//! encryption, only to contacts whose fingerprint was confirmed out of band.
//!
//! This library owns every rule and every byte carepost writes; it never
//! prints and never prompts. The `carepost` binary parses the command line,
//! asks the user for input through [`context::Prompter`], renders results,
//! and maps [`Error`] to the exit codes of the command-line contract.
//!
//! Vocabulary used throughout: an *identity* is this home's own key; a
//! *contact* is someone else's certificate stored under a pseudonymous
//! *alias*; a contact is *verified* once its fingerprint was read back over
//! an independent channel and certified with the identity's key.

#![forbid(unsafe_code)]

pub mod i18n;

pub mod audit;
pub mod audit_log;
pub mod backup;
pub mod certification;

pub mod commit;
pub mod consent;
pub mod consent_state;
pub mod contacts;
pub mod context;
pub mod error;
pub mod export;
pub mod fingerprint;
pub mod guard;
pub mod hardening;
pub mod hashing;
pub mod home;
pub mod identity;
pub mod init;
pub mod json;
pub mod keychain;
pub mod leaflet;
pub mod lookup;
pub mod mail;
pub mod names;
pub mod net;
pub mod open;
pub mod origin;
pub mod output;
pub mod passphrase;
pub mod password;
pub mod pdf;
pub mod policy;
pub mod progress;
pub mod publish;
pub mod readiness;
pub mod reading;
pub mod rebuild;
pub mod refresh;
pub mod renew;
pub mod replace;
pub mod report;
pub mod retention;
pub mod revoke;
pub mod safe;
pub mod secret;
pub mod send;
pub mod send_by_password;
pub mod status;
pub mod store;
pub mod timer;
pub mod tls;
pub mod transition;
pub mod vault;
pub mod verify;
pub mod view;
pub mod when;
pub mod wkd;
pub mod words;

pub use context::Context;
pub use error::{Error, ExitStatus, Result};

/// A point in time as carepost shows and stores it: RFC 3339, UTC, seconds.
pub fn fmt_time(t: std::time::SystemTime) -> String {
    chrono::DateTime::<chrono::Utc>::from(t).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Parses a time written by [`fmt_time`].
pub fn parse_time(s: &str) -> Option<std::time::SystemTime> {
    chrono::DateTime::parse_from_rfc3339(s).ok().map(std::time::SystemTime::from)
}

/// A byte count for people: `1.5 GiB`, `640 KiB`, `12 bytes`.
pub fn format_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return crate::tr!("size-bytes", count = bytes);
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let number = if value < 10.0 { format!("{value:.1}") } else { format!("{value:.0}") };
    // Dutch and French write a decimal comma.
    let number = number.replace('.', &crate::tr!("size-decimal-separator"));
    crate::tr!("size-in-unit", number = number, unit = UNITS[unit])
}
