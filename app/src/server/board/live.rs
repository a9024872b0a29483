//! One live connection to the board.

use leptos::server_fn::BoxedStream;

use crate::domain::board::live::{ClientMessage, ServerMessage};
use crate::error::AppError;
use crate::server::state::AppState;

/// Checks the person may read the board, then serves the connection: catch-up after the
/// `Follow` message's `since`, every new change, presence, pongs.
pub async fn follow(
    state: &AppState,
    input: BoxedStream<ClientMessage, AppError>,
) -> Result<BoxedStream<ServerMessage, AppError>, AppError> {
    let _ = (state, input);
    todo!()
}
