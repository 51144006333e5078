//! Opening a received email (`carepost open MESSAGE.eml`): PGP/MIME
//! (RFC 3156, from carepost, Thunderbird, GpgOL, Mailvelope, K-9), inline
//! PGP (an armored text body), and plain messages whose attachments are
//! separately encrypted `.pgp`/`.gpg`/`.asc` files (Kleopatra users).
//!
//! Every attachment is saved only after the whole message decrypted and
//! every integrity and signature check passed: the decrypted inner MIME
//! goes to a nameless private file in the home's `tmp` folder, never to a
//! named one, and the attachments one after the other into a single
//! nameless spool file in the target folder (one descriptor, however many
//! there are); each is copied into its own file under its sanitized name
//! only at the end. Either all attachments become managed `received`
//! files with their audit records, or none.
//!
//! Every piece of content carries its own [`Protection`]; the email's
//! sender is the weakest of what is shown or saved, and text from outside
//! the encryption never passes for the message of a signed email.
//!
//! mail-parser works on a byte slice, so it is handed the email (and the
//! decrypted inner MIME) without its long base64 runs
//! ([`crate::mail::skeleton`]): an attachment or the encrypted payload is
//! read back from its file and decoded on the way, never held whole in
//! memory. The email file and its decrypted inner MIME are each bounded
//! by [`MAX_MAIL_BYTES`]; larger messages are refused (exit 4). Mail
//! servers commonly refuse anything over 25–50 MiB, so the bound only
//! stops abuse; `send --eml` refuses to write anything larger. Hostile
//! structure is bounded too: the header section ([`MAX_HEADER_BYTES`]),
//! MIME nesting ([`MAX_DEPTH`]) and the number of parts ([`MAX_PARTS`]).
//!
//! A plain (unencrypted) message is reported as such and nothing of it is
//! saved unless the user asks for it. An Autocrypt header is reported and
//! can be added as an *unverified* contact on request; it is never
//! trusted by itself.

use crate::audit::{self, Action, Event, Outcome};
use crate::contacts::{self, Contact};
use crate::error::{Error, MailProblem, Result};
use crate::hashing::HashingWriter;
use crate::mail::skeleton::{self, Base64Reader, Skeleton};
use crate::open::{self, Decrypted, Sender, SenderStatus, Source};
use crate::output::PendingFile;
use crate::retention::{self, Kind};
use crate::Context;
use base64::Engine as _;
use mail_parser::{Encoding, Message, MessageParser, MessagePart, MimeHeaders, PartType};
use openpgp::parse::Parse as _;
use openpgp::Cert;
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

mod attribution;
mod autocrypt;
mod bodies;
mod content;
mod detect;
mod limits;
mod spool;

pub use attribution::Protection;
use attribution::*;
pub use autocrypt::AutocryptInfo;
use autocrypt::*;
use bodies::*;
use content::*;
pub use detect::looks_like_email;
use detect::*;
use limits::*;
pub use spool::SavedAttachment;
use spool::*;

/// Largest email file, and largest decrypted inner MIME, parsed.
pub const MAX_MAIL_BYTES: u64 = 256 << 20;
/// Largest header section of the email (real ones are a few KiB).
pub const MAX_HEADER_BYTES: usize = 1 << 20;
/// Deepest MIME nesting accepted (real mail rarely exceeds 5).
pub const MAX_DEPTH: usize = 32;
/// Most MIME parts read in one email (or its decrypted inside): real mail
/// has a handful, an email with a thousand documents is already absurd.
pub const MAX_PARTS: usize = 5_000;
/// Largest decrypted inline-PGP text.
const MAX_TEXT_BYTES: u64 = 16 << 20;

/// What the user asked to open.
#[derive(Debug, Default, Clone)]
pub struct OpenMailRequest {
    pub input: PathBuf,
    pub output_dir: Option<PathBuf>,
    pub require_verified_sender: bool,
    /// Save the attachments of an unencrypted message too.
    pub accept_unencrypted: bool,
    /// Add the key in the Autocrypt header as this (unverified) contact.
    pub add_autocrypt: Option<String>,
    /// Keep the attachments this long instead of the `received` retention.
    pub retain: Option<std::time::Duration>,
    /// Largest attachment to write (default: see [`open::output_limit`]).
    pub max_output: Option<u64>,
}

/// How the message was protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MailFormat {
    /// RFC 3156 `multipart/encrypted`.
    PgpMime,
    /// An armored OpenPGP message as the text body.
    InlinePgp,
    /// A plain message with separately encrypted attachments.
    PgpAttachments,
    /// Not encrypted at all.
    Plain,
}

