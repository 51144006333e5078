use crate::cli::retention::RetentionCommand;
use crate::ui::Output;
use carepost::retention::{self, format_duration, Policy};
use carepost::{tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, command: RetentionCommand, out: &Output) -> Result<(), Error> {
    let policy = match command {
        RetentionCommand::Show => retention::policy(ctx)?,
        RetentionCommand::Set { assignments } => retention::set(ctx, &assignments)?,
    };
    out.result(&policy, |w| show(w, &policy))
}

fn show(w: &mut dyn std::io::Write, policy: &Policy) -> std::io::Result<()> {
    for (label, value) in [
        (tr!("retention-label-sent"), policy.sent),
        (tr!("retention-label-received"), policy.received),
        (tr!("retention-label-view"), policy.view),
        (tr!("retention-label-max"), policy.max),
        (tr!("retention-label-log"), policy.log),
    ] {
        writeln!(w, "{label:<44} {}", format_duration(value))?;
    }
    Ok(())
}
