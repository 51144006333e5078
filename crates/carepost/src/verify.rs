//! Out-of-band verification of a contact's key.
//!
//! The user phones the contact on a number they already know, the contact
//! reads out their fingerprint, and the user types what they hear. Only a
//! complete match counts. The result is recorded as carepost's
//! certification of the contact's key ([`crate::certification`]).

use crate::audit::{self, Action, Event, Outcome};
use crate::contacts::{self, Contact};
use crate::error::{Error, Result};
use crate::Context;

pub use crate::certification::{Method, Verification};

/// How many readings the interactive dialogue takes before it refuses.
pub const TRIES: usize = 3;

/// `contact verify`: compares the reading with the contact's fingerprint
/// and, on a full match, certifies the contact's user IDs with the
/// identity's key. A mismatch changes nothing.
pub fn verify(ctx: &mut Context<'_>, alias: &str, reading: &str, method: Method) -> Result<Contact> {
    let contact = contacts::get(ctx, alias)?;
    let Some(contact_cert) = contact.cert() else {
        return Err(Error::NoKeyToVerify(alias.to_owned()));
    };
    let expected = contact_cert.fingerprint();
    let own = ctx.identity()?.fingerprint();
    // One audit record per reading compared: each is a refused check.
    if let Err(problem) = crate::reading::check(reading, expected.as_bytes(), own.as_bytes()) {
        audit::record_quietly(
            ctx,
            Event::new(Action::Verify, Outcome::Refused).contact(alias, &expected.to_hex()).detail(format!(
                "{}; method {}",
                problem.code(),
                method.as_str()
            )),
        );
        let standing = contact.verification.map(|v| crate::reading::Standing { at: v.at, method: v.method });
        return Err(Error::VerifyRefused { alias: alias.to_owned(), problem, standing });
    }
    let unlocked = ctx.unlock(crate::identity::Purpose::Sign)?;
    let mut signer = unlocked.signer().clone();
    let cert = crate::certification::certify(&mut signer, contact_cert, alias, method, ctx.now)?;
    contacts::store_certified(ctx, alias, &cert)?;
    let verified = contacts::get(ctx, alias)?;
    audit::record(
        ctx,
        Event::new(Action::Verify, Outcome::Success)
            .contact(alias, &expected.to_hex())
            .detail(format!("method {}", method.as_str())),
    )?;
    if !verified.is_verified() {
        return Err(Error::Internal(crate::tr!("verify-not-recorded")));
    }
    Ok(verified)
}

