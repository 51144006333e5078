//! Email: complete PGP/MIME messages (RFC 3156) with the subject protected
//! inside the encryption (RFC 9788) and an Autocrypt header, and opening
//! the messages carepost and other OpenPGP mail programs send.
//!
//! [`compose`] writes one signed and encrypted `.eml` for several
//! documents under the same policy as `carepost send`; [`parse`] opens a
//! received `.eml` — PGP/MIME, inline PGP, or separate encrypted
//! attachments — and saves its attachments only after every check passed.

pub mod compose;
// The one LF → CRLF conversion.
pub mod crlf;
// Header encoding (RFC 2047, RFC 2231).
pub mod header;
// The MIME type of a document, for both directions.
pub mod mime_type;
pub mod parse;
// What `parse` hands mail-parser: the email without its bulk, read back
// from the file range by range.
pub mod skeleton;
// Delivery over SMTP (`mail setup`, `send --smtp`, `mail retry`):
// `config` holds the server settings, `gate` lets only encrypted PGP/MIME
// through, `smtp` speaks to the server, `outbox` keeps what is not
// delivered yet.
pub mod config;
pub mod gate;
pub mod outbox;
pub mod smtp;

/// Largest email file, and largest decrypted inner MIME, that `parse`
/// reads; `compose` refuses to write anything larger.
pub const MAX_MAIL_BYTES: u64 = 256 << 20;

/// RFC 9788's placeholder for an obscured subject: what `compose` puts in
/// the outer header, and what `parse` does not show as a subject.
pub const OUTER_SUBJECT: &str = "[...]";
