//! `carepost whoami`: the arguments for showing your own fingerprint.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct WhoamiArgs {
    /// Also draw the fingerprint as a QR code (scan it with OpenKeychain)
    #[arg(long)]
    pub qr: bool,
    /// Write the QR code as an SVG image to FILE, for printing
    #[arg(long, value_name = "FILE")]
    pub qr_svg: Option<PathBuf>,
}
