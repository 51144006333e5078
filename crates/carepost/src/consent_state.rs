//! A patient's consent to documents by this channel, as the contact book
//! keeps it: given (and how), withdrawn, or never recorded. Colleagues
//! have no consent record. The rules that use it (recording, refusing a
//! send) are in [`crate::consent`].

use serde::Serialize;

/// Where a patient's consent stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConsentState {
    /// The patient was told about the channel and agreed.
    Given,
    /// The patient took their consent back: nothing is sent to them.
    Withdrawn,
    /// Never recorded (the database holds NULL): nothing is sent yet.
    Missing,
}

impl ConsentState {
    /// The code for JSON and the state database (`missing` is never
    /// stored: it is the absence of a record).
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentState::Given => "given",
            ConsentState::Withdrawn => "withdrawn",
            ConsentState::Missing => "missing",
        }
    }
}

/// How the patient gave consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConsentHow {
    /// Said so, in the consultation or on the phone.
    Verbal,
    /// Signed a form.
    Written,
    /// Agreed in a patient portal.
    Portal,
}

impl ConsentHow {
    pub const ALL: [ConsentHow; 3] = [ConsentHow::Verbal, ConsentHow::Written, ConsentHow::Portal];

    /// The code for the command line, JSON and the state database.
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentHow::Verbal => "verbal",
            ConsentHow::Written => "written",
            ConsentHow::Portal => "portal",
        }
    }

    /// Reads a code (`verbal`, `written`, `portal`).
    pub fn from_name(name: &str) -> Option<ConsentHow> {
        ConsentHow::ALL.into_iter().find(|how| how.as_str() == name)
    }

    /// How consent was given, as a person reads it, in their language.
    pub fn label(self) -> String {
        match self {
            ConsentHow::Verbal => crate::tr!("consent-how-verbal"),
            ConsentHow::Written => crate::tr!("consent-how-written"),
            ConsentHow::Portal => crate::tr!("consent-how-portal"),
        }
    }
}

/// A recorded consent, given or withdrawn, as the database holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRecord {
    /// `Given` or `Withdrawn`; never `Missing`.
    pub state: ConsentState,
    /// How it was given; `None` once withdrawn.
    pub how: Option<ConsentHow>,
    /// When it was given or withdrawn (the `added_at` format).
    pub at: String,
    /// The user's own note (may hold patient details: never logged).
    pub note: Option<String>,
}

/// The contract's JSON form of a patient's consent (`contact show`,
/// `contact list`): `{"state", "how", "at"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsentSummary {
    pub state: ConsentState,
    pub how: Option<ConsentHow>,
    pub at: Option<String>,
}

impl ConsentSummary {
    /// The summary of a patient's record, `missing` when there is none.
    pub fn of(record: Option<&ConsentRecord>) -> ConsentSummary {
        match record {
            Some(record) => ConsentSummary { state: record.state, how: record.how, at: Some(record.at.clone()) },
            None => ConsentSummary { state: ConsentState::Missing, how: None, at: None },
        }
    }

    /// Where consent stands, in words (`contact show`, `report --contact`).
    pub fn describe(&self) -> String {
        let at = self.at.as_deref().map(crate::when::show_date_time).unwrap_or_default();
        match self.state {
            ConsentState::Given => {
                crate::tr!("consent-show-given", how = self.how.map(ConsentHow::label).unwrap_or_default(), date = at)
            }
            ConsentState::Withdrawn => crate::tr!("consent-show-withdrawn", date = at),
            ConsentState::Missing => crate::tr!("consent-show-missing"),
        }
    }
}
