//! The PGP word list: reading OpenPGP fingerprints aloud.
//!
//! This module owns the two word tables and the conversion between bytes and
//! words. It does no I/O and prints nothing; callers decide how to show the
//! words and how to report a [`WordError`].
//!
//! # The table
//!
//! The tables are the PGP word list (also called the "biometric word list")
//! designed in 1995 by Patrick Juola and Philip Zimmermann for PGPfone and
//! refined for PGP, as printed in the PGPfreeware 6.5.1 user's guide
//! (Appendix D) and reproduced in the Wikipedia article "PGP word list".
//! There are two lists of 256 words each:
//!
//! * the **even** list ([`EVEN_WORDS`]), two-syllable words, used for the bytes
//!   at even offsets 0, 2, 4, ...;
//! * the **odd** list ([`ODD_WORDS`]), three-syllable words, used for the bytes
//!   at odd offsets 1, 3, 5, ....
//!
//! Each word stands for the byte equal to its index. Because the two lists
//! alternate, a word that was skipped, repeated or swapped while reading aloud
//! puts a word from the wrong list in the wrong place, and [`decode`] reports it
//! as [`WordError::WrongPosition`].
//!
//! The entries were cross-checked, word by word and index by index, against
//! independent published implementations (the `Crypt::OpenPGP::Words` Perl
//! module, which cites the PGPfreeware 6.5.1 guide; the ZRTP `zorg` Java
//! implementation; Roedy Green's "PGP Keywords" applet; and a hex-indexed
//! transcription of the Wikipedia table), which all agree. The older list in
//! the original PGPfone manual differs in 16 places (for example `basalt`
//! instead of `banjo` at 0x17 and no `aftermath`); that variant is **not** the
//! one used here, nor by PGP and most other tools.
//!
//! The table keeps the canonical capitalisation (`Algol`, `Aztec`, `Pandora`,
//! ...). Comparison is ASCII case-insensitive, and [`to_phrase`] writes all
//! words in lower case.
//!
//! # Example
//!
//! The bytes `E5 82 94 F2` read as "topmost Istanbul Pluto vagabond".

use crate::tr;
use std::fmt;

