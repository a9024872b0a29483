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
    /// then `Z` or an offset `±HH:MM`); `None` for other text and for days that do not exist.
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
/// or an offset `±HH:MM` (`T` and `Z` in either case); `None` for other text, or for a date
/// or time that does not exist (a leap second is allowed).
fn unix_seconds(at: &str) -> Option<i64> {
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    let bytes = at.as_bytes();
    let shaped = separators
        .iter()
        .all(|(i, c)| bytes.get(*i).is_some_and(|b| b.eq_ignore_ascii_case(c)));
    if !shaped {
        return None;
    }
    let (year, month, day) = (digits(at, 0..4)?, digits(at, 5..7)?, digits(at, 8..10)?);
    let (hour, minute) = (digits(at, 11..13)?, digits(at, 14..16)?);
    let second = digits(at, 17..19)?;
    let rest = at.get(19..)?;
    let zone = match rest.strip_prefix('.') {
        Some(fraction) => {
            let zone = fraction.trim_start_matches(|c: char| c.is_ascii_digit());
            (zone.len() < fraction.len()).then_some(zone)?
        }
        None => rest,
    };
    let offset = match zone.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (hours, minutes) = (digits(zone, 1..3)?, digits(zone, 4..6)?);
            let sign = if *sign == b'+' { 1 } else { -1 };
            (hours < 24 && minutes < 60).then_some(sign * (hours * 3600 + minutes * 60))?
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let valid = civil(days) == (year, month, day) && hour < 24 && minute < 60 && second <= 60;
    valid.then(|| days * DAY + hour * 3600 + minute * 60 + second - offset)
}

/// The number written with ASCII digits only (no sign) in `text[range]`.
fn digits(text: &str, range: std::ops::Range<usize>) -> Option<i64> {
    let part = text.get(range)?;
    let number = part.bytes().all(|b| b.is_ascii_digit());
    number.then(|| part.parse().ok()).flatten()
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
mod tests;
