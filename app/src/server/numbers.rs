//! The public figures for a requested day, shared by the page and the open-data files.

use super::clock::italian_today;
use super::db::{self, Db};
use super::http::respond_with;
use super::state::AppState;
use crate::domain::numbers::{Day, Numbers};
use crate::error::AppError;

/// The figures at the end of the day `requested` (`YYYY-MM-DD`), or of today (in Italy) when
/// nothing or an empty text was requested.
#[tracing::instrument(skip_all, fields(day = requested))]
pub async fn for_request(db: &Db, requested: Option<&str>) -> Result<Numbers, AppError> {
    let today = Day::from_trusted(italian_today());
    let day = match requested.map(str::trim) {
        None | Some("") => today,
        Some(text) => Day::parse(text, &today).map_err(AppError::BadDay)?,
    };
    db::numbers::as_of(db, &day).await
}

/// The figures of the page for the day `requested` (as [`for_request`]); a refused day also makes
/// the page answer `400 Bad Request`.
pub async fn page(state: &AppState, requested: &str) -> Result<Numbers, AppError> {
    let numbers = for_request(&state.db, Some(requested)).await;
    if let Err(AppError::BadDay(_)) = numbers {
        respond_with(axum::http::StatusCode::BAD_REQUEST);
    }
    numbers
}
