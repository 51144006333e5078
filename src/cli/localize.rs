//! The help text from the catalogue: clap has no translation of its own,
//! so [`localize`] walks the derived command tree and sets every about,
//! argument help and value name from ids derived from the command path
//! (`cli-send-about`, `cli-send-arg-to`, `cli-global-arg-home`), with help
//! templates whose headings come from the catalogue too.

use carepost::tr;
use clap::{Arg, ArgAction, Command};

/// Looks a message up by a computed id.
fn text(id: &str) -> String {
    carepost::i18n::translate(id, &[])
}

/// The catalogue id prefix of a command: `cli`, `cli-send`, `cli-contact-add`.
pub fn prefix(path: &[String]) -> String {
    std::iter::once("cli").chain(path.iter().map(String::as_str)).collect::<Vec<_>>().join("-")
}

/// The id of an argument's help: the root's options are `cli-global-arg-*`.
pub fn arg_id(path: &[String], arg: &Arg) -> String {
    let name = arg.get_id().as_str().trim_start_matches('_').replace('_', "-");
    if path.is_empty() {
        format!("cli-global-arg-{name}")
    } else {
        format!("{}-arg-{name}", prefix(path))
    }
}

/// The id of a value name: `FILE` → `cli-value-file`, `KEY=DURATION` → `cli-value-key-duration`.
pub fn value_id(value_name: &str) -> String {
    let slug: String =
        value_name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    format!("cli-value-{slug}")
}

/// Sets the text of `cmd` (at `path` below `carepost`) and of everything under it.
pub fn localize(mut cmd: Command, path: &[String]) -> Command {
    let prefix = prefix(path);
    let template = template(&cmd);
    cmd = cmd
        .about(text(&format!("{prefix}-about")))
        .long_about(None)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .subcommand_value_name(tr!("cli-value-command"))
        .help_template(template);
    let after_help = format!("{prefix}-after-help");
    if text(&after_help) != after_help {
        cmd = cmd.after_help(text(&after_help));
    }
    let args: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in args {
        cmd = cmd.mut_arg(id, |arg| {
            let help = text(&arg_id(path, &arg));
            let names: Vec<String> =
                arg.get_value_names().unwrap_or_default().iter().map(|n| text(&value_id(n))).collect();
            // Env, default and allowed values are in the catalogue's text:
            // clap would print them with English labels.
            let takes_value = arg.get_action().takes_values();
            let has_env = arg.get_env().is_some();
            let arg = arg.help(help).long_help(None).hide_env(has_env);
            let arg = if takes_value { arg.hide_default_value(true).hide_possible_values(true) } else { arg };
            if names.is_empty() {
                arg
            } else {
                arg.value_names(names)
            }
        });
    }
    let subcommands: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in subcommands {
        let sub_path: Vec<String> = path.iter().cloned().chain([name.clone()]).collect();
        cmd = cmd.mut_subcommand(name, |sub| localize(sub, &sub_path));
    }
    cmd
}

/// Our own `-h/--help` and `-V/--version`, for their catalogue help; global,
/// so every command has them.
pub fn help_and_version(cmd: Command) -> Command {
    cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .global(true)
            .help(tr!("cli-arg-help"))
            .display_order(usize::MAX - 1),
    )
    .arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .global(true)
            .help(tr!("cli-arg-version"))
            .display_order(usize::MAX),
    )
}

/// clap's generated `help` commands exist only once the tree is built.
pub fn localize_help_commands(cmd: &mut Command) {
    for sub in cmd.get_subcommands_mut() {
        localize_help_commands(sub);
    }
    if cmd.find_subcommand("help").is_some() {
        let mut taken = std::mem::take(cmd);
        taken = taken.mut_subcommand("help", |help| {
            let template = template(&help);
            let names: Vec<String> = help.get_arguments().map(|a| a.get_id().to_string()).collect();
            let mut help = help
                .about(tr!("cli-help-about"))
                .help_template(template)
                .subcommand_value_name(tr!("cli-value-command"));
            for name in names {
                help = help.mut_arg(name, |arg| arg.value_name(tr!("cli-value-command")));
            }
            help
        });
        *cmd = taken;
    }
}

/// A help template with the headings from the catalogue, and only the
/// sections this command has (clap's `{all-args}` would add English ones).
fn template(cmd: &Command) -> String {
    let mut template = format!("{{before-help}}{{about-with-newline}}\n{} {{usage}}", tr!("cli-heading-usage"));
    if cmd.has_subcommands() {
        template.push_str(&format!("\n\n{}\n{{subcommands}}", tr!("cli-heading-commands")));
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        template.push_str(&format!("\n\n{}\n{{positionals}}", tr!("cli-heading-arguments")));
    }
    template.push_str(&format!("\n\n{}\n{{options}}{{after-help}}", tr!("cli-heading-options")));
    template
}

/// clap offers no setting for the `[OPTIONS]` placeholder of its usage
/// lines, so rendered help and usage pass through here.
pub fn fix_usage(rendered: &str) -> String {
    rendered.replace("[OPTIONS]", &tr!("cli-usage-options"))
}
