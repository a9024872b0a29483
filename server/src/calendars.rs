//! The iCalendar files: every meeting, a community's, a person's own, and one meeting's.

use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use app::error::AppError;
use app::server::calendars;
use app::server::http::status_of;
use app::server::state::AppState;

const CALENDAR: &str = "text/calendar; charset=utf-8";

/// `GET /incontri.ics`: every meeting and the cycle's deadlines.
pub async fn everything(State(state): State<AppState>) -> Response {
    feed(calendars::everything(&state).await, "public, max-age=300")
}

/// `GET /comunita/{slug}/incontri.ics`: the meetings of one community and the deadlines.
pub async fn community(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    feed(
        calendars::community(&state, &slug).await,
        "public, max-age=300",
    )
}

/// `GET /calendario/personale/{token}/comtem.ics`: one person's meetings and the deadlines.
pub async fn personal(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    feed(
        calendars::personal(&state, &token).await,
        "private, max-age=300",
    )
}

/// `GET /incontri/{id}/incontro.ics`: one meeting, to add to a calendar.
pub async fn meeting(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return refusal(AppError::NotFound);
    };
    match calendars::meeting(&state, id).await {
        Ok(body) => (
            [
                (CONTENT_TYPE, CALENDAR.to_owned()),
                (
                    CONTENT_DISPOSITION,
                    format!("attachment; filename=\"incontro-{id}.ics\""),
                ),
                (CACHE_CONTROL, "no-cache".to_owned()),
            ],
            body,
        )
            .into_response(),
        Err(error) => refusal(error),
    }
}

fn feed(result: Result<String, AppError>, cache: &'static str) -> Response {
    match result {
        Ok(body) => ([(CONTENT_TYPE, CALENDAR), (CACHE_CONTROL, cache)], body).into_response(),
        Err(error) => refusal(error),
    }
}

fn refusal(error: AppError) -> Response {
    (status_of(&error), error.message()).into_response()
}
