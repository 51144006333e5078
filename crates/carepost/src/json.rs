//! JSON for people's scripts and terminals: every result and error that
//! carepost prints as JSON goes through [`to_writer_pretty`].
//!
//! serde_json escapes only what JSON requires (`"`, `\`, C0 controls).
//! User IDs and file names come from strangers, and a raw U+202E, C1
//! control or line separator in a JSON string reorders or breaks what a
//! reader sees when it is shown on a terminal or in a log. Here every
//! character [`crate::safe::is_dangerous`] names is written as `\uXXXX`
//! instead, which any JSON parser reads back as the same string.

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};
use std::io::{self, Write};

/// Writes `value` as indented JSON with every dangerous character escaped.
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(writer: W, value: &T) -> serde_json::Result<()> {
    let mut serializer = Serializer::with_formatter(writer, Escaping(PrettyFormatter::new()));
    value.serialize(&mut serializer)
}

/// `value` as one line of JSON, escaped the same way.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    let mut serializer = Serializer::with_formatter(&mut out, Escaping(serde_json::ser::CompactFormatter));
    value.serialize(&mut serializer)?;
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

/// A formatter that lays out like `F` and escapes string content.
struct Escaping<F>(F);

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if crate::safe::is_dangerous(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                // Every dangerous character is in the Basic Multilingual
                // Plane, so one `\uXXXX` is its whole escape.
                write!(writer, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pretty(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        to_writer_pretty(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn bidi_c1_and_separators_are_escaped() {
        let hostile = "Dr. A\u{202E}fdp.exe\u{85}\u{9b}\u{2028}\u{2066}\u{200F}\u{1b}";
        let text = pretty(&serde_json::json!({ "name": hostile }));
        for c in ['\u{202E}', '\u{85}', '\u{9b}', '\u{2028}', '\u{2066}', '\u{200F}', '\u{1b}'] {
            assert!(!text.contains(c), "{c:?} raw in {text}");
        }
        assert!(text.contains("\\u202e") && text.contains("\\u0085") && text.contains("\\u2028"), "{text}");
        assert!(text.contains("\n  \"name\""), "still indented: {text}");
    }

    proptest! {
        #[test]
        fn escaped_json_reads_back_the_same_and_shows_nothing_dangerous(s in any::<String>()) {
            let value = serde_json::json!({ "k": s, "list": [s.clone()] });
            let text = pretty(&value);
            prop_assert!(!text.chars().any(|c| c != '\n' && crate::safe::is_dangerous(c)));
            prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), value.clone());
            prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&to_string(&value).unwrap()).unwrap(), value);
        }
    }
}
