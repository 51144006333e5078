//! Round trips, refusals and the no-plaintext checks of the protected PDF.
//! The security handler's values are also checked with an independent
//! implementation of Algorithm 2.B here (not lopdf's), so a wrong hash in
//! the writer cannot hide behind the same wrong hash in the reader.

// (The whole file is test code; the attribute also tells the catalogue
// scanner so.)
#[cfg(test)]
use super::*;
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Stream, StringFormat};

const PASSWORD: &str = "appel tafel fiets molen kaas boom";
const PAGE_TEXT: &str = "Hemoglobine 8.4 mmol/L";
const TITLE: &str = "Uitslag Jansen";
const XMP: &str = "<x:xmpmeta><dc:title>Uitslag Jansen XMP</dc:title></x:xmpmeta>";
const PHOTO: &[u8] = include_bytes!("testdata/photo.jpg");

/// A two-page PDF with text, a title and an XMP metadata stream.
fn sample_doc() -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    let font_id = doc.add_object(font);
    let mut kids = vec![];
    for text in [PAGE_TEXT, "Page two"] {
        let content = Content {
            operations: vec![
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec![Object::Name(b"F1".to_vec()), 12.into()]),
                Operation::new("Td", vec![72.into(), 700.into()]),
                Operation::new("Tj", vec![Object::String(text.as_bytes().to_vec(), StringFormat::Literal)]),
                Operation::new("ET", vec![]),
            ],
        };
        let content_id = doc.add_object(Stream::new(Dictionary::new(), content.encode().unwrap()));
        let mut fonts = Dictionary::new();
        fonts.set("F1", Object::Reference(font_id));
        let mut resources = Dictionary::new();
        resources.set("Font", Object::Dictionary(fonts));
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(pages_id));
        page.set("MediaBox", Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]));
        page.set("Resources", Object::Dictionary(resources));
        page.set("Contents", Object::Reference(content_id));
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let mut pages = Dictionary::new();
    pages.set("Type", Object::Name(b"Pages".to_vec()));
    pages.set("Count", Object::Integer(kids.len() as i64));
    pages.set("Kids", Object::Array(kids));
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let mut meta = Dictionary::new();
    meta.set("Type", Object::Name(b"Metadata".to_vec()));
    meta.set("Subtype", Object::Name(b"XML".to_vec()));
    let meta_id = doc.add_object(Stream::new(meta, XMP.as_bytes().to_vec()).with_compression(false));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    catalog.set("Metadata", Object::Reference(meta_id));
    let catalog_id = doc.add_object(catalog);
    let mut info = Dictionary::new();
    info.set("Title", Object::String(TITLE.as_bytes().to_vec(), StringFormat::Literal));
    let info_id = doc.add_object(info);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    doc.trailer.set("Info", Object::Reference(info_id));
    doc
}

fn load_with(bytes: &[u8], password: &str) -> lopdf::Result<Document> {
    Document::load_mem_with_options(bytes, lopdf::LoadOptions::with_password(password))
}

