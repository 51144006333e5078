//! The retention policy: how long sent and received documents, viewed
//! documents and audit records are kept (`retention show`, `retention
//! set`), the maximum a `--retain` may ask for, and the durations people
//! type (`15m`, `12h`, `7d`, `4w`, `1y`).

use super::Kind;
use crate::audit::{self, Action, Event, Outcome};
use crate::error::{Error, Result};
use crate::safe::Safe;
use crate::Context;
use rusqlite::params;
use serde::Serialize;
use std::time::Duration;

pub(super) const MINUTE: u64 = 60;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;
const WEEK: u64 = 7 * DAY;
const YEAR: u64 = 365 * DAY;

/// Parses `15m`, `12h`, `7d`, `4w`, `1y`. Zero, negative and absurd
/// durations are refused.
pub fn parse_duration(text: &str) -> Result<Duration> {
    let bad = || Error::InvalidDuration(text.chars().take(40).collect());
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
    let (digits, unit) = text.split_at(split);
    let n: u64 = digits.parse().map_err(|_| bad())?;
    // The short units, and the words people write ("14 days", "2 weken",
    // "1 an") in the three languages carepost speaks.
    let unit = match unit.trim().to_lowercase().as_str() {
        "m" | "min" | "minute" | "minutes" | "minuut" | "minuten" => MINUTE,
        "h" | "hour" | "hours" | "uur" | "heure" | "heures" => HOUR,
        "d" | "day" | "days" | "dag" | "dagen" | "j" | "jour" | "jours" => DAY,
        "w" | "week" | "weeks" | "weken" | "semaine" | "semaines" => WEEK,
        "y" | "year" | "years" | "jaar" | "jaren" | "an" | "ans" | "année" | "années" => YEAR,
        _ => return Err(bad()),
    };
    match n.checked_mul(unit) {
        Some(0) => Err(Error::ZeroDuration(text.chars().take(40).collect())),
        None => Err(bad()),
        Some(secs) if secs > 100 * YEAR => Err(bad()),
        Some(secs) => Ok(Duration::from_secs(secs)),
    }
}

/// The shortest exact spelling of `d` in the units `parse_duration` takes.
pub fn format_duration(d: Duration) -> String {
    let secs = d.as_secs();
    // Weeks are accepted on input but shown as days ("28d"), which reads
    // more plainly next to the other periods.
    for (unit, name) in [(YEAR, "y"), (DAY, "d"), (HOUR, "h"), (MINUTE, "m")] {
        if secs >= unit && secs.is_multiple_of(unit) {
            return format!("{}{name}", secs / unit);
        }
    }
    format!("{}m", secs.div_ceil(MINUTE))
}

/// `d` as a person reads it, in their language: `7 days`, `5 jaar`,
/// `15 minutes`. [`format_duration`] is the form typed and stored.
pub fn describe_duration(d: Duration) -> String {
    let secs = d.as_secs();
    for (unit, id) in [(YEAR, "duration-years"), (DAY, "duration-days"), (HOUR, "duration-hours")] {
        if secs >= unit && secs.is_multiple_of(unit) {
            return crate::i18n::translate(id, &[("count", crate::i18n::Arg::from(secs / unit))]);
        }
    }
    crate::tr!("duration-minutes", count = secs.div_ceil(MINUTE))
}

/// How long each kind of file is kept, and the limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy {
    #[serde(serialize_with = "as_duration")]
    pub sent: Duration,
    #[serde(serialize_with = "as_duration")]
    pub received: Duration,
    #[serde(serialize_with = "as_duration")]
    pub view: Duration,
    /// The longest `--retain` carepost accepts.
    #[serde(serialize_with = "as_duration")]
    pub max: Duration,
    /// How long audit records are kept.
    #[serde(serialize_with = "as_duration")]
    pub log: Duration,
}

