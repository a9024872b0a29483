//! Italian (Europe/Rome) wall-clock time from UTC, by plain integer arithmetic, so the browser
//! and the server read every time alike: UTC+1, or UTC+2 in summer time, which runs from 01:00
//! UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.

/// Seconds in a day.
const DAY: i64 = 86_400;

/// A moment as an Italian wall clock shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItalianTime {
    /// Seconds since 1970-01-01 00:00 on the Italian wall clock.
    local: i64,
}

impl ItalianTime {
    /// The Italian time at `unix`, in seconds since the Unix epoch.
    pub fn at(unix: i64) -> Self {
        let year = civil(unix.div_euclid(DAY)).0;
        let summer = summer_switch(year, 3)..summer_switch(year, 10);
        let hours = if summer.contains(&unix) { 2 } else { 1 };
        Self {
            local: unix + hours * 3600,
        }
    }

    /// The Italian time at `at`, RFC 3339 text (`YYYY-MM-DDTHH:MM:SS`, an optional fraction,
    /// then `Z` or an offset `±HH:MM`); `None` for other text.
    pub fn parse(at: &str) -> Option<Self> {
        unix_seconds(at).map(Self::at)
    }

    /// The date, as `YYYY-MM-DD`.
    pub fn day(self) -> String {
        let (year, month, day) = civil(self.local.div_euclid(DAY));
        format!("{year:04}-{month:02}-{day:02}")
    }

    /// The time to the minute, as `HH:MM`.
    pub fn clock(self) -> String {
        let minutes = self.local.rem_euclid(DAY) / 60;
        format!("{:02}:{:02}", minutes / 60, minutes % 60)
    }

    /// The value of a `datetime-local` field, `YYYY-MM-DDTHH:MM`.
    pub fn field_value(self) -> String {
        format!("{}T{}", self.day(), self.clock())
    }

    /// The date, year, month and day.
    pub fn date(self) -> (i64, i64, i64) {
        civil(self.local.div_euclid(DAY))
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    pub fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday.
        (self.local.div_euclid(DAY) + 3).rem_euclid(7) as usize
    }

    /// The date and the time to the minute, as `YYYY-MM-DD HH:MM`.
    pub fn minute(self) -> String {
        let minutes = self.local.rem_euclid(DAY) / 60;
        format!("{} {:02}:{:02}", self.day(), minutes / 60, minutes % 60)
    }
}

/// When the Italian day `year`-`month`-`day` ends, that is midnight at the start of the next
/// Italian day, in seconds since the Unix epoch; `None` if there is no such date.
pub fn end_of_day(year: i64, month: i64, day: i64) -> Option<i64> {
    let days = days_from_civil(year, month, day);
    if civil(days) != (year, month, day) {
        return None;
    }
    let next_midnight = (days + 1) * DAY;
    [2, 1]
        .map(|hours| next_midnight - hours * 3600)
        .into_iter()
        .find(|end| ItalianTime::at(*end).local == next_midnight)
}

/// Why a typed wall-clock time has no instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WallClockProblem {
    /// Not `YYYY-MM-DDTHH:MM` (seconds allowed), or no such date or time.
    Malformed,
    /// The hour skipped when summer time starts (02:00 to 03:00 on the last Sunday of March).
    Skipped,
}

/// The instant, in Unix seconds, of an Italian wall-clock time `YYYY-MM-DDTHH:MM[:SS]` (as a
/// `datetime-local` field sends it). Of the hour that happens twice when summer time ends, the
/// first (still summer time) is meant.
pub fn from_wall_clock(text: &str) -> Result<i64, WallClockProblem> {
    let number = |range: std::ops::Range<usize>| {
        text.get(range.clone())
            .filter(|part| part.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|part| part.parse::<i64>().ok())
    };
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':')];
    let shaped = matches!(text.len(), 16 | 19)
        && separators.iter().all(|(at, c)| text.as_bytes()[*at] == *c)
        && (text.len() == 16 || text.as_bytes()[16] == b':');
    let parts = (
        number(0..4),
        number(5..7),
        number(8..10),
        number(11..13),
        number(14..16),
    );
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute)) = parts else {
        return Err(WallClockProblem::Malformed);
    };
    let second = if text.len() == 19 {
        number(17..19)
    } else {
        Some(0)
    };
    let days = days_from_civil(year, month, day);
    let valid = shaped && civil(days) == (year, month, day) && hour < 24 && minute < 60;
    let Some(second) = second.filter(|s| valid && *s < 60) else {
        return Err(WallClockProblem::Malformed);
    };
    let local = days * DAY + hour * 3600 + minute * 60 + second;
    [2, 1]
        .map(|hours| local - hours * 3600)
        .into_iter()
        .find(|unix| ItalianTime::at(*unix).local == local)
        .ok_or(WallClockProblem::Skipped)
}

