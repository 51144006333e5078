//! Handing an encrypted message to the mail server: one SMTP session over
//! TLS, step by step, so that a failure says which step failed.
//!
//! The session is: connect (with TLS from the first byte for implicit
//! TLS), STARTTLS (otherwise; a server that does not offer it is refused,
//! never used in plain), EHLO, login (PLAIN or LOGIN, only ever over TLS),
//! `MAIL FROM` (with `SIZE=` when the server announced a limit, and the
//! message refused before transfer when it is larger), `RCPT TO` for every
//! recipient (one refused recipient stops the whole message: it goes to
//! everyone or to no one), `DATA`, `QUIT`.
//!
//! A failure once the whole message and its final `.` went out, with no
//! reply from the server, is [`DeliveryProblem::Unconfirmed`]: the server
//! may have queued the message, so sending it again could deliver it twice.
//!
//! Nothing but a PGP/MIME message can be sent: what goes out has passed
//! [`check_pgp_mime`](super::gate::check_pgp_mime) first, which also yields the envelope.

use super::config::{SmtpConfig, TlsMode};
use super::gate::Envelope;
use crate::error::{DeliveryProblem, DeliveryStep, Error, Result};
use crate::secret::Passphrase;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, CertificateStore, SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Ehlo, Mail, Quit, Rcpt};
use lettre::transport::smtp::extension::{ClientId, MailBodyParameter, MailParameter};
use lettre::Address;
use std::net::{SocketAddr, ToSocketAddrs};
use std::time::Duration;

/// How long one network read or write may take.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Bytes handed to the connection at a time.
const SEND_CHUNK: usize = 64 * 1024;
/// Longest server reply shown to the user.
const MAX_REPLY_CHARS: usize = 300;

fn timeout() -> Duration {
    std::env::var("CAREPOST_SMTP_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .filter(|&s| s > 0)
        .map(Duration::from_secs)
        .unwrap_or(DEFAULT_TIMEOUT)
}

/// What the server said when it took the message.
#[derive(Debug, Clone)]
pub struct Accepted {
    /// `host:port`.
    pub server: String,
    /// The server's final reply (often carries its queue id).
    pub reply: String,
}

/// Delivers `message` — which must pass
/// [`check_pgp_mime`](super::gate::check_pgp_mime) — to the
/// envelope's recipients through the configured server.
pub fn deliver(config: &SmtpConfig, password: &Passphrase, envelope: &Envelope, message: &[u8]) -> Result<Accepted> {
    config.check()?;
    let server = config.server();
    let fail = |problem: DeliveryProblem| Error::DeliveryFailed { server: server.clone(), problem };
    let from: Address = envelope.from.parse().map_err(|_| Error::InvalidEmail(envelope.from.clone()))?;
    let mut to = Vec::with_capacity(envelope.to.len());
    for address in &envelope.to {
        to.push(address.parse::<Address>().map_err(|_| Error::InvalidEmail(address.clone()))?);
    }
    let hello = ClientId::Domain(from.domain().to_owned());
    let limit = timeout();

    // Connect, and encrypt.
    let addresses: Vec<SocketAddr> = (config.host.as_str(), config.port)
        .to_socket_addrs()
        .map_err(|e| fail(DeliveryProblem::Unreachable(crate::tr!("smtp-resolve-failed", reason = e.to_string()))))?
        .collect();
    if config.tls == TlsMode::None && !addresses.iter().all(|a| a.ip().is_loopback()) {
        return Err(Error::PlaintextSmtpNotLoopback(config.host.clone()));
    }
    let mut conn = match config.tls {
        TlsMode::Implicit => {
            let tls = tls_parameters(config)?;
            SmtpConnection::connect(&addresses[..], Some(limit), &hello, Some(&tls), None)
                .map_err(|e| fail(implicit_connect_problem(&e, limit)))?
        }
        TlsMode::Starttls => {
            let tls = tls_parameters(config)?;
            let mut conn = SmtpConnection::connect(&addresses[..], Some(limit), &hello, None, None)
                .map_err(|e| fail(connect_problem(&e, limit)))?;
            if !conn.can_starttls() {
                conn.abort();
                return Err(fail(DeliveryProblem::Tls(crate::tr!("tls-no-starttls"))));
            }
            conn.starttls(&tls, &hello).map_err(|e| {
                // Replies injected before the handshake (see the lettre
                // patch in Cargo.toml) are an attack, not a TLS hiccup.
                if e.to_string().contains(lettre::transport::smtp::client::STARTTLS_INJECTION) {
                    fail(DeliveryProblem::Tls(crate::tr!("tls-starttls-injection")))
                } else {
                    fail(tls_problem(&e, limit))
                }
            })?;
            conn
        }
        TlsMode::None => SmtpConnection::connect(&addresses[..], Some(limit), &hello, None, None)
            .map_err(|e| fail(connect_problem(&e, limit)))?,
    };
    let session = Session { conn: &mut conn, limit };
    let result = session.run(config, password, &hello, &from, &to, envelope, message);
    match &result {
        Ok(_) => {
            let _ = conn.command(Quit);
        }
        Err(_) => conn.abort(),
    }
    result.map(|reply| Accepted { server: server.clone(), reply }).map_err(fail)
}

/// One connected, encrypted session.
struct Session<'c> {
    conn: &'c mut SmtpConnection,
    limit: Duration,
}

