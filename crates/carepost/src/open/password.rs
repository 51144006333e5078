//! Opening the OpenPGP password form: where the password comes from
//! (`--password` on the terminal, `--password-file`), whether it is
//! needed at all, and the forms of it to try.
//!
//! The password is asked for only when the message has a password packet
//! and no key packet for one of our keys: a copy carepost sealed for a
//! patient without a key opens with our own key. It lives in a
//! [`Passphrase`] (zeroized) and then in Sequoia's `Password` (protected
//! memory), never on the command line, in the audit log or in an error.

use super::probe::key_packets;
use crate::error::{Error, MessageProblem, Result};
use crate::secret::Passphrase;
use crate::Context;
use openpgp::crypto::Password;
use openpgp::Cert;
use sequoia_openpgp as openpgp;
use std::path::{Path, PathBuf};

/// Where the password for a password-protected message comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordSource {
    /// Asked for on the terminal, without echo (`--password`).
    Prompt,
    /// The first line of a file readable by the user only
    /// (`--password-file`), judged as `--passphrase-file` is.
    File(PathBuf),
}

/// The passwords to try for the message in `input`: none when no password
/// was given or none is needed (our key opens it; it has no password
/// packet); the user's password, in the forms to try, otherwise. A
/// message that only a password opens, opened without one, is refused
/// here, before any key is unlocked.
pub(super) fn for_message(
    ctx: &Context<'_>,
    input: &Path,
    own: &Cert,
    source: Option<&PasswordSource>,
) -> Result<Vec<Password>> {
    let packets = key_packets(input, own);
    let Some(source) = source else {
        if packets.is_some_and(|p| p.password_only()) {
            return Err(Error::MessageRejected(MessageProblem::PasswordOnly));
        }
        return Ok(Vec::new());
    };
    match packets {
        Some(p) if !p.password => {
            ctx.prompter.notice(&crate::tr!("open-password-not-protected"));
            return Ok(Vec::new());
        }
        Some(p) if p.ours => {
            ctx.prompter.notice(&crate::tr!("open-password-not-needed"));
            return Ok(Vec::new());
        }
        _ => {}
    }
    Ok(password_forms(read_password(ctx, source)?.expose()))
}

/// The password from `source`: typed at the terminal without echo, or the
/// first line of a file that only the user can read.
pub(super) fn read_password(ctx: &Context<'_>, source: &PasswordSource) -> Result<Passphrase> {
    let given = match source {
        PasswordSource::Prompt => {
            if !ctx.prompter.is_interactive() {
                return Err(Error::PasswordNeedsTerminal);
            }
            let typed = ctx.prompter.passphrase(&crate::tr!("prompt-message-password"))?;
            if typed.expose().trim().is_empty() {
                return Err(Error::PasswordEmpty);
            }
            typed
        }
        PasswordSource::File(path) => Passphrase::from_file(path).map_err(|e| match e {
            Error::PassphraseFile { path, reason } => Error::PasswordFile { path, reason },
            other => other,
        })?,
    };
    Ok(given)
}

/// The forms of a typed password to try, best first: as typed, then with
/// spaces trimmed and runs of white space made one space, in lower case
/// (carepost's spoken passwords are lowercase words joined by single
/// spaces; someone copying one from a note may differ in exactly that).
/// Each form costs one key derivation.
pub fn password_forms(typed: &str) -> Vec<Password> {
    let normal = zeroize::Zeroizing::new(typed.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase());
    let mut forms = vec![Password::from(typed)];
    if normal.as_str() != typed && !normal.is_empty() {
        forms.push(Password::from(normal.as_str()));
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(forms: &[Password]) -> Vec<String> {
        forms.iter().map(|p| p.map(|b| String::from_utf8(b.to_vec()).unwrap())).collect()
    }

    #[test]
    fn a_typed_password_is_tried_as_typed_then_in_its_normal_form() {
        assert_eq!(shown(&password_forms("appel tafel fiets")), ["appel tafel fiets"]);
        assert_eq!(shown(&password_forms(" Appel  tafel\tFIETS ")), [" Appel  tafel\tFIETS ", "appel tafel fiets"]);
        // Any password: the lower-case form is one more try.
        assert_eq!(shown(&password_forms("x7#Qp")), ["x7#Qp", "x7#qp"]);
        assert_eq!(shown(&password_forms("x7#qp")), ["x7#qp"]);
    }
}
