//! Photos: uploads checked and processed a few at a time, the galleries, descriptions, removal,
//! and the files.

pub mod pipeline;

use tokio::sync::Semaphore;

use super::auth::{authorize, permit};
use super::clock::rfc3339_now;
use super::db;
use super::state::AppState;
use crate::domain::photo::{GalleryPage, PhotoPage, PhotoProblem, UploadOutcome, description};
use crate::domain::policy::{Action, allows};
use crate::domain::role::Viewer;
use crate::error::AppError;
use pipeline::Rendition;

/// Photos decoded at once in this process: each may take up to 256 MiB while it is decoded.
static DECODING: Semaphore = Semaphore::const_new(2);

/// The files to serve for `bytes`, decoded off the async threads and a few at a time.
pub async fn process(bytes: Vec<u8>) -> Result<Vec<Rendition>, PhotoProblem> {
    let _turn = DECODING
        .acquire()
        .await
        .map_err(|_| PhotoProblem::Damaged)?;
    tokio::task::spawn_blocking(move || pipeline::process(&bytes))
        .await
        .unwrap_or(Err(PhotoProblem::Damaged))
}

/// `viewer`, signed in, if they may add photos to meeting `id`.
pub async fn may_add(
    state: &AppState,
    viewer: Option<Viewer>,
    id: i64,
) -> Result<Viewer, AppError> {
    let meeting = db::meetings::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    permit(viewer, &Action::AddMeetingPhotos(meeting.audience))?.ok_or(AppError::LoginRequired)
}

/// Adds the uploaded `file` (named `name` on the person's device) to meeting `id`, waiting for
/// its alternative text; `viewer` is the one [`may_add`] returned.
pub async fn add(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    name: String,
    bytes: Vec<u8>,
) -> Result<UploadOutcome, AppError> {
    let result = match process(bytes).await {
        Ok(files) => {
            let now = rfc3339_now();
            Ok(db::photos::add(&state.db, id, &files, &viewer.person_id, &now).await?)
        }
        Err(problem) => Err(problem),
    };
    if let Err(problem) = result {
        tracing::info!(meeting = id, file = %name, problem = problem.code(), "photo refused");
    }
    Ok(UploadOutcome { file: name, result })
}

/// `/incontri/{id}/foto`.
#[tracing::instrument(skip_all, fields(meeting = id))]
pub async fn gallery(state: &AppState, id: i64) -> Result<GalleryPage, AppError> {
    let meeting = db::meetings::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = super::auth::sessions::current(state).await?;
    let can_add = allows(viewer.as_ref(), &Action::AddMeetingPhotos(meeting.audience));
    let (photos, undescribed) = db::photos::of_meeting(&state.db, id)
        .await?
        .into_iter()
        .partition(|photo| photo.is_described());
    Ok(GalleryPage {
        meeting: id,
        title: meeting.title,
        photos,
        undescribed: if can_add { undescribed } else { Vec::new() },
        can_add,
    })
}

/// `/incontri/{id}/foto/{photo}`: only a published photo, and only under its own meeting.
#[tracing::instrument(skip_all, fields(meeting = id, photo = photo))]
pub async fn page(state: &AppState, id: i64, photo: i64) -> Result<PhotoPage, AppError> {
    let gallery = gallery(state, id).await?;
    let position = gallery
        .photos
        .iter()
        .position(|p| p.id == photo)
        .ok_or(AppError::NotFound)?;
    let neighbour = |at: Option<usize>| at.and_then(|i| gallery.photos.get(i)).map(|p| p.id);
    Ok(PhotoPage {
        meeting: id,
        title: gallery.title.clone(),
        photo: gallery.photos[position].clone(),
        position: position + 1,
        count: gallery.photos.len(),
        previous: neighbour(position.checked_sub(1)),
        next: neighbour(Some(position + 1)),
        can_add: gallery.can_add,
    })
}

/// Sets the alternative text (which publishes it) and the caption of a meeting's photo; the
/// meeting.
#[tracing::instrument(skip_all, fields(photo = photo))]
pub async fn describe(
    state: &AppState,
    photo: i64,
    alt: &str,
    caption: &str,
) -> Result<i64, AppError> {
    let meeting = meeting_to_manage(state, photo).await?;
    let alt =
        description(alt, true).map_err(|p| AppError::invalid_field("testo_alternativo", p))?;
    let caption =
        description(caption, false).map_err(|p| AppError::invalid_field("didascalia", p))?;
    db::photos::describe(&state.db, photo, &alt, &caption).await?;
    Ok(meeting)
}

/// Removes a meeting's photo and its files; the meeting.
#[tracing::instrument(skip_all, fields(photo = photo))]
pub async fn remove(state: &AppState, photo: i64) -> Result<i64, AppError> {
    let meeting = meeting_to_manage(state, photo).await?;
    db::photos::remove(&state.db, photo).await?;
    Ok(meeting)
}

/// The meeting of `photo`, once the signed-in person is found to manage its photos.
async fn meeting_to_manage(state: &AppState, photo: i64) -> Result<i64, AppError> {
    let id = db::photos::meeting_of(&state.db, photo)
        .await?
        .ok_or(AppError::NotFound)?;
    let meeting = db::meetings::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(state, &Action::AddMeetingPhotos(meeting.audience)).await?;
    Ok(id)
}

/// The bytes of the file `name` (`<photo>-<hash>.jpg`).
pub async fn file(state: &AppState, name: &str) -> Result<Vec<u8>, AppError> {
    db::photos::file(&state.db, name)
        .await?
        .ok_or(AppError::NotFound)
}
