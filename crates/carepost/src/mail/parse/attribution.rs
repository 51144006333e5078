//! Who vouches for each piece of an email: the [`Protection`] of a text
//! or attachment from the layers around it, and whose address a `From`
//! claims when it is not a signer's.

use super::*;

/// How one piece of an email (its text, an attachment) reached the user.
#[derive(Debug, Clone, Serialize)]
pub struct Protection {
    /// It was inside the encryption.
    pub encrypted: bool,
    /// Who vouches for it: the weakest of every layer around it, and
    /// unsigned when no signature vouches for it in this email.
    pub sender: Sender,
    /// The signature's Intended Recipient subpackets name this identity;
    /// `None` when the signature names no intended recipients.
    pub intended_for_me: Option<bool>,
    /// A signature that covers it but does not vouch for it here.
    pub forwarded_from: Option<Sender>,
}

impl Protection {
    /// Not encrypted, not signed: anyone could have written it.
    pub fn none() -> Protection {
        Protection { encrypted: false, sender: unsigned(), intended_for_me: None, forwarded_from: None }
    }

    /// Inside the encryption and vouched for by a signature.
    pub fn protected(&self) -> bool {
        self.encrypted && self.signed()
    }

    pub fn signed(&self) -> bool {
        self.sender.status > SenderStatus::Unsigned
    }
}

/// One layer of protection around content: an OpenPGP message, or a
/// `multipart/signed` inside one.
pub(super) struct Layer {
    pub(super) sender: Sender,
    pub(super) intended_recipients: Option<Vec<String>>,
}

pub(super) fn layer_of(decrypted: &Decrypted) -> Layer {
    Layer { sender: decrypted.sender.clone(), intended_recipients: decrypted.intended_recipients.clone() }
}

/// The protection of content wrapped in `layers` (outermost first).
///
/// A signature vouches for content in this email only if every layer
/// around it agrees: a signed part inside an unsigned encryption could
/// have been re-encrypted by anyone who received it (surreptitious
/// forwarding), unless the signature itself names this identity as an
/// intended recipient; and a signature naming other intended recipients
/// was made for someone else.
pub(super) fn attribute(encrypted: bool, layers: &[Layer], own_fingerprint: &str) -> Protection {
    let names_me = |l: &Layer| {
        l.intended_recipients.as_ref().map(|list| list.iter().any(|f| f.eq_ignore_ascii_case(own_fingerprint)))
    };
    let signed: Vec<&Layer> = layers.iter().filter(|l| l.sender.status > SenderStatus::Unsigned).collect();
    let strongest = signed.iter().max_by_key(|l| l.sender.status).map(|l| l.sender.clone());
    let mut intended_for_me = None;
    for layer in &signed {
        match names_me(layer) {
            Some(false) => intended_for_me = Some(false),
            Some(true) if intended_for_me.is_none() => intended_for_me = Some(true),
            _ => {}
        }
    }
    let unsigned_layer = layers.iter().any(|l| l.sender.status == SenderStatus::Unsigned);
    let vouched =
        !signed.is_empty() && intended_for_me != Some(false) && (!unsigned_layer || intended_for_me == Some(true));
    if vouched {
        let weakest = signed.iter().min_by_key(|l| l.sender.status).map(|l| l.sender.clone()).unwrap_or_else(unsigned);
        Protection { encrypted, sender: weakest, intended_for_me, forwarded_from: None }
    } else {
        Protection { encrypted, sender: unsigned(), intended_for_me, forwarded_from: strongest }
    }
}

/// The certificate of a known signer (own or a contact's).
pub(super) fn signer_cert(sender: &Sender, own: &Cert, contact_list: &[Contact]) -> Option<Cert> {
    let fingerprint = sender.fingerprint.as_deref()?;
    if own.fingerprint().to_hex() == fingerprint {
        return Some(own.clone());
    }
    contact_list.iter().find(|c| c.fingerprint().as_deref() == Some(fingerprint)).and_then(|c| c.cert().cloned())
}

/// Whose address among `claimed` is, when it is not one of the signers':
/// this identity (`"self"`) or another contact (its alias).
pub(super) fn address_owner(
    claimed: &[&String],
    signers: &[Cert],
    own: &Cert,
    contact_list: &[Contact],
) -> Option<String> {
    let signed_by = |cert: &Cert| signers.iter().any(|s| s.fingerprint() == cert.fingerprint());
    let carries = |cert: &Cert, addr: &str| cert_emails(cert).iter().any(|e| e.eq_ignore_ascii_case(addr));
    for addr in claimed {
        if !signed_by(own) && carries(own, addr) {
            return Some("self".to_owned());
        }
        if let Some(contact) =
            contact_list.iter().find(|c| c.cert().is_some_and(|cert| !signed_by(cert) && carries(cert, addr)))
        {
            return Some(contact.alias.clone());
        }
    }
    None
}

pub(super) fn cert_emails(cert: &Cert) -> Vec<String> {
    cert.userids().filter_map(|ua| ua.userid().email().ok().flatten().map(str::to_owned)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed_by(alias: &str, fingerprint: &str, status: SenderStatus, intended: Option<&[&str]>) -> Layer {
        Layer {
            sender: Sender { status, alias: Some(alias.into()), fingerprint: Some(fingerprint.into()), own: false },
            intended_recipients: intended.map(|l| l.iter().map(|s| s.to_string()).collect()),
        }
    }

    fn unsigned_layer() -> Layer {
        Layer { sender: unsigned(), intended_recipients: None }
    }

    #[test]
    fn a_signature_vouches_only_when_every_layer_agrees() {
        let me = "AAAA";
        // One signed and encrypted message, no intended recipients named.
        let p = attribute(true, &[signed_by("dr", "D1", SenderStatus::Verified, None)], me);
        assert!(p.protected());
        assert_eq!(p.sender.status, SenderStatus::Verified);
        // Re-encrypted by someone else without an outer signature.
        let p = attribute(true, &[unsigned_layer(), signed_by("dr", "D1", SenderStatus::Verified, None)], me);
        assert!(!p.protected());
        assert_eq!(p.sender.status, SenderStatus::Unsigned);
        assert_eq!(p.forwarded_from.unwrap().alias.as_deref(), Some("dr"));
        // ... unless the inner signature names this identity.
        let p =
            attribute(true, &[unsigned_layer(), signed_by("dr", "D1", SenderStatus::Verified, Some(&["aaaa"]))], me);
        assert_eq!(p.sender.status, SenderStatus::Verified);
        assert_eq!(p.intended_for_me, Some(true));
        // A signature made for someone else.
        let p = attribute(true, &[signed_by("dr", "D1", SenderStatus::Verified, Some(&["BBBB"]))], me);
        assert_eq!(p.sender.status, SenderStatus::Unsigned);
        assert_eq!(p.intended_for_me, Some(false));
        assert!(p.forwarded_from.is_some());
        // Two signatures: the weaker decides.
        let p = attribute(
            true,
            &[
                signed_by("p", "P1", SenderStatus::Unverified, None),
                signed_by("dr", "D1", SenderStatus::Verified, None),
            ],
            me,
        );
        assert_eq!(p.sender.status, SenderStatus::Unverified);
        assert!(!attribute(false, &[signed_by("dr", "D1", SenderStatus::Verified, None)], me).protected());
    }
}
