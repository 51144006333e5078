//! Passphrases: their type, where they come from, and how new ones are made.
//!
//! A [`Passphrase`] is wiped from memory when dropped, never printed by
//! `Debug`, and only ever handed to the OpenPGP library as a
//! `sequoia_openpgp::crypto::Password` (itself kept in protected memory).

use crate::error::{Error, Result};
use sequoia_openpgp::crypto::Password;
use std::fmt;
use std::io::Read;
use std::path::Path;
use zeroize::Zeroizing;

/// Bytes of randomness in a generated passphrase (256 bits).
const GENERATED_BYTES: usize = 32;
/// A passphrase file larger than this is not a passphrase file.
const MAX_FILE_BYTES: u64 = 64 * 1024;

/// A secret passphrase, zeroized on drop.
#[derive(Clone)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// Takes ownership of `text`; the caller's copy is moved, not copied.
    pub fn new(text: String) -> Passphrase {
        Passphrase(Zeroizing::new(text))
    }

    /// A fresh random passphrase for the keychain, which the user never
    /// types: 256 bits, base64url-encoded.
    pub fn generate() -> Result<Passphrase> {
        let mut bytes = Zeroizing::new([0u8; GENERATED_BYTES]);
        sequoia_openpgp::crypto::random(&mut bytes[..]).map_err(|e| Error::Internal(e.to_string()))?;
        Ok(Passphrase::new(base64url(&bytes[..])))
    }

    /// Reads the first line of `path`. The content never appears in errors.
    pub fn from_file(path: &Path) -> Result<Passphrase> {
        let fail = |reason: String| Error::PassphraseFile { path: path.to_path_buf(), reason };
        let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
        check_private(path, &file)?;
        let mut raw = Zeroizing::new(Vec::new());
        file.take(MAX_FILE_BYTES + 1).read_to_end(&mut raw).map_err(|e| fail(e.to_string()))?;
        if raw.len() as u64 > MAX_FILE_BYTES {
            return Err(fail(crate::tr!("passphrase-file-too-large")));
        }
        let line_end = raw.iter().position(|&b| b == b'\n').unwrap_or(raw.len());
        let mut line = &raw[..line_end];
        if line.last() == Some(&b'\r') {
            line = &line[..line.len() - 1];
        }
        if line.is_empty() {
            return Err(fail(crate::tr!("passphrase-file-empty")));
        }
        let text = std::str::from_utf8(line).map_err(|_| fail(crate::tr!("passphrase-file-not-utf8")))?;
        Ok(Passphrase::new(text.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The form the OpenPGP library takes.
    pub fn to_password(&self) -> Password {
        Password::from(self.expose())
    }
}

/// The shortest passphrase a user may choose for an identity.
pub const MIN_PASSPHRASE_CHARS: usize = 12;
/// A chosen passphrase needs at least this many different characters
/// (`aaaaaaaaaaaa` and `abcabcabcabc` are long but guessed at once).
const MIN_DISTINCT_CHARS: usize = 6;

/// Refuses a passphrase a user chose that is too weak to guard the key
/// that opens patients' documents. Generated passphrases need no check.
pub fn check_strength(passphrase: &Passphrase) -> Result<()> {
    let text = passphrase.expose();
    let mut distinct: Vec<char> = text.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    let distinct_count = distinct.len();
    zeroize::Zeroize::zeroize(&mut distinct);
    if text.chars().count() < MIN_PASSPHRASE_CHARS || distinct_count < MIN_DISTINCT_CHARS {
        return Err(Error::WeakPassphrase { min: MIN_PASSPHRASE_CHARS });
    }
    Ok(())
}

/// Refuses a secret file that others could read or change, or that
/// belongs to someone else, as ssh does with a private key. Judged on the
/// open file, so a swap after the check changes nothing.
fn check_private(path: &Path, file: &std::fs::File) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta =
            file.metadata().map_err(|e| Error::PassphraseFile { path: path.to_path_buf(), reason: e.to_string() })?;
        // A pipe (`--passphrase-file <(…)`) has no one else's permissions to judge.
        if meta.file_type().is_file() {
            if meta.uid() != rustix::process::geteuid().as_raw() {
                return Err(Error::SecretFileForeign { path: path.to_path_buf() });
            }
            let mode = meta.mode() & 0o7777;
            if mode & 0o077 != 0 {
                return Err(Error::UnsafePermissions { path: path.to_path_buf(), mode, wanted: 0o600 });
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (path, file);
    Ok(())
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(<redacted>)")
    }
}

fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 2);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_passphrases_are_long_and_distinct() {
        let a = Passphrase::generate().unwrap();
        let b = Passphrase::generate().unwrap();
        assert_eq!(a.expose().len(), 43);
        assert_ne!(a.expose(), b.expose());
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let p = Passphrase::new("hunter2-correct-horse".into());
        assert!(!format!("{p:?}").contains("hunter2"));
    }

    #[test]
    fn file_gives_its_first_line_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pw");
        write_private(&path, "s3cret pass\r\nsecond line\n");
        assert_eq!(Passphrase::from_file(&path).unwrap().expose(), "s3cret pass");
    }

    #[test]
    fn empty_file_is_refused_without_echoing_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pw");
        write_private(&path, "\nsecret-on-line-two\n");
        let err = Passphrase::from_file(&path).unwrap_err();
        assert!(!err.to_string().contains("secret-on-line-two"));
        assert_eq!(err.exit_status().code(), 5);
    }

    fn write_private(path: &Path, text: &str) {
        std::fs::write(path, text).unwrap();
        #[cfg(unix)]
        std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    }

    #[test]
    #[cfg(unix)]
    fn a_file_others_can_read_is_refused_with_the_chmod() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pw");
        write_private(&path, "a good long passphrase\n");
        for mode in [0o640, 0o604, 0o660, 0o666] {
            std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(mode)).unwrap();
            let err = Passphrase::from_file(&path).unwrap_err();
            assert_eq!(err.exit_status().code(), 1, "{mode:o}");
            assert!(err.hint().unwrap().contains("chmod 600"), "{:?}", err.hint());
            assert!(!err.to_string().contains("good long"));
        }
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o400)).unwrap();
        assert!(Passphrase::from_file(&path).is_ok());
    }

    #[test]
    fn weak_chosen_passphrases_are_refused() {
        for weak in ["abc", "hunter2", "aaaaaaaaaaaaaaaa", "abcabcabcabc", "12345678901"] {
            let err = check_strength(&Passphrase::new(weak.into())).unwrap_err();
            assert!(err.hint().unwrap().contains("words"), "{weak}");
        }
        for good in ["correct horse battery staple", "test passphrase, not for real use"] {
            assert!(check_strength(&Passphrase::new(good.into())).is_ok(), "{good}");
        }
    }

    #[test]
    fn base64url_matches_the_rfc_vectors() {
        assert_eq!(base64url(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url(b"fooba"), "Zm9vYmE");
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }
}
