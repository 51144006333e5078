//! `carepost whoami`: the arguments for showing your own fingerprint.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct WhoamiArgs {
    #[arg(long)]
    pub qr: bool,
    #[arg(long, value_name = "FILE")]
    pub qr_svg: Option<PathBuf>,
}
