//! What signed-in people do to their own account.

use super::audit::entry;
use super::auth::sessions::{self, LoginMethod};
use super::auth::{authorize, passwords, throttle};
use super::clock::{rfc3339_now, unix_now};
use super::db;
use super::failure::Context;
use super::membership::login_account_key;
use super::state::AppState;
use crate::domain::audit::AuditAction;
use crate::domain::community::CommunitySlug;
use crate::domain::person::{Email, JOB_TITLE_MAX, NAME_MAX, Password, PersonId, Profile};
use crate::domain::policy::Action;
use crate::domain::validation::{Problem, Rejection, line};
use crate::error::AppError;

/// The signed-in person's profile.
#[tracing::instrument(skip_all)]
pub async fn mine(state: &AppState) -> Result<Profile, AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    db::people::profile(&state.db, &viewer.person_id)
        .await?
        .ok_or(AppError::LoginRequired)
}

/// Replaces the person's name and job title, after the same checks as at signup.
#[tracing::instrument(skip_all)]
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

/// How long after a login by link a password can be set without the current one.
const RECENT_LINK_SECS: i64 = 10 * 60;

/// Sets a new password (the same rules as at signup), after the current one, or within
/// [`RECENT_LINK_SECS`] of a login by link; then every other session of the person ends.
#[tracing::instrument(skip_all)]
pub async fn change_password(
    state: &AppState,
    password: &str,
    current: String,
) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    let profile = db::people::profile(&state.db, &viewer.person_id)
        .await?
        .ok_or(AppError::LoginRequired)?;
    let session = sessions::current_session(state).await?;
    let recent_link = session.is_some_and(|(_, session)| {
        session.method == LoginMethod::Link.code()
            && unix_now() - session.created_at <= RECENT_LINK_SECS
    });
    if !recent_link {
        check_current_password(state, &profile.email, current).await?;
    }
    finish_change(state, &viewer.person_id, &profile, password).await
}

/// Checks `current` against the password of `email`, throttled like logins; a person without a
/// password is told to log in by link.
async fn check_current_password(
    state: &AppState,
    email: &str,
    current: String,
) -> Result<(), AppError> {
    let email = Email::parse(email).context("reading the account's own address")?;
    let account_key = login_account_key(&email);
    let limit = state.settings.limits.login_per_account;
    throttle::attempt(&state.db, &account_key, limit).await?;
    let stored = db::people::credentials(&state.db, &email)
        .await?
        .and_then(|(_, stored)| stored);
    if stored.is_none() {
        return Err(AppError::invalid_field(
            "attuale",
            Problem::RecentLinkLoginRequired,
        ));
    }
    let fits = current.chars().count() <= Password::MAX_CHARS;
    if !(fits && passwords::verify(current, stored).await?) {
        return Err(AppError::invalid_field(
            "attuale",
            Problem::WrongCurrentPassword,
        ));
    }
    db::throttle::clear(&state.db, &account_key).await
}

/// Sets `password` for `person` once allowed; then only the new session of this request stays.
async fn finish_change(
    state: &AppState,
    person: &PersonId,
    profile: &Profile,
    password: &str,
) -> Result<(), AppError> {
    let own = [&*profile.email, &profile.first_name, &profile.last_name];
    let password = Password::parse(password, &own)
        .map_err(|problem| AppError::invalid_field("password", problem))?;
    let hash = passwords::hash(&password).await?;
    let mut tx = state.db.begin().await?;
    db::people::set_password(&mut *tx, person, &hash).await?;
    let changed = entry(state, person, AuditAction::PasswordChanged, &person.0);
    db::audit::record(&mut tx, &changed).await?;
    tx.commit().await?;
    // A new password starts a fresh session and ends every other one.
    let kept = sessions::start(state, person, LoginMethod::Password).await?;
    db::sessions::delete_others(&state.db, person, &kept).await?;
    Ok(())
}

/// Joins (`member`) or leaves a community; doing it twice changes nothing.
#[tracing::instrument(skip_all)]
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
        db::signups::leave(&state.db, &viewer.person_id, &community, &rfc3339_now()).await?;
    }
    Ok(())
}

/// Deletes the account once confirmed, and ends the session.
#[tracing::instrument(skip_all)]
pub async fn delete_account(state: &AppState, confirmed: bool) -> Result<(), AppError> {
    let viewer = authorize(state, &Action::ManageOwnAccount).await?;
    if !confirmed {
        return Err(AppError::invalid_field(
            "conferma",
            Problem::ConfirmationRequired,
        ));
    }
    let person = &viewer.person_id;
    let deleted = entry(state, person, AuditAction::AccountDeleted, &person.0);
    db::erasure::erase(&state.db, person, &rfc3339_now(), &deleted).await?;
    sessions::end(state).await
}
