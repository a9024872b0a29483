//! Board times (RFC 3339, UTC) as Italians read them: «14 maggio 2024, ore 16:03», in Italian
//! time on both the server and the browser.

use crate::i18n::plan_texts;

/// `at` (RFC 3339) as an Italian date and time; other text is returned as it is.
pub fn italian_moment(at: &str) -> String {
    match italian_minute(at) {
        Some(minute) => plan_texts().long_date(&minute),
        None => at.to_owned(),
    }
}

/// The Italian wall-clock time at `at` (RFC 3339), as `YYYY-MM-DD HH:MM`: UTC+1, or UTC+2
/// from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
fn italian_minute(at: &str) -> Option<String> {
    let utc = unix_seconds(at)?;
    let year = civil(utc.div_euclid(86_400)).0;
    let summer = summer_switch(year, 3)..summer_switch(year, 10);
    let local = utc + if summer.contains(&utc) { 7200 } else { 3600 };
    let (y, m, d) = civil(local.div_euclid(86_400));
    let minutes = local.rem_euclid(86_400) / 60;
    Some(format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        minutes / 60,
        minutes % 60
    ))
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
        days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
    })
}

/// 01:00 UTC on the last Sunday of `month` (March or October, both 31 days long) of `year`.
fn summer_switch(year: i64, month: i64) -> i64 {
    let last = days_from_civil(year, month, 31);
    // 1970-01-01 was a Thursday: day 0 is 4 days after a Sunday.
    let since_sunday = (last + 4).rem_euclid(7);
    (last - since_sunday) * 86_400 + 3600
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
fn civil(days: i64) -> (i64, i64, i64) {
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
    use super::{italian_minute, italian_moment};

    #[test]
    fn times_read_in_italian_time() {
        assert_eq!(
            italian_minute("2024-04-20T14:03:00Z").as_deref(),
            Some("2024-04-20 16:03")
        );
        assert_eq!(
            italian_minute("2026-11-26T23:53:10Z").as_deref(),
            Some("2026-11-27 00:53")
        );
        assert_eq!(
            italian_minute("2024-01-15T10:00:00.123+01:00").as_deref(),
            Some("2024-01-15 10:00")
        );
        assert_eq!(italian_minute("yesterday"), None);
    }

    #[test]
    fn summer_time_switches_at_one_utc() {
        // 2024: summer time from 31 March to 27 October, at 01:00 UTC.
        assert_eq!(
            italian_minute("2024-03-31T00:59:00Z").as_deref(),
            Some("2024-03-31 01:59")
        );
        assert_eq!(
            italian_minute("2024-03-31T01:00:00Z").as_deref(),
            Some("2024-03-31 03:00")
        );
        assert_eq!(
            italian_minute("2024-10-27T00:59:00Z").as_deref(),
            Some("2024-10-27 02:59")
        );
        assert_eq!(
            italian_minute("2024-10-27T01:00:00Z").as_deref(),
            Some("2024-10-27 02:00")
        );
    }

    #[test]
    fn moments_are_written_out() {
        assert_eq!(
            italian_moment("2024-05-14T14:03:00Z"),
            "14 maggio 2024, ore 16:03"
        );
        assert_eq!(italian_moment("ieri"), "ieri");
    }
}
