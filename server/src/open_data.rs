//! The public figures as open data: `/api/v1/numeri.json` and `/api/v1/numeri.csv`, both with
//! `?al=YYYY-MM-DD` (default: today in Italy). The format is described in the README.

use axum::extract::{Query, State};
use axum::http::header::{ACCESS_CONTROL_ALLOW_ORIGIN, CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use app::domain::numbers::{CSV_HEADER, Numbers};
use app::error::AppError;
use app::server::failure::Context;
use app::server::numbers::for_request;
use app::server::state::AppState;

use crate::csv;
use app::server::http::status_of;

/// The query of both files.
#[derive(Deserialize)]
pub struct NumbersQuery {
    al: Option<String>,
}

/// `GET /api/v1/numeri.json`.
pub async fn json(State(state): State<AppState>, Query(query): Query<NumbersQuery>) -> Response {
    let body = for_request(&state.db, query.al.as_deref())
        .await
        .and_then(|numbers| serde_json::to_string(&numbers).context("writing the figures as JSON"));
    match body {
        Ok(body) => public("application/json", body),
        Err(error) => refusal(&error, true),
    }
}

/// `GET /api/v1/numeri.csv`: one figure per row, in the order of the JSON.
pub async fn csv(State(state): State<AppState>, Query(query): Query<NumbersQuery>) -> Response {
    match for_request(&state.db, query.al.as_deref()).await {
        Ok(numbers) => public("text/csv; charset=utf-8", to_csv(&numbers)),
        Err(error) => refusal(&error, false),
    }
}

fn to_csv(numbers: &Numbers) -> String {
    let mut csv = csv::line(&CSV_HEADER);
    for row in numbers.csv_rows() {
        let mut cells = vec![numbers.day.as_str()];
        cells.extend(row.iter().map(String::as_str));
        csv.push_str(&csv::line(&cells));
    }
    csv
}

/// Open to any site, and cacheable for a minute.
fn public(content_type: &'static str, body: String) -> Response {
    (
        [
            (CONTENT_TYPE, content_type),
            (CACHE_CONTROL, "public, max-age=60"),
            (ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        body,
    )
        .into_response()
}

/// The error with its status: as `{"errore": message}` in JSON, or as plain text.
fn refusal(error: &AppError, as_json: bool) -> Response {
    let status = status_of(error);
    if as_json {
        let body = serde_json::json!({ "errore": error.message() }).to_string();
        (status, [(CONTENT_TYPE, "application/json")], body).into_response()
    } else {
        (
            status,
            [(CONTENT_TYPE, "text/plain; charset=utf-8")],
            error.message(),
        )
            .into_response()
    }
}
