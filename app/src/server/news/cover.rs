//! A news post's cover photo, uploaded with its alternative text.

use super::super::auth::permit;
use super::super::clock::rfc3339_now;
use super::super::db;
use super::super::photos::process;
use super::super::state::AppState;
use crate::domain::photo::{CoverOutcome, description};
use crate::domain::policy::Action;
use crate::domain::role::Viewer;
use crate::error::AppError;

/// Makes the uploaded `bytes` the cover of post `id`, described by `alt`, for who may edit the
/// post; a refused photo or a missing text is an outcome, not an error.
pub async fn set(
    state: &AppState,
    viewer: Option<Viewer>,
    id: i64,
    alt: &str,
    bytes: Vec<u8>,
) -> Result<CoverOutcome, AppError> {
    let post = db::news::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let action = Action::PublishNews(post.communities);
    let viewer = permit(viewer, &action)?.ok_or(AppError::LoginRequired)?;
    let Ok(alt) = description(alt, true) else {
        return Ok(CoverOutcome::AltMissing);
    };
    match process(bytes).await {
        Ok(files) => {
            let now = rfc3339_now();
            db::photos::set_cover(&state.db, id, &alt, &files, &viewer.person_id, &now).await?;
            Ok(CoverOutcome::Saved)
        }
        Err(problem) => Ok(CoverOutcome::Refused(problem)),
    }
}
