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
mod spool;

pub use attribution::Protection;
use attribution::*;
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

/// One saved attachment.
#[derive(Debug, Clone, Serialize)]
pub struct SavedAttachment {
    pub output: PathBuf,
    pub filename: String,
    pub size: u64,
    pub sha256: String,
    pub content_type: String,
    /// Whether it arrived encrypted.
    pub encrypted: bool,
    /// It was inside the encryption and covered by the signature that its
    /// `sender` describes.
    pub protected: bool,
    /// Who signed it (for separately encrypted attachments, each has its
    /// own signature): the weakest of every layer around it.
    pub sender: Sender,
    /// See [`Protection::intended_for_me`].
    pub intended_for_me: Option<bool>,
    /// See [`Protection::forwarded_from`].
    pub forwarded_from: Option<Sender>,
    /// The managed-file id (for `files`).
    pub id: i64,
}

/// The Autocrypt header of the message.
#[derive(Debug, Clone, Serialize)]
pub struct AutocryptInfo {
    pub addr: String,
    pub prefer_encrypt: Option<String>,
    /// The key's fingerprint, if the key data parses.
    pub fingerprint: Option<String>,
    /// The header's address is the message's From address (otherwise the
    /// header must be ignored).
    pub matches_from: bool,
    /// The contact that already has this key, if any.
    pub known_as: Option<String>,
    /// Set when `--add-autocrypt` added it (unverified).
    pub added_as: Option<String>,
    /// Why the key could not be used as a contact's, if it cannot.
    pub problem: Option<String>,
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

/// The PGP/MIME part of the email: the root, or (when a list server or
/// gateway wrapped it in `multipart/mixed` to add a footer) a direct
/// child of the root.
fn find_pgp_mime(message: &Message<'_>) -> Option<u32> {
    let root = message.root_part();
    if content_type_of(root) == "multipart/encrypted" {
        return Some(0);
    }
    if content_type_of(root) != "multipart/mixed" {
        return None;
    }
    root.sub_parts()?
        .iter()
        .copied()
        .find(|id| message.part(*id).is_some_and(|p| content_type_of(p) == "multipart/encrypted"))
}

/// `id` and every part below it.
fn subtree(message: &Message<'_>, id: u32) -> Vec<u32> {
    let mut found = Vec::new();
    let mut stack = vec![id];
    while let Some(id) = stack.pop() {
        // Part ids are unique, but a bound keeps hostile structure finite.
        if found.contains(&id) || found.len() > message.parts.len() {
            continue;
        }
        found.push(id);
        if let Some(children) = message.part(id).and_then(|p| p.sub_parts()) {
            stack.extend(children.iter().copied());
        }
    }
    found
}

/// Whether `path` holds an email (RFC 5322 headers) rather than OpenPGP
/// data: it starts with header fields such as `From:` or `Content-Type:`,
/// not with OpenPGP packets or armor.
pub fn looks_like_email(path: &Path) -> Result<bool> {
    let mut file = std::fs::File::open(path).map_err(|e| Error::io("io-read", path, e))?;
    let head = crate::send::read_up_to(&mut file, 4096).map_err(|e| Error::io("io-read", path, e))?;
    Ok(is_email(&head))
}

fn is_email(head: &[u8]) -> bool {
    let Some(&first) = head.first() else { return false };
    if first & 0x80 != 0 || head.starts_with(b"-----BEGIN PGP") {
        return false;
    }
    let text = String::from_utf8_lossy(head);
    let mut lines = text.lines();
    let mut line = lines.next().unwrap_or("");
    if line.starts_with("From ") {
        // An mbox separator line.
        line = lines.next().unwrap_or("");
    }
    let field_name = |l: &str| {
        l.split_once(':').is_some_and(|(name, _)| {
            !name.is_empty() && name.len() <= 76 && name.bytes().all(|b| b.is_ascii_graphic() && b != b':')
        })
    };
    const KNOWN: [&str; 10] = [
        "from:",
        "to:",
        "subject:",
        "date:",
        "message-id:",
        "mime-version:",
        "content-type:",
        "received:",
        "return-path:",
        "delivered-to:",
    ];
    field_name(line)
        && text.lines().take_while(|l| !l.is_empty()).any(|l| {
            let lower = l.to_ascii_lowercase();
            KNOWN.iter().any(|k| lower.starts_with(k))
        })
}

/// A document about to be saved: a range of the [`Spool`].
struct Staged {
    offset: u64,
    name: String,
    size: u64,
    sha256: String,
    content_type: String,
    protection: Protection,
}

/// What the inside of the message says, once decrypted.
#[derive(Default)]
struct Content {
    subject: Option<String>,
    from: Option<String>,
    text: Option<String>,
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

/// Reads an email (or the decrypted inner MIME) for mail-parser: without
/// its long base64 runs when every part they fall in is an attachment or
/// an encrypted payload read back from the file; whole otherwise (a large
/// base64 text body, quoted-printable, a `multipart/signed` to check byte
/// for byte), as before.
fn read_parsable(ctx: &mut Context<'_>, file: &std::fs::File, path: &Path) -> Result<Skeleton> {
    let read = |min_hole| {
        use std::io::Seek;
        let mut file = file;
        file.seek(std::io::SeekFrom::Start(0))?;
        Skeleton::read(std::io::BufReader::new(file), min_hole)
    };
    let skeleton = read(skeleton::MIN_HOLE).map_err(|e| Error::io("io-read", path, e))?;
    if !skeleton.has_holes() || streams_cleanly(&parse_bounded(ctx, &skeleton.bytes)?, &skeleton) {
        return Ok(skeleton);
    }
    drop(skeleton);
    read(u64::MAX).map_err(|e| Error::io("io-read", path, e))
}

/// Whether every part that holds a left-out run can be read back from the
/// file: a whole leaf body, base64 or unencoded, not a text body.
fn streams_cleanly(message: &Message<'_>, skeleton: &Skeleton) -> bool {
    if content_type_of(message.root_part()) == "multipart/signed" {
        return false;
    }
    message.parts.iter().enumerate().all(|(id, part)| {
        let (start, end) = (part.raw_body_offset() as usize, part.raw_end_offset() as usize);
        let id = id as u32;
        part.is_multipart()
            || !skeleton.has_hole_in(start, end)
            || (skeleton.covers_whole_holes(start, end)
                && !matches!(part.encoding, Encoding::QuotedPrintable)
                && !message.text_body.contains(&id)
                && !message.html_body.contains(&id))
    })
}

/// The bodies of a parsed [`Skeleton`].
#[derive(Clone, Copy)]
struct Bodies<'a> {
    skeleton: &'a Skeleton,
    file: &'a std::fs::File,
}

impl<'a> Bodies<'a> {
    /// The decoded body of `part`.
    fn of(&self, part: &'a MessagePart<'_>) -> Result<Body<'a>> {
        let (start, end) = (part.raw_body_offset() as usize, part.raw_end_offset() as usize);
        if part.is_multipart() || !self.skeleton.has_hole_in(start, end) {
            return Ok(Body::Memory(part.contents()));
        }
        // `read_parsable` let only whole bodies keep their holes.
        let range = self
            .skeleton
            .range(self.file, start, end)
            .ok_or_else(|| Error::MailRejected(MailProblem::BrokenPgpMime(crate::tr!("mail-unreadable"))))?;
        Ok(match part.encoding {
            Encoding::Base64 => Body::Base64(range),
            _ => Body::Raw(range),
        })
    }
}

