//! What each command does: it turns parsed arguments into library calls
//! and renders the result through [`crate::ui::Output`]. The tree mirrors
//! `cli/`: a command of one verb is `commands/<command>.rs`, an object's
//! verbs are `commands/<object>/<verb>.rs` (`contact`, `mail`, `retention`,
//! `files`), `generate` holds the hidden packaging commands (`manpages`,
//! `systemd-units`), and the email forms of `send` and `open` are
//! `email.rs` (and `smtp.rs`) in their folders. `present` is what `open`
//! and `export` show alike. This file dispatches, and runs the upkeep
//! before every command.

use crate::cli::contact::ContactCommand;
use crate::cli::files::{FilesAction, FilesArgs};
use crate::cli::log::LogArgs;
use crate::cli::mail::MailCommand;
use crate::cli::publish::PublishCommand;
use crate::cli::retention::RetentionCommand;
use crate::cli::{Cli, Command};
use crate::ui::{Output, Terminal};
use carepost::context::SecretsConfig;
use carepost::home::Home;
use carepost::{Context, Error};

mod backup;
mod completions;
mod contact;
mod export;
mod export_key;
mod files;
mod generate;
mod init;
mod leaflet;
mod log;
mod mail;
mod open;
mod passphrase;
mod present;
mod publish;
mod purge;
mod renew;
mod report;
mod retention;
mod revoke;
mod send;
mod status;
mod tour;
mod whoami;

pub fn run(cli: Cli, out: &Output) -> Result<(), Error> {
    // Commands that touch no home.
    match cli.command {
        Command::Tour => return tour::run(out),
        Command::Completions(args) => return completions::run(args, out),
        Command::Manpages(args) => return generate::manpages(args),
        Command::SystemdUnits(args) => return generate::systemd_units(args),
        _ => {}
    }
    let home = Home::locate(cli.global.home)?;
    let secrets = SecretsConfig {
        passphrase_file: cli.global.passphrase_file,
        no_keychain: cli.global.no_keychain,
        smtp_password_file: cli.global.smtp_password_file,
    };
    let terminal = Terminal;
    let mut ctx = Context::new(home, secrets, &terminal);
    if !matches!(cli.command, Command::Init(_) | Command::Restore(_)) {
        ctx.require_home()?;
        if ctx.home.ensure_dir(&ctx.home.tmp()).is_ok() {
            carepost::output::journal_parts_in(ctx.home.tmp().join("parts.journal"));
        }
        let purge_first = !matches!(
            cli.command,
            Command::Purge(_)
                | Command::Log(LogArgs { check: true, .. })
                | Command::Log(LogArgs { rebuild_state: true, .. })
        );
        housekeeping(&mut ctx, purge_first, out);
        // `renew` says where the key stands itself, once renewed.
        if !matches!(cli.command, Command::Renew(_)) {
            warn_if_renewal_due(&ctx, out);
        }
    }
    match cli.command {
        Command::Init(args) => init::run(&mut ctx, args, out),
        Command::Whoami(args) => whoami::run(&mut ctx, args, out),
        Command::Leaflet(args) => leaflet::run(&mut ctx, args, out),
        Command::ExportKey(args) => export_key::run(&mut ctx, args, out),
        Command::Contact(command) => match command {
            ContactCommand::Add(args) => contact::add::run(&mut ctx, args, out),
            ContactCommand::List => contact::list::run(&mut ctx, out),
            ContactCommand::Show(args) => contact::show::run(&mut ctx, args, out),
            ContactCommand::Verify(args) => contact::verify::run(&mut ctx, args, out),
            ContactCommand::Update(args) => contact::update::run(&mut ctx, args, out),
            ContactCommand::Refresh(args) => contact::refresh::run(&mut ctx, args, out),
            ContactCommand::Remove(args) => contact::remove::run(&mut ctx, args, out),
            ContactCommand::Check(args) => contact::check::run(&mut ctx, args, out),
            ContactCommand::Find(args) => contact::find::run(&mut ctx, args, out),
            ContactCommand::Sources(args) => contact::sources::run(&mut ctx, args, out),
            ContactCommand::Consent(args) => contact::consent::run(&mut ctx, args, out),
        },
        Command::Send(args) => send::run(&mut ctx, args, out),
        Command::Open(args) => open::run(&mut ctx, args, out),
        Command::Tour | Command::Completions(_) | Command::Manpages(_) | Command::SystemdUnits(_) => {
            unreachable!("handled above")
        }
        Command::Retention(command) => match command {
            RetentionCommand::Show => retention::show::run(&mut ctx, out),
            RetentionCommand::Set { assignments } => retention::set::run(&mut ctx, &assignments, out),
        },
        Command::Purge(args) => purge::run(&mut ctx, args, out),
        Command::Status => status::run(&mut ctx, out),
        Command::Log(args) => log::run(&mut ctx, args, out),
        Command::Report(args) => report::run(&mut ctx, args, out),
        Command::Files(FilesArgs { action, all }) => match action {
            None => files::list::run(&mut ctx, all, out),
            Some(FilesAction::Release { id }) => files::release::run(&mut ctx, id, out),
            Some(FilesAction::Delete { id }) => files::delete::run(&mut ctx, id, out),
        },
        Command::Export(args) => export::run(&mut ctx, args, out),
        Command::Passphrase(args) => passphrase::run(&mut ctx, args, out),
        Command::Backup(args) => backup::backup(&mut ctx, args, out),
        Command::Restore(args) => backup::restore(&mut ctx, args, out),
        Command::Publish(command) => match command {
            PublishCommand::Wkd(args) => publish::wkd(&mut ctx, args, out),
            PublishCommand::Keyserver(args) => publish::keyserver(&mut ctx, args, out),
        },
        Command::Revoke(args) => revoke::run(&mut ctx, args, out),
        Command::Mail(command) => match command {
            MailCommand::Setup(args) => mail::setup::run(&mut ctx, args, out),
            MailCommand::Show => mail::show::run(&mut ctx, out),
            MailCommand::Retry(args) => mail::retry::run(&mut ctx, args, out),
            MailCommand::Cancel(args) => mail::cancel::run(&mut ctx, args, out),
        },
        Command::Renew(args) => renew::run(&mut ctx, args, out),
    }
}

