//! The router: health check, server functions, pages, static files, compression and headers.

use app::domain::meeting::material;
use app::domain::photo;
use app::server::db;
use app::server::state::AppState;
use app::{App, shell};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes, file_and_error_handler, generate_route_list};
use tower::Layer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::middleware;

use crate::api_status::error_status;
use crate::bell;
use crate::calendars;
use crate::documents;
use crate::downloads;
use crate::feeds;
use crate::headers::{page_security, with_security_headers};
use crate::materials;
use crate::open_data;
use crate::origin::require_same_origin;
use crate::page_cache;
use crate::photos;
use crate::unsubscribe;

/// How long a request may take, from its headers to its response's headers (the live board's
/// connection answers at once and then lives on its own).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// How long an upload may take.
const UPLOAD_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// Builds the whole application router around `state`.
pub fn router(state: AppState) -> Router {
    let public_url = state.settings.public_url.clone();
    let app = Router::new()
        .route("/healthz", get(healthz))
        .route("/notifiche/conteggio", get(bell::count))
        .route("/api/v1/numeri.json", get(open_data::json))
        .route("/api/v1/numeri.csv", get(open_data::csv))
        .route("/profilo/dati.json", get(downloads::my_data))
        .route("/incontri.ics", get(calendars::everything))
        .route("/notizie.atom", get(feeds::everything))
        .route("/comunita/{slug}/notizie.atom", get(feeds::community))
        .route("/incontri/{id}/incontro.ics", get(calendars::meeting))
        .route("/foto/{name}", get(photos::file))
        .route("/incontri/{id}/materiali/{file}", get(materials::download))
        .route("/comunita/{slug}/incontri.ics", get(calendars::community))
        .route(
            "/calendario/personale/{token}/comtem.ics",
            get(calendars::personal),
        )
        .route(
            "/amministrazione/iscrizioni.csv",
            get(downloads::signups_csv),
        )
        .route("/amministrazione/registro.csv", get(downloads::audit_csv))
        .route(
            "/piano-generale/{year}/versioni/{file}",
            get(documents::general_plan),
        )
        .merge(pages(&state))
        .fallback(file_and_error_handler::<AppState, _>(shell))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .merge(uploads())
        .layer(middleware::from_fn(error_status))
        .layer(middleware::from_fn(page_security))
        .layer(middleware::from_fn_with_state(
            Arc::new(state.settings.public_url.clone()),
            require_same_origin,
        ))
        .with_state(state.clone())
        // Pages are small and rendered per request: the fastest level keeps most of the saving at a
        // fraction of the CPU. Static assets are served precompressed at the best level.
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
        .layer(TraceLayer::new_for_http());
    let app = with_security_headers(app, &public_url);
    // Around everything, so that no write escapes it.
    let writes = middleware::from_fn_with_state(state.pages.clone(), page_cache::writes);
    // Around the router, so it acts before routing and the same-origin check: a mail client's
    // one-click unsubscribe is a POST from no page, answered as the page's GET.
    let one_click = middleware::from_fn_with_state(state, unsubscribe::one_click);
    Router::new().fallback_service(writes.layer(one_click.layer(app)))
}

/// The Leptos pages and server functions, with visitors' pages served from the page cache.
fn pages(state: &AppState) -> Router<AppState> {
    let context_state = state.clone();
    let options = state.leptos_options.clone();
    Router::new()
        .leptos_routes_with_context(
            state,
            route_list(),
            move || provide_context(context_state.clone()),
            move || shell(options.clone()),
        )
        .layer(middleware::from_fn_with_state(
            state.pages.clone(),
            page_cache::pages,
        ))
}

/// The uploads: a phone on a slow connection may take minutes to send its photos.
fn uploads() -> Router<AppState> {
    Router::new()
        .route(
            "/incontri/{id}/foto",
            post(photos::upload).layer(DefaultBodyLimit::max(photos::MAX_REQUEST_BYTES)),
        )
        .route(
            "/notizie/{id}/copertina",
            post(photos::cover).layer(DefaultBodyLimit::max(2 * photo::MAX_BYTES)),
        )
        .route(
            "/incontri/{id}/materiali",
            post(materials::add).layer(DefaultBodyLimit::max(2 * material::MAX_BYTES)),
        )
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            UPLOAD_TIMEOUT,
        ))
}

/// The app's routes, listed once per process. Listing renders the app with resource loading
/// suppressed process-wide, so it must never overlap a request being rendered (leptos #4773):
/// later routers (as in tests, which build many) reuse the first list.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// `200 ok` when the database answers, `503` otherwise.
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if db::is_healthy(&state.db).await {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
