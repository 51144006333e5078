//! Opening: decrypting a received document, checking its integrity and
//! signature, and writing it under a safe name — only once every check
//! has passed.
//!
//! The plaintext goes into a nameless file in the target folder (see
//! [`crate::output`]); it gets its name after decryption, the integrity
//! check (MDC or AEAD) and the signature check succeeded, and disappears
//! otherwise. Compressed input is accepted up to a bound on the output
//! size, which defeats decompression bombs.
//!
//! This module is the use case; the steps live beside it: `probe` reads
//! the first packets before any key is unlocked, `decrypt` streams and
//! checks the message through Sequoia's `helper`, `problem` puts a failure
//! into the user's terms, and `sender` says who signed.

mod decrypt;
mod helper;
mod password;
mod pdf;
mod probe;
mod problem;
mod sender;

pub use decrypt::{
    decrypt, decrypt_with_password, verify_detached, verify_detached_signature, Decrypted, Detached, Source,
};
pub use password::{password_forms, PasswordSource};
pub use pdf::{check_pdf, PdfAttachmentInfo, PdfReport};
pub use probe::{check_bytes_addressed_to_us, check_reader_addressed_to_us};
pub use sender::{Sender, SenderStatus};

use crate::audit::{self, Action, Event, Outcome};
use crate::commit::{self, Committed, Naming};
use crate::contacts;
use crate::error::{Error, Result};
use crate::output::PendingFile;
use crate::retention::{self, Kind};
use crate::Context;
use decrypt::CHUNK;
use openpgp::crypto::SessionKey;
use probe::{check_addressed_to_us, check_looks_like_a_message};
use sequoia_openpgp as openpgp;
use serde::Serialize;
use std::io::BufReader;
use std::path::PathBuf;

/// Default bound on the output: this many times the input size…
pub const DEFAULT_EXPANSION: u64 = 100;
/// …but never less than this. An uncompressed message is never larger
/// than its input, so the bound matters only for compressed data: beyond
/// 16 MiB, anything expanding more than 100 times is treated as a bomb
/// (a 785-byte BZip2 message can hold 1 GiB of zeros). `--max-size` lifts it.
pub const MIN_OUTPUT_LIMIT: u64 = 16 << 20;

/// What the user asked to open.
#[derive(Debug, Default)]
pub struct Request {
    pub input: PathBuf,
    pub output_dir: Option<PathBuf>,
    pub require_verified_sender: bool,
    /// Largest document to write; default: see [`output_limit`].
    pub max_output: Option<u64>,
    /// Keep the document this long instead of the policy's retention.
    pub retain: Option<std::time::Duration>,
    pub mode: Mode,
    /// Where the password comes from, for a message protected with one.
    pub password: Option<PasswordSource>,
}

/// Where an opened document goes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Saved in the inbox (or `-o`), with the `received` retention.
    #[default]
    Save,
    /// Written to a private, RAM-backed place for a viewer, deleted soon.
    View,
    /// Kept encrypted at rest under its own key; expiry destroys the key.
    Sealed,
}

/// The contract's `open` JSON, plus extra fields.
#[derive(Debug, Clone, Serialize)]
pub struct Opened {
    pub output: PathBuf,
    pub filename: String,
    pub sender: Sender,
    pub size: u64,
    pub sha256: String,
    pub compressed: bool,
    /// The managed-file id (for `export`, `files`).
    pub id: i64,
    pub kind: Kind,
    /// When carepost deletes it (RFC 3339).
    pub expires: String,
    /// The same document was opened before into the same folder and is
    /// still there: `output` is that copy, and nothing new was written.
    pub already_opened: bool,
    /// When the copy in `output` was written (RFC 3339), if earlier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<String>,
    /// What opened it: `key` (our own key) or `password`.
    pub opened_with: &'static str,
}

