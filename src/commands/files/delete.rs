//! `carepost files delete ID`: deletes one document before its expiry,
//! only if it is unchanged.

use super::Decided;
use crate::ui::Output;
use carepost::retention::{self, Verdict};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, id: i64, out: &Output) -> Result<(), Error> {
    let (item, verdict) = retention::delete_now(ctx, id)?;
    let path = Safe(item.path.display().to_string()).to_string();
    match verdict {
        Verdict::Deleted | Verdict::AlreadyGone => {
            out.result(&Decided { id, state: "deleted" }, |w| writeln!(w, "{}", tr!("file-deleted", path = path)))
        }
        Verdict::Changed => Err(Error::FileNotDeleted { id, reason: tr!("file-delete-changed") }),
        Verdict::Failed(reason) => Err(Error::FileNotDeleted { id, reason }),
    }
}
