//! `carepost retention set KEY=DURATION...`: changes retention periods and
//! prints the result.

use super::write_policy;
use crate::ui::Output;
use carepost::retention;
use carepost::{Context, Error};

pub fn run(ctx: &mut Context<'_>, assignments: &[String], out: &Output) -> Result<(), Error> {
    let policy = retention::set(ctx, assignments)?;
    out.result(&policy, |w| write_policy(w, &policy))
}
