//! Sessions: a random token in an HttpOnly cookie, its digest in the database.

use crate::domain::person::PersonId;
use crate::domain::role::Viewer;
use crate::error::AppError;
use crate::server::clock::unix_now;
use crate::server::db;
use crate::server::request::{cookie, set_cookie};
use crate::server::state::AppState;
use crate::server::tokens::{digest, secret_token};

/// The session cookie's name.
pub const COOKIE: &str = "comtem_session";

/// How often, at most, a session's last use is written back.
const TOUCH_EVERY_SECS: i64 = 60;

/// Logs `person` in: ends the session the request came with, if any, and starts a new one, so a
/// session token is never reused across a login.
pub async fn start(state: &AppState, person: &PersonId) -> Result<(), AppError> {
    if let Some(old) = cookie(COOKIE) {
        db::sessions::delete(&state.db, &digest(&old)).await?;
    }
    let token = secret_token();
    db::sessions::insert(&state.db, &digest(&token), person, unix_now()).await?;
    let secure = if state.settings.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    set_cookie(&format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        state.settings.session_absolute_secs
    ));
    Ok(())
}

/// Ends the request's session and clears the cookie.
pub async fn end(state: &AppState) -> Result<(), AppError> {
    if let Some(token) = cookie(COOKIE) {
        db::sessions::delete(&state.db, &digest(&token)).await?;
    }
    set_cookie(&format!(
        "{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
    ));
    Ok(())
}

/// The signed-in person of the request, if the session is valid and within its timeouts.
pub async fn current(state: &AppState) -> Result<Option<Viewer>, AppError> {
    let Some(token) = cookie(COOKIE) else {
        return Ok(None);
    };
    viewer_for_token(state, &token).await
}

/// The signed-in person of a request handled outside Leptos (downloads), from its headers.
pub async fn from_headers(
    state: &AppState,
    headers: &axum::http::HeaderMap,
) -> Result<Option<Viewer>, AppError> {
    match crate::server::request::cookie_in(headers, COOKIE) {
        Some(token) => viewer_for_token(state, &token).await,
        None => Ok(None),
    }
}

/// The person a session token belongs to, if still valid; expired sessions are removed.
pub async fn viewer_for_token(state: &AppState, token: &str) -> Result<Option<Viewer>, AppError> {
    let hash = digest(token);
    let Some(session) = db::sessions::find(&state.db, &hash).await? else {
        return Ok(None);
    };
    let now = unix_now();
    let settings = &state.settings;
    if now - session.last_seen_at > settings.session_idle_secs
        || now - session.created_at > settings.session_absolute_secs
    {
        db::sessions::delete(&state.db, &hash).await?;
        return Ok(None);
    }
    if now - session.last_seen_at > TOUCH_EVERY_SECS {
        db::sessions::touch(&state.db, &hash, now).await?;
    }
    db::people::viewer(&state.db, &session.person_id).await
}
