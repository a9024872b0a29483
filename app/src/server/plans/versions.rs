//! A plan's versions and the comparison of two of them, for those who may read the plan.

use super::plan_target;
use crate::domain::plan::diff::PlanDiff;
use crate::domain::plan::pages::{Comparison, VersionList};
use crate::domain::policy::Action;
use crate::error::AppError;
use crate::server::auth::permit_current;
use crate::server::db;
use crate::server::state::AppState;

/// Every version of a plan, for those who may read it.
#[tracing::instrument(skip_all, fields(year = year, community = slug))]
pub async fn versions(state: &AppState, year: i32, slug: &str) -> Result<VersionList, AppError> {
    let (cycle, community, community_name) = plan_target(state, year, slug).await?;
    permit_current(state, &Action::ReadPlan(community.clone(), cycle.phase)).await?;
    Ok(VersionList {
        year,
        community_name,
        versions: db::plans::versions(&state.db, year, &community).await?,
    })
}

/// What changed between versions `from` and `to` of a plan.
#[tracing::instrument(skip_all, fields(year = year, community = slug, from = from, to = to))]
pub async fn compare(
    state: &AppState,
    year: i32,
    slug: &str,
    from: i64,
    to: i64,
) -> Result<Comparison, AppError> {
    let (cycle, community, _) = plan_target(state, year, slug).await?;
    permit_current(state, &Action::ReadPlan(community.clone(), cycle.phase)).await?;
    let load = |number| db::plans::version(&state.db, year, &community, Some(number));
    let (Some(before), Some(after)) = (load(from).await?, load(to).await?) else {
        return Err(AppError::NotFound);
    };
    Ok(Comparison {
        diff: PlanDiff::between(&before.content, &after.content),
        from: before.info,
        to: after.info,
    })
}
