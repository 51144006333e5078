//! `carepost backup` and `carepost restore`: the arguments for carrying
//! the home to another computer.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    #[arg(long, value_name = "FILE")]
    pub recovery_code_file: Option<PathBuf>,
    #[arg(long)]
    pub with_documents: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[arg(long, value_name = "FILE")]
    pub recovery_code_file: Option<PathBuf>,
}
