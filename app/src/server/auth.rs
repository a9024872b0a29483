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
    permit_current(state, action)
        .await?
        .ok_or(AppError::LoginRequired)
}

/// `viewer` (a visitor when `None`) if they may perform `action`, which may be open to visitors:
/// otherwise a visitor is asked to log in and anyone else is refused.
pub fn permit(viewer: Option<Viewer>, action: &Action) -> Result<Option<Viewer>, AppError> {
    match (allows(viewer.as_ref(), action), &viewer) {
        (true, _) => Ok(viewer),
        (false, None) => Err(AppError::LoginRequired),
        (false, Some(viewer)) => {
            tracing::warn!(person = %viewer.person_id.0, ?action, "forbidden");
            Err(AppError::Forbidden)
        }
    }
}

/// The signed-in person or visitor of this request, if they may perform `action` ([`permit`]).
pub async fn permit_current(state: &AppState, action: &Action) -> Result<Option<Viewer>, AppError> {
    permit(sessions::current(state).await?, action)
}
