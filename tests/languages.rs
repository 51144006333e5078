//! The command line speaks the user's language: `--help` of every command
//! and clap's usage errors under a Dutch or French locale (or `--lang`)
//! contain none of clap's English and no English sentence of `cli.ftl`;
//! `LC_ALL` wins over `LANG`, and `--lang` over both.

mod common;

use std::process::{Command, Output};

/// clap's own English, which must never reach a Dutch or French user.
const CLAP_ENGLISH: &[&str] = &[
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "Print help",
    "Print version",
    "[OPTIONS]",
    "<COMMAND>",
    "[COMMAND]",
    "possible values",
    "For more information",
    "[env:",
    "[default:",
    "[alias",
    "subcommand",
    "unexpected argument",
    "required arguments",
    "invalid value",
];

/// A way to ask for a language: its name, the environment, extra arguments.
type Setting = (&'static str, &'static [(&'static str, &'static str)], &'static [&'static str]);

/// The settings that must give Dutch or French.
const NON_ENGLISH: &[Setting] = &[
    ("nl via LANG", &[("LANG", "nl_NL.UTF-8")], &[]),
    ("fr via LANG", &[("LANG", "fr_BE.UTF-8")], &[]),
    ("nl via --lang", &[("LANG", "C")], &["--lang", "nl"]),
    ("fr via --lang=", &[("LANG", "en_GB.UTF-8")], &["--lang=fr"]),
];

/// `carepost ARGS` with only the given environment (no CAREPOST_LANG).
fn carepost(env: &[(&str, &str)], args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("carepost"));
    cmd.env_clear().env("CAREPOST_NO_KEYCHAIN", "true").current_dir(home.path());
    for (name, value) in env {
        cmd.env(name, value);
    }
    cmd.args(args).output().unwrap()
}

/// The English help sentences: every `cli-*` value of several words.
fn english_sentences() -> Vec<String> {
    let catalogue = include_str!("../crates/carepost/src/i18n/en/cli.ftl");
    let sentences: Vec<String> = catalogue
        .lines()
        .filter(|l| l.starts_with("cli-"))
        .filter_map(|l| l.split_once(" = ").map(|(_, value)| value.trim().to_owned()))
        // Only the text up to the first variable: that part is fixed.
        .map(|value| value.split("{ $").next().unwrap_or_default().trim().to_owned())
        .filter(|value| value.split_whitespace().count() >= 3)
        .collect();
    assert!(sentences.len() > 80, "cli.ftl has fewer sentences than expected");
    sentences
}

/// Help text with its line wrapping undone, so a sentence wrapped over two
/// lines is found too.
fn unwrapped(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_not_english(what: &str, text: &str, sentences: &[String]) {
    for clap in CLAP_ENGLISH {
        assert!(!text.contains(clap), "{what}: clap's English {clap:?} in\n{text}");
    }
    let flat = unwrapped(text);
    for sentence in sentences {
        assert!(!flat.contains(sentence.as_str()), "{what}: English {sentence:?} untranslated in\n{text}");
    }
}

/// Every command path from the English help (`help` is run in
/// `help_command_is_translated`).
fn every_command() -> Vec<Vec<String>> {
    let mut all = vec![];
    let mut queue = vec![vec![]];
    while let Some(path) = queue.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let out = carepost(&[("LANG", "C")], &args);
        assert_eq!(common::code(&out), 0, "{args:?}");
        for sub in common::listed_commands(&common::stdout(&out)) {
            queue.push(path.iter().cloned().chain([sub]).collect());
        }
        all.push(path);
    }
    assert!(all.len() > 25, "found only {} commands: {all:?}", all.len());
    all
}

#[test]
fn help_of_every_command_is_translated() {
    let sentences = english_sentences();
    let commands = every_command();
    for (what, env, extra) in NON_ENGLISH {
        for path in &commands {
            let mut args: Vec<&str> = extra.to_vec();
            args.extend(path.iter().map(String::as_str));
            args.push("--help");
            let out = carepost(env, &args);
            assert_eq!(common::code(&out), 0, "{what} {args:?}: {}", common::stderr(&out));
            assert_not_english(&format!("{what} {args:?}"), &common::stdout(&out), &sentences);
        }
    }
}

#[test]
fn help_command_is_translated() {
    let sentences = english_sentences();
    for (what, env, extra) in NON_ENGLISH {
        for args in [&["help"][..], &["help", "send"], &["help", "help"], &["contact", "help", "verify"]] {
            let args: Vec<&str> = extra.iter().chain(args).copied().collect();
            let out = carepost(env, &args);
            assert_eq!(common::code(&out), 0, "{what} {args:?}");
            assert_not_english(&format!("{what} {args:?}"), &common::stdout(&out), &sentences);
        }
    }
}

