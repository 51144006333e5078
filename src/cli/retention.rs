//! `carepost retention show|set`: the verbs and their arguments.

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum RetentionCommand {
    /// Show the retention periods
    Show,
    /// Change retention periods, e.g. `sent=30d received=7d` (keys: sent,
    /// received, view, max, log; units: m, h, d, w, y)
    Set {
        #[arg(required = true, value_name = "KEY=DURATION")]
        assignments: Vec<String>,
    },
}
