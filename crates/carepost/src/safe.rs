//! Text from strangers (user IDs in certificates, file names inside
//! messages, anything typed into a key file) shown without letting it steer
//! the terminal: control characters, escape sequences and bidirectional
//! overrides are replaced by visible `\u{…}` escapes. [`html`] does the
//! same for the HTML pages carepost writes (the leaflet, the report).

use std::fmt;

/// Display wrapper that escapes anything that could control a terminal.
pub struct Safe<T: AsRef<str>>(pub T);

/// Whether `c` must not reach a terminal as-is.
pub fn is_dangerous(c: char) -> bool {
    c.is_control()
        // Bidirectional embeddings, overrides and isolates: they reorder
        // what the reader sees ("Trojan Source").
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        // Zero-width and line/paragraph separators hide or break text.
        || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

impl<T: AsRef<str>> fmt::Display for Safe<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.as_ref().chars() {
            if is_dangerous(c) {
                write!(f, "\\u{{{:x}}}", c as u32)?;
            } else {
                f.write_str(c.encode_utf8(&mut [0; 4]))?;
            }
        }
        Ok(())
    }
}

/// Lossy UTF-8 decoding followed by escaping, for raw bytes from a packet.
pub fn safe_bytes(bytes: &[u8]) -> String {
    Safe(String::from_utf8_lossy(bytes)).to_string()
}

/// Text for HTML elements and quoted attributes: markup characters as
/// entities, and control and direction-changing characters escaped as
/// [`Safe`] shows them.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in Safe(text).to_string().chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escape_sequences_are_neutralised() {
        let hostile = "Dr. Evil\u{1b}[2J\u{1b}]0;pwned\u{7}";
        let shown = Safe(hostile).to_string();
        assert!(!shown.contains('\u{1b}'));
        assert!(!shown.contains('\u{7}'));
        assert!(shown.starts_with("Dr. Evil\\u{1b}[2J"));
    }

    #[test]
    fn bidi_overrides_are_neutralised() {
        let shown = Safe("invoice\u{202E}fdp.exe").to_string();
        assert_eq!(shown, "invoice\\u{202e}fdp.exe");
    }

    #[test]
    fn ordinary_names_are_unchanged() {
        assert_eq!(Safe("Anaïs de Vries-Öztürk <a@b.nl>").to_string(), "Anaïs de Vries-Öztürk <a@b.nl>");
    }

    proptest! {
        #[test]
        fn nothing_dangerous_survives(s in any::<String>()) {
            let shown = Safe(&s).to_string();
            prop_assert!(!shown.chars().any(is_dangerous));
        }
    }
}
