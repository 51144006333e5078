//! `carepost report`: the arguments for the practice's accountability
//! record, or one contact's.

use carepost::tr;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, value_name = "DATE", value_parser = super::log::parse_date)]
    pub since: Option<std::time::SystemTime>,
    #[arg(long, value_name = "ALIAS")]
    pub contact: Option<String>,
    #[arg(long, value_name = "DATE", value_parser = parse_day, conflicts_with = "contact")]
    pub evaluate_on: Option<chrono::NaiveDate>,
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u64).range(1..=36500), conflicts_with = "contact")]
    pub verification_age: Option<u64>,
}

/// Parses a day written `2027-12-01`.
pub fn parse_day(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| tr!("report-not-a-day", text = text))
}