impl Session<'_> {
    #[allow(clippy::too_many_arguments)]
    fn run(
        self,
        config: &SmtpConfig,
        password: &Passphrase,
        hello: &ClientId,
        from: &Address,
        to: &[Address],
        envelope: &Envelope,
        message: &[u8],
    ) -> std::result::Result<String, DeliveryProblem> {
        let limit = self.limit;
        let conn = self.conn;
        // The extensions again, for SIZE (which lettre does not keep).
        let ehlo =
            conn.command(Ehlo::new(hello.clone())).map_err(|e| step_problem(DeliveryStep::Connect, &e, limit))?;
        let size_limit = ehlo
            .message()
            .filter_map(|line| line.strip_prefix("SIZE").map(str::trim))
            .find_map(|n| n.parse::<u64>().ok())
            .filter(|&n| n > 0);
        let size = message.len() as u64;
        if size_limit.is_some_and(|max| size > max) {
            return Err(DeliveryProblem::TooLarge { size, limit: size_limit });
        }

        // Login: only ever on an encrypted connection (or to a local relay).
        let credentials = Credentials::new(config.user.clone(), password.expose().to_owned());
        conn.auth(&[Mechanism::Plain, Mechanism::Login], &credentials).map_err(|e| {
            if e.is_client() {
                DeliveryProblem::AuthRefused(crate::tr!("auth-no-mechanism"))
            } else if e.is_permanent() || e.is_transient() || e.is_response() {
                DeliveryProblem::AuthRefused(reply_text(&e))
            } else {
                step_problem(DeliveryStep::Login, &e, limit)
            }
        })?;
        drop(credentials);

        // Envelope.
        let mut parameters = Vec::new();
        if size_limit.is_some() {
            parameters.push(MailParameter::Size(message.len()));
        }
        if !message.is_ascii() {
            if !conn.server_info().supports_feature(lettre::transport::smtp::extension::Extension::EightBitMime) {
                return Err(DeliveryProblem::Refused {
                    step: DeliveryStep::Sender,
                    reply: crate::tr!("smtp-non-ascii"),
                });
            }
            parameters.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        conn.command(Mail::new(Some(from.clone()), parameters)).map_err(|e| {
            if is_too_large(&e) {
                DeliveryProblem::TooLarge { size, limit: size_limit }
            } else {
                step_problem(DeliveryStep::Sender, &e, limit)
            }
        })?;
        let mut rejected = Vec::new();
        let mut reply = String::new();
        for (address, text) in to.iter().zip(&envelope.to) {
            if let Err(e) = conn.command(Rcpt::new(address.clone(), vec![])) {
                if !(e.is_permanent() || e.is_transient()) {
                    return Err(step_problem(DeliveryStep::Recipient, &e, limit));
                }
                rejected.push(text.clone());
                reply = reply_text(&e);
            }
        }
        if !rejected.is_empty() {
            return Err(DeliveryProblem::RecipientRejected { addresses: rejected, reply });
        }

        // The message, line endings made CRLF as SMTP wants them. The
        // client ends the data with CRLF "." CRLF, whose first CRLF ends
        // the message's last line: the message's own is left off.
        conn.command(Data).map_err(|e| step_problem(DeliveryStep::Data, &e, limit))?;
        let body = message.strip_suffix(b"\r\n").or_else(|| message.strip_suffix(b"\n")).unwrap_or(message);
        // lettre asks for the next chunk only after writing the previous
        // one, and writes the final "." once none is left: when the chunks
        // run out, every byte of the message has gone out.
        let handed_over = std::cell::Cell::new(false);
        let chunks = crlf_chunks(body).chain(std::iter::from_fn(|| {
            handed_over.set(true);
            None
        }));
        let accepted = conn.message_iter(chunks).map_err(|e| {
            if is_too_large(&e) {
                DeliveryProblem::TooLarge { size, limit: size_limit }
            } else {
                data_problem(&e, limit, handed_over.get())
            }
        })?;
        Ok(truncate(accepted.message().collect::<Vec<_>>().join(" ")))
    }
}

