//! `GET /notifiche/conteggio`: the header bell's unread count, live, as Server-Sent Events.

use std::convert::Infallible;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;

use app::server::auth::sessions;
use app::server::http::status_of;
use app::server::notifications::bells::live_count;
use app::server::state::AppState;

/// The count now and at every change, for the person logged in; 401 for a visitor.
pub async fn count(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match sessions::from_headers(&state, &headers).await {
        Ok(Some(_)) => {}
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(error) => return status_of(&error).into_response(),
    }
    let events = live_count(state, headers).map(|count| {
        Ok::<_, Infallible>(Event::default().event("conteggio").data(count.to_string()))
    });
    Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response()
}
