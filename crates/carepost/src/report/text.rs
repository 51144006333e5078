//! A report's figures as sections in the user's language (every word
//! from the `report` catalogue area), ready for [`super::render`].

use super::contact::ContactReport;
use super::render::{Doc, Note, Section, Table};
use super::Report;
use crate::retention::describe_duration;
use crate::{tr, when};

fn date(stored: &str) -> String {
    when::show_date(stored)
}

fn day(text: &str) -> String {
    match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0)) {
        Some(dt) => when::date_in(&dt.and_utc(), crate::i18n::language().code()),
        None => crate::safe::Safe(text).to_string(),
    }
}

fn field(label: String, value: impl ToString) -> (String, String) {
    (label, value.to_string())
}

fn format_name(code: &str) -> String {
    match code {
        "openpgp-message" => tr!("report-format-openpgp-message"),
        "pgp-mime-email" => tr!("report-format-pgp-mime-email"),
        "pdf-aes-256" => tr!("report-format-pdf-aes-256"),
        "openpgp-password" => tr!("report-format-openpgp-password"),
        other => other.to_owned(),
    }
}

fn yes_no_unknown(code: &str) -> String {
    match code {
        "yes" => tr!("word-yes"),
        "no" => tr!("word-no"),
        _ => tr!("word-unknown"),
    }
}

fn keychain(code: &str) -> String {
    match code {
        "not used" => tr!("status-keychain-not-used"),
        "reachable" => tr!("status-keychain-reachable"),
        "unreachable" => tr!("status-keychain-unreachable"),
        other => other.to_owned(),
    }
}

/// The audit log's state as one line.
fn audit_line(report: &Report) -> String {
    let m = &report.measures;
    match &m.audit_problem {
        None if m.audit_intact => tr!("report-audit-intact", count = m.audit_records),
        problem => tr!("report-audit-broken", problem = problem.clone().unwrap_or_default()),
    }
}

fn period(from: &Option<String>, to: &str) -> String {
    match from {
        Some(from) => tr!("report-period-value", from = date(from), to = date(to)),
        None => tr!("report-period-empty", to = date(to)),
    }
}

/// The general report as a document.
pub fn general(report: &Report) -> Doc {
    let period = period(&report.period.from, &report.period.to);
    Doc {
        lang: crate::i18n::language().code(),
        title: tr!("report-title"),
        subtitle: tr!("report-subtitle", date = date(&report.generated_at), period = period.clone()),
        sections: vec![
            application(report, period),
            personal_data(report),
            copies(report),
            risks(report),
            measures(report),
            informed(report),
            evaluation(report),
        ],
    }
}

fn application(report: &Report, period: String) -> Section {
    let a = &report.application;
    let formats: Vec<String> = a.formats.iter().map(|f| format_name(f)).collect();
    Section {
        title: tr!("report-application-title"),
        intro: Some(tr!("report-application-purpose")),
        fields: vec![
            field(tr!("report-application-version"), format!("{} {}", a.name, a.version)),
            field(tr!("report-application-formats"), formats.join("; ")),
            field(
                tr!("report-application-backend"),
                tr!("report-application-backend-value", backend = &a.crypto_backend),
            ),
            field(tr!("report-application-supplier"), tr!("report-application-supplier-value", licence = a.licence)),
            field(tr!("report-application-period"), period),
        ],
        ..Default::default()
    }
}