/// Seconds since the Unix epoch at `at`: `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z`
/// or an offset `±HH:MM`.
fn unix_seconds(at: &str) -> Option<i64> {
    let number = |range: std::ops::Range<usize>| at.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    let zone = at
        .get(19..)?
        .trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let hours = zone.get(1..3)?.parse::<i64>().ok()?;
            let minutes = zone.get(4..6)?.parse::<i64>().ok()?;
            sign * (hours * 3600 + minutes * 60)
        }
    };
    let valid = (1..=12).contains(&month) && (1..=31).contains(&day) && hour < 24 && minute < 60;
    valid.then(|| {
        days_from_civil(year, month, day) * DAY + hour * 3600 + minute * 60 + second - offset
    })
}

/// 01:00 UTC on the last Sunday of `month` (March or October, both 31 days long) of `year`.
fn summer_switch(year: i64, month: i64) -> i64 {
    let last = days_from_civil(year, month, 31);
    // 1970-01-01 was a Thursday: day 0 is 4 days after a Sunday.
    let since_sunday = (last + 4).rem_euclid(7);
    (last - since_sunday) * DAY + 3600
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `(year, month, day)` of a day count since 1970-01-01.
pub fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::{ItalianTime, WallClockProblem, end_of_day, from_wall_clock};

    #[test]
    fn wall_clock_times_find_their_instant_across_summer_time() {
        // 2026: summer time ends on 25 October at 03:00 (back to 02:00).
        let at = |text| from_wall_clock(text).map(|unix| ItalianTime::at(unix).minute());
        assert_eq!(from_wall_clock("2026-10-24T10:00"), Ok(1_792_828_800));
        assert_eq!(from_wall_clock("2026-10-25T10:00"), Ok(1_792_918_800));
        assert_eq!(at("2026-10-25T10:00").as_deref(), Ok("2026-10-25 10:00"));
        // 02:30 happens twice: the first is meant (00:30 UTC).
        assert_eq!(from_wall_clock("2026-10-25T02:30"), Ok(1_792_888_200));
        // 02:30 on 29 March 2026 does not happen.
        assert_eq!(
            from_wall_clock("2026-03-29T02:30"),
            Err(WallClockProblem::Skipped)
        );
        assert_eq!(at("2026-03-29T03:00").as_deref(), Ok("2026-03-29 03:00"));
        assert_eq!(at("2024-02-29T23:59:30").as_deref(), Ok("2024-02-29 23:59"));
        for bad in [
            "",
            "2026-02-29T10:00",
            "2026-10-25 10:00",
            "2026-10-25T24:00",
            "2026-10-25T10:60",
            "2026-1-25T10:00",
            "+026-10-25T10:00",
            "2026-10-25T10:00Z",
            "2026-10-25T10:00:60",
        ] {
            assert_eq!(
                from_wall_clock(bad),
                Err(WallClockProblem::Malformed),
                "{bad}"
            );
        }
    }

    #[test]
    fn clocks_and_weekdays() {
        let at = ItalianTime::parse("2026-10-25T09:05:00Z").unwrap();
        assert_eq!(at.clock(), "10:05");
        assert_eq!(at.field_value(), "2026-10-25T10:05");
        assert_eq!(at.weekday(), 6);
        assert_eq!(at.date(), (2026, 10, 25));
    }

    fn minute(at: &str) -> Option<String> {
        ItalianTime::parse(at).map(ItalianTime::minute)
    }

    fn day(at: &str) -> Option<String> {
        ItalianTime::parse(at).map(ItalianTime::day)
    }

    #[test]
    fn times_read_in_italian_time() {
        assert_eq!(
            minute("2024-04-20T14:03:00Z").as_deref(),
            Some("2024-04-20 16:03")
        );
        assert_eq!(
            minute("2026-11-26T23:53:10Z").as_deref(),
            Some("2026-11-27 00:53")
        );
        assert_eq!(
            minute("2024-01-15T10:00:00.123+01:00").as_deref(),
            Some("2024-01-15 10:00")
        );
        assert_eq!(
            minute("2024-01-15T10:00:00-02:30").as_deref(),
            Some("2024-01-15 13:30")
        );
        assert_eq!(minute("yesterday"), None);
        assert_eq!(minute("2024-13-01T10:00:00Z"), None);
        assert_eq!(minute("2024-01-15T10:00:00"), None);
    }

    #[test]
    fn summer_time_switches_at_one_utc() {
        // 2024: summer time from 31 March to 27 October, at 01:00 UTC.
        assert_eq!(
            minute("2024-03-31T00:59:00Z").as_deref(),
            Some("2024-03-31 01:59")
        );
        assert_eq!(
            minute("2024-03-31T01:00:00Z").as_deref(),
            Some("2024-03-31 03:00")
        );
        assert_eq!(
            minute("2024-10-27T00:59:00Z").as_deref(),
            Some("2024-10-27 02:59")
        );
        assert_eq!(
            minute("2024-10-27T01:00:00Z").as_deref(),
            Some("2024-10-27 02:00")
        );
        // 2025: from 30 March to 26 October.
        assert_eq!(
            minute("2025-03-30T01:00:00Z").as_deref(),
            Some("2025-03-30 03:00")
        );
        assert_eq!(
            minute("2025-10-26T00:59:59Z").as_deref(),
            Some("2025-10-26 02:59")
        );
    }

    #[test]
    fn days_follow_italian_time_across_summer_time() {
        assert_eq!(day("2024-01-15T22:59:59Z").as_deref(), Some("2024-01-15"));
        assert_eq!(day("2024-01-15T23:00:00Z").as_deref(), Some("2024-01-16"));
        assert_eq!(day("2024-05-06T21:59:59Z").as_deref(), Some("2024-05-06"));
        assert_eq!(day("2024-05-06T22:00:00Z").as_deref(), Some("2024-05-07"));
        assert_eq!(day("2024-03-30T23:30:00Z").as_deref(), Some("2024-03-31"));
        assert_eq!(day("2024-03-31T22:30:00Z").as_deref(), Some("2024-04-01"));
        assert_eq!(day("2024-10-26T22:30:00Z").as_deref(), Some("2024-10-27"));
        assert_eq!(day("2024-10-27T22:30:00Z").as_deref(), Some("2024-10-27"));
        assert_eq!(day("2024-10-27T23:00:00Z").as_deref(), Some("2024-10-28"));
        assert_eq!(day("not a time"), None);
    }

    #[test]
    fn year_ends_and_leap_days() {
        assert_eq!(
            minute("2024-12-31T22:59:00Z").as_deref(),
            Some("2024-12-31 23:59")
        );
        assert_eq!(
            minute("2024-12-31T23:00:00Z").as_deref(),
            Some("2025-01-01 00:00")
        );
        assert_eq!(day("2024-02-28T23:30:00Z").as_deref(), Some("2024-02-29"));
        assert_eq!(day("2024-02-29T23:30:00Z").as_deref(), Some("2024-03-01"));
        assert_eq!(day("2023-02-28T23:30:00Z").as_deref(), Some("2023-03-01"));
        assert_eq!(day("2000-02-28T23:30:00Z").as_deref(), Some("2000-02-29"));
        assert_eq!(day("2100-02-28T23:30:00Z").as_deref(), Some("2100-03-01"));
    }

    #[test]
    fn days_end_at_italian_midnight() {
        // 14 May 2024 ends at 22:00 UTC (summer time); 15 January at 23:00 UTC.
        assert_eq!(end_of_day(2024, 5, 14), Some(1_715_724_000));
        assert_eq!(end_of_day(2024, 1, 15), Some(1_705_359_600));
        // The days summer time starts and ends: the midnight after them is already past it.
        assert_eq!(end_of_day(2024, 3, 31), Some(1_711_922_400));
        assert_eq!(end_of_day(2024, 10, 27), Some(1_730_070_000));
        // The year's last day and a leap day.
        assert_eq!(end_of_day(2024, 12, 31), Some(1_735_686_000));
        assert_eq!(end_of_day(2024, 2, 29), Some(1_709_247_600));
        assert_eq!(end_of_day(2023, 2, 29), None);
        assert_eq!(end_of_day(2024, 2, 30), None);
        assert_eq!(end_of_day(2024, 13, 1), None);
    }
}
