//! Small helpers that shape the HTTP response from inside rendering.

use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY};
use axum::http::{HeaderValue, StatusCode};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

/// Makes the page being rendered answer with `404 Not Found`.
pub fn respond_not_found() {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(StatusCode::NOT_FOUND);
    }
}

/// Makes a fresh nonce for this page's inline scripts and sends the matching
/// Content-Security-Policy, which allows nothing else to run; pages are not cached.
pub fn provide_csp_nonce() {
    leptos::nonce::provide_nonce();
    let (Some(nonce), Some(response)) =
        (leptos::nonce::use_nonce(), use_context::<ResponseOptions>())
    else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
    // Pages show who is logged in and their data: never keep them in shared caches.
    response.insert_header(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
}