/// The copy of the same document (same content, same name or its `-N`
/// variant) that an earlier `open` saved into `dir` and that is still
/// there unchanged, kept as long as this opening would keep it (a copy
/// asked for with another `--retain` is written anew).
fn earlier_copy(
    ctx: &mut Context<'_>,
    dir: &std::path::Path,
    name: &str,
    sha256: &str,
    keep_for: std::time::Duration,
) -> Result<Option<retention::ManagedFile>> {
    let same_retention =
        |f: &retention::ManagedFile| match (crate::parse_time(&f.created_at), crate::parse_time(&f.expires_at)) {
            (Some(created), Some(expires)) => expires
                .duration_since(created)
                .is_ok_and(|kept| kept.abs_diff(keep_for) <= std::time::Duration::from_secs(60)),
            _ => false,
        };
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (name, String::new()),
    };
    let same_name = |found: &str| {
        found == name
            || found
                .strip_prefix(stem)
                .and_then(|rest| rest.strip_prefix('-'))
                .and_then(|rest| rest.strip_suffix(&*ext))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    Ok(retention::active_with_hash(ctx, sha256)?.into_iter().find(|f| {
        f.kind == Kind::Received
            && f.state == retention::FileState::Active
            && f.sha256 == sha256
            && f.path.parent() == Some(dir)
            && same_retention(f)
            && f.path.file_name().is_some_and(|n| same_name(&n.to_string_lossy()))
            // Still what was saved: not edited since.
            && std::fs::File::open(&f.path)
                .and_then(|mut file| crate::hashing::sha256_of(&mut file))
                .is_ok_and(|(found, _)| found == sha256)
    }))
}

/// The output bound for an input of `input_len` bytes.
pub fn output_limit(input_len: u64) -> u64 {
    input_len.saturating_mul(DEFAULT_EXPANSION).max(MIN_OUTPUT_LIMIT)
}

