//! Reading the communities.

use leptos::prelude::*;

use crate::domain::community::{Community, CommunityRoster, CommunitySummary};
use crate::error::AppError;

/// The ten communities in their display order, with their member counts.
#[server]
pub async fn list_communities() -> Result<Vec<CommunitySummary>, AppError> {
    use crate::server::{communities, state::app_state};
    communities::list(&app_state()?).await
}

/// One community with its declaratoria; [`AppError::NotFound`] for an unknown or malformed slug.
#[server]
pub async fn get_community(slug: String) -> Result<Community, AppError> {
    use crate::server::{communities, state::app_state};
    communities::find(&app_state()?, &slug).await
}

/// The coordinators and referents of a community, and whether the viewer belongs to it.
#[server]
pub async fn community_people(slug: String) -> Result<CommunityRoster, AppError> {
    use crate::server::{communities, state::app_state};
    communities::roster(&app_state()?, &slug).await
}
