//! Dates and times for people: local time, in the user's language
//! (`16 Dec 2026, 17:25`, `16 dec. 2026, 17:25`, `16 déc. 2026, 17:25`).
//!
//! Month names and the order of the parts live in the catalogues
//! (`date-month`, `date-day`, `date-day-time`). What carepost stores and
//! prints as JSON, and the audit log, stay RFC 3339 UTC ([`crate::fmt_time`]):
//! only what a person reads goes through here.

use crate::i18n;
use crate::safe::Safe;
use chrono::{DateTime, Datelike, Local, TimeZone};
use std::time::SystemTime;

/// A moment in local time: `16 Dec 2026, 17:25`.
pub fn date_time(t: SystemTime) -> String {
    date_time_in(&DateTime::<Local>::from(t), i18n::language().code())
}

/// A day in local time, for what ends on a day (a key's expiry): `16 Dec 2026`.
pub fn date(t: SystemTime) -> String {
    date_in(&DateTime::<Local>::from(t), i18n::language().code())
}

/// [`date_time`] of a time carepost stored as RFC 3339. Text that is not
/// one (a damaged state database, an edited log) is shown escaped, as is.
pub fn show_date_time(stored: &str) -> String {
    crate::parse_time(stored).map(date_time).unwrap_or_else(|| Safe(stored).to_string())
}

/// [`date`] of a time carepost stored as RFC 3339; see [`show_date_time`].
pub fn show_date(stored: &str) -> String {
    crate::parse_time(stored).map(date).unwrap_or_else(|| Safe(stored).to_string())
}

/// The widest [`date_time`] can be in the current language, for columns.
pub fn date_time_width() -> usize {
    date_time_width_in(i18n::language().code())
}

fn date_time_width_in(lang: &str) -> usize {
    (1..=12)
        .filter_map(|month| chrono::Utc.with_ymd_and_hms(2026, month, 28, 23, 59, 0).single())
        .map(|t| date_time_in(&t, lang).chars().count())
        .max()
        .unwrap_or(0)
}

/// `t` as a day and a time in language `lang`, in `t`'s own time zone.
pub fn date_time_in<Tz: TimeZone>(t: &DateTime<Tz>, lang: &str) -> String {
    let time = t.naive_local().format("%H:%M").to_string();
    i18n::translate_in(lang, "date-day-time", &day_args(t, lang, Some(time)))
}

/// `t` as a day in language `lang`, in `t`'s own time zone.
pub fn date_in<Tz: TimeZone>(t: &DateTime<Tz>, lang: &str) -> String {
    i18n::translate_in(lang, "date-day", &day_args(t, lang, None))
}

fn day_args<Tz: TimeZone>(t: &DateTime<Tz>, lang: &str, time: Option<String>) -> Vec<(&'static str, i18n::Arg)> {
    let local = t.naive_local();
    let month = i18n::translate_in(lang, "date-month", &[("month", i18n::Arg::from(local.month()))]);
    let mut args = vec![
        ("day", i18n::Arg::from(local.day().to_string())),
        ("month", i18n::Arg::from(month)),
        ("year", i18n::Arg::from(local.year().to_string())),
    ];
    if let Some(time) = time {
        args.push(("time", i18n::Arg::from(time)));
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, Utc};

    /// 16 December 2026, 16:25:11 UTC.
    fn instant() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 16, 16, 25, 11).unwrap()
    }

    /// Amsterdam and Brussels in winter (CET).
    fn cet() -> FixedOffset {
        FixedOffset::east_opt(3600).unwrap()
    }

    #[test]
    fn english_day_and_time() {
        assert_eq!(date_time_in(&instant().with_timezone(&cet()), "en"), "16 Dec 2026, 17:25");
        assert_eq!(date_in(&instant().with_timezone(&cet()), "en"), "16 Dec 2026");
    }

    #[test]
    fn dutch_day_and_time() {
        assert_eq!(date_time_in(&instant().with_timezone(&cet()), "nl"), "16 dec. 2026, 17:25");
        assert_eq!(date_in(&instant().with_timezone(&cet()), "nl"), "16 dec. 2026");
    }

    #[test]
    fn french_day_and_time() {
        assert_eq!(date_time_in(&instant().with_timezone(&cet()), "fr"), "16 déc. 2026, 17:25");
        assert_eq!(date_in(&instant().with_timezone(&cet()), "fr"), "16 déc. 2026");
    }

    #[test]
    fn utc_shows_utc_hours() {
        assert_eq!(date_time_in(&instant(), "en"), "16 Dec 2026, 16:25");
    }

    #[test]
    fn the_local_day_is_the_one_shown() {
        // 23:30 UTC on 31 March is already 1 April in Amsterdam (CEST, +02:00).
        let late = Utc.with_ymd_and_hms(2026, 3, 31, 23, 30, 0).unwrap();
        let cest = FixedOffset::east_opt(7200).unwrap();
        assert_eq!(date_time_in(&late.with_timezone(&cest), "nl"), "1 apr. 2026, 01:30");
        assert_eq!(date_in(&late, "en"), "31 Mar 2026");
    }

    #[test]
    fn every_month_has_a_name_in_every_language() {
        for lang in ["en", "nl", "fr"] {
            let mut names = std::collections::BTreeSet::new();
            for month in 1..=12u32 {
                let day = Utc.with_ymd_and_hms(2026, month, 1, 12, 0, 0).unwrap();
                let shown = date_in(&day, lang);
                assert!(!shown.contains("date-"), "{lang} month {month}: {shown}");
                names.insert(shown);
            }
            assert_eq!(names.len(), 12, "{lang}: month names repeat: {names:?}");
        }
        let may = Utc.with_ymd_and_hms(2026, 8, 5, 12, 0, 0).unwrap();
        assert_eq!(date_in(&may, "fr"), "5 août 2026");
    }

    #[test]
    fn the_column_width_fits_every_month() {
        assert_eq!(date_time_width_in("en"), "28 Dec 2026, 23:59".len());
        assert_eq!(date_time_width_in("fr"), "28 janv. 2026, 23:59".len());
    }

    #[test]
    fn stored_text_that_is_no_time_is_shown_escaped() {
        assert_eq!(show_date_time("2026\u{202E}"), Safe("2026\u{202E}").to_string());
        assert!(!show_date_time("2026\u{202E}").contains('\u{202E}'));
    }
}
