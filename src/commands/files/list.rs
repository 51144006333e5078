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
        let rows: Vec<[String; 6]> = files
            .files
            .iter()
            .map(|f| {
                [
                    f.id.to_string(),
                    f.kind.label(),
                    f.state.label(),
                    carepost::when::show_date_time(&f.expires_at),
                    carepost::format_size(f.size),
                    Safe(f.path.display().to_string()).to_string(),
                ]
            })
            .collect();
        let header = [
            tr!("files-column-id"),
            tr!("files-column-kind"),
            tr!("files-column-state"),
            tr!("files-column-expires"),
            tr!("files-column-size"),
            tr!("files-column-path"),
        ];
        // Each column as wide as its widest cell, header included (the
        // header's length depends on the language).
        let width =
            |i: usize| rows.iter().map(|r| r[i].chars().count()).chain([header[i].chars().count()]).max().unwrap_or(0);
        let (w0, w1, w2, w3, w4) = (width(0), width(1), width(2), width(3), width(4));
        for row in std::iter::once(&header).chain(&rows) {
            writeln!(w, "{:>w0$} {:<w1$} {:<w2$} {:<w3$} {:>w4$}  {}", row[0], row[1], row[2], row[3], row[4], row[5])?;
        }
        Ok(())
    })
}