fn personal_data(report: &Report) -> Section {
    let c = &report.personal_data.contacts;
    let d = &report.personal_data.documents;
    let bands = |label: String, b: &super::SizeBands| {
        vec![label, b.under_1_mib.to_string(), b.from_1_to_10_mib.to_string(), b.over_10_mib.to_string()]
    };
    Section {
        title: tr!("report-data-title"),
        intro: Some(tr!("report-data-intro")),
        fields: vec![
            field(
                tr!("report-data-patients"),
                tr!("report-data-patients-value", with_key = c.patients_with_key, without_key = c.patients_without_key),
            ),
            field(
                tr!("report-data-colleagues"),
                tr!(
                    "report-data-colleagues-value",
                    with_key = c.colleagues_with_key,
                    without_key = c.colleagues_without_key
                ),
            ),
            field(
                tr!("report-data-sent"),
                tr!("report-data-sent-value", key = d.sent_by_key, password = d.sent_by_password),
            ),
            field(tr!("report-data-refused"), d.sends_refused),
            field(
                tr!("report-data-opened"),
                tr!("report-data-opened-value", key = d.opened_by_key, password = d.opened_by_password),
            ),
            field(tr!("report-data-viewed"), d.viewed),
        ],
        tables: vec![Table {
            caption: Some(tr!("report-size-caption")),
            head: vec![
                tr!("report-size-what"),
                tr!("report-size-small"),
                tr!("report-size-medium"),
                tr!("report-size-large"),
            ],
            rows: vec![
                bands(tr!("report-size-sent"), &d.sent_sizes),
                bands(tr!("report-size-opened"), &d.opened_sizes),
                bands(tr!("report-size-viewed"), &d.viewed_sizes),
            ],
            empty: String::new(),
        }],
        notes: vec![],
    }
}

fn copies(report: &Report) -> Section {
    let r = &report.retention;
    let p = &r.policy;
    let state = |code: &str| r.by_state.get(code).copied().unwrap_or(0);
    let kept = |code: &str| r.kept.get(code).copied().unwrap_or(0);
    let mut notes = vec![];
    if r.overdue > 0 || !r.timer_installed {
        notes.push(Note { text: tr!("report-copies-hint-purge"), warning: true });
    }
    if r.encrypted_volume != "yes" {
        notes.push(Note { text: tr!("report-copies-hint-volume"), warning: true });
    }
    Section {
        title: tr!("report-copies-title"),
        intro: Some(tr!("report-copies-intro")),
        fields: vec![
            field(tr!("report-copies-sent"), describe_duration(p.sent)),
            field(tr!("report-copies-received"), describe_duration(p.received)),
            field(tr!("report-copies-view"), describe_duration(p.view)),
            field(tr!("report-copies-max"), describe_duration(p.max)),
            field(tr!("report-copies-log"), describe_duration(p.log)),
            field(tr!("report-copies-outbox"), &r.outbox),
            field(tr!("report-copies-inbox"), &r.inbox),
            field(tr!("report-copies-sealed"), &r.sealed),
            field(
                tr!("report-copies-kept"),
                tr!(
                    "report-copies-kept-value",
                    sent = kept("sent"),
                    received = kept("received"),
                    view = kept("view"),
                    sealed = kept("sealed")
                ),
            ),
            field(tr!("report-copies-overdue"), r.overdue),
            field(tr!("report-copies-deleted"), state("deleted")),
            field(tr!("report-copies-missing"), state("missing")),
            field(tr!("report-copies-changed"), r.not_deleted_changed),
            field(tr!("report-copies-released"), state("released")),
            field(
                tr!("report-copies-timer"),
                if r.timer_installed { tr!("report-timer-installed") } else { tr!("report-timer-missing") },
            ),
            field(tr!("report-copies-volume"), yes_no_unknown(r.encrypted_volume)),
        ],
        tables: vec![],
        notes,
    }
}

