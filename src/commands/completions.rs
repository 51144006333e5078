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
    let mut command = crate::cli::command();
    // Into memory first: clap_complete panics on a failed write, and a
    // closed pipe (`carepost completions bash | head`) is no error here.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "carepost", &mut script);
    out.raw(&script)
}
