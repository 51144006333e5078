//! `carepost init`: the arguments for creating this home's identity.

use clap::Args;

#[derive(Debug, Args)]
pub struct InitArgs {
    #[arg(long)]
    pub name: String,
    #[arg(long)]
    pub email: String,
    /// A new identity in place of the revoked one.
    #[arg(long)]
    pub replace: bool,
}
