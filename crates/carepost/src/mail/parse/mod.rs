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
//!
//! This module is the use case, [`open()`], read as its steps; the steps
//! live beside it: `limits` and `bodies` read the email within its bounds,
//! `detect` finds its parts, `encrypted` decrypts them, `attribution` says
//! who vouches for each, `content` and `autocrypt` read what it says,
//! `verdict` judges it as a whole and `spool` saves its attachments.

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
mod encrypted;
mod limits;
mod spool;
mod verdict;

pub use attribution::Protection;
use attribution::*;
pub use autocrypt::AutocryptInfo;
use autocrypt::*;
use bodies::*;
use content::*;
pub use detect::looks_like_email;
use detect::*;
use encrypted::*;
use limits::*;
pub use spool::SavedAttachment;
use spool::*;
use verdict::*;

use crate::mail::MAX_MAIL_BYTES;
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

/// What the pieces of an email yield, gathered as they are read.
#[derive(Default)]
struct Gathered {
    /// The documents to save, in the spool.
    staged: Vec<Staged>,
    content: Content,
    /// The subject came from inside the encryption.
    subject_protected: bool,
    /// How `content.text` reached the user.
    text_protection: Option<Protection>,
    /// The certificates of every signer, to check the From against.
    signer_certs: Vec<Cert>,
    /// Attachments not saved because they are not encrypted.
    unsaved: usize,
}

/// `carepost open MESSAGE.eml`: the email is read within its bounds and
/// refused before anything is unlocked if none of it can be for this
/// identity; every encrypted piece is then decrypted and checked into the
/// spool, the email is judged as a whole (its sender is the weakest of what
/// it shows), and only then are its attachments saved, all or none.
pub fn open(ctx: &mut Context<'_>, req: &OpenMailRequest, progress: &dyn crate::send::Progress) -> Result<OpenedMail> {
    let (input, keep_for, out_dir) = prepare(ctx, req)?;
    let raw = read_parsable(ctx, &input, &req.input)?;
    let message = parse_bounded(ctx, &raw.bytes)?;
    let outer_bodies = Bodies { skeleton: &raw, file: &input };
    let mut outer = Outer::of(&message);
    let mut spool = Spool::new_in(&out_dir)?;
    let attachments = outer_attachments(ctx, &message, &outer.inside, outer_bodies, &req.input)?;
    let encrypted_attachments = attachments.iter().filter(|(_, encrypted)| *encrypted).count();
    let needs_key = outer.pgp_mime.is_some() || outer.armored.is_some() || encrypted_attachments > 0;
    if needs_key {
        refuse_unless_for_us(ctx, &message, outer.pgp_mime, outer.armored.as_deref(), &attachments, outer_bodies)?;
    }
    let keys = if needs_key { Some(unlock(ctx)?) } else { None };
    let own_fingerprint = keys.as_ref().map(|(u, _)| u.cert.fingerprint().to_hex()).unwrap_or_default();

    let mut gathered = Gathered::default();
    if let (Some(armored), Some(keys)) = (&outer.armored, &keys) {
        read_inline_pgp(ctx, armored, keys, &own_fingerprint, &mut gathered, progress)?;
        // The text around the armored block is not part of it.
        outer.text = None;
    }
    // Attachments outside any PGP/MIME part: separately encrypted files
    // (GpgOL, Kleopatra) carry their own protection; anything else is
    // unprotected.
    for (part, is_encrypted) in attachments {
        if let (true, Some(keys)) = (is_encrypted, &keys) {
            let body = outer_bodies.of(part)?;
            let (stage, decrypted) = stage_decrypted(ctx, &mut spool, part, body, keys, req, progress)?;
            let (unlocked, contact_list) = keys;
            gathered.signer_certs.extend(signer_cert(&decrypted.sender, &unlocked.cert, contact_list));
            gathered.staged.push(stage);
        } else if req.accept_unencrypted {
            gathered.staged.push(stage_plain(ctx, &mut spool, part, outer_bodies.of(part)?, Protection::none())?);
        } else {
            gathered.unsaved += 1;
        }
    }
    let format = match (outer.pgp_mime, &keys) {
        (Some(id), Some(keys)) => {
            let inner = decrypt_pgp_mime(ctx, &message, id, outer_bodies, keys, progress)?;
            // The outer email is no longer needed: only the inside is read.
            drop(message);
            drop(raw);
            read_pgp_mime(ctx, inner, keys, &own_fingerprint, &mut spool, &mut gathered)?;
            MailFormat::PgpMime
        }
        _ if outer.armored.is_some() => MailFormat::InlinePgp,
        _ if encrypted_attachments > 0 => MailFormat::PgpAttachments,
        _ => MailFormat::Plain,
    };
    let Gathered { staged, mut content, subject_protected, mut text_protection, signer_certs, unsaved } = gathered;
    if format != MailFormat::PgpMime {
        content.subject = outer.subject.clone();
    }
    if content.subject.is_none() {
        content.subject = outer.subject.filter(|s| s != crate::mail::OUTER_SUBJECT && s != "...");
    }
    let encrypted = format != MailFormat::Plain;

    let outer_text = outer.text.filter(|t| !t.trim().is_empty());
    let (unprotected_text, unprotected_text_withheld) =
        place_outer_text(outer_text, &mut content, &mut text_protection, &staged, req.accept_unencrypted);

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
    let (from_mismatch, from_owner) = check_from(ctx, &content.from, &outer.from, &sender, &signer_certs, &keys)?;
    if req.require_verified_sender {
        refuse_unless_verified(ctx, &shown, &sender, unprotected_text_withheld || unsaved > 0)?;
    }
    let autocrypt = match outer.autocrypt {
        Some(value) => Some(autocrypt_info(ctx, &value, content.from.as_ref().or(outer.from.as_ref()), req)?),
        None if req.add_autocrypt.is_some() => return Err(Error::Usage(crate::tr!("mail-no-autocrypt"))),
        None => None,
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
        from: content.from.or(outer.from),
        from_mismatch,
        from_owner,
        attachments,
        unsaved_attachments: unsaved,
        autocrypt,
        expires,
    })
}

