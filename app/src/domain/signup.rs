//! What regional staff and coordinators see of the signups, and what a person downloads.

use serde::{Deserialize, Serialize};

/// One person in one community, as listed and exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupRow {
    pub community: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub ente: String,
    pub ente_kind: String,
    pub province: String,
    pub job_title: String,
}

impl SignupRow {
    /// The CSV header matching [`Self::csv_fields`].
    pub const CSV_HEADER: [&'static str; 9] = [
        "comunita",
        "data_iscrizione",
        "nome",
        "cognome",
        "email",
        "ente",
        "tipo_ente",
        "provincia",
        "ruolo",
    ];

    /// The row's fields in CSV order.
    pub fn csv_fields(&self) -> [&str; 9] {
        [
            &self.community,
            &self.created_at,
            &self.first_name,
            &self.last_name,
            &self.email,
            &self.ente,
            &self.ente_kind,
            &self.province,
            &self.job_title,
        ]
    }
}
