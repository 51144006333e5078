//! Encrypted emails waiting for delivery: `send --smtp` queues the message
//! it composed and sends it at once; a message the server did not take
//! stays queued (and its `.eml` stays in the outbox) until `mail retry`
//! delivers it or `mail cancel` gives up on it.
//!
//! Before any byte goes out, the file is checked to be exactly the one
//! carepost composed (same SHA-256) and to be a PGP/MIME encrypted message
//! ([`gate::check_pgp_mime`]); the SMTP envelope is read from its headers.
//! A message is claimed (`sending`) in the database before delivery, so
//! two carepost processes never send the same message at once; a claim
//! left by a killed process expires after [`STALE_CLAIM`].
//!
//! A message whose connection broke after its final `.` went out, before
//! the server replied, is `maybe-delivered`: the server may have queued
//! it, so `mail retry` leaves it alone and says so, and only
//! `mail retry --resend ID` (the user's explicit go-ahead, after checking
//! with the recipient) sends it again.
//!
//! A message to a patient whose consent is missing or withdrawn when it
//! is to go out is refused and stays queued ([`crate::consent`]): consent
//! is checked again before every delivery, not only when it was composed.
//!
//! Every attempt is audited as `mail-send` per recipient alias, with the
//! outcome and, on failure, the step and a problem code — never an
//! address, a subject, or the server's text.

use super::config::{self, SmtpConfig};
use super::gate::{self, Envelope};
use super::smtp;
use crate::audit::{self, Action, Event, Outcome};
use crate::error::{DeliveryProblem, DeliveryStep, Error, Result};
use crate::secret::Passphrase;
use crate::Context;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use std::path::PathBuf;
use std::time::Duration;

/// After this long, a `sending` claim belongs to a process that died.
pub const STALE_CLAIM: Duration = Duration::from_secs(15 * 60);
/// The state (and `status`) of a message that may have reached the server.
pub const MAYBE_DELIVERED: &str = "maybe-delivered";
/// Where a queued email is (`mail_outbox.state`; `mail show --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MailState {
    Pending,
    /// Claimed by a carepost process that is sending it.
    Sending,
    Sent,
    Cancelled,
    /// Its `.eml` is gone or not what carepost wrote.
    Gone,
    /// The connection broke after the final "."; the server may have it.
    MaybeDelivered,
}

impl crate::store::Code for MailState {
    const COLUMN: &'static str = "mail_outbox.state";
    const ALL: &'static [MailState] = &[
        MailState::Pending,
        MailState::Sending,
        MailState::Sent,
        MailState::Cancelled,
        MailState::Gone,
        MailState::MaybeDelivered,
    ];
    fn code(self) -> &'static str {
        match self {
            MailState::Pending => "pending",
            MailState::Sending => "sending",
            MailState::Sent => "sent",
            MailState::Cancelled => "cancelled",
            MailState::Gone => "gone",
            MailState::MaybeDelivered => MAYBE_DELIVERED,
        }
    }
}
crate::store::sql_code!(MailState);

/// The largest message carepost reads back for sending.
const MAX_MESSAGE_BYTES: u64 = 2 << 30;

/// The mail server settings and its password, ready before anything is
/// composed (so that a missing password stops `send --smtp` early).
pub struct Mailer {
    pub config: SmtpConfig,
    password: Passphrase,
}

impl Mailer {
    pub fn prepare(ctx: &mut Context<'_>) -> Result<Mailer> {
        let config = config::require(ctx)?;
        let password = config::password(ctx, &config)?;
        Ok(Mailer { config, password })
    }
}

/// What happened to one message (the `delivery` of the `send` JSON, and
/// each entry of `mail retry`).
#[derive(Debug, Clone, Serialize)]
pub struct Delivery {
    /// `sent`, `pending` (still in the outbox), or `maybe-delivered` (the
    /// server may have it; sent again only with `mail retry --resend`).
    pub status: &'static str,
    /// `host:port`.
    pub server: String,
    /// Without angle brackets.
    pub message_id: String,
    /// Why it is still pending.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<DeliveryError>,
    /// What the user should do next (for `maybe-delivered`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeliveryError {
    /// `connect`, `tls`, `login`, `sender`, `recipient` or `data`; absent
    /// when the message itself was refused before connecting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<&'static str>,
    pub message: String,
}

