//! Reading the communities.

use leptos::prelude::*;

use crate::domain::community::{Community, CommunityRoster, CommunitySummary};
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

/// The coordinators and referents of a community, and whether the viewer belongs to it.
#[server]
pub async fn community_people(slug: String) -> Result<CommunityRoster, AppError> {
    use crate::domain::community::CommunitySlug;
    use crate::domain::policy::{Action, allows};
    use crate::server::{auth::sessions, db, state::app_state};
    let slug = CommunitySlug::parse(&slug).map_err(|_| AppError::NotFound)?;
    let state = app_state()?;
    let viewer = sessions::current(&state).await?;
    let is_member = match &viewer {
        Some(viewer) => db::signups::communities_of(&state.db, &viewer.person_id)
            .await?
            .contains(&slug),
        None => false,
    };
    let can_export = allows(viewer.as_ref(), &Action::ListMembers(slug.clone()));
    Ok(CommunityRoster {
        can_export,
        leaders: db::roles::leaders_of(&state.db, &slug).await?,
        signed_in: viewer.is_some(),
        is_member,
    })
}
