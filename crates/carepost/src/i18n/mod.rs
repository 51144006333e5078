//! User-facing text: every sentence carepost shows lives in a Fluent
//! catalogue (`src/i18n/<language>/*.ftl`), looked up by message id.
//!
//! The language is set once by the binary ([`set_language`], from `--lang`);
//! otherwise it comes from `CAREPOST_LANG`, else the first non-empty of
//! `LC_ALL`, `LC_MESSAGES` and `LANG` read as a locale name ([`Language::from_locale`]).
//! A message missing from the chosen catalogue falls back to English.
//! A unit test checks that every id used in the source exists in the English
//! catalogue, so a typo in an id fails the build's tests, not the user.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::OnceLock;
use unic_langid::LanguageIdentifier;

/// Each language's catalogue, one Fluent file per area: (area, text).
type Catalogue = &'static [(&'static str, &'static str)];
const EN: Catalogue = &[
    ("messages", include_str!("en/messages.ftl")),
    ("cli", include_str!("en/cli.ftl")),
    ("sendpw", include_str!("en/sendpw.ftl")),
    ("pdf", include_str!("en/pdf.ftl")),
    ("pdfcheck", include_str!("en/pdfcheck.ftl")),
    ("skesk", include_str!("en/skesk.ftl")),
    ("nokey", include_str!("en/nokey.ftl")),
    ("report", include_str!("en/report.ftl")),
    ("leaflet", include_str!("en/leaflet.ftl")),
    ("consent", include_str!("en/consent.ftl")),
    ("backup", include_str!("en/backup.ftl")),
    ("renew", include_str!("en/renew.ftl")),
    ("revoke", include_str!("en/revoke.ftl")),
    ("passphrase", include_str!("en/passphrase.ftl")),
];
const NL: Catalogue = &[
    ("messages", include_str!("nl/messages.ftl")),
    ("cli", include_str!("nl/cli.ftl")),
    ("sendpw", include_str!("nl/sendpw.ftl")),
    ("pdf", include_str!("nl/pdf.ftl")),
    ("pdfcheck", include_str!("nl/pdfcheck.ftl")),
    ("skesk", include_str!("nl/skesk.ftl")),
    ("nokey", include_str!("nl/nokey.ftl")),
    ("report", include_str!("nl/report.ftl")),
    ("leaflet", include_str!("nl/leaflet.ftl")),
    ("consent", include_str!("nl/consent.ftl")),
    ("backup", include_str!("nl/backup.ftl")),
    ("renew", include_str!("nl/renew.ftl")),
    ("revoke", include_str!("nl/revoke.ftl")),
    ("passphrase", include_str!("nl/passphrase.ftl")),
];
const FR: Catalogue = &[
    ("messages", include_str!("fr/messages.ftl")),
    ("cli", include_str!("fr/cli.ftl")),
    ("sendpw", include_str!("fr/sendpw.ftl")),
    ("pdf", include_str!("fr/pdf.ftl")),
    ("pdfcheck", include_str!("fr/pdfcheck.ftl")),
    ("skesk", include_str!("fr/skesk.ftl")),
    ("nokey", include_str!("fr/nokey.ftl")),
    ("report", include_str!("fr/report.ftl")),
    ("leaflet", include_str!("fr/leaflet.ftl")),
    ("consent", include_str!("fr/consent.ftl")),
    ("backup", include_str!("fr/backup.ftl")),
    ("renew", include_str!("fr/renew.ftl")),
    ("revoke", include_str!("fr/revoke.ftl")),
    ("passphrase", include_str!("fr/passphrase.ftl")),
];

/// An argument to a message: text or a number (numbers drive plural rules).
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Self {
        Arg::Text(s.into_owned())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self { Arg::Number(n as f64) }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64);

