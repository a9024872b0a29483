//! Reading the communities.

use leptos::prelude::*;

use crate::domain::community::{Community, CommunitySummary};
use crate::error::AppError;

/// The ten communities in their display order, with their member counts.
#[server]
pub async fn list_communities() -> Result<Vec<CommunitySummary>, AppError> {
    let state = crate::server::state::app_state()?;
    crate::server::db::communities::list(&state.db).await
}

/// One community with its declaratoria; [`AppError::NotFound`] for an unknown or malformed slug.
#[server]
pub async fn get_community(slug: String) -> Result<Community, AppError> {
    use crate::domain::community::CommunitySlug;
    let slug = CommunitySlug::parse(&slug).map_err(|_| AppError::NotFound)?;
    let state = crate::server::state::app_state()?;
    crate::server::db::communities::find(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)
}
