//! `carepost files`, `files release` and `files delete`: the arguments for
//! the files carepost manages. Without a verb the command lists them.

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct FilesArgs {
    #[arg(long)]
    pub all: bool,
    #[command(subcommand)]
    pub action: Option<FilesAction>,
}

#[derive(Debug, Subcommand)]
pub enum FilesAction {
    Release { id: i64 },
    Delete { id: i64 },
}