/// The interactive `contact verify`: shows the instructions, then asks for
/// the reading up to [`TRIES`] times, saying after each miss what was
/// wrong with it. Each reading is checked, and audited, as by [`verify`].
pub fn verify_interactively(ctx: &mut Context<'_>, alias: &str, method: Method) -> Result<Contact> {
    let contact = contacts::get(ctx, alias)?;
    if !contact.has_key() {
        return Err(Error::NoKeyToVerify(alias.to_owned()));
    }
    if !ctx.prompter.is_interactive() {
        return Err(Error::NotInteractive(crate::tr!("verify-needs-reading")));
    }
    let identity = ctx.identity()?;
    ctx.prompter.notice(&crate::tr!(
        "verify-instructions",
        alias = contact.alias.clone(),
        own_fingerprint = crate::fingerprint::hex_groups(&identity.fingerprint_hex()),
        own_words = crate::fingerprint::words(&identity.fingerprint())
    ));
    let mut tries_left = TRIES;
    loop {
        let reading = ctx.prompter.line(&crate::tr!("verify-prompt"))?;
        tries_left -= 1;
        match verify(ctx, alias, &reading, method) {
            Err(Error::VerifyRefused { problem, .. }) if tries_left > 0 => {
                ctx.prompter.notice(&crate::tr!(
                    "verify-try-again",
                    problem = problem.message(alias),
                    left = tries_left
                ));
            }
            result => return result,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Prompter;
    use crate::reading::Misreading;
    use crate::secret::Passphrase;
    use std::cell::RefCell;

    /// A person answering the dialogue from a script.
    struct Scripted {
        answers: RefCell<Vec<String>>,
        notices: RefCell<Vec<String>>,
    }

    impl Prompter for Scripted {
        fn is_interactive(&self) -> bool {
            true
        }
        fn passphrase(&self, _: &str) -> Result<Passphrase> {
            Err(Error::NoPassphrase)
        }
        fn line(&self, _: &str) -> Result<String> {
            let mut answers = self.answers.borrow_mut();
            if answers.is_empty() {
                Err(Error::Cancelled)
            } else {
                Ok(answers.remove(0))
            }
        }
        fn notice(&self, message: &str) {
            self.notices.borrow_mut().push(message.to_owned());
        }
    }

    /// A home with an identity whose passphrase is in a file, and one
    /// unverified contact "p-1".
    struct Fixture {
        dir: tempfile::TempDir,
        contact_fingerprint: String,
    }

    impl Fixture {
        fn new() -> Fixture {
            use crate::context::{NonInteractive, SecretsConfig};
            use crate::home::Home;
            use crate::identity::{Identity, Stretch};
            let dir = tempfile::tempdir().unwrap();
            let home = Home::locate(Some(dir.path().join("home"))).unwrap();
            home.create().unwrap();
            let secret = "a long test passphrase, not secret";
            let passphrase = Passphrase::new(secret.into());
            let (identity, revocation) =
                Identity::generate("A", "a@example.org", &passphrase, Stretch::Light, std::time::SystemTime::now())
                    .unwrap();
            identity.save_new(&home, &revocation).unwrap();
            let file = dir.path().join("passphrase");
            std::fs::write(&file, secret).unwrap();
            std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
            let secrets = SecretsConfig { passphrase_file: Some(file), ..SecretsConfig::default() };
            let mut ctx = Context::new(home, secrets, &NonInteractive);
            let (cert, _) =
                sequoia_openpgp::cert::CertBuilder::general_purpose(Some("P <p@example.org>")).generate().unwrap();
            let contact_fingerprint = cert.fingerprint().to_hex();
            let cert = cert.strip_secret_key_material();
            contacts::add_cert(&mut ctx, "p-1", cert, contacts::Kind::Patient, contacts::Origin::file()).unwrap();
            Fixture { dir, contact_fingerprint }
        }

        fn context<'p>(&self, prompter: &'p dyn Prompter) -> Context<'p> {
            let home = crate::home::Home::locate(Some(self.dir.path().join("home"))).unwrap();
            let secrets = crate::context::SecretsConfig {
                passphrase_file: Some(self.dir.path().join("passphrase")),
                ..Default::default()
            };
            Context::new(home, secrets, prompter)
        }
    }

    fn scripted(answers: &[&str]) -> Scripted {
        Scripted {
            answers: RefCell::new(answers.iter().map(|a| (*a).to_owned()).collect()),
            notices: RefCell::new(Vec::new()),
        }
    }

    #[test]
    fn the_dialogue_asks_again_and_refuses_after_three_misses() {
        let t = Fixture::new();
        let prompter = scripted(&["0000", "E58O", "hello", "never asked"]);
        let mut ctx = t.context(&prompter);
        match verify_interactively(&mut ctx, "p-1", Method::Phone) {
            Err(Error::VerifyRefused { problem: Misreading::UnknownWord { .. }, standing: None, .. }) => {}
            other => panic!("{other:?}"),
        }
        let notices = prompter.notices.borrow();
        // The instructions, then one "try again" per miss but the last.
        assert_eq!(notices.len(), 3, "{notices:?}");
        assert!(notices[1].contains("4 of the 40"), "{notices:?}");
        assert!(notices[2].contains("letter O"), "{notices:?}");
        assert_eq!(prompter.answers.borrow().len(), 1, "a fourth reading was asked for");
        assert!(!contacts::get(&mut ctx, "p-1").unwrap().is_verified());
    }

    #[test]
    fn the_dialogue_verifies_on_a_later_try() {
        let t = Fixture::new();
        let prompter = scripted(&["0000", &t.contact_fingerprint]);
        let mut ctx = t.context(&prompter);
        let contact = verify_interactively(&mut ctx, "p-1", Method::Phone).unwrap();
        assert!(contact.is_verified());
    }
}
