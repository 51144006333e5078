//! The spoken password: a password carepost makes for a patient who has no
//! OpenPGP key, to be read aloud by the clinician over the phone and typed
//! by the patient into their PDF reader (often on a phone).
//!
//! A password is [`WORDS_PER_PASSWORD`] words drawn uniformly and
//! independently (a word may repeat) from the curated list of the patient's
//! language, joined by single spaces, all lowercase a–z. Each list is exactly
//! 2048 words long, so a password carries `6 × log2(2048) = 66` bits of
//! entropy ([`entropy_bits`] computes it from the real lists).
//!
//! The lists live in `password/{nl,fr,en}.txt`, made by
//! `scripts/wordlists.py` from spelling dictionaries and ordered by word
//! frequency, then reviewed by eye (`password/blocked.txt` records what the
//! review took out). The rules every list obeys — length, letters, no two
//! words one edit apart, no word a prefix of another, no two words that
//! sound alike (`password/phonetic.txt`), nothing frightening or offensive —
//! are checked by this module's tests against the lists as shipped.
//! docs/design.md ("The spoken password") gives the sources and licences.
//!
//! This module does no I/O and prints nothing. The password lives in zeroized
//! memory, and neither `Debug` nor any other trait prints it.

use crate::i18n::Language;
use std::fmt;
use std::sync::OnceLock;
use zeroize::Zeroizing;

/// How many words a password has: with lists of 2048 words, 66 bits.
pub const WORDS_PER_PASSWORD: usize = 6;

/// How many words a displayed group holds ([`SpokenPassword::groups`]).
pub const WORDS_PER_GROUP: usize = 2;

const NL: &str = include_str!("password/nl.txt");
const FR: &str = include_str!("password/fr.txt");
const EN: &str = include_str!("password/en.txt");

/// A generated password made to be read aloud by phone: lowercase words from
/// the language's curated list, joined by single spaces. Zeroized on drop.
/// No `Debug`/`Display` that prints it (`Debug` prints `SpokenPassword(..)`).
pub struct SpokenPassword {
    text: Zeroizing<String>,
    language: Language,
}

impl SpokenPassword {
    /// A new password in `language`, from the operating system's random
    /// number generator, every word chosen uniformly from the whole list.
    ///
    /// # Panics
    ///
    /// If the operating system cannot give random bytes (as everywhere else
    /// in carepost: without randomness no key or password can be made).
    pub fn generate(language: Language) -> SpokenPassword {
        let list = word_list(language);
        let mut text = Zeroizing::new(String::with_capacity(WORDS_PER_PASSWORD * 9));
        for i in 0..WORDS_PER_PASSWORD {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(list[uniform_index(list.len())]);
        }
        SpokenPassword { text, language }
    }

    /// The password as the patient types it: words joined by single spaces.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The words, in order.
    pub fn words(&self) -> Vec<&str> {
        self.text.split(' ').collect()
    }

    /// The words in pairs, for display and for reading aloud
    /// (`["appel tafel", "fiets molen", "kaas boom"]`). The strings are
    /// copies of the secret: callers should drop them soon.
    pub fn groups(&self) -> Vec<String> {
        self.words().chunks(WORDS_PER_GROUP).map(|group| group.join(" ")).collect()
    }

    /// The language whose list the words come from.
    pub fn language(&self) -> Language {
        self.language
    }
}

impl fmt::Debug for SpokenPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SpokenPassword(..)")
    }
}

/// The curated word list of `language`: exactly 2048 distinct words, sorted.
pub fn word_list(language: Language) -> &'static [&'static str] {
    static LISTS: [OnceLock<Vec<&'static str>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let (slot, text) = match language {
        Language::En => (&LISTS[0], EN),
        Language::Nl => (&LISTS[1], NL),
        Language::Fr => (&LISTS[2], FR),
    };
    slot.get_or_init(|| parse_list(text))
}

/// The entropy of a password in `language`, in bits:
/// `WORDS_PER_PASSWORD × log2(list length)` (words are drawn independently
/// and uniformly, repeats allowed).
pub fn entropy_bits(language: Language) -> f64 {
    WORDS_PER_PASSWORD as f64 * (word_list(language).len() as f64).log2()
}

/// The words of a list file: one a line, `#` lines and blank lines skipped.
fn parse_list(text: &'static str) -> Vec<&'static str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).collect()
}

