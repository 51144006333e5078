//! The media type of a document, from its first bytes (never its name).

/// The IANA media type `bytes` start like, or `application/octet-stream`.
pub fn media_type(bytes: &[u8]) -> &'static str {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if super::looks_like_pdf(bytes) {
        "application/pdf"
    } else if starts(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if bytes.len() >= 132 && &bytes[128..132] == b"DICM" {
        "application/dicom"
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        "image/gif"
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        "image/tiff"
    } else if bytes.len() >= 12 && starts(b"RIFF") && &bytes[8..12] == b"WEBP" {
        "image/webp"
    } else if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" && matches!(&bytes[8..12], b"heic" | b"heix" | b"mif1") {
        "image/heic"
    } else if starts(b"PK\x03\x04") {
        "application/zip"
    } else if starts(b"BM") && bytes.len() >= 14 {
        "image/bmp"
    } else {
        "application/octet-stream"
    }
}

/// The size of a JPEG image and its number of colour components, from its
/// first start-of-frame marker; `None` if it has none, is damaged, or has
/// other than 8 bits per sample (the only depth PDF's `/DCTDecode` takes).
pub(super) fn jpeg_frame(bytes: &[u8]) -> Option<(u32, u32, u8)> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            // Fill byte before a marker.
            i += 1;
            continue;
        }
        if marker == 0xD8 || (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            i += 2;
            continue;
        }
        if marker == 0xD9 || marker == 0xDA {
            // End of image or start of scan before any frame header.
            return None;
        }
        let length = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        if length < 2 {
            return None;
        }
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            let frame = bytes.get(i + 4..i + 2 + length)?;
            if frame.len() < 6 {
                return None;
            }
            let height = u32::from(u16::from_be_bytes([frame[1], frame[2]]));
            let width = u32::from(u16::from_be_bytes([frame[3], frame[4]]));
            let components = frame[5];
            if width == 0 || height == 0 || frame[0] != 8 {
                return None;
            }
            return Some((width, height, components));
        }
        i += 2 + length;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_content() {
        assert_eq!(media_type(b"%PDF-1.7\n"), "application/pdf");
        assert_eq!(media_type(&[0xFF, 0xD8, 0xFF, 0xE0]), "image/jpeg");
        assert_eq!(media_type(b"\x89PNG\r\n\x1a\n...."), "image/png");
        let mut dicom = vec![0u8; 128];
        dicom.extend_from_slice(b"DICM....");
        assert_eq!(media_type(&dicom), "application/dicom");
        assert_eq!(media_type(b"hello"), "application/octet-stream");
    }

    #[test]
    fn the_jpeg_size_is_read_from_the_frame_header() {
        // SOI, an APP0 of 4 bytes, SOF0 with height 3, width 5, 3 components.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x03, 0x00, 0x05, 0x03,
            1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
        ];
        assert_eq!(jpeg_frame(&jpeg), Some((5, 3, 3)));
        assert_eq!(jpeg_frame(&jpeg[..10]), None);
        assert_eq!(jpeg_frame(b"not a jpeg"), None);
    }
}
