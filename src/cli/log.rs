//! `carepost log`: the arguments for showing, checking and rebuilding from
//! the audit log.

use carepost::tr;
use clap::Args;

#[derive(Debug, Args)]
pub struct LogArgs {
    #[arg(long, conflicts_with_all = ["since", "action", "contact"])]
    pub check: bool,
    #[arg(long, conflicts_with_all = ["check", "since", "action", "contact"])]
    pub rebuild_state: bool,
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<std::time::SystemTime>,
    #[arg(long, value_name = "ACTION")]
    pub action: Option<String>,
    #[arg(long, value_name = "ALIAS")]
    pub contact: Option<String>,
}

/// Parses `2026-11-01` or a full RFC 3339 time.
pub fn parse_date(text: &str) -> Result<std::time::SystemTime, String> {
    if let Some(t) = carepost::parse_time(text) {
        return Ok(t);
    }
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|dt| std::time::SystemTime::from(dt.and_utc()))
        .ok_or_else(|| tr!("cli-error-not-a-date", text = text))
}
