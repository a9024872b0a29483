//! The HTTP request behind the current render or server function, and the response it shapes.

use axum::http::header::{COOKIE, SET_COOKIE};
use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
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

/// The client's address: the socket peer or, behind a trusted proxy, the right-most hop over
/// all `X-Forwarded-For` lines (the one our proxy added; those before it are the client's
/// word). `"unknown"` when neither is available (as in tests that call the router directly).
pub fn client_ip(settings: &Settings) -> String {
    request_addr(settings).map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
}

/// What a throttle counts a request against: the client's IPv4 address, or its IPv6 /64 (one
/// subscriber's block, within which an address is free to change at every request).
pub fn throttle_source(settings: &Settings) -> String {
    request_addr(settings).map_or_else(|| "unknown".to_owned(), block_of)
}

/// The client's address of the request being served, if there is one.
fn request_addr(settings: &Settings) -> Option<IpAddr> {
    client_addr(&use_context::<Parts>()?, settings.trust_proxy)
}

/// The client's address among the request's `parts`; see [`client_ip`].
pub fn client_addr(parts: &Parts, trust_proxy: bool) -> Option<IpAddr> {
    let forwarded = trust_proxy
        .then(|| parts.headers.get_all("x-forwarded-for").iter().next_back())
        .flatten()
        .and_then(|line| line.to_str().ok()?.rsplit(',').next()?.trim().parse().ok());
    forwarded.or_else(|| {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>()?;
        Some(peer.0.ip())
    })
}

/// `ip` as a throttle counts it: IPv4 (also mapped in IPv6) whole, IPv6 by its /64.
pub fn block_of(ip: IpAddr) -> String {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let [a, b, c, d, ..] = v6.segments();
                format!("{a:x}:{b:x}:{c:x}:{d:x}::/64")
            }
        },
        IpAddr::V4(v4) => v4.to_string(),
    }
}

/// Sends the browser to `path` after this server function (with or without JavaScript).
pub fn redirect(path: &str) {
    leptos_axum::redirect(path);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(forwarded: &[&str]) -> Parts {
        let mut request = axum::http::Request::builder();
        for line in forwarded {
            request = request.header("x-forwarded-for", *line);
        }
        let (mut parts, ()) = request.body(()).unwrap().into_parts();
        let peer: SocketAddr = "198.51.100.7:5000".parse().unwrap();
        parts.extensions.insert(ConnectInfo(peer));
        parts
    }

    #[test]
    fn behind_a_proxy_the_right_most_hop_of_the_last_line_counts() {
        let lines = ["203.0.113.9, 10.0.0.1", "192.0.2.44"];
        let ip = client_addr(&parts(&lines), true).unwrap();
        assert_eq!(ip.to_string(), "192.0.2.44");
        let one_line = client_addr(&parts(&["1.2.3.4 , 192.0.2.45 "]), true).unwrap();
        assert_eq!(one_line.to_string(), "192.0.2.45");
    }

    #[test]
    fn forwarded_lines_are_ignored_without_a_trusted_proxy_or_when_malformed() {
        let peer = "198.51.100.7";
        let spoofed = client_addr(&parts(&["192.0.2.44"]), false).unwrap();
        assert_eq!(spoofed.to_string(), peer);
        let garbage = client_addr(&parts(&["1.2.3.4, <script>"]), true).unwrap();
        assert_eq!(garbage.to_string(), peer);
        assert_eq!(client_addr(&parts(&[]), true).unwrap().to_string(), peer);
    }

    #[test]
    fn an_ipv6_block_is_one_throttle_source() {
        let first = block_of("2001:db8:1:2:aaaa::1".parse().unwrap());
        let second = block_of("2001:db8:1:2:ffff:1:2:3".parse().unwrap());
        let neighbour = block_of("2001:db8:1:3::1".parse().unwrap());
        assert_eq!(first, "2001:db8:1:2::/64");
        assert_eq!(first, second);
        assert_ne!(first, neighbour);
        assert_eq!(block_of("::ffff:192.0.2.1".parse().unwrap()), "192.0.2.1");
        assert_eq!(block_of("192.0.2.1".parse().unwrap()), "192.0.2.1");
    }
}
