//! `carepost retention show|set`, one verb per file; both print the
//! resulting periods the same way.

use carepost::retention::{describe_duration, Policy};
use carepost::tr;

pub mod set;
pub mod show;

/// The retention periods, one per line.
fn write_policy(w: &mut dyn std::io::Write, policy: &Policy) -> std::io::Result<()> {
    for (label, value) in [
        (tr!("retention-label-sent"), policy.sent),
        (tr!("retention-label-received"), policy.received),
        (tr!("retention-label-view"), policy.view),
        (tr!("retention-label-max"), policy.max),
        (tr!("retention-label-log"), policy.log),
    ] {
        writeln!(w, "{label:<44} {}", describe_duration(value))?;
    }
    Ok(())
}