/// From [`carepost::renew::WARNING_DAYS`] before the identity expires,
/// and after, every command that works with the home says so on stderr,
/// with the date and what to run: the one place for this warning.
/// Never on stdout, so `--json` results stay one document; never fails
/// the command (a key that cannot be read is the command's own error).
fn warn_if_renewal_due(ctx: &Context<'_>, out: &Output) {
    let Ok(identity) = ctx.identity_ref() else { return };
    let Some(due) = carepost::renew::due(identity, ctx.now) else { return };
    let date = carepost::when::date(due.expires);
    if due.expired() {
        out.warning(&carepost::tr!("renew-warning-expired", date = date));
    } else {
        out.warning(&carepost::tr!("renew-warning-soon", date = date, days = due.days_left));
    }
}

/// Documents deleted by the quick purge before a command: a bound that
/// keeps every command fast; the rest waits for the next one or the timer.
const QUICK_PURGE_LIMIT: usize = 20;

/// Quick upkeep before every command: partial files left by a process that
/// was killed are removed, and expired documents are purged. Never fails
/// the command: problems become a warning.
fn housekeeping(ctx: &mut Context<'_>, purge: bool, out: &Output) {
    for dir in ctx.home.document_dirs().into_iter().chain([ctx.home.tmp(), ctx.home.sealed()]) {
        carepost::output::clean_leftovers(&dir);
    }
    // Leftovers in folders outside the home (`-o DIR`), found by name.
    carepost::output::clean_journaled();
    if !purge {
        return;
    }
    match carepost::retention::purge(ctx, false, Some(QUICK_PURGE_LIMIT)) {
        Ok(report) => purge::announce(&report, out, true),
        // The command itself stops on this, with the recovery hint; a
        // warning first would only say it twice.
        Err(Error::StateDisagrees(_)) => {}
        Err(e) => out.warning(&carepost::tr!("quick-purge-failed", reason = e.to_string())),
    }
}
