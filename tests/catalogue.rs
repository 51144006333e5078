//! Nothing a person reads bypasses the Fluent catalogue: the library's and
//! the binary's sources hold no English sentence in a string literal that
//! is formatted, printed, raised as an error or turned into a `String`,
//! except the few protocol strings listed in [`ALLOWED`].

mod common;

/// Literals that look like English but are not shown as text, each with
/// why: (file, the literal's start, reason).
const ALLOWED: &[(&str, &str, &str)] = &[
    // SQL.
    ("crates/carepost/src/store.rs", "CREATE TABLE", "SQL schema"),
    ("crates/carepost/src/store.rs", "ALTER TABLE", "SQL schema"),
    ("crates/carepost/src/store.rs", "alias, kind, fingerprint", "SQL column list"),
    ("crates/carepost/src/retention/mod.rs", "id, kind, path", "SQL column list"),
    ("crates/carepost/src/retention/mod.rs", "SELECT ", "SQL query"),
    ("crates/carepost/src/retention/purge.rs", "SELECT ", "SQL query"),
    // MIME and systemd: protocol text, the same in every language.
    (
        "crates/carepost/src/mail/compose/mod.rs",
        "\\r\\n--{outer_boundary}",
        "RFC 3156 part headers, outside the encryption",
    ),
    ("crates/carepost/src/mail/compose/mod.rs", "Content-Disposition: attachment;", "MIME header"),
    ("crates/carepost/src/mail/compose/password.rs", "Content-Disposition: attachment;", "MIME header"),
    ("crates/carepost/src/timer.rs", "[Unit]", "systemd unit file"),
    ("crates/carepost/src/timer.rs", "systemctl --user", "a shell command shown in a hint"),
    ("crates/carepost/src/timer.rs", "{} --home {}", "a shell command shown in a hint"),
    // Audit log details: language-neutral codes, the same whatever the locale.
    ("crates/carepost/src/mail/compose/mod.rs", "email; unverified-ok:", "audit log detail"),
    ("crates/carepost/src/mail/parse/spool.rs", "email {format_code}; sender", "audit log detail"),
    ("crates/carepost/src/mail/parse/verdict.rs", "email; sender {}; verified", "audit log detail"),
    ("crates/carepost/src/open/mod.rs", "sender {}; verified sender required", "audit log detail"),
    ("crates/carepost/src/contacts.rs", "key changed from", "audit log detail"),
    ("crates/carepost/src/contacts.rs", "same key refreshed", "audit log detail"),
    ("crates/carepost/src/contacts.rs", "key added", "audit log detail"),
    ("crates/carepost/src/open/mod.rs", "sender {}; already opened as file", "audit log detail"),
    ("crates/carepost/src/error.rs", "mkdir -p {}", "a shell command in a hint"),
    ("crates/carepost/src/reading.rs", "fingerprint mismatch", "audit log detail"),
    ("crates/carepost/src/mail/outbox.rs", "setup: refused", "outbox last_error code (JSON)"),
    // Internal invariants: never reach a person, or are replaced first.
    ("crates/carepost/src/hashing.rs", "the hashing thread failed", "a panicked worker thread"),
    ("crates/carepost/src/identity.rs", "secret key left unprotected", "invariant after encrypting the key"),
    ("crates/carepost/src/mail/compose/inner.rs", "a document was not fully read", "invariant of the MIME reader"),
    ("crates/carepost/src/mail/compose/inner.rs", "reading a document failed", "replaced by the kept io::Error"),
    ("crates/carepost/src/mail/outbox.rs", "queued message vanished", "invariant: just inserted"),
    ("crates/carepost/src/mail/outbox.rs", "queued message claimed by another process", "invariant: just inserted"),
    ("crates/carepost/src/open/decrypt.rs", "output limit exceeded", "replaced by MessageProblem::TooLarge"),
    ("crates/carepost/src/vault.rs", "the sealed document's key does not fit", "mapped to MessageProblem::Tampered"),
    ("crates/carepost/src/mail/skeleton.rs", "base64 cut short", "io::ErrorKind::InvalidData, named by io_reason"),
    // Revoking and replacing the identity.
    ("crates/carepost/src/replace.rs", "replaces {old_fingerprint}", "audit log detail"),
    ("crates/carepost/src/transition.rs", "key changed from {} by", "audit log detail"),
    (
        "crates/carepost/src/replace.rs",
        "carepost key transition",
        "signed key-transition statement: fixed text, the same bytes for every contact who checks it",
    ),
];

