//! `carepost contact add|list|show|verify|update|remove|check|find|sources|refresh|consent`: the verbs and
//! their arguments.

use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    Add(ContactAddArgs),
    List,
    Show(AliasArg),
    Verify(ContactVerifyArgs),
    Update(ContactUpdateArgs),
    Remove(AliasArg),
    Check(AliasArg),
    Find(ContactFindArgs),
    Sources(ContactSourcesArgs),
    Refresh(ContactRefreshArgs),
    Consent(ContactConsentArgs),
}

/// What every command that goes on the network takes (`contact find`,
/// and the commands that fetch or publish keys).
#[derive(Debug, Clone, Default, Args)]
pub struct NetArgs {
    #[arg(long, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
}

impl NetArgs {
    pub fn options(&self) -> carepost::net::NetOptions {
        carepost::net::NetOptions { ca_file: self.ca_file.clone() }
    }
}

#[derive(Debug, Args)]
pub struct ContactFindArgs {
    pub address: String,
    #[command(flatten)]
    pub net: NetArgs,
}

#[derive(Debug, Args)]
pub struct ContactSourcesArgs {
    #[arg(long, value_name = "LIST")]
    pub set: Option<String>,
}

#[derive(Debug, Args)]
pub struct ContactRefreshArgs {
    #[arg(value_name = "ALIAS")]
    pub aliases: Vec<String>,
    #[command(flatten)]
    pub net: NetArgs,
}

#[derive(Debug, Args)]
pub struct AliasArg {
    pub alias: String,
}

/// Neither `--key-file` nor `--email` nor `--no-key`: asked on a
/// terminal, a usage error elsewhere.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("key").args(["key_file", "email"])))]
pub struct ContactAddArgs {
    pub alias: String,
    #[arg(long, value_name = "FILE")]
    pub key_file: Option<PathBuf>,
    /// With `--no-key`, the address is kept for mail delivery and not
    /// looked up.
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,
    #[arg(long, conflicts_with = "key_file")]
    pub no_key: bool,
    #[command(flatten)]
    pub net: NetArgs,
    // Accepted because the contract names it; it only spells out the
    // default, so nothing reads it (see `kind`).
    #[arg(long = "patient", conflicts_with = "colleague")]
    _patient: bool,
    #[arg(long)]
    pub colleague: bool,
    /// How the patient consented, after being told about the channel;
    /// without it, asked on a terminal.
    #[arg(long, value_enum, value_name = "HOW")]
    pub consent: Option<ConsentHowArg>,
    #[arg(long, value_name = "TEXT", requires = "consent")]
    pub consent_note: Option<String>,
}

impl ContactAddArgs {
    /// What the flags make the contact: a patient unless `--colleague`.
    pub fn kind(&self) -> carepost::contacts::Kind {
        if self.colleague {
            carepost::contacts::Kind::Colleague
        } else {
            carepost::contacts::Kind::Patient
        }
    }
}

/// `contact consent ALIAS --give HOW | --withdraw [--note TEXT]`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("change").args(["give", "withdraw"]).required(true)))]
pub struct ContactConsentArgs {
    pub alias: String,
    #[arg(long, value_enum, value_name = "HOW")]
    pub give: Option<ConsentHowArg>,
    #[arg(long)]
    pub withdraw: bool,
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

/// How a patient gave consent.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ConsentHowArg {
    Verbal,
    Written,
    Portal,
}

impl From<ConsentHowArg> for carepost::consent_state::ConsentHow {
    fn from(how: ConsentHowArg) -> Self {
        match how {
            ConsentHowArg::Verbal => carepost::consent_state::ConsentHow::Verbal,
            ConsentHowArg::Written => carepost::consent_state::ConsentHow::Written,
            ConsentHowArg::Portal => carepost::consent_state::ConsentHow::Portal,
        }
    }
}

#[derive(Debug, Args)]
pub struct ContactUpdateArgs {
    pub alias: String,
    #[arg(long, value_name = "FILE")]
    pub key_file: PathBuf,
    /// A key-transition statement signed by the old and the new key.
    #[arg(long, value_name = "FILE")]
    pub transition: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ContactVerifyArgs {
    pub alias: String,
    #[arg(long, value_name = "TEXT", conflicts_with = "words")]
    pub fingerprint: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub words: Option<String>,
    #[arg(long, value_enum, default_value_t = MethodArg::Phone)]
    pub method: MethodArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MethodArg {
    Phone,
    InPerson,
    Video,
}

impl From<MethodArg> for carepost::verify::Method {
    fn from(m: MethodArg) -> Self {
        match m {
            MethodArg::Phone => carepost::verify::Method::Phone,
            MethodArg::InPerson => carepost::verify::Method::InPerson,
            MethodArg::Video => carepost::verify::Method::Video,
        }
    }
}
