//! `carepost log`: the arguments for showing, checking and rebuilding from
//! the audit log.

use clap::Args;

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Verify the whole log: exit 0 when intact, 4 when it was changed
    #[arg(long, conflicts_with_all = ["since", "action", "contact"])]
    pub check: bool,
    /// Rebuild the state database from the audit log after it was lost
    /// or replaced by an older copy: the log's head and the documents in
    /// the inbox and outbox (contacts must be added again)
    #[arg(long, conflicts_with_all = ["check", "since", "action", "contact"])]
    pub rebuild_state: bool,
    /// Only records from this date or time on (e.g. 2026-11-01)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<std::time::SystemTime>,
    /// Only records of this action (e.g. send, open, verify, purge)
    #[arg(long, value_name = "ACTION")]
    pub action: Option<String>,
    /// Only records about this contact
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
        .ok_or_else(|| carepost::tr!("value-bad-date", given = text))
}
