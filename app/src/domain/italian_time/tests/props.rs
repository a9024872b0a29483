//! Properties of Italian time on any instant from 1900 to 2200 and on any text.

use proptest::prelude::*;

use super::super::civil;
use super::{ItalianTime, WallClockProblem, end_of_day, from_wall_clock};

/// Unix seconds from 1900 to 2200.
const INSTANTS: std::ops::Range<i64> = -2_208_988_800..7_258_118_400;

/// `unix` as RFC 3339 text with the offset `minutes` east of UTC.
fn rfc3339(unix: i64, minutes: i64) -> String {
    let local = unix + minutes * 60;
    let (year, month, day) = civil(local.div_euclid(86_400));
    let seconds = local.rem_euclid(86_400);
    let (hour, minute, second) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let zone = match minutes {
        0 => "Z".to_owned(),
        _ => {
            let sign = if minutes < 0 { '-' } else { '+' };
            format!("{sign}{:02}:{:02}", minutes.abs() / 60, minutes.abs() % 60)
        }
    };
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{zone}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The same instant written in UTC or with any offset reads as the same Italian time,
    /// one or two hours ahead of UTC.
    #[test]
    fn rfc3339_text_reads_as_its_instant(unix in INSTANTS, offset in -14 * 60..=14 * 60i64) {
        let at = ItalianTime::at(unix);
        prop_assert_eq!(ItalianTime::parse(&rfc3339(unix, 0)), Some(at));
        prop_assert_eq!(ItalianTime::parse(&rfc3339(unix, offset)), Some(at));
        prop_assert!([3600, 7200].contains(&(at.local - unix)));
        prop_assert_eq!(at.field_value(), format!("{}T{}", at.day(), at.clock()));
    }

    /// A wall-clock time shown for an instant gives back that minute, or the same minute an
    /// hour earlier when the hour happens twice (the first is meant).
    #[test]
    fn wall_clock_times_round_trip(unix in INSTANTS) {
        let shown = ItalianTime::at(unix).field_value();
        let found = from_wall_clock(&shown);
        prop_assert!(found.is_ok(), "{shown} gave {found:?}");
        let found = found.unwrap_or_default();
        prop_assert_eq!(ItalianTime::at(found).field_value(), shown.clone());
        let early = unix - found;
        prop_assert!((0..60).contains(&early) || (3600..3660).contains(&early), "{shown}: {early}");
        prop_assert_eq!(from_wall_clock(&format!("{shown}:00")), Ok(found));
    }

    /// A day ends at the next Italian midnight, whatever the summer time.
    #[test]
    fn days_end_at_the_next_midnight(days in INSTANTS.start / 86_400..INSTANTS.end / 86_400) {
        let (year, month, day) = civil(days);
        let end = end_of_day(year, month, day);
        prop_assert!(end.is_some());
        let end = end.unwrap_or_default();
        prop_assert_eq!(ItalianTime::at(end).clock(), "00:00");
        prop_assert_eq!(ItalianTime::at(end - 1).date(), (year, month, day));
    }

    /// Any text at all: no panic, and only the shapes the documentation gives are read.
    #[test]
    fn any_text_is_read_only_in_shape(text in any::<String>()) {
        if ItalianTime::parse(&text).is_some() {
            let b = text.as_bytes();
            let shaped = b.len() >= 20 && b[4] == b'-' && b[10].eq_ignore_ascii_case(&b'T');
            prop_assert!(shaped, "{text:?}");
        }
        if from_wall_clock(&text) != Err(WallClockProblem::Malformed) {
            prop_assert!(matches!(text.len(), 16 | 19) && text.as_bytes()[10] == b'T', "{text:?}");
        }
    }

    /// A valid time with a digit replaced by something else, or a separator by another
    /// character, is refused.
    #[test]
    fn one_wrong_character_is_refused(unix in INSTANTS, at in 0..20usize, c in any::<char>()) {
        let text = rfc3339(unix, 0);
        prop_assume!(wrong(&text, at, c, true));
        prop_assert_eq!(ItalianTime::parse(&replaced(&text, at, c)), None);
        let wall = &text[..19];
        if at < 19 && wrong(wall, at, c, false) {
            let typed = replaced(wall, at, c);
            prop_assert_eq!(from_wall_clock(&typed), Err(WallClockProblem::Malformed), "{}", typed);
        }
    }
}

/// Whether `c` cannot stand at `at` in the ASCII `text`: a digit there is replaced by a
/// non-digit, or a separator by another character (of another case too, unless `any_case`).
fn wrong(text: &str, at: usize, c: char, any_case: bool) -> bool {
    let was = char::from(text.as_bytes()[at]);
    if was.is_ascii_digit() {
        !c.is_ascii_digit()
    } else if any_case {
        !c.eq_ignore_ascii_case(&was)
    } else {
        c != was
    }
}

/// The ASCII `text` with the character at `at` replaced by `c`.
fn replaced(text: &str, at: usize, c: char) -> String {
    format!("{}{c}{}", &text[..at], &text[at + 1..])
}

/// Found by `one_wrong_character_is_refused`: text that is not RFC 3339 (other separators, a
/// sign, 31 February, a second 99, a trailing text) was read as a time.
#[test]
fn malformed_rfc3339_is_refused() {
    for bad in [
        "2024-01-15X10:00:00Z",
        "2024/01/15T10:00:00Z",
        "+024-01-15T10:00:00Z",
        "2024-02-31T10:00:00Z",
        "2024-01-15T10:00:99Z",
        "2024-01-15T10:00:+1Z",
        "2024-01-15T10:00:00+01:00junk",
        "2024-01-15T10:00:00..5Z",
    ] {
        assert_eq!(ItalianTime::parse(bad), None, "{bad}");
    }
}
