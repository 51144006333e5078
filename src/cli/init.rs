//! `carepost init`: the arguments for creating this home's identity.

use clap::Args;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Your name as contacts should see it, e.g. "Dr. A. Jansen"
    #[arg(long)]
    pub name: String,
    /// Your email address
    #[arg(long)]
    pub email: String,
}
