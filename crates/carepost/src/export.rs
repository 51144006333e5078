//! `carepost export ID`: a sealed document brought back as a plain file,
//! recorded under the retention of a received (or viewed) document. The
//! sealed format itself is in [`crate::vault`].

use crate::audit::{Action, Event, Outcome};
use crate::commit::{self, Committed, Naming};
use crate::error::{Error, Result};
use crate::output::PendingFile;
use crate::retention::{self, Kind};
use crate::Context;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A sealed document brought back.
#[derive(Debug, Clone, Serialize)]
pub struct Unsealed {
    pub id: i64,
    pub output: PathBuf,
    pub filename: String,
    pub size: u64,
    pub sha256: String,
    pub kind: Kind,
    pub expires: String,
}

/// `carepost export ID`: decrypts sealed document `id` into `out_dir` (the
/// inbox by default), as a received document — or, with `view`, into the
/// private viewing place.
pub fn export(ctx: &mut Context<'_>, id: i64, out_dir: Option<&Path>, view: bool) -> Result<Unsealed> {
    let item = retention::file(ctx, id)?;
    if item.kind != Kind::Sealed {
        return Err(Error::NotSealed(id));
    }
    let key = retention::sealed_key(ctx, id)?.ok_or(Error::SealedKeyGone(id))?;
    let kind = if view { Kind::View } else { Kind::Received };
    let keep_for = retention::policy(ctx)?.for_kind(kind);
    let dir = match (view, out_dir) {
        (true, _) => crate::view::private_dir(&ctx.home)?,
        (false, requested) => ctx.home.output_dir(requested, ctx.home.inbox())?,
    };
    let sealed = std::fs::File::open(&item.path).map_err(|e| Error::io("io-read", &item.path, e))?;
    let mut pending = PendingFile::new_in(&dir)?;
    let (size, sha256, filename) = crate::vault::unseal(sealed, pending.file(), &key, ctx.now, &dir)?;
    let name =
        filename.as_deref().and_then(crate::names::sanitize).unwrap_or_else(|| crate::names::FALLBACK_STEM.into());
    let action = if view { Action::View } else { Action::Export };
    let event = Event::new(action, Outcome::Success).document(&sha256, size).detail(format!("sealed #{id}"));
    let written = commit::Output::new(pending, name.clone(), Naming::FirstFree, sha256.clone(), size);
    let committed = commit::commit(ctx, kind, keep_for, vec![written], vec![event], |_| Ok(()))?;
    let Committed { id: new_id, path: output } = committed.into_iter().next().expect("one output, one record");
    Ok(Unsealed {
        id: new_id,
        filename: output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(name),
        output,
        size,
        sha256,
        kind,
        expires: crate::fmt_time(ctx.now + keep_for),
    })
}
