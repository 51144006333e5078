//! `carepost publish wkd|keyserver`: the verbs that publish the practice's keys and
//! their arguments.

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum PublishCommand {
    Wkd(PublishWkdArgs),
    Keyserver(PublishKeyserverArgs),
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

#[derive(Debug, Args)]
pub struct PublishKeyserverArgs {
    #[arg(long, value_name = "URL")]
    pub server: Option<String>,
    #[command(flatten)]
    pub net: crate::cli::contact::NetArgs,
}
