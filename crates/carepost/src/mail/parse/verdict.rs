//! Judging an email as a whole, once every piece is read: where text from
//! outside the encryption may appear, whether the From belongs to the
//! signer, and the verified-sender requirement.

use super::*;

/// Text from outside the encryption never passes for the message of an
/// email that carries signed content: it is withheld, or shown apart with
/// `--accept-unencrypted`. Returns the text shown apart, and whether text
/// was withheld.
pub(super) fn place_outer_text(
    outer_text: Option<String>,
    content: &mut Content,
    text_protection: &mut Option<Protection>,
    staged: &[Staged],
    accept_unencrypted: bool,
) -> (Option<String>, bool) {
    let signed_content = text_protection.iter().chain(staged.iter().map(|s| &s.protection)).any(Protection::signed);
    let mut unprotected_text = None;
    let mut unprotected_text_withheld = false;
    if let Some(text) = outer_text {
        if content.text.is_none() && !signed_content {
            content.text = Some(text);
            *text_protection = Some(Protection::none());
        } else if accept_unencrypted {
            unprotected_text = Some(text);
        } else {
            unprotected_text_withheld = true;
        }
    }
    (unprotected_text, unprotected_text_withheld)
}

/// Who the message says it is from (`from`, the protected From when there
/// is one, and `outer_from`), against who signed it. Returns whether they
/// disagree, and whose address the From is when it is not the signer's.
pub(super) fn check_from(
    ctx: &mut Context<'_>,
    from: &Option<String>,
    outer_from: &Option<String>,
    sender: &Sender,
    signer_certs: &[Cert],
    keys: &Option<Keys>,
) -> Result<(bool, Option<String>)> {
    let claimed: Vec<&String> = [from.as_ref(), outer_from.as_ref()].into_iter().flatten().collect();
    let mut from_mismatch = from.is_some() && outer_from.is_some() && !same_addr(from, outer_from);
    if sender.status > SenderStatus::Unknown {
        for cert in signer_certs {
            let emails = cert_emails(cert);
            if claimed.iter().any(|addr| !emails.iter().any(|e| e.eq_ignore_ascii_case(addr))) {
                from_mismatch = true;
            }
        }
    }

    // An address of another contact, or of this identity, is never the
    // signer's, whatever user IDs the signer put in their own key.
    let from_owner = match keys {
        Some((unlocked, contact_list)) => address_owner(&claimed, signer_certs, &unlocked.cert, contact_list),
        None => match ctx.identity() {
            Ok(identity) => {
                let contact_list = contacts::list(ctx)?;
                address_owner(&claimed, signer_certs, &identity.public_cert(), &contact_list)
            }
            Err(_) => None,
        },
    };
    if from_owner.is_some() {
        from_mismatch = true;
    }
    Ok((from_mismatch, from_owner))
}

/// `--require-verified-sender`: everything shown or saved, and anything
/// `left_out` (withheld text, unsaved attachments), must be covered by a
/// verified signature; otherwise the refusal is recorded and returned.
pub(super) fn refuse_unless_verified(
    ctx: &mut Context<'_>,
    shown: &[&Protection],
    sender: &Sender,
    left_out: bool,
) -> Result<()> {
    let all_verified = shown.iter().all(|p| p.sender.status == SenderStatus::Verified) && !left_out;
    if all_verified && sender.status == SenderStatus::Verified {
        return Ok(());
    }
    let weakest = if all_verified {
        sender.clone()
    } else {
        shown.iter().map(|p| p.sender.clone()).chain([unsigned()]).min_by_key(|s| s.status).unwrap_or_else(unsigned)
    };
    audit::record_quietly(
        ctx,
        weakest
            .open_event(Outcome::Refused, None)
            .detail(format!("email; sender {}; verified sender required", weakest.status.as_str())),
    );
    if sender.status == SenderStatus::Verified {
        return Err(Error::MailPartlyUnprotected);
    }
    let who = sender.alias.clone().or(sender.fingerprint.clone()).unwrap_or_default();
    Err(Error::SenderNotVerified { status: sender.status.label(), who })
}
