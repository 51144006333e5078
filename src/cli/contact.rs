//! `carepost contact add|list|show|verify|update|remove`: the verbs and
//! their arguments.

use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// Import a contact's public key under an alias
    Add(ContactAddArgs),
    /// List contacts
    List,
    /// Show one contact in detail
    Show(AliasArg),
    /// Confirm a contact's key by having them read out their fingerprint
    Verify(ContactVerifyArgs),
    /// Replace a contact's key with a newer one
    Update(ContactUpdateArgs),
    /// Remove a contact
    Remove(AliasArg),
}

#[derive(Debug, Args)]
pub struct AliasArg {
    /// The contact's alias
    pub alias: String,
}

#[derive(Debug, Args)]
pub struct ContactAddArgs {
    /// A pseudonymous label: 1-64 of a-z 0-9 . _ - (no patient names)
    pub alias: String,
    /// File with the contact's public key (armored or binary)
    #[arg(long, value_name = "FILE")]
    pub key_file: PathBuf,
    /// The contact is a patient (the default)
    // Accepted because the contract names it; it only spells out the
    // default, so nothing reads it (see `kind`).
    #[arg(long = "patient", conflicts_with = "colleague")]
    _patient: bool,
    /// The contact is a colleague
    #[arg(long)]
    pub colleague: bool,
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

#[derive(Debug, Args)]
pub struct ContactUpdateArgs {
    /// The contact's alias
    pub alias: String,
    /// File with the contact's new public key
    #[arg(long, value_name = "FILE")]
    pub key_file: PathBuf,
}

#[derive(Debug, Args)]
pub struct ContactVerifyArgs {
    /// The contact's alias
    pub alias: String,
    /// The fingerprint as the contact read it out (hex; spaces and colons are fine)
    #[arg(long, value_name = "TEXT", conflicts_with = "words")]
    pub fingerprint: Option<String>,
    /// The fingerprint as PGP words, as the contact read them out
    #[arg(long, value_name = "TEXT")]
    pub words: Option<String>,
    /// How you heard it
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
