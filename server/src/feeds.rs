//! The Atom feeds of news: all of it, and a community's.

use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use app::error::AppError;
use app::server::http::status_of;
use app::server::news;
use app::server::state::AppState;

/// `GET /notizie.atom`.
pub async fn everything(State(state): State<AppState>) -> Response {
    atom(news::feed(&state, None).await)
}

/// `GET /comunita/{slug}/notizie.atom`.
pub async fn community(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    atom(news::feed(&state, Some(&slug)).await)
}

fn atom(result: Result<String, AppError>) -> Response {
    match result {
        Ok(body) => (
            [
                (CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
                (CACHE_CONTROL, "public, max-age=300"),
            ],
            body,
        )
            .into_response(),
        Err(error) => (status_of(&error), error.message()).into_response(),
    }
}
