//! Signups over time, in periods a chart can draw: days for a short span, months for a long one.

use super::numbers::{Day, DayCount};
use crate::i18n::texts;

/// One period of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// For tables: `6 maggio 2024`, or `maggio 2024`.
    pub label: String,
    /// For chart axes: `6/5`, or `5/2024`.
    pub short: String,
    /// Position on the time axis, in days or months from any fixed origin.
    pub position: i64,
    /// Signups made in the period.
    pub new: i64,
    /// Signups up to the end of the period.
    pub total: i64,
}

/// Most months a timeline shows day by day.
const MONTHS_IN_DAYS: usize = 2;

/// The days of `by_day` as periods: day by day within two calendar months, else by month.
pub fn periods(by_day: &[DayCount]) -> Vec<Period> {
    let month = |day: &Day| day.as_str()[..7].to_owned();
    let mut months: Vec<String> = by_day.iter().map(|count| month(&count.day)).collect();
    months.dedup();
    if months.len() <= MONTHS_IN_DAYS {
        return by_day
            .iter()
            .map(|count| Period {
                label: count.day.long(),
                short: count.day.short(),
                position: ordinal(&count.day),
                new: count.new,
                total: count.total,
            })
            .collect();
    }
    let mut periods: Vec<Period> = Vec::new();
    for count in by_day {
        let key = month(&count.day);
        let (year, number) = (year_of(&count.day), month_of(&count.day));
        match periods.last_mut() {
            Some(last) if last.position == year * 12 + number - 1 => {
                last.new += count.new;
                last.total = count.total;
            }
            _ => periods.push(Period {
                label: format!("{} {year}", texts().months[(number - 1) as usize]),
                short: format!("{number}/{}", &key[..4]),
                position: year * 12 + number - 1,
                new: count.new,
                total: count.total,
            }),
        }
    }
    periods
}

fn year_of(day: &Day) -> i64 {
    day.as_str()[..4].parse().unwrap_or(0)
}

fn month_of(day: &Day) -> i64 {
    day.as_str()[5..7].parse().unwrap_or(1)
}

/// Days since 1 January 1970 (the proleptic Gregorian calendar; H. Hinnant's algorithm).
fn ordinal(day: &Day) -> i64 {
    let (year, month) = (year_of(day), month_of(day));
    let date: i64 = day.as_str()[8..10].parse().unwrap_or(1);
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + date - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(day: &str, new: i64, total: i64) -> DayCount {
        DayCount {
            day: Day::from_trusted(day.to_owned()),
            new,
            total,
        }
    }

    #[test]
    fn days_are_counted_from_the_epoch() {
        assert_eq!(ordinal(&Day::from_trusted("1970-01-01".into())), 0);
        assert_eq!(ordinal(&Day::from_trusted("2024-03-01".into())), 19_783);
        assert_eq!(ordinal(&Day::from_trusted("2024-02-29".into())), 19_782);
    }

    #[test]
    fn short_spans_go_by_day_and_long_ones_by_month() {
        let short = [count("2024-04-02", 5, 5), count("2024-05-06", 3, 8)];
        let by_day = periods(&short);
        assert_eq!(by_day.len(), 2);
        assert_eq!(by_day[1].position - by_day[0].position, 34);
        assert_eq!(by_day[1].label, "6 maggio 2024");

        let long = [
            count("2024-04-02", 5, 5),
            count("2024-04-20", 1, 6),
            count("2024-06-01", 2, 8),
            count("2025-01-09", 4, 12),
        ];
        let by_month = periods(&long);
        let summary: Vec<_> = by_month
            .iter()
            .map(|p| (p.label.as_str(), p.new, p.total))
            .collect();
        assert_eq!(
            summary,
            [
                ("aprile 2024", 6, 6),
                ("giugno 2024", 2, 8),
                ("gennaio 2025", 4, 12)
            ]
        );
    }
}
