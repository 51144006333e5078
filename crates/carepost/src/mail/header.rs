//! Header encoding for the email carepost writes: RFC 2047 encoded words
//! for non-ASCII text, RFC 2231 parameters (with continuations for long
//! or non-ASCII file names), folded at 76 columns, by `email-encoding`
//! (what lettre uses). The strict part stays here: nothing but the
//! encoder's own folding puts a line break into a header.

use email_encoding::headers::writer::EmailWriter;

/// The length of the last line of `text`.
fn column(text: &str) -> usize {
    text.rsplit_once("\r\n").map_or(text, |(_, last)| last).len()
}

/// No line break but folding (CRLF followed by a space).
fn only_folded(text: &str) -> bool {
    let unfolded = text.replace("\r\n ", "");
    !unfolded.contains(['\r', '\n'])
}

/// `text` as RFC 2047 `=?utf-8?b?…?=` words, folded, for a header whose
/// line already holds `prefix` (e.g. `Subject: `). Control characters are
/// the caller's to remove; any left are encoded, never written raw.
pub fn encoded_words(prefix: &str, text: &str) -> String {
    let mut out = String::new();
    {
        let mut w = EmailWriter::new(&mut out, column(prefix), 0, false);
        email_encoding::headers::rfc2047::encode(text, &mut w).expect("writing to a String");
    }
    debug_assert!(only_folded(&out));
    out
}

/// Appends ` name="value"` to the header `line` (which ends in `;`), or,
/// when it does not fit or is not plain ASCII, RFC 2231
/// `name*0*=utf-8''…` continuations on folded lines.
pub fn push_parameter(line: &mut String, name: &str, value: &str) {
    let start = column(line);
    let mut added = String::new();
    {
        let mut w = EmailWriter::new(&mut added, start, 0, true);
        w.space();
        email_encoding::headers::rfc2231::encode(name, value, &mut w).expect("writing to a String");
    }
    debug_assert!(only_folded(&added));
    line.push_str(&added);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_short_names_stay_readable() {
        let mut line = "Content-Disposition: attachment;".to_owned();
        push_parameter(&mut line, "filename", "brief.pdf");
        assert_eq!(line, "Content-Disposition: attachment; filename=\"brief.pdf\"");
    }

    #[test]
    fn long_non_ascii_names_are_continued_within_76_columns() {
        let name = format!("{}.pdf", "Résumé de l'hôpital Sint-Jozef ".repeat(7));
        let mut line = "Content-Disposition: attachment;".to_owned();
        push_parameter(&mut line, "filename", &name);
        assert!(line.contains("filename*0*=utf-8''") && line.contains("filename*1*="), "{line}");
        assert!(line.split("\r\n").all(|l| l.len() <= 76), "{line}");
        assert!(only_folded(&line) && line.is_ascii(), "{line}");
    }

    #[test]
    fn line_breaks_in_values_never_reach_the_header() {
        let mut line = "Content-Type: application/pdf;".to_owned();
        push_parameter(&mut line, "name", "a\r\nBcc: x@evil.example.pdf");
        assert!(only_folded(&line), "{line}");
        let words = encoded_words("Subject: ", "Uitslag\r\nBcc: x@evil.example é");
        assert!(only_folded(&words), "{words}");
        assert!(words.split("\r\n").all(|l| l.len() + "Subject: ".len() <= 76), "{words}");
    }
}
