//! The reasons a PDF counts as damaged, in the user's language.

use crate::safe::Safe;
use crate::tr;

/// The file ends early: cut short in transfer or while saving.
pub(super) fn damaged_truncated() -> String {
    tr!("pdf-damaged-truncated")
}

/// The page tree holds no page.
pub(super) fn damaged_no_pages() -> String {
    tr!("pdf-damaged-no-pages")
}

/// The parser's own (English, technical) complaint, marked as such and cut
/// to a line: it never holds document content, only what is wrong where.
pub(super) fn damaged_detail(detail: &str) -> String {
    let short: String = detail.chars().take(160).collect();
    tr!("pdf-damaged-unreadable", details = Safe(short).to_string())
}
