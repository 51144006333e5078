//! `carepost files release ID`: takes one file out of carepost's care.

use super::Decided;
use crate::ui::Output;
use carepost::retention;
use carepost::safe::Safe;
use carepost::{tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, id: i64, out: &Output) -> Result<(), Error> {
    let item = retention::release(ctx, id)?;
    let path = Safe(item.path.display().to_string()).to_string();
    out.result(&Decided { id, state: "released" }, |w| writeln!(w, "{}", tr!("file-released", path = path)))
}