/// `carepost open`.
pub fn open(ctx: &mut Context<'_>, request: &Request, progress: &dyn crate::progress::Progress) -> Result<Opened> {
    let input_meta = std::fs::metadata(&request.input).map_err(|e| Error::io("io-read", &request.input, e))?;
    if !input_meta.is_file() {
        return Err(Error::InputNotAFile(request.input.clone()));
    }
    let kind = match request.mode {
        Mode::Save => Kind::Received,
        Mode::View => Kind::View,
        Mode::Sealed => Kind::Sealed,
    };
    let keep_for = retention::policy(ctx)?.choose(kind, request.retain)?;
    let out_dir = match (request.mode, &request.output_dir) {
        (Mode::Save, requested) => ctx.home.output_dir(requested.as_deref(), ctx.home.inbox())?,
        (Mode::View, _) => crate::view::private_dir(&ctx.home)?,
        (Mode::Sealed, _) => {
            let sealed = ctx.home.sealed();
            ctx.home.ensure_dir(&sealed)?;
            sealed
        }
    };
    let limit = request.max_output.unwrap_or_else(|| output_limit(input_meta.len()));
    check_looks_like_a_message(&request.input)?;
    let contact_list = contacts::list(ctx)?;
    // A file that cannot be for this identity is refused before the
    // passphrase is asked for or the keychain is touched.
    let own_public = ctx.identity()?.public_cert();
    let addressed = check_addressed_to_us(&request.input, &own_public, &contact_list).or_else(|e| {
        // Or to a key this home had before `init --replace`.
        let previous = crate::identity::Identity::load_previous(&ctx.home);
        match previous.iter().any(|p| check_addressed_to_us(&request.input, &p.public_cert(), &contact_list).is_ok()) {
            true => Ok(()),
            false => Err(e),
        }
    });
    if let Err(e) = addressed {
        if let Error::MessageRejected(problem) = &e {
            audit::record_quietly(ctx, Event::new(Action::Open, Outcome::Failed).detail(problem.code()));
        }
        return Err(e);
    }
    let passwords = match password::for_message(ctx, &request.input, &own_public, request.password.as_ref()) {
        Ok(passwords) => passwords,
        Err(e) => {
            if let Error::MessageRejected(problem) = &e {
                audit::record_quietly(ctx, Event::new(Action::Open, Outcome::Failed).detail(problem.code()));
            }
            return Err(e);
        }
    };
    let unlocked = ctx.unlock(crate::identity::Purpose::Decrypt)?;

    let mut pending = PendingFile::new_in(&out_dir)?;
    let session_key = (request.mode == Mode::Sealed).then(|| SessionKey::new(32)).transpose().map_err(internal)?;
    let input = std::fs::File::open(&request.input).map_err(|e| Error::io("io-read", &request.input, e))?;
    progress.start(input_meta.len());
    let decrypted = decrypt_with_password(
        ctx,
        Source { reader: BufReader::with_capacity(CHUNK, input), path: Some(&request.input) },
        &unlocked,
        &contact_list,
        limit,
        pending.file(),
        session_key.as_ref(),
        &passwords,
        progress,
    );
    drop(passwords);
    progress.finish();
    let decrypted = match decrypted {
        Ok(d) => d,
        Err(e) => {
            if let Error::MessageRejected(problem) = &e {
                audit::record_quietly(ctx, Event::new(Action::Open, Outcome::Failed).detail(problem.code()));
            }
            return Err(e);
        }
    };
    let sender = decrypted.sender.clone();
    let opened_with = if decrypted.opened_by_password { "password" } else { "key" };
    if request.require_verified_sender && sender.status != SenderStatus::Verified {
        audit::record_quietly(
            ctx,
            sender
                .open_event(Outcome::Refused, Some((&decrypted.sha256, decrypted.size)))
                .detail(format!("sender {}; verified sender required", sender.status.as_str())),
        );
        let who = sender.alias.clone().or(sender.fingerprint.clone()).unwrap_or_default();
        return Err(Error::SenderNotVerified { status: sender.status.as_str().to_owned(), who });
    }
    let outer = request.input.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let filename = decrypted
        .filename
        .as_deref()
        .and_then(crate::names::sanitize)
        .unwrap_or_else(|| crate::names::fallback_name(&outer));
    if request.mode == Mode::Save {
        if let Some(earlier) = earlier_copy(ctx, &out_dir, &filename, &decrypted.stored_sha256, keep_for)? {
            // Opened again: point at the copy that is there rather than
            // leave a second one ("-2") for retention to track.
            drop(pending);
            audit::record(
                ctx,
                sender.open_event(Outcome::Success, Some((&decrypted.sha256, decrypted.size))).detail(format!(
                    "sender {}; already opened as file {}",
                    sender.status.as_str(),
                    earlier.id
                )),
            )?;
            let filename = earlier.path.file_name().map_or(filename, |n| n.to_string_lossy().into_owned());
            return Ok(Opened {
                output: earlier.path,
                filename,
                sender,
                size: decrypted.size,
                sha256: decrypted.sha256,
                compressed: decrypted.compressed,
                id: earlier.id,
                kind,
                expires: earlier.expires_at,
                already_opened: true,
                opened_at: Some(earlier.created_at),
                opened_with,
            });
        }
    }
    // A sealed document's file says nothing; its name is inside.
    let stored_name = match request.mode {
        Mode::Sealed => format!("{}.sealed", crate::names::random_id()),
        // The viewer's command line is visible to other users.
        Mode::View => crate::view::neutral_name(&filename),
        Mode::Save => filename.clone(),
    };
    let expires = crate::fmt_time(retention::expiry_base(ctx)? + keep_for);
    let event = sender.open_event(Outcome::Success, Some((&decrypted.sha256, decrypted.size))).detail(format!(
        "sender {}; {}{}",
        sender.status.as_str(),
        kind.code(),
        if decrypted.opened_by_password { "; by-password" } else { "" }
    ));
    let mut written = commit::Output::new(
        pending,
        stored_name,
        Naming::FirstFree,
        decrypted.stored_sha256.clone(),
        decrypted.stored_size,
    );
    if let Some(key) = &session_key {
        written = written.sealed_with(&key[..]);
    }
    let committed = commit::commit(ctx, kind, keep_for, vec![written], vec![event], |_| Ok(()))?;
    let Committed { id, path: output } = committed.into_iter().next().expect("one output, one record");
    let filename = match request.mode {
        Mode::Sealed | Mode::View => filename,
        _ => output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(filename),
    };
    Ok(Opened {
        output,
        filename,
        sender,
        size: decrypted.size,
        sha256: decrypted.sha256,
        compressed: decrypted.compressed,
        id,
        kind,
        expires,
        already_opened: false,
        opened_at: None,
        opened_with,
    })
}

fn internal(e: anyhow::Error) -> Error {
    Error::Internal(e.to_string())
}
