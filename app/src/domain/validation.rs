//! Field-level validation shared by the browser and the server: what was wrong with which field.

use serde::{Deserialize, Serialize};

use crate::i18n::{meeting_texts, plan_texts, review_texts, texts};

/// Why one field's value was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    TooShort {
        min: usize,
    },
    ControlCharacters,
    InvalidEmail,
    CommonPassword,
    NoCommunity,
    UnknownCommunity,
    ConsentRequired,
    /// The body typed matches no registered body.
    UnknownEnte,
    /// The body typed matches several: the person picks one of these `(code, name)`.
    AmbiguousEnte(Vec<(String, String)>),
    UnknownChoice,
    ConfirmationRequired,
    /// Not a real day written `YYYY-MM-DD`.
    InvalidDay,
    /// A day after today, where only days up to today make sense.
    FutureDay,
    /// A day before today, where only days from today on make sense.
    PastDay,
    /// The quoted passage is not in the text chosen.
    QuoteNotFound,
    /// The cycle leaves validation when the Cabina di Regia's approval is recorded.
    ApprovalByDecision,
    /// Not a date and time written `YYYY-MM-DDTHH:MM`.
    InvalidDateTime,
    /// An hour the clocks skip when summer time starts.
    SkippedTime,
    /// An end not after the start.
    EndBeforeStart,
    /// A meeting longer than a week.
    MeetingTooLong,
    /// A meeting with neither a place nor an online link.
    PlaceOrLinkRequired,
    /// Not an `http` or `https` address.
    InvalidLink,
    /// Someone else changed this already: reload and look again.
    Stale,
    /// The current password typed is not the person's.
    WrongCurrentPassword,
    /// No password yet: one is set within minutes of a login by link.
    RecentLinkLoginRequired,
}

impl Problem {
    /// The message shown next to the field, in the interface language.
    pub fn message(&self) -> String {
        let t = texts();
        match self {
            Self::Required => t.invalid_required.to_owned(),
            Self::TooLong { max } => (t.invalid_too_long)(*max),
            Self::TooShort { min } => (t.invalid_too_short)(*min),
            Self::ControlCharacters => t.invalid_control.to_owned(),
            Self::InvalidEmail => t.invalid_email.to_owned(),
            Self::CommonPassword => t.invalid_common_password.to_owned(),
            Self::WrongCurrentPassword => t.invalid_current_password.to_owned(),
            Self::RecentLinkLoginRequired => t.invalid_recent_link_login.to_owned(),
            Self::NoCommunity => t.invalid_no_community.to_owned(),
            Self::UnknownCommunity => t.invalid_unknown_community.to_owned(),
            Self::ConsentRequired => t.invalid_consent.to_owned(),
            Self::UnknownEnte => t.invalid_unknown_ente.to_owned(),
            Self::AmbiguousEnte(_) => t.invalid_ambiguous_ente.to_owned(),
            Self::UnknownChoice => t.invalid_choice.to_owned(),
            Self::ConfirmationRequired => t.invalid_confirmation.to_owned(),
            Self::InvalidDay => plan_texts().invalid_day.to_owned(),
            Self::FutureDay => t.day_future.to_owned(),
            Self::PastDay => review_texts().day_past.to_owned(),
            Self::QuoteNotFound => review_texts().quote_not_found.to_owned(),
            Self::ApprovalByDecision => review_texts().approval_by_decision.to_owned(),
            Self::Stale => plan_texts().invalid_stale.to_owned(),
            Self::InvalidDateTime => meeting_texts().invalid_datetime.to_owned(),
            Self::SkippedTime => meeting_texts().skipped_time.to_owned(),
            Self::EndBeforeStart => meeting_texts().end_before_start.to_owned(),
            Self::MeetingTooLong => meeting_texts().too_long.to_owned(),
            Self::PlaceOrLinkRequired => meeting_texts().place_or_link.to_owned(),
            Self::InvalidLink => meeting_texts().invalid_link.to_owned(),
        }
    }
}

/// The problems of a submitted form, by field name, with what was typed (never secrets) so the
/// form can be shown again as it was, even without JavaScript.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub problems: Vec<(String, Problem)>,
    pub typed: Vec<(String, String)>,
}

impl Rejection {
    /// Longest echo kept of a typed value: enough to correct it, small enough for a URL.
    const ECHO_CHARS: usize = 300;

    /// Records a problem with `field`.
    pub fn add(&mut self, field: &str, problem: Problem) {
        self.problems.push((field.to_owned(), problem));
    }

    /// Records the field's outcome, returning the value when it was valid.
    pub fn check<T>(&mut self, field: &str, outcome: Result<T, Problem>) -> Option<T> {
        outcome.map_err(|problem| self.add(field, problem)).ok()
    }

    /// Keeps what was typed into `field`, shortened if it is very long.
    pub fn keep(&mut self, field: &str, value: &str) {
        let value = value.chars().take(Self::ECHO_CHARS).collect();
        self.typed.push((field.to_owned(), value));
    }

    /// The problem with `field`, if any.
    pub fn problem(&self, field: &str) -> Option<&Problem> {
        self.problems
            .iter()
            .find_map(|(name, problem)| (name == field).then_some(problem))
    }

    /// What was typed into `field`, or an empty text.
    pub fn typed(&self, field: &str) -> String {
        self.typed
            .iter()
            .find_map(|(name, value)| (name == field).then(|| value.clone()))
            .unwrap_or_default()
    }

    /// Every value typed into `field` (for checkbox groups).
    pub fn typed_all(&self, field: &str) -> Vec<String> {
        self.typed
            .iter()
            .filter(|(name, _)| name == field)
            .map(|(_, value)| value.clone())
            .collect()
    }

    /// Whether nothing was wrong.
    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }
}

/// A one-line text: trimmed, present, at most `max` characters, without control characters.
pub fn line(value: &str, max: usize) -> Result<String, Problem> {
    let value = value.trim();
    if value.is_empty() {
        Err(Problem::Required)
    } else if value.chars().count() > max {
        Err(Problem::TooLong { max })
    } else if value.chars().any(char::is_control) {
        Err(Problem::ControlCharacters)
    } else {
        Ok(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_and_bounded() {
        assert_eq!(line("  Nicolò D'Alì ", 80), Ok("Nicolò D'Alì".to_owned()));
        assert_eq!(line(" \t ", 80), Err(Problem::Required));
        assert_eq!(line(&"è".repeat(81), 80), Err(Problem::TooLong { max: 80 }));
        assert_eq!(line(&"è".repeat(80), 80).map(|v| v.len()), Ok(160));
        assert_eq!(line("a\u{0}b", 80), Err(Problem::ControlCharacters));
        assert_eq!(line("<script>", 80), Ok("<script>".to_owned()));
    }

    #[test]
    fn rejection_keeps_short_echoes_and_finds_problems() {
        let mut rejection = Rejection::default();
        rejection.keep("nome", &"x".repeat(10_000));
        rejection.add("email", Problem::InvalidEmail);
        assert_eq!(rejection.typed("nome").len(), 300);
        assert_eq!(rejection.problem("email"), Some(&Problem::InvalidEmail));
        assert_eq!(rejection.problem("nome"), None);
        assert!(!rejection.is_empty());
    }
}
