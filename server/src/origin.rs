//! Cross-site request forgery protection: every state-changing request (server functions are
//! POSTs that any site's form could send) must come from a page of this site, and so must every
//! WebSocket upgrade (a GET that browsers send cross-site with the cookies: cross-site WebSocket
//! hijacking).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{HOST, ORIGIN, REFERER, UPGRADE};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Lets safe methods through; other requests need an `Origin` (or, failing that, a `Referer`)
/// naming this site: the `Host` they were sent to, or the configured public URL. A connection
/// upgrade (WebSocket) needs an `Origin` naming this site, whatever its method.
pub async fn require_same_origin(
    State(public_url): State<Arc<String>>,
    request: Request,
    next: Next,
) -> Response {
    if is_allowed(request.method(), request.headers(), &public_url) {
        next.run(request).await
    } else {
        tracing::warn!(method = %request.method(), uri = %request.uri(), "cross-origin request refused");
        (StatusCode::FORBIDDEN, app::i18n::texts().error_cross_origin).into_response()
    }
}

fn is_allowed(method: &Method, headers: &HeaderMap, public_url: &str) -> bool {
    if headers.contains_key(UPGRADE) {
        return headers.contains_key(ORIGIN) && is_same_origin(headers, public_url);
    }
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
        || is_same_origin(headers, public_url)
}

fn is_same_origin(headers: &HeaderMap, public_url: &str) -> bool {
    let header = |name| headers.get(name).and_then(|value| value.to_str().ok());
    let Some(origin) = header(ORIGIN).or_else(|| header(REFERER)).map(origin_of) else {
        return false;
    };
    let authority = origin
        .split_once("://")
        .map_or("", |(_, authority)| authority);
    origin == origin_of(public_url) || header(HOST).is_some_and(|host| host == authority)
}

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |index| index + 3);
    let end = url[after_scheme..]
        .find('/')
        .map_or(url.len(), |index| after_scheme + index);
    &url[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| (name.parse().unwrap(), value.parse().unwrap()))
            .collect()
    }

    #[test]
    fn same_site_requests_pass_and_others_do_not() {
        let public = "https://comtem.regione.it";
        let host = ("host", "127.0.0.1:3000");
        assert!(is_same_origin(
            &headers(&[host, ("origin", "http://127.0.0.1:3000")]),
            public
        ));
        assert!(is_same_origin(
            &headers(&[host, ("origin", "https://comtem.regione.it")]),
            public
        ));
        assert!(is_same_origin(
            &headers(&[host, ("referer", "http://127.0.0.1:3000/iscriviti?x=1")]),
            public
        ));
        assert!(!is_same_origin(
            &headers(&[host, ("origin", "https://evil.example")]),
            public
        ));
        assert!(!is_same_origin(
            &headers(&[host, ("origin", "http://127.0.0.1:3000.evil.example")]),
            public
        ));
        assert!(!is_same_origin(
            &headers(&[host, ("origin", "null")]),
            public
        ));
        assert!(!is_same_origin(&headers(&[host]), public));
    }

    #[test]
    fn websocket_upgrades_need_an_origin_of_this_site() {
        let public = "https://comtem.regione.it";
        let host = ("host", "127.0.0.1:3000");
        let upgrade = ("upgrade", "websocket");
        let get = Method::GET;
        assert!(is_allowed(&get, &headers(&[host]), public));
        assert!(is_allowed(
            &get,
            &headers(&[host, upgrade, ("origin", "http://127.0.0.1:3000")]),
            public
        ));
        assert!(!is_allowed(
            &get,
            &headers(&[host, upgrade, ("origin", "https://evil.example")]),
            public
        ));
        assert!(!is_allowed(&get, &headers(&[host, upgrade]), public));
        assert!(!is_allowed(
            &get,
            &headers(&[host, upgrade, ("referer", "http://127.0.0.1:3000/")]),
            public
        ));
    }
}
