//! Signing up, logging in and out.

use leptos::prelude::*;

use crate::domain::ente::EnteOption;
use crate::domain::role::Viewer;
use crate::domain::signup_form::SignupForm;
use crate::error::AppError;

/// Signs up: the signup waits for the owner of the address to confirm it by the link mailed
/// there. The answer is the same for every address.
#[server]
pub async fn sign_up(form: SignupForm) -> Result<(), AppError> {
    use crate::server::{request::redirect, signup, state::app_state};
    signup::sign_up(&app_state()?, &form).await?;
    redirect("/iscriviti/fatto");
    Ok(())
}

/// Confirms a signup with the token of its link, and logs its owner in.
#[server]
pub async fn confirm_signup(token: String) -> Result<(), AppError> {
    use crate::server::signup::{self, Confirmation};
    use crate::server::{request::redirect, state::app_state};
    let confirmation = signup::confirm(&app_state()?, &token).await?;
    redirect(match confirmation {
        Confirmation::Joined => "/profilo?benvenuto=1",
        Confirmation::Added => "/profilo",
    });
    Ok(())
}

/// Up to eight bodies matching `query` by name, kind or province.
#[server]
pub async fn search_enti(query: String) -> Result<Vec<EnteOption>, AppError> {
    use crate::server::{enti, state::app_state};
    enti::search(&app_state()?, &query, 8).await
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
