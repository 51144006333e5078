//! `carepost report`: the practice's accountability record as Markdown on
//! standard output, as a file (`-o FILE.html` or `FILE.md`), or as JSON;
//! with `--contact ALIAS`, what was done with one contact's data.

use crate::cli::report::ReportArgs;
use crate::ui::Output;
use carepost::report::{self, render};
use carepost::safe::Safe;
use carepost::{home, tr, Context, Error};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The form `-o` asks for, by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Html,
    Markdown,
}

impl Form {
    fn of(path: &Path) -> Result<Form, Error> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm") => Ok(Form::Html),
            Some("md" | "markdown") => Ok(Form::Markdown),
            _ => Err(Error::Usage(tr!("report-unknown-form", path = Safe(path.display().to_string()).to_string()))),
        }
    }

    fn code(self) -> &'static str {
        match self {
            Form::Html => "html",
            Form::Markdown => "markdown",
        }
    }
}

/// `--json` with `-o`: where the report went, and its figures.
#[derive(Serialize)]
struct Written<'a, T: Serialize> {
    output: &'a Path,
    form: &'static str,
    report: &'a T,
}

pub fn run(ctx: &mut Context<'_>, args: ReportArgs, out: &Output) -> Result<(), Error> {
    // Everything the command line can get wrong, before anything is stored.
    let form = args.output.as_deref().map(Form::of).transpose()?;
    if let Some(path) = &args.output {
        match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() && !parent.is_dir() => {
                return Err(Error::OutputDir(parent.to_path_buf()));
            }
            _ => {}
        }
    }
    if let Some(day) = args.evaluate_on {
        report::check_evaluation_date(ctx, day)?;
    }
    if let Some(alias) = &args.contact {
        carepost::contacts::validate_alias(alias)?;
        let report = report::contact::build(ctx, alias, args.since)?;
        let doc = report::text::contact(&report);
        emit(ctx, &report, &doc, form, args.output, out, Some(alias))?;
        return Ok(());
    }
    let options = report::Options {
        since: args.since,
        verification_age_days: args.verification_age,
        evaluate_on: args.evaluate_on,
    };
    let report = report::build(ctx, &options)?;
    let doc = report::text::general(&report);
    emit(ctx, &report, &doc, form, args.output, out, None)?;
    if report.evaluation.passed {
        out.warning(&tr!("report-evaluation-passed", date = report.evaluation.date.clone()));
    }
    Ok(())
}

/// Writes the report where it was asked for, then records that it was made.
fn emit<T: Serialize>(
    ctx: &mut Context<'_>,
    report: &T,
    doc: &render::Doc,
    form: Option<Form>,
    output: Option<PathBuf>,
    out: &Output,
    contact: Option<&str>,
) -> Result<(), Error> {
    let made = match (form, output) {
        (Some(form), Some(path)) => {
            let text = match form {
                Form::Html => render::html(doc),
                Form::Markdown => render::markdown(doc),
            };
            // Never over an existing file, as `export-key -o` and `export`.
            home::write_atomic(&path, text.as_bytes(), false)?;
            carepost::report::record_made(ctx, form.code(), contact)?;
            let written = Written { output: &path, form: form.code(), report };
            return out.result(&written, |w| {
                writeln!(w, "{}", tr!("report-written", path = Safe(path.display().to_string()).to_string()))
            });
        }
        _ if out.json => "json",
        _ => "text",
    };
    carepost::report::record_made(ctx, made, contact)?;
    out.result(report, |w| write!(w, "{}", render::markdown(doc)))
}