/// The even list: 256 two-syllable words, indexed by byte value, for bytes at
/// even offsets (0, 2, 4, ...). Canonical capitalisation; compare case-insensitively.
#[rustfmt::skip]
pub const EVEN_WORDS: [&str; 256] = [
    // 0x00..=0x07
    "aardvark", "absurd", "accrue", "acme", "adrift", "adult", "afflict", "ahead",
    // 0x08..=0x0F
    "aimless", "Algol", "allow", "alone", "ammo", "ancient", "apple", "artist",
    // 0x10..=0x17
    "assume", "Athens", "atlas", "Aztec", "baboon", "backfield", "backward", "banjo",
    // 0x18..=0x1F
    "beaming", "bedlamp", "beehive", "beeswax", "befriend", "Belfast", "berserk", "billiard",
    // 0x20..=0x27
    "bison", "blackjack", "blockade", "blowtorch", "bluebird", "bombast", "bookshelf", "brackish",
    // 0x28..=0x2F
    "breadline", "breakup", "brickyard", "briefcase", "Burbank", "button", "buzzard", "cement",
    // 0x30..=0x37
    "chairlift", "chatter", "checkup", "chisel", "choking", "chopper", "Christmas", "clamshell",
    // 0x38..=0x3F
    "classic", "classroom", "cleanup", "clockwork", "cobra", "commence", "concert", "cowbell",
    // 0x40..=0x47
    "crackdown", "cranky", "crowfoot", "crucial", "crumpled", "crusade", "cubic", "dashboard",
    // 0x48..=0x4F
    "deadbolt", "deckhand", "dogsled", "dragnet", "drainage", "dreadful", "drifter", "dropper",
    // 0x50..=0x57
    "drumbeat", "drunken", "Dupont", "dwelling", "eating", "edict", "egghead", "eightball",
    // 0x58..=0x5F
    "endorse", "endow", "enlist", "erase", "escape", "exceed", "eyeglass", "eyetooth",
    // 0x60..=0x67
    "facial", "fallout", "flagpole", "flatfoot", "flytrap", "fracture", "framework", "freedom",
    // 0x68..=0x6F
    "frighten", "gazelle", "Geiger", "glitter", "glucose", "goggles", "goldfish", "gremlin",
    // 0x70..=0x77
    "guidance", "hamlet", "highchair", "hockey", "indoors", "indulge", "inverse", "involve",
    // 0x78..=0x7F
    "island", "jawbone", "keyboard", "kickoff", "kiwi", "klaxon", "locale", "lockup",
    // 0x80..=0x87
    "merit", "minnow", "miser", "Mohawk", "mural", "music", "necklace", "Neptune",
    // 0x88..=0x8F
    "newborn", "nightbird", "Oakland", "obtuse", "offload", "optic", "orca", "payday",
    // 0x90..=0x97
    "peachy", "pheasant", "physique", "playhouse", "Pluto", "preclude", "prefer", "preshrunk",
    // 0x98..=0x9F
    "printer", "prowler", "pupil", "puppy", "python", "quadrant", "quiver", "quota",
    // 0xA0..=0xA7
    "ragtime", "ratchet", "rebirth", "reform", "regain", "reindeer", "rematch", "repay",
    // 0xA8..=0xAF
    "retouch", "revenge", "reward", "rhythm", "ribcage", "ringbolt", "robust", "rocker",
    // 0xB0..=0xB7
    "ruffled", "sailboat", "sawdust", "scallion", "scenic", "scorecard", "Scotland", "seabird",
    // 0xB8..=0xBF
    "select", "sentence", "shadow", "shamrock", "showgirl", "skullcap", "skydive", "slingshot",
    // 0xC0..=0xC7
    "slowdown", "snapline", "snapshot", "snowcap", "snowslide", "solo", "southward", "soybean",
    // 0xC8..=0xCF
    "spaniel", "spearhead", "spellbind", "spheroid", "spigot", "spindle", "spyglass", "stagehand",
    // 0xD0..=0xD7
    "stagnate", "stairway", "standard", "stapler", "steamship", "sterling", "stockman", "stopwatch",
    // 0xD8..=0xDF
    "stormy", "sugar", "surmount", "suspense", "sweatband", "swelter", "tactics", "talon",
    // 0xE0..=0xE7
    "tapeworm", "tempest", "tiger", "tissue", "tonic", "topmost", "tracker", "transit",
    // 0xE8..=0xEF
    "trauma", "treadmill", "Trojan", "trouble", "tumor", "tunnel", "tycoon", "uncut",
    // 0xF0..=0xF7
    "unearth", "unwind", "uproot", "upset", "upshot", "vapor", "village", "virus",
    // 0xF8..=0xFF
    "Vulcan", "waffle", "wallet", "watchword", "wayside", "willow", "woodlark", "Zulu",
];

