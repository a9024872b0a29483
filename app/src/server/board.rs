//! The cross-reading board: loading it, applying changes, and the pages read off it.

pub mod hub;
pub mod live;

use super::state::AppState;
use crate::domain::board::ops::BoardOp;
use crate::domain::board::pages::{IntegratedPage, SynergyPage};
use crate::domain::board::{Annotation, AnnotationId, BoardView};
use crate::error::AppError;

/// The board of the latest cycle for the signed-in person.
pub async fn view(state: &AppState) -> Result<BoardView, AppError> {
    let _ = state;
    todo!()
}

/// Applies `op` to the board of `year` once per `key`, then wakes the live connections.
pub async fn submit(
    state: &AppState,
    year: i32,
    key: &AnnotationId,
    op: BoardOp,
) -> Result<Annotation, AppError> {
    let _ = (state, year, key, op);
    todo!()
}

/// The synergy matrix of the latest cycle's board.
pub async fn synergies(state: &AppState) -> Result<SynergyPage, AppError> {
    let _ = state;
    todo!()
}

/// The integrated actions of the latest cycle's board.
pub async fn integrated(state: &AppState) -> Result<IntegratedPage, AppError> {
    let _ = state;
    todo!()
}
