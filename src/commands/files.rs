use crate::cli::files::{FilesAction, FilesArgs};
use crate::ui::Output;
use carepost::retention::{self, ManagedFile, Verdict};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct Files {
    files: Vec<ManagedFile>,
}

#[derive(Serialize)]
struct Decided {
    id: i64,
    state: &'static str,
}

pub fn run(ctx: &mut Context<'_>, args: FilesArgs, out: &Output) -> Result<(), Error> {
    match args.action {
        Some(FilesAction::Release { id }) => {
            let item = retention::release(ctx, id)?;
            let path = Safe(item.path.display().to_string()).to_string();
            return out
                .result(&Decided { id, state: "released" }, |w| writeln!(w, "{}", tr!("file-released", path = path)));
        }
        Some(FilesAction::Delete { id }) => {
            let (item, verdict) = retention::delete_now(ctx, id)?;
            let path = Safe(item.path.display().to_string()).to_string();
            return match verdict {
                Verdict::Deleted | Verdict::AlreadyGone => out
                    .result(&Decided { id, state: "deleted" }, |w| writeln!(w, "{}", tr!("file-deleted", path = path))),
                Verdict::Changed => Err(Error::FileNotDeleted { id, reason: tr!("file-delete-changed") }),
                Verdict::Failed(reason) => Err(Error::FileNotDeleted { id, reason }),
            };
        }
        None => {}
    }
    let files = Files { files: retention::files(ctx, args.all)? };
    out.result(&files, |w| {
        if files.files.is_empty() {
            return writeln!(w, "{}", tr!("files-empty"));
        }
        for f in &files.files {
            writeln!(
                w,
                "{:>5} {:<9} {:<8} {} {:>10}  {}",
                f.id,
                f.kind.code(),
                f.state,
                f.expires_at,
                carepost::format_size(f.size),
                Safe(f.path.display().to_string())
            )?;
        }
        Ok(())
    })
}
