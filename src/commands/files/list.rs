//! `carepost files [--all]`: the files carepost manages, with their expiry.

use crate::ui::Output;
use carepost::retention::{self, ManagedFile};
use carepost::safe::Safe;
use carepost::{tr, Context, Error};
use serde::Serialize;

#[derive(Serialize)]
struct Files {
    files: Vec<ManagedFile>,
}

pub fn run(ctx: &mut Context<'_>, all: bool, out: &Output) -> Result<(), Error> {
    let files = Files { files: retention::files(ctx, all)? };
    out.result(&files, |w| {
        if files.files.is_empty() {
            return writeln!(w, "{}", tr!("files-empty"));
        }
        let width = carepost::when::date_time_width();
        for f in &files.files {
            writeln!(
                w,
                "{:>5} {:<9} {:<8} {:<width$} {:>10}  {}",
                f.id,
                f.kind.code(),
                f.state,
                carepost::when::show_date_time(&f.expires_at),
                carepost::format_size(f.size),
                Safe(f.path.display().to_string()),
                width = width
            )?;
        }
        Ok(())
    })
}
