//! Sessions: a random token in an HttpOnly cookie, its digest in the database.

use crate::domain::audit::AuditAction;
use crate::domain::person::PersonId;
use crate::domain::role::Viewer;
use crate::error::AppError;
use crate::server::audit::entry;
use crate::server::auth::device::network;
use crate::server::clock::unix_now;
use crate::server::db;
use crate::server::db::sessions::{Origin, Session};
use crate::server::request::{
    client_ip, cookie, cookie_header, cookie_name, set_cookie, user_agent,
};
use crate::server::settings::Settings;
use crate::server::state::AppState;
use crate::server::tokens::{digest, secret_token};

/// The session cookie's name, before any `__Host-` prefix.
const COOKIE: &str = "comtem_session";

/// The session cookie's name under `settings`.
pub fn session_cookie(settings: &Settings) -> String {
    cookie_name(settings, COOKIE)
}

/// How much of a user agent is kept.
const USER_AGENT_MAX: usize = 300;

/// How often, at most, a session's last use is written back.
const TOUCH_EVERY_SECS: i64 = 60;

/// How a person proved who they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginMethod {
    Password,
    /// A link mailed to them (a login link, or a signup's confirmation).
    Link,
}

impl LoginMethod {
    /// The code stored with the session.
    pub fn code(self) -> &'static str {
        match self {
            Self::Password => "password",
            Self::Link => "link",
        }
    }
}

/// Logs `person` in: ends the session the request came with, if any, and starts a new one, so a
/// session token is never reused across a login, recording the login in the audit log. Returns
/// the new token's digest.
pub async fn start(
    state: &AppState,
    person: &PersonId,
    method: LoginMethod,
) -> Result<String, AppError> {
    if let Some(old) = cookie(&session_cookie(&state.settings)) {
        db::sessions::delete(&state.db, &digest(&old)).await?;
    }
    let token = secret_token();
    let user_agent: String = user_agent().chars().take(USER_AGENT_MAX).collect();
    let network = network(&client_ip(&state.settings));
    let origin = Origin {
        user_agent: &user_agent,
        network: &network,
        method: method.code(),
    };
    let hash = digest(&token);
    let mut tx = state.db.begin().await?;
    db::sessions::insert(&mut *tx, &hash, person, unix_now(), &origin).await?;
    let login = entry(state, person, AuditAction::Login, &person.0).after(method.code());
    db::audit::record(&mut tx, &login).await?;
    tx.commit().await?;
    let max_age = state.settings.session_absolute_secs;
    set_cookie(&cookie_header(&state.settings, COOKIE, &token, max_age));
    Ok(hash)
}

/// Ends the request's session and clears the cookie.
pub async fn end(state: &AppState) -> Result<(), AppError> {
    if let Some(token) = cookie(&session_cookie(&state.settings)) {
        db::sessions::delete(&state.db, &digest(&token)).await?;
    }
    set_cookie(&cookie_header(&state.settings, COOKIE, "", 0));
    Ok(())
}

/// The signed-in person of the request, if the session is valid and within its timeouts.
pub async fn current(state: &AppState) -> Result<Option<Viewer>, AppError> {
    let Some(token) = cookie(&session_cookie(&state.settings)) else {
        return Ok(None);
    };
    viewer_for_token(state, &token).await
}

/// The signed-in person of a request handled outside Leptos (downloads), from its headers.
pub async fn from_headers(
    state: &AppState,
    headers: &axum::http::HeaderMap,
) -> Result<Option<Viewer>, AppError> {
    match crate::server::request::cookie_in(headers, &session_cookie(&state.settings)) {
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
    if !is_live(&state.settings, &session, now) {
        db::sessions::delete(&state.db, &hash).await?;
        return Ok(None);
    }
    if now - session.last_seen_at > TOUCH_EVERY_SECS {
        db::sessions::touch(&state.db, &hash, now).await?;
    }
    db::people::viewer(&state.db, &PersonId(session.person_id)).await
}

/// Whether `session` is within its idle and absolute timeouts at `now`.
pub fn is_live(settings: &Settings, session: &Session, now: i64) -> bool {
    now - session.last_seen_at <= settings.session_idle_secs
        && now - session.created_at <= settings.session_absolute_secs
}

/// The request's session and its token's digest, if the request has one (whatever its age:
/// call after [`current`] or `authorize`, which end expired sessions).
pub async fn current_session(state: &AppState) -> Result<Option<(String, Session)>, AppError> {
    let Some(token) = cookie(&session_cookie(&state.settings)) else {
        return Ok(None);
    };
    let hash = digest(&token);
    Ok(db::sessions::find(&state.db, &hash)
        .await?
        .map(|session| (hash, session)))
}
