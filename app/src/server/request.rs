//! The HTTP request behind the current render or server function, and the response it shapes.

use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use super::settings::Settings;

/// The value of cookie `name` sent with the request, if any.
pub fn cookie(name: &str) -> Option<String> {
    cookie_in(&use_context::<Parts>()?.headers, name)
}

/// The value of cookie `name` among `headers`, if any.
pub fn cookie_in(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find_map(|(key, value)| (key == name).then(|| value.to_owned()))
}

/// The name of cookie `base` under `settings`: with the `__Host-` prefix when cookies are
/// `Secure`, so that no other host or plain-HTTP page can set or shadow it.
pub fn cookie_name(settings: &Settings, base: &str) -> String {
    if settings.secure_cookies {
        format!("__Host-{base}")
    } else {
        base.to_owned()
    }
}

/// A `Set-Cookie` value for cookie `base` (named by [`cookie_name`]): HttpOnly, SameSite=Lax,
/// for the whole site, kept `max_age` seconds (0 clears it), `Secure` outside development.
pub fn cookie_header(settings: &Settings, base: &str, value: &str, max_age: i64) -> String {
    let name = cookie_name(settings, base);
    let secure = if settings.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

/// Adds a `Set-Cookie` header to the response.
pub fn set_cookie(cookie: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(cookie),
    ) {
        response.append_header(SET_COOKIE, value);
    }
}

/// The request's `User-Agent`, or `""`.
pub fn user_agent() -> String {
    use_context::<Parts>()
        .and_then(|parts| {
            let value = parts.headers.get(axum::http::header::USER_AGENT)?;
            value.to_str().ok().map(str::to_owned)
        })
        .unwrap_or_default()
}

/// The client's address: the socket peer, or the last `X-Forwarded-For` hop behind a trusted
/// proxy. `"unknown"` when neither is available (as in tests that call the router directly).
pub fn client_ip(settings: &Settings) -> String {
    let Some(parts) = use_context::<Parts>() else {
        return "unknown".to_owned();
    };
    let forwarded = settings
        .trust_proxy
        .then(|| parts.headers.get("x-forwarded-for")?.to_str().ok())
        .flatten()
        .and_then(|hops| hops.rsplit(',').next())
        .map(|hop| hop.trim().to_owned());
    forwarded
        .or_else(|| {
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Sends the browser to `path` after this server function (with or without JavaScript).
pub fn redirect(path: &str) {
    leptos_axum::redirect(path);
}
