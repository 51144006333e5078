//! `carepost log`: the audit log shown line by line, checked (`--check`),
//! or used to rebuild the state database (`--rebuild-state`).

use crate::cli::log::LogArgs;
use crate::ui::Output;
use carepost::audit::{self, Filter, Record};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct Records {
    records: Vec<Record>,
}

pub fn run(ctx: &mut Context<'_>, args: LogArgs, out: &Output) -> Result<(), Error> {
    if args.rebuild_state {
        let rebuilt = carepost::rebuild::rebuild_state(ctx)?;
        return out.result(&rebuilt, |w| {
            writeln!(w, "{}", tr!("log-state-rebuilt", head = rebuilt.head_seq, files = rebuilt.files_recovered))?;
            if rebuilt.contacts == 0 {
                writeln!(w, "{}", tr!("log-state-no-contacts"))?;
            }
            Ok(())
        });
    }
    if args.check {
        let report = audit::check(ctx)?;
        if report.clock_went_back > 0 {
            out.warning(&tr!("log-clock-went-back", count = report.clock_went_back));
        }
        // A broken log is reported as the error alone: `--json` must
        // still print one JSON document.
        if let Some(problem) = report.problem {
            return Err(Error::AuditBroken(problem));
        }
        if report.unsigned_records > 0 {
            let since = match report.signed_through {
                Some(seq) => tr!("log-signed-through", seq = seq),
                None => tr!("log-signed-none"),
            };
            out.warning(&tr!("log-unsigned", count = report.unsigned_records, since = since));
        }
        return out.result(&report, |w| {
            writeln!(w, "{}", tr!("log-intact", count = report.records))?;
            if report.unconfirmed_tail {
                writeln!(w, "{}", tr!("log-unconfirmed-tail"))?;
            }
            Ok(())
        });
    }
    let filter = Filter { since: args.since, action: args.action, contact: args.contact };
    let records = Records { records: audit::read(ctx, &filter)? };
    out.result(&records, |w| {
        if records.records.is_empty() {
            return writeln!(w, "{}", tr!("log-empty"));
        }
        for r in &records.records {
            writeln!(w, "{}", line(r))?;
        }
        Ok(())
    })
}

/// One record as a line for a person. The log file may have been edited
/// by anyone who can write the home, so every field is escaped, and the
/// hash is shortened by characters, never by bytes.
fn line(r: &Record) -> String {
    let safe = |text: &str| Safe(text).to_string();
    let who = match (&r.contact, &r.fingerprint) {
        (Some(alias), _) => safe(alias),
        (None, Some(fingerprint)) => safe(fingerprint),
        _ => String::new(),
    };
    let document = r
        .document_sha256
        .as_ref()
        .map(|h| format!(" sha256:{}", safe(&h.chars().take(16).collect::<String>())))
        .unwrap_or_default();
    let detail = r.detail.as_ref().map(|d| format!(" — {}", safe(d))).unwrap_or_default();
    format!(
        "{:>5} {:<width$} {:<15} {:<8} {}{}{}",
        r.seq,
        carepost::when::show_date_time(&r.time),
        safe(&r.action),
        safe(&r.outcome),
        who,
        document,
        detail,
        width = carepost::when::date_time_width()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        serde_json::from_str(
            r#"{"seq":1,"id":"00","time":"2026-11-23T10:00:00Z","actor":"F","action":"open","outcome":"success","prev":"0","hash":"0"}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_multibyte_hash_does_not_panic() {
        let mut r = record();
        r.document_sha256 = Some("abcdefghijklmno\u{e9}\u{e9}\u{e9}".into());
        assert!(line(&r).ends_with("sha256:abcdefghijklmno\u{e9}"), "{}", line(&r));
        r.document_sha256 = Some("\u{1F600}".repeat(20));
        assert_eq!(line(&r).matches('\u{1F600}').count(), 16);
    }

    #[test]
    fn every_field_is_escaped() {
        let mut r = record();
        r.time = "2026\u{202E}".into();
        r.action = "open\x1b[2J".into();
        r.outcome = "ok\r".into();
        r.contact = Some("p\u{2066}".into());
        r.document_sha256 = Some("\u{7}ab".into());
        r.detail = Some("x\ny".into());
        let shown = line(&r);
        assert!(!shown.chars().any(carepost::safe::is_dangerous), "{shown:?}");
        for escaped in ["\\u{202e}", "\\u{1b}", "\\u{d}", "\\u{2066}", "\\u{7}", "\\u{a}"] {
            assert!(shown.contains(escaped), "{escaped} in {shown:?}");
        }
    }
}
