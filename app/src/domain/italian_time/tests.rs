use super::{ItalianTime, WallClockProblem, end_of_day, from_wall_clock};

mod props;

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
