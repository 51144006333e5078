//! The MIME type of a document, as carepost labels an attachment it sends
//! and names one it receives without a name: by the file's extension, but
//! only where its first bytes agree (a `.pdf` that is not a PDF is
//! `application/octet-stream`, never `application/pdf`).

/// The MIME type of the document `name` whose first few KiB are `head`:
/// by its extension, checked against its first bytes;
/// `application/octet-stream` when they disagree or nothing is known.
pub fn detect(name: &str, head: &[u8]) -> &'static str {
    let magic: Option<&'static str> = if head.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        Some("image/tiff")
    } else if head.len() >= 132 && &head[128..132] == b"DICM" {
        Some("application/dicom")
    } else {
        None
    };
    let zip = head.starts_with(b"PK\x03\x04");
    let text = !head.contains(&0) && (std::str::from_utf8(head).is_ok() || utf8_cut_short(head));
    let by_extension = crate::names::extension(name).unwrap_or_default();
    match by_extension.as_str() {
        "pdf" | "png" | "jpg" | "jpeg" | "gif" | "tif" | "tiff" | "dcm" | "dicom" => {
            magic.unwrap_or("application/octet-stream")
        }
        "docx" if zip => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" if zip => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "zip" if zip => "application/zip",
        "txt" if text && magic.is_none() => "text/plain; charset=utf-8",
        "xml" if text && magic.is_none() => "application/xml",
        "html" | "htm" if text && magic.is_none() => "text/html; charset=utf-8",
        _ => magic.unwrap_or("application/octet-stream"),
    }
}

/// Valid UTF-8 except for a character cut off at the end of the sample.
fn utf8_cut_short(head: &[u8]) -> bool {
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && head.len() - e.valid_up_to() < 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_follow_the_extension_only_when_the_content_agrees() {
        assert_eq!(detect("brief.pdf", b"%PDF-1.7\n..."), "application/pdf");
        assert_eq!(detect("brief.pdf", b"MZ\x90\0 not a pdf"), "application/octet-stream");
        assert_eq!(detect("scan.JPG", &[0xFF, 0xD8, 0xFF, 0xE0]), "image/jpeg");
        assert_eq!(detect("noext", b"\x89PNG\r\n\x1a\nxxxx"), "image/png");
        let mut dicom = vec![0u8; 128];
        dicom.extend_from_slice(b"DICMxxxx");
        assert_eq!(detect("ct.dcm", &dicom), "application/dicom");
        assert_eq!(detect("brief.docx", b"PK\x03\x04xx").split('.').next_back(), Some("document"));
        assert_eq!(detect("brief.docx", b"plain text"), "application/octet-stream");
        assert_eq!(detect("notes.txt", "héllo".as_bytes()), "text/plain; charset=utf-8");
        assert_eq!(detect("notes.txt", b"\0\0binary"), "application/octet-stream");
        assert_eq!(detect("x.tif", b"II*\0...."), "image/tiff");
        assert_eq!(detect("x.gif", b"GIF89a.."), "image/gif");
    }
}
