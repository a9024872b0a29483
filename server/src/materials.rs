//! A meeting's materials: added as a multipart form, downloaded as PDF files.

use axum::extract::{Multipart, Path, State};
use axum::http::HeaderMap;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};

use app::domain::meeting::material::{MAX_BYTES, MaterialOutcome};
use app::domain::percent::percent_encoded;
use app::error::AppError;
use app::server::auth::sessions;
use app::server::http::status_of;
use app::server::meetings::materials;
use app::server::state::AppState;

use crate::multipart::{Unread, text_and_file};

/// `POST /incontri/{id}/materiali`: the `file` field becomes a material of the meeting, titled
/// by the `titolo` field; redirected to the meeting, which says how it went.
pub async fn add(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return refusal(AppError::NotFound);
    };
    let viewer = match sessions::from_headers(&state, &headers).await {
        Ok(viewer) => viewer,
        Err(error) => return refusal(error),
    };
    let (title, file) = text_and_file(&mut multipart, "titolo", "file", MAX_BYTES).await;
    let outcome = match file {
        Ok(bytes) => materials::add(&state, viewer, id, &title, &bytes).await,
        Err(Unread::TooLarge) => Ok(MaterialOutcome::TooLarge),
        Err(Unread::Interrupted) => Ok(MaterialOutcome::Interrupted),
    };
    match outcome {
        Ok(outcome) => {
            let meeting = format!("/incontri/{id}?materiale={}#materiali", outcome.code());
            Redirect::to(&meeting).into_response()
        }
        Err(error) => refusal(error),
    }
}

/// `GET /incontri/{id}/materiali/{n}.pdf`: a material, as a download named after its title.
pub async fn download(
    State(state): State<AppState>,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    let number = file
        .strip_suffix(".pdf")
        .and_then(|n| n.parse::<i64>().ok());
    let (Ok(id), Some(number)) = (id.parse::<i64>(), number) else {
        return refusal(AppError::NotFound);
    };
    match materials::file(&state, id, number).await {
        Ok((title, bytes)) => (
            [
                (CONTENT_TYPE, "application/pdf".to_owned()),
                (CONTENT_DISPOSITION, disposition(number, &title)),
                (CACHE_CONTROL, "no-cache".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => refusal(error),
    }
}

/// An attachment named after `title` (RFC 6266), with a plain name for older clients.
fn disposition(number: i64, title: &str) -> String {
    let encoded = percent_encoded(title);
    format!("attachment; filename=\"materiale-{number}.pdf\"; filename*=UTF-8''{encoded}.pdf")
}

fn refusal(error: AppError) -> Response {
    (status_of(&error), error.message()).into_response()
}
