//! A day of the figures, as `?al=` and the open data write it.

use serde::{Deserialize, Serialize};

use crate::i18n::texts;

/// A calendar day, `YYYY-MM-DD`; text order is date order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Day(String);

/// Why a requested day was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayProblem {
    /// Not written as `YYYY-MM-DD`.
    Format,
    /// Well written, but no such day (30 February).
    NoSuchDay,
    /// After today: the figures of the future are not known.
    Future,
}

impl DayProblem {
    /// The message shown to the person, in their language.
    pub fn message(self) -> &'static str {
        let texts = texts();
        match self {
            Self::Format => texts.day_format,
            Self::NoSuchDay => texts.day_missing,
            Self::Future => texts.day_future,
        }
    }
}

impl Day {
    /// Parses `YYYY-MM-DD` (a real calendar day, not after `today`).
    pub fn parse(text: &str, today: &Day) -> Result<Self, DayProblem> {
        let parsed = Self::parse_any(text.trim())?;
        if &parsed > today {
            return Err(DayProblem::Future);
        }
        Ok(parsed)
    }

    /// Parses `YYYY-MM-DD` exactly as written: a real calendar day, past or future.
    pub fn parse_any(text: &str) -> Result<Self, DayProblem> {
        let bytes = text.as_bytes();
        let well_formed = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !well_formed {
            return Err(DayProblem::Format);
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DayProblem::NoSuchDay);
        }
        Ok(Self(text.to_owned()))
    }

    /// A day the server computed itself (today's date), trusted as well formed.
    pub fn from_trusted(text: String) -> Self {
        Self(text)
    }

    /// The `YYYY-MM-DD` text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The day as `6 maggio 2024`.
    pub fn long(&self) -> String {
        let month = self.0[5..7].parse::<usize>().unwrap_or(1);
        let day = self.0[8..10].trim_start_matches('0');
        format!("{day} {} {}", texts().months[month - 1], &self.0[0..4])
    }

    /// The day as `6/5`, for chart axes.
    pub fn short(&self) -> String {
        let day = self.0[8..10].trim_start_matches('0');
        let month = self.0[5..7].trim_start_matches('0');
        format!("{day}/{month}")
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Day {
        Day::from_trusted("2026-11-26".to_owned())
    }

    #[test]
    fn days_are_real_calendar_days_not_in_the_future() {
        assert_eq!(
            Day::parse(" 2024-05-06 ", &today()).map(|d| d.0),
            Ok("2024-05-06".into())
        );
        assert!(Day::parse("2024-02-29", &today()).is_ok());
        assert_eq!(
            Day::parse("2023-02-29", &today()),
            Err(DayProblem::NoSuchDay)
        );
        assert_eq!(
            Day::parse("2024-13-01", &today()),
            Err(DayProblem::NoSuchDay)
        );
        assert_eq!(
            Day::parse("2024-04-31", &today()),
            Err(DayProblem::NoSuchDay)
        );
        assert_eq!(Day::parse("2026-11-27", &today()), Err(DayProblem::Future));
        for bad in [
            "",
            "6/5/2024",
            "2024-5-6",
            "2024-05-06'; DROP TABLE signups;--",
            "२०२४-०५-०६",
            "2024-05-06T00:00",
        ] {
            assert_eq!(Day::parse(bad, &today()), Err(DayProblem::Format), "{bad}");
        }
    }

    #[test]
    fn days_read_in_italian() {
        let day = Day::parse("2024-05-06", &today()).unwrap();
        assert_eq!(day.long(), "6 maggio 2024");
        assert_eq!(day.short(), "6/5");
    }
}

#[cfg(test)]
mod props;
