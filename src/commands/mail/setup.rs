//! `carepost mail setup`: stores the mail server to send through.

use super::Settings;
use crate::cli::mail::{MailSetupArgs, TlsArg};
use crate::ui::Output;
use carepost::mail::config::{self, PasswordSource, SetupRequest, TlsMode};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: MailSetupArgs, out: &Output) -> Result<(), Error> {
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