/// Where a literal becomes text for a person.
const CONTEXTS: &[&str] = &[
    "format!(",
    "write!(",
    "writeln!(",
    "print!(",
    "println!(",
    "eprint!(",
    "eprintln!(",
    "panic!(",
    "#[error(",
    "Error::",
    "Problem::",
    "String::from(",
    "Err(",
    ".ok_or(",
    ".map_err(",
    "io::Error::other(",
    "io::Error::new(",
];

/// Methods that turn a literal into an owned `String` (then shown).
const CONVERSIONS: &[&str] = &[".to_string()", ".to_owned()", ".into()"];

/// A string literal in the code: its text, where it starts and ends.
struct Literal {
    text: String,
    start: usize,
    end: usize,
}

/// The code before the first `#[cfg(test)]` (unit tests are not shown to
/// anyone), with comments and the contents of literals blanked out, and
/// its string literals.
fn literals(source: &str) -> (String, Vec<Literal>) {
    let source = source.split("#[cfg(test)]").next().unwrap_or_default();
    let bytes = source.as_bytes();
    let mut code = String::with_capacity(source.len());
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &source[i..];
        if rest.starts_with("//") {
            let len = rest.find('\n').unwrap_or(rest.len());
            code.extend(std::iter::repeat_n(' ', len));
            i += len;
        } else if rest.starts_with("/*") {
            let len = rest.find("*/").map_or(rest.len(), |n| n + 2);
            code.extend(std::iter::repeat_n(' ', len));
            i += len;
        } else if let Some(hashes) = raw_string_start(rest, &source[..i]) {
            let open = 1 + hashes.len() + 1;
            let close = format!("\"{hashes}");
            let len = rest[open..].find(&close).map_or(rest.len(), |n| open + n + close.len());
            found.push(Literal { text: rest[open..len - close.len()].to_owned(), start: i, end: i + len });
            code.push_str(&blanked(&rest[..len]));
            i += len;
        } else if rest.starts_with('"') && !source[..i].ends_with('\'') {
            let mut j = 1;
            while j < rest.len() {
                match rest.as_bytes()[j] {
                    b'\\' => j += 2,
                    b'"' => break,
                    _ => j += 1,
                }
            }
            let len = (j + 1).min(rest.len());
            found.push(Literal { text: rest[1..len - 1].to_owned(), start: i, end: i + len });
            code.push_str(&blanked(&rest[..len]));
            i += len;
        } else if rest.starts_with('\'') {
            // A char literal ('"' would open a string) or a lifetime.
            let char_len = rest.char_indices().nth(2).filter(|&(_, c)| c == '\'').map(|(n, _)| n + 1);
            let escaped = rest.starts_with("'\\").then(|| rest[2..].find('\'').map(|n| n + 3)).flatten();
            let len = char_len.or(escaped).unwrap_or(1);
            code.push_str(&rest[..len]);
            i += len;
        } else {
            let c = rest.chars().next().unwrap();
            code.push(c);
            i += c.len_utf8();
        }
    }
    (code, found)
}

/// A literal with its contents blanked (same length), so that braces and
/// semicolons inside it do not count as code.
fn blanked(literal: &str) -> String {
    let last = literal.chars().count().saturating_sub(1);
    literal.chars().enumerate().map(|(n, c)| if n == 0 || n == last { c } else { ' ' }).collect::<String>()
        + &" ".repeat(literal.len() - literal.chars().count())
}

/// `r"`, `r#"`…: the hashes of a raw string starting here.
fn raw_string_start<'a>(rest: &'a str, before: &str) -> Option<&'a str> {
    let after_r = rest.strip_prefix('r').or_else(|| rest.strip_prefix("br"))?;
    if before.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let hashes = &after_r[..after_r.len() - after_r.trim_start_matches('#').len()];
    after_r[hashes.len()..].starts_with('"').then_some(hashes)
}

