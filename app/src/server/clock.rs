//! The current time, in the two forms the database stores, and Italian days and minutes (by
//! the rule in [`crate::domain::italian_time`]).

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::domain::italian_time::{self, ItalianTime};

/// Seconds since the Unix epoch.
pub fn unix_now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// Now as RFC 3339 text in UTC, to the second (for instance `2024-05-06T09:30:00Z`).
pub fn rfc3339_now() -> String {
    let now = OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    now.format(&Rfc3339).unwrap_or_default()
}

/// The RFC 3339 instant `at` in Unix seconds; `None` if `at` is not RFC 3339.
pub fn unix_of(at: &str) -> Option<i64> {
    Some(OffsetDateTime::parse(at, &Rfc3339).ok()?.unix_timestamp())
}

/// The day in Italy (Europe/Rome) at the RFC 3339 instant `at`, as `YYYY-MM-DD`; the days of
/// the public figures are Italian days. `None` if `at` is not RFC 3339.
pub fn italian_day(at: &str) -> Option<String> {
    italian_time_at(at).map(ItalianTime::day)
}

/// Today in Italy, as `YYYY-MM-DD`.
pub fn italian_today() -> String {
    ItalianTime::at(unix_now()).day()
}

/// The instant a day (`YYYY-MM-DD`) ends in Italy, that is midnight at the start of the next
/// Italian day, in Unix seconds: deadlines fall due then. `None` if `day` is not a date.
pub fn end_of_italian_day(day: &str) -> Option<i64> {
    let date = time::Date::parse(
        day,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()?;
    let month = u8::from(date.month());
    italian_time::end_of_day(date.year().into(), month.into(), date.day().into())
}

/// The Italian date and time, to the minute, at the RFC 3339 instant `at`, as
/// `YYYY-MM-DD HH:MM` (what people read next to a saved version). `None` if `at` is not RFC 3339.
pub fn italian_minute(at: &str) -> Option<String> {
    italian_time_at(at).map(ItalianTime::minute)
}

/// The Italian time at the RFC 3339 instant `at`, read strictly (the `time` crate's parser).
fn italian_time_at(at: &str) -> Option<ItalianTime> {
    let instant = OffsetDateTime::parse(at, &Rfc3339).ok()?;
    Some(ItalianTime::at(instant.unix_timestamp()))
}

#[cfg(test)]
mod tests {
    use super::{end_of_italian_day, italian_day, italian_minute};

    #[test]
    fn saved_times_read_in_italian_time() {
        assert_eq!(
            italian_minute("2024-04-20T14:03:00Z").as_deref(),
            Some("2024-04-20 16:03")
        );
        assert_eq!(
            italian_minute("2026-11-26T23:53:10Z").as_deref(),
            Some("2026-11-27 00:53")
        );
        assert_eq!(italian_minute("yesterday"), None);
    }

    #[test]
    fn days_end_at_italian_midnight() {
        // 14 May 2024 ends at 22:00 UTC (summer time); 15 January at 23:00 UTC.
        assert_eq!(end_of_italian_day("2024-05-14"), Some(1_715_724_000));
        assert_eq!(end_of_italian_day("2024-01-15"), Some(1_705_359_600));
        // The day summer time starts: midnight after it is already UTC+2.
        assert_eq!(end_of_italian_day("2024-03-31"), Some(1_711_922_400));
        assert_eq!(end_of_italian_day("2024-02-30"), None);
    }

    #[test]
    fn days_follow_italian_time_and_strict_rfc_3339() {
        assert_eq!(
            italian_day("2024-01-15T22:59:59Z").as_deref(),
            Some("2024-01-15")
        );
        assert_eq!(
            italian_day("2024-05-06T22:00:00Z").as_deref(),
            Some("2024-05-07")
        );
        assert_eq!(italian_day("not a time"), None);
        assert_eq!(italian_day("2023-02-29T10:00:00Z"), None, "no such day");
    }
}
