//! `carepost retention show|set`: the verbs and their arguments.

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum RetentionCommand {
    Show,
    Set {
        #[arg(required = true, value_name = "KEY=DURATION")]
        assignments: Vec<String>,
    },
}
