//! `carepost contact consent ALIAS --give HOW | --withdraw [--note TEXT]`:
//! records that a patient agreed to documents by this channel after being
//! told what it is, or that they withdrew. Also what `contact add` asks
//! and tells about consent.

use crate::cli::contact::ContactConsentArgs;
use crate::ui::Output;
use carepost::consent;
use carepost::consent_state::{ConsentHow, ConsentState};
use carepost::contacts::Contact;
use carepost::{tr, Context, Error};

pub fn run(ctx: &mut Context<'_>, args: ContactConsentArgs, out: &Output) -> Result<(), Error> {
    let contact = match args.give {
        Some(how) => consent::give(ctx, &args.alias, how.into(), args.note.as_deref())?,
        None => consent::withdraw(ctx, &args.alias, args.note.as_deref())?,
    };
    let summary = contact.summary(ctx.now);
    out.result(&summary, |w| writeln!(w, "{}", recorded_line(&contact)))
}

/// What `contact consent` and `contact add --consent` say once consent
/// was recorded.
pub(super) fn recorded_line(contact: &Contact) -> String {
    let alias = contact.alias.clone();
    match &contact.consent {
        Some(record) if record.state == ConsentState::Given => tr!(
            "consent-given-done",
            alias = alias,
            how = record.how.map(ConsentHow::label).unwrap_or_default(),
            date = carepost::when::show_date(&record.at)
        ),
        Some(record) => tr!("consent-withdrawn-done", alias = alias, date = carepost::when::show_date(&record.at)),
        None => tr!("consent-missing-note", alias = alias),
    }
}

/// A patient's consent in words (`contact show`); `None` for a colleague.
pub(super) fn label(contact: &Contact) -> Option<String> {
    Some(contact.consent_summary()?.describe())
}

/// The mark `contact list` puts after a patient who cannot be sent
/// anything yet; `None` when consent is given (and for a colleague).
pub(super) fn list_mark(contact: &Contact) -> Option<String> {
    match contact.consent_summary()?.state {
        ConsentState::Given => None,
        ConsentState::Withdrawn => Some(tr!("consent-list-withdrawn")),
        ConsentState::Missing => Some(tr!("consent-list-missing")),
    }
}

/// `contact add` without `--consent` for a patient, at a terminal: shows
/// what the patient should have been told and asks how they consented.
/// `Ok(None)`: not yet (or nobody at a terminal to ask).
pub(super) fn ask(ctx: &mut Context<'_>, alias: &str) -> Result<Option<ConsentHow>, Error> {
    if !ctx.prompter.is_interactive() {
        return Ok(None);
    }
    ctx.prompter.notice(&tr!("consent-explain"));
    ctx.prompter.notice(&tr!("consent-ask-choices", alias = alias));
    let choice = ctx.prompter.line(&tr!("consent-ask-choose"))?;
    match choice.trim() {
        "1" => Ok(Some(ConsentHow::Verbal)),
        "2" => Ok(Some(ConsentHow::Written)),
        "3" => Ok(Some(ConsentHow::Portal)),
        "4" => Ok(None),
        _ => Err(Error::Usage(tr!("consent-ask-bad-choice"))),
    }
}
