//! `carepost purge`: deletes documents whose retention has ended, and
//! installs or removes the hourly timer; `announce` also reports the quick
//! purge that runs before every command.

use crate::cli::purge::PurgeArgs;
use crate::ui::Output;
use carepost::retention::{self, PurgeReport, Verdict};
use carepost::safe::Safe;
use carepost::{timer, tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: PurgeArgs, out: &Output) -> Result<(), Error> {
    if args.install_timer || args.uninstall_timer {
        let report = if args.install_timer { timer::install(&ctx.home)? } else { timer::uninstall(&ctx.home)? };
        if let Some(note) = &report.note {
            out.warning(note);
        }
        return out.result(&report, |w| {
            for file in &report.files {
                let path = Safe(file.display().to_string()).to_string();
                let line = if args.install_timer {
                    tr!("timer-wrote", path = path)
                } else {
                    tr!("timer-removed", path = path)
                };
                writeln!(w, "{line}")?;
            }
            if report.activated {
                writeln!(w, "{}", if args.install_timer { tr!("timer-active") } else { tr!("timer-inactive") })?;
            }
            Ok(())
        });
    }
    let report = retention::purge(ctx, args.dry_run, None)?;
    if args.quiet && !out.json {
        announce(&report, out, true);
        return Ok(());
    }
    out.result(&report, |w| {
        if report.files.is_empty() {
            return writeln!(w, "{}", tr!("purge-nothing"));
        }
        for item in &report.files {
            let path = Safe(item.path.display().to_string()).to_string();
            let line = match (&item.verdict, report.dry_run) {
                (Verdict::Deleted, true) => tr!("purge-would-delete", path = path),
                (Verdict::Deleted, false) => tr!("purge-deleted", path = path),
                (Verdict::AlreadyGone, _) => tr!("purge-already-gone", path = path),
                (Verdict::Changed, _) => tr!("purge-changed", path = path),
                (Verdict::Failed(reason), _) => tr!("purge-failed", path = path, reason = reason.clone()),
            };
            writeln!(w, "{line}")?;
        }
        if report.log_records_cut > 0 {
            writeln!(w, "{}", tr!("purge-log-cut", count = report.log_records_cut))?;
        }
        Ok(())
    })
}

/// Tells the user what a purge did, briefly, on stderr: silent when
/// nothing happened.
pub fn announce(report: &PurgeReport, out: &Output, brief: bool) {
    let deleted = report.count(|v| matches!(v, Verdict::Deleted));
    if deleted > 0 && brief {
        out.notice(&tr!("quick-purge-deleted", count = deleted));
    }
    for item in &report.files {
        let path = Safe(item.path.display().to_string()).to_string();
        match &item.verdict {
            Verdict::Changed => out.warning(&tr!("purge-changed", path = path)),
            Verdict::Failed(reason) => out.warning(&tr!("purge-failed", path = path, reason = reason.clone())),
            _ => {}
        }
    }
}
