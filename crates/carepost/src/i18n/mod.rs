//! User-facing text: every sentence carepost shows lives in a Fluent
//! catalogue (`src/i18n/<language>/*.ftl`), looked up by message id.
//!
//! The language comes from `CAREPOST_LANG`, else `LC_ALL`, `LC_MESSAGES` or
//! `LANG`; a message missing from the chosen catalogue falls back to English.
//! A unit test checks that every id used in the source exists in the English
//! catalogue, so a typo in an id fails the build's tests, not the user.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::OnceLock;
use unic_langid::LanguageIdentifier;

/// Each language's catalogue, one Fluent file per area.
const EN: &[&str] = &[include_str!("en/messages.ftl")];
const NL: &[&str] = &[include_str!("nl/messages.ftl")];
const FR: &[&str] = &[include_str!("fr/messages.ftl")];

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

fn bundle(lang: &str, sources: &[&'static str]) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.parse().expect("static language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminal output: Unicode isolation marks would show up as garbage.
    bundle.set_use_isolating(false);
    for source in sources {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(resource, _errors)| resource);
        bundle.add_resource(resource).expect("message ids are unique within a catalogue");
    }
    bundle
}

/// The language carepost speaks, from the environment.
pub fn language() -> &'static str {
    static LANGUAGE: OnceLock<&'static str> = OnceLock::new();
    LANGUAGE.get_or_init(|| {
        let wanted = ["CAREPOST_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|value| !value.is_empty())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if wanted.starts_with("nl") {
            "nl"
        } else {
            "en"
        }
    })
}

fn catalogues() -> &'static Catalogues {
    static CATALOGUES: OnceLock<Catalogues> = OnceLock::new();
    CATALOGUES.get_or_init(|| Catalogues {
        chosen: (language() == "nl").then(|| bundle("nl", NL)),
        english: bundle("en", EN),
    })
}

fn format_in(bundle: &FluentBundle<FluentResource>, id: &str, args: &FluentArgs) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = message.value()?;
    let mut errors = vec![];
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    Some(text.into_owned())
}

/// Formats message `id`; used through [`tr!`].
pub fn translate(id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.clone())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
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
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.clone())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    format_in(chosen, id, &fluent_args)
        .or_else(|| format_in(english, id, &fluent_args))
        .unwrap_or_else(|| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn ids(sources: &[&str]) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for source in sources {
            let resource = FluentResource::try_new((*source).to_owned())
                .unwrap_or_else(|(_, errors)| panic!("catalogue does not parse: {errors:?}"));
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    assert!(ids.insert(m.id.name.to_owned()), "message id {} appears twice", m.id.name);
                }
            }
        }
        ids
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

    #[test]
    fn dutch_catalogue_only_translates_known_ids() {
        let english = ids(EN);
        let dutch = ids(NL);
        let unknown: Vec<_> = dutch.difference(&english).collect();
        assert!(unknown.is_empty(), "ids in nl/ that en/ lacks: {unknown:?}");
    }

    #[test]
    fn arguments_are_substituted_without_isolation_marks() {
        let text = translate("error-contact-not-found", &[("alias", Arg::from("gp-bakker"))]);
        assert!(text.contains("gp-bakker"));
        assert!(!text.contains('\u{2068}'));
    }

    #[test]
    fn unknown_ids_come_back_verbatim() {
        assert_eq!(translate("no-such-message-id", &[]), "no-such-message-id");
    }
}
