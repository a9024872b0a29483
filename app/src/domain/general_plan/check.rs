//! What the text of the general plan must satisfy, in the browser and on the server.

use super::GeneralText;
use crate::domain::numbers::{Day, DayProblem};
use crate::domain::plan::check::{CONTEXT_MAX, text};
use crate::domain::validation::{Problem, Rejection};

/// Refuses an introduction or summary too long or with control characters, and a day for the
/// numbers that is not a real day up to `today`.
pub fn check(general: &GeneralText, today: &Day) -> Result<(), Rejection> {
    let mut rejection = Rejection::default();
    text(
        &mut rejection,
        "introduzione",
        &general.introduction,
        CONTEXT_MAX,
        false,
    );
    text(
        &mut rejection,
        "sintesi",
        &general.summary,
        CONTEXT_MAX,
        false,
    );
    match Day::parse(general.numbers_day.trim(), today) {
        Ok(_) => {}
        Err(DayProblem::Future) => rejection.add("numeri_al", Problem::FutureDay),
        Err(_) => rejection.add("numeri_al", Problem::InvalidDay),
    }
    if rejection.is_empty() {
        Ok(())
    } else {
        Err(rejection)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Day {
        Day::from_trusted("2024-05-24".into())
    }

    fn general(introduction: &str, day: &str) -> GeneralText {
        GeneralText {
            introduction: introduction.into(),
            summary: "Sintesi di Nicolò D'Alì <script>".into(),
            numbers_day: day.into(),
        }
    }

    #[test]
    fn hostile_text_is_text_and_bad_days_are_refused() {
        assert!(
            check(
                &general("# Piano\n\n<b>x</b> '; DROP TABLE", "2024-05-06"),
                &today()
            )
            .is_ok()
        );
        let refused = check(
            &general(&"à".repeat(CONTEXT_MAX + 1), "2024-05-25"),
            &today(),
        );
        let refused = refused.unwrap_err();
        assert_eq!(
            refused.problem("introduzione"),
            Some(&Problem::TooLong { max: CONTEXT_MAX })
        );
        assert_eq!(refused.problem("numeri_al"), Some(&Problem::FutureDay));
        let control = check(&general("a\u{7}b", "2024-02-30"), &today()).unwrap_err();
        assert_eq!(
            control.problem("introduzione"),
            Some(&Problem::ControlCharacters)
        );
        assert_eq!(control.problem("numeri_al"), Some(&Problem::InvalidDay));
    }
}
