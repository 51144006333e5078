//! A fingerprint as the user typed it while the contact read it out, and
//! what is wrong with it when it does not match.
//!
//! The diagnosis helps a person correct a slip (a letter O for the digit 0,
//! a group left out, their own fingerprint read back to them) without
//! weakening the check: every problem it names is found from the typed text
//! alone, or from the user's own fingerprint. Nothing in it depends on the
//! contact's fingerprint except the final "does not match", so it reveals
//! nothing about the fingerprint that was expected.

use crate::safe::Safe;
use crate::tr;
use crate::words::{self, WordError};

/// The verification a contact keeps after a refused reading: when, and by
/// which method (as recorded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub at: std::time::SystemTime,
    pub method: Option<String>,
}

/// What is wrong with a reading; the user is told, and the contact stays
/// as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misreading {
    /// Nothing was typed.
    Empty,
    /// A character that is not hexadecimal at all; `digit` is the digit it
    /// is easily taken for (`O` for `0`, `I` and `l` for `1`).
    NotHex { found: char, digit: Option<char> },
    /// A hex reading with the wrong number of characters (a key ID, a
    /// group left out or repeated).
    HexLength { typed: usize, needed: usize },
    /// A word in neither PGP word list (1-based position, as typed).
    UnknownWord { position: usize, word: String },
    /// A PGP word from the list of the other place: a word was probably
    /// skipped, repeated or swapped.
    WordOutOfPlace { position: usize, word: String },
    /// A word reading with the wrong number of words.
    WordCount { typed: usize, needed: usize },
    /// The user's own fingerprint, read back instead of the contact's.
    OwnFingerprint,
    /// A complete, well-formed fingerprint that is not the contact's.
    Mismatch,
}

impl Misreading {
    /// A short stable code for the audit log.
    pub fn code(&self) -> &'static str {
        match self {
            Misreading::Empty => "reading-empty",
            Misreading::NotHex { .. } => "reading-not-hex",
            Misreading::HexLength { .. } => "reading-incomplete",
            Misreading::UnknownWord { .. } => "reading-unknown-word",
            Misreading::WordOutOfPlace { .. } => "reading-word-out-of-place",
            Misreading::WordCount { .. } => "reading-incomplete",
            Misreading::OwnFingerprint => "reading-own-fingerprint",
            Misreading::Mismatch => "fingerprint mismatch",
        }
    }

    /// The sentence telling the user what is wrong.
    pub fn message(&self, alias: &str) -> String {
        match self {
            Misreading::Empty => tr!("reading-empty"),
            Misreading::NotHex { found, digit: Some(digit) } => {
                tr!("reading-letter-not-digit", found = found.to_string(), digit = digit.to_string())
            }
            Misreading::NotHex { found, digit: None } => {
                tr!("reading-not-hex", found = Safe(found.to_string()).to_string())
            }
            Misreading::HexLength { typed, needed } if typed < needed => {
                tr!("reading-hex-short", typed = *typed, needed = *needed)
            }
            Misreading::HexLength { typed, needed } => tr!("reading-hex-long", typed = *typed, needed = *needed),
            Misreading::UnknownWord { position, word } => {
                tr!("reading-unknown-word", position = *position, word = word.escape_debug().to_string())
            }
            Misreading::WordOutOfPlace { position, word } => {
                tr!("reading-word-out-of-place", position = *position, word = word.escape_debug().to_string())
            }
            Misreading::WordCount { typed, needed } if typed < needed => {
                tr!("reading-words-short", typed = *typed, needed = *needed)
            }
            Misreading::WordCount { typed, needed } => tr!("reading-words-long", typed = *typed, needed = *needed),
            Misreading::OwnFingerprint => tr!("reading-own-fingerprint", alias = alias),
            Misreading::Mismatch => tr!("reading-mismatch", alias = alias),
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> String {
        match self {
            Misreading::Mismatch => tr!("hint-fingerprint-mismatch"),
            Misreading::OwnFingerprint => tr!("hint-reading-own-fingerprint"),
            _ => tr!("hint-fingerprint-partial"),
        }
    }
}

/// Characters that separate groups in a hex reading.
fn is_hex_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ':' | '-' | '.' | ',')
}