#[test]
fn usage_errors_are_translated_and_exit_2() {
    let sentences = english_sentences();
    let errors: &[&[&str]] = &[
        &[],
        &["frobnicate"],
        &["contcat", "list"],
        &["send", "brief.pdf"],
        &["init", "--name", "Dr. A. Jansen"],
        &["contact", "verify", "p-1", "--method", "carrier-pigeon"],
        &["--version-of-the-day"],
        &["open", "x.pgp", "--view", "--sealed"],
        &["open", "x.pgp", "--max-size", "lots"],
        &["log", "--since", "yesterday"],
        &["mail", "setup", "--host", "h", "--port", "0", "--user", "u", "--from", "a@example.org"],
        &["contact"],
    ];
    for (what, env, extra) in NON_ENGLISH {
        for args in errors {
            let args: Vec<&str> = extra.iter().chain(args.iter()).copied().collect();
            let out = carepost(env, &args);
            let stderr = common::stderr(&out);
            assert_eq!(common::code(&out), 2, "{what} {args:?}: {stderr}");
            assert!(common::stdout(&out).is_empty(), "{what} {args:?}");
            assert_not_english(&format!("{what} {args:?}"), &stderr, &sentences);
        }
    }
}

#[test]
fn usage_errors_name_the_problem_and_what_to_do() {
    let out = carepost(&[("LANG", "nl_BE.UTF-8")], &["--version-of-the-day"]);
    let stderr = common::stderr(&out);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].starts_with("fout: ") && lines[0].contains("--version-of-the-day"), "{stderr}");
    assert!(lines[1].starts_with("tip: bedoelde u --version?"), "{stderr}");

    let out = carepost(&[("LANG", "fr_BE.UTF-8")], &["contact", "verify", "p-1", "--method", "pigeon"]);
    let stderr = common::stderr(&out);
    assert!(stderr.contains("'pigeon'") && stderr.contains("phone, in-person, video"), "{stderr}");

    // A value parser's own message, from the catalogue.
    let out = carepost(&[("LANG", "nl_NL.UTF-8")], &["open", "x.pgp", "--max-size", "lots"]);
    assert!(common::stderr(&out).contains("'lots' is geen grootte"), "{}", common::stderr(&out));
}

#[test]
fn usage_errors_under_json_are_one_json_object() {
    let out = carepost(&[("LANG", "fr_BE.UTF-8")], &["--json", "send", "brief.pdf"]);
    assert_eq!(common::code(&out), 2);
    let json: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    assert_eq!(json["error"]["code"], 2);
    assert!(json["error"]["message"].as_str().unwrap().contains("--to"), "{json}");
    assert!(json["error"]["hint"].as_str().unwrap().contains("carepost send"), "{json}");
}

#[test]
fn lc_all_wins_over_lang_and_lang_flag_over_both() {
    let env = [("LC_ALL", "fr_BE.UTF-8"), ("LANG", "nl_NL.UTF-8")];
    let french = common::stdout(&carepost(&env, &["--help"]));
    assert!(french.contains("Utilisation :") && french.contains("Commandes :"), "{french}");

    let env = [("LC_ALL", "fr_BE.UTF-8"), ("LC_MESSAGES", "nl_BE"), ("LANG", "nl_NL.UTF-8")];
    for args in [&["--lang", "en", "--help"][..], &["send", "--help", "--lang=en"]] {
        let english = common::stdout(&carepost(&env, args));
        assert!(english.contains("Usage: carepost") && english.contains("Options:"), "{english}");
    }

    // An empty LC_ALL does not count: LC_MESSAGES is next.
    let env = [("LC_ALL", ""), ("LC_MESSAGES", "nl_BE.UTF-8"), ("LANG", "fr_BE.UTF-8")];
    assert!(common::stdout(&carepost(&env, &["--help"])).contains("Gebruik:"));
}

#[test]
fn a_bad_lang_is_a_usage_error_in_the_environments_language() {
    let out = carepost(&[("LANG", "nl_NL.UTF-8")], &["--lang", "de", "whoami"]);
    assert_eq!(common::code(&out), 2);
    let stderr = common::stderr(&out);
    assert!(stderr.starts_with("fout: 'de' is geen geldige waarde voor --lang"), "{stderr}");
    assert!(stderr.contains("nl, fr, en"), "{stderr}");
}
