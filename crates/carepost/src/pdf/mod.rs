//! The password-protected PDF for a patient who has no OpenPGP key: what
//! the patient's own PDF reader opens after typing the password told by
//! phone.
//!
//! Two forms, decided from the content (never the file name):
//!
//! - **encrypted**: the input is a PDF that carries no digital signature;
//!   the same objects (pages, fonts, images, metadata) are written out again
//!   with every string and stream encrypted;
//! - **attachment**: anything else (a photo, a scan, a DICOM file) and a
//!   signed PDF travel unchanged as an embedded file behind one cover page in
//!   the patient's language, which says what is attached and how to save it.
//!   Re-encrypting a signed PDF would rewrite the bytes its signature covers.
//!
//! Both are encrypted with the PDF 2.0 standard security handler, revision
//! 6 (AES-256, [`security`]). The user password is the one told by phone; the
//! owner password is 32 random bytes from the operating system, made here and
//! dropped: never empty (an empty owner password lets some readers open the
//! file without asking), never returned.
//!
//! Everything happens in memory, so the input is bounded by [`MAX_INPUT`].
//! The library never prints: problems are [`Error`] variants with a hint.

mod cover;
mod media;
mod security;
mod text;

use crate::error::{Error, Result};
use crate::i18n::Language;
use lopdf::{Document, Object};

pub use media::media_type;

/// Largest input [`protect`] takes: 64 MiB. The document, its parsed
/// objects and the encrypted output are all in memory at once (about three
/// times the input), and mail providers refuse messages far smaller than
/// this (25 MiB at the large ones), so nothing a patient can receive is
/// turned away by this bound.
pub const MAX_INPUT: u64 = 64 * 1024 * 1024;

/// Largest PDF [`check`] takes: what [`protect`] can make of the largest
/// input. A photo is both attached and shown on the cover page, so its
/// bytes are in the PDF twice; 1 MiB more covers the page, the objects
/// and the encryption.
pub const MAX_CHECK: u64 = 2 * MAX_INPUT + 1024 * 1024;

/// The most a stream may inflate to while a PDF is read (object streams,
/// embedded files): a bound that defeats compression bombs.
const MAX_DECOMPRESSED: usize = 256 * 1024 * 1024;

/// What the patient receives: the PDF bytes, encrypted with the password (PDF
/// 2.0 standard security handler revision 6, AES-256, metadata encrypted,
/// random owner password generated inside and never returned).
pub struct Protected {
    pub bytes: Vec<u8>,
    pub form: Form,
}

impl std::fmt::Debug for Protected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Protected").field("bytes", &self.bytes.len()).field("form", &self.form).finish()
    }
}

/// Which form [`protect`] produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The input was a PDF: same pages, re-encrypted.
    Encrypted,
    /// The input travels unchanged as an attachment behind a cover page in
    /// `language`.
    Attachment { reason: AttachmentReason },
}

/// Why the input travels as an attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentReason {
    /// Not a PDF (a photo, a scan, a DICOM file, …).
    NotPdf,
    /// A PDF with a digital signature, which re-encrypting would break.
    SignedPdf,
}

impl Form {
    /// `"encrypted"` or `"attachment"`, as JSON and the audit log say it.
    pub fn as_str(&self) -> &'static str {
        match self {
            Form::Encrypted => "encrypted",
            Form::Attachment { .. } => "attachment",
        }
    }
}

impl AttachmentReason {
    /// `"not-pdf"` or `"signed-pdf"`, a stable code for JSON and the audit log.
    pub fn as_str(&self) -> &'static str {
        match self {
            AttachmentReason::NotPdf => "not-pdf",
            AttachmentReason::SignedPdf => "signed-pdf",
        }
    }
}

/// What [`check`] found in a password-protected PDF.
#[derive(Debug)]
pub struct Checked {
    pub pages: usize,
    /// The standard security handler's revision (6 for what carepost writes).
    pub revision: u8,
    pub metadata_encrypted: bool,
    pub attachments: Vec<Attachment>,
}

/// A file embedded in a PDF (the attachment form's document).
pub struct Attachment {
    /// The name the PDF gives it (its `/UF`, else `/F`), as written: the
    /// caller sanitizes it before using it as a file name.
    pub name: String,
    pub size: u64,
    pub data: Vec<u8>,
}

impl std::fmt::Debug for Attachment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Attachment").field("size", &self.size).finish_non_exhaustive()
    }
}

