//! `carepost purge`: the arguments for deleting expired documents and for
//! the hourly timer.

use clap::Args;

#[derive(Debug, Args)]
pub struct PurgeArgs {
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, conflicts_with_all = ["uninstall_timer", "dry_run"])]
    pub install_timer: bool,
    #[arg(long, conflicts_with = "dry_run")]
    pub uninstall_timer: bool,
    #[arg(long)]
    pub quiet: bool,
}
