//! File names: the neutral outer name of a sent document, and the safe
//! base name for a received document's untrusted inner name.

use crate::safe::is_dangerous;

/// Longest name carepost writes, in bytes (most file systems allow 255).
const MAX_NAME_BYTES: usize = 120;
/// Longest extension kept, in characters.
const MAX_EXTENSION_CHARS: usize = 10;
/// The name used when nothing of the inner name survives.
pub const FALLBACK_STEM: &str = "document";

/// The extension of `name` worth keeping on an outer name: ASCII letters
/// and digits only, lowercased, at most 10 characters.
pub fn extension(name: &str) -> Option<String> {
    let (stem, ext) = name.rsplit_once('.')?;
    if stem.is_empty()
        || ext.is_empty()
        || ext.len() > MAX_EXTENSION_CHARS
        || !ext.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        return None;
    }
    Some(ext.to_ascii_lowercase())
}

/// `document-<yyyymmdd>-<id>[.<ext>].pgp` (or `.asc`): says nothing about
/// the patient or the content, but keeps the extension so that the
/// recipient's decryption tool produces a file that opens in the right
/// program.
pub fn outer_name(date: &str, id: &str, original: &str, armor: bool) -> String {
    let suffix = if armor { "asc" } else { "pgp" };
    match extension(original) {
        Some(ext) => format!("{FALLBACK_STEM}-{date}-{id}.{ext}.{suffix}"),
        None => format!("{FALLBACK_STEM}-{date}-{id}.{suffix}"),
    }
}

/// A short random id for outer names: 8 characters of lowercase base32.
pub fn random_id() -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 8];
    sequoia_openpgp::crypto::random(&mut bytes).expect("system randomness");
    bytes.iter().map(|b| ALPHABET[(b & 31) as usize] as char).collect()
}

const WINDOWS_RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2",
    "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Reduces an untrusted file name (from inside a message) to a safe base
/// name: no directories, no `..`, no control, bidirectional or zero-width
/// characters, no characters other systems forbid, no leading dot, bounded
/// length. Returns `None` when nothing usable is left.
pub fn sanitize(untrusted: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(untrusted);
    // The last component under either separator convention.
    let base = text.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|&c| !is_dangerous(c) && c != '\u{FFFD}')
        .map(|c| if "<>:\"|?*".contains(c) { '_' } else { c })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        return None;
    }
    let (stem, ext) = match trimmed.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().count() <= MAX_EXTENSION_CHARS => (stem, Some(ext)),
        _ => (trimmed, None),
    };
    let stem = stem.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    let stem = if WINDOWS_RESERVED.contains(&stem.to_ascii_lowercase().as_str()) {
        format!("_{stem}")
    } else {
        stem.to_owned()
    };
    let ext_len = ext.map_or(0, |e| e.len() + 1);
    let stem = truncate_bytes(&stem, MAX_NAME_BYTES - ext_len);
    if stem.is_empty() {
        return None;
    }
    Some(match ext {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem.to_owned(),
    })
}

/// The name to write when the inner name is unusable: `document[.ext]`,
/// taking the extension from the outer file name if it has one.
pub fn fallback_name(outer: &str) -> String {
    let without_pgp = outer
        .strip_suffix(".pgp")
        .or_else(|| outer.strip_suffix(".gpg"))
        .or_else(|| outer.strip_suffix(".asc"))
        .unwrap_or("");
    match extension(without_pgp) {
        Some(ext) => format!("{FALLBACK_STEM}.{ext}"),
        None => FALLBACK_STEM.to_owned(),
    }
}

/// Candidate names for `name` when it is taken: `report.pdf`,
/// `report-2.pdf`, `report-3.pdf`, …
pub fn with_suffix(name: &str, n: u32) -> String {
    if n <= 1 {
        return name.to_owned();
    }
    // Keep compound extensions such as `.pdf.pgp` together.
    let split = name.find('.').filter(|&i| i > 0);
    match split {
        Some(i) => format!("{}-{n}{}", &name[..i], &name[i..]),
        None => format!("{name}-{n}"),
    }
}

fn truncate_bytes(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn outer_names_keep_only_a_plain_extension() {
        assert_eq!(
            outer_name("20261123", "ab12cd34", "Jansen_ontslagbrief.PDF", false),
            "document-20261123-ab12cd34.pdf.pgp"
        );
        assert_eq!(outer_name("20261123", "ab12cd34", "scan.jpeg", true), "document-20261123-ab12cd34.jpeg.asc");
        assert_eq!(outer_name("20261123", "ab12cd34", "README", false), "document-20261123-ab12cd34.pgp");
        assert_eq!(outer_name("20261123", "ab12cd34", "x.tar.gz", false), "document-20261123-ab12cd34.gz.pgp");
        assert_eq!(outer_name("20261123", "ab12cd34", ".bashrc", false), "document-20261123-ab12cd34.pgp");
        assert_eq!(outer_name("20261123", "ab12cd34", "a.p df", false), "document-20261123-ab12cd34.pgp");
    }

    #[test]
    fn hostile_inner_names_are_reduced_to_a_safe_base_name() {
        let cases: &[(&[u8], Option<&str>)] = &[
            (b"../../.bashrc", Some("bashrc")),
            (b"/etc/passwd", Some("passwd")),
            (b"..\\..\\Windows\\system.ini", Some("system.ini")),
            (b"..", None),
            (b".", None),
            (b"", None),
            (b"   ", None),
            (b"report\x1b[2J.pdf", Some("report[2J.pdf")),
            ("invoice\u{202E}fdp.exe".as_bytes(), Some("invoicefdp.exe")),
            (b"lab: results?.pdf", Some("lab_ results_.pdf")),
            (b"CON.txt", Some("_CON.txt")),
            (b"brief.pdf.", Some("brief.pdf")),
            (b"\xff\xfe", None),
            ("Verwijsbrief Öztürk.pdf".as_bytes(), Some("Verwijsbrief Öztürk.pdf")),
        ];
        for (input, expected) in cases {
            assert_eq!(sanitize(input).as_deref(), *expected, "{:?}", String::from_utf8_lossy(input));
        }
    }

    #[test]
    fn long_names_keep_their_extension() {
        let long = format!("{}.pdf", "é".repeat(200));
        let safe = sanitize(long.as_bytes()).unwrap();
        assert!(safe.len() <= MAX_NAME_BYTES);
        assert!(safe.ends_with(".pdf"));
    }

    #[test]
    fn fallback_takes_the_outer_extension() {
        assert_eq!(fallback_name("document-20261123-ab12cd34.pdf.pgp"), "document.pdf");
        assert_eq!(fallback_name("whatever.gpg"), "document");
    }

    #[test]
    fn suffixes_go_before_the_extensions() {
        assert_eq!(with_suffix("report.pdf", 1), "report.pdf");
        assert_eq!(with_suffix("report.pdf", 2), "report-2.pdf");
        assert_eq!(with_suffix("document-x.pdf.pgp", 3), "document-x-3.pdf.pgp");
        assert_eq!(with_suffix("README", 2), "README-2");
    }

    proptest! {
        #[test]
        fn sanitized_names_are_always_plain_base_names(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            if let Some(name) = sanitize(&bytes) {
                prop_assert!(!name.is_empty());
                prop_assert!(name.len() <= MAX_NAME_BYTES);
                prop_assert!(!name.contains('/') && !name.contains('\\'));
                prop_assert!(!name.starts_with('.'));
                prop_assert!(name != "..");
                prop_assert!(!name.chars().any(is_dangerous));
            }
        }
    }
}
