//! `carepost export ID`: brings a sealed document back, saved or in a viewer.

use crate::cli::export::ExportArgs;
use crate::ui::Output;
use carepost::safe::Safe;
use carepost::{export, tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: ExportArgs, out: &Output) -> Result<(), Error> {
    let unsealed = export::export(ctx, args.id, args.output_dir.as_deref(), args.view)?;
    if args.view {
        super::present::show_then_delete(ctx, unsealed.id, &unsealed.output, &unsealed.expires, out)?;
        return out.result(&unsealed, |_| Ok(()));
    }
    out.result(&unsealed, |w| {
        writeln!(
            w,
            "{}",
            tr!(
                "open-done",
                output = Safe(unsealed.output.display().to_string()).to_string(),
                expires = carepost::when::show_date_time(&unsealed.expires)
            )
        )
    })
}