/// A queued message (`mail show`).
#[derive(Debug, Clone, Serialize)]
pub struct Queued {
    pub message_id: String,
    /// `pending`, `sending` (another carepost is sending it) or
    /// `maybe-delivered`.
    pub state: MailState,
    #[serde(serialize_with = "path_as_text")]
    pub path: PathBuf,
    pub recipients: Vec<String>,
    pub queued_at: String,
    pub attempts: u32,
    /// Step and code of the last failure, e.g. `tls: tls-failed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
}

/// A path in JSON: JSON holds only Unicode (state.db keeps the bytes).
fn path_as_text<S: serde::Serializer>(path: &std::path::Path, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

struct Row {
    id: i64,
    path: PathBuf,
    message_id: String,
    /// (alias, fingerprint)
    recipients: Vec<(String, String)>,
    sha256: String,
}

/// Queues the email `compose` wrote, for delivery now and until it is
/// delivered.
pub fn enqueue(ctx: &mut Context<'_>, composed: &super::compose::Composed) -> Result<i64> {
    let mut recipients: Vec<(String, String)> = Vec::new();
    for sent in &composed.report.outputs {
        for r in &sent.recipients {
            if !recipients.iter().any(|(alias, _)| *alias == r.alias) {
                recipients.push((r.alias.clone(), r.fingerprint.clone()));
            }
        }
    }
    let recipients = serde_json::to_string(&recipients).map_err(|e| Error::Internal(e.to_string()))?;
    let now = crate::fmt_time(ctx.now);
    let conn = ctx.store()?.connection();
    conn.execute(
        "INSERT INTO mail_outbox (path, message_id, recipients, size, sha256, queued_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            crate::store::SqlPath(&composed.path),
            composed.message_id,
            recipients,
            composed.size as i64,
            composed.sha256,
            now
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Queues and sends at once (`send --smtp`). On failure the message stays
/// queued and the error says which step failed.
pub fn send_composed(ctx: &mut Context<'_>, mailer: &Mailer, composed: &super::compose::Composed) -> Result<Delivery> {
    let id = enqueue(ctx, composed)?;
    let row = row(ctx, id)?.ok_or_else(|| Error::Internal("queued message vanished".into()))?;
    match attempt(ctx, mailer, &row, false)? {
        Some(delivery) => Ok(delivery),
        None => Err(Error::Internal("queued message claimed by another process".into())),
    }
}

/// What `mail retry` did.
#[derive(Debug, Default, Serialize)]
pub struct RetryReport {
    pub deliveries: Vec<Delivery>,
    /// The first failure, which `mail retry` reports as its error.
    #[serde(skip)]
    pub first_error: Option<Error>,
}

/// Sends every pending message, oldest first. A failure that would stop
/// every other message too (server unreachable, TLS, login) ends the run;
/// the rest stay pending and are reported as not tried. Messages that may
/// have been delivered are reported first, not sent; `prepare` (the mail
/// server and password) is called only when something is to be sent.
pub fn retry(ctx: &mut Context<'_>, prepare: impl FnOnce(&mut Context<'_>) -> Result<Mailer>) -> Result<RetryReport> {
    let mut report = RetryReport { deliveries: maybe_delivered(ctx)?, first_error: None };
    let ids: Vec<i64> = {
        let stale = stale_before(ctx);
        let conn = ctx.store()?.connection();
        let mut stmt = conn.prepare(
            "SELECT id FROM mail_outbox
             WHERE state = 'pending' OR (state = 'sending' AND claimed_at < ?1)
             ORDER BY id",
        )?;
        let rows = stmt.query_map([stale], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if ids.is_empty() {
        return Ok(report);
    }
    let mailer = &prepare(ctx)?;
    let mut stop = false;
    for id in ids {
        let Some(row) = row(ctx, id)? else { continue };
        if stop {
            let delivery = Delivery {
                status: "pending",
                server: mailer.config.server(),
                message_id: row.message_id.clone(),
                error: None,
                hint: None,
            };
            report.deliveries.push(delivery);
            continue;
        }
        match attempt(ctx, mailer, &row, false) {
            Ok(Some(delivery)) => {
                report.deliveries.push(delivery);
            }
            Ok(None) => {}
            Err(e) => {
                stop = matches!(&e, Error::DeliveryFailed { problem, .. } if problem.affects_all());
                report.deliveries.push(not_delivered(mailer, &row.message_id, &e));
                report.first_error.get_or_insert(e);
            }
        }
    }
    Ok(report)
}

/// How a message that [`send_composed`] or [`retry`] could not deliver
/// stands after the failure `e`: still pending, or perhaps delivered.
pub fn not_delivered(mailer: &Mailer, message_id: &str, e: &Error) -> Delivery {
    let step = match e {
        Error::DeliveryFailed { problem, .. } => Some(problem.step().code()),
        Error::DeliveryUnconfirmed { .. } => Some(DeliveryStep::Data.code()),
        _ => None,
    };
    let unconfirmed = matches!(e, Error::DeliveryUnconfirmed { .. });
    Delivery {
        status: if unconfirmed { MAYBE_DELIVERED } else { "pending" },
        server: mailer.config.server(),
        message_id: message_id.to_owned(),
        error: Some(DeliveryError { step, message: e.to_string() }),
        hint: if unconfirmed { e.hint() } else { None },
    }
}

/// `mail retry --resend MESSAGE-ID`: sends one message again that may
/// have been delivered (or is pending), on the user's explicit word. The
/// audit record says it was a confirmed resend.
pub fn resend(ctx: &mut Context<'_>, mailer: &Mailer, message_id: &str) -> Result<Delivery> {
    let (_, row) = queued_row(ctx, message_id, &[MailState::Pending, MailState::MaybeDelivered])?;
    attempt(ctx, mailer, &row, true)?.ok_or_else(|| Error::Internal("queued message claimed by another process".into()))
}

/// The messages that may have been delivered, as `mail retry` reports
/// them when it leaves them alone.
fn maybe_delivered(ctx: &mut Context<'_>) -> Result<Vec<Delivery>> {
    let conn = ctx.store()?.connection();
    let mut stmt = conn.prepare(
        "SELECT message_id, COALESCE(server, '') FROM mail_outbox WHERE state = 'maybe-delivered' ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut found = Vec::new();
    for row in rows {
        let (message_id, server) = row?;
        let hint = crate::tr!("hint-delivery-unconfirmed", message_id = crate::safe::Safe(&message_id).to_string());
        found.push(Delivery { status: MAYBE_DELIVERED, server, message_id, error: None, hint: Some(hint) });
    }
    Ok(found)
}

fn bare_message_id(message_id: &str) -> String {
    message_id.trim().trim_start_matches('<').trim_end_matches('>').to_owned()
}

/// Messages still waiting, or waiting for the user's decision (`mail show`).
pub fn queued(ctx: &mut Context<'_>) -> Result<Vec<Queued>> {
    let conn = ctx.store()?.connection();
    let mut stmt = conn.prepare(
        "SELECT message_id, path, recipients, queued_at, attempts, last_error, state
         FROM mail_outbox WHERE state IN ('pending', 'sending', 'maybe-delivered') ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        let recipients: String = r.get(2)?;
        Ok(Queued {
            message_id: r.get(0)?,
            state: r.get(6)?,
            path: r.get::<_, crate::store::StoredPath>(1)?.0,
            recipients: serde_json::from_str::<Vec<(String, String)>>(&recipients)
                .unwrap_or_default()
                .into_iter()
                .map(|(alias, _)| alias)
                .collect(),
            queued_at: r.get(3)?,
            attempts: r.get::<_, i64>(4)? as u32,
            last_error: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The outbox entry of `message_id` (with or without its angle brackets)
/// when it is in one of `states`: its bare message id and its row.
fn queued_row(ctx: &mut Context<'_>, message_id: &str, states: &[MailState]) -> Result<(String, Row)> {
    let wanted = bare_message_id(message_id);
    let found = {
        let conn = ctx.store()?.connection();
        conn.query_row("SELECT id, state FROM mail_outbox WHERE message_id = ?1", [&wanted], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, MailState>(1)?))
        })
        .optional()?
    };
    let Some((id, _)) = found.filter(|(_, state)| states.contains(state)) else {
        return Err(Error::MailNoSuchMessage(wanted));
    };
    let row = row(ctx, id)?.ok_or_else(|| Error::MailNoSuchMessage(wanted.clone()))?;
    Ok((wanted, row))
}

/// `mail cancel MESSAGE-ID`: the message is not sent; its `.eml` stays a
/// managed file until its retention ends.
pub fn cancel(ctx: &mut Context<'_>, message_id: &str) -> Result<()> {
    let (wanted, row) =
        queued_row(ctx, message_id, &[MailState::Pending, MailState::Sending, MailState::MaybeDelivered])?;
    let id = row.id;
    let events = recipient_events(&row, Action::MailCancel, Outcome::Success, format!("message-id={wanted}"));
    audit::record_all(ctx, events, |tx| {
        tx.execute("UPDATE mail_outbox SET state = 'cancelled', claimed_at = NULL WHERE id = ?1", [id])?;
        Ok(())
    })?;
    Ok(())
}

fn stale_before(ctx: &Context<'_>) -> String {
    crate::fmt_time(ctx.now.checked_sub(STALE_CLAIM).unwrap_or(std::time::SystemTime::UNIX_EPOCH))
}

fn row(ctx: &mut Context<'_>, id: i64) -> Result<Option<Row>> {
    let conn = ctx.store()?.connection();
    let found = conn
        .query_row("SELECT id, path, message_id, recipients, sha256 FROM mail_outbox WHERE id = ?1", [id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, crate::store::StoredPath>(1)?.0,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get(4)?,
            ))
        })
        .optional()?;
    Ok(found.map(|(id, path, message_id, recipients, sha256)| Row {
        id,
        path,
        message_id,
        recipients: serde_json::from_str(&recipients).unwrap_or_default(),
        sha256,
    }))
}

fn recipient_events(row: &Row, action: Action, outcome: Outcome, detail: String) -> Vec<Event> {
    row.recipients
        .iter()
        .map(|(alias, fingerprint)| Event::new(action, outcome).contact(alias, fingerprint).detail(detail.clone()))
        .collect()
}

/// Claims, checks and delivers one queued message; a `maybe-delivered`
/// one only when `resend` (the user confirmed). `Ok(None)`: another
/// process holds it.
fn attempt(ctx: &mut Context<'_>, mailer: &Mailer, row: &Row, resend: bool) -> Result<Option<Delivery>> {
    // Consent may have been withdrawn since the message was queued: it
    // stays queued (to be cancelled, or sent once consent is given again).
    crate::consent::require_for_delivery(ctx, &row.recipients, &row.message_id)?;
    let now = crate::fmt_time(ctx.now);
    let stale = stale_before(ctx);
    let claimed = ctx.store()?.connection().execute(
        "UPDATE mail_outbox SET state = 'sending', claimed_at = ?2, attempts = attempts + 1
         WHERE id = ?1 AND (state = 'pending' OR (state = 'sending' AND claimed_at < ?3)
                            OR (state = 'maybe-delivered' AND ?4))",
        params![row.id, now, stale, resend],
    )?;
    if claimed == 0 {
        return Ok(None);
    }
    let server = mailer.config.server();

    // Exactly the message carepost composed, and an encrypted one.
    let checked = read_checked(row);
    let (message, envelope) = match checked {
        Ok(found) => found,
        Err((error, gone)) => {
            let state = if gone { MailState::Gone } else { MailState::Pending };
            let _ = ctx.store().map(|s| {
                s.connection().execute(
                    "UPDATE mail_outbox SET state = ?2, claimed_at = NULL, last_error = 'message: refused'
                     WHERE id = ?1",
                    params![row.id, state],
                )
            });
            for event in recipient_events(
                row,
                Action::MailSend,
                Outcome::Refused,
                format!("message-id={} not-pgp-mime", row.message_id),
            ) {
                audit::record_quietly(ctx, event);
            }
            return Err(error);
        }
    };

    match smtp::deliver(&mailer.config, &mailer.password, &envelope, &message) {
        Ok(accepted) => {
            let resent = if resend { " resend=confirmed" } else { "" };
            let events = recipient_events(
                row,
                Action::MailSend,
                Outcome::Success,
                format!("message-id={} server={}{resent}", row.message_id, accepted.server),
            );
            let sent_at = crate::fmt_time(ctx.now);
            let recorded = audit::record_all(ctx, events, |tx| {
                tx.execute(
                    "UPDATE mail_outbox SET state = 'sent', sent_at = ?2, server = ?3, claimed_at = NULL,
                     last_error = NULL WHERE id = ?1",
                    params![row.id, sent_at, accepted.server],
                )?;
                Ok(())
            });
            if recorded.is_err() {
                // Delivered all the same: never leave it claimable again.
                let _ = ctx.store().map(|s| {
                    s.connection().execute(
                        "UPDATE mail_outbox SET state = 'sent', sent_at = ?2, server = ?3 WHERE id = ?1",
                        params![row.id, sent_at, accepted.server],
                    )
                });
            }
            Ok(Some(Delivery {
                status: "sent",
                server: accepted.server,
                message_id: row.message_id.clone(),
                error: None,
                hint: None,
            }))
        }
        Err(Error::DeliveryFailed { server, problem: DeliveryProblem::Unconfirmed(reason) }) => {
            // The server may have it: never claimable by a plain retry.
            let code = failure_code(&DeliveryProblem::Unconfirmed(String::new()));
            let events = recipient_events(
                row,
                Action::MailSend,
                Outcome::Failed,
                format!("message-id={} server={} step={}", row.message_id, server, code),
            );
            let mark = |tx: &rusqlite::Connection| {
                tx.execute(
                    "UPDATE mail_outbox SET state = 'maybe-delivered', claimed_at = NULL, last_error = ?2,
                     server = ?3 WHERE id = ?1",
                    params![row.id, code, server],
                )
            };
            if audit::record_all(ctx, events, |tx| Ok(mark(tx).map(drop)?)).is_err() {
                let _ = ctx.store().map(|s| mark(s.connection()));
            }
            Err(Error::DeliveryUnconfirmed { server, message_id: row.message_id.clone(), reason })
        }
        Err(error) => {
            let code = match &error {
                Error::DeliveryFailed { problem, .. } => failure_code(problem),
                _ => "setup: refused".to_owned(),
            };
            let _ = ctx.store().map(|s| {
                s.connection().execute(
                    "UPDATE mail_outbox SET state = 'pending', claimed_at = NULL, last_error = ?2 WHERE id = ?1",
                    params![row.id, code],
                )
            });
            for event in recipient_events(
                row,
                Action::MailSend,
                Outcome::Failed,
                format!("message-id={} server={} step={}", row.message_id, server, code),
            ) {
                audit::record_quietly(ctx, event);
            }
            Err(error)
        }
    }
}

fn failure_code(problem: &DeliveryProblem) -> String {
    format!("{}: {}", problem.step().code(), problem.code())
}

/// Reads the queued file and checks it; on refusal also says whether the
/// file is gone for good.
fn read_checked(row: &Row) -> std::result::Result<(Vec<u8>, Envelope), (Error, bool)> {
    use std::io::Read as _;
    let file = match std::fs::File::open(&row.path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err((Error::NotPgpMime(crate::tr!("not-pgp-mime-missing")), true));
        }
        Err(e) => return Err((Error::io("io-read", &row.path, e), false)),
    };
    let mut message = Vec::new();
    file.take(MAX_MESSAGE_BYTES).read_to_end(&mut message).map_err(|e| (Error::io("io-read", &row.path, e), false))?;
    let (sha256, _) =
        crate::hashing::sha256_of(&mut &message[..]).map_err(|e| (Error::Internal(e.to_string()), false))?;
    if sha256 != row.sha256 {
        return Err((Error::NotPgpMime(crate::tr!("not-pgp-mime-changed")), false));
    }
    let envelope = gate::check_outgoing(&message).map_err(|reason| (Error::NotPgpMime(reason.to_string()), false))?;
    Ok((message, envelope))
}