/// The odd list: 256 three-syllable words, indexed by byte value, for bytes at
/// odd offsets (1, 3, 5, ...). Canonical capitalisation; compare case-insensitively.
#[rustfmt::skip]
pub const ODD_WORDS: [&str; 256] = [
    // 0x00..=0x07
    "adroitness", "adviser", "aftermath", "aggregate", "alkali", "almighty", "amulet", "amusement",
    // 0x08..=0x0F
    "antenna", "applicant", "Apollo", "armistice", "article", "asteroid", "Atlantic", "atmosphere",
    // 0x10..=0x17
    "autopsy", "Babylon", "backwater", "barbecue", "belowground", "bifocals", "bodyguard", "bookseller",
    // 0x18..=0x1F
    "borderline", "bottomless", "Bradbury", "bravado", "Brazilian", "breakaway", "Burlington", "businessman",
    // 0x20..=0x27
    "butterfat", "Camelot", "candidate", "cannonball", "Capricorn", "caravan", "caretaker", "celebrate",
    // 0x28..=0x2F
    "cellulose", "certify", "chambermaid", "Cherokee", "Chicago", "clergyman", "coherence", "combustion",
    // 0x30..=0x37
    "commando", "company", "component", "concurrent", "confidence", "conformist", "congregate", "consensus",
    // 0x38..=0x3F
    "consulting", "corporate", "corrosion", "councilman", "crossover", "crucifix", "cumbersome", "customer",
    // 0x40..=0x47
    "Dakota", "decadence", "December", "decimal", "designing", "detector", "detergent", "determine",
    // 0x48..=0x4F
    "dictator", "dinosaur", "direction", "disable", "disbelief", "disruptive", "distortion", "document",
    // 0x50..=0x57
    "embezzle", "enchanting", "enrollment", "enterprise", "equation", "equipment", "escapade", "Eskimo",
    // 0x58..=0x5F
    "everyday", "examine", "existence", "exodus", "fascinate", "filament", "finicky", "forever",
    // 0x60..=0x67
    "fortitude", "frequency", "gadgetry", "Galveston", "getaway", "glossary", "gossamer", "graduate",
    // 0x68..=0x6F
    "gravity", "guitarist", "hamburger", "Hamilton", "handiwork", "hazardous", "headwaters", "hemisphere",
    // 0x70..=0x77
    "hesitate", "hideaway", "holiness", "hurricane", "hydraulic", "impartial", "impetus", "inception",
    // 0x78..=0x7F
    "indigo", "inertia", "infancy", "inferno", "informant", "insincere", "insurgent", "integrate",
    // 0x80..=0x87
    "intention", "inventive", "Istanbul", "Jamaica", "Jupiter", "leprosy", "letterhead", "liberty",
    // 0x88..=0x8F
    "maritime", "matchmaker", "maverick", "Medusa", "megaton", "microscope", "microwave", "midsummer",
    // 0x90..=0x97
    "millionaire", "miracle", "misnomer", "molasses", "molecule", "Montana", "monument", "mosquito",
    // 0x98..=0x9F
    "narrative", "nebula", "newsletter", "Norwegian", "October", "Ohio", "onlooker", "opulent",
    // 0xA0..=0xA7
    "Orlando", "outfielder", "Pacific", "pandemic", "Pandora", "paperweight", "paragon", "paragraph",
    // 0xA8..=0xAF
    "paramount", "passenger", "pedigree", "Pegasus", "penetrate", "perceptive", "performance", "pharmacy",
    // 0xB0..=0xB7
    "phonetic", "photograph", "pioneer", "pocketful", "politeness", "positive", "potato", "processor",
    // 0xB8..=0xBF
    "provincial", "proximate", "puberty", "publisher", "pyramid", "quantity", "racketeer", "rebellion",
    // 0xC0..=0xC7
    "recipe", "recover", "repellent", "replica", "reproduce", "resistor", "responsive", "retraction",
    // 0xC8..=0xCF
    "retrieval", "retrospect", "revenue", "revival", "revolver", "sandalwood", "sardonic", "Saturday",
    // 0xD0..=0xD7
    "savagery", "scavenger", "sensation", "sociable", "souvenir", "specialist", "speculate", "stethoscope",
    // 0xD8..=0xDF
    "stupendous", "supportive", "surrender", "suspicious", "sympathy", "tambourine", "telephone", "therapist",
    // 0xE0..=0xE7
    "tobacco", "tolerance", "tomorrow", "torpedo", "tradition", "travesty", "trombonist", "truncated",
    // 0xE8..=0xEF
    "typewriter", "ultimate", "undaunted", "underfoot", "unicorn", "unify", "universe", "unravel",
    // 0xF0..=0xF7
    "upcoming", "vacancy", "vagabond", "vertigo", "Virginia", "visitor", "vocalist", "voyager",
    // 0xF8..=0xFF
    "warranty", "Waterloo", "whimsical", "Wichita", "Wilmington", "Wyoming", "yesteryear", "Yucatan",
];

/// The longest user-typed word, in characters, that a [`WordError`] keeps.
const MAX_REPORTED_WORD_CHARS: usize = 64;

