//! Reports of accessibility problems, sent from `/accessibilita` by anyone, visitors included.

use serde::{Deserialize, Serialize};

use super::person::Email;
use super::plan::check::text;
use super::validation::Rejection;

/// Longest name and page address, in characters.
const NAME_MAX: usize = 120;
const PAGE_MAX: usize = 300;
/// Longest message, in characters.
pub const MESSAGE_MAX: usize = 4000;

/// A report as typed in its form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportForm {
    #[serde(rename = "nome")]
    pub name: String,
    pub email: String,
    /// The address of the page with the problem, if the person gives it.
    #[serde(rename = "pagina", default)]
    pub page: String,
    #[serde(rename = "messaggio")]
    pub message: String,
}

/// A report that passed the checks: trimmed, with a valid address to answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub name: String,
    pub email: Email,
    pub page: String,
    pub message: String,
}

impl ReportForm {
    /// The report, or what is wrong with which field (keeping what was typed).
    pub fn check(&self) -> Result<Report, Rejection> {
        let mut rejection = Rejection::default();
        text(&mut rejection, "nome", &self.name, NAME_MAX, true);
        text(&mut rejection, "pagina", &self.page, PAGE_MAX, false);
        text(
            &mut rejection,
            "messaggio",
            &self.message,
            MESSAGE_MAX,
            true,
        );
        let email = Email::parse(&self.email).map_err(|problem| rejection.add("email", problem));
        match email {
            Ok(email) if rejection.is_empty() => Ok(Report {
                name: self.name.trim().to_owned(),
                email,
                page: self.page.trim().to_owned(),
                message: self.message.trim().to_owned(),
            }),
            _ => {
                for (field, value) in [
                    ("nome", &self.name),
                    ("email", &self.email),
                    ("pagina", &self.page),
                    ("messaggio", &self.message),
                ] {
                    rejection.keep(field, value);
                }
                Err(rejection)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validation::Problem;

    fn form(message: &str) -> ReportForm {
        ReportForm {
            name: " Nicolò D'Alì ".into(),
            email: "Nicolo.Dali@Comune.it".into(),
            page: String::new(),
            message: message.into(),
        }
    }

    #[test]
    fn a_report_needs_a_name_an_address_and_a_message() {
        let report = form("Il grafico di /numeri\nnon ha un'alternativa testuale.")
            .check()
            .unwrap();
        assert_eq!(report.name, "Nicolò D'Alì");
        assert_eq!(report.email.as_str(), "nicolo.dali@comune.it");
        let empty = ReportForm::default().check().unwrap_err();
        for field in ["nome", "email", "messaggio"] {
            assert_eq!(empty.problem(field), Some(&Problem::Required), "{field}");
        }
        assert_eq!(empty.problem("pagina"), None);
        let long = form(&"è".repeat(MESSAGE_MAX + 1)).check().unwrap_err();
        assert_eq!(
            long.problem("messaggio"),
            Some(&Problem::TooLong { max: MESSAGE_MAX })
        );
        let bad = ReportForm {
            email: "non-è-un-indirizzo".into(),
            page: "/numeri\u{0}".into(),
            ..form("<script>alert(1)</script>")
        };
        let rejection = bad.check().unwrap_err();
        assert_eq!(rejection.problem("email"), Some(&Problem::InvalidEmail));
        assert_eq!(
            rejection.problem("pagina"),
            Some(&Problem::ControlCharacters)
        );
        assert_eq!(rejection.typed("messaggio"), "<script>alert(1)</script>");
    }
}