/// Looks up a message by id and formats it with named arguments.
///
/// ```
/// let s = carepost::tr!("hint-run-init");
/// assert!(s.contains("carepost init"));
/// ```
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::translate($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::translate(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

struct Catalogues {
    chosen: Option<FluentBundle<FluentResource>>,
    english: FluentBundle<FluentResource>,
}

fn bundle(lang: &str, sources: Catalogue) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.parse().expect("static language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminal output: Unicode isolation marks would show up as garbage.
    bundle.set_use_isolating(false);
    for (_area, source) in sources {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(resource, _errors)| resource);
        bundle.add_resource(resource).expect("message ids are unique within a catalogue");
    }
    bundle
}

/// A language carepost speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    En,
    Nl,
    Fr,
}

impl Language {
    /// Every language carepost speaks.
    pub const ALL: [Language; 3] = [Language::En, Language::Nl, Language::Fr];

    /// The ISO 639-1 code: `en`, `nl`, `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Nl => "nl",
            Language::Fr => "fr",
        }
    }

    /// Exactly `en`, `nl` or `fr` (as `--lang` and `CAREPOST_LANG` take).
    pub fn from_code(code: &str) -> Option<Language> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Language::En),
            "nl" => Some(Language::Nl),
            "fr" => Some(Language::Fr),
            _ => None,
        }
    }

    /// Reads a POSIX locale name (`nl_BE.UTF-8`, `fr_FR@euro`, `fr`, `C`):
    /// its language part decides; anything carepost does not speak is English.
    pub fn from_locale(locale: &str) -> Language {
        let language = locale.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match language.to_ascii_lowercase().as_str() {
            "nl" => Language::Nl,
            "fr" => Language::Fr,
            _ => Language::En,
        }
    }

    /// From the environment: `CAREPOST_LANG`, then the first non-empty of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` (the POSIX order for messages).
    pub fn from_env() -> Language {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    fn from_vars(var: impl Fn(&str) -> Option<String>) -> Language {
        if let Some(chosen) = var("CAREPOST_LANG").filter(|v| !v.is_empty()) {
            return Language::from_locale(&chosen);
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .map_or(Language::En, |locale| Language::from_locale(&locale))
    }

    fn catalogue(self) -> Catalogue {
        match self {
            Language::En => EN,
            Language::Nl => NL,
            Language::Fr => FR,
        }
    }
}

static LANGUAGE: OnceLock<Language> = OnceLock::new();

/// Sets the language for the rest of the process. Call it once, before the
/// first message; a later call changes nothing and returns the language
/// already in use.
pub fn set_language(language: Language) -> Language {
    *LANGUAGE.get_or_init(|| language)
}

/// The language carepost speaks: the one set with [`set_language`], else
/// the environment's.
pub fn language() -> Language {
    *LANGUAGE.get_or_init(Language::from_env)
}

fn catalogues() -> &'static Catalogues {
    static CATALOGUES: OnceLock<Catalogues> = OnceLock::new();
    CATALOGUES.get_or_init(|| {
        let language = language();
        Catalogues {
            chosen: (language != Language::En).then(|| bundle(language.code(), language.catalogue())),
            english: bundle("en", EN),
        }
    })
}

fn format_in(bundle: &FluentBundle<FluentResource>, id: &str, args: &FluentArgs) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = message.value()?;
    let mut errors = vec![];
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    Some(text.into_owned())
}

/// Whether the English catalogue has message `id` (every message has its
/// English text), for code that builds ids, such as the command line's help.
pub fn has_english(id: &str) -> bool {
    catalogues().english.has_message(id)
}