fn sample() -> Vec<u8> {
    let mut out = vec![];
    sample_doc().save_to(&mut out).unwrap();
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The decrypted document and the text of its first page.
fn open(bytes: &[u8], password: &str) -> (Document, String) {
    let doc = load_with(bytes, password).unwrap();
    let text = doc.extract_text(&[1]).unwrap();
    (doc, text)
}

fn assert_no_plaintext(bytes: &[u8], secrets: &[&[u8]]) {
    for secret in secrets {
        assert!(!contains(bytes, secret), "{:?} appears in clear", String::from_utf8_lossy(secret));
    }
}

#[test]
fn a_pdf_keeps_its_pages_and_text_and_opens_only_with_the_password() {
    let input = sample();
    let out = protect(&input, "uitslag.pdf", Language::Nl, PASSWORD).unwrap();
    assert_eq!(out.form, Form::Encrypted);
    assert_eq!(out.form.as_str(), "encrypted");
    let checked = check(&out.bytes, PASSWORD).unwrap();
    assert_eq!(checked.pages, 2);
    assert_eq!(checked.revision, 6);
    assert!(checked.metadata_encrypted);
    assert!(checked.attachments.is_empty());
    let (doc, text) = open(&out.bytes, PASSWORD);
    assert!(text.contains(PAGE_TEXT), "{text:?}");
    let info = doc.trailer.get_deref(b"Info", &doc).unwrap().as_dict().unwrap();
    assert_eq!(info.get(b"Title").unwrap().as_str().unwrap(), TITLE.as_bytes());
    assert!(matches!(check(&out.bytes, "appel tafel fiets molen kaas"), Err(Error::PdfWrongPassword)));
    assert!(matches!(check(&out.bytes, ""), Err(Error::PdfWrongPassword)));
    assert!(load_with(&out.bytes, "wrong").is_err());
}

#[test]
fn no_page_text_title_or_metadata_in_clear() {
    let out = protect(&sample(), "uitslag.pdf", Language::Nl, PASSWORD).unwrap();
    assert_no_plaintext(&out.bytes, &[PAGE_TEXT.as_bytes(), b"Hemoglobine", TITLE.as_bytes(), b"xmpmeta", b"Page two"]);
    // Nor the password.
    assert_no_plaintext(&out.bytes, &[PASSWORD.as_bytes(), b"appel"]);
}

#[test]
fn every_file_gets_fresh_keys_and_a_fresh_id() {
    let input = sample();
    let a = protect(&input, "a.pdf", Language::En, PASSWORD).unwrap();
    let b = protect(&input, "a.pdf", Language::En, PASSWORD).unwrap();
    let encrypt = |bytes: &[u8]| raw_encrypt_dict(bytes);
    let (ea, eb) = (encrypt(&a.bytes), encrypt(&b.bytes));
    assert_ne!(ea.u, eb.u);
    assert_ne!(ea.o, eb.o);
    assert_ne!(ea.id, eb.id);
    assert_eq!(ea.id.len(), 16);
}

/// The `/Encrypt` values of a file, read without lopdf's decryption.
struct EncryptDict {
    r: i64,
    v: i64,
    o: Vec<u8>,
    u: Vec<u8>,
    oe: Vec<u8>,
    ue: Vec<u8>,
    perms: Vec<u8>,
    p: i64,
    encrypt_metadata: bool,
    cfm: Vec<u8>,
    id: Vec<u8>,
}

fn raw_encrypt_dict(bytes: &[u8]) -> EncryptDict {
    // The values lopdf read from the file's /Encrypt dictionary (checked
    // below against Algorithm 2.B, written here from the standard).
    let doc = load_with(bytes, PASSWORD).unwrap();
    let state = doc.encryption_state.as_ref().unwrap();
    let id = doc.trailer.get(b"ID").unwrap().as_array().unwrap()[0].as_str().unwrap().to_vec();
    let filter = state.crypt_filters().get(&b"StdCF"[..]).unwrap();
    assert_eq!(state.default_stream_filter(), b"StdCF");
    assert_eq!(state.default_string_filter(), b"StdCF");
    EncryptDict {
        r: state.revision(),
        v: state.version(),
        o: state.owner_value().to_vec(),
        u: state.user_value().to_vec(),
        oe: state.owner_encrypted().to_vec(),
        ue: state.user_encrypted().to_vec(),
        perms: state.permission_encrypted().to_vec(),
        p: state.permissions().bits() as i64,
        encrypt_metadata: state.encrypt_metadata(),
        cfm: filter.method().to_vec(),
        id,
    }
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

mod algorithm_2b {
    //! ISO 32000-2 Algorithm 2.B, written from the standard.
    use aes::cipher::{generic_array::GenericArray, BlockDecrypt, BlockEncrypt, KeyInit};
    use sha2::{Digest, Sha256, Sha384, Sha512};

    pub fn hash(password: &[u8], salt: &[u8], udata: &[u8]) -> [u8; 32] {
        let mut k: Vec<u8> =
            Sha256::new().chain_update(password).chain_update(salt).chain_update(udata).finalize().to_vec();
        let mut round = 0usize;
        loop {
            let mut k1 = Vec::new();
            for _ in 0..64 {
                k1.extend_from_slice(password);
                k1.extend_from_slice(&k);
                k1.extend_from_slice(udata);
            }
            let cipher = aes::Aes128::new(GenericArray::from_slice(&k[..16]));
            let mut iv: [u8; 16] = k[16..32].try_into().unwrap();
            let mut e = Vec::with_capacity(k1.len());
            for block in k1.chunks(16) {
                let mut b = [0u8; 16];
                for i in 0..16 {
                    b[i] = block[i] ^ iv[i];
                }
                let mut ga = GenericArray::clone_from_slice(&b);
                cipher.encrypt_block(&mut ga);
                iv.copy_from_slice(&ga);
                e.extend_from_slice(&ga);
            }
            let modulo: u32 = e[..16].iter().map(|b| u32::from(*b)).sum::<u32>() % 3;
            k = match modulo {
                0 => Sha256::digest(&e).to_vec(),
                1 => Sha384::digest(&e).to_vec(),
                _ => Sha512::digest(&e).to_vec(),
            };
            round += 1;
            if round >= 64 && u32::from(*e.last().unwrap()) <= (round as u32 - 32) {
                break;
            }
        }
        k[..32].try_into().unwrap()
    }

    /// AES-256 with no padding and a zero IV (how UE and OE are made).
    pub fn cbc_decrypt_zero_iv(key: &[u8; 32], data: &[u8]) -> Vec<u8> {
        let cipher = aes::Aes256::new(GenericArray::from_slice(key));
        let mut prev = [0u8; 16];
        let mut out = vec![];
        for block in data.chunks(16) {
            let mut ga = GenericArray::clone_from_slice(block);
            cipher.decrypt_block(&mut ga);
            for i in 0..16 {
                out.push(ga[i] ^ prev[i]);
            }
            prev.copy_from_slice(block);
        }
        out
    }

    pub fn ecb_decrypt(key: &[u8], block: &[u8]) -> Vec<u8> {
        let cipher = aes::Aes256::new(GenericArray::from_slice(key));
        let mut ga = GenericArray::clone_from_slice(block);
        cipher.decrypt_block(&mut ga);
        ga.to_vec()
    }
}

#[test]
fn the_security_handler_is_revision_6_as_the_standard_computes_it() {
    let out = protect(&sample(), "uitslag.pdf", Language::Nl, PASSWORD).unwrap();
    let e = raw_encrypt_dict(&out.bytes);
    assert_eq!((e.v, e.r), (5, 6));
    assert_eq!(e.cfm, b"AESV3");
    assert!(e.encrypt_metadata);
    assert_eq!((e.u.len(), e.o.len(), e.ue.len(), e.oe.len(), e.perms.len()), (48, 48, 32, 32, 16));
    // Algorithm 11: the user password's hash with the validation salt.
    let password = PASSWORD.as_bytes();
    assert_eq!(algorithm_2b::hash(password, &e.u[32..40], &[]), e.u[..32]);
    // The owner password is not the user password, and not empty.
    assert_ne!(algorithm_2b::hash(password, &e.o[32..40], &e.u), e.o[..32]);
    assert_ne!(algorithm_2b::hash(b"", &e.o[32..40], &e.u), e.o[..32]);
    assert_ne!(algorithm_2b::hash(b"", &e.u[32..40], &[]), e.u[..32]);
    assert_ne!(e.o, e.u);
    // The file key from UE (key salt), then Perms (Algorithm 13).
    let key = algorithm_2b::hash(password, &e.u[40..48], &[]);
    let file_key: [u8; 32] = algorithm_2b::cbc_decrypt_zero_iv(&key, &e.ue).try_into().unwrap();
    let perms = algorithm_2b::ecb_decrypt(&file_key, &e.perms);
    assert_eq!(&perms[9..12], b"adb");
    assert_eq!(perms[8], b'T', "EncryptMetadata true in Perms");
    let p = i32::from_le_bytes(perms[..4].try_into().unwrap());
    assert_eq!(p as u32, e.p as u32);
    // Print (bit 3) and copy (bit 5) allowed, modify (bit 4) not.
    assert!(p & (1 << 2) != 0 && p & (1 << 4) != 0 && p & (1 << 3) == 0);
    assert_eq!(
        file_key.as_slice(),
        load_with(&out.bytes, PASSWORD).unwrap().encryption_state.unwrap().file_encryption_key()
    );
}

#[test]
fn object_streams_and_xref_streams_are_written_out_encrypted() {
    let mut doc = sample_doc();
    let mut modern = vec![];
    doc.save_modern(&mut modern).unwrap();
    assert!(contains(&modern, b"/ObjStm"), "the sample has no object stream");
    let out = protect(&modern, "uitslag.pdf", Language::En, PASSWORD).unwrap();
    assert_eq!(out.form, Form::Encrypted);
    assert!(!contains(&out.bytes, b"/ObjStm"));
    assert_no_plaintext(&out.bytes, &[TITLE.as_bytes(), b"xmpmeta"]);
    let (_, text) = open(&out.bytes, PASSWORD);
    assert!(text.contains(PAGE_TEXT), "{text:?}");
    assert_eq!(check(&out.bytes, PASSWORD).unwrap().pages, 2);
}

/// Appends an incremental update that replaces the first page's content.
fn with_incremental_update(original: &[u8], new_text: &str) -> Vec<u8> {
    let doc = Document::load_mem(original).unwrap();
    let page = *doc.get_pages().get(&1).unwrap();
    let content_id = doc.get_dictionary(page).unwrap().get(b"Contents").unwrap().as_reference().unwrap();
    let prev = {
        let at = rfind(original, b"startxref").unwrap();
        let rest = std::str::from_utf8(&original[at + 9..]).unwrap();
        rest.split_whitespace().next().unwrap().parse::<usize>().unwrap()
    };
    let stream = format!("BT /F1 12 Tf 72 700 Td ({new_text}) Tj ET");
    let mut out = original.to_vec();
    out.push(b'\n');
    let offset = out.len();
    out.extend_from_slice(
        format!("{} 0 obj\n<< /Length {} >>\nstream\n{stream}\nendstream\nendobj\n", content_id.0, stream.len())
            .as_bytes(),
    );
    let xref = out.len();
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    out.extend_from_slice(
        format!(
            "xref\n{} 1\n{offset:010} 00000 n \ntrailer\n<< /Size {} /Root {} 0 R /Info {} 0 R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n",
            content_id.0,
            doc.max_id + 1,
            root.0,
            info.0
        )
        .as_bytes(),
    );
    out
}

#[test]
fn an_incremental_update_is_read_as_the_last_revision() {
    let updated = with_incremental_update(&sample(), "Corrected value 9.1");
    assert!(Document::load_mem(&updated).unwrap().extract_text(&[1]).unwrap().contains("Corrected value 9.1"));
    let out = protect(&updated, "uitslag.pdf", Language::En, PASSWORD).unwrap();
    let (_, text) = open(&out.bytes, PASSWORD);
    assert!(text.contains("Corrected value 9.1"), "{text:?}");
    assert_no_plaintext(&out.bytes, &[b"Corrected value", b"Hemoglobine"]);
}

#[test]
fn a_photo_travels_unchanged_behind_a_cover_page() {
    let out = protect(PHOTO, "/home/dr/Foto knie.jpg", Language::Nl, PASSWORD).unwrap();
    assert_eq!(out.form, Form::Attachment { reason: AttachmentReason::NotPdf });
    assert_eq!(out.form.as_str(), "attachment");
    let checked = check(&out.bytes, PASSWORD).unwrap();
    assert_eq!(checked.pages, 1);
    assert_eq!(checked.revision, 6);
    assert_eq!(checked.attachments.len(), 1);
    assert_eq!(checked.attachments[0].name, "Foto knie.jpg");
    assert_eq!(checked.attachments[0].data, PHOTO);
    assert_eq!(checked.attachments[0].size, PHOTO.len() as u64);
    // No byte run of the photo, nor its name, in clear.
    for chunk in PHOTO.chunks(32).filter(|c| c.len() == 32) {
        assert!(!contains(&out.bytes, chunk));
    }
    assert_no_plaintext(&out.bytes, &[b"Foto knie", b"Bestand"]);
    // The cover page, in Dutch, names the file; the photo is shown on it.
    let (doc, text) = open(&out.bytes, PASSWORD);
    assert!(text.contains("Bestand: Foto knie.jpg"), "{text:?}");
    assert!(text.contains("paperclip"), "{text:?}");
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"PageMode").unwrap().as_name().unwrap(), b"UseAttachments");
    assert!(catalog.get(b"AF").is_ok());
    let page = doc.get_dictionary(*doc.get_pages().get(&1).unwrap()).unwrap();
    let resources = page.get(b"Resources").unwrap().as_dict().unwrap();
    assert!(resources.get(b"XObject").unwrap().as_dict().unwrap().has(b"Im1"));
    let annots = page.get(b"Annots").unwrap().as_array().unwrap();
    let annot = doc.get_dictionary(annots[0].as_reference().unwrap()).unwrap();
    assert_eq!(annot.get(b"Subtype").unwrap().as_name().unwrap(), b"FileAttachment");
    let spec = doc.get_dictionary(annot.get(b"FS").unwrap().as_reference().unwrap()).unwrap();
    let ef = spec.get(b"EF").unwrap().as_dict().unwrap();
    let file = doc.get_object(ef.get(b"F").unwrap().as_reference().unwrap()).unwrap().as_stream().unwrap();
    assert_eq!(file.dict.get(b"Subtype").unwrap().as_name().unwrap(), b"image/jpeg");
    let params = file.dict.get(b"Params").unwrap().as_dict().unwrap();
    assert_eq!(params.get(b"Size").unwrap().as_i64().unwrap(), PHOTO.len() as i64);
}

