//! Security headers sent with every response.

use app::server::http::{ScriptNonce, page_policy};
use app::server::tokens::secret_token;
use axum::Router;
use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::set_header::SetResponseHeaderLayer;

/// For responses that did not set their own policy (pages set one with a script nonce).
const DEFAULT_CSP: &str =
    "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/// Tells browsers to use HTTPS only for a year, subdomains included.
const HSTS: &str = "max-age=31536000; includeSubDomains";

/// Adds nosniff, framing, referrer and content-security policies to every response, and on a
/// site served over HTTPS (`public_url`) Strict-Transport-Security.
pub fn with_security_headers<S: Clone + Send + Sync + 'static>(
    router: Router<S>,
    public_url: &str,
) -> Router<S> {
    let router = if public_url.starts_with("https://") {
        router.layer(SetResponseHeaderLayer::overriding(
            axum::http::header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        ))
    } else {
        router
    };
    let fixed = [
        (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (X_FRAME_OPTIONS, "DENY"),
        (REFERRER_POLICY, "same-origin"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=()",
        ),
    ];
    let router = fixed.into_iter().fold(router, |router, (name, value)| {
        router.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ))
    });
    router.layer(SetResponseHeaderLayer::if_not_present(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DEFAULT_CSP),
    ))
}

/// Chooses the nonce of the page's scripts before rendering and, on HTML responses, sends the
/// policy that allows them; pages show who is logged in, so browsers and proxies never keep
/// them either (the server's own page cache keeps only visitors' pages).
pub async fn page_security(mut request: Request, next: Next) -> Response {
    let nonce = secret_token();
    request.extensions_mut().insert(ScriptNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if is_html {
        let headers = response.headers_mut();
        if let Ok(policy) = HeaderValue::from_str(&page_policy(&nonce)) {
            headers.insert(CONTENT_SECURITY_POLICY, policy);
        }
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    response
}
