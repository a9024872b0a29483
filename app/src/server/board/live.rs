//! One live connection to the board.

mod connection;
pub mod feed;
mod metered;

use axum::http::request::Parts;
use leptos::prelude::use_context;
use leptos::server_fn::BoxedStream;
use tokio::sync::mpsc;

use crate::domain::board::live::{ClientMessage, ServerMessage};
use crate::domain::policy::Action;
use crate::error::AppError;
use crate::server::auth::{authorize, sessions};
use crate::server::db;
use crate::server::plans::cycle;
use crate::server::read_budget::ReadBudget;
use crate::server::request::cookie;
use crate::server::state::AppState;

/// How many messages may wait for a slow client before the connection stops reading the
/// broadcast (it then catches up from the table).
const OUTGOING: usize = 16;

/// Checks the person may read the board, then serves the connection: catch-up after the
/// `Follow` message's `since`, every new change, presence, pongs.
#[tracing::instrument(skip_all)]
pub async fn follow(
    state: &AppState,
    input: BoxedStream<ClientMessage, AppError>,
) -> Result<BoxedStream<ServerMessage, AppError>, AppError> {
    let cycle = cycle(state, None).await?;
    let viewer = authorize(state, &Action::ReadBoard(cycle.phase)).await?;
    let limits = &state.settings.live;
    let seat = state
        .hub
        .take_seat(&viewer.person_id, limits.per_person)
        .ok_or(AppError::TooManyConnections)?;
    if let Some(parts) = use_context::<Parts>()
        && let Some(budget) = parts.extensions.get::<ReadBudget>()
    {
        budget.limit(limits.bytes);
    }
    // The stream is served outside the request: take from it now what the connection needs.
    let connection = connection::Connection {
        state: state.clone(),
        year: cycle.year,
        name: db::board::author(&state.db, &viewer.person_id).await?.name,
        person: viewer.person_id,
        session: cookie(&sessions::session_cookie(&state.settings)).unwrap_or_default(),
        _seat: seat,
    };
    let (outgoing, messages) = mpsc::channel(OUTGOING);
    tokio::spawn(connection.serve(input, outgoing));
    let messages = futures::stream::unfold(messages, |mut messages| async move {
        messages.recv().await.map(|message| (message, messages))
    });
    Ok(messages.into())
}