/// A part's body: decoded in memory by mail-parser, or read back from the
/// file (and base64-decoded on the way).
enum Body<'a> {
    Memory(&'a [u8]),
    Raw(skeleton::RangeReader<'a>),
    Base64(skeleton::RangeReader<'a>),
}

impl<'a> Body<'a> {
    /// Its size, or (base64) an upper bound of it.
    fn len(&self) -> u64 {
        match self {
            Body::Memory(bytes) => bytes.len() as u64,
            Body::Raw(range) => range.size(),
            Body::Base64(range) => range.size() / 4 * 3 + 3,
        }
    }

    fn reader(self) -> Box<dyn Read + Send + Sync + 'a> {
        match self {
            Body::Memory(bytes) => Box::new(bytes),
            Body::Raw(range) => Box::new(range),
            Body::Base64(range) => Box::new(Base64Reader::new(range)),
        }
    }

    /// Its first `n` bytes (all of them if shorter).
    fn head(self, n: u64) -> std::io::Result<Vec<u8>> {
        if let Body::Memory(bytes) = self {
            return Ok(bytes[..bytes.len().min(n as usize)].to_vec());
        }
        let mut head = Vec::new();
        self.reader().take(n).read_to_end(&mut head)?;
        Ok(head)
    }
}

/// A body that could not be read back: bad base64 is damage (exit 4).
fn body_error(ctx: &mut Context<'_>, path: &Path, e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::InvalidData {
        reject(ctx, MailProblem::BrokenPgpMime(crate::tr!("mail-unreadable")))
    } else {
        Error::io("io-read", path, e)
    }
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

/// The OpenPGP message of a PGP/MIME part: RFC 3156 puts it in the
/// second, `application/octet-stream` part.
fn pgp_mime_payload<'m, 'x>(message: &'m Message<'x>, id: u32) -> Option<&'m MessagePart<'x>> {
    message
        .part(id)
        .and_then(|p| p.sub_parts())
        .unwrap_or_default()
        .iter()
        .filter_map(|id| message.part(*id))
        .find(|p| content_type_of(p) == "application/octet-stream")
        .filter(|p| !p.contents().is_empty())
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

/// Parses an email or MIME entity, within the nesting bound.
fn parse_bounded<'a>(ctx: &mut Context<'_>, bytes: &'a [u8]) -> Result<Message<'a>> {
    // Counted before parsing: the parser's per-part bookkeeping, not the
    // bytes, is what a flood of empty parts would blow up.
    if boundary_lines(bytes) > MAX_PARTS {
        return Err(reject(ctx, MailProblem::TooManyParts(MAX_PARTS)));
    }
    // Behind the panic boundary: the MIME parser reads a stranger's bytes.
    let parsed = crate::guard::untrusted(
        || Ok(MessageParser::default().parse(bytes)),
        || Error::MessageRejected(crate::error::MessageProblem::Damaged),
    );
    let parsed = parsed.inspect_err(|e| log_failure(ctx, e))?;
    let message = parsed
        .filter(|m| !m.parts.is_empty())
        .ok_or_else(|| reject(ctx, MailProblem::BrokenPgpMime(crate::tr!("mail-unreadable"))))?;
    let depth = depth_of(&message, 0);
    if depth > MAX_DEPTH {
        return Err(reject(ctx, MailProblem::TooDeep(MAX_DEPTH)));
    }
    Ok(message)
}

/// Lines that could be MIME boundaries (they start with `--`): an upper
/// bound on the number of parts.
fn boundary_lines(bytes: &[u8]) -> usize {
    let starts = usize::from(bytes.starts_with(b"--"));
    starts + bytes.windows(3).filter(|w| w == b"\n--").count()
}

/// The deepest nesting of parts (nested messages included).
fn depth_of(message: &Message<'_>, base: usize) -> usize {
    let mut deepest = base;
    let mut stack = vec![(0u32, base)];
    let mut visited = 0usize;
    while let Some((id, depth)) = stack.pop() {
        visited += 1;
        if depth > MAX_DEPTH || visited > message.parts.len() + 1 {
            return depth.max(deepest);
        }
        deepest = deepest.max(depth);
        let Some(part) = message.part(id) else { continue };
        match &part.body {
            PartType::Multipart(children) => stack.extend(children.iter().map(|c| (*c, depth + 1))),
            PartType::Message(nested) => deepest = deepest.max(depth_of(nested, depth + 1)),
            _ => {}
        }
    }
    deepest
}

/// Bytes up to the blank line that ends the header section.
fn header_section_len(raw: &[u8]) -> usize {
    let limit = raw.len().min(MAX_HEADER_BYTES + 4);
    let window = &raw[..limit];
    let crlf = window.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = window.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) if raw.len() > MAX_HEADER_BYTES => usize::MAX,
        (None, None) => raw.len(),
    }
}

