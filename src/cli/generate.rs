//! The hidden commands that write the files a package ships beside the
//! binary: `carepost manpages DIR` and `carepost systemd-units DIR`. They
//! are for packaging scripts, so they are left out of `--help`.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct GenerateArgs {
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}
