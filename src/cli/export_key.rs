//! `carepost export-key`: the arguments for writing your public key.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExportKeyArgs {
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