/// `type/subtype` in lowercase; `text/plain` when absent.
fn content_type_of(part: &MessagePart<'_>) -> String {
    match part.content_type() {
        Some(ct) => format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or("")).to_ascii_lowercase(),
        None => "text/plain".to_owned(),
    }
}

/// The first address of the message's From.
fn first_address(message: &Message<'_>) -> Option<String> {
    message.from().and_then(|a| a.first()).and_then(|a| a.address.as_deref()).map(str::to_owned)
}

fn same_addr(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => true,
    }
}

/// Thunderbird's "legacy display" part for protected headers.
fn is_legacy_display(part: &MessagePart<'_>) -> bool {
    content_type_of(part) == "text/rfc822-headers"
}

/// The message text: the first text body that is not a legacy-display
/// part (HTML converted to text when there is no plain text).
fn body_text(message: &Message<'_>) -> Option<String> {
    body_text_excluding(message, &[])
}

/// [`body_text`], skipping the parts in `excluded`.
fn body_text_excluding(message: &Message<'_>, excluded: &[u32]) -> Option<String> {
    for (pos, id) in message.text_body.iter().enumerate() {
        let Some(part) = message.part(*id) else { continue };
        if is_legacy_display(part) || message.attachments.contains(id) || excluded.contains(id) {
            continue;
        }
        return message.body_text(pos).map(|t| t.into_owned());
    }
    None
}