/// Why a phrase could not be turned back into bytes.
///
/// `position` is the zero-based index of the offending word among the words
/// of the input (separators do not count); the [`fmt::Display`] message counts
/// from 1, as a person reading the words would. `word` is the word as the user
/// typed it, cut to at most 64 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordError {
    /// The input held no words at all.
    Empty,
    /// The word is in neither list (a typo or not a PGP word).
    UnknownWord {
        /// Zero-based index of the word in the input.
        position: usize,
        /// The word as typed, at most 64 characters.
        word: String,
    },
    /// The word is in the other list than its place calls for: a word was
    /// probably skipped, repeated or swapped.
    WrongPosition {
        /// Zero-based index of the word in the input.
        position: usize,
        /// The word as typed, at most 64 characters.
        word: String,
    },
}

impl fmt::Display for WordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            WordError::Empty => tr!("words-empty"),
            WordError::UnknownWord { position, word } => {
                tr!("words-unknown", position = position + 1, word = word.escape_debug().to_string())
            }
            // A three-syllable word on an even place, or a two-syllable
            // one on an odd place.
            WordError::WrongPosition { position, word } if is_even(*position) => {
                tr!("words-wrong-position-even", position = position + 1, word = word.escape_debug().to_string())
            }
            WordError::WrongPosition { position, word } => {
                tr!("words-wrong-position-odd", position = position + 1, word = word.escape_debug().to_string())
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for WordError {}

/// Whether the word at `position` (zero-based) comes from the even list.
fn is_even(position: usize) -> bool {
    position & 1 == 0
}

/// The list that the word at `position` (zero-based) must come from.
fn list_for(position: usize) -> &'static [&'static str; 256] {
    if is_even(position) {
        &EVEN_WORDS
    } else {
        &ODD_WORDS
    }
}

/// The byte whose word in `list` is `word`, ignoring ASCII case.
fn lookup(list: &[&str; 256], word: &str) -> Option<u8> {
    list.iter().position(|candidate| candidate.eq_ignore_ascii_case(word)).and_then(|index| u8::try_from(index).ok())
}

/// `word`, cut to at most [`MAX_REPORTED_WORD_CHARS`] characters (the last
/// one becomes `…` when it was cut).
fn bounded(word: &str) -> String {
    if word.chars().count() <= MAX_REPORTED_WORD_CHARS {
        return word.to_owned();
    }
    let mut out: String = word.chars().take(MAX_REPORTED_WORD_CHARS - 1).collect();
    out.push('…');
    out
}

/// Whether `c` separates words in [`decode`] input.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | '-')
}

/// The words for `bytes`: the even list for bytes at even offsets, the odd
/// list for bytes at odd offsets. Words keep their canonical capitalisation.
#[must_use]
pub fn encode(bytes: &[u8]) -> Vec<&'static str> {
    bytes.iter().enumerate().map(|(position, &byte)| list_for(position)[usize::from(byte)]).collect()
}

