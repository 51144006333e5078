//! `carepost completions SHELL`: prints the completion script for bash,
//! zsh or fish, generated from the same clap definition that parses the
//! command line, so it never lists a command or option that is not there.

use crate::cli::completions::{CompletionsArgs, Shell};
use crate::ui::Output;
use carepost::Error;

pub fn run(args: CompletionsArgs, out: &Output) -> Result<(), Error> {
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    let mut command = without_hidden_commands(crate::cli::command());
    // Into memory first: clap_complete panics on a failed write, and a
    // closed pipe (`carepost completions bash | head`) is no error here.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "carepost", &mut script);
    out.raw(&script)
}

/// `command` without its hidden subcommands (the packaging commands):
/// clap_complete lists hidden subcommands, and a user completing
/// `carepost <TAB>` should see only what `--help` shows. The built tree's
/// `help` command lists every command too, so it is rebuilt the same way.
fn without_hidden_commands(command: clap::Command) -> clap::Command {
    let hidden: Vec<&str> =
        command.get_subcommands().filter(|sub| sub.is_hide_set()).map(|sub| sub.get_name()).collect();
    let keep = |sub: &&clap::Command| !hidden.contains(&sub.get_name());
    let visible: Vec<clap::Command> = command
        .get_subcommands()
        .filter(keep)
        .map(|sub| {
            if sub.get_name() == "help" {
                rebuilt(sub, sub.get_subcommands().filter(keep).cloned().collect())
            } else {
                sub.clone()
            }
        })
        .collect();
    rebuilt(&command, visible)
}

/// A command with `command`'s name, about and arguments, and
/// `subcommands`. `-h`, `-V` and the `help` command are carepost's own,
/// translated (cli::localize), and among what is copied: clap's stay off.
fn rebuilt(command: &clap::Command, subcommands: Vec<clap::Command>) -> clap::Command {
    let mut new = clap::Command::new(command.get_name().to_owned())
        .args(command.get_arguments().cloned())
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .subcommand_required(command.is_subcommand_required_set())
        // `-V` is global, so every copy carries it and needs the version.
        .version(env!("CARGO_PKG_VERSION"));
    if let Some(about) = command.get_about() {
        new = new.about(about.clone());
    }
    new.subcommands(subcommands)
}
