//! `carepost publish wkd`: the verbs that publish the practice's keys and
//! their arguments.

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum PublishCommand {
    Wkd(PublishWkdArgs),
}

#[derive(Debug, Args)]
pub struct PublishWkdArgs {
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    #[arg(long, value_name = "DOMAIN")]
    pub domain: Option<String>,
    #[arg(long, value_name = "ALIAS")]
    pub contact: Vec<String>,
}
