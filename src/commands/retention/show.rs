//! `carepost retention show`: the retention periods.

use super::write_policy;
use crate::ui::Output;
use carepost::retention;
use carepost::{Context, Error};

pub fn run(ctx: &mut Context<'_>, out: &Output) -> Result<(), Error> {
    let policy = retention::policy(ctx)?;
    out.result(&policy, |w| write_policy(w, &policy))
}