fn risks(report: &Report) -> Section {
    let r = &report.risks;
    let unverified = Table {
        caption: Some(tr!("report-risks-unverified-caption")),
        head: vec![
            tr!("report-col-date"),
            tr!("report-col-contacts"),
            tr!("report-col-reason"),
            tr!("report-col-documents"),
        ],
        rows: r
            .unverified_sends
            .iter()
            .map(|a| vec![date(&a.at), a.contacts.join(", "), a.reason.clone(), a.documents.to_string()])
            .collect(),
        empty: tr!("report-risks-none"),
    };
    let key_rows = |list: &[super::KeyRisk]| -> Vec<Vec<String>> {
        list.iter()
            .map(|k| {
                vec![
                    k.alias.clone(),
                    k.expires.as_deref().map_or_else(|| tr!("report-never"), date),
                    date(&k.refreshed),
                    k.sends.to_string(),
                ]
            })
            .collect()
    };
    let key_head = || {
        vec![tr!("report-col-contact"), tr!("report-col-expires"), tr!("report-col-refreshed"), tr!("report-col-sends")]
    };
    Section {
        title: tr!("report-risks-title"),
        intro: Some(tr!("report-risks-intro")),
        fields: vec![],
        tables: vec![
            unverified,
            Table {
                caption: Some(tr!("report-risks-expiring-caption", days = r.key_expiry_days)),
                head: key_head(),
                rows: key_rows(&r.keys_expiring),
                empty: tr!("report-risks-none"),
            },
            Table {
                caption: Some(tr!("report-risks-stale-caption", days = r.key_stale_days)),
                head: key_head(),
                rows: key_rows(&r.keys_not_refreshed),
                empty: tr!("report-risks-none"),
            },
            Table {
                caption: Some(tr!("report-risks-old-caption", days = r.verification_age_days)),
                head: vec![tr!("report-col-contact"), tr!("report-col-verified")],
                rows: r.old_verifications.iter().map(|v| vec![v.alias.clone(), date(&v.verified_at)]).collect(),
                empty: tr!("report-risks-none"),
            },
        ],
        notes: vec![],
    }
}

fn measures(report: &Report) -> Section {
    let m = &report.measures;
    let mut notes = vec![];
    if !m.audit_intact {
        notes.push(Note { text: tr!("report-audit-hint"), warning: true });
    }
    Section {
        title: tr!("report-measures-title"),
        intro: None,
        fields: vec![
            field(tr!("report-measures-encryption"), tr!("report-measures-encryption-value")),
            field(tr!("report-measures-signing"), tr!("report-measures-signing-value")),
            field(
                tr!("report-measures-verified"),
                tr!(
                    "report-measures-verified-value",
                    verified = m.contacts_verified,
                    unverified = m.contacts_unverified
                ),
            ),
            field(
                tr!("report-measures-sends"),
                tr!("report-measures-sends-value", verified = m.sends_to_verified, overridden = m.sends_with_override),
            ),
            field(tr!("report-measures-audit"), audit_line(report)),
            field(
                tr!("report-measures-identity"),
                m.identity_expires.as_deref().map_or_else(|| tr!("report-never"), date),
            ),
            field(tr!("report-measures-keychain"), keychain(m.keychain)),
        ],
        tables: vec![],
        notes,
    }
}

fn informed(report: &Report) -> Section {
    let p = &report.patients_informed;
    let mut fields = vec![field(tr!("report-informed-leaflets"), p.leaflets)];
    if !p.leaflets_by_language.is_empty() {
        let by: Vec<String> = p.leaflets_by_language.iter().map(|(lang, n)| format!("{lang}: {n}")).collect();
        fields.push(field(tr!("report-informed-leaflets-by-language"), by.join(", ")));
    }
    fields.push(field(
        tr!("report-informed-consent"),
        tr!("report-informed-consent-value", given = p.consent.given, withdrawn = p.consent.withdrawn),
    ));
    let now = &p.patients_by_consent;
    fields.push(field(
        tr!("report-informed-consent-now"),
        tr!("report-informed-consent-now-value", given = now.given, withdrawn = now.withdrawn, missing = now.missing),
    ));
    Section {
        title: tr!("report-informed-title"),
        intro: Some(tr!("report-informed-intro")),
        fields,
        ..Default::default()
    }
}

