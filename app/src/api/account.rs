//! Signing up, logging in and out.

use leptos::prelude::*;

use crate::domain::ente::EnteOption;
use crate::domain::role::Viewer;
use crate::domain::signup_form::SignupForm;
use crate::error::AppError;

/// Signs up, then goes on to the profile (new, with a password) or to the outcome page.
#[server]
pub async fn sign_up(form: SignupForm) -> Result<(), AppError> {
    use crate::server::{membership, request::redirect, state::app_state};
    let enrolment = membership::sign_up(&app_state()?, &form).await?;
    let added: Vec<&str> = enrolment.added.iter().map(|slug| slug.as_str()).collect();
    redirect(&match (enrolment.created, form.password.is_empty()) {
        (true, false) => "/profilo?benvenuto=1".to_owned(),
        (true, true) => "/iscriviti/fatto?esito=link".to_owned(),
        (false, _) => format!(
            "/iscriviti/fatto?esito=esistente&aggiunte={}",
            added.join(",")
        ),
    });
    Ok(())
}

/// Up to eight bodies matching `query` by name, kind or province.
#[server]
pub async fn search_enti(query: String) -> Result<Vec<EnteOption>, AppError> {
    use crate::domain::ente::rank_matches;
    let state = crate::server::state::app_state()?;
    let options = crate::server::db::enti::options(&state.db).await?;
    Ok(rank_matches(
        &options,
        &query.chars().take(200).collect::<String>(),
        8,
    ))
}

/// Logs in with email and password, then returns to `next` (a local path) or the profile.
#[server]
pub async fn log_in(
    email: String,
    password: String,
    #[server(default)] next: String,
) -> Result<(), AppError> {
    use crate::domain::local_path::local_path;
    use crate::server::{membership, request::redirect, state::app_state};
    membership::log_in(&app_state()?, &email, password).await?;
    redirect(local_path(&next).unwrap_or("/profilo"));
    Ok(())
}

/// Emails a one-time login link, if the address has an account.
#[server]
pub async fn request_login_link(email: String) -> Result<(), AppError> {
    use crate::server::{membership, request::redirect, state::app_state};
    membership::request_link(&app_state()?, &email).await?;
    redirect("/accedi?inviato=1");
    Ok(())
}

/// Logs in with the token of a login link.
#[server]
pub async fn redeem_login_link(token: String) -> Result<(), AppError> {
    use crate::server::{membership, request::redirect, state::app_state};
    membership::redeem_link(&app_state()?, &token).await?;
    redirect("/profilo");
    Ok(())
}

/// Ends the session and returns to the home page.
#[server]
pub async fn log_out() -> Result<(), AppError> {
    use crate::server::{auth::sessions, request::redirect, state::app_state};
    sessions::end(&app_state()?).await?;
    redirect("/");
    Ok(())
}

/// The signed-in person, if any.
#[server]
pub async fn current_viewer() -> Result<Option<Viewer>, AppError> {
    crate::server::auth::sessions::current(&crate::server::state::app_state()?).await
}