#[test]
fn the_cover_page_speaks_the_patients_language() {
    for (language, words) in
        [(Language::En, "How to save the file"), (Language::Nl, "Zo bewaart u"), (Language::Fr, "Comment enregistrer")]
    {
        let out = protect(b"DICOM-ish data that is not a pdf", "scan.dcm", language, PASSWORD).unwrap();
        let (_, text) = open(&out.bytes, PASSWORD);
        assert!(text.contains(words), "{language:?}: {text:?}");
    }
    // French accents survive WinAnsiEncoding.
    let out = protect(b"x", "résumé.txt", Language::Fr, PASSWORD).unwrap();
    let (_, text) = open(&out.bytes, PASSWORD);
    assert!(text.contains("Fichier : résumé.txt"), "{text:?}");
    assert!(text.contains("sécurisée"), "{text:?}");
}

/// The sample with a signature field whose value is a signature
/// dictionary, as lab systems write them.
fn signed_sample() -> Vec<u8> {
    let mut doc = sample_doc();
    let mut sig = Dictionary::new();
    sig.set("Type", Object::Name(b"Sig".to_vec()));
    sig.set("Filter", Object::Name(b"Adobe.PPKLite".to_vec()));
    sig.set("ByteRange", Object::Array(vec![0.into(), 100.into(), 200.into(), 300.into()]));
    sig.set("Contents", Object::String(vec![0; 64], StringFormat::Hexadecimal));
    let sig_id = doc.add_object(sig);
    let mut field = Dictionary::new();
    field.set("FT", Object::Name(b"Sig".to_vec()));
    field.set("T", Object::String(b"Signature1".to_vec(), StringFormat::Literal));
    field.set("V", Object::Reference(sig_id));
    let field_id = doc.add_object(field);
    let mut acroform = Dictionary::new();
    acroform.set("Fields", Object::Array(vec![Object::Reference(field_id)]));
    let acroform_id = doc.add_object(acroform);
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    doc.get_dictionary_mut(root).unwrap().set("AcroForm", Object::Reference(acroform_id));
    let mut out = vec![];
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_signed_pdf_travels_unchanged_as_an_attachment() {
    let signed = signed_sample();
    let out = protect(&signed, "uitslag.pdf", Language::En, PASSWORD).unwrap();
    assert_eq!(out.form, Form::Attachment { reason: AttachmentReason::SignedPdf });
    let checked = check(&out.bytes, PASSWORD).unwrap();
    assert_eq!(checked.pages, 1);
    assert_eq!(checked.attachments.len(), 1);
    assert_eq!(checked.attachments[0].data, signed, "the signed original is not byte for byte the same");
    assert_eq!(checked.attachments[0].name, "uitslag.pdf");
    let (_, text) = open(&out.bytes, PASSWORD);
    assert!(text.contains("digital signature"), "{text:?}");
    assert_no_plaintext(&out.bytes, &[PAGE_TEXT.as_bytes(), TITLE.as_bytes(), b"Signature1"]);
}

#[test]
fn sig_flags_or_perms_alone_mark_a_pdf_as_signed() {
    let mut doc = sample_doc();
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let mut acroform = Dictionary::new();
    acroform.set("SigFlags", Object::Integer(3));
    acroform.set("Fields", Object::Array(vec![]));
    doc.get_dictionary_mut(root).unwrap().set("AcroForm", Object::Dictionary(acroform));
    assert!(is_signed(&doc));
    let mut doc = sample_doc();
    let mut perms = Dictionary::new();
    perms.set("DocMDP", Object::Dictionary(Dictionary::new()));
    doc.get_dictionary_mut(root).unwrap().set("Perms", Object::Dictionary(perms));
    assert!(is_signed(&doc));
    assert!(!is_signed(&sample_doc()));
}

#[test]
fn an_encrypted_pdf_is_refused() {
    let out = protect(&sample(), "uitslag.pdf", Language::En, PASSWORD).unwrap();
    let again = protect(&out.bytes, "uitslag.pdf", Language::En, PASSWORD);
    assert!(matches!(again, Err(Error::PdfAlreadyEncrypted)), "{again:?}");
    let error = again.unwrap_err();
    assert_eq!(error.exit_status().code(), 4);
    assert!(error.hint().unwrap().contains("unprotected copy") || crate::i18n::language() != Language::En);
}

#[test]
fn empty_oversized_and_damaged_inputs_are_refused() {
    assert!(matches!(protect(b"", "a.pdf", Language::En, PASSWORD), Err(Error::PdfEmpty)));
    let huge = vec![0u8; MAX_INPUT as usize + 1];
    let refused = protect(&huge, "a.jpg", Language::En, PASSWORD);
    assert!(matches!(refused, Err(Error::PdfTooLarge { size, limit }) if size == MAX_INPUT + 1 && limit == MAX_INPUT));
    drop(huge);
    let input = sample();
    let half = protect(&input[..input.len() / 2], "a.pdf", Language::En, PASSWORD);
    assert!(matches!(half, Err(Error::PdfDamaged { .. })), "{half:?}");
    assert_eq!(half.unwrap_err().exit_status().code(), 4);
    let garbage = protect(b"%PDF-1.7\nthis is not a pdf at all\n%%EOF\n", "a.pdf", Language::En, PASSWORD);
    assert!(matches!(garbage, Err(Error::PdfDamaged { .. })), "{garbage:?}");
    assert!(matches!(check(b"", PASSWORD), Err(Error::PdfEmpty)));
    assert!(matches!(check(b"hello", PASSWORD), Err(Error::PdfNotPdf)));
    assert!(matches!(check(&input, PASSWORD), Err(Error::PdfNotEncrypted)));
}

#[test]
fn what_protect_makes_of_a_photo_is_within_what_check_takes() {
    // The photo is shown and attached: twice in the PDF. A photo of 1 MiB
    // of comment segments stands for the largest one, scaled down.
    let mut photo = PHOTO[..2].to_vec();
    let filler: Vec<u8> = (0..1u32 << 20).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    for chunk in filler.chunks(65_000) {
        photo.extend([0xFF, 0xFE]);
        photo.extend(((chunk.len() + 2) as u16).to_be_bytes());
        photo.extend(chunk);
    }
    photo.extend(&PHOTO[2..]);
    let out = protect(&photo, "wond.jpg", Language::En, PASSWORD).unwrap();
    assert!(out.bytes.len() > 2 * photo.len(), "the photo is in the PDF twice");
    let overhead = (out.bytes.len() - 2 * photo.len()) as u64;
    assert!(overhead < MAX_CHECK - 2 * MAX_INPUT, "{overhead} bytes beside the photo");
    assert_eq!(check(&out.bytes, PASSWORD).unwrap().attachments[0].data, photo);
}

#[test]
fn every_truncation_is_refused_without_a_panic() {
    let input = sample();
    let protected = protect(&input, "uitslag.pdf", Language::En, PASSWORD).unwrap().bytes;
    let step = (input.len() / 60).max(1);
    // From 8 bytes on: a shorter cut of "%PDF-1.5" is no longer a PDF by its
    // content, and goes as an attachment like any other file.
    for cut in (8..input.len() - 8).step_by(step) {
        let result = protect(&input[..cut], "uitslag.pdf", Language::En, PASSWORD);
        assert!(matches!(result, Err(Error::PdfDamaged { .. })), "cut at {cut}: {result:?}");
    }
    let step = (protected.len() / 60).max(1);
    for cut in (1..protected.len() - 8).step_by(step) {
        assert!(check(&protected[..cut], PASSWORD).is_err(), "cut at {cut} still opens");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]

    /// Changed bytes anywhere: an error or a file that opens, never a panic.
    #[test]
    fn damaged_input_never_panics(changes in proptest::collection::vec((0usize..4096, proptest::prelude::any::<u8>()), 1..8)) {
        let mut input = sample();
        let mut protected = protect(&input, "uitslag.pdf", Language::En, PASSWORD).unwrap().bytes;
        for (at, byte) in &changes {
            let i = at % input.len();
            input[i] = *byte;
            let j = at % protected.len();
            protected[j] = *byte;
        }
        if let Ok(out) = protect(&input, "uitslag.pdf", Language::En, PASSWORD) {
            proptest::prop_assert!(check(&out.bytes, PASSWORD).is_ok());
        }
        let _ = check(&protected, PASSWORD);
    }
}

#[test]
fn looks_like_pdf_reads_the_first_kilobyte() {
    assert!(looks_like_pdf(b"%PDF-1.4\n"));
    let mut late = vec![b' '; 1000];
    late.extend_from_slice(b"%PDF-1.4");
    assert!(looks_like_pdf(&late));
    let mut too_late = vec![b' '; 1100];
    too_late.extend_from_slice(b"%PDF-1.4");
    assert!(!looks_like_pdf(&too_late));
    assert!(!looks_like_pdf(PHOTO));
}
