//! The PDF 2.0 standard security handler, revision 6 (ISO 32000-2
//! §7.6.4.3.3–4): AES-256 (`/AESV3` crypt filter) for every string and
//! stream, the document metadata included, keys derived from the passwords
//! with Algorithm 2.B.
//!
//! lopdf computes `/U`, `/UE`, `/O`, `/OE` and `/Perms` (Algorithms 8, 9,
//! 10) and encrypts each object with its own random IV; the `/Encrypt`
//! dictionary and cross-reference data stay in clear as the standard says.
//! The file encryption key and the owner password are fresh random bytes
//! from the operating system for every file, and are wiped after use.
//! Each output is opened again with the user password before it is handed
//! back, so a file that the patient could not open never leaves here.

use super::{guarded, Attachment, Checked};
use crate::error::{Error, Result};
use lopdf::encryption::crypt_filters::{Aes256CryptFilter, CryptFilter};
use lopdf::xref::XrefType;
use lopdf::{Dictionary, Document, EncryptionState, EncryptionVersion, LoadOptions, Object, Permissions, StringFormat};
use std::collections::BTreeMap;
use std::sync::Arc;
use zeroize::Zeroizing;

/// The crypt filter's name in `/CF` (the one every writer uses).
const FILTER: &[u8] = b"StdCF";

/// Fills `buf` from the operating system's random source.
fn random(buf: &mut [u8]) -> Result<()> {
    sequoia_openpgp::crypto::random(buf).map_err(|e| Error::Internal(e.to_string()))
}

/// Encrypts `doc` for `password` and writes it out.
pub(super) fn encrypt(doc: &mut Document, password: &str) -> Result<Vec<u8>> {
    prepare(doc)?;
    let pages = doc.get_pages().len();

    let mut file_key = Zeroizing::new([0u8; 32]);
    random(&mut file_key[..])?;
    // The owner password: 32 random bytes, written as 64 hex digits (a PDF
    // password is text; revision 6 takes up to 127 bytes of UTF-8). Nobody
    // ever learns it, so nobody can use the owner's rights.
    let mut owner_bytes = Zeroizing::new([0u8; 32]);
    random(&mut owner_bytes[..])?;
    let owner = Zeroizing::new(owner_bytes.iter().map(|b| format!("{b:02x}")).collect::<String>());

    let mut filters: BTreeMap<Vec<u8>, Arc<dyn CryptFilter>> = BTreeMap::new();
    filters.insert(FILTER.to_vec(), Arc::new(Aes256CryptFilter));
    // Printing and copying are allowed: the patient may print a lab result
    // or paste it into a message to another doctor. These bits are only
    // advisory anyway: a reader that knows the user password can ignore them.
    let permissions = Permissions::PRINTABLE
        | Permissions::PRINTABLE_IN_HIGH_QUALITY
        | Permissions::COPYABLE
        | Permissions::COPYABLE_FOR_ACCESSIBILITY;
    let version = EncryptionVersion::V5 {
        encrypt_metadata: true,
        crypt_filters: filters,
        file_encryption_key: &file_key[..],
        stream_filter: FILTER.to_vec(),
        string_filter: FILTER.to_vec(),
        owner_password: &owner,
        user_password: password,
        permissions,
    };
    let state = EncryptionState::try_from(version).map_err(|e| Error::Internal(format!("pdf: {e}")))?;
    let encrypted = doc.encrypt(&state);
    drop(state);
    encrypted.map_err(|e| Error::Internal(format!("pdf: {e}")))?;
    doc.reference_table.cross_reference_type = XrefType::CrossReferenceTable;
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| Error::Internal(format!("pdf: {e}")))?;

    // Open what was written, as the patient's reader will: the password
    // must open it, with every page, and no password must not.
    let checked = check(&out, password)?;
    if checked.pages != pages || checked.revision != 6 || !checked.metadata_encrypted {
        return Err(Error::Internal("pdf:readback".into()));
    }
    if check(&out, "").is_ok() {
        return Err(Error::Internal("pdf:opens-without-password".into()));
    }
    Ok(out)
}

/// Makes a loaded document ready to be written as one encrypted file: no
/// object streams or cross-reference streams (their objects are already
/// loaded as plain objects, and are written out one by one), a trailer with
/// only the catalog and the document information, a fresh random `/ID`,
/// and a version that announces AES-256.
fn prepare(doc: &mut Document) -> Result<()> {
    doc.objects.retain(|_, object| !matches!(object.type_name(), Ok(b"ObjStm") | Ok(b"XRef")));
    let mut trailer = Dictionary::new();
    for key in [&b"Root"[..], b"Info"] {
        if let Ok(value) = doc.trailer.get(key) {
            trailer.set(key, value.clone());
        }
    }
    let mut id = [0u8; 32];
    random(&mut id)?;
    trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id[..16].to_vec(), StringFormat::Hexadecimal),
            Object::String(id[16..].to_vec(), StringFormat::Hexadecimal),
        ]),
    );
    doc.trailer = trailer;
    // Revision 6 is PDF 2.0, and PDF 1.7 with Adobe's extension level 8
    // (what Adobe Reader X and later, and qpdf, write for 1.x files).
    if doc.version.as_str() < "2.0" {
        doc.version = "1.7".into();
        let catalog = doc.catalog_mut().map_err(|e| Error::Internal(format!("pdf: {e}")))?;
        let mut adbe = Dictionary::new();
        adbe.set("BaseVersion", Object::Name(b"1.7".to_vec()));
        adbe.set("ExtensionLevel", Object::Integer(8));
        let mut extensions = match catalog.get(b"Extensions") {
            Ok(Object::Dictionary(d)) => d.clone(),
            _ => Dictionary::new(),
        };
        extensions.set("ADBE", Object::Dictionary(adbe));
        catalog.set("Extensions", Object::Dictionary(extensions));
    }
    Ok(())
}