/// The checks made before the email is read: a file, within
/// [`MAX_MAIL_BYTES`] and with a header section within
/// [`MAX_HEADER_BYTES`]; the retention and the folder its attachments go
/// to. Returns the open email, the retention and the folder.
fn prepare(ctx: &mut Context<'_>, req: &OpenMailRequest) -> Result<(std::fs::File, std::time::Duration, PathBuf)> {
    let meta = std::fs::metadata(&req.input).map_err(|e| Error::io("io-read", &req.input, e))?;
    if !meta.is_file() {
        return Err(Error::InputNotAFile(req.input.clone()));
    }
    if meta.len() > MAX_MAIL_BYTES {
        return Err(reject(ctx, MailProblem::TooLarge(MAX_MAIL_BYTES)));
    }
    let keep_for = retention::policy(ctx)?.choose(Kind::Received, req.retain)?;
    let out_dir = ctx.home.output_dir(req.output_dir.as_deref(), ctx.home.inbox())?;
    let input = std::fs::File::open(&req.input).map_err(|e| Error::io("io-read", &req.input, e))?;
    let head = Zeroizing::new(
        crate::send::read_up_to(&mut &input, MAX_HEADER_BYTES + 4).map_err(|e| Error::io("io-read", &req.input, e))?,
    );
    if header_section_len(&head) > MAX_HEADER_BYTES {
        return Err(reject(ctx, MailProblem::HeadersTooLarge));
    }
    Ok((input, keep_for, out_dir))
}

/// What the outside of the email says, before anything is decrypted.
struct Outer {
    from: Option<String>,
    subject: Option<String>,
    autocrypt: Option<String>,
    /// The PGP/MIME part, if any.
    pgp_mime: Option<u32>,
    /// Every part of the PGP/MIME part, itself included: read from inside
    /// the encryption. Whatever else the email holds was added outside it
    /// (a list footer, a wrapper's text) and is unprotected.
    inside: Vec<u32>,
    /// The text from outside the encryption, if any.
    text: Option<String>,
    /// The inline-PGP message in that text (not looked for in PGP/MIME).
    armored: Option<String>,
}

impl Outer {
    fn of(message: &Message<'_>) -> Outer {
        let pgp_mime = find_pgp_mime(message);
        let inside: Vec<u32> = pgp_mime.map(|id| subtree(message, id)).unwrap_or_default();
        let text = body_text_excluding(message, &inside);
        let armored =
            if pgp_mime.is_none() { text.as_deref().and_then(armored_message).map(str::to_owned) } else { None };
        Outer {
            from: first_address(message),
            subject: message.subject().map(str::to_owned),
            autocrypt: message.header_raw("Autocrypt").map(str::to_owned),
            pgp_mime,
            inside,
            text,
            armored,
        }
    }
}

/// The attachments outside the PGP/MIME part, each with whether it is a
/// separately encrypted file.
fn outer_attachments<'m, 'x>(
    ctx: &mut Context<'_>,
    message: &'m Message<'x>,
    inside: &[u32],
    bodies: Bodies<'_>,
    path: &Path,
) -> Result<Vec<(&'m MessagePart<'x>, bool)>> {
    let mut attachments = Vec::new();
    for part in message.attachments.iter().filter(|id| !inside.contains(id)).filter_map(|id| message.part(*id)) {
        let head = bodies.of(part)?.head(256).map_err(|e| body_error(ctx, path, e))?;
        attachments.push((part, is_encrypted_attachment(part, &head)));
    }
    Ok(attachments)
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
