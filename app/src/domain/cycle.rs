//! The yearly cycle: the phases the plans go through, each with a deadline.

use serde::{Deserialize, Serialize};

use crate::i18n::plan_texts;

code_enum! {
    /// A phase of the yearly cycle, in order.
    Phase {
        Drafting = "redazione",
        Shared = "condivisione",
        CrossReading = "lettura-trasversale",
        FinalReading = "rilettura-finale",
        Validation = "validazione",
        Approved = "approvato",
    }
}

impl Phase {
    /// The phase's name in the interface language.
    pub fn label(self) -> &'static str {
        plan_texts().phase_labels[self.index()]
    }

    /// What happens in the phase, in one sentence.
    pub fn description(self) -> &'static str {
        plan_texts().phase_descriptions[self.index()]
    }

    /// The phase's position, from 0.
    pub fn index(self) -> usize {
        Self::ALL
            .iter()
            .position(|p| *p == self)
            .unwrap_or_default()
    }

    /// The phase after this one, if any.
    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self.index() + 1).copied()
    }

    /// Whether the cross-reading board takes annotations and replies in this phase.
    pub fn allows_annotating(self) -> bool {
        matches!(self, Self::CrossReading | Self::FinalReading)
    }

    /// Whether regional staff write the general plan in this phase.
    pub fn allows_general_plan_editing(self) -> bool {
        matches!(self, Self::CrossReading | Self::FinalReading)
    }

    /// Whether plans may be edited in this phase.
    pub fn allows_editing(self) -> bool {
        matches!(self, Self::Drafting | Self::FinalReading)
    }
}

/// A phase's deadline: the day (Italian time) and the instant it ends, in Unix seconds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub phase: Phase,
    pub day: String,
    pub ends_at: i64,
}

/// One year's cycle: its current phase and the deadline of every phase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cycle {
    pub year: i32,
    pub phase: Phase,
    pub deadlines: Vec<Deadline>,
    /// The server's clock when the cycle was read, in Unix seconds (countdowns start from it).
    pub now: i64,
}

impl Cycle {
    /// The deadline of the current phase.
    pub fn current_deadline(&self) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.phase == self.phase)
    }
}

/// `/calendario`: the latest cycle (if any), and whether the viewer may manage the cycles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarView {
    pub cycle: Option<Cycle>,
    pub can_manage: bool,
    /// The year a new cycle would be opened for, when one may be opened: there is none yet,
    /// or the latest is approved.
    pub next_year: Option<i32>,
}

/// The deadlines a new cycle of `year` starts with: those of the cycle before, a year later,
/// or the dates of the first cycle (end of April to mid-June).
pub fn default_deadlines(year: i32, previous: Option<&Cycle>) -> Vec<(Phase, String)> {
    const FIRST: [&str; 6] = ["04-30", "05-10", "05-14", "05-24", "06-07", "06-14"];
    Phase::ALL
        .iter()
        .zip(FIRST)
        .map(|(phase, first)| {
            let day = previous
                .and_then(|cycle| cycle.deadlines.iter().find(|d| d.phase == *phase))
                .and_then(|d| d.day.get(5..))
                .filter(|month_day| *month_day != "02-29")
                .unwrap_or(first);
            (*phase, format!("{year}-{day}"))
        })
        .collect()
}

/// How long until a deadline, split for display; negative spans are overdue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Remaining {
    pub overdue: bool,
    pub days: i64,
    pub hours: i64,
    pub minutes: i64,
    pub seconds: i64,
}

impl Remaining {
    /// The time from `now` to `ends_at` (both Unix seconds).
    pub fn between(now: i64, ends_at: i64) -> Self {
        let span = ends_at - now;
        let total = span.abs();
        Self {
            overdue: span < 0,
            days: total / 86_400,
            hours: total % 86_400 / 3_600,
            minutes: total % 3_600 / 60,
            seconds: total % 60,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_follow_each_other() {
        assert_eq!(Phase::Drafting.next(), Some(Phase::Shared));
        assert_eq!(Phase::Validation.next(), Some(Phase::Approved));
        assert_eq!(Phase::Approved.next(), None);
        assert_eq!(
            Phase::parse("lettura-trasversale"),
            Some(Phase::CrossReading)
        );
        let editable: Vec<_> = Phase::ALL.iter().filter(|p| p.allows_editing()).collect();
        assert_eq!(editable, [&Phase::Drafting, &Phase::FinalReading]);
    }

    #[test]
    fn new_cycles_keep_last_years_deadlines() {
        let first = default_deadlines(2025, None);
        assert_eq!(first[2], (Phase::CrossReading, "2025-05-14".to_owned()));
        let previous = Cycle {
            year: 2024,
            phase: Phase::Approved,
            deadlines: vec![
                Deadline {
                    phase: Phase::Drafting,
                    day: "2024-02-29".into(),
                    ends_at: 0,
                },
                Deadline {
                    phase: Phase::Shared,
                    day: "2024-05-03".into(),
                    ends_at: 0,
                },
            ],
            now: 0,
        };
        let next = default_deadlines(2025, Some(&previous));
        assert_eq!(next[0].1, "2025-04-30");
        assert_eq!(next[1].1, "2025-05-03");
        assert_eq!(next.len(), 6);
    }

    #[test]
    fn remaining_time_splits_and_knows_when_overdue() {
        let left = Remaining::between(0, 2 * 86_400 + 3 * 3_600 + 4 * 60 + 5);
        assert_eq!(
            (
                left.overdue,
                left.days,
                left.hours,
                left.minutes,
                left.seconds
            ),
            (false, 2, 3, 4, 5)
        );
        let late = Remaining::between(90_000, 0);
        assert!(late.overdue);
        assert_eq!((late.days, late.hours), (1, 1));
    }
}
