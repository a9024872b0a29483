//! Reading the communities: the list, one community, and who leads it.

use super::auth::sessions;
use super::db;
use super::state::AppState;
use crate::domain::community::{Community, CommunityRoster, CommunitySlug, CommunitySummary};
use crate::domain::policy::{Action, allows};
use crate::error::AppError;

/// The communities in their display order, with their member counts (public).
#[tracing::instrument(skip_all)]
pub async fn list(state: &AppState) -> Result<Vec<CommunitySummary>, AppError> {
    db::communities::list(&state.db).await
}

/// Community `slug` (public); [`AppError::NotFound`] for an unknown or malformed slug.
#[tracing::instrument(skip_all, fields(community = slug))]
pub async fn find(state: &AppState, slug: &str) -> Result<Community, AppError> {
    let slug = CommunitySlug::parse(slug).map_err(|_| AppError::NotFound)?;
    db::communities::find(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// The coordinators and referents of community `slug` (public), whether the viewer belongs to
/// it and whether they may export its members.
#[tracing::instrument(skip_all, fields(community = slug))]
pub async fn roster(state: &AppState, slug: &str) -> Result<CommunityRoster, AppError> {
    let slug = CommunitySlug::parse(slug).map_err(|_| AppError::NotFound)?;
    let viewer = sessions::current(state).await?;
    let is_member = match &viewer {
        Some(viewer) => db::signups::communities_of(&state.db, &viewer.person_id)
            .await?
            .contains(&slug),
        None => false,
    };
    Ok(CommunityRoster {
        can_export: allows(viewer.as_ref(), &Action::ListMembers(slug.clone())),
        leaders: db::roles::leaders_of(&state.db, &slug).await?,
        signed_in: viewer.is_some(),
        is_member,
    })
}