/// A uniformly distributed index below `len`, from the OS randomness,
/// without modulo bias: draws that fall in the incomplete last block of
/// 2^32 are rejected and drawn again (with a power-of-two `len` none is).
fn uniform_index(len: usize) -> usize {
    let len = len as u64;
    assert!(len > 0 && len <= 1 << 32, "a word list has between 1 and 2^32 words");
    let space = 1u64 << 32;
    let limit = space - space % len;
    loop {
        let mut bytes = Zeroizing::new([0u8; 4]);
        sequoia_openpgp::crypto::random(&mut bytes[..]).expect("system randomness");
        let draw = u64::from(u32::from_le_bytes(*bytes));
        if draw < limit {
            return (draw % len) as usize;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    const PHONETIC: &str = include_str!("password/phonetic.txt");
    const BLOCKED: &str = include_str!("password/blocked.txt");

    /// One rule of phonetic.txt (the same reading as scripts/wordlists.py).
    enum Rule {
        Replace(String, String),
        Prefix(String, String),
        Suffix(String, String),
        Double,
        Vowels,
    }

    fn rules(language: Language) -> Vec<Rule> {
        let mut rules = Vec::new();
        for line in PHONETIC.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let parts: Vec<&str> = line.split_whitespace().collect();
            if parts[0] != language.code() {
                continue;
            }
            let arg = |i: usize| {
                let s: &str = parts[i];
                if s == "-" {
                    String::new()
                } else {
                    s.to_owned()
                }
            };
            rules.push(match parts[1] {
                "R" => Rule::Replace(arg(2), arg(3)),
                "^" => Rule::Prefix(arg(2), arg(3)),
                "$" => Rule::Suffix(arg(2), arg(3)),
                "DOUBLE" => Rule::Double,
                "VOWELS" => Rule::Vowels,
                other => panic!("unknown phonetic rule {other:?} in {line:?}"),
            });
        }
        assert!(!rules.is_empty(), "phonetic.txt has rules for {}", language.code());
        rules
    }

    fn phonetic_key(word: &str, rules: &[Rule]) -> String {
        let mut word = word.to_owned();
        for rule in rules {
            word = match rule {
                Rule::Replace(from, to) => word.replace(from.as_str(), to),
                Rule::Prefix(from, to) => match word.strip_prefix(from.as_str()) {
                    Some(rest) => format!("{to}{rest}"),
                    None => word,
                },
                Rule::Suffix(from, to) => match word.strip_suffix(from.as_str()) {
                    Some(rest) => format!("{rest}{to}"),
                    None => word,
                },
                Rule::Double => {
                    let mut out = String::new();
                    for c in word.chars() {
                        if !out.ends_with(c) {
                            out.push(c);
                        }
                    }
                    out
                }
                Rule::Vowels => {
                    let mut out = String::new();
                    let mut in_vowels = false;
                    for c in word.chars() {
                        let vowel = "aeiouy".contains(c);
                        if !vowel {
                            out.push(c);
                        } else if !in_vowels {
                            out.push('a');
                        }
                        in_vowels = vowel;
                    }
                    out
                }
            };
        }
        word
    }

    /// The blocked exact words and stems of `language`.
    fn blocked(language: Language) -> (HashSet<&'static str>, Vec<&'static str>) {
        let mut exact = HashSet::new();
        let mut stems = Vec::new();
        for line in BLOCKED.lines() {
            let line = line.split('#').next().unwrap_or_default().trim();
            let mut parts = line.split_whitespace();
            let Some(lang) = parts.next() else { continue };
            if lang != "*" && lang != language.code() {
                continue;
            }
            for word in parts {
                match word.strip_suffix('*') {
                    Some(stem) => stems.push(stem),
                    None => {
                        exact.insert(word);
                    }
                }
            }
        }
        (exact, stems)
    }

    /// Every pair of words of `list` that are one edit apart (one letter
    /// changed, added or removed, or two neighbouring letters swapped).
    fn edit_neighbours(list: &[&str]) -> Vec<(String, String)> {
        let words: HashSet<&str> = list.iter().copied().collect();
        let mut patterns: HashMap<String, &str> = HashMap::new();
        let mut found = Vec::new();
        for &word in list {
            let bytes = word.as_bytes();
            for i in 0..bytes.len() {
                let pattern = format!("{}?{}", &word[..i], &word[i + 1..]);
                if let Some(other) = patterns.insert(pattern, word) {
                    found.push((other.to_owned(), word.to_owned()));
                }
                let shorter = format!("{}{}", &word[..i], &word[i + 1..]);
                if words.contains(shorter.as_str()) {
                    found.push((shorter, word.to_owned()));
                }
            }
            for i in 0..bytes.len().saturating_sub(1) {
                let mut swapped = bytes.to_vec();
                swapped.swap(i, i + 1);
                let swapped = String::from_utf8(swapped).expect("ascii");
                if swapped != word && words.contains(swapped.as_str()) {
                    found.push((swapped, word.to_owned()));
                }
            }
        }
        found
    }

    #[test]
    fn each_list_has_a_power_of_two_distinct_words() {
        for language in Language::ALL {
            let list = word_list(language);
            assert_eq!(list.len(), 2048, "{} list length", language.code());
            assert!(list.len().is_power_of_two());
            let distinct: HashSet<&str> = list.iter().copied().collect();
            assert_eq!(distinct.len(), list.len(), "{} list has duplicates", language.code());
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{} list is sorted", language.code());
        }
    }

    #[test]
    fn every_word_is_four_to_eight_plain_lowercase_letters() {
        for language in Language::ALL {
            for word in word_list(language) {
                assert!((4..=8).contains(&word.len()), "{}: {word:?} length", language.code());
                assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{}: {word:?} letters", language.code());
            }
        }
    }

    #[test]
    fn no_two_words_are_one_edit_apart() {
        for language in Language::ALL {
            let clashes = edit_neighbours(word_list(language));
            assert!(clashes.is_empty(), "{}: one edit apart: {clashes:?}", language.code());
        }
    }

    #[test]
    fn the_edit_check_finds_what_it_must() {
        let clashes = edit_neighbours(&["kaas", "baas", "boom", "bomen", "boem", "form", "from", "tafel", "tafels"]);
        let pairs: HashSet<(String, String)> = clashes.into_iter().collect();
        for (a, b) in [("kaas", "baas"), ("boom", "boem"), ("form", "from"), ("tafel", "tafels")] {
            assert!(pairs.contains(&(a.to_owned(), b.to_owned())), "{a}/{b} not found in {pairs:?}");
        }
        assert!(!pairs.iter().any(|(a, b)| a == "bomen" || b == "bomen"), "{pairs:?}");
    }

    #[test]
    fn no_word_is_a_prefix_of_another() {
        for language in Language::ALL {
            let list = word_list(language);
            // Sorted: a word that starts another is directly followed by one.
            for pair in list.windows(2) {
                assert!(!pair[1].starts_with(pair[0]), "{}: {} starts {}", language.code(), pair[0], pair[1]);
            }
        }
    }

    #[test]
    fn no_two_words_sound_alike() {
        for language in Language::ALL {
            let rules = rules(language);
            let mut keys: HashMap<String, &str> = HashMap::new();
            for &word in word_list(language) {
                let key = phonetic_key(word, &rules);
                if let Some(other) = keys.insert(key.clone(), word) {
                    panic!("{}: {other} and {word} sound alike ({key})", language.code());
                }
            }
        }
    }

    #[test]
    fn the_phonetic_keys_join_known_homophones() {
        let same = [
            (Language::Nl, "reis", "rijs"),
            (Language::Nl, "hout", "haut"),
            (Language::Nl, "hond", "hont"),
            (Language::Nl, "wordt", "wort"),
            (Language::Nl, "veer", "feer"),
            (Language::Fr, "vert", "verre"),
            (Language::Fr, "manger", "mangez"),
            (Language::Fr, "seau", "sot"),
            (Language::Fr, "cane", "canne"),
            (Language::Fr, "pain", "pin"),
            (Language::En, "meet", "meat"),
            (Language::En, "knight", "night"),
            (Language::En, "sail", "sale"),
            (Language::En, "phase", "faze"),
        ];
        for (language, a, b) in same {
            let rules = rules(language);
            assert_eq!(phonetic_key(a, &rules), phonetic_key(b, &rules), "{}: {a}/{b}", language.code());
        }
        let rules = rules(Language::Nl);
        assert_ne!(phonetic_key("kaas", &rules), phonetic_key("boom", &rules));
    }

    #[test]
    fn no_word_is_blocked() {
        for language in Language::ALL {
            let (exact, stems) = blocked(language);
            assert!(exact.len() + stems.len() > 100, "{}: blocked.txt has entries", language.code());
            for word in word_list(language) {
                assert!(!exact.contains(word), "{}: {word} is blocked", language.code());
                if let Some(stem) = stems.iter().find(|stem| word.starts_with(**stem)) {
                    panic!("{}: {word} starts with blocked {stem}", language.code());
                }
            }
        }
    }

    #[test]
    fn the_frightening_words_are_absent() {
        let absent = [
            (Language::Nl, ["kanker", "dood", "ziek", "sterven", "bloed", "pijn"]),
            (Language::Fr, ["cancer", "mort", "malade", "sang", "douleur", "tumeur"]),
            (Language::En, ["cancer", "death", "dead", "blood", "pain", "tumor"]),
        ];
        for (language, words) in absent {
            for word in words {
                assert!(!word_list(language).contains(&word), "{}: {word}", language.code());
            }
        }
    }

    #[test]
    fn entropy_is_at_least_64_bits() {
        for language in Language::ALL {
            let bits = entropy_bits(language);
            let expected = WORDS_PER_PASSWORD as f64 * (word_list(language).len() as f64).log2();
            assert!((bits - expected).abs() < 1e-9);
            assert!(bits >= 64.0, "{}: {bits} bits", language.code());
            assert!((bits - 66.0).abs() < 1e-9, "{}: {bits} bits", language.code());
        }
    }

    #[test]
    fn a_password_is_words_of_its_list_joined_by_spaces() {
        for language in Language::ALL {
            let password = SpokenPassword::generate(language);
            assert_eq!(password.language(), language);
            let words = password.words();
            assert_eq!(words.len(), WORDS_PER_PASSWORD);
            for word in &words {
                assert!(word_list(language).binary_search(word).is_ok(), "{word} from the {} list", language.code());
            }
            assert_eq!(password.as_str(), words.join(" "));
            let groups = password.groups();
            assert_eq!(groups.len(), WORDS_PER_PASSWORD / WORDS_PER_GROUP);
            assert_eq!(groups.join(" "), password.as_str());
            assert!(groups.iter().all(|g| g.split(' ').count() == WORDS_PER_GROUP));
        }
    }

    #[test]
    fn passwords_differ_between_calls() {
        let made: HashSet<String> =
            (0..50).map(|_| SpokenPassword::generate(Language::Nl).as_str().to_owned()).collect();
        // 50 draws from 2^66: a repeat would mean the randomness is broken.
        assert_eq!(made.len(), 50);
    }

    #[test]
    fn debug_does_not_print_the_password() {
        let password = SpokenPassword::generate(Language::Fr);
        let shown = format!("{password:?} {password:#?}");
        assert_eq!(format!("{password:?}"), "SpokenPassword(..)");
        for word in password.words() {
            assert!(!shown.contains(word), "{shown}");
        }
    }

    #[test]
    fn indexes_are_uniform() {
        // 64 bins of a 2048-word list, 64 000 draws: 1000 expected per bin.
        // Chi-square with 63 degrees of freedom has mean 63 and standard
        // deviation about 11.2; 200 is more than 12 deviations out, so a fair
        // generator never fails, while a modulo-biased or stuck one does.
        const BINS: usize = 64;
        const DRAWS: usize = 64_000;
        let len = word_list(Language::En).len();
        let mut counts = [0usize; BINS];
        for _ in 0..DRAWS {
            let index = uniform_index(len);
            assert!(index < len);
            counts[index * BINS / len] += 1;
        }
        let expected = (DRAWS / BINS) as f64;
        let chi2: f64 = counts.iter().map(|&c| (c as f64 - expected).powi(2) / expected).sum();
        assert!(chi2 < 200.0, "chi-square {chi2} over {counts:?}");
        // The top bit and the lowest bit of the index are used, too.
        let (mut high, mut odd) = (0usize, 0usize);
        for _ in 0..DRAWS {
            let index = uniform_index(len);
            high += usize::from(index >= len / 2);
            odd += index & 1;
        }
        for count in [high, odd] {
            // Binomial(64 000, 1/2): standard deviation about 126.
            assert!((count as f64 - DRAWS as f64 / 2.0).abs() < 1500.0, "{count}");
        }
    }

    #[test]
    fn a_list_that_is_not_a_power_of_two_is_drawn_without_bias() {
        // 3 does not divide 2^32: the rejection keeps the three outcomes equal.
        let mut counts = [0usize; 3];
        for _ in 0..30_000 {
            counts[uniform_index(3)] += 1;
        }
        let chi2: f64 = counts.iter().map(|&c| (c as f64 - 10_000.0).powi(2) / 10_000.0).sum();
        assert!(chi2 < 50.0, "{counts:?}");
    }
}
