//! The cross-reading board: reading it, changing it, and following it live.

use leptos::prelude::*;
use leptos::server_fn::codec::{Json, JsonEncoding};
use leptos::server_fn::{BoxedStream, Websocket};

use crate::domain::board::live::{ClientMessage, ServerMessage};
use crate::domain::board::ops::BoardOp;
use crate::domain::board::pages::{IntegratedPage, SynergyPage};
use crate::domain::board::{Annotation, AnnotationId, BoardView};
use crate::error::AppError;

/// The board of the latest cycle, for coordinators, referents and regional staff from the
/// cross-reading on.
#[server]
pub async fn board() -> Result<BoardView, AppError> {
    use crate::server::{board, state::app_state};
    board::view(&app_state()?).await
}

/// Applies `op` to the board of `anno`; `chiave` (chosen by the browser) makes a retried submit
/// apply once. Returns the annotation as it is now.
#[server(input = Json)]
pub async fn submit_board(
    anno: i32,
    chiave: AnnotationId,
    op: BoardOp,
) -> Result<Annotation, AppError> {
    use crate::server::{board, state::app_state};
    board::submit(&app_state()?, anno, &chiave, op).await
}

/// The synergy matrix of the latest cycle's board, with the plans' names.
#[server]
pub async fn synergies() -> Result<SynergyPage, AppError> {
    use crate::server::{board, state::app_state};
    board::synergies(&app_state()?).await
}

/// The integrated actions agreed on the latest cycle's board.
#[server]
pub async fn integrated_actions() -> Result<IntegratedPage, AppError> {
    use crate::server::{board, state::app_state};
    board::integrated(&app_state()?).await
}

/// The live connection: the browser sends `Follow` first, then what it is viewing and pings;
/// the server sends every change after `since`, then each new one as it happens, and who is
/// following the board.
#[server(protocol = Websocket<JsonEncoding, JsonEncoding>)]
pub async fn board_live(
    input: BoxedStream<ClientMessage, AppError>,
) -> Result<BoxedStream<ServerMessage, AppError>, AppError> {
    use crate::server::{board, state::app_state};
    board::live::follow(&app_state()?, input).await
}
