//! The `carepost` command: parses arguments, runs one command against the
//! library, prints the result, and turns errors into the contract's exit
//! codes. All behaviour lives in the library and in `commands/`.

#![forbid(unsafe_code)]

mod cli;
mod commands;
mod ui;

use clap::FromArgMatches;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Before anything secret is read (argument parsing reads no secret).
    carepost::hardening::disable_core_dumps();
    // Before the first message: clap's help and errors are in it.
    let language = cli::lang_from_args(std::env::args_os()).unwrap_or_else(carepost::i18n::Language::from_env);
    carepost::i18n::set_language(language);
    let parsed = cli::command().try_get_matches().and_then(|matches| cli::Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => return ui::report_usage_error(&error),
    };
    let output = ui::Output { json: cli.global.json };
    match commands::run(cli, &output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            ui::report_error(&error, output.json);
            ExitCode::from(error.exit_status().code() as u8)
        }
    }
}