fn fluent_args<'a>(args: &'a [(&'a str, Arg)]) -> FluentArgs<'a> {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.clone())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    fluent_args
}

/// Formats message `id`; used through [`tr!`].
pub fn translate(id: &str, args: &[(&str, Arg)]) -> String {
    let fluent_args = fluent_args(args);
    let catalogues = catalogues();
    catalogues
        .chosen
        .as_ref()
        .and_then(|b| format_in(b, id, &fluent_args))
        .or_else(|| format_in(&catalogues.english, id, &fluent_args))
        .unwrap_or_else(|| id.to_owned())
}

/// Formats message `id` in language `lang` ("en", "nl", "fr"), whatever
/// language the process speaks; English where `lang` lacks the message.
/// For text whose language is fixed by its caller (dates in unit tests).
pub fn translate_in(lang: &str, id: &str, args: &[(&str, Arg)]) -> String {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 3]> = OnceLock::new();
    let [english, dutch, french] = BUNDLES.get_or_init(|| [bundle("en", EN), bundle("nl", NL), bundle("fr", FR)]);
    let chosen = match lang {
        "nl" => dutch,
        "fr" => french,
        _ => english,
    };
    let fluent_args = fluent_args(args);
    format_in(chosen, id, &fluent_args)
        .or_else(|| format_in(english, id, &fluent_args))
        .unwrap_or_else(|| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use fluent_syntax::ast;

    const LANGUAGES: [(&str, Catalogue); 3] = [("en", EN), ("nl", NL), ("fr", FR)];

    /// Each message of a catalogue file with the variables it uses.
    fn messages(source: &str) -> Vec<(String, BTreeSet<String>)> {
        let resource = fluent_syntax::parser::parse(source.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("catalogue does not parse: {errors:?}"));
        let mut found = vec![];
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut variables = BTreeSet::new();
                if let Some(value) = &m.value {
                    pattern_variables(value, &mut variables);
                }
                for attribute in &m.attributes {
                    pattern_variables(&attribute.value, &mut variables);
                }
                found.push((m.id.name.clone(), variables));
            }
        }
        found
    }

    fn pattern_variables(pattern: &ast::Pattern<String>, found: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, found);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<String>, found: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Inline(inline) => inline_variables(inline, found),
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, found);
                for variant in variants {
                    pattern_variables(&variant.value, found);
                }
            }
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<String>, found: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                found.insert(id.name.clone());
            }
            ast::InlineExpression::Placeable { expression } => expression_variables(expression, found),
            ast::InlineExpression::FunctionReference { arguments, .. }
            | ast::InlineExpression::TermReference { arguments: Some(arguments), .. } => {
                for argument in &arguments.positional {
                    inline_variables(argument, found);
                }
                for argument in &arguments.named {
                    inline_variables(&argument.value, found);
                }
            }
            _ => {}
        }
    }

    /// Every message of a language, across its areas, with its variables.
    fn catalogue_messages(catalogue: Catalogue) -> BTreeMap<String, BTreeSet<String>> {
        catalogue.iter().flat_map(|(_, source)| messages(source)).collect()
    }

    fn ids(catalogue: Catalogue) -> BTreeSet<String> {
        catalogue_messages(catalogue).into_keys().collect()
    }

    fn ids_used_in(dir: &Path, found: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                ids_used_in(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for marker in ["tr!(", "Error::io("] {
                    for (i, _) in text.match_indices(marker) {
                        // Skip longer macro names that end the same way (include_str).
                        if text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                            continue;
                        }
                        let rest = text[i + marker.len()..].trim_start();
                        let Some(rest) = rest.strip_prefix('"') else {
                            continue;
                        };
                        let id = &rest[..rest.find('"').unwrap()];
                        if !id.is_empty()
                            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                        {
                            found.insert(id.to_owned());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn every_id_used_in_the_source_is_in_the_english_catalogue() {
        let english = ids(EN);
        let mut used = BTreeSet::new();
        // The library's sources and the command-line crate's (the workspace root).
        let library = Path::new(env!("CARGO_MANIFEST_DIR"));
        ids_used_in(&library.join("src"), &mut used);
        let command_line = library.join("../../src");
        if command_line.is_dir() {
            ids_used_in(&command_line, &mut used);
        }
        let missing: Vec<_> = used.difference(&english).collect();
        assert!(missing.is_empty(), "ids missing from en/: {missing:?}");
    }

    /// (a) Every area of every language has exactly the ids of English
    /// (areas still being translated may lack some, but have no others).
    #[test]
    fn every_language_has_the_ids_of_english() {
        for (language, catalogue) in &LANGUAGES[1..] {
            for ((area, english), (other_area, translated)) in EN.iter().zip(catalogue.iter()) {
                assert_eq!(area, other_area, "{language}: areas in a different order than en");
                let english: BTreeSet<String> = messages(english).into_iter().map(|(id, _)| id).collect();
                let translated: BTreeSet<String> = messages(translated).into_iter().map(|(id, _)| id).collect();
                let unknown: Vec<_> = translated.difference(&english).collect();
                assert!(unknown.is_empty(), "ids in {language}/{area}.ftl that en/ lacks: {unknown:?}");
                let missing: Vec<_> = english.difference(&translated).collect();
                assert!(missing.is_empty(), "ids missing from {language}/{area}.ftl: {missing:?}");
            }
            assert_eq!(EN.len(), catalogue.len(), "{language}: not the areas of en");
        }
    }

    /// (b) A translation uses the same variables as the English message.
    #[test]
    fn translations_use_the_variables_of_english() {
        let english = catalogue_messages(EN);
        let mut wrong = vec![];
        for (language, catalogue) in &LANGUAGES[1..] {
            for (id, variables) in catalogue_messages(catalogue) {
                if let Some(expected) = english.get(&id) {
                    if *expected != variables {
                        wrong.push(format!("{language} {id}: {variables:?}, en has {expected:?}"));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "variables differ from en/:\n{}", wrong.join("\n"));
    }

    /// (d) An id appears once in a language, across all its areas.
    #[test]
    fn no_id_appears_twice() {
        for (language, catalogue) in LANGUAGES {
            let mut seen = BTreeMap::new();
            for (area, source) in catalogue {
                for (id, _) in messages(source) {
                    if let Some(first) = seen.insert(id.clone(), *area) {
                        panic!("{language}: {id} is in {first}.ftl and again in {area}.ftl");
                    }
                }
            }
        }
    }

    /// The `tr!` calls in the sources: id and the names of the arguments,
    /// multi-line calls included.
    fn tr_calls_in(dir: &Path, found: &mut Vec<(String, String, BTreeSet<String>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                tr_calls_in(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (i, _) in text.match_indices("tr!(") {
                    if text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let Some((id, names)) = parse_tr_call(&text[i + 4..]) else { continue };
                    let line = text[..i].lines().count();
                    found.push((format!("{}:{line}", path.display()), id, names));
                }
            }
        }
    }

    /// Splits `"id", a = x, b = f(y, z))` at its top-level commas, up to the
    /// closing parenthesis; `None` when it does not start with an id literal.
    fn parse_tr_call(call: &str) -> Option<(String, BTreeSet<String>)> {
        let rest = call.trim_start().strip_prefix('"')?;
        let id = &rest[..rest.find('"')?];
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return None;
        }
        let mut parts = vec![String::new()];
        let mut depth = 0usize;
        let mut chars = rest[id.len() + 1..].chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    // A string literal: skip to its end.
                    parts.last_mut().unwrap().push('"');
                    while let Some(c) = chars.next() {
                        if c == '\\' {
                            chars.next();
                        } else if c == '"' {
                            break;
                        }
                    }
                }
                '/' if chars.peek() == Some(&'/') => {
                    // A comment: skip to the end of the line.
                    for c in chars.by_ref() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                '(' | '[' | '{' => {
                    depth += 1;
                    parts.last_mut().unwrap().push(c);
                }
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => {
                    depth -= 1;
                    parts.last_mut().unwrap().push(c);
                }
                ',' if depth == 0 => parts.push(String::new()),
                _ => parts.last_mut().unwrap().push(c),
            }
        }
        let names = parts
            .iter()
            .filter_map(|part| {
                let (name, _) = part.split_once('=')?;
                let name = name.trim();
                (!name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')).then(|| name.to_owned())
            })
            .collect();
        Some((id.to_owned(), names))
    }

    #[test]
    fn tr_calls_are_parsed_across_lines() {
        let call = "\n    \"error-io\",\n    action = tr!(\"io-write\"), // a comment, with = in it\n    path = format!(\"{}, {}\", a, b),\n    reason = e.to_string(),\n) + \"x\"";
        let (id, names) = parse_tr_call(call).unwrap();
        assert_eq!(id, "error-io");
        assert_eq!(names, ["action", "path", "reason"].map(String::from).into());
        assert_eq!(parse_tr_call("\"label-hint\")").unwrap().1, BTreeSet::new());
        assert!(parse_tr_call("$id:literal)").is_none());
    }

    /// (c) Every `tr!` call passes exactly the variables its English message uses.
    #[test]
    fn tr_calls_pass_the_variables_the_message_uses() {
        let english = catalogue_messages(EN);
        let library = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut calls = vec![];
        tr_calls_in(&library.join("src"), &mut calls);
        let command_line = library.join("../../src");
        if command_line.is_dir() {
            tr_calls_in(&command_line, &mut calls);
        }
        assert!(calls.len() > 100, "too few tr! calls found: the parser is broken");
        let mut wrong = vec![];
        for (place, id, names) in calls {
            match english.get(&id) {
                Some(variables) if *variables != names => {
                    wrong.push(format!("{place}: {id} passes {names:?}, the message uses {variables:?}"))
                }
                _ => {}
            }
        }
        assert!(wrong.is_empty(), "tr! arguments differ from en/:\n{}", wrong.join("\n"));
    }

    #[test]
    fn arguments_are_substituted_without_isolation_marks() {
        let text = translate("error-contact-not-found", &[("alias", Arg::from("gp-bakker"))]);
        assert!(text.contains("gp-bakker"));
        assert!(!text.contains('\u{2068}'));
    }

    #[test]
    fn locale_names_choose_the_language() {
        for (locale, language) in [
            ("nl_NL.UTF-8", Language::Nl),
            ("nl_BE", Language::Nl),
            ("nl", Language::Nl),
            ("NL_be.utf8", Language::Nl),
            ("fr_BE.UTF-8", Language::Fr),
            ("fr_FR@euro", Language::Fr),
            ("fr", Language::Fr),
            ("C", Language::En),
            ("POSIX", Language::En),
            ("C.UTF-8", Language::En),
            ("en_GB.UTF-8", Language::En),
            ("de_DE.UTF-8", Language::En),
            ("", Language::En),
            // A language whose code merely starts like one of ours.
            ("nds_NL", Language::En),
            ("fur_IT", Language::En),
        ] {
            assert_eq!(Language::from_locale(locale), language, "{locale:?}");
        }
    }

    #[test]
    fn the_first_non_empty_locale_variable_wins() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(Language::from_vars(env(&[])), Language::En);
        assert_eq!(Language::from_vars(env(&[("LANG", "nl_NL.UTF-8")])), Language::Nl);
        assert_eq!(Language::from_vars(env(&[("LC_ALL", "fr_BE.UTF-8"), ("LANG", "nl_NL.UTF-8")])), Language::Fr);
        assert_eq!(Language::from_vars(env(&[("LC_ALL", ""), ("LC_MESSAGES", "fr_BE"), ("LANG", "nl")])), Language::Fr);
        assert_eq!(Language::from_vars(env(&[("LC_ALL", "C"), ("LANG", "nl_NL.UTF-8")])), Language::En);
        assert_eq!(Language::from_vars(env(&[("CAREPOST_LANG", "nl"), ("LC_ALL", "fr_BE")])), Language::Nl);
        assert_eq!(Language::from_vars(env(&[("CAREPOST_LANG", ""), ("LANG", "fr")])), Language::Fr);
    }

    #[test]
    fn language_codes_round_trip() {
        for language in [Language::En, Language::Nl, Language::Fr] {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("de"), None);
        assert_eq!(Language::from_code("nl_NL"), None);
    }

    #[test]
    fn unknown_ids_come_back_verbatim() {
        assert_eq!(translate("no-such-message-id", &[]), "no-such-message-id");
    }
}