/// Whether the text reads as words for a person: two words of letters in
/// a row, once `{…}` placeholders and escapes are taken out.
fn looks_like_a_sentence(text: &str) -> bool {
    let mut plain = String::new();
    let mut depth = 0;
    for c in text.replace("\\n", " ").replace("\\t", " ").chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = usize::saturating_sub(depth, 1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let is_word = |w: &str| {
        let w = w.trim_matches(|c: char| ",.:;!?()\"'".contains(c));
        w.chars().count() >= 2
            && w.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-')
            && w.chars().any(char::is_lowercase)
    };
    let words: Vec<&str> = plain.split(' ').collect();
    words.windows(2).any(|pair| is_word(pair[0]) && is_word(pair[1]))
}

/// Whether the literal at `start..end` of `code` is in a context where it
/// becomes text: inside one of [`CONTEXTS`] in the same statement, or
/// converted to a `String` right away, or a text constant.
fn shown(code: &str, start: usize, end: usize) -> bool {
    if CONVERSIONS.iter().any(|c| code[end..].starts_with(c)) {
        return true;
    }
    let statement_start = code[..start].rfind([';', '{', '}']).map_or(0, |n| n + 1);
    let statement = &code[statement_start..start];
    let in_call = |text: &str| {
        CONTEXTS.iter().any(|marker| {
            text.rfind(marker).is_some_and(|at| {
                // The call is still open at the literal.
                let inside = &text[at + marker.len()..];
                let opened = inside.matches('(').count() + usize::from(marker.ends_with('('));
                opened > inside.matches(')').count()
            })
        })
    };
    // A text constant is shown wherever it is used.
    let constant = statement.trim_start().strip_prefix("pub ").unwrap_or(statement.trim_start());
    let constant = (constant.starts_with("const ") || constant.starts_with("static ")) && constant.contains("&str");
    constant || in_call(statement)
}

fn violations() -> Vec<String> {
    let mut files = Vec::new();
    common::rust_files(&common::workspace_root().join("crates/carepost/src"), &mut files);
    common::rust_files(&common::workspace_root().join("src"), &mut files);
    assert!(files.len() > 50, "the sources were not found");
    let mut found = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(common::workspace_root()).unwrap().to_string_lossy().replace('\\', "/");
        let source = std::fs::read_to_string(file).unwrap();
        let (code, literals) = literals(&source);
        for literal in literals {
            if !looks_like_a_sentence(&literal.text) || !shown(&code, literal.start, literal.end) {
                continue;
            }
            if ALLOWED.iter().any(|(f, start, _)| *f == relative && literal.text.starts_with(start)) {
                continue;
            }
            let line = source[..literal.start].lines().count().max(1);
            found.push(format!("{relative}:{line}: {:?}", literal.text));
        }
    }
    found
}

#[test]
fn no_english_sentence_bypasses_the_catalogue() {
    let found = violations();
    assert!(
        found.is_empty(),
        "{} English sentence(s) outside the catalogue: move each into i18n/<lang>/*.ftl and use tr!, \
         or list it in ALLOWED with why:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn every_allowed_literal_still_exists() {
    for (file, start, reason) in ALLOWED {
        assert!(!reason.is_empty());
        let source = std::fs::read_to_string(common::workspace_root().join(file)).unwrap_or_default();
        let (_, literals) = literals(&source);
        assert!(
            literals.iter().any(|l| l.text.starts_with(start)),
            "ALLOWED lists {start:?} in {file}, which no longer has it: remove the entry"
        );
    }
}

#[test]
fn the_scanner_finds_sentences_in_each_context() {
    let sample = r##"
        fn f() -> Result<()> {
            let a = format!("{} is not a file", p);
            return Err(Error::State("the database is locked".into()));
            let b = tr!("error-io", reason = x);
            let c = "Content-Type";
            let d = "no such contact".to_string();
            eprintln!(
                "{}",
                "Could not open the file"
            );
            // format!("a comment is not code")
            let e = r#"raw text with words"#.to_owned();
        }
        const LETTER: &str = "Dear Mr. de Vries";
    "##;
    let (code, literals) = literals(sample);
    let flagged: Vec<&str> = literals
        .iter()
        .filter(|l| looks_like_a_sentence(&l.text) && shown(&code, l.start, l.end))
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(
        flagged,
        [
            "{} is not a file",
            "the database is locked",
            "no such contact",
            "Could not open the file",
            "raw text with words",
            "Dear Mr. de Vries"
        ]
    );
}
