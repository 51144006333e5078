//! The command line: argument definitions only. Behaviour lives in
//! `commands/`, mirroring this tree: the arguments of each command are in
//! `cli/<command>.rs`, those of every verb of an object (`contact`,
//! `mail`, `retention`, `files`) in `cli/<object>.rs`. `tour` and `status`
//! take no arguments of their own; `cli/generate.rs` has those of the
//! hidden packaging commands (`manpages`, `systemd-units`). This file
//! holds `carepost` itself: the global options and the list of commands.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub mod backup;
pub mod completions;
pub mod contact;
pub mod export;
pub mod export_key;
pub mod files;
pub mod generate;
pub mod init;
pub mod leaflet;
mod localize;
pub mod log;
pub mod mail;
pub mod open;
pub mod passphrase;
pub mod publish;
pub mod purge;
pub mod renew;
pub mod report;
pub mod retention;
pub mod revoke;
pub mod send;
pub mod whoami;

use backup::{BackupArgs, RestoreArgs};
use completions::CompletionsArgs;
use contact::ContactCommand;
use export::ExportArgs;
use export_key::ExportKeyArgs;
use files::FilesArgs;
use generate::GenerateArgs;
use init::InitArgs;
use leaflet::LeafletArgs;
use log::LogArgs;
use mail::MailCommand;
use open::OpenArgs;
use passphrase::PassphraseArgs;
use publish::PublishCommand;
use purge::PurgeArgs;
use renew::RenewArgs;
use report::ReportArgs;
use retention::RetentionCommand;
use revoke::RevokeArgs;
use send::SendArgs;
use whoami::WhoamiArgs;

/// `carepost` itself. Its help text is not here: [`command`] sets it from
/// the catalogue.
#[derive(Debug, Parser)]
#[command(name = "carepost", version, propagate_version = true)]
#[command(disable_help_flag = true, disable_version_flag = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after any command.
#[derive(Debug, Args)]
pub struct Global {
    #[arg(long, global = true, env = "CAREPOST_HOME", value_name = "DIR")]
    pub home: Option<PathBuf>,

    #[arg(long, global = true)]
    pub json: bool,

    #[arg(long, global = true, env = "CAREPOST_PASSPHRASE_FILE", value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,

    #[arg(long, global = true, env = "CAREPOST_NO_KEYCHAIN")]
    pub no_keychain: bool,

    #[arg(long, global = true, env = "CAREPOST_SMTP_PASSWORD_FILE", value_name = "FILE")]
    pub smtp_password_file: Option<PathBuf>,

    // Read by `main` before clap parses (help text depends on it); here so
    // that clap accepts it everywhere and reports a bad value.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

/// The values of `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Nl,
    Fr,
    En,
}

impl From<LangArg> for carepost::i18n::Language {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Nl => carepost::i18n::Language::Nl,
            LangArg::Fr => carepost::i18n::Language::Fr,
            LangArg::En => carepost::i18n::Language::En,
        }
    }
}

/// The language `--lang X` or `--lang=X` asks for, found in the raw
/// arguments before clap parses them, since clap's help and errors are
/// already in the chosen language. Scanning stops at `--`; a value that is
/// not a language is left for clap to report.
pub fn lang_from_args<I, S>(args: I) -> Option<carepost::i18n::Language>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut args = args.into_iter();
    let mut found = None;
    while let Some(arg) = args.next() {
        let Some(arg) = arg.as_ref().to_str() else { continue };
        if arg == "--" {
            break;
        }
        let value = if arg == "--lang" {
            args.next().and_then(|v| v.as_ref().to_str().map(str::to_owned))
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            Some(value.to_owned())
        } else {
            continue;
        };
        // The last one wins, as clap takes it.
        found = value.as_deref().and_then(carepost::i18n::Language::from_code);
    }
    found
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(InitArgs),
    Whoami(WhoamiArgs),
    Leaflet(LeafletArgs),
    ExportKey(ExportKeyArgs),
    #[command(subcommand)]
    Contact(ContactCommand),
    Send(SendArgs),
    Open(OpenArgs),
    Tour,
    #[command(subcommand)]
    Retention(RetentionCommand),
    Purge(PurgeArgs),
    #[command(alias = "doctor")]
    Status,
    Log(LogArgs),
    Report(ReportArgs),
    Files(FilesArgs),
    Export(ExportArgs),
    #[command(subcommand)]
    Mail(MailCommand),
    Passphrase(PassphraseArgs),
    #[command(subcommand)]
    Publish(PublishCommand),
    Completions(CompletionsArgs),
    // The identity's lifecycle.
    Renew(RenewArgs),
    Backup(BackupArgs),
    Restore(RestoreArgs),
    Revoke(RevokeArgs),
    // The packaging commands: hidden from help, used by scripts/package-deb.sh.
    #[command(hide = true)]
    Manpages(GenerateArgs),
    #[command(hide = true)]
    SystemdUnits(GenerateArgs),
}

