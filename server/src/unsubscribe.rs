//! `POST /notifiche/disiscrizione/{token}`: the one-click unsubscribe of RFC 8058. A mail
//! client posts there with no cookie and no `Origin`, and must not be redirected; so the POST
//! turns off what the link names and then answers as the `GET` of the same page, which now says
//! what was turned off. A `GET` alone only asks (mail scanners fetch links).

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use app::server::notifications::unsubscribe;
use app::server::state::AppState;

/// Where the links point: the token follows.
pub const PREFIX: &str = "/notifiche/disiscrizione/";

/// Acts on a POST to an unsubscribe link, then lets it through as a GET.
pub async fn one_click(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let token = (request.method() == Method::POST)
        .then(|| request.uri().path().strip_prefix(PREFIX).map(str::to_owned))
        .flatten();
    if let Some(token) = token {
        // An unknown link is said so by the page itself.
        if let Err(error) = unsubscribe::unsubscribe(&state, &token).await {
            tracing::info!(?error, "unsubscribe link not used");
        }
        *request.method_mut() = Method::GET;
    }
    next.run(request).await
}
