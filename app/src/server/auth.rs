//! Who is asking: passwords, sessions, throttling, and the permission check every action makes.

pub mod device;
pub mod passwords;
pub mod sessions;
pub mod throttle;

use crate::domain::policy::{Action, allows};
use crate::domain::role::Viewer;
use crate::error::AppError;

use super::state::AppState;

/// The signed-in person allowed to perform `action`: [`AppError::LoginRequired`] for a visitor,
/// [`AppError::Forbidden`] for someone without the right.
pub async fn authorize(state: &AppState, action: &Action) -> Result<Viewer, AppError> {
    let viewer = sessions::current(state)
        .await?
        .ok_or(AppError::LoginRequired)?;
    if allows(Some(&viewer), action) {
        Ok(viewer)
    } else {
        tracing::warn!(person = %viewer.person_id.0, ?action, "forbidden");
        Err(AppError::Forbidden)
    }
}
