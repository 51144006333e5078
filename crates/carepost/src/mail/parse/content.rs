//! What a message says about itself: its From address, its subject and
//! its text, read from one MIME tree.

use super::*;

/// What the inside of the message says, once decrypted.
#[derive(Default)]
pub(super) struct Content {
    pub(super) subject: Option<String>,
    pub(super) from: Option<String>,
    pub(super) text: Option<String>,
}

/// The first address of the message's From.
pub(super) fn first_address(message: &Message<'_>) -> Option<String> {
    message.from().and_then(|a| a.first()).and_then(|a| a.address.as_deref()).map(str::to_owned)
}

pub(super) fn same_addr(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => true,
    }
}

/// Thunderbird's "legacy display" part for protected headers.
pub(super) fn is_legacy_display(part: &MessagePart<'_>) -> bool {
    content_type_of(part) == "text/rfc822-headers"
}

/// The message text: the first text body that is not a legacy-display
/// part (HTML converted to text when there is no plain text).
pub(super) fn body_text(message: &Message<'_>) -> Option<String> {
    body_text_excluding(message, &[])
}

/// [`body_text`], skipping the parts in `excluded`.
pub(super) fn body_text_excluding(message: &Message<'_>, excluded: &[u32]) -> Option<String> {
    for (pos, id) in message.text_body.iter().enumerate() {
        let Some(part) = message.part(*id) else { continue };
        if is_legacy_display(part) || message.attachments.contains(id) || excluded.contains(id) {
            continue;
        }
        return message.body_text(pos).map(|t| t.into_owned());
    }
    None
}
