//! `carepost report`: the practice's accountability record for this
//! channel — what carepost is, which personal data it processes, where
//! copies are and for how long, the risks the practice accepted and why,
//! the measures in place, how patients are informed, and when the
//! measures are evaluated next.
//!
//! Every figure is computed from this home's real state: the contact
//! book, the state database (retention, risk acceptances, settings), the
//! audit log and its check. The general report holds counts only — no
//! names, aliases, file names or content — except in the risks section,
//! which is for the practice and names the aliases a risk was accepted
//! for. [`contact`] is the report for one patient (a GDPR access
//! request). [`text`] turns a report into sections of the user's
//! language, [`render`] those sections into Markdown or HTML.

pub mod contact;
pub mod render;
pub mod text;

use crate::audit::{self, Action, Event, Filter, Outcome, Record};
use crate::consent_state::ConsentState;
use crate::error::{Error, Result};
use crate::retention::{self, Policy};
pub use crate::store::RiskAcceptance;
use crate::Context;
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

const DAY: u64 = 86400;
/// The settings key of the evaluation date (`YYYY-MM-DD`).
pub const EVALUATE_ON: &str = "report.evaluate_on";
/// The settings key of the day the first report was made (`YYYY-MM-DD`).
pub const FIRST_REPORT: &str = "report.first_made";
/// A key that expires within this many days is a risk to report.
pub const KEY_EXPIRY_DAYS: u64 = 60;
/// A key not fetched again or replaced for this many days is a risk.
pub const KEY_STALE_DAYS: u64 = 365;
/// The default age past which a verification is reported as old.
pub const VERIFICATION_AGE_DAYS: u64 = 730;
/// The formats carepost produces, as codes (their names are in the
/// catalogue, `report-format-<code>`).
pub const FORMATS: [&str; 4] = ["openpgp-message", "pgp-mime-email", "pdf-aes-256", "openpgp-password"];

/// What the caller asks for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub since: Option<SystemTime>,
    /// Report contacts verified longer ago than this many days.
    pub verification_age_days: Option<u64>,
    /// A new evaluation date (`YYYY-MM-DD`) to store first.
    pub evaluate_on: Option<chrono::NaiveDate>,
}

/// The whole report. Field names are part of the contract (`report --json`).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub generated_at: String,
    pub period: Period,
    pub application: Application,
    pub personal_data: PersonalData,
    pub retention: RetentionFacts,
    pub risks: Risks,
    pub measures: Measures,
    pub patients_informed: PatientsInformed,
    pub evaluation: Evaluation,
}