/// The digit a non-hex character is easily taken for, when heard or read.
fn digit_lookalike(c: char) -> Option<char> {
    match c {
        'O' | 'o' => Some('0'),
        'I' | 'l' => Some('1'),
        _ => None,
    }
}

/// Whether `token` is a word of either PGP word list.
fn is_pgp_word(token: &str) -> bool {
    matches!(words::decode(token), Ok(_) | Err(WordError::WrongPosition { .. }))
}

/// Whether the user meant hex: no PGP word, and mostly hex digits (so
/// "E58O 94F2 …" is hex with a letter O in it, and "topmots" is a word).
fn looks_like_hex(text: &str, compact: &str) -> bool {
    if text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '-')).any(is_pgp_word) {
        return false;
    }
    let hex = compact.chars().filter(char::is_ascii_hexdigit).count();
    hex * 4 >= compact.chars().count() * 3
}

/// Reduces a reading to fingerprint bytes, or says what is wrong with it
/// as typed: hex (any case, with or without spaces, colons, dashes, a `0x`
/// prefix) or PGP words. `needed` is the fingerprint's length in bytes.
pub fn parse(text: &str, needed: usize) -> Result<Vec<u8>, Misreading> {
    let compact: String = text.chars().filter(|c| !is_hex_separator(*c)).collect();
    let compact = compact.strip_prefix("0x").or_else(|| compact.strip_prefix("0X")).unwrap_or(&compact);
    if compact.is_empty() {
        return Err(Misreading::Empty);
    }
    if looks_like_hex(text, compact) {
        if let Some(found) = compact.chars().find(|c| !c.is_ascii_hexdigit()) {
            return Err(Misreading::NotHex { found, digit: digit_lookalike(found) });
        }
        if compact.len() != needed * 2 {
            return Err(Misreading::HexLength { typed: compact.len(), needed: needed * 2 });
        }
        return Ok((0..compact.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&compact[i..i + 2], 16).expect("hex digits"))
            .collect());
    }
    let bytes = words::decode(text).map_err(|e| match e {
        WordError::Empty => Misreading::Empty,
        WordError::UnknownWord { position, word } => Misreading::UnknownWord { position: position + 1, word },
        WordError::WrongPosition { position, word } => Misreading::WordOutOfPlace { position: position + 1, word },
    })?;
    if bytes.len() != needed {
        return Err(Misreading::WordCount { typed: bytes.len(), needed });
    }
    Ok(bytes)
}

