//! The signed-in person's own account: details, communities, password, sessions, deletion.

use leptos::prelude::*;

use crate::domain::my_session::MySession;
use crate::domain::person::Profile;
use crate::error::AppError;

/// The signed-in person's profile.
#[server]
pub async fn my_profile() -> Result<Profile, AppError> {
    use crate::server::{profile, state::app_state};
    profile::mine(&app_state()?).await
}

/// Changes the signed-in person's name and job title.
#[server]
pub async fn update_details(nome: String, cognome: String, ruolo: String) -> Result<(), AppError> {
    use crate::server::{profile, state::app_state};
    profile::update_details(&app_state()?, &nome, &cognome, &ruolo).await
}

/// Sets a new password for the signed-in person, who types the current one (`attuale`) unless
/// they logged in by link in the last 10 minutes; every other session of theirs ends.
#[server]
pub async fn change_password(
    password: String,
    #[server(default)] attuale: String,
) -> Result<(), AppError> {
    use crate::server::{profile, state::app_state};
    profile::change_password(&app_state()?, &password, attuale).await
}

/// Adds the signed-in person to a community.
#[server]
pub async fn join_community(comunita: String) -> Result<(), AppError> {
    use crate::server::{profile, state::app_state};
    profile::set_membership(&app_state()?, &comunita, true).await
}

/// Removes the signed-in person from a community.
#[server]
pub async fn leave_community(comunita: String) -> Result<(), AppError> {
    use crate::server::{profile, state::app_state};
    profile::set_membership(&app_state()?, &comunita, false).await
}

/// Deletes the signed-in person's account, once they confirm.
#[server]
pub async fn delete_account(#[server(default)] conferma: Option<String>) -> Result<(), AppError> {
    use crate::server::{profile, request::redirect, state::app_state};
    profile::delete_account(&app_state()?, conferma.is_some()).await?;
    redirect("/?account=eliminato");
    Ok(())
}

/// The signed-in person's sessions.
#[server]
pub async fn my_sessions() -> Result<Vec<MySession>, AppError> {
    crate::server::my_sessions::list(&crate::server::state::app_state()?).await
}

/// Ends one of the signed-in person's sessions, by its handle.
#[server]
pub async fn end_session(sessione: String) -> Result<(), AppError> {
    use crate::server::{my_sessions, state::app_state};
    my_sessions::end(&app_state()?, &sessione).await
}

/// Ends every session of the signed-in person but this one.
#[server]
pub async fn end_other_sessions() -> Result<u64, AppError> {
    use crate::server::{my_sessions, state::app_state};
    my_sessions::end_others(&app_state()?).await
}
