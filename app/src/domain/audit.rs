//! The audit log as regional staff read it: what was done, by whom, to what, and the filters.

use serde::{Deserialize, Serialize};

use super::italian_time::{ItalianTime, end_of_day, from_wall_clock};
use super::numbers::Day;
use super::validation::Problem;
use crate::error::AppError;

code_enum! {
    /// What an audit row records.
    AuditAction {
        Login = "accesso",
        LoginFailed = "accesso-non-riuscito",
        PasswordChanged = "password-cambiata",
        AccountDeleted = "account-cancellato",
        RoleGranted = "ruolo-assegnato",
        RoleRevoked = "ruolo-revocato",
        EnteValidated = "ente-validato",
        EnteMerged = "ente-unito",
        PhaseAdvanced = "fase-avanzata",
        DeadlineChanged = "scadenza-cambiata",
    }
}

/// One row of the audit log, with the names of the people it mentions read when shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecord {
    pub id: i64,
    /// When, in Unix seconds.
    pub at: i64,
    /// Who did it (`None`: the system), and their name now.
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub action: AuditAction,
    /// What it was done to: a person's id, a body's code, a cycle's year.
    pub target: String,
    /// The name of the person `target` is, if it is one.
    pub target_name: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
    /// The client's network address.
    pub address: String,
}

/// The filter's fields as a form or an address sends them; an empty field filters nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    pub azione: String,
    pub chi: String,
    pub dal: String,
    pub al: String,
    pub pagina: u32,
}

impl AuditQuery {
    /// The filter these fields ask for.
    pub fn filter(&self) -> Result<AuditFilter, AppError> {
        AuditFilter::parse(&self.azione, &self.chi, &self.dal, &self.al, self.pagina)
    }
}

impl AuditRecord {
    /// The CSV export's column names.
    pub const CSV_HEADER: [&'static str; 10] = [
        "numero",
        "quando",
        "azione",
        "chi_id",
        "chi",
        "oggetto",
        "oggetto_nome",
        "prima",
        "dopo",
        "indirizzo",
    ];

    /// The row's fields in CSV order; the time is Italian, `YYYY-MM-DD HH:MM:SS`.
    pub fn csv_fields(&self) -> [String; 10] {
        let time = ItalianTime::at(self.at);
        let seconds = self.at.rem_euclid(60);
        [
            self.id.to_string(),
            format!("{}:{seconds:02}", time.minute()),
            self.action.code().to_owned(),
            self.actor_id.clone().unwrap_or_default(),
            self.actor_name.clone().unwrap_or_default(),
            self.target.clone(),
            self.target_name.clone().unwrap_or_default(),
            self.before.clone().unwrap_or_default(),
            self.after.clone().unwrap_or_default(),
            self.address.clone(),
        ]
    }
}

/// Which rows to show: an action, text in the actor's name or email, Italian days from and to
/// (inclusive), and the page, counted from 1.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub action: Option<AuditAction>,
    pub actor: String,
    pub from: Option<Day>,
    pub to: Option<Day>,
    pub page: u32,
}

/// Rows shown on one page of the log.
pub const AUDIT_PAGE_SIZE: u32 = 50;

impl AuditFilter {
    /// The filter of the form's fields (see [`AuditQuery`]).
    pub fn parse(
        action: &str,
        actor: &str,
        from: &str,
        to: &str,
        page: u32,
    ) -> Result<Self, AppError> {
        let day = |field: &str, text: &str| match text.trim() {
            "" => Ok(None),
            text => Day::parse_any(text)
                .map(Some)
                .map_err(|_| AppError::invalid_field(field, Problem::InvalidDay)),
        };
        let action = match action {
            "" => None,
            code => Some(
                AuditAction::parse(code)
                    .ok_or_else(|| AppError::invalid_field("azione", Problem::UnknownChoice))?,
            ),
        };
        Ok(Self {
            action,
            actor: actor.trim().to_owned(),
            from: day("dal", from)?,
            to: day("al", to)?,
            page: page.max(1),
        })
    }

    /// The instants the days cover, in Unix seconds: from the start of `from`, up to (not
    /// including) the end of `to`.
    pub fn instants(&self) -> (Option<i64>, Option<i64>) {
        let start = self
            .from
            .as_ref()
            .and_then(|day| from_wall_clock(&format!("{}T00:00", day.as_str())).ok());
        let end = self.to.as_ref().and_then(|day| {
            let number = |range: std::ops::Range<usize>| day.as_str()[range].parse().ok();
            end_of_day(number(0..4)?, number(5..7)?, number(8..10)?)
        });
        (start, end)
    }

    /// The query string of this filter on page `page` (without the page when it is the first),
    /// for the page's links and the CSV export.
    pub fn query(&self, page: u32) -> String {
        let day = |day: &Option<Day>| day.as_ref().map_or("", Day::as_str).to_owned();
        let mut pairs = vec![
            (
                "azione",
                self.action.map_or("", AuditAction::code).to_owned(),
            ),
            ("chi", self.actor.clone()),
            ("dal", day(&self.from)),
            ("al", day(&self.to)),
        ];
        if page > 1 {
            pairs.push(("pagina", page.to_string()));
        }
        pairs
            .into_iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(key, value)| format!("{key}={}", encode(&value)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// `text` percent-encoded for a query string: every byte but the unreserved ones (RFC 3986).
fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(byte).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// One page of the log, newest first, and whether older rows follow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub filter: AuditFilter,
    pub records: Vec<AuditRecord>,
    pub more: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_reads_its_fields_and_writes_them_back() {
        let filter = AuditFilter::parse("ruolo-assegnato", " Giulia ", "2024-05-06", "", 2);
        let filter = filter.unwrap();
        assert_eq!(filter.action, Some(AuditAction::RoleGranted));
        assert_eq!(
            filter.query(1),
            "azione=ruolo-assegnato&chi=Giulia&dal=2024-05-06"
        );
        assert_eq!(
            filter.query(3),
            "azione=ruolo-assegnato&chi=Giulia&dal=2024-05-06&pagina=3"
        );
        let spaced = AuditFilter::parse("", "Nicolò D'Alì", "", "", 1).unwrap();
        assert_eq!(spaced.query(1), "chi=Nicol%C3%B2%20D%27Al%C3%AC");
        assert!(AuditFilter::parse("nulla", "", "", "", 1).is_err());
        assert!(AuditFilter::parse("", "", "6 maggio", "", 1).is_err());
        assert_eq!(AuditFilter::parse("", "", "", "", 0).unwrap().page, 1);
    }

    #[test]
    fn days_cover_italian_midnight_to_midnight() {
        let filter = AuditFilter::parse("", "", "2024-05-06", "2024-05-06", 1).unwrap();
        // 6 May 2024 in Italy (summer time): 5 May 22:00 UTC to 6 May 22:00 UTC.
        assert_eq!(
            filter.instants(),
            (Some(1_714_946_400), Some(1_715_032_800))
        );
    }
}