/// `message` in chunks with every bare LF turned into CRLF.
fn crlf_chunks(message: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    let mut state = super::crlf::ToCrlf::new();
    message.chunks(SEND_CHUNK).map(move |chunk| {
        let mut out = Vec::new();
        state.push(chunk, &mut out);
        out
    })
}

fn tls_parameters(config: &SmtpConfig) -> Result<TlsParameters> {
    let mut builder = TlsParameters::builder(config.host.clone()).certificate_store(CertificateStore::Default);
    if let Some(pem) = &config.ca_pem {
        let path = config.ca_file.clone().unwrap_or_default();
        let cert = Certificate::from_pem(pem.as_bytes())
            .map_err(|e| Error::CaFile { path, reason: crate::tr!("ca-file-unusable", reason = e.to_string()) })?;
        builder = builder.add_root_certificate(cert);
    }
    builder.build_rustls().map_err(|e| Error::Internal(e.to_string()))
}

/// The I/O error under a lettre error, if any.
fn io_error(e: &lettre::transport::smtp::Error) -> Option<&std::io::Error> {
    let mut source = std::error::Error::source(e);
    while let Some(err) = source {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            return Some(io);
        }
        source = err.source();
    }
    None
}

/// The TLS library's complaint under a lettre error, if any.
fn rustls_error(e: &lettre::transport::smtp::Error) -> Option<&rustls::Error> {
    let mut source = std::error::Error::source(e);
    while let Some(err) = source {
        if let Some(tls) = err.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        if let Some(tls) =
            err.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()).and_then(|inner| inner.downcast_ref())
        {
            return Some(tls);
        }
        source = err.source();
    }
    None
}

