//! Properties of [`Day`] on every date from year 1 to 9999 and on any text.

use proptest::prelude::*;

use super::{Day, DayProblem};
use crate::domain::italian_time::end_of_day;

/// `YYYY-MM-DD` of any numbers, real date or not.
fn written(year: u32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// A real date, as year, month and day (at most the 28th, which every month has).
fn date() -> impl Strategy<Value = (u32, u32, u32)> {
    (1..=9999u32, 1..=12u32, 1..=28u32)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A day is accepted exactly when the calendar of `italian_time` has it, and then reads
    /// back as written, in Italian too.
    #[test]
    fn days_are_the_calendars_days(year in 1..=9999u32, month in 0..=13u32, day in 0..=32u32) {
        let text = written(year, month, day);
        let real = month >= 1 && day >= 1
            && end_of_day(year.into(), month.into(), day.into()).is_some();
        match Day::parse_any(&text) {
            Ok(parsed) => {
                prop_assert!(real, "{text} accepted");
                prop_assert_eq!(parsed.as_str(), text.as_str());
                prop_assert_eq!(parsed.short(), format!("{day}/{month}"));
                prop_assert!(parsed.long().starts_with(&format!("{day} ")), "{}", parsed.long());
                prop_assert!(parsed.long().ends_with(&format!(" {year:04}")), "{}", parsed.long());
            }
            Err(problem) => {
                prop_assert!(!real, "{text} refused");
                prop_assert_eq!(problem, DayProblem::NoSuchDay);
            }
        }
    }

    /// Text order is date order.
    #[test]
    fn text_order_is_date_order(a in date(), b in date()) {
        let day = |(y, m, d)| Day::parse_any(&written(y, m, d));
        prop_assert_eq!(day(a).ok().cmp(&day(b).ok()), a.cmp(&b));
    }

    /// Around the value typed, spaces are ignored; days after today are refused.
    #[test]
    fn only_days_up_to_today_are_parsed(
        (year, month, day) in date(),
        today in date(),
        spaces in "[ \t\n]{0,3}",
    ) {
        let today = Day::parse_any(&written(today.0, today.1, today.2));
        let today = today.map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        let parsed = Day::parse(&format!("{spaces}{}{spaces}", written(year, month, day)), &today);
        match parsed {
            Ok(parsed) => prop_assert!(parsed <= today),
            Err(problem) => {
                prop_assert_eq!(problem, DayProblem::Future);
                prop_assert!(written(year, month, day).as_str() > today.as_str());
            }
        }
    }

    /// Any text: no panic; accepted only when it is ten characters `YYYY-MM-DD`.
    #[test]
    fn other_text_is_refused(
        text in prop_oneof![any::<String>(), "[0-9-]{8,12}", "[0-9]{4}-[0-9]{2}-[0-9]{1,3}"],
    ) {
        if let Ok(parsed) = Day::parse_any(&text) {
            prop_assert_eq!(parsed.as_str(), text.as_str());
            let shaped = text.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
            prop_assert!(text.len() == 10 && shaped, "{text:?}");
            prop_assert!(!parsed.long().is_empty() && !parsed.short().is_empty());
        }
    }
}