/// Whether `bytes` is a PDF by content: `%PDF-` within the first 1024 bytes
/// (readers accept leading junk up to there).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Decides the form from the content (not the file name) and produces it.
///
/// `file_name` is the document's name, shown on the cover page and given
/// to the attachment (only its last path component is used); `language` is
/// the cover page's; `password` is the user password.
///
/// Errors: an already-encrypted PDF, a damaged PDF, an empty or too large
/// input, each its own [`Error`] variant with a hint.
pub fn protect(document: &[u8], file_name: &str, language: Language, password: &str) -> Result<Protected> {
    if document.is_empty() {
        return Err(Error::PdfEmpty);
    }
    if document.len() as u64 > MAX_INPUT {
        return Err(Error::PdfTooLarge { size: document.len() as u64, limit: MAX_INPUT });
    }
    if password.is_empty() {
        // The caller always passes a generated password; an empty one would
        // make a PDF that opens without asking.
        return Err(Error::Internal("pdf:empty-password".into()));
    }
    let name = cover::attachment_name(file_name);
    let (mut doc, form) = if looks_like_pdf(document) {
        let doc = load(document)?;
        if is_signed(&doc) {
            let reason = AttachmentReason::SignedPdf;
            (cover::build(document, &name, language, reason)?, Form::Attachment { reason })
        } else {
            (doc, Form::Encrypted)
        }
    } else {
        let reason = AttachmentReason::NotPdf;
        (cover::build(document, &name, language, reason)?, Form::Attachment { reason })
    };
    let bytes = security::encrypt(&mut doc, password)?;
    Ok(Protected { bytes, form })
}

/// For `carepost open FILE.pdf --password`: whether the password opens it,
/// how many pages it has, and the files embedded in it.
pub fn check(pdf: &[u8], password: &str) -> Result<Checked> {
    if pdf.is_empty() {
        return Err(Error::PdfEmpty);
    }
    if pdf.len() as u64 > MAX_CHECK {
        return Err(Error::PdfTooLarge { size: pdf.len() as u64, limit: MAX_CHECK });
    }
    if !looks_like_pdf(pdf) {
        return Err(Error::PdfNotPdf);
    }
    if !ends_like_a_pdf(pdf) {
        return Err(Error::PdfDamaged { reason: text::damaged_truncated() });
    }
    security::check(pdf, password)
}

/// Parses a PDF that is to be encrypted: refuses one that is already
/// encrypted, damaged, cut short or without pages.
fn load(bytes: &[u8]) -> Result<Document> {
    if !ends_like_a_pdf(bytes) {
        return Err(Error::PdfDamaged { reason: text::damaged_truncated() });
    }
    let options = lopdf::LoadOptions { max_decompressed_size: Some(MAX_DECOMPRESSED), ..lopdf::LoadOptions::default() };
    let doc = guarded(|| Document::load_mem_with_options(bytes, options));
    let doc = match doc {
        Some(Ok(doc)) => doc,
        Some(Err(e)) if is_encryption_error(&e) => return Err(Error::PdfAlreadyEncrypted),
        Some(Err(e)) => return Err(Error::PdfDamaged { reason: text::damaged_detail(&e.to_string()) }),
        None => return Err(Error::PdfDamaged { reason: text::damaged_detail("panic") }),
    };
    if doc.trailer.has(b"Encrypt") || doc.encryption_state.is_some() {
        return Err(Error::PdfAlreadyEncrypted);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(Error::PdfDamaged { reason: text::damaged_no_pages() });
    }
    // Every page must be there: a page tree that names objects the file
    // does not hold is a document with pages missing.
    for id in pages.values() {
        if doc.get_dictionary(*id).is_err() {
            return Err(Error::PdfDamaged { reason: text::damaged_truncated() });
        }
    }
    Ok(doc)
}

/// Whether the file ends with `%%EOF` (within the last 2 KiB, allowing for
/// trailing junk some producers add): a PDF cut short in transfer does not,
/// and lopdf would otherwise rebuild what it can and carry on with part of
/// the document.
fn ends_like_a_pdf(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

fn is_encryption_error(e: &lopdf::Error) -> bool {
    matches!(
        e,
        lopdf::Error::Decryption(_)
            | lopdf::Error::InvalidPassword
            | lopdf::Error::AlreadyEncrypted
            | lopdf::Error::UnsupportedSecurityHandler(_)
    )
}

/// Runs the PDF parser, turning a panic inside it into `None`: hostile
/// input must end in an error, never in a crash.
fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok()
}

/// Whether the PDF carries a digital signature (or asks to be certified):
/// a signature value with a `/ByteRange`, a document-level `/Perms` entry
/// (DocMDP certification, UR3 usage rights), or an AcroForm whose
/// `/SigFlags` says signatures exist.
fn is_signed(doc: &Document) -> bool {
    if let Ok(catalog) = doc.catalog() {
        if catalog.has(b"Perms") {
            return true;
        }
        let acroform = catalog.get_deref(b"AcroForm", doc).and_then(Object::as_dict);
        if let Ok(acroform) = acroform {
            let flags = acroform.get_deref(b"SigFlags", doc).and_then(Object::as_i64).unwrap_or(0);
            if flags & 1 != 0 {
                return true;
            }
        }
    }
    doc.objects.values().any(|object| {
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => return false,
        };
        // A signature dictionary, or a field or widget whose value is one.
        dict.has(b"ByteRange") && dict.has(b"Contents")
            || dict.get(b"V").ok().and_then(|v| signature_value(doc, v)).unwrap_or(false)
    })
}

fn signature_value(doc: &Document, value: &Object) -> Option<bool> {
    let dict = match value {
        Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        Object::Dictionary(d) => d,
        _ => return None,
    };
    Some(dict.has(b"ByteRange"))
}

#[cfg(test)]
mod tests;
