//! The sessions people see and end from their profile.

use super::auth::device::browser_and_system;
use super::auth::{authorize, sessions};
use super::clock::unix_now;
use super::db;
use super::state::AppState;
use crate::domain::italian_time::ItalianTime;
use crate::domain::my_session::MySession;
use crate::domain::policy::Action;
use crate::error::AppError;

/// The signed-in person's sessions still valid, the most recently used first.
#[tracing::instrument(skip_all)]
pub async fn list(state: &AppState) -> Result<Vec<MySession>, AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    let current = sessions::current_session(state)
        .await?
        .map(|(_, s)| s.handle);
    let (now, settings) = (unix_now(), &state.settings);
    Ok(db::sessions::of_person(&state.db, &viewer.person_id)
        .await?
        .into_iter()
        .filter(|session| sessions::is_live(settings, session, now))
        .map(|session| {
            let (browser, system) = browser_and_system(&session.user_agent);
            MySession {
                current: current.as_ref() == Some(&session.handle),
                handle: session.handle,
                browser,
                system,
                network: session.network,
                started: ItalianTime::at(session.created_at).minute(),
                last_seen: ItalianTime::at(session.last_seen_at).minute(),
            }
        })
        .collect())
}

/// Ends one of the signed-in person's sessions (their own current one logs them out);
/// [`AppError::NotFound`] for a handle that is not one of theirs.
#[tracing::instrument(skip_all)]
pub async fn end(state: &AppState, handle: &str) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    let current = sessions::current_session(state)
        .await?
        .map(|(_, s)| s.handle);
    if current.as_deref() == Some(handle) {
        return sessions::end(state).await;
    }
    match db::sessions::delete_by_handle(&state.db, &viewer.person_id, handle).await? {
        true => Ok(()),
        false => Err(AppError::NotFound),
    }
}

/// Ends every session of the signed-in person but this one; how many ended.
#[tracing::instrument(skip_all)]
pub async fn end_others(state: &AppState) -> Result<u64, AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    let (hash, _) = sessions::current_session(state)
        .await?
        .ok_or(AppError::LoginRequired)?;
    db::sessions::delete_others(&state.db, &viewer.person_id, &hash).await
}
