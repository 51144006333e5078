//! The hidden commands a package build runs: `manpages DIR` writes one
//! page per command (`carepost.1`, `carepost-send.1`,
//! `carepost-contact-add.1`, …) from the clap definition, and
//! `systemd-units DIR` writes the purge timer's user units from the same
//! code as `purge --install-timer`. Neither touches a home.

use crate::cli::generate::GenerateArgs;
use carepost::home::write_atomic;
use carepost::{timer, Error};
use std::path::Path;

pub fn manpages(args: GenerateArgs) -> Result<(), Error> {
    create_dir(&args.dir)?;
    write_pages(&crate::cli::command(), &args.dir)
}

/// The page of `command`, then those of its visible subcommands (not the
/// generated `help` commands, which each page already describes); the
/// tree is built, so each subcommand's display name is its full
/// `carepost-…` name.
fn write_pages(command: &clap::Command, dir: &Path) -> Result<(), Error> {
    let page = clap_mangen::Man::new(command.clone())
        .source(format!("carepost {}", env!("CARGO_PKG_VERSION")))
        .manual("carepost manual");
    let mut text = Vec::new();
    page.render(&mut text).map_err(|e| Error::io("io-write", dir, e))?;
    write_atomic(&dir.join(page.get_filename()), &text, true)?;
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set() && sub.get_name() != "help") {
        write_pages(sub, dir)?;
    }
    Ok(())
}

pub fn systemd_units(args: GenerateArgs) -> Result<(), Error> {
    create_dir(&args.dir)?;
    let (service, timer) = timer::packaged_unit_files(Path::new("/usr/bin/carepost"));
    write_atomic(&args.dir.join("carepost-purge.service"), service.as_bytes(), true)?;
    write_atomic(&args.dir.join("carepost-purge.timer"), timer.as_bytes(), true)?;
    Ok(())
}

fn create_dir(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io("io-create-dir", dir, e))
}
