//! What signed-in people do to their own account.

use super::auth::{authorize, passwords, sessions};
use super::clock::rfc3339_now;
use super::db;
use super::state::AppState;
use crate::domain::community::CommunitySlug;
use crate::domain::person::{JOB_TITLE_MAX, NAME_MAX, Password};
use crate::domain::policy::Action;
use crate::domain::validation::{Problem, Rejection, line};
use crate::error::AppError;

/// Replaces the person's name and job title, after the same checks as at signup.
pub async fn update_details(
    state: &AppState,
    first: &str,
    last: &str,
    job: &str,
) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    let mut rejection = Rejection::default();
    for (field, value) in [("nome", first), ("cognome", last), ("ruolo", job)] {
        rejection.keep(field, value);
    }
    let first = rejection.check("nome", line(first, NAME_MAX));
    let last = rejection.check("cognome", line(last, NAME_MAX));
    let job = rejection.check("ruolo", line(job, JOB_TITLE_MAX));
    match (first, last, job) {
        (Some(first), Some(last), Some(job)) => {
            db::people::update_details(&state.db, &viewer.person_id, &first, &last, &job).await
        }
        _ => Err(AppError::Invalid(Box::new(rejection))),
    }
}

/// Sets a new password (the same rules as at signup).
pub async fn change_password(state: &AppState, password: &str) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    let profile = db::people::profile(&state.db, &viewer.person_id)
        .await?
        .ok_or(AppError::LoginRequired)?;
    let own = [&*profile.email, &profile.first_name, &profile.last_name];
    let password = Password::parse(password, &own)
        .map_err(|problem| AppError::invalid_field("password", problem))?;
    let hash = passwords::hash(&password).await?;
    db::people::set_password(&state.db, &viewer.person_id, &hash).await?;
    // A new password starts a fresh session.
    sessions::start(state, &viewer.person_id).await
}

/// Joins (`member`) or leaves a community; doing it twice changes nothing.
pub async fn set_membership(
    state: &AppState,
    community: &str,
    member: bool,
) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    let community = CommunitySlug::parse(community).map_err(|_| AppError::NotFound)?;
    if db::communities::find(&state.db, &community)
        .await?
        .is_none()
    {
        return Err(AppError::NotFound);
    }
    if member {
        db::signups::join_one(&state.db, &viewer.person_id, &community, &rfc3339_now()).await?;
    } else {
        db::signups::leave(&state.db, &viewer.person_id, &community).await?;
    }
    Ok(())
}

/// Deletes the account once confirmed, and ends the session.
pub async fn delete_account(state: &AppState, confirmed: bool) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    if !confirmed {
        return Err(AppError::invalid_field(
            "conferma",
            Problem::ConfirmationRequired,
        ));
    }
    db::people::delete(&state.db, &viewer.person_id, &rfc3339_now()).await?;
    sessions::end(state).await
}
