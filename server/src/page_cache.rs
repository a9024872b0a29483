//! Visitors' pages served again: around the Leptos page routes, a page rendered for a request
//! without cookies is stored in the state's `PageCache` and served to the next visitors, each
//! with their own script nonce; around everything, every request that may change data moves
//! the cache's data version on, so the next page shows the change.

use app::server::http::ScriptNonce;
use app::server::page_cache::{CachedPage, Claim, PageCache};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, COOKIE, SET_COOKIE};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;

/// Whether a page came from the cache (`hit`) or was rendered and stored (`miss`).
const X_CACHE: HeaderName = HeaderName::from_static("x-cache");

/// Serves a visitor's page from the cache, or renders it and, if it may be served again,
/// stores it.
pub async fn pages(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let Some((key, nonce)) = visitor_page(&request) else {
        return next.run(request).await;
    };
    let ticket = match cache.claim(&key, cache.generation()).await {
        Claim::Hit(page) => return served(&page, &nonce),
        Claim::Pass => return next.run(request).await,
        Claim::Render(ticket) => ticket,
    };
    let response = next.run(request).await;
    if !storable(&response) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(error) => {
            tracing::error!(%error, key, "reading a rendered page");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if let Ok(text) = std::str::from_utf8(&bytes) {
        parts.headers.remove(CONTENT_LENGTH);
        let pieces = split(&bytes, text, &nonce);
        ticket.store(CachedPage {
            headers: parts.headers.clone(),
            pieces,
        });
        parts
            .headers
            .insert(X_CACHE, HeaderValue::from_static("miss"));
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Moves the cache's data version on when a request that may change data (anything but GET
/// and HEAD: every write of the app is a POST) starts and when it ends, however it ends.
pub async fn writes(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let _writing = cache.writing();
    next.run(request).await
}

/// The cache key (path and query) and the script nonce of a GET for a page with no cookie at
/// all: without one nothing personal can be rendered (the session and the signup's browser
/// cookie are the only ones the app reads). Server functions are never pages.
fn visitor_page(request: &Request) -> Option<(String, String)> {
    let uri = request.uri();
    if request.method() != Method::GET
        || request.headers().contains_key(COOKIE)
        || uri.path().starts_with("/api/")
    {
        return None;
    }
    let ScriptNonce(nonce) = request.extensions().get::<ScriptNonce>()?;
    let key = uri
        .path_and_query()
        .map_or(uri.path(), |whole| whole.as_str());
    Some((key.to_owned(), nonce.clone()))
}

/// Whether `response` is a complete HTML page that sets nothing for its browser alone.
fn storable(response: &Response) -> bool {
    let headers = response.headers();
    response.status() == StatusCode::OK
        && !headers.contains_key(SET_COOKIE)
        && headers
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("text/html"))
}

/// `body` (which reads as `text`) cut at every occurrence of `nonce`.
fn split(body: &Bytes, text: &str, nonce: &str) -> Vec<Bytes> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(nonce) {
        pieces.push(body.slice(start..at));
        start = at + nonce.len();
    }
    pieces.push(body.slice(start..));
    pieces
}

/// A stored page, with `nonce` for its scripts.
fn served(page: &CachedPage, nonce: &str) -> Response {
    let mut response = Response::new(Body::from(page.body(nonce)));
    *response.headers_mut() = page.headers.clone();
    response
        .headers_mut()
        .insert(X_CACHE, HeaderValue::from_static("hit"));
    response
}
