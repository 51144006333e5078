//! The printable patient leaflet (`carepost leaflet`): one self-contained
//! HTML page, in the language carepost speaks, that tells a patient who
//! sends them documents, the practice's fingerprint (hex, PGP words, QR
//! code), how documents arrive and the two ways to open them, what the
//! phone call is like, how long the practice keeps its copies and how to
//! stop.
//!
//! This module gathers what the page says (the identity, the retention
//! periods the home has, the practice's name and how to reach it as
//! remembered in the settings, the contact's delivery path), writes the
//! file without ever replacing one, remembers new practice details and
//! records the audit event in one transaction. [`html`] turns the content
//! into the page.

mod html;

pub use html::{render, Content, ForContact};

use crate::audit::{self, Action, Event, Outcome};
use crate::contacts::{self, Delivery};
use crate::error::{Error, Result};
use crate::fingerprint::{hex_groups, words};
use crate::Context;
use std::path::{Path, PathBuf};

/// The setting that remembers the practice's name (`--practice`).
pub const PRACTICE_SETTING: &str = "practice.name";
/// The setting that remembers whom patients contact with questions (`--reach`).
pub const REACH_SETTING: &str = "practice.reach";

/// The longest practice name or contact line accepted: a line on paper.
const MAX_TEXT: usize = 200;

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub output: PathBuf,
    /// The contact the leaflet is for: their delivery path is printed,
    /// never their alias or email.
    pub contact: Option<String>,
    /// The patient's name, printed only when given.
    pub patient_name: Option<String>,
    /// A new practice name to print and remember; empty forgets it.
    pub practice: Option<String>,
    /// A new contact line to print and remember; empty forgets it.
    pub reach: Option<String>,
}

/// What was written.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Made {
    pub output: PathBuf,
    pub language: &'static str,
    pub fingerprint: String,
    #[serde(rename = "for")]
    pub contact: Option<String>,
    /// How documents reach the contact (`key` or `password`); `None`
    /// without `--for`.
    pub delivery: Option<Delivery>,
    pub practice: Option<String>,
    pub reach: Option<String>,
}

/// A line of text for the leaflet: trimmed, one line, not too long.
fn checked(text: &str, what: &str) -> Result<String> {
    let text = text.trim();
    if text.chars().any(char::is_control) || text.chars().count() > MAX_TEXT {
        return Err(Error::Usage(crate::tr!("leaflet-text-invalid", option = what, max = MAX_TEXT)));
    }
    Ok(text.to_owned())
}

/// The remembered value of `key`, replaced by `given` when the user gave
/// one (an empty one forgets it). Returns what to print and what to store.
fn setting(ctx: &mut Context<'_>, key: &str, given: Option<&str>, what: &str) -> Result<(Option<String>, bool)> {
    match given {
        Some(text) => {
            let text = checked(text, what)?;
            Ok(((!text.is_empty()).then_some(text), true))
        }
        None => Ok((ctx.store()?.setting(key)?.filter(|v| !v.is_empty()), false)),
    }
}

/// Refuses an existing file (carepost never replaces one) and a missing folder.
fn check_output(path: &Path) -> Result<()> {
    if path.symlink_metadata().is_ok() {
        return Err(Error::OutputExists(path.to_path_buf()));
    }
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() && !parent.is_dir() => {
            Err(Error::OutputDir(parent.to_path_buf()))
        }
        _ => Ok(()),
    }
}

/// Writes the leaflet to `request.output`, remembers the practice details
/// given, and records a `leaflet` audit event.
pub fn make(ctx: &mut Context<'_>, request: &Request) -> Result<Made> {
    let identity = ctx.identity()?;
    let fingerprint = identity.fingerprint_hex();
    let patient_name = request.patient_name.as_deref().map(|n| checked(n, "--name")).transpose()?;
    let (practice, save_practice) = setting(ctx, PRACTICE_SETTING, request.practice.as_deref(), "--practice")?;
    let (reach, save_reach) = setting(ctx, REACH_SETTING, request.reach.as_deref(), "--reach")?;
    let contact = request.contact.as_deref().map(|alias| contacts::get(ctx, alias)).transpose()?;
    check_output(&request.output)?;
    let policy = crate::retention::policy(ctx)?;
    let language = crate::i18n::language().code();
    let content = Content {
        language,
        name: identity.name(),
        email: identity.email(),
        practice: practice.clone(),
        reach: reach.clone(),
        hex: hex_groups(&fingerprint),
        words: words(&identity.fingerprint()),
        qr_svg: crate::fingerprint::qr_svg(&fingerprint),
        contact: contact.as_ref().map(|c| match c.fingerprint() {
            Some(hex) => ForContact::Key { fingerprint: hex_groups(&hex) },
            None => ForContact::Password,
        }),
        patient_name: patient_name.filter(|n| !n.is_empty()),
        policy,
        date: crate::when::show_date(&crate::fmt_time(ctx.now)),
    };
    crate::home::write_atomic(&request.output, render(&content).as_bytes(), false).map_err(|e| {
        if request.output.symlink_metadata().is_ok() {
            Error::OutputExists(request.output.clone())
        } else {
            e
        }
    })?;
    let delivery = contact.as_ref().map(|c| c.delivery());
    let mut event = Event::new(Action::Leaflet, Outcome::Success).detail(match delivery {
        Some(d) => format!("language {language}; {}", d.as_str()),
        None => format!("language {language}"),
    });
    if let Some(c) = &contact {
        event.contact = Some(c.alias.clone());
        event.fingerprint = c.fingerprint();
    }
    let stored = [(PRACTICE_SETTING, save_practice, &practice), (REACH_SETTING, save_reach, &reach)];
    audit::record_all(ctx, vec![event], |tx| {
        for (key, save, value) in stored {
            if save {
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    rusqlite::params![key, value.as_deref().unwrap_or_default()],
                )?;
            }
        }
        Ok(())
    })?;
    Ok(Made {
        output: request.output.clone(),
        language,
        fingerprint,
        contact: contact.map(|c| c.alias),
        delivery,
        practice,
        reach,
    })
}
