//! A meeting's materials: PDF files its organisers add and remove, which everyone downloads.

use super::super::auth::{authorize, permit};
use super::super::clock::rfc3339_now;
use super::super::db;
use super::super::state::AppState;
use crate::domain::meeting::material::{MAX_BYTES, MaterialOutcome, TITLE_MAX, is_pdf};
use crate::domain::policy::Action;
use crate::domain::role::Viewer;
use crate::domain::validation::line;
use crate::error::AppError;

/// Attaches the PDF `bytes` titled `title` to meeting `id`, for its organisers; a refused file
/// or title is an outcome, not an error.
#[tracing::instrument(skip_all, fields(meeting = id))]
pub async fn add(
    state: &AppState,
    viewer: Option<Viewer>,
    id: i64,
    title: &str,
    bytes: &[u8],
) -> Result<MaterialOutcome, AppError> {
    let meeting = db::meetings::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = permit(viewer, &Action::OrganiseMeeting(meeting.audience))?
        .ok_or(AppError::LoginRequired)?;
    let Ok(title) = line(title, TITLE_MAX) else {
        return Ok(MaterialOutcome::TitleMissing);
    };
    let refused = match bytes {
        [] => Some(MaterialOutcome::Empty),
        _ if bytes.len() > MAX_BYTES => Some(MaterialOutcome::TooLarge),
        _ if !is_pdf(bytes) => Some(MaterialOutcome::NotAPdf),
        _ => None,
    };
    if let Some(refused) = refused {
        return Ok(refused);
    }
    let now = rfc3339_now();
    db::meetings::materials::add(&state.db, id, &title, bytes, &viewer.person_id, &now).await?;
    Ok(MaterialOutcome::Saved)
}

/// The title and bytes of material `number` of meeting `id`: public, as meetings are.
#[tracing::instrument(skip_all, fields(meeting = id, material = number))]
pub async fn file(state: &AppState, id: i64, number: i64) -> Result<(String, Vec<u8>), AppError> {
    db::meetings::materials::file(&state.db, id, number)
        .await?
        .ok_or(AppError::NotFound)
}

/// Removes material `number` of meeting `id`, for its organisers.
#[tracing::instrument(skip_all, fields(meeting = id, material = number))]
pub async fn remove(state: &AppState, id: i64, number: i64) -> Result<(), AppError> {
    let meeting = db::meetings::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(state, &Action::OrganiseMeeting(meeting.audience)).await?;
    db::meetings::materials::file(&state.db, id, number)
        .await?
        .ok_or(AppError::NotFound)?;
    db::meetings::materials::remove(&state.db, id, number).await
}
