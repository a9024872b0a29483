//! A person's own data: what COMTem keeps about them and what they wrote, for them alone.

use super::auth::{permit, sessions};
use super::db;
use super::state::AppState;
use crate::domain::personal_data::PersonalData;
use crate::domain::policy::Action;
use crate::domain::role::Viewer;
use crate::error::AppError;

/// The data of the signed-in person of this request.
#[tracing::instrument(skip_all)]
pub async fn mine(state: &AppState) -> Result<PersonalData, AppError> {
    of(state, sessions::current(state).await?).await
}

/// The data of `viewer` (a visitor when `None`), who must be signed in.
#[tracing::instrument(skip_all)]
pub async fn of(state: &AppState, viewer: Option<Viewer>) -> Result<PersonalData, AppError> {
    let viewer = permit(viewer, &Action::ManageOwnAccount)?.ok_or(AppError::LoginRequired)?;
    db::personal_data::of(&state.db, &viewer.person_id)
        .await?
        .ok_or(AppError::LoginRequired)
}
