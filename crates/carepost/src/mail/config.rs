//! The mail server carepost delivers through (`carepost mail setup`), and
//! where its password comes from.
//!
//! The settings live in the home's state database as one JSON value; the
//! password never does. It goes to the OS keychain (service
//! [`keychain::SMTP_SERVICE`], account `user@host`), or — with
//! `--no-keychain` — nowhere: then every command that sends reads it from
//! the file named by `--smtp-password-file` / `CAREPOST_SMTP_PASSWORD_FILE`.
//! carepost does not remember that file's path either, so no setting points
//! at a secret.
//!
//! Encryption of the connection is not optional: STARTTLS or implicit TLS,
//! with the server's certificate checked against the system's trusted
//! authorities plus, optionally, one CA file for a practice's own server.
//! Plain SMTP is accepted only to a relay on this computer (a loopback
//! address), and only with `--allow-plaintext-loopback`.

use crate::error::{Error, Result};
use crate::keychain;
use crate::secret::Passphrase;
use crate::Context;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use std::path::{Path, PathBuf};

/// The settings key holding the JSON of [`SmtpConfig`].
const SETTING: &str = "mail.smtp";

/// How the connection to the server is encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TlsMode {
    /// Plain connection upgraded with STARTTLS before anything else
    /// (submission, port 587). A server without STARTTLS is refused.
    Starttls,
    /// TLS from the first byte (submissions, port 465).
    Implicit,
    /// No encryption: a relay on this computer only.
    None,
}

impl TlsMode {
    pub fn code(self) -> &'static str {
        match self {
            TlsMode::Starttls => "starttls",
            TlsMode::Implicit => "implicit",
            TlsMode::None => "none",
        }
    }

    /// The mode a port usually means: 465 is implicit TLS, the rest
    /// STARTTLS.
    pub fn for_port(port: u16) -> TlsMode {
        if port == 465 {
            TlsMode::Implicit
        } else {
            TlsMode::Starttls
        }
    }

    fn label(self) -> String {
        match self {
            TlsMode::Starttls => crate::tr!("mail-tls-starttls"),
            TlsMode::Implicit => crate::tr!("mail-tls-implicit"),
            TlsMode::None => crate::tr!("mail-tls-none"),
        }
    }
}

/// Where the password comes from when a message is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PasswordSource {
    /// The OS keychain, stored by `mail setup`.
    Keychain,
    /// A file named on each command (`--smtp-password-file`).
    File,
}

/// The mail server settings (`carepost mail show`). Nothing in here is
/// secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub user: String,
    /// The sender address announced to the server (`MAIL FROM`).
    pub from: String,
    pub tls: TlsMode,
    /// Where the extra CA certificate came from (for display).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<PathBuf>,
    /// The extra CA certificate itself (PEM), copied so that moving the
    /// file later changes nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_pem: Option<String>,
    pub password: PasswordSource,
}