fn evaluation(report: &Report) -> Section {
    let e = &report.evaluation;
    let source = if e.source == "set" {
        tr!("report-evaluation-set")
    } else {
        tr!("report-evaluation-default", first = day(&e.first_report))
    };
    let mut notes = vec![];
    if e.passed {
        notes.push(Note { text: tr!("report-evaluation-passed", date = day(&e.date)), warning: true });
    }
    Section {
        title: tr!("report-evaluation-title"),
        intro: None,
        fields: vec![
            field(tr!("report-evaluation-date"), day(&e.date)),
            field(tr!("report-evaluation-source"), source),
            field(tr!("report-evaluation-audit"), audit_line(report)),
        ],
        tables: vec![],
        notes,
    }
}

/// What an audit action means for the patient, in words.
fn action_label(action: &str) -> String {
    match action {
        "send" => tr!("report-action-send"),
        "open" => tr!("report-action-open"),
        "view" => tr!("report-action-view"),
        "purge" => tr!("report-action-purge"),
        "consent-give" => tr!("report-action-consent-give"),
        "consent-withdraw" => tr!("report-action-consent-withdraw"),
        "contact-remove" => tr!("report-action-contact-remove"),
        other => crate::safe::Safe(other).to_string(),
    }
}

/// One contact's report as a document.
pub fn contact(report: &ContactReport) -> Doc {
    let kind = match report.kind {
        Some("patient") => tr!("contact-kind-patient"),
        Some("colleague") => tr!("contact-kind-colleague"),
        _ => tr!("report-contact-removed"),
    };
    let rows = report
        .events
        .iter()
        .map(|e| {
            let what = match e.outcome.as_str() {
                "success" => action_label(&e.action),
                "refused" => tr!("report-outcome-refused", action = action_label(&e.action)),
                _ => tr!("report-outcome-failed", action = action_label(&e.action)),
            };
            let path = match e.path {
                Some("password") => tr!("report-path-password"),
                Some(_) => tr!("report-path-key"),
                None => String::new(),
            };
            vec![
                when::show_date_time(&e.time),
                what,
                path,
                e.document_sha256.clone().unwrap_or_default(),
                e.document_size.map(crate::format_size).unwrap_or_default(),
            ]
        })
        .collect();
    Doc {
        lang: crate::i18n::language().code(),
        title: tr!("report-contact-title"),
        subtitle: tr!(
            "report-contact-subtitle",
            alias = &report.alias,
            date = date(&report.generated_at),
            period = period(&report.period.from, &report.period.to)
        ),
        sections: vec![
            Section {
                title: tr!("report-contact-details"),
                fields: vec![
                    field(tr!("report-contact-kind"), kind),
                    field(
                        tr!("report-contact-key"),
                        report
                            .fingerprint
                            .as_deref()
                            .map_or_else(|| tr!("report-contact-no-key"), crate::fingerprint::hex_groups),
                    ),
                    field(
                        tr!("report-contact-verified"),
                        report.verified_at.as_deref().map_or_else(|| tr!("word-no"), date),
                    ),
                    field(
                        tr!("report-informed-consent"),
                        tr!(
                            "report-informed-consent-value",
                            given = report.consent.given,
                            withdrawn = report.consent.withdrawn
                        ),
                    ),
                    field(
                        tr!("report-contact-consent-now"),
                        report.consent_now.as_ref().map_or_else(|| tr!("word-no"), |c| c.describe()),
                    ),
                ],
                ..Default::default()
            },
            Section {
                title: tr!("report-contact-events"),
                intro: Some(tr!("report-contact-intro")),
                tables: vec![Table {
                    caption: None,
                    head: vec![
                        tr!("report-col-date"),
                        tr!("report-col-what"),
                        tr!("report-col-path"),
                        tr!("report-col-hash"),
                        tr!("report-col-size"),
                    ],
                    rows,
                    empty: tr!("report-contact-none"),
                }],
                ..Default::default()
            },
        ],
    }
}