#[derive(Debug, Clone, Serialize)]
pub struct Period {
    /// `--since`, else the time of the log's first record; `None` for an
    /// empty log.
    pub from: Option<String>,
    pub to: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Application {
    pub name: &'static str,
    pub version: &'static str,
    pub formats: Vec<&'static str>,
    /// Sequoia's own description of the backend compiled in.
    pub crypto_backend: String,
    pub licence: &'static str,
    pub open_source: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PersonalData {
    pub contacts: ContactCounts,
    pub documents: DocumentCounts,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ContactCounts {
    pub patients_with_key: u64,
    pub patients_without_key: u64,
    pub colleagues_with_key: u64,
    pub colleagues_without_key: u64,
}

/// Counts of audit records in the period: one per document and recipient
/// for a send, one per document for an open or a view.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocumentCounts {
    pub sent_by_key: u64,
    pub sent_by_password: u64,
    /// Sends carepost refused (e.g. to an unverified contact).
    pub sends_refused: u64,
    pub opened_by_key: u64,
    pub opened_by_password: u64,
    pub viewed: u64,
    pub sent_sizes: SizeBands,
    pub opened_sizes: SizeBands,
    pub viewed_sizes: SizeBands,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SizeBands {
    pub under_1_mib: u64,
    pub from_1_to_10_mib: u64,
    pub over_10_mib: u64,
}

impl SizeBands {
    fn add(&mut self, size: Option<u64>) {
        const MIB: u64 = 1024 * 1024;
        match size.unwrap_or(0) {
            s if s < MIB => self.under_1_mib += 1,
            s if s <= 10 * MIB => self.from_1_to_10_mib += 1,
            _ => self.over_10_mib += 1,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RetentionFacts {
    pub policy: Policy,
    pub outbox: String,
    pub inbox: String,
    pub sealed: String,
    /// Documents carepost keeps now, by kind (`sent`, `received`, `view`,
    /// `sealed`: received documents kept encrypted under their own key).
    pub kept: BTreeMap<&'static str, u64>,
    /// Kept past their expiry: the next purge deletes them.
    pub overdue: u64,
    /// Every managed file by state (`deleted`, `missing`, `changed`,
    /// `released`, …), since the home was made.
    pub by_state: BTreeMap<&'static str, u64>,
    /// Changed since carepost wrote them: kept until the user decides.
    pub not_deleted_changed: u64,
    pub timer_installed: bool,
    /// `yes`, `no` or `unknown`.
    pub encrypted_volume: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Risks {
    pub unverified_sends: Vec<RiskAcceptance>,
    pub keys_expiring: Vec<KeyRisk>,
    pub keys_not_refreshed: Vec<KeyRisk>,
    pub old_verifications: Vec<OldVerification>,
    pub key_expiry_days: u64,
    pub key_stale_days: u64,
    pub verification_age_days: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct KeyRisk {
    pub alias: String,
    pub expires: Option<String>,
    /// When the key was last fetched again or replaced.
    pub refreshed: String,
    /// Documents sent to the contact in the period.
    pub sends: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct OldVerification {
    pub alias: String,
    pub verified_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Measures {
    /// Every document leaves encrypted; there is no way to turn it off.
    pub encryption_by_default: bool,
    /// Every document carepost sends is signed by the identity.
    pub documents_signed: bool,
    pub contacts_verified: u64,
    pub contacts_unverified: u64,
    /// Key-path sends in the period to verified contacts.
    pub sends_to_verified: u64,
    /// Key-path sends in the period with `--unverified-ok`.
    pub sends_with_override: u64,
    pub audit_intact: bool,
    pub audit_records: u64,
    pub audit_problem: Option<String>,
    pub identity_expires: Option<String>,
    /// `reachable`, `unreachable` or `not used`.
    pub keychain: &'static str,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PatientsInformed {
    pub leaflets: u64,
    /// Leaflets by language code, when the record says it.
    pub leaflets_by_language: BTreeMap<String, u64>,
    /// Consent given and withdrawn in the period (audit records).
    pub consent: ConsentCounts,
    /// Where the patients' consent stands now (the contact book).
    pub patients_by_consent: PatientsByConsent,
}

/// How many patients have consent given, withdrawn, or not recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PatientsByConsent {
    pub given: u64,
    pub withdrawn: u64,
    pub missing: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ConsentCounts {
    pub given: u64,
    pub withdrawn: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `set` (`report --evaluate-on`) or `default` (a year after the
    /// first report).
    pub source: &'static str,
    pub passed: bool,
    pub first_report: String,
}

/// The audit action codes the report counts that other features write.
const LEAFLET: &str = "leaflet";
const CONSENT_GIVE: &str = "consent-give";
const CONSENT_WITHDRAW: &str = "consent-withdraw";

/// Builds the general report (and stores the evaluation date asked for,
/// and the first report's day).
pub fn build(ctx: &mut Context<'_>, options: &Options) -> Result<Report> {
    let now = ctx.now;
    let evaluation = evaluation(ctx, options.evaluate_on)?;
    let records = audit::read(ctx, &Filter { since: options.since, ..Filter::default() })?;
    let first_record = match options.since {
        Some(since) => Some(crate::fmt_time(since)),
        None => records.first().map(|r| r.time.clone()),
    };
    let status = crate::status::status(ctx)?;
    let audit_check = audit::check(ctx)?;
    let (contacts, _damaged) = crate::contacts::list_all(ctx)?;
    let identity_expires = ctx.identity()?.expires_at(ctx.now).map(crate::fmt_time);

    let mut counts = ContactCounts::default();
    let mut patients_by_consent = PatientsByConsent::default();
    for c in &contacts {
        if let Some(consent) = c.consent_summary() {
            *match consent.state {
                ConsentState::Given => &mut patients_by_consent.given,
                ConsentState::Withdrawn => &mut patients_by_consent.withdrawn,
                ConsentState::Missing => &mut patients_by_consent.missing,
            } += 1;
        }
        match (c.kind, c.has_key()) {
            (crate::contacts::Kind::Patient, true) => counts.patients_with_key += 1,
            (crate::contacts::Kind::Patient, false) => counts.patients_without_key += 1,
            (crate::contacts::Kind::Colleague, true) => counts.colleagues_with_key += 1,
            (crate::contacts::Kind::Colleague, false) => counts.colleagues_without_key += 1,
        }
    }
    let documents = document_counts(&records);
    let sends_with_override = records.iter().filter(|r| is_send(r) && !by_password(r) && is_override(r)).count() as u64;
    let sends_to_verified = documents.sent_by_key - sends_with_override;

    let verification_age_days = options.verification_age_days.unwrap_or(VERIFICATION_AGE_DAYS);
    let mut risks = Risks {
        unverified_sends: ctx.store()?.risk_acceptances(options.since.map(crate::fmt_time).as_deref())?,
        keys_expiring: vec![],
        keys_not_refreshed: vec![],
        old_verifications: vec![],
        key_expiry_days: KEY_EXPIRY_DAYS,
        key_stale_days: KEY_STALE_DAYS,
        verification_age_days,
    };
    let store = ctx.store()?;
    for c in contacts.iter().filter(|c| c.has_key()) {
        let expires = c.expires(now);
        let refreshed = store
            .contact(&c.alias)?
            .map(|row| row.refreshed_at.unwrap_or(row.updated_at))
            .unwrap_or_else(|| c.updated_at.clone());
        let sends = records.iter().filter(|r| is_send(r) && r.contact.as_ref() == Some(&c.alias)).count() as u64;
        let risk = KeyRisk { alias: c.alias.clone(), expires: expires.map(crate::fmt_time), refreshed, sends };
        if expires.is_some_and(|t| t <= now + Duration::from_secs(KEY_EXPIRY_DAYS * DAY)) {
            risks.keys_expiring.push(risk.clone());
        }
        if crate::parse_time(&risk.refreshed).is_some_and(|t| t + Duration::from_secs(KEY_STALE_DAYS * DAY) < now) {
            risks.keys_not_refreshed.push(risk);
        }
        if let Some(v) = &c.verification {
            if v.at + Duration::from_secs(verification_age_days * DAY) < now {
                risks
                    .old_verifications
                    .push(OldVerification { alias: c.alias.clone(), verified_at: crate::fmt_time(v.at) });
            }
        }
    }
    let contacts_verified = contacts.iter().filter(|c| c.is_verified()).count() as u64;
    let contacts_unverified = contacts.iter().filter(|c| c.has_key() && !c.is_verified()).count() as u64;

    let by_state = retention::state_counts(ctx)?;
    let f = &status.files;
    let kept = BTreeMap::from([("sent", f.sent), ("received", f.received), ("view", f.view), ("sealed", f.sealed)]);
    let retention = RetentionFacts {
        policy: retention::policy(ctx)?,
        outbox: status.outbox.clone(),
        inbox: status.inbox.clone(),
        sealed: ctx.home.sealed().display().to_string(),
        kept,
        overdue: f.overdue,
        not_deleted_changed: f.needs_decision,
        by_state: by_state.into_iter().map(|(state, n)| (state.code(), n)).collect(),
        timer_installed: status.timer_installed,
        encrypted_volume: status.encrypted_volume,
    };
    let mut informed =
        PatientsInformed { consent: consent_counts(&records), patients_by_consent, ..Default::default() };
    for r in records.iter().filter(|r| r.action == LEAFLET && r.outcome == "success") {
        informed.leaflets += 1;
        if let Some(lang) = r.detail.as_deref().and_then(leaflet_language) {
            *informed.leaflets_by_language.entry(lang).or_default() += 1;
        }
    }
    Ok(Report {
        generated_at: crate::fmt_time(now),
        period: Period { from: first_record, to: crate::fmt_time(now) },
        application: application(),
        personal_data: PersonalData { contacts: counts, documents },
        retention,
        risks,
        measures: Measures {
            encryption_by_default: true,
            documents_signed: true,
            contacts_verified,
            contacts_unverified,
            sends_to_verified,
            sends_with_override,
            audit_intact: audit_check.intact,
            audit_records: audit_check.records,
            audit_problem: audit_check.problem,
            identity_expires,
            keychain: status.keychain,
        },
        patients_informed: informed,
        evaluation,
    })
}

/// What carepost is, from the build itself.
pub fn application() -> Application {
    Application {
        name: "carepost",
        version: env!("CARGO_PKG_VERSION"),
        formats: FORMATS.to_vec(),
        crypto_backend: sequoia_openpgp::crypto::backend(),
        licence: env!("CARGO_PKG_LICENSE"),
        open_source: true,
    }
}

fn is_send(r: &Record) -> bool {
    r.action == Action::Send.code() && r.outcome == "success"
}

fn by_password(r: &Record) -> bool {
    r.detail.as_deref().is_some_and(|d| d.split(' ').any(|w| w == "path=password") || d.contains("; by-password"))
}

fn is_override(r: &Record) -> bool {
    r.detail.as_deref().is_some_and(|d| d.contains("unverified-ok:"))
}

fn document_counts(records: &[Record]) -> DocumentCounts {
    let mut d = DocumentCounts::default();
    for r in records {
        let success = r.outcome == "success";
        match r.action.as_str() {
            "send" if success => {
                if by_password(r) {
                    d.sent_by_password += 1;
                } else {
                    d.sent_by_key += 1;
                }
                d.sent_sizes.add(r.document_size);
            }
            "send" if r.outcome == "refused" => d.sends_refused += 1,
            "open" if success => {
                if by_password(r) {
                    d.opened_by_password += 1;
                } else {
                    d.opened_by_key += 1;
                }
                d.opened_sizes.add(r.document_size);
            }
            "view" if success => {
                d.viewed += 1;
                d.viewed_sizes.add(r.document_size);
            }
            _ => {}
        }
    }
    d
}

/// Consent given and withdrawn in `records`, counted from the audit
/// actions `consent-give` and `consent-withdraw`.
pub fn consent_counts(records: &[Record]) -> ConsentCounts {
    let count = |code: &str| records.iter().filter(|r| r.action == code && r.outcome == "success").count() as u64;
    ConsentCounts { given: count(CONSENT_GIVE), withdrawn: count(CONSENT_WITHDRAW) }
}

/// The language a leaflet record names: `leaflet` writes its detail as
/// `language CODE`, then `; key` or `; password` when made for a contact.
fn leaflet_language(detail: &str) -> Option<String> {
    let code = detail.strip_prefix("language ")?.split(';').next()?.trim();
    crate::i18n::Language::from_code(code).map(|_| code.to_owned())
}

/// The evaluation date: stores `set` first if given, and the first
/// report's day if this is the first report.
fn evaluation(ctx: &mut Context<'_>, set: Option<chrono::NaiveDate>) -> Result<Evaluation> {
    let today = chrono::DateTime::<chrono::Utc>::from(ctx.now).date_naive();
    let store = ctx.store()?;
    let first = match store.setting(FIRST_REPORT)?.and_then(|d| parse_day(&d)) {
        Some(day) => day,
        None => {
            store.set_setting(FIRST_REPORT, &today.to_string())?;
            today
        }
    };
    if let Some(day) = set {
        store.set_setting(EVALUATE_ON, &day.to_string())?;
    }
    let (date, source) = match store.setting(EVALUATE_ON)?.and_then(|d| parse_day(&d)) {
        Some(day) => (day, "set"),
        None => (first.checked_add_months(chrono::Months::new(12)).unwrap_or(first), "default"),
    };
    Ok(Evaluation { date: date.to_string(), source, passed: date < today, first_report: first.to_string() })
}

fn parse_day(text: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Records that a report was made: the form, and the contact for one
/// patient's report.
pub fn record_made(ctx: &mut Context<'_>, form: &str, contact: Option<&str>) -> Result<()> {
    let mut event = Event::new(Action::Report, Outcome::Success).detail(form);
    event.contact = contact.map(str::to_owned);
    audit::record(ctx, event)?;
    Ok(())
}

/// Refuses an evaluation date before today's as a usage error: it would
/// only ever show as passed.
pub fn check_evaluation_date(ctx: &Context<'_>, day: chrono::NaiveDate) -> Result<()> {
    let today = chrono::DateTime::<chrono::Utc>::from(ctx.now).date_naive();
    if day < today {
        return Err(Error::Usage(crate::tr!("report-evaluate-past", date = day.to_string())));
    }
    Ok(())
}
