//! `carepost revoke`: the arguments for declaring this home's identity no
//! longer valid.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct RevokeArgs {
    #[arg(long, value_enum)]
    pub reason: ReasonArg,
    #[arg(long, value_name = "TEXT")]
    pub message: Option<String>,
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub yes: bool,
}

/// The values of `--reason`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReasonArg {
    Compromised,
    Superseded,
    Retired,
}

impl From<ReasonArg> for carepost::revoke::Reason {
    fn from(reason: ReasonArg) -> Self {
        match reason {
            ReasonArg::Compromised => carepost::revoke::Reason::Compromised,
            ReasonArg::Superseded => carepost::revoke::Reason::Superseded,
            ReasonArg::Retired => carepost::revoke::Reason::Retired,
        }
    }
}