/// The whole command line with its help in the chosen language: build it
/// with this, never with `Cli::command()`, and parse with
/// `Cli::from_arg_matches`.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = localize::help_and_version(localize::localize(Cli::command(), &[]));
    cmd.build();
    localize::localize_help_commands(&mut cmd);
    cmd
}

pub use localize::fix_usage;

/// The command a command line was meant for (`carepost contact add`),
/// for a hint when clap rejected it: the words that name subcommands.
pub fn command_path<I, S>(args: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let root = command();
    let mut current = &root;
    let mut path = vec![root.get_name().to_owned()];
    for arg in args.into_iter().skip(1) {
        let Some(arg) = arg.as_ref().to_str() else { continue };
        if arg == "--" {
            break;
        }
        if let Some(sub) = current.find_subcommand(arg).filter(|s| s.get_name() != "help") {
            path.push(sub.get_name().to_owned());
            current = sub;
        }
    }
    path.join(" ")
}

/// Parses `--retain` durations (`send` and `open`).
pub fn parse_retain(text: &str) -> Result<std::time::Duration, String> {
    carepost::retention::parse_duration(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
        command().debug_assert();
    }

    /// Every command and argument has its text in the catalogue, so no help
    /// can stay outside it (a missing id would show as the id itself).
    #[test]
    fn every_command_and_argument_has_catalogue_text() {
        fn walk(cmd: &clap::Command, path: &[String], missing: &mut Vec<String>) {
            let prefix = localize::prefix(path);
            let mut ids = vec![format!("{prefix}-about")];
            for arg in cmd.get_arguments().filter(|a| !a.is_global_set() || path.is_empty()) {
                if !["help", "version"].contains(&arg.get_id().as_str()) {
                    ids.push(localize::arg_id(path, arg));
                }
                let value_names = if arg.get_action().takes_values() { arg.get_value_names() } else { None };
                for name in value_names.unwrap_or_default() {
                    ids.push(localize::value_id(name));
                }
            }
            missing.extend(ids.into_iter().filter(|id| !carepost::i18n::has_english(id)));
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                let sub_path: Vec<String> = path.iter().cloned().chain([sub.get_name().to_owned()]).collect();
                walk(sub, &sub_path, missing);
            }
        }
        let mut missing = vec![];
        // The derived tree, before its text is set: value names are the English ones.
        walk(&Cli::command(), &[], &mut missing);
        assert!(missing.is_empty(), "help text missing from en/cli.ftl: {missing:?}");
    }

    #[test]
    fn lang_is_found_before_parsing() {
        use carepost::i18n::Language;
        assert_eq!(lang_from_args(["carepost", "--lang", "nl", "whoami"]), Some(Language::Nl));
        assert_eq!(lang_from_args(["carepost", "whoami", "--lang=fr"]), Some(Language::Fr));
        assert_eq!(lang_from_args(["carepost", "--lang", "nl", "--lang", "en"]), Some(Language::En));
        assert_eq!(lang_from_args(["carepost", "--lang", "de"]), None);
        assert_eq!(lang_from_args(["carepost", "--lang"]), None);
        assert_eq!(lang_from_args(["carepost", "send", "--", "--lang", "nl"]), None);
        assert_eq!(lang_from_args(["carepost", "whoami"]), None);
    }
}