/// The armored OpenPGP message in an inline-PGP text, if any.
fn armored_message(text: &str) -> Option<&str> {
    const BEGIN: &str = "-----BEGIN PGP MESSAGE-----";
    const END: &str = "-----END PGP MESSAGE-----";
    let start = text.find(BEGIN)?;
    let end = text[start..].find(END)? + start + END.len();
    Some(&text[start..end])
}

/// A separately encrypted file (`.pgp`, `.gpg`, or an `.asc` that is an
/// armored message — not a key or a signature).
fn is_encrypted_attachment(part: &MessagePart<'_>, head: &[u8]) -> bool {
    let name = part.attachment_name().unwrap_or("").to_ascii_lowercase();
    let contents = head;
    let armored = String::from_utf8_lossy(&contents[..contents.len().min(256)])
        .trim_start()
        .starts_with("-----BEGIN PGP MESSAGE-----");
    let binary_message = contents.first().is_some_and(|b| {
        // New or old format packet header of a PKESK (1) or SKESK (3).
        let tag = if b & 0x40 != 0 { b & 0x3f } else { (b >> 2) & 0x0f };
        b & 0x80 != 0 && (tag == 1 || tag == 3)
    });
    let ct = content_type_of(part);
    (name.ends_with(".pgp") || name.ends_with(".gpg") || name.ends_with(".asc") || ct == "application/pgp-encrypted")
        && (armored || binary_message)
}

/// For `multipart/signed`: the signed first part, canonicalized to CRLF,
/// and the signature.
fn signed_parts(message: &Message<'_>, raw: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let root = message.root_part();
    let boundary = root.content_type()?.attribute("boundary")?.to_owned();
    let children = root.sub_parts()?;
    let first = message.part(*children.first()?)?;
    let signature = children
        .iter()
        .filter_map(|id| message.part(*id))
        .find(|p| content_type_of(p) == "application/pgp-signature")?
        .contents()
        .to_vec();
    let start = first.raw_header_offset() as usize;
    let delimiter = format!("\n--{boundary}");
    let rest = raw.get(start..)?;
    let mut end = start + rest.windows(delimiter.len()).position(|w| w == delimiter.as_bytes())?;
    if end > start && raw[end - 1] == b'\r' {
        end -= 1;
    }
    Some((super::crlf::to_crlf(&raw[start..end]), signature))
}

