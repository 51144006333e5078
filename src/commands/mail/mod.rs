//! `carepost mail setup|show|retry|cancel`, one verb per file, and what
//! several of them show alike: the server settings (`setup`, `show`) and
//! the line for a delivered email (`retry`, and `send --smtp`).

use carepost::mail::config::{PasswordSource, SmtpConfig};
use carepost::mail::outbox::{Delivery, Queued};
use carepost::safe::Safe;
use carepost::tr;
use serde::Serialize;
use std::path::PathBuf;

pub mod cancel;
pub mod retry;
pub mod setup;
pub mod show;

/// The settings as `mail show` and `mail setup` print them.
#[derive(Serialize)]
struct Settings {
    host: String,
    port: u16,
    user: String,
    from: String,
    tls: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    ca_file: Option<PathBuf>,
    /// `keychain` or `file`.
    password: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pending: Option<Vec<Queued>>,
}

impl Settings {
    fn of(config: &SmtpConfig, pending: Option<Vec<Queued>>) -> Settings {
        Settings {
            host: config.host.clone(),
            port: config.port,
            user: config.user.clone(),
            from: config.from.clone(),
            tls: config.tls.code(),
            ca_file: config.ca_file.clone(),
            password: match config.password {
                PasswordSource::Keychain => "keychain",
                PasswordSource::File => "file",
            },
            pending,
        }
    }
}

/// The line for one email the server accepted (`mail retry`, `send --smtp`).
pub(super) fn sent_line(delivery: &Delivery) -> String {
    tr!("mail-sent", server = Safe(&delivery.server).to_string(), message_id = Safe(&delivery.message_id).to_string())
}