/// The words for `bytes` in lower case, joined by single spaces (empty input
/// gives an empty string).
#[must_use]
pub fn to_phrase(bytes: &[u8]) -> String {
    let words = encode(bytes);
    let mut phrase = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for (position, word) in words.iter().enumerate() {
        if position > 0 {
            phrase.push(' ');
        }
        phrase.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    phrase
}

/// The bytes spelled by `text`.
///
/// Words are separated by any whitespace, `,`, `;` or `-` (runs of separators
/// count as one) and compared without regard to ASCII case. The word at each
/// place must come from the list for that place: the even list for the 1st,
/// 3rd, 5th ... word, the odd list for the 2nd, 4th, 6th ....
///
/// # Errors
///
/// [`WordError::Empty`] when there is no word, [`WordError::UnknownWord`] for
/// a word in neither list, and [`WordError::WrongPosition`] for a word from the
/// other list (usually a skipped, repeated or swapped word). The first bad
/// word is reported.
pub fn decode(text: &str) -> Result<Vec<u8>, WordError> {
    let mut bytes = Vec::new();
    for (position, word) in text.split(is_separator).filter(|word| !word.is_empty()).enumerate() {
        if let Some(byte) = lookup(list_for(position), word) {
            bytes.push(byte);
        } else if lookup(list_for(position + 1), word).is_some() {
            return Err(WordError::WrongPosition { position, word: bounded(word) });
        } else {
            return Err(WordError::UnknownWord { position, word: bounded(word) });
        }
    }
    if bytes.is_empty() {
        Err(WordError::Empty)
    } else {
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The Wikipedia example fingerprint and its words.
    const WIKIPEDIA_BYTES: [u8; 20] = [
        0xE5, 0x82, 0x94, 0xF2, 0xE9, 0xA2, 0x27, 0x48, 0x6E, 0x8B, 0x06, 0x1B, 0x31, 0xCC, 0x52, 0x8F, 0xD7, 0xFA,
        0x3F, 0x19,
    ];
    const WIKIPEDIA_WORDS: &str = "topmost Istanbul Pluto vagabond treadmill Pacific \
        brackish dictator goldfish Medusa afflict bravado chatter revolver Dupont \
        midsummer stopwatch whimsical cowbell bottomless";

    fn hex(text: &str) -> Vec<u8> {
        let digits: Vec<u8> = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| u8::try_from(c.to_digit(16).expect("hex digit")).expect("fits"))
            .collect();
        digits.chunks(2).map(|pair| pair[0] << 4 | pair[1]).collect()
    }

    #[test]
    fn every_byte_round_trips_at_even_and_odd_positions() {
        for byte in 0..=255u8 {
            let even = [byte];
            assert_eq!(encode(&even), vec![EVEN_WORDS[usize::from(byte)]]);
            assert_eq!(decode(&to_phrase(&even)), Ok(even.to_vec()));

            let odd = [0x00, byte];
            assert_eq!(encode(&odd)[1], ODD_WORDS[usize::from(byte)]);
            assert_eq!(decode(&to_phrase(&odd)), Ok(odd.to_vec()));

            // Canonical capitalisation decodes as well.
            assert_eq!(decode(&encode(&[byte, byte]).join(" ")), Ok(vec![byte, byte]));
        }
    }

    #[test]
    fn lists_have_256_unique_disjoint_words() {
        let even: HashSet<String> = EVEN_WORDS.iter().map(|w| w.to_ascii_lowercase()).collect();
        let odd: HashSet<String> = ODD_WORDS.iter().map(|w| w.to_ascii_lowercase()).collect();
        assert_eq!(even.len(), 256);
        assert_eq!(odd.len(), 256);
        assert!(even.is_disjoint(&odd), "{:?}", even.intersection(&odd));
        for word in EVEN_WORDS.iter().chain(ODD_WORDS.iter()) {
            assert!(!word.is_empty() && word.chars().all(|c| c.is_ascii_alphabetic()), "{word:?}");
        }
        // Longest words: 9 and 11 letters, as the list's description says.
        assert_eq!(EVEN_WORDS.iter().map(|w| w.len()).max(), Some(9));
        assert_eq!(ODD_WORDS.iter().map(|w| w.len()).max(), Some(11));
    }

    #[test]
    fn table_matches_the_cross_checked_list() {
        // FNV-1a 64 over every word plus "\n", even list then odd list, in
        // canonical capitalisation, computed when the table was cross-checked.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for word in EVEN_WORDS.iter().chain(ODD_WORDS.iter()) {
            for byte in word.bytes().chain(std::iter::once(b'\n')) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        assert_eq!(hash, 0x8a86_eb49_2760_4117);

        // Spot checks, including the places where the older PGPfone list
        // differs.
        assert_eq!(EVEN_WORDS[0x00], "aardvark");
        assert_eq!(EVEN_WORDS[0x09], "Algol");
        assert_eq!(EVEN_WORDS[0x17], "banjo");
        assert_eq!(EVEN_WORDS[0x47], "dashboard");
        assert_eq!(EVEN_WORDS[0xE5], "topmost");
        assert_eq!(EVEN_WORDS[0xFF], "Zulu");
        assert_eq!(ODD_WORDS[0x00], "adroitness");
        assert_eq!(ODD_WORDS[0x02], "aftermath");
        assert_eq!(ODD_WORDS[0x09], "applicant");
        assert_eq!(ODD_WORDS[0x0A], "Apollo");
        assert_eq!(ODD_WORDS[0xA4], "Pandora");
        assert_eq!(ODD_WORDS[0xFF], "Yucatan");
    }

    #[test]
    fn wikipedia_example() {
        let expected: Vec<&str> = WIKIPEDIA_WORDS.split_whitespace().collect();
        assert_eq!(encode(&WIKIPEDIA_BYTES), expected);
        assert_eq!(
            to_phrase(&WIKIPEDIA_BYTES),
            WIKIPEDIA_WORDS.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert_eq!(decode(WIKIPEDIA_WORDS), Ok(WIKIPEDIA_BYTES.to_vec()));
        assert_eq!(WIKIPEDIA_BYTES.to_vec(), hex("E582 94F2 E9A2 2748 6E8B 061B 31CC 528F D7FA 3F19"));
    }

    #[test]
    fn other_published_vectors() {
        let vectors = [
            (
                "D1D4 64C0 04F0 0FB5 C9A4 C8D8 E433 E7FB 7FF5 6256",
                "stairway souvenir flytrap recipe adrift upcoming artist positive spearhead \
                 Pandora spaniel stupendous tonic concurrent transit Wichita lockup visitor \
                 flagpole escapade",
            ),
            (
                "12b4 b005 7400 076f a5c0 f5cb f726 ac65",
                "atlas politeness ruffled almighty indoors adroitness ahead hemisphere \
                 reindeer recipe vapor revival virus caretaker ribcage glossary",
            ),
            ("9030 e74b", "peachy commando transit disable"),
        ];
        for (hex_text, words) in vectors {
            let bytes = hex(hex_text);
            assert_eq!(encode(&bytes).join(" "), words.split_whitespace().collect::<Vec<_>>().join(" "));
            assert_eq!(decode(words), Ok(bytes));
        }
    }

    #[test]
    fn phrase_is_lowercase_with_single_spaces() {
        assert_eq!(to_phrase(&[0x09, 0x0A]), "algol apollo");
        assert_eq!(to_phrase(&[]), "");
        assert!(encode(&[]).is_empty());
    }

    #[test]
    fn decode_ignores_case_and_separators() {
        let messy = "  TOPMOST,istanbul;pLuTo-vagabond\n\ttreadmill , PACIFIC;;--brackish\u{a0}Dictator ";
        assert_eq!(decode(messy), Ok(WIKIPEDIA_BYTES[..8].to_vec()));
    }

    #[test]
    fn missed_word_is_wrong_position() {
        // "Istanbul" left out: "Pluto" (two syllables) lands on an odd place.
        let err = decode("topmost Pluto vagabond").unwrap_err();
        assert_eq!(err, WordError::WrongPosition { position: 1, word: "Pluto".to_owned() });
        assert!(err.to_string().contains('2') && err.to_string().contains("\"Pluto\""), "{err}");

        // Two words swapped.
        assert_eq!(
            decode("istanbul topmost"),
            Err(WordError::WrongPosition { position: 0, word: "istanbul".to_owned() })
        );
    }

    #[test]
    fn garbage_is_unknown_word() {
        assert_eq!(
            decode("topmost istanbul xyzzy"),
            Err(WordError::UnknownWord { position: 2, word: "xyzzy".to_owned() })
        );
        // Only ASCII case is folded; other look-alikes are unknown.
        assert!(matches!(decode("topmoſt"), Err(WordError::UnknownWord { position: 0, .. })));
    }

    #[test]
    fn empty_input_is_empty() {
        assert_eq!(decode(""), Err(WordError::Empty));
        assert_eq!(decode(" ,; -\n\t"), Err(WordError::Empty));
        assert_eq!(WordError::Empty.to_string(), tr!("words-empty"));
    }

    #[test]
    fn reported_word_is_bounded_and_escaped() {
        let long = "x".repeat(1000);
        match decode(&long) {
            Err(WordError::UnknownWord { position: 0, word }) => {
                assert_eq!(word.chars().count(), MAX_REPORTED_WORD_CHARS);
                assert!(word.ends_with('…'));
            }
            other => panic!("unexpected {other:?}"),
        }
        let err = decode("bad\u{1b}[31mword").unwrap_err();
        let message = err.to_string();
        assert!(!message.contains('\u{1b}'), "{message:?}");
        assert!(message.contains("\\u{1b}"), "{message:?}");

        let as_error: &dyn std::error::Error = &err;
        assert!(as_error.source().is_none());
    }
}
