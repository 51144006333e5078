//! Where the documents of an email wait until all of them are checked: one
//! nameless spool file in the target folder, from which each is saved under
//! its own name (one descriptor for any number of attachments).

use super::*;
use crate::commit::{self, Committed, Naming, Planned};

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

/// A document about to be saved: a range of the [`Spool`].
pub(super) struct Staged {
    pub(super) offset: u64,
    pub(super) name: String,
    pub(super) size: u64,
    pub(super) sha256: String,
    pub(super) content_type: String,
    pub(super) protection: Protection,
}

/// Every attachment of an email, one after the other in a single nameless
/// file in the target folder, until all checks passed: one descriptor
/// however many attachments there are (an email can carry more than the
/// common limit of 1024 open files).
pub(super) struct Spool {
    file: PendingFile,
    dir: PathBuf,
    end: u64,
}

impl Spool {
    pub(super) fn new_in(dir: &Path) -> Result<Spool> {
        Ok(Spool { file: PendingFile::new_in(dir)?, dir: dir.to_path_buf(), end: 0 })
    }

    /// The file, positioned at the end of what is staged so far.
    pub(super) fn tail(&mut self) -> Result<&mut std::fs::File> {
        use std::io::Seek;
        let end = self.end;
        let file = self.file.file();
        file.seek(std::io::SeekFrom::Start(end)).map_err(|e| Error::io("io-write", &self.dir, e))?;
        file.set_len(end).map_err(|e| Error::io("io-write", &self.dir, e))?;
        Ok(file)
    }

    /// Copies `stage` into a new nameless file, ready to be named.
    fn copy_out(&mut self, stage: &Staged) -> Result<PendingFile> {
        use std::io::Seek;
        let mut out = PendingFile::new_in(&self.dir)?;
        let file = self.file.file();
        file.seek(std::io::SeekFrom::Start(stage.offset)).map_err(|e| Error::io("io-read", &self.dir, e))?;
        let copied = std::io::copy(&mut Read::by_ref(file).take(stage.size), out.file())
            .map_err(|e| Error::io("io-write", &self.dir, e))?;
        if copied != stage.size {
            return Err(Error::io("io-read", &self.dir, std::io::ErrorKind::UnexpectedEof.into()));
        }
        Ok(out)
    }
}

/// An attachment as it is, into the spool.
pub(super) fn stage_plain(
    ctx: &mut Context<'_>,
    spool: &mut Spool,
    part: &MessagePart<'_>,
    body: Body<'_>,
    protection: Protection,
) -> Result<Staged> {
    let content_type = content_type_of(part);
    let name = part
        .attachment_name()
        .and_then(|n| crate::names::sanitize(n.as_bytes()))
        .unwrap_or_else(|| fallback_name(&content_type));
    let offset = spool.end;
    let dir = spool.dir.clone();
    let mut sink = HashingWriter::new(spool.tail()?);
    let copied = match body {
        Body::Memory(bytes) => sink.write_all(bytes).map_err(|e| Error::io("io-write", &dir, e)),
        streamed => std::io::copy(&mut streamed.reader(), &mut sink).map(drop).map_err(|e| body_error(ctx, &dir, e)),
    };
    copied?;
    let (sha256, size) = sink.finish().map_err(|e| Error::io("io-write", &dir, e))?;
    spool.end += size;
    Ok(Staged { offset, name, size, sha256, content_type, protection })
}

