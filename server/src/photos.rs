//! Photos: uploads of one or many files, and the files, cached for good.

use axum::Json;
use axum::extract::{Multipart, Path, State};
use axum::http::HeaderMap;
use axum::http::header::{ACCEPT, CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};

use app::domain::photo::{
    CoverOutcome, MAX_BYTES, MAX_FILES, PhotoProblem, UploadOutcome, file_label, outcome_query,
};
use app::error::AppError;
use app::server::auth::sessions;
use app::server::http::status_of;
use app::server::state::AppState;

use crate::multipart::{Unread, read_file, text_and_file};
use app::server::{news, photos};

/// The most one upload request may carry: several photos at once from a form without
/// JavaScript (with it, each photo is a request of its own).
pub const MAX_REQUEST_BYTES: usize = 200 * 1024 * 1024;

/// `POST /incontri/{id}/foto`: adds the files of the `foto` fields to the meeting's photos,
/// waiting for their alternative text. A browser running the application sends one file per
/// request and asks for JSON, to show its progress; a form without JavaScript sends them all and
/// is redirected to the gallery, which says how each went.
pub async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    multipart: Multipart,
) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return refusal(AppError::NotFound);
    };
    let viewer = match sessions::from_headers(&state, &headers).await {
        Ok(viewer) => viewer,
        Err(error) => return refusal(error),
    };
    let viewer = match photos::may_add(&state, viewer, id).await {
        Ok(viewer) => viewer,
        Err(error) => return refusal(error),
    };
    let outcomes = match receive(&state, &viewer, id, multipart).await {
        Ok(outcomes) => outcomes,
        Err(error) => return refusal(error),
    };
    let wants_json = headers
        .get(ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.starts_with("application/json"));
    if wants_json {
        Json(outcomes).into_response()
    } else {
        let gallery = format!("/incontri/{id}/foto?{}", outcome_query(&outcomes));
        Redirect::to(&gallery).into_response()
    }
}

/// Reads and adds each file in turn, so that one photo at a time is held in memory.
async fn receive(
    state: &AppState,
    viewer: &app::domain::role::Viewer,
    id: i64,
    mut multipart: Multipart,
) -> Result<Vec<UploadOutcome>, AppError> {
    let mut outcomes = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => {
                tracing::info!(meeting = id, %error, "photo upload interrupted");
                outcomes.push(refused(String::new(), PhotoProblem::Interrupted));
                break;
            }
        };
        let name = file_label(field.file_name().unwrap_or_default());
        // A form sent with no file chosen has one empty, nameless part.
        if field.name() != Some("foto") || name.is_empty() {
            continue;
        }
        if outcomes.len() >= MAX_FILES {
            outcomes.push(refused(name, PhotoProblem::TooManyFiles));
            continue;
        }
        let outcome = match read_file(field, MAX_BYTES).await {
            Ok(bytes) => photos::add(state, viewer, id, name, bytes).await?,
            Err(unread) => refused(name, photo_problem(unread)),
        };
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

/// `POST /notizie/{id}/copertina`: the `foto` field becomes the post's cover, described by the
/// `testo_alternativo` field; redirected to the post, which says how it went.
pub async fn cover(
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
    let (alt, photo) = text_and_file(&mut multipart, "testo_alternativo", "foto", MAX_BYTES).await;
    let outcome = match photo.map_err(photo_problem) {
        Ok(bytes) => news::cover::set(&state, viewer, id, &alt, bytes).await,
        Err(problem) => Ok(CoverOutcome::Refused(problem)),
    };
    match outcome {
        Ok(outcome) => {
            Redirect::to(&format!("/notizie/{id}?copertina={}", outcome.code())).into_response()
        }
        Err(error) => refusal(error),
    }
}

/// Why a photo that could not be read is refused.
fn photo_problem(unread: Unread) -> PhotoProblem {
    match unread {
        Unread::TooLarge => PhotoProblem::TooManyBytes,
        Unread::Interrupted => PhotoProblem::Interrupted,
    }
}

fn refused(file: String, problem: PhotoProblem) -> UploadOutcome {
    UploadOutcome {
        file,
        result: Err(problem),
    }
}

/// `GET /foto/{name}`: a photo's file. Its name changes with its content, so it is cached for
/// good.
pub async fn file(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    let well_formed = name.strip_suffix(".jpg").is_some_and(|stem| {
        stem.split_once('-').is_some_and(|(id, hash)| {
            id.bytes().all(|b| b.is_ascii_digit()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
        })
    });
    if !well_formed {
        return refusal(AppError::NotFound);
    }
    match photos::file(&state, &name).await {
        Ok(bytes) => (
            [
                (CONTENT_TYPE, "image/jpeg"),
                (CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => refusal(error),
    }
}

fn refusal(error: AppError) -> Response {
    (status_of(&error), error.message()).into_response()
}
