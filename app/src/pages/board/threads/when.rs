//! Board times (RFC 3339, UTC) as Italians read them: «14 maggio 2024, ore 16:03», in Italian
//! time on both the server and the browser.

use crate::domain::italian_time::ItalianTime;
use crate::i18n::plan_texts;

/// `at` (RFC 3339) as an Italian date and time; other text is returned as it is.
pub fn italian_moment(at: &str) -> String {
    match ItalianTime::parse(at) {
        Some(time) => plan_texts().long_date(&time.minute()),
        None => at.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::italian_moment;

    #[test]
    fn moments_are_written_out() {
        assert_eq!(
            italian_moment("2024-05-14T14:03:00Z"),
            "14 maggio 2024, ore 16:03"
        );
        assert_eq!(italian_moment("ieri"), "ieri");
    }
}
