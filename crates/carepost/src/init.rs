//! `carepost init`: a home set up with its identity. The home is created,
//! a key generated, and its passphrase either stored in the OS keychain
//! (read back to be sure) or chosen by the user. A key that cannot be
//! saved takes its keychain entry with it.
//!
//! The key itself (generating, storing, loading, unlocking) is
//! [`crate::identity`]; this module decides where its passphrase comes
//! from, which is why it, and not `identity`, knows the context.

use crate::audit::{self, Action, Event, Outcome};
use crate::context::PassphraseSource;
use crate::error::{Error, Result};
use crate::identity::{validate_email, validate_name, Identity, Stretch};
use crate::{keychain, tr, Context};

/// Creates this home's identity (`carepost init`): the home, the key, and
/// its passphrase in the keychain or from the user. Nothing is left
/// behind when a step fails.
pub fn create(ctx: &mut Context<'_>, name: &str, email: &str) -> Result<Identity> {
    let name = validate_name(name)?.to_owned();
    let email = validate_email(email)?.to_owned();
    ctx.home.create()?;
    if ctx.home.secret_key().exists() {
        let existing = Identity::load(&ctx.home)?;
        return Err(Error::IdentityExists(existing.fingerprint_hex()));
    }
    let (mut passphrase, mut source) = ctx.new_passphrase()?;
    let stretch = match source {
        PassphraseSource::Keychain => Stretch::Light,
        PassphraseSource::User => Stretch::Full,
    };
    let (mut identity, mut revocation) = Identity::generate(&name, &email, &passphrase, stretch, ctx.now)?;
    if source == PassphraseSource::Keychain {
        if let Err(e) = keychain::store_checked(&identity.fingerprint_hex(), &passphrase) {
            if !ctx.prompter.is_interactive() {
                return Err(e);
            }
            ctx.prompter.notice(&tr!(
                "notice-keychain-unavailable-init-how",
                reason = e.to_string(),
                how = crate::keychain::how_to_get_one()
            ));
            passphrase = ctx.prompt_new_passphrase()?;
            (identity, revocation) = Identity::generate(&name, &email, &passphrase, Stretch::Full, ctx.now)?;
            source = PassphraseSource::User;
        }
    }
    if let Err(e) = identity.save_new(&ctx.home, &revocation) {
        if source == PassphraseSource::Keychain {
            let _ = keychain::delete(&identity.fingerprint_hex());
        }
        return Err(match e {
            Error::IdentityExists(_) => match Identity::load(&ctx.home) {
                Ok(other) => Error::IdentityExists(other.fingerprint_hex()),
                Err(e) => e,
            },
            e => e,
        });
    }
    ctx.remember_passphrase_source(source)?;
    let detail = match source {
        PassphraseSource::Keychain => "passphrase in keychain",
        PassphraseSource::User => "passphrase chosen by user",
    };
    audit::record(
        ctx,
        Event::new(Action::Init, Outcome::Success).fingerprint(&identity.fingerprint_hex()).detail(detail),
    )?;
    Ok(identity)
}