fn as_duration<S: serde::Serializer>(d: &Duration, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&format_duration(*d))
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            sent: Duration::from_secs(7 * DAY),
            received: Duration::from_secs(14 * DAY),
            view: Duration::from_secs(15 * MINUTE),
            max: Duration::from_secs(90 * DAY),
            log: Duration::from_secs(5 * YEAR),
        }
    }
}

/// The shortest audit-log retention `retention set` accepts: the log must
/// outlive by far the documents it accounts for, and a typo such as
/// `log=1m` must not wipe the history at the next purge.
pub const MIN_LOG_RETENTION: Duration = Duration::from_secs(YEAR);

/// The settings that `retention set` accepts.
pub const KEYS: [&str; 5] = ["sent", "received", "view", "max", "log"];

/// Other words for the settings, as the README and the user guide speak of
/// them ("opened documents", "the outbox"), and the setting each means.
pub const KEY_WORDS: [(&str, &str); 5] =
    [("outbox", "sent"), ("opened", "received"), ("inbox", "received"), ("viewed", "view"), ("viewing", "view")];

/// The setting `word` names, if any: a key, or another word for one.
fn canonical_key(word: &str) -> Option<&'static str> {
    let word = word.to_lowercase();
    KEYS.iter().copied().find(|k| *k == word).or_else(|| KEY_WORDS.iter().find(|(w, _)| *w == word).map(|(_, k)| *k))
}

