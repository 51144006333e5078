//! `carepost whoami`: your name, email and fingerprint, as text, words or
//! a QR code, to read out to contacts.

use crate::cli::whoami::WhoamiArgs;
use crate::ui::Output;
use carepost::fingerprint::{hex_groups, qr_svg, qr_terminal, words};
use carepost::safe::Safe;
use carepost::{home, tr, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct Whoami {
    name: String,
    email: String,
    fingerprint: String,
    words: String,
    expires: Option<String>,
    /// The reason code when the identity is revoked.
    revoked: Option<&'static str>,
}

pub fn run(ctx: &mut Context<'_>, args: WhoamiArgs, out: &Output) -> Result<(), Error> {
    let identity = ctx.identity()?;
    let fingerprint = identity.fingerprint_hex();
    if let Some(path) = &args.qr_svg {
        home::write_atomic(path, qr_svg(&fingerprint).as_bytes(), false)?;
        out.notice(&tr!("whoami-qr-written", path = Safe(path.display().to_string()).to_string()));
    }
    let me = Whoami {
        name: identity.name(),
        email: identity.email(),
        words: words(&identity.fingerprint()),
        fingerprint,
        expires: identity.expires_at(ctx.now).map(carepost::fmt_time),
        revoked: carepost::revoke::revoked(identity.cert(), ctx.now),
    };
    out.result(&me, |w| {
        let mut fields = vec![
            (tr!("whoami-name"), Safe(&me.name).to_string()),
            (tr!("whoami-email"), Safe(&me.email).to_string()),
            (tr!("whoami-fingerprint"), hex_groups(&me.fingerprint)),
            (tr!("whoami-words"), me.words.clone()),
        ];
        if let Some(expires) = &me.expires {
            fields.push((tr!("whoami-expires"), carepost::when::show_date(expires)));
        }
        if let Some(reason) = me.revoked {
            fields.push((
                tr!("revoke-status-label"),
                tr!("revoke-status-value", reason = carepost::error::revocation_reason_words(reason)),
            ));
        }
        crate::ui::write_fields(w, &fields)?;
        if me.revoked.is_some() {
            writeln!(w, "{}", tr!("revoke-status-hint"))?;
        }
        if args.qr {
            writeln!(w)?;
            writeln!(w, "{}", qr_terminal(&me.fingerprint))?;
            writeln!(w, "{}", tr!("whoami-qr-caption"))?;
        }
        Ok(())
    })?;
    if !out.json {
        // An offer never fails the command it rides on.
        let offer = carepost::passphrase::offer_keychain(ctx, carepost::keychain::reachable).unwrap_or(false);
        super::status::offer_keychain(offer, out);
    }
    Ok(())
}