/// The result of opening an email: the contract's `open` fields (`output`
/// and `filename` are the first attachment's, or null), plus the email's.
#[derive(Debug, Clone, Serialize)]
pub struct OpenedMail {
    pub output: Option<PathBuf>,
    pub filename: Option<String>,
    pub sender: Sender,
    pub encrypted: bool,
    pub format: MailFormat,
    /// The real subject: the protected one when there is one.
    pub subject: Option<String>,
    /// The subject came from inside the encryption.
    pub subject_protected: bool,
    /// The message text. Never text from outside the encryption when the
    /// email carries signed content (see `unprotected_text`).
    pub text: Option<String>,
    /// `text` was inside the encryption and covered by the signature that
    /// `sender` describes.
    pub text_protected: bool,
    /// How `text` reached the user.
    pub text_protection: Option<Protection>,
    /// Text added outside the encryption of an email that carries signed
    /// content (a list footer, a wrapper's text, a GpgOL clear body):
    /// given only with `--accept-unencrypted`.
    pub unprotected_text: Option<String>,
    /// Such text exists and was not shown.
    pub unprotected_text_withheld: bool,
    /// A signature that covers some content but does not vouch for it in
    /// this email (it was re-encrypted by someone else, or it names other
    /// recipients): possibly a surreptitious forward.
    pub forwarded_from: Option<Sender>,
    /// The sender's address as the message states it (the protected From
    /// when there is one).
    pub from: Option<String>,
    /// The message claims to be from an address the signing key does not
    /// carry (or the outer and protected From differ).
    pub from_mismatch: bool,
    /// Whose address the From is, when it belongs to someone other than
    /// the signer: a contact's alias, or `"self"` for this identity.
    pub from_owner: Option<String>,
    pub attachments: Vec<SavedAttachment>,
    /// Attachments not saved because the message is not encrypted.
    pub unsaved_attachments: usize,
    pub autocrypt: Option<AutocryptInfo>,
    /// When carepost deletes the saved attachments (RFC 3339).
    pub expires: Option<String>,
}