/// The accepted words, for an error message: "sent (outbox), received
/// (opened, inbox), …".
fn accepted_keys() -> String {
    KEYS.iter()
        .map(|k| {
            let others: Vec<&str> = KEY_WORDS.iter().filter(|(_, key)| key == k).map(|(w, _)| *w).collect();
            if others.is_empty() {
                (*k).to_owned()
            } else {
                format!("{k} ({})", others.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Policy {
    fn field(&mut self, key: &str) -> Option<&mut Duration> {
        match key {
            "sent" => Some(&mut self.sent),
            "received" => Some(&mut self.received),
            "view" => Some(&mut self.view),
            "max" => Some(&mut self.max),
            "log" => Some(&mut self.log),
            _ => None,
        }
    }

    /// The retention of `kind` (sealed documents follow `received`).
    pub fn for_kind(&self, kind: Kind) -> Duration {
        match kind {
            Kind::Sent => self.sent,
            Kind::Received | Kind::Sealed => self.received,
            Kind::View => self.view,
        }
    }

    /// The retention for a new file: `--retain` if given (within `max`),
    /// else the policy's.
    pub fn choose(&self, kind: Kind, retain: Option<Duration>) -> Result<Duration> {
        match retain {
            Some(d) if d > self.max => {
                Err(Error::RetainTooLong { asked: describe_duration(d), max: describe_duration(self.max) })
            }
            Some(d) => Ok(d),
            None => Ok(self.for_kind(kind)),
        }
    }
}

/// The current policy.
pub fn policy(ctx: &mut Context<'_>) -> Result<Policy> {
    let store = ctx.store()?;
    let mut policy = Policy::default();
    for key in KEYS {
        if let Some(value) = store.setting(&format!("retention.{key}"))? {
            if let Ok(d) = parse_duration(&value) {
                *policy.field(key).expect("known key") = d;
            }
        }
    }
    Ok(policy)
}

/// `retention set sent=30d received=7d`: all changes or none.
pub fn set(ctx: &mut Context<'_>, assignments: &[String]) -> Result<Policy> {
    let mut policy = policy(ctx)?;
    let mut changes = Vec::new();
    for assignment in assignments {
        let (key, value) = assignment
            .split_once('=')
            .ok_or_else(|| Error::Usage(crate::tr!("retention-set-syntax", given = assignment.clone())))?;
        let given = key.trim();
        let key = canonical_key(given).ok_or_else(|| {
            Error::Usage(crate::tr!("retention-unknown-key", key = Safe(given).to_string(), keys = accepted_keys()))
        })?;
        let duration = parse_duration(value)?;
        let field = policy.field(key).expect("a known key");
        *field = duration;
        changes.push((key.to_owned(), format_duration(duration)));
    }
    if changes.is_empty() {
        return Err(Error::Usage(crate::tr!("retention-set-syntax", given = "")));
    }
    if policy.log < MIN_LOG_RETENTION {
        return Err(Error::LogRetentionTooShort {
            asked: describe_duration(policy.log),
            min: describe_duration(MIN_LOG_RETENTION),
        });
    }
    let longest = policy.sent.max(policy.received).max(policy.view);
    if longest > policy.max {
        return Err(Error::RetainTooLong { asked: describe_duration(longest), max: describe_duration(policy.max) });
    }
    let store = ctx.store()?;
    let tx = store.connection().transaction()?;
    for (key, value) in &changes {
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![format!("retention.{key}"), value],
        )?;
    }
    tx.commit()?;
    let detail = changes.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(" ");
    audit::record(ctx, Event::new(Action::RetentionSet, Outcome::Success).detail(detail))?;
    Ok(policy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_in_the_units_people_use() {
        assert_eq!(parse_duration("15m").unwrap(), Duration::from_secs(15 * 60));
        assert_eq!(parse_duration("12h").unwrap(), Duration::from_secs(12 * 3600));
        assert_eq!(parse_duration("7d").unwrap(), Duration::from_secs(7 * 86400));
        assert_eq!(parse_duration("4w").unwrap(), Duration::from_secs(28 * 86400));
        assert_eq!(parse_duration("5y").unwrap(), Duration::from_secs(5 * 365 * 86400));
        for bad in ["0d", "-1d", "7", "d", "7x", "", "1.5d", "99999999999999999999d", "200y"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn durations_may_be_written_in_words() {
        let day = Duration::from_secs(86400);
        for (text, days) in [("14 days", 14), ("1 day", 1), ("2 weeks", 14), ("14 dagen", 14), ("2 weken", 14)] {
            assert_eq!(parse_duration(text).unwrap(), day * days, "{text}");
        }
        for (text, days) in [("14 jours", 14), ("2 semaines", 14), ("1 Year", 365), ("1 an", 365), ("1 jaar", 365)] {
            assert_eq!(parse_duration(text).unwrap(), day * days, "{text}");
        }
        assert_eq!(parse_duration("15 minutes").unwrap(), Duration::from_secs(900));
        assert_eq!(parse_duration("12 uur").unwrap(), Duration::from_secs(12 * 3600));
        for bad in ["14 fortnights", "days", "14 days ago"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn settings_may_be_named_as_the_guide_speaks_of_them() {
        assert_eq!(canonical_key("opened"), Some("received"));
        assert_eq!(canonical_key("inbox"), Some("received"));
        assert_eq!(canonical_key("outbox"), Some("sent"));
        assert_eq!(canonical_key("Viewed"), Some("view"));
        assert_eq!(canonical_key("log"), Some("log"));
        assert_eq!(canonical_key("documents"), None);
        assert_eq!(accepted_keys(), "sent (outbox), received (opened, inbox), view (viewed, viewing), max, log");
    }

    #[test]
    fn durations_print_back_exactly() {
        for text in ["15m", "12h", "7d", "5y", "90d", "1h", "36h"] {
            assert_eq!(format_duration(parse_duration(text).unwrap()), text);
        }
        assert_eq!(format_duration(parse_duration("4w").unwrap()), "28d");
    }

    #[test]
    fn retain_beyond_the_maximum_is_refused() {
        let policy = Policy::default();
        assert_eq!(policy.choose(Kind::Sent, None).unwrap(), policy.sent);
        assert!(policy.choose(Kind::Sent, Some(Duration::from_secs(30 * DAY))).is_ok());
        assert!(policy.choose(Kind::Sent, Some(Duration::from_secs(91 * DAY))).is_err());
    }
}
