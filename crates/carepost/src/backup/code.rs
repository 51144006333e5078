//! The recovery code that opens a backup: 130 random bits written as 26
//! characters of Crockford's base32 (digits and capitals without I, L, O
//! and U, which look like 1, 1, 0 and V), then two check characters, in
//! seven groups of four: `7K3M-Q9TX-...`. A typed code is read back
//! forgivingly (small letters, spaces, O for 0, I and L for 1), and a
//! mistyped character fails the check, so the user hears "typo" rather
//! than "wrong code".

use crate::error::{BackupProblem, Error, Result};
use crate::secret::Passphrase;
use zeroize::Zeroizing;

/// The 32 characters a code is written with.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Random characters in a code (5 bits each: 130 bits).
const DATA_CHARS: usize = 26;
/// Check characters after them (10 bits: a typo passes once in 1024).
const CHECK_CHARS: usize = 2;
const GROUP: usize = 4;
/// Domain separation for the check.
const CHECK_PREFIX: &[u8] = b"carepost-recovery-code-v1\n";

/// Bits of randomness in a code.
pub const ENTROPY_BITS: usize = DATA_CHARS * 5;

/// A fresh recovery code, in its written form.
pub fn generate() -> Result<Passphrase> {
    let mut random = Zeroizing::new([0u8; DATA_CHARS]);
    sequoia_openpgp::crypto::random(&mut random[..]).map_err(|e| Error::Internal(e.to_string()))?;
    let mut chars = Zeroizing::new(String::with_capacity(DATA_CHARS + CHECK_CHARS));
    for byte in random.iter() {
        // 256 is a multiple of 32: taking the low five bits is uniform.
        chars.push(ALPHABET[(byte & 31) as usize] as char);
    }
    let check = check_chars(&chars);
    chars.push_str(&check);
    Ok(Passphrase::new(grouped(&chars)))
}

/// The written form of a code typed back: refused as a typo when it has
/// the wrong length, a character outside the alphabet, or a failing check.
pub fn parse(typed: &str) -> Result<Passphrase> {
    let typo = || Error::Backup(BackupProblem::CodeTypo);
    let mut chars = Zeroizing::new(String::with_capacity(DATA_CHARS + CHECK_CHARS));
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\t' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
            _ => return Err(typo()),
        };
        chars.push(c);
    }
    if chars.len() != DATA_CHARS + CHECK_CHARS {
        return Err(typo());
    }
    if check_chars(&chars[..DATA_CHARS]) != chars[DATA_CHARS..] {
        return Err(typo());
    }
    Ok(Passphrase::new(grouped(&chars)))
}

fn check_chars(data: &str) -> String {
    let mut input = Zeroizing::new(CHECK_PREFIX.to_vec());
    input.extend_from_slice(data.as_bytes());
    let digest = sha256(&input);
    let bits = (u16::from(digest[0]) << 2) | u16::from(digest[1] >> 6);
    [ALPHABET[(bits >> 5) as usize] as char, ALPHABET[(bits & 31) as usize] as char].iter().collect()
}

fn sha256(data: &[u8]) -> Vec<u8> {
    let mut ctx = sequoia_openpgp::types::HashAlgorithm::SHA256.context().expect("SHA-256").for_digest();
    std::io::Write::write_all(&mut ctx, data).expect("hashing never fails");
    ctx.into_digest().expect("SHA-256")
}

fn grouped(chars: &str) -> String {
    let chars: Vec<char> = chars.chars().collect();
    chars.chunks(GROUP).map(|g| g.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_has_seven_groups_of_the_alphabet_and_reads_back() {
        let code = generate().unwrap();
        let text = code.expose();
        assert_eq!(text.len(), 7 * 4 + 6, "{text}");
        assert!(text.split('-').all(|g| g.len() == 4 && g.bytes().all(|b| ALPHABET.contains(&b))));
        assert!(!text.contains(['I', 'L', 'O', 'U']));
        assert_eq!(parse(text).unwrap().expose(), text);
        const { assert!(ENTROPY_BITS >= 128) };
    }

    #[test]
    fn typed_forgivingly() {
        let code = generate().unwrap();
        let sloppy = code.expose().replace('-', " ").to_lowercase().replace('0', "o").replace('1', "l");
        assert_eq!(parse(&sloppy).unwrap().expose(), code.expose());
    }

    #[test]
    fn every_single_typo_is_caught_as_a_typo() {
        let code = generate().unwrap();
        let plain: Vec<u8> = code.expose().bytes().filter(|&b| b != b'-').collect();
        let mut passed = 0;
        for i in 0..plain.len() {
            for &other in ALPHABET.iter().filter(|&&c| c != plain[i]) {
                let mut typed = plain.clone();
                typed[i] = other;
                if parse(std::str::from_utf8(&typed).unwrap()).is_ok() {
                    passed += 1;
                }
            }
        }
        // 28 * 31 single typos; a 10-bit check lets about one in 1024 by.
        assert!(passed <= 5, "{passed} typos passed the check");
        // Dropped or extra characters, and characters outside the alphabet.
        assert!(matches!(parse(&code.expose()[1..]), Err(Error::Backup(BackupProblem::CodeTypo))));
        assert!(matches!(parse(&format!("{}A", code.expose())), Err(Error::Backup(BackupProblem::CodeTypo))));
        assert!(parse(&code.expose().replacen(|c: char| c.is_ascii_alphanumeric(), "U", 1)).is_err());
        assert!(matches!(parse("é"), Err(Error::Backup(BackupProblem::CodeTypo))));
    }
}
