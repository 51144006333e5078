//! One module per command: each turns parsed arguments into library calls
//! and renders the result through [`crate::ui::Output`].

use crate::cli::{Cli, Command, ContactCommand};
use crate::ui::{Output, Terminal};
use carepost::context::SecretsConfig;
use carepost::home::Home;
use carepost::{Context, Error};

mod contact;
mod export_key;
mod init;
mod open;
mod send;
mod tour;
mod whoami;

pub fn run(cli: Cli, out: &Output) -> Result<(), Error> {
    if let Command::Tour = cli.command {
        return tour::run(out);
    }
    let home = Home::locate(cli.global.home)?;
    let secrets = SecretsConfig {
        passphrase_file: cli.global.passphrase_file,
        no_keychain: cli.global.no_keychain,
    };
    let terminal = Terminal;
    let mut ctx = Context::new(home, secrets, &terminal);
    if !matches!(cli.command, Command::Init(_)) {
        ctx.require_home()?;
        housekeeping(&ctx);
    }
    match cli.command {
        Command::Init(args) => init::run(&mut ctx, args, out),
        Command::Whoami(args) => whoami::run(&mut ctx, args, out),
        Command::ExportKey(args) => export_key::run(&mut ctx, args, out),
        Command::Contact(command) => match command {
            ContactCommand::Add(args) => contact::add(&mut ctx, args, out),
            ContactCommand::List => contact::list(&mut ctx, out),
            ContactCommand::Show(args) => contact::show(&mut ctx, args, out),
            ContactCommand::Verify(args) => contact::verify(&mut ctx, args, out),
            ContactCommand::Update(args) => contact::update(&mut ctx, args, out),
            ContactCommand::Remove(args) => contact::remove(&mut ctx, args, out),
        },
        Command::Send(args) => send::run(&mut ctx, args, out),
        Command::Open(args) => open::run(&mut ctx, args, out),
        Command::Tour => unreachable!("handled above"),
    }
}

/// Quick upkeep before every command: partial files left by a process that
/// was killed are removed from the home's folders.
fn housekeeping(ctx: &Context<'_>) {
    for dir in [ctx.home.inbox(), ctx.home.outbox(), ctx.home.tmp()] {
        carepost::output::clean_leftovers(&dir);
    }
}
