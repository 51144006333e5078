use crate::cli::LogArgs;
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
            let who = match (&r.contact, &r.fingerprint) {
                (Some(alias), _) => alias.clone(),
                (None, Some(fingerprint)) => fingerprint.clone(),
                _ => String::new(),
            };
            let document =
                r.document_sha256.as_ref().map(|h| format!(" sha256:{}", &h[..16.min(h.len())])).unwrap_or_default();
            let detail = r.detail.as_ref().map(|d| format!(" — {}", Safe(d))).unwrap_or_default();
            writeln!(w, "{:>5} {} {:<15} {:<8} {}{}{}", r.seq, r.time, r.action, r.outcome, who, document, detail)?;
        }
        Ok(())
    })
}