/// `carepost open MESSAGE.eml`.
pub fn open(ctx: &mut Context<'_>, req: &OpenMailRequest, progress: &dyn crate::send::Progress) -> Result<OpenedMail> {
    let meta = std::fs::metadata(&req.input).map_err(|e| Error::io("io-read", &req.input, e))?;
    if !meta.is_file() {
        return Err(Error::InputNotAFile(req.input.clone()));
    }
    if meta.len() > MAX_MAIL_BYTES {
        return Err(reject(ctx, MailProblem::TooLarge(MAX_MAIL_BYTES)));
    }
    let keep_for = retention::policy(ctx)?.choose(Kind::Received, req.retain)?;
    let out_dir = match &req.output_dir {
        Some(dir) if dir.is_dir() => std::fs::canonicalize(dir).map_err(|e| Error::io("io-resolve", dir, e))?,
        Some(dir) => return Err(Error::OutputDir(dir.clone())),
        None => {
            let inbox = ctx.home.inbox();
            ctx.home.ensure_dir(&inbox)?;
            inbox
        }
    };
    let input = std::fs::File::open(&req.input).map_err(|e| Error::io("io-read", &req.input, e))?;
    let head = Zeroizing::new(
        crate::send::read_up_to(&mut &input, MAX_HEADER_BYTES + 4).map_err(|e| Error::io("io-read", &req.input, e))?,
    );
    if header_section_len(&head) > MAX_HEADER_BYTES {
        return Err(reject(ctx, MailProblem::HeadersTooLarge));
    }
    drop(head);
    let raw = read_parsable(ctx, &input, &req.input)?;
    let message = parse_bounded(ctx, &raw.bytes)?;
    let outer_bodies = Bodies { skeleton: &raw, file: &input };

    let outer_from = first_address(&message);
    let outer_subject = message.subject().map(str::to_owned);
    let autocrypt = message.header_raw("Autocrypt").map(str::to_owned);
    let pgp_mime = find_pgp_mime(&message);
    // Everything of a PGP/MIME part (its own parts included) is read from
    // inside the encryption; whatever else the email holds was added
    // outside it (a list footer, a wrapper's text) and is unprotected.
    let inside: Vec<u32> = pgp_mime.map(|id| subtree(&message, id)).unwrap_or_default();

    let mut staged: Vec<Staged> = Vec::new();
    let mut spool = Spool::new_in(&out_dir)?;
    let mut content = Content::default();
    let mut subject_protected = false;
    let mut unsaved = 0;
    let mut signer_certs: Vec<Cert> = Vec::new();
    // The text from outside the encryption, if any.
    let mut outer_text = body_text_excluding(&message, &inside);
    let mut text_protection: Option<Protection> = None;
    let outer_armored =
        if pgp_mime.is_none() { outer_text.as_deref().and_then(armored_message).map(str::to_owned) } else { None };
    let mut outer_attachments: Vec<(&MessagePart<'_>, bool)> = Vec::new();
    for part in message.attachments.iter().filter(|id| !inside.contains(id)).filter_map(|id| message.part(*id)) {
        let head = outer_bodies.of(part)?.head(256).map_err(|e| body_error(ctx, &req.input, e))?;
        outer_attachments.push((part, is_encrypted_attachment(part, &head)));
    }
    let encrypted_attachments = outer_attachments.iter().filter(|(_, encrypted)| *encrypted).count();
    let needs_key = pgp_mime.is_some() || outer_armored.is_some() || encrypted_attachments > 0;
    if needs_key {
        // An email none of whose encrypted pieces can be for this identity
        // is refused before the passphrase is asked for or the keychain
        // is touched, naming who it was for.
        let mut encrypted: Vec<Body<'_>> = Vec::new();
        if let Some(part) = pgp_mime.and_then(|id| pgp_mime_payload(&message, id)) {
            encrypted.push(outer_bodies.of(part)?);
        }
        encrypted.extend(outer_armored.as_deref().map(|a| Body::Memory(a.as_bytes())));
        for (part, _) in outer_attachments.iter().filter(|(_, encrypted)| *encrypted) {
            encrypted.push(outer_bodies.of(part)?);
        }
        if let Err(e) = addressed_to_us(ctx, encrypted) {
            log_failure(ctx, &e);
            return Err(e);
        }
    }
    let keys = if needs_key { Some(unlock(ctx)?) } else { None };
    let own_fingerprint = keys.as_ref().map(|(u, _)| u.cert.fingerprint().to_hex()).unwrap_or_default();

    if let (Some(armored), Some((unlocked, contact_list))) = (&outer_armored, &keys) {
        let mut text = Vec::new();
        let decrypted = decrypt_logged(
            ctx,
            Source { reader: armored.as_bytes(), path: None },
            unlocked,
            contact_list,
            MAX_TEXT_BYTES,
            &mut text,
            progress,
        )?;
        content.text = Some(String::from_utf8_lossy(&text).into_owned());
        text_protection = Some(attribute(decrypted.encrypted, &[layer_of(&decrypted)], &own_fingerprint));
        signer_certs.extend(signer_cert(&decrypted.sender, &unlocked.cert, contact_list));
        // The text around the armored block is not part of it.
        outer_text = None;
    }
    // Attachments outside any PGP/MIME part: separately encrypted files
    // (GpgOL, Kleopatra) carry their own protection; anything else is
    // unprotected.
    for (part, is_encrypted) in outer_attachments {
        if let (true, Some(keys)) = (is_encrypted, &keys) {
            let body = outer_bodies.of(part)?;
            let (stage, decrypted) = stage_decrypted(ctx, &mut spool, part, body, keys, req, progress)?;
            let (unlocked, contact_list) = keys;
            signer_certs.extend(signer_cert(&decrypted.sender, &unlocked.cert, contact_list));
            staged.push(stage);
        } else if req.accept_unencrypted {
            staged.push(stage_plain(ctx, &mut spool, part, outer_bodies.of(part)?, Protection::none())?);
        } else {
            unsaved += 1;
        }
    }

    let format = if let (Some(id), Some((unlocked, contact_list))) = (pgp_mime, &keys) {
        // RFC 3156: the second part holds the OpenPGP message.
        let encrypted = pgp_mime_payload(&message, id)
            .ok_or_else(|| reject(ctx, MailProblem::BrokenPgpMime(crate::tr!("mail-no-encrypted-part"))))?;
        let encrypted = outer_bodies.of(encrypted)?;
        let tmp = ctx.home.tmp();
        ctx.home.ensure_dir(&tmp)?;
        let mut inner_file = PendingFile::new_in(&tmp)?;
        progress.start(encrypted.len());
        let decrypted = decrypt_logged(
            ctx,
            Source { reader: encrypted.reader(), path: None },
            unlocked,
            contact_list,
            MAX_MAIL_BYTES,
            inner_file.file(),
            progress,
        );
        progress.finish();
        let decrypted = decrypted?;
        drop(message);
        drop(raw);
        // The inner MIME stays in its private file: mail-parser reads it
        // without its bulk, the attachments are decoded from the file.
        let inner_file: &std::fs::File = inner_file.rewind()?;
        let inner = read_parsable(ctx, inner_file, &tmp)?;
        let inner_bodies = Bodies { skeleton: &inner, file: inner_file };
        let mut layers = vec![layer_of(&decrypted)];
        let inner_message = parse_bounded(ctx, &inner.bytes)?;
        // A `multipart/signed` inside the encryption: check it, then read
        // its first part as the content.
        let signed_data;
        let signed_message;
        let whole = Skeleton::whole(Zeroizing::new(Vec::new()));
        let mut content_bodies = inner_bodies;
        let content_message = if content_type_of(inner_message.root_part()) == "multipart/signed" {
            let (data, signature) = signed_parts(&inner_message, &inner.bytes)
                .ok_or_else(|| reject(ctx, MailProblem::BrokenPgpMime(crate::tr!("mail-broken-signed-part"))))?;
            let detached = match open::verify_detached_signature(ctx, unlocked, contact_list, &data, &signature) {
                Ok(d) => d,
                Err(e) => {
                    log_failure(ctx, &e);
                    return Err(e);
                }
            };
            signer_certs.extend(signer_cert(&detached.sender, &unlocked.cert, contact_list));
            layers.push(Layer { sender: detached.sender, intended_recipients: detached.intended_recipients });
            signed_data = data;
            signed_message = parse_bounded(ctx, &signed_data)?;
            // Parsed from memory, whole.
            content_bodies = Bodies { skeleton: &whole, file: inner_file };
            &signed_message
        } else {
            &inner_message
        };
        signer_certs.extend(signer_cert(&decrypted.sender, &unlocked.cert, contact_list));
        let protection = attribute(decrypted.encrypted, &layers, &own_fingerprint);
        content.subject = content_message.subject().map(str::to_owned);
        subject_protected = content.subject.is_some();
        content.from = first_address(content_message);
        content.text = body_text(content_message);
        if content.text.is_some() {
            text_protection = Some(protection.clone());
        }
        for part in content_message.attachments() {
            if is_legacy_display(part) {
                continue;
            }
            staged.push(stage_plain(ctx, &mut spool, part, content_bodies.of(part)?, protection.clone())?);
        }
        MailFormat::PgpMime
    } else if outer_armored.is_some() {
        MailFormat::InlinePgp
    } else if encrypted_attachments > 0 {
        MailFormat::PgpAttachments
    } else {
        MailFormat::Plain
    };
    if format != MailFormat::PgpMime {
        content.subject = outer_subject.clone();
    }
    if content.subject.is_none() {
        content.subject = outer_subject.filter(|s| s != crate::mail::compose::OUTER_SUBJECT && s != "...");
    }
    let encrypted = format != MailFormat::Plain;

    // Text from outside the encryption never passes for the message of an
    // email that carries signed content: it is withheld, or shown apart
    // with --accept-unencrypted.
    let outer_text = outer_text.filter(|t| !t.trim().is_empty());
    let signed_content = text_protection.iter().chain(staged.iter().map(|s| &s.protection)).any(Protection::signed);
    let mut unprotected_text = None;
    let mut unprotected_text_withheld = false;
    if let Some(text) = outer_text {
        if content.text.is_none() && !signed_content {
            content.text = Some(text);
            text_protection = Some(Protection::none());
        } else if req.accept_unencrypted {
            unprotected_text = Some(text);
        } else {
            unprotected_text_withheld = true;
        }
    }

    // The email's sender is the weakest of everything shown or saved.
    let mut shown: Vec<&Protection> = text_protection.iter().chain(staged.iter().map(|s| &s.protection)).collect();
    let none = Protection::none();
    if unprotected_text.is_some() {
        shown.push(&none);
    }
    let sender = shown.iter().min_by_key(|p| p.sender.status).map(|p| p.sender.clone()).unwrap_or_else(unsigned);
    let forwarded_from = shown.iter().find_map(|p| p.forwarded_from.clone());
    let text_protected =
        text_protection.as_ref().is_some_and(|p| p.protected() && p.sender.fingerprint == sender.fingerprint);

    // Who the message says it is from, against who signed it.
    let claimed: Vec<&String> = [content.from.as_ref(), outer_from.as_ref()].into_iter().flatten().collect();
    let mut from_mismatch = content.from.is_some() && outer_from.is_some() && !same_addr(&content.from, &outer_from);
    if sender.status > SenderStatus::Unknown {
        for cert in &signer_certs {
            let emails = cert_emails(cert);
            if claimed.iter().any(|addr| !emails.iter().any(|e| e.eq_ignore_ascii_case(addr))) {
                from_mismatch = true;
            }
        }
    }

    // An address of another contact, or of this identity, is never the
    // signer's, whatever user IDs the signer put in their own key.
    let from_owner = match &keys {
        Some((unlocked, contact_list)) => address_owner(&claimed, &signer_certs, &unlocked.cert, contact_list),
        None => match ctx.identity() {
            Ok(identity) => {
                let contact_list = contacts::list(ctx)?;
                address_owner(&claimed, &signer_certs, &identity.public_cert(), &contact_list)
            }
            Err(_) => None,
        },
    };
    if from_owner.is_some() {
        from_mismatch = true;
    }

    // Everything, withheld text and unsaved attachments included, must be
    // covered by a verified signature.
    let all_verified =
        shown.iter().all(|p| p.sender.status == SenderStatus::Verified) && !unprotected_text_withheld && unsaved == 0;
    if req.require_verified_sender && (!all_verified || sender.status != SenderStatus::Verified) {
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
        return Err(Error::SenderNotVerified { status: sender.status.as_str().to_owned(), who });
    }
    let autocrypt = match autocrypt {
        Some(value) => Some(autocrypt_info(ctx, &value, content.from.as_ref().or(outer_from.as_ref()), req)?),
        None => {
            if req.add_autocrypt.is_some() {
                return Err(Error::Usage(crate::tr!("mail-no-autocrypt")));
            }
            None
        }
    };

    let (attachments, expires) = save_all(ctx, &mut spool, staged, &out_dir, keep_for, &sender, format)?;
    let first = attachments.first();
    Ok(OpenedMail {
        output: first.map(|a| a.output.clone()),
        filename: first.map(|a| a.filename.clone()),
        sender,
        encrypted,
        format,
        subject: content.subject,
        subject_protected,
        // Shown and returned with plain line feeds, whatever the wire had.
        text: content.text.map(|t| t.replace("\r\n", "\n")),
        text_protected,
        text_protection,
        unprotected_text: unprotected_text.map(|t| t.replace("\r\n", "\n")),
        unprotected_text_withheld,
        forwarded_from,
        from: content.from.or(outer_from),
        from_mismatch,
        from_owner,
        attachments,
        unsaved_attachments: unsaved,
        autocrypt,
        expires,
    })
}

fn unsigned() -> Sender {
    Sender { status: SenderStatus::Unsigned, alias: None, fingerprint: None, own: false }
}

fn reject(ctx: &mut Context<'_>, problem: MailProblem) -> Error {
    audit::record_quietly(ctx, Event::new(Action::Open, Outcome::Failed).detail(format!("email; {}", problem.code())));
    Error::MailRejected(problem)
}

fn log_failure(ctx: &mut Context<'_>, e: &Error) {
    if let Error::MessageRejected(problem) = e {
        audit::record_quietly(
            ctx,
            Event::new(Action::Open, Outcome::Failed).detail(format!("email; {}", problem.code())),
        );
    }
}

/// Fails (with the first refusal) when every encrypted piece of an email
/// is addressed to other people's keys only; decided from the key packets,
/// without unlocking anything.
fn addressed_to_us(ctx: &mut Context<'_>, encrypted: Vec<Body<'_>>) -> Result<()> {
    if encrypted.is_empty() {
        return Ok(());
    }
    let own_public = ctx.identity()?.public_cert();
    let contact_list = contacts::list(ctx)?;
    let mut first_refusal = None;
    for piece in encrypted {
        let checked = match piece {
            Body::Memory(bytes) => open::check_bytes_addressed_to_us(bytes, &own_public, &contact_list),
            streamed => open::check_reader_addressed_to_us(streamed.reader(), &own_public, &contact_list),
        };
        match checked {
            Ok(()) => return Ok(()),
            Err(e) => {
                first_refusal.get_or_insert(e);
            }
        }
    }
    first_refusal.map_or(Ok(()), Err)
}

fn unlock(ctx: &mut Context<'_>) -> Result<(crate::identity::Unlocked, Vec<Contact>)> {
    let unlocked = ctx.unlock(crate::identity::Purpose::Decrypt)?;
    let contact_list = contacts::list(ctx)?;
    Ok((unlocked, contact_list))
}

fn decrypt_logged<R: Read + Send + Sync>(
    ctx: &mut Context<'_>,
    source: Source<'_, R>,
    unlocked: &crate::identity::Unlocked,
    contact_list: &[Contact],
    limit: u64,
    sink: &mut (dyn Write + Send + Sync),
    progress: &dyn crate::send::Progress,
) -> Result<Decrypted> {
    let decrypted = open::decrypt(ctx, source, unlocked, contact_list, limit, sink, None, progress);
    if let Err(e) = &decrypted {
        log_failure(ctx, e);
    }
    decrypted
}