/// Reads an Autocrypt header (`addr=…; prefer-encrypt=…; keydata=…`) and,
/// when asked, adds its key as an unverified contact.
fn autocrypt_info(
    ctx: &mut Context<'_>,
    value: &str,
    from: Option<&String>,
    req: &OpenMailRequest,
) -> Result<AutocryptInfo> {
    let mut addr = String::new();
    let mut prefer_encrypt = None;
    let mut keydata = String::new();
    for attribute in value.split(';') {
        let Some((key, val)) = attribute.split_once('=') else { continue };
        match key.trim().to_ascii_lowercase().as_str() {
            "addr" => addr = val.trim().to_owned(),
            "prefer-encrypt" => prefer_encrypt = Some(val.trim().to_owned()),
            "keydata" => keydata = val.chars().filter(|c| !c.is_whitespace()).collect(),
            _ => {}
        }
    }
    let matches_from = from.is_some_and(|f| f.eq_ignore_ascii_case(&addr));
    let bytes = base64::engine::general_purpose::STANDARD.decode(keydata.as_bytes()).unwrap_or_default();
    let parsed = if bytes.is_empty() {
        None
    } else {
        // A header that crashes the parser carries no usable key.
        crate::guard::untrusted(
            || Ok(Cert::from_bytes(&bytes).ok()),
            || Error::CertRejected(crate::error::CertProblem::Damaged),
        )
        .ok()
        .flatten()
    };
    let fingerprint = parsed.as_ref().map(|c| c.fingerprint().to_hex());
    let known_as = match &parsed {
        Some(cert) => contacts::find_by_key(ctx, &cert.fingerprint())?.map(|c| c.alias),
        None => None,
    };
    let usable = contacts::parse_one_cert(&bytes, ctx.now);
    let mut info = AutocryptInfo {
        addr: addr.chars().take(254).collect(),
        prefer_encrypt: prefer_encrypt.map(|p| p.chars().take(32).collect()),
        fingerprint,
        matches_from,
        known_as,
        added_as: None,
        problem: usable.as_ref().err().map(|e| e.to_string()),
    };
    if let Some(alias) = &req.add_autocrypt {
        if !matches_from {
            return Err(Error::Usage(crate::tr!("mail-autocrypt-other-address")));
        }
        let cert = usable?;
        if !cert.userids().any(|ua| ua.userid().email().ok().flatten().is_some_and(|e| e.eq_ignore_ascii_case(&addr))) {
            return Err(Error::Usage(crate::tr!("mail-autocrypt-other-address")));
        }
        let contact = contacts::add_cert(ctx, alias, cert, contacts::Kind::Patient, Some("autocrypt"))?;
        info.added_as = Some(contact.alias);
    }
    Ok(info)
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

    #[test]
    fn sender_statuses_are_ordered_from_weakest_to_strongest() {
        assert!(SenderStatus::Unsigned < SenderStatus::Unknown);
        assert!(SenderStatus::Unknown < SenderStatus::Unverified);
        assert!(SenderStatus::Unverified < SenderStatus::Verified);
    }

    #[test]
    fn emails_are_told_apart_from_openpgp_data() {
        assert!(is_email(b"From: a@b.example\r\nTo: c@d.example\r\nSubject: x\r\n\r\nbody"));
        assert!(is_email(b"Return-Path: <a@b>\nReceived: from x\nFrom: a@b\n\nbody"));
        assert!(is_email(b"From a@b Mon Jan  1 00:00:00 2026\nFrom: a@b\n\nbody"));
        assert!(!is_email(b"-----BEGIN PGP MESSAGE-----\n\nhQEMA..."));
        assert!(!is_email(&[0x85, 0x01, 0x0c]));
        assert!(!is_email(b"Hello there: this is just text\n"));
        assert!(!is_email(b""));
    }

    #[test]
    fn boundary_lines_bound_the_number_of_parts() {
        assert_eq!(boundary_lines(b"--b\r\nx\r\n--b\r\n\r\n--b--\r\n"), 3);
        assert_eq!(boundary_lines(b"From: a\r\n\r\nno parts -- here"), 0);
    }

    #[test]
    fn header_sections_are_measured_up_to_the_blank_line() {
        assert_eq!(header_section_len(b"A: b\r\n\r\nbody"), 4);
        assert_eq!(header_section_len(b"A: b\n\nbody"), 4);
        let huge = vec![b'x'; MAX_HEADER_BYTES + 10];
        assert!(header_section_len(&huge) > MAX_HEADER_BYTES);
    }

    #[test]
    fn inline_pgp_blocks_are_found_inside_text() {
        let text = "Hi\n-----BEGIN PGP MESSAGE-----\n\nabc\n-----END PGP MESSAGE-----\nbye";
        assert_eq!(armored_message(text), Some("-----BEGIN PGP MESSAGE-----\n\nabc\n-----END PGP MESSAGE-----"));
        assert_eq!(armored_message("no block"), None);
    }

    #[test]
    fn deep_nesting_is_measured() {
        let mut mail = String::from("From: a@b.example\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for i in 1..50 {
            mail.push_str(&format!("--b{}\r\nContent-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n", i - 1));
        }
        let message = MessageParser::default().parse(mail.as_bytes()).unwrap();
        assert!(depth_of(&message, 0) > MAX_DEPTH);
        let flat = MessageParser::default().parse(b"From: a@b\r\n\r\nhello".as_slice()).unwrap();
        assert_eq!(depth_of(&flat, 0), 0);
    }

    /// Every body read back from the file is what mail-parser decodes
    /// from the whole email.
    #[test]
    fn bodies_read_back_equal_the_parsed_ones() {
        use std::io::{Seek as _, Write as _};
        let b64 = |data: &[u8]| {
            let encoded = base64::engine::general_purpose::STANDARD.encode(data);
            encoded
                .as_bytes()
                .chunks(76)
                .map(|l| format!("{}\r\n", std::str::from_utf8(l).unwrap()))
                .collect::<String>()
        };
        let document: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        let armored = b64(&document[..9000]).replace("\r\n", "\n");
        let mail = format!(
            "From: a@b.example\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n\
--b\r\nContent-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\n\n{armored}=abcd\n-----END PGP MESSAGE-----\n\r\n\
--b\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\
--b\r\nContent-Type: application/pdf; name=\"b.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}--b--\r\n",
            b64(&document),
            b64(&document[..10]),
        );
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(mail.as_bytes()).unwrap();
        file.rewind().unwrap();
        let skeleton = Skeleton::read(std::io::BufReader::new(&file), 1000).unwrap();
        assert!(skeleton.has_holes() && skeleton.bytes.len() < 2000);
        let message = MessageParser::default().parse(&skeleton.bytes[..]).unwrap();
        assert!(streams_cleanly(&message, &skeleton));
        let whole = MessageParser::default().parse(mail.as_bytes()).unwrap();
        assert_eq!(message.parts.len(), whole.parts.len());
        assert_eq!(message.attachments, whole.attachments);
        assert_eq!(message.text_body, whole.text_body);
        let bodies = Bodies { skeleton: &skeleton, file: &file };
        let mut streamed = 0;
        for (part, expected) in message.parts.iter().zip(&whole.parts) {
            assert_eq!(content_type_of(part), content_type_of(expected));
            let body = bodies.of(part).unwrap();
            streamed += usize::from(!matches!(body, Body::Memory(_)));
            let mut read = Vec::new();
            body.reader().read_to_end(&mut read).unwrap();
            assert!(read == expected.contents(), "{}", content_type_of(part));
        }
        assert_eq!(streamed, 2);
    }

    #[test]
    fn large_text_bodies_are_parsed_whole() {
        let text: String = (0..3000).map(|i| format!("{:076}\r\n", i)).collect();
        let mail = format!("From: a@b.example\r\nContent-Type: text/plain\r\n\r\n{text}");
        let skeleton = Skeleton::read(mail.as_bytes(), 1000).unwrap();
        assert!(skeleton.has_holes());
        let message = MessageParser::default().parse(&skeleton.bytes[..]).unwrap();
        assert!(!streams_cleanly(&message, &skeleton));
    }

    #[test]
    fn signed_parts_are_cut_exactly_before_the_boundary() {
        let mail = b"Content-Type: multipart/signed; boundary=\"s\"; protocol=\"application/pgp-signature\"\n\n\
--s\nContent-Type: text/plain\n\nhello\n--s\nContent-Type: application/pgp-signature\n\nSIG\n--s--\n";
        let message = MessageParser::default().parse(mail.as_slice()).unwrap();
        let (data, signature) = signed_parts(&message, mail).unwrap();
        assert_eq!(data, b"Content-Type: text/plain\r\n\r\nhello");
        assert_eq!(signature, b"SIG");
    }
}