fn network_reason(e: &lettre::transport::smtp::Error, limit: Duration) -> String {
    match io_error(e) {
        Some(io) if matches!(io.kind(), std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock) => {
            crate::tr!("net-timeout", seconds = limit.as_secs())
        }
        Some(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => crate::tr!("net-closed"),
        Some(io) => crate::error::io_reason(io),
        // lettre's word for a connection closed before a whole reply.
        None if e.to_string().contains("incomplete response") => crate::tr!("net-closed"),
        None => crate::tr!("net-other", details = truncate(e.to_string())),
    }
}

/// Connecting (no TLS yet) failed.
fn connect_problem(e: &lettre::transport::smtp::Error, limit: Duration) -> DeliveryProblem {
    if e.is_permanent() || e.is_transient() {
        return DeliveryProblem::Refused { step: DeliveryStep::Connect, reply: reply_text(e) };
    }
    DeliveryProblem::Unreachable(network_reason(e, limit))
}

/// Connecting with implicit TLS failed: before the TCP connection stood,
/// the server is unreachable; after it, the TLS handshake (which happens
/// while the greeting is read) failed unless the server answered.
fn implicit_connect_problem(e: &lettre::transport::smtp::Error, limit: Duration) -> DeliveryProblem {
    if let Some(tls) = rustls_error(e) {
        return DeliveryProblem::Tls(crate::tls::describe(tls));
    }
    if e.is_permanent() || e.is_transient() {
        return DeliveryProblem::Refused { step: DeliveryStep::Connect, reply: reply_text(e) };
    }
    match io_error(e).map(std::io::Error::kind) {
        Some(
            std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::HostUnreachable
            | std::io::ErrorKind::NetworkUnreachable
            | std::io::ErrorKind::AddrNotAvailable,
        ) => DeliveryProblem::Unreachable(network_reason(e, limit)),
        Some(std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset) => {
            DeliveryProblem::Tls(crate::tr!("tls-handshake-closed"))
        }
        _ => DeliveryProblem::Unreachable(network_reason(e, limit)),
    }
}

/// STARTTLS, the handshake, or the EHLO over TLS failed.
fn tls_problem(e: &lettre::transport::smtp::Error, limit: Duration) -> DeliveryProblem {
    if let Some(tls) = rustls_error(e) {
        return DeliveryProblem::Tls(crate::tls::describe(tls));
    }
    if e.is_permanent() || e.is_transient() {
        return DeliveryProblem::Tls(reply_text(e));
    }
    match io_error(e).map(std::io::Error::kind) {
        Some(std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset) => {
            DeliveryProblem::Tls(crate::tr!("tls-handshake-closed"))
        }
        _ => DeliveryProblem::Tls(network_reason(e, limit)),
    }
}

/// A later step failed: the server said no, or the connection broke.
fn step_problem(step: DeliveryStep, e: &lettre::transport::smtp::Error, limit: Duration) -> DeliveryProblem {
    if e.is_permanent() || e.is_transient() {
        DeliveryProblem::Refused { step, reply: reply_text(e) }
    } else {
        DeliveryProblem::Interrupted { step, reason: network_reason(e, limit) }
    }
}

/// The message transfer failed. A reply from the server is a clear no;
/// anything else once the whole message went out (the connection closed,
/// a timeout, a garbled reply) leaves open whether the server queued it,
/// so it is `Unconfirmed` rather than safe to send again.
fn data_problem(e: &lettre::transport::smtp::Error, limit: Duration, handed_over: bool) -> DeliveryProblem {
    match step_problem(DeliveryStep::Data, e, limit) {
        DeliveryProblem::Interrupted { reason, .. } if handed_over => DeliveryProblem::Unconfirmed(reason),
        problem => problem,
    }
}

/// 552 (or enhanced status 5.3.4 / 5.2.3): the message is too big.
fn is_too_large(e: &lettre::transport::smtp::Error) -> bool {
    let text = reply_text(e);
    e.status().map(u16::from) == Some(552) || text.contains("5.3.4") || text.contains("5.2.3")
}

/// `552 message text`, bounded.
fn reply_text(e: &lettre::transport::smtp::Error) -> String {
    let message = std::error::Error::source(e).map(ToString::to_string).unwrap_or_default();
    let text = match e.status() {
        Some(code) => format!("{code} {message}"),
        None => message,
    };
    truncate(text.trim().to_owned())
}

fn truncate(mut text: String) -> String {
    if let Some((cut, _)) = text.char_indices().nth(MAX_REPLY_CHARS) {
        text.truncate(cut);
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_line_feeds_become_crlf_across_chunks() {
        let mut message = vec![b'a'; SEND_CHUNK - 1];
        message.extend_from_slice(b"\r\nb\nc\r\n");
        let sent: Vec<u8> = crlf_chunks(&message).flatten().collect();
        assert!(sent.ends_with(b"a\r\nb\r\nc\r\n"));
        assert_eq!(sent.len(), message.len() + 1);
    }

    #[test]
    fn replies_are_bounded() {
        assert_eq!(truncate("x".repeat(1000)).chars().count(), MAX_REPLY_CHARS + 1);
    }
}
