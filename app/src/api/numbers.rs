//! The public figures.

use leptos::prelude::*;

use crate::domain::numbers::Numbers;
use crate::error::AppError;

/// The figures at the end of `al` (`YYYY-MM-DD`, Italian time), or of today when empty.
#[server]
pub async fn numbers_as_of(al: String) -> Result<Numbers, AppError> {
    let state = crate::server::state::app_state()?;
    let numbers = crate::server::numbers::for_request(&state.db, Some(&al)).await;
    if let Err(AppError::BadDay(_)) = numbers {
        crate::server::http::respond_with(axum::http::StatusCode::BAD_REQUEST);
    }
    numbers
}
