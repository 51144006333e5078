//! `carepost export`: the arguments for bringing back a sealed document.

use clap::Args;

#[derive(Debug, Args)]
pub struct ExportArgs {
    pub id: i64,
    #[arg(short = 'o', long = "output-dir", value_name = "DIR", conflicts_with = "view")]
    pub output_dir: Option<std::path::PathBuf>,
    #[arg(long)]
    pub view: bool,
}
