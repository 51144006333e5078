//! `carepost files`, `files release` and `files delete`: the arguments for
//! the files carepost manages. Without a verb the command lists them.

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct FilesArgs {
    /// Include files already deleted, gone or changed
    #[arg(long)]
    pub all: bool,
    #[command(subcommand)]
    pub action: Option<FilesAction>,
}

#[derive(Debug, Subcommand)]
pub enum FilesAction {
    /// Take one file out of carepost's care: it stays, and is never deleted
    Release {
        /// The file's id (see `carepost files`)
        id: i64,
    },
    /// Delete one document now, before its expiry (only if unchanged)
    Delete {
        /// The file's id (see `carepost files`)
        id: i64,
    },
}