impl SmtpConfig {
    /// `host:port`, as messages and records name the server.
    pub fn server(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// The keychain account: `user@host`.
    pub fn account(&self) -> String {
        format!("{}@{}", self.user, self.host)
    }

    /// Human label of the encryption mode.
    pub fn tls_label(&self) -> String {
        self.tls.label()
    }

    /// Human label of where the password is.
    pub fn password_label(&self) -> String {
        match self.password {
            PasswordSource::Keychain => crate::tr!("mail-password-keychain"),
            PasswordSource::File => crate::tr!("mail-password-file"),
        }
    }

    /// Checks the rules a stored configuration must still satisfy (the
    /// database could have been edited): plain SMTP only to loopback.
    pub fn check(&self) -> Result<()> {
        check_host(&self.host)?;
        if self.tls == TlsMode::None && !is_loopback_name(&self.host) {
            return Err(Error::PlaintextSmtpNotLoopback(self.host.clone()));
        }
        Ok(())
    }
}

/// What `carepost mail setup` was given.
#[derive(Debug, Clone, Default)]
pub struct SetupRequest {
    pub host: String,
    pub port: u16,
    pub user: String,
    pub from: String,
    /// `None`: by port (465 implicit, else STARTTLS).
    pub tls: Option<TlsMode>,
    pub ca_file: Option<PathBuf>,
    /// The password, for non-interactive use (first line of the file).
    pub password_file: Option<PathBuf>,
    pub allow_plaintext_loopback: bool,
}

/// `carepost mail setup`: checks and stores the settings, and puts the
/// password into the OS keychain (from `--password-file` or a prompt) —
/// unless the keychain is off, when nothing secret is kept at all.
pub fn setup(ctx: &mut Context<'_>, req: &SetupRequest) -> Result<SmtpConfig> {
    let host = check_host(req.host.trim())?.to_owned();
    if req.port == 0 {
        return Err(Error::MailSetting(crate::tr!("mail-bad-port")));
    }
    let user = req.user.trim();
    if user.is_empty() || user.len() > 256 || user.chars().any(|c| c.is_whitespace() || crate::safe::is_dangerous(c)) {
        return Err(Error::MailSetting(crate::tr!("mail-bad-user")));
    }
    let from = crate::identity::validate_email(&req.from)?.to_owned();
    if from.parse::<lettre::Address>().is_err() {
        return Err(Error::InvalidEmail(from));
    }
    let tls = req.tls.unwrap_or_else(|| TlsMode::for_port(req.port));
    if tls == TlsMode::None {
        if !is_loopback_name(&host) {
            return Err(Error::PlaintextSmtpNotLoopback(host));
        }
        if !req.allow_plaintext_loopback {
            return Err(Error::PlaintextSmtpNeedsFlag);
        }
    }
    let (ca_file, ca_pem) = match &req.ca_file {
        Some(path) => {
            let pem = crate::tls::read_ca_file(path)?;
            let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            (Some(absolute), Some(pem))
        }
        None => (None, None),
    };
    let password = if ctx.secrets.no_keychain { PasswordSource::File } else { PasswordSource::Keychain };
    let config = SmtpConfig { host, port: req.port, user: user.to_owned(), from, tls, ca_file, ca_pem, password };

    // The password: checked readable in any case, kept only in the keychain.
    let secret = match (&req.password_file, password) {
        (Some(path), _) => Some(password_from_file(path)?),
        (None, PasswordSource::Keychain) => Some(prompt_password(ctx, &config)?),
        (None, PasswordSource::File) => None,
    };
    if let (Some(secret), PasswordSource::Keychain) = (&secret, password) {
        keychain::store_smtp_password(&config.account(), secret)?;
    }
    let json = serde_json::to_string(&config).map_err(|e| Error::Internal(e.to_string()))?;
    ctx.store()?.set_setting(SETTING, &json)?;
    let detail = format!("server={} tls={} password={:?}", config.server(), config.tls.code(), config.password);
    crate::audit::record(
        ctx,
        crate::audit::Event::new(crate::audit::Action::MailSetup, crate::audit::Outcome::Success)
            .detail(detail.to_lowercase()),
    )?;
    Ok(config)
}

/// The stored settings, if `mail setup` ran.
pub fn load(ctx: &mut Context<'_>) -> Result<Option<SmtpConfig>> {
    match ctx.store()?.setting(SETTING)? {
        None => Ok(None),
        Some(json) => {
            let config: SmtpConfig = serde_json::from_str(&json)
                .map_err(|e| Error::State(crate::tr!("error-mail-setting", reason = e.to_string())))?;
            config.check()?;
            Ok(Some(config))
        }
    }
}

/// The stored settings, or the error telling the user to run setup.
pub fn require(ctx: &mut Context<'_>) -> Result<SmtpConfig> {
    load(ctx)?.ok_or(Error::MailNotSetUp)
}

/// The password for sending now: `--smtp-password-file` first, else the
/// keychain (when setup stored it there and the keychain is allowed), else
/// a prompt on a terminal.
pub fn password(ctx: &Context<'_>, config: &SmtpConfig) -> Result<Passphrase> {
    if let Some(path) = &ctx.secrets.smtp_password_file {
        return password_from_file(path);
    }
    if config.password == PasswordSource::Keychain && !ctx.secrets.no_keychain {
        match keychain::load_smtp_password(&config.account()) {
            Ok(p) => return Ok(p),
            Err(Error::KeychainMissingEntry) => {}
            Err(e) if ctx.prompter.is_interactive() => {
                ctx.prompter.notice(&crate::tr!("notice-keychain-fallback", reason = e.to_string()));
            }
            Err(e) => return Err(e),
        }
    }
    if ctx.prompter.is_interactive() {
        return prompt_password(ctx, config);
    }
    Err(Error::SmtpPasswordMissing(config.account()))
}

fn prompt_password(ctx: &Context<'_>, config: &SmtpConfig) -> Result<Passphrase> {
    if !ctx.prompter.is_interactive() {
        return Err(Error::SmtpPasswordMissing(config.account()));
    }
    let password = ctx
        .prompter
        .passphrase(&crate::tr!("prompt-smtp-password", account = config.account()))
        .map_err(|_| Error::SmtpPasswordMissing(config.account()))?;
    if password.is_empty() {
        return Err(Error::SmtpPasswordMissing(config.account()));
    }
    Ok(password)
}

/// The first line of `path`; its content never appears in an error.
pub fn password_from_file(path: &Path) -> Result<Passphrase> {
    Passphrase::from_file(path).map_err(|e| match e {
        Error::PassphraseFile { path, reason } => Error::SmtpPasswordFile { path, reason },
        other => other,
    })
}

/// A server name or IP address that TLS can check a certificate against.
fn check_host(host: &str) -> Result<&str> {
    let bad = || Error::MailSetting(crate::tr!("mail-bad-host", host = crate::safe::Safe(host).to_string()));
    let bare = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
    if bare.is_empty() || bare.len() > 253 || bare.chars().any(|c| c.is_whitespace() || crate::safe::is_dangerous(c)) {
        return Err(bad());
    }
    if bare.parse::<IpAddr>().is_err() && rustls::pki_types::DnsName::try_from(bare).is_err() {
        return Err(bad());
    }
    Ok(bare)
}

/// Whether `host` names this computer: `localhost`, or a loopback IP.
pub fn is_loopback_name(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host.to_ascii_lowercase().ends_with(".localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_names() {
        assert!(is_loopback_name("127.0.0.1"));
        assert!(is_loopback_name("127.8.9.10"));
        assert!(is_loopback_name("::1"));
        assert!(is_loopback_name("LocalHost"));
        assert!(!is_loopback_name("smtp.example.nl"));
        assert!(!is_loopback_name("10.0.0.1"));
        assert!(!is_loopback_name("localhost.example.nl"));
    }

    #[test]
    fn hosts_are_names_or_addresses() {
        assert_eq!(check_host("smtp.example.nl").unwrap(), "smtp.example.nl");
        assert_eq!(check_host("[::1]").unwrap(), "::1");
        assert!(check_host("").is_err());
        assert!(check_host("smtp example").is_err());
        assert!(check_host("smtp\u{1b}[31m").is_err());
        assert!(check_host("a_b..c").is_err());
    }

    #[test]
    fn stored_plaintext_to_another_host_is_refused() {
        let config = SmtpConfig {
            host: "smtp.example.nl".into(),
            port: 25,
            user: "u".into(),
            from: "a@example.nl".into(),
            tls: TlsMode::None,
            ca_file: None,
            ca_pem: None,
            password: PasswordSource::File,
        };
        assert!(matches!(config.check(), Err(Error::PlaintextSmtpNotLoopback(_))));
        assert_eq!(config.server(), "smtp.example.nl:25");
        assert_eq!(config.account(), "u@smtp.example.nl");
    }

    #[test]
    fn tls_mode_follows_the_port() {
        assert_eq!(TlsMode::for_port(465), TlsMode::Implicit);
        assert_eq!(TlsMode::for_port(587), TlsMode::Starttls);
    }
}
