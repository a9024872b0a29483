//! Small helpers that shape the HTTP response from inside rendering.

use axum::http::StatusCode;
use axum::http::request::Parts;
use leptos::nonce::Nonce;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use crate::error::AppError;

/// The nonce a request's page scripts carry, chosen by the server's middleware before rendering
/// so that the middleware can send the matching Content-Security-Policy with the response.
#[derive(Clone, Debug)]
pub struct ScriptNonce(pub String);

/// Makes the page being rendered answer with `404 Not Found`.
pub fn respond_not_found() {
    respond_with(StatusCode::NOT_FOUND);
}

/// The HTTP status that says what kind of refusal `error` is.
pub fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Unavailable | AppError::Busy | AppError::TemporarilyUnavailable => {
            StatusCode::SERVICE_UNAVAILABLE
        }
        AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::LoginRequired | AppError::BadCredentials => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::LinkInvalid | AppError::ConfirmationInvalid => StatusCode::GONE,
        AppError::AlreadyLoggedIn => StatusCode::CONFLICT,
        AppError::Throttled { .. } | AppError::TooManyConnections => StatusCode::TOO_MANY_REQUESTS,
        AppError::BadDay(_) => StatusCode::BAD_REQUEST,
    }
}

/// Makes the page being rendered (or the server function running) answer with `status`.
pub fn respond_with(status: StatusCode) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(status);
    }
}

/// Gives this page's inline scripts the request's nonce (a fresh one when rendering outside the
/// server's middleware), so the Content-Security-Policy lets them, and nothing else, run.
pub fn provide_csp_nonce() {
    let chosen =
        use_context::<Parts>().and_then(|parts| parts.extensions.get::<ScriptNonce>().cloned());
    match chosen {
        Some(ScriptNonce(nonce)) => provide_context(Nonce::from_value(nonce)),
        None => leptos::nonce::provide_nonce(),
    }
}

/// The Content-Security-Policy of a page whose inline scripts carry `nonce`.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}