/// Compares a reading with the contact's fingerprint (`expected`). `own`
/// is the user's own fingerprint, only to recognise it when it is read
/// back by mistake.
pub fn check(text: &str, expected: &[u8], own: &[u8]) -> Result<(), Misreading> {
    let heard = parse(text, expected.len())?;
    if heard == expected {
        Ok(())
    } else if heard == own {
        Err(Misreading::OwnFingerprint)
    } else {
        Err(Misreading::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FPR: &str = "E58294F2E9A227486E8B061B31CC528FD7FA3F19";
    const OWN: &str = "0123456789ABCDEF0123456789ABCDEF01234567";
    const WORDS: &str = "topmost Istanbul Pluto vagabond treadmill Pacific brackish dictator goldfish Medusa \
                         afflict bravado chatter revolver Dupont midsummer stopwatch whimsical cowbell bottomless";

    fn bytes(hex: &str) -> Vec<u8> {
        (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
    }

    fn check_fpr(text: &str) -> Result<(), Misreading> {
        check(text, &bytes(FPR), &bytes(OWN))
    }

    #[test]
    fn hex_readings_ignore_case_spaces_colons_and_dashes() {
        for reading in [
            FPR.to_owned(),
            FPR.to_lowercase(),
            "E582 94F2 E9A2 2748 6E8B  061B 31CC 528F D7FA 3F19".to_owned(),
            "e5:82:94:f2:e9:a2:27:48:6e:8b:06:1b:31:cc:52:8f:d7:fa:3f:19".to_owned(),
            "E582-94F2-E9A2-2748-6E8B-061B-31CC-528F-D7FA-3F19".to_owned(),
            format!("0x{FPR}"),
        ] {
            assert_eq!(parse(&reading, 20).unwrap(), bytes(FPR), "{reading}");
            assert_eq!(check_fpr(&reading), Ok(()));
        }
    }

    #[test]
    fn word_readings_are_accepted_in_any_case() {
        assert_eq!(parse(WORDS, 20).unwrap(), bytes(FPR));
        assert_eq!(check_fpr(&WORDS.to_uppercase()), Ok(()));
    }

    #[test]
    fn the_users_own_fingerprint_is_recognised() {
        assert_eq!(check_fpr(OWN), Err(Misreading::OwnFingerprint));
        assert_eq!(check_fpr(&crate::words::to_phrase(&bytes(OWN))), Err(Misreading::OwnFingerprint));
    }

    #[test]
    fn a_complete_wrong_fingerprint_is_only_a_mismatch() {
        let one_off = format!("{}0", &FPR[..39]);
        assert_eq!(check_fpr(&one_off), Err(Misreading::Mismatch));
        // The message names neither fingerprint nor where they differ.
        let message = Misreading::Mismatch.message("p-1");
        assert!(!message.contains(&FPR[..4]) && !message.contains("3F19"), "{message}");
    }

    #[test]
    fn short_and_long_hex_readings_count_the_characters() {
        assert_eq!(check_fpr(&FPR[..36]), Err(Misreading::HexLength { typed: 36, needed: 40 }));
        assert_eq!(check_fpr(&FPR[24..]), Err(Misreading::HexLength { typed: 16, needed: 40 }));
        assert_eq!(check_fpr("E58"), Err(Misreading::HexLength { typed: 3, needed: 40 }));
        assert_eq!(check_fpr(&format!("{FPR}3F19")), Err(Misreading::HexLength { typed: 44, needed: 40 }));
        let text = Misreading::HexLength { typed: 36, needed: 40 }.message("p-1");
        assert!(text.contains("36") && text.contains("40"), "{text}");
    }

    #[test]
    fn letters_that_look_like_digits_are_named() {
        let with_o = FPR.replacen('0', "O", 1);
        assert_eq!(check_fpr(&with_o), Err(Misreading::NotHex { found: 'O', digit: Some('0') }));
        let with_l = FPR.replacen('1', "l", 1);
        assert_eq!(check_fpr(&with_l), Err(Misreading::NotHex { found: 'l', digit: Some('1') }));
        let with_i = FPR.replacen('1', "I", 1);
        assert_eq!(check_fpr(&with_i), Err(Misreading::NotHex { found: 'I', digit: Some('1') }));
        let with_g = FPR.replacen('E', "G", 1);
        assert_eq!(check_fpr(&with_g), Err(Misreading::NotHex { found: 'G', digit: None }));
        let text = Misreading::NotHex { found: 'O', digit: Some('0') }.message("p-1");
        assert!(text.contains('O') && text.contains('0'), "{text}");
    }

    #[test]
    fn a_word_not_in_the_list_is_named_escaped() {
        let typo = WORDS.replace("Pluto", "Plut\u{1b}[31m");
        match check_fpr(&typo) {
            Err(e @ Misreading::UnknownWord { position: 3, .. }) => {
                let text = e.message("p-1");
                assert!(text.contains("Plut\\u{1b}[31m") && !text.contains('\u{1b}'), "{text}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(check_fpr("hello world"), Err(Misreading::UnknownWord { position: 1, .. })));
    }

    #[test]
    fn a_word_list_of_the_wrong_length_counts_the_words() {
        let ten: Vec<&str> = WORDS.split_whitespace().take(10).collect();
        assert_eq!(check_fpr(&ten.join(" ")), Err(Misreading::WordCount { typed: 10, needed: 20 }));
        assert_eq!(check_fpr("topmost Istanbul"), Err(Misreading::WordCount { typed: 2, needed: 20 }));
    }

    #[test]
    fn a_skipped_word_is_out_of_place() {
        let skipped = WORDS.replacen("Istanbul ", "", 1);
        assert!(matches!(check_fpr(&skipped), Err(Misreading::WordOutOfPlace { position: 2, .. })));
    }

    #[test]
    fn nothing_typed_is_empty() {
        assert_eq!(check_fpr("  "), Err(Misreading::Empty));
        assert_eq!(check_fpr(" : - "), Err(Misreading::Empty));
    }
}
