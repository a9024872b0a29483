//! Photos of the meetings: the gallery, one photo, describing and removing them. Uploads are
//! multipart requests to `/incontri/{id}/foto` (see the server crate's `photos`).

use leptos::prelude::*;

use crate::domain::photo::{GalleryPage, PhotoPage};
use crate::error::AppError;

/// The photos of meeting `id`, and those still to describe for who may.
#[server]
pub async fn read_gallery(id: i64) -> Result<GalleryPage, AppError> {
    use crate::server::{photos, state::app_state};
    photos::gallery(&app_state()?, id).await
}

/// Photo `foto` of meeting `id`, with its neighbours.
#[server]
pub async fn read_photo(id: i64, foto: i64) -> Result<PhotoPage, AppError> {
    use crate::server::{photos, state::app_state};
    photos::page(&app_state()?, id, foto).await
}

/// Gives photo `foto` its alternative text, which publishes it, and its caption.
#[server]
pub async fn describe_photo(
    foto: i64,
    testo_alternativo: String,
    didascalia: String,
) -> Result<(), AppError> {
    use crate::server::{photos, request::redirect, state::app_state};
    let meeting = photos::describe(&app_state()?, foto, &testo_alternativo, &didascalia).await?;
    redirect(&format!("/incontri/{meeting}/foto?descritta={foto}"));
    Ok(())
}

/// Removes photo `foto` and its files.
#[server]
pub async fn remove_photo(foto: i64) -> Result<(), AppError> {
    use crate::server::{photos, request::redirect, state::app_state};
    let meeting = photos::remove(&app_state()?, foto).await?;
    redirect(&format!("/incontri/{meeting}/foto?eliminata=1"));
    Ok(())
}
