//! `carepost mail setup|show|retry|cancel`.

use crate::cli::mail::{MailCommand, MailSetupArgs, TlsArg};
use crate::ui::Output;
use carepost::mail::config::{self, PasswordSource, SetupRequest, SmtpConfig, TlsMode};
use carepost::mail::outbox::{self, Delivery, Mailer, Queued};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};
use serde::Serialize;
use std::path::PathBuf;

pub fn run(ctx: &mut Context<'_>, command: MailCommand, out: &Output) -> Result<(), Error> {
    match command {
        MailCommand::Setup(args) => setup(ctx, args, out),
        MailCommand::Show => show(ctx, out),
        MailCommand::Retry(args) => match args.resend {
            Some(message_id) => resend(ctx, &message_id, out),
            None => retry(ctx, out),
        },
        MailCommand::Cancel(args) => {
            outbox::cancel(ctx, &args.message_id)?;
            let id = args.message_id.trim().trim_start_matches('<').trim_end_matches('>').to_owned();
            out.result(&serde_json::json!({ "message_id": id, "status": "cancelled" }), |w| {
                writeln!(w, "{}", tr!("mail-cancelled", message_id = Safe(&id).to_string()))
            })
        }
    }
}

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

fn setup(ctx: &mut Context<'_>, args: MailSetupArgs, out: &Output) -> Result<(), Error> {
    let request = SetupRequest {
        host: args.host,
        port: args.port,
        user: args.user,
        from: args.from,
        tls: args.tls.map(|t| match t {
            TlsArg::Starttls => TlsMode::Starttls,
            TlsArg::Implicit => TlsMode::Implicit,
            TlsArg::None => TlsMode::None,
        }),
        ca_file: args.ca_file,
        password_file: args.password_file,
        allow_plaintext_loopback: args.allow_plaintext_loopback,
    };
    let config = config::setup(ctx, &request)?;
    out.result(&Settings::of(&config, None), |w| {
        writeln!(
            w,
            "{}",
            tr!(
                "mail-setup-done",
                server = Safe(config.server()).to_string(),
                tls = config.tls_label(),
                from = Safe(&config.from).to_string()
            )
        )?;
        match config.password {
            PasswordSource::Keychain => writeln!(w, "{}", tr!("mail-setup-keychain")),
            PasswordSource::File => writeln!(w, "{}", tr!("mail-setup-password-per-send")),
        }
    })
}

fn show(ctx: &mut Context<'_>, out: &Output) -> Result<(), Error> {
    let config = config::require(ctx)?;
    let pending = outbox::queued(ctx)?;
    let settings = Settings::of(&config, Some(pending.clone()));
    out.result(&settings, |w| {
        writeln!(w, "{}", tr!("mail-show-server", server = Safe(config.server()).to_string()))?;
        writeln!(w, "{}", tr!("mail-show-tls", tls = config.tls_label()))?;
        writeln!(w, "{}", tr!("mail-show-user", user = Safe(&config.user).to_string()))?;
        writeln!(w, "{}", tr!("mail-show-from", from = Safe(&config.from).to_string()))?;
        if let Some(ca) = &config.ca_file {
            writeln!(w, "{}", tr!("mail-show-ca", ca = Safe(ca.display().to_string()).to_string()))?;
        }
        writeln!(w, "{}", tr!("mail-show-password", source = config.password_label()))?;
        writeln!(w, "{}", tr!("mail-show-pending", count = pending.len()))?;
        for queued in &pending {
            let error = queued.last_error.as_ref().map(|e| format!(" ({e})")).unwrap_or_default();
            writeln!(
                w,
                "  {}  {}  {}{}",
                queued.message_id,
                queued.queued_at,
                queued.recipients.join(", "),
                Safe(error)
            )?;
            if queued.state == outbox::MailState::MaybeDelivered {
                let id = Safe(&queued.message_id).to_string();
                writeln!(w, "    {}", tr!("mail-show-maybe-delivered", message_id = id))?;
            }
        }
        Ok(())
    })
}

#[derive(Serialize)]
struct Retried<'r> {
    deliveries: &'r [Delivery],
}

fn retry(ctx: &mut Context<'_>, out: &Output) -> Result<(), Error> {
    if outbox::queued(ctx)?.is_empty() {
        return out.result(&Retried { deliveries: &[] }, |w| writeln!(w, "{}", tr!("mail-retry-nothing")));
    }
    let mut report = outbox::retry(ctx, Mailer::prepare)?;
    if let Some(error) = report.first_error.take() {
        // Reported as the error alone, so that `--json` still prints one
        // document; what else happened goes to stderr.
        let mut first_failure_shown = false;
        for delivery in &report.deliveries {
            match (&delivery.error, delivery.status) {
                (_, "sent") => out.notice(&sent_line(delivery)),
                (None, outbox::MAYBE_DELIVERED) => out.notice(&skipped_line(delivery)),
                (Some(_), _) if !first_failure_shown => first_failure_shown = true,
                (Some(e), _) => out.notice(&tr!(
                    "mail-send-failed",
                    message_id = Safe(&delivery.message_id).to_string(),
                    reason = e.message.clone()
                )),
                (None, _) => {
                    out.notice(&tr!("mail-retry-skipped", message_id = Safe(&delivery.message_id).to_string()))
                }
            }
        }
        return Err(error);
    }
    out.result(&Retried { deliveries: &report.deliveries }, |w| {
        for delivery in &report.deliveries {
            match delivery.status {
                outbox::MAYBE_DELIVERED => writeln!(w, "{}", skipped_line(delivery))?,
                _ => writeln!(w, "{}", sent_line(delivery))?,
            }
        }
        Ok(())
    })
}

/// `mail retry --resend MESSAGE-ID`: the user checked with the recipient
/// and wants it sent again.
fn resend(ctx: &mut Context<'_>, message_id: &str, out: &Output) -> Result<(), Error> {
    let mailer = Mailer::prepare(ctx)?;
    let delivery = outbox::resend(ctx, &mailer, message_id)?;
    let deliveries = [delivery];
    out.result(&Retried { deliveries: &deliveries }, |w| writeln!(w, "{}", sent_line(&deliveries[0])))
}

/// Why `mail retry` left a message alone, and what to do.
fn skipped_line(delivery: &Delivery) -> String {
    tr!("mail-retry-maybe-delivered", message_id = Safe(&delivery.message_id).to_string())
}

/// The line for one email the server accepted (`mail retry`, `send --smtp`).
pub(super) fn sent_line(delivery: &Delivery) -> String {
    tr!("mail-sent", server = Safe(&delivery.server).to_string(), message_id = Safe(&delivery.message_id).to_string())
}
