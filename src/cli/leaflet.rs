//! `carepost leaflet`: the arguments for the printable patient leaflet.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct LeafletArgs {
    #[arg(long = "for", id = "for", value_name = "ALIAS")]
    pub contact: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub practice: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub reach: Option<String>,
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}
