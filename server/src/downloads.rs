//! Files people download: their own data (JSON) and, for those allowed, the signups and the
//! audit log (CSV).

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use app::domain::audit::{AuditQuery, AuditRecord};
use app::domain::signup::SignupRow;
use app::error::AppError;
use app::server::auth::sessions;
use app::server::failure::Context;
use app::server::http::status_of;
use app::server::state::AppState;
use app::server::{admin, audit, personal_data};

use crate::csv;

/// `GET /profilo/dati.json`: everything stored about the signed-in person.
pub async fn my_data(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let result = async {
        let viewer = sessions::from_headers(&state, &headers).await?;
        let data = personal_data::of(&state, viewer).await?;
        serde_json::to_string_pretty(&data).context("writing the personal data as JSON")
    }
    .await;
    match result {
        Ok(json) => attachment("application/json", "comtem-miei-dati.json", json),
        Err(error) => refusal(error),
    }
}

/// The optional community filter of the signups export.
#[derive(Deserialize)]
pub struct SignupsQuery {
    #[serde(default)]
    comunita: String,
}

/// `GET /amministrazione/iscrizioni.csv[?comunita=slug]`: the signups, for regional staff (all)
/// and for a community's coordinators and referents (theirs).
pub async fn signups_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<SignupsQuery>,
) -> Response {
    let result = async {
        let viewer = sessions::from_headers(&state, &headers).await?;
        admin::signups_for(&state, viewer, &query.comunita).await
    }
    .await;
    match result {
        Ok(rows) => attachment(
            "text/csv; charset=utf-8",
            "comtem-iscrizioni.csv",
            to_csv(&rows),
        ),
        Err(error) => refusal(error),
    }
}

/// `GET /amministrazione/registro.csv?…`: the audit log with the page's filters (`azione`,
/// `chi`, `dal`, `al`), for regional staff.
pub async fn audit_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<AuditQuery>,
) -> Response {
    let result = async {
        let viewer = sessions::from_headers(&state, &headers).await?;
        audit::export(&state, viewer, &query).await
    }
    .await;
    match result {
        Ok(rows) => {
            let mut text = csv::line(&AuditRecord::CSV_HEADER);
            for row in &rows {
                text.push_str(&csv::line(&row.csv_fields()));
            }
            attachment("text/csv; charset=utf-8", "comtem-registro.csv", text)
        }
        Err(error) => refusal(error),
    }
}

/// The signups as CSV, with the header.
fn to_csv(rows: &[SignupRow]) -> String {
    let mut csv = csv::line(&SignupRow::CSV_HEADER);
    for row in rows {
        csv.push_str(&csv::line(&row.csv_fields()));
    }
    csv
}

fn attachment(content_type: &'static str, file_name: &str, body: String) -> Response {
    (
        [
            (CONTENT_TYPE, content_type.to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            (CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

fn refusal(error: AppError) -> Response {
    (status_of(&error), error.message()).into_response()
}