/// Opens an encrypted PDF with `password` and reports what is inside.
pub(super) fn check(pdf: &[u8], password: &str) -> Result<Checked> {
    let options = LoadOptions {
        password: Some(password.to_owned()),
        max_decompressed_size: Some(super::MAX_DECOMPRESSED),
        ..LoadOptions::default()
    };
    let doc = match guarded(|| Document::load_mem_with_options(pdf, options)) {
        Some(Ok(doc)) => doc,
        Some(Err(lopdf::Error::InvalidPassword))
        | Some(Err(lopdf::Error::Decryption(lopdf::encryption::DecryptionError::IncorrectPassword))) => {
            return Err(Error::PdfWrongPassword)
        }
        Some(Err(e)) => return Err(Error::PdfDamaged { reason: super::text::damaged_detail(&e.to_string()) }),
        None => return Err(Error::PdfDamaged { reason: super::text::damaged_detail("panic") }),
    };
    let Some(state) = doc.encryption_state.as_ref() else {
        if doc.trailer.has(b"Encrypt") {
            return Err(Error::PdfWrongPassword);
        }
        return Err(Error::PdfNotEncrypted);
    };
    let revision = u8::try_from(state.revision()).unwrap_or(0);
    let metadata_encrypted = state.encrypt_metadata();
    let pages = doc.get_pages().len();
    let attachments = attachments(&doc)?;
    Ok(Checked { pages, revision, metadata_encrypted, attachments })
}

/// The embedded files of the document's name tree (`/Names
/// /EmbeddedFiles`), in the tree's order.
fn attachments(doc: &Document) -> Result<Vec<Attachment>> {
    let mut found = vec![];
    let Ok(catalog) = doc.catalog() else {
        return Ok(found);
    };
    let tree = catalog
        .get_deref(b"Names", doc)
        .and_then(Object::as_dict)
        .and_then(|names| names.get_deref(b"EmbeddedFiles", doc))
        .and_then(Object::as_dict);
    if let Ok(tree) = tree {
        walk_name_tree(doc, tree, 0, &mut found)?;
    }
    Ok(found)
}

fn walk_name_tree(doc: &Document, node: &Dictionary, depth: usize, found: &mut Vec<Attachment>) -> Result<()> {
    if depth > 32 {
        return Err(Error::PdfDamaged { reason: super::text::damaged_detail("name-tree-depth") });
    }
    if let Ok(names) = node.get_deref(b"Names", doc).and_then(Object::as_array) {
        for pair in names.chunks(2) {
            let [key, spec] = pair else { continue };
            let spec = match spec {
                Object::Reference(id) => doc.get_dictionary(*id).ok(),
                Object::Dictionary(d) => Some(d),
                _ => None,
            };
            if let Some(spec) = spec {
                if let Some(attachment) = embedded_file(doc, key, spec)? {
                    found.push(attachment);
                }
            }
        }
    }
    if let Ok(kids) = node.get_deref(b"Kids", doc).and_then(Object::as_array) {
        for kid in kids {
            if let Ok(kid) = doc.dereference(kid).and_then(|(_, o)| o.as_dict()) {
                walk_name_tree(doc, kid, depth + 1, found)?;
            }
        }
    }
    Ok(())
}

fn embedded_file(doc: &Document, key: &Object, spec: &Dictionary) -> Result<Option<Attachment>> {
    let Ok(ef) = spec.get_deref(b"EF", doc).and_then(Object::as_dict) else {
        return Ok(None);
    };
    let Ok(stream) = ef.get_deref(b"UF", doc).or_else(|_| ef.get_deref(b"F", doc)).and_then(Object::as_stream) else {
        return Ok(None);
    };
    let data = if stream.filters().map(|f| f.is_empty()).unwrap_or(true) {
        stream.content.clone()
    } else {
        stream
            .decompressed_content_with_limit(super::MAX_INPUT as usize)
            .map_err(|e| Error::PdfDamaged { reason: super::text::damaged_detail(&e.to_string()) })?
    };
    let name = [&b"UF"[..], b"F"]
        .iter()
        .find_map(|k| spec.get_deref(k, doc).ok().and_then(text_string))
        .or_else(|| text_string(key))
        .unwrap_or_default();
    Ok(Some(Attachment { name, size: data.len() as u64, data }))
}

/// A PDF text string (UTF-16BE with its byte order mark, UTF-8 with its
/// mark, else PDFDocEncoding read as Latin-1).
fn text_string(object: &Object) -> Option<String> {
    let Object::String(bytes, _) = object else {
        return None;
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return Some(String::from_utf16_lossy(&units));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Some(String::from_utf8_lossy(rest).into_owned());
    }
    Some(bytes.iter().map(|&b| b as char).collect())
}
