//! `carepost export`: the arguments for bringing back a sealed document.

use clap::Args;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The sealed document's id (see `carepost files`)
    pub id: i64,
    /// Folder to write it to (default: the home's inbox)
    #[arg(short = 'o', long = "output-dir", value_name = "DIR", conflicts_with = "view")]
    pub output_dir: Option<std::path::PathBuf>,
    /// Show it in a viewer instead of saving it
    #[arg(long)]
    pub view: bool,
}
