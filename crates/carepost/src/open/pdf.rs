//! `open FILE.pdf --password`: a check of a password-protected PDF, for
//! support questions ("the patient says the password does not work"):
//! does the password open it, how many pages, what is attached. Nothing
//! is written: the patient opens the file in their own PDF reader, and the
//! practice keeps its own copy of the document sealed to its key.

use super::password::{password_forms, read_password, PasswordSource};
use crate::error::{Error, Result};
use crate::Context;
use serde::Serialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// What the check found (the `--json` result).
#[derive(Debug, Serialize)]
pub struct PdfReport {
    pub input: PathBuf,
    /// Always true: a password that does not open the file is an error.
    pub password_opens: bool,
    pub pages: usize,
    pub revision: u8,
    pub metadata_encrypted: bool,
    pub attachments: Vec<PdfAttachmentInfo>,
}

/// One embedded file: its name as the PDF gives it (escaped when shown)
/// and its size.
#[derive(Debug, Serialize)]
pub struct PdfAttachmentInfo {
    pub name: String,
    pub size: u64,
}

/// Checks the PDF at `input` with the password from `source`, as typed
/// and in its normal form (lower case, single spaces).
pub fn check_pdf(ctx: &Context<'_>, input: &Path, source: &PasswordSource) -> Result<PdfReport> {
    let bytes = read_bounded(input)?;
    if !crate::pdf::looks_like_pdf(&bytes) {
        return Err(Error::PdfNotPdf);
    }
    let password = read_password(ctx, source)?;
    let mut wrong = None;
    for form in password_forms(password.expose()) {
        let result = form.map(|typed| match std::str::from_utf8(typed) {
            Ok(text) => crate::pdf::check(&bytes, text),
            Err(_) => Err(Error::PdfWrongPassword),
        });
        match result {
            Ok(checked) => {
                return Ok(PdfReport {
                    input: input.to_path_buf(),
                    password_opens: true,
                    pages: checked.pages,
                    revision: checked.revision,
                    metadata_encrypted: checked.metadata_encrypted,
                    attachments: checked
                        .attachments
                        .iter()
                        .map(|a| PdfAttachmentInfo { name: a.name.clone(), size: a.size })
                        .collect(),
                })
            }
            Err(Error::PdfWrongPassword) => wrong = Some(Error::PdfWrongPassword),
            Err(other) => return Err(other),
        }
    }
    Err(wrong.unwrap_or(Error::PdfWrongPassword))
}

/// The file's bytes, refused when empty or past what `pdf::check` takes
/// (in words for a check, not a send).
fn read_bounded(input: &Path) -> Result<Vec<u8>> {
    let file = std::fs::File::open(input).map_err(|e| Error::io("io-read", input, e))?;
    let mut bytes = Vec::new();
    file.take(crate::pdf::MAX_CHECK + 1).read_to_end(&mut bytes).map_err(|e| Error::io("io-read", input, e))?;
    if bytes.is_empty() {
        return Err(Error::PdfCheckEmpty(input.to_path_buf()));
    }
    if bytes.len() as u64 > crate::pdf::MAX_CHECK {
        let size = std::fs::metadata(input).map(|m| m.len()).unwrap_or(bytes.len() as u64);
        return Err(Error::PdfCheckTooLarge { path: input.to_path_buf(), size, limit: crate::pdf::MAX_CHECK });
    }
    Ok(bytes)
}
