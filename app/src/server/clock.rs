//! The current time, in the two forms the database stores.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

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

/// The day in Italy (Europe/Rome) at the RFC 3339 instant `at`, as `YYYY-MM-DD`; the days of
/// the public figures are Italian days. `None` if `at` is not RFC 3339.
pub fn italian_day(at: &str) -> Option<String> {
    let instant = OffsetDateTime::parse(at, &Rfc3339).ok()?;
    Some(italian_date(instant).to_string())
}

/// Today in Italy, as `YYYY-MM-DD`.
pub fn italian_today() -> String {
    italian_date(OffsetDateTime::now_utc()).to_string()
}

/// The instant a day (`YYYY-MM-DD`) ends in Italy, that is midnight at the start of the next
/// Italian day, in Unix seconds: deadlines fall due then. `None` if `day` is not a date.
pub fn end_of_italian_day(day: &str) -> Option<i64> {
    let date = time::Date::parse(
        day,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()?;
    let next = date.next_day()?;
    let midnight_utc = next.midnight().assume_utc();
    [2, 1]
        .into_iter()
        .map(|hours| midnight_utc - time::Duration::hours(hours))
        .find(|end| {
            italian_date(*end) == next && italian_date(*end - time::Duration::seconds(1)) == date
        })
        .map(OffsetDateTime::unix_timestamp)
}

/// The Italian date and time, to the minute, at the RFC 3339 instant `at`, as
/// `YYYY-MM-DD HH:MM` (what people read next to a saved version). `None` if `at` is not RFC 3339.
pub fn italian_minute(at: &str) -> Option<String> {
    let local = italian_time(OffsetDateTime::parse(at, &Rfc3339).ok()?);
    Some(format!(
        "{} {:02}:{:02}",
        local.date(),
        local.hour(),
        local.minute()
    ))
}

/// The calendar date in Italy at `instant`.
fn italian_date(instant: OffsetDateTime) -> time::Date {
    italian_time(instant).date()
}

/// The wall-clock time in Italy at `instant`: UTC+1, or UTC+2 in summer time, which runs from
/// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
fn italian_time(instant: OffsetDateTime) -> time::PrimitiveDateTime {
    let utc = instant.to_offset(time::UtcOffset::UTC);
    let year = utc.year();
    let summer = summer_time_switch(year, time::Month::March)
        ..summer_time_switch(year, time::Month::October);
    let hours = if summer.contains(&utc) { 2 } else { 1 };
    let local = utc + time::Duration::hours(hours);
    time::PrimitiveDateTime::new(local.date(), local.time())
}

/// 01:00 UTC on the last Sunday of `month` (March or October) of `year`.
fn summer_time_switch(year: i32, month: time::Month) -> OffsetDateTime {
    let last = time::Date::from_calendar_date(year, month, 31).unwrap_or(time::Date::MIN);
    let back = last.weekday().number_days_from_sunday();
    let sunday = last - time::Duration::days(i64::from(back));
    sunday
        .with_hms(1, 0, 0)
        .unwrap_or(time::PrimitiveDateTime::MIN)
        .assume_utc()
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
    fn days_follow_italian_time_across_summer_time() {
        // Winter: UTC+1.
        assert_eq!(
            italian_day("2024-01-15T22:59:59Z").as_deref(),
            Some("2024-01-15")
        );
        assert_eq!(
            italian_day("2024-01-15T23:00:00Z").as_deref(),
            Some("2024-01-16")
        );
        // Summer: UTC+2 (from 31 March 2024 to 27 October 2024).
        assert_eq!(
            italian_day("2024-05-06T21:59:59Z").as_deref(),
            Some("2024-05-06")
        );
        assert_eq!(
            italian_day("2024-05-06T22:00:00Z").as_deref(),
            Some("2024-05-07")
        );
        assert_eq!(
            italian_day("2024-03-30T23:30:00Z").as_deref(),
            Some("2024-03-31")
        );
        assert_eq!(
            italian_day("2024-03-31T22:30:00Z").as_deref(),
            Some("2024-04-01")
        );
        assert_eq!(
            italian_day("2024-10-27T22:30:00Z").as_deref(),
            Some("2024-10-27")
        );
        assert_eq!(italian_day("not a time"), None);
    }
}
