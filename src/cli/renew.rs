//! `carepost renew`: the arguments for extending the identity's validity.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct RenewArgs {
    #[arg(long, value_name = "YEARS", default_value_t = carepost::renew::DEFAULT_YEARS,
          value_parser = clap::value_parser!(u32).range(1..=i64::from(carepost::renew::MAX_YEARS)))]
    pub years: u32,
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