/// A separately encrypted attachment, decrypted into a nameless file.
pub(super) fn stage_decrypted(
    ctx: &mut Context<'_>,
    spool: &mut Spool,
    part: &MessagePart<'_>,
    body: Body<'_>,
    (unlocked, contact_list): &(crate::identity::Unlocked, Vec<Contact>),
    req: &OpenMailRequest,
    progress: &dyn crate::send::Progress,
) -> Result<(Staged, Decrypted)> {
    let limit = req.max_output.unwrap_or_else(|| open::output_limit(body.len()));
    let offset = spool.end;
    progress.start(body.len());
    let decrypted = decrypt_logged(
        ctx,
        Source { reader: body.reader(), path: None },
        unlocked,
        contact_list,
        limit,
        spool.tail()?,
        progress,
    );
    progress.finish();
    let decrypted = decrypted?;
    spool.end += decrypted.stored_size;
    let outer = part.attachment_name().unwrap_or("");
    let name = decrypted
        .filename
        .as_deref()
        .and_then(crate::names::sanitize)
        .or_else(|| {
            let lower = outer.to_ascii_lowercase();
            [".pgp", ".gpg", ".asc"]
                .iter()
                .find(|s| lower.ends_with(*s))
                .and_then(|s| crate::names::sanitize(&outer.as_bytes()[..outer.len() - s.len()]))
        })
        .unwrap_or_else(|| crate::names::fallback_name(outer));
    let content_type = crate::mail::mime_type::detect(&name, b"").to_owned();
    let stage = Staged {
        offset,
        name,
        size: decrypted.size,
        sha256: decrypted.sha256.clone(),
        content_type,
        protection: attribute(decrypted.encrypted, &[layer_of(&decrypted)], &unlocked.cert.fingerprint().to_hex()),
    };
    Ok((stage, decrypted))
}

/// `document.<ext>` for an attachment without a usable name.
pub(super) fn fallback_name(content_type: &str) -> String {
    let ext = match content_type {
        "application/pdf" => "pdf",
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/tiff" => "tif",
        "application/dicom" => "dcm",
        "text/plain" => "txt",
        "text/html" => "html",
        "message/rfc822" => "eml",
        _ => return crate::names::FALLBACK_STEM.to_owned(),
    };
    format!("{}.{ext}", crate::names::FALLBACK_STEM)
}

/// Names every staged attachment and records them, all or none, through
/// [`commit::commit_in_turn`]: each is copied out of the spool only when
/// its turn comes to be named, so one file is open at a time.
pub(super) fn save_all(
    ctx: &mut Context<'_>,
    spool: &mut Spool,
    staged: Vec<Staged>,
    out_dir: &Path,
    keep_for: std::time::Duration,
    sender: &Sender,
    format: MailFormat,
) -> Result<(Vec<SavedAttachment>, Option<String>)> {
    let format_code = match format {
        MailFormat::PgpMime => "pgp-mime",
        MailFormat::InlinePgp => "inline-pgp",
        MailFormat::PgpAttachments => "pgp-attachments",
        MailFormat::Plain => "plain",
    };
    if staged.is_empty() {
        let event = sender
            .open_event(Outcome::Success, None)
            .detail(format!("email {format_code}; sender {}; nothing saved", sender.status.as_str()));
        audit::record_all(ctx, vec![event], |_| Ok(()))?;
        return Ok((Vec::new(), None));
    }
    let expires = crate::fmt_time(retention::expiry_base(ctx)? + keep_for);
    let planned = staged
        .iter()
        .map(|stage| Planned::new(out_dir, stage.name.clone(), Naming::FirstFree, stage.sha256.clone(), stage.size))
        .collect();
    let events = staged
        .iter()
        .map(|stage| {
            let sender = &stage.protection.sender;
            sender.open_event(Outcome::Success, Some((&stage.sha256, stage.size))).detail(format!(
                "email {format_code}; sender {}; {}",
                sender.status.as_str(),
                if stage.protection.encrypted { "received" } else { "received unencrypted" }
            ))
        })
        .collect();
    let write = |i: usize| spool.copy_out(&staged[i]);
    let committed = commit::commit_in_turn(ctx, Kind::Received, keep_for, planned, events, write, |_| Ok(()))?;
    let saved = staged
        .into_iter()
        .zip(committed)
        .map(|(stage, Committed { id, path: output })| SavedAttachment {
            filename: output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(stage.name),
            output,
            size: stage.size,
            sha256: stage.sha256,
            content_type: stage.content_type,
            encrypted: stage.protection.encrypted,
            protected: stage.protection.protected(),
            sender: stage.protection.sender.clone(),
            intended_for_me: stage.protection.intended_for_me,
            forwarded_from: stage.protection.forwarded_from,
            id,
        })
        .collect();
    Ok((saved, Some(expires)))
}
