//! `carepost purge`: the arguments for deleting expired documents and for
//! the hourly timer.

use clap::Args;

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// Show what would be deleted, delete nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Install an hourly purge (a systemd user timer on Linux)
    #[arg(long, conflicts_with_all = ["uninstall_timer", "dry_run"])]
    pub install_timer: bool,
    /// Remove the hourly purge
    #[arg(long, conflicts_with = "dry_run")]
    pub uninstall_timer: bool,
    /// Say nothing unless something needs attention (for the timer)
    #[arg(long)]
    pub quiet: bool,
}
