//! Remarks on a plan: reading them placed in the current plan, and writing one.

use super::{known_community, told};
use crate::domain::policy::{Action, allows};
use crate::domain::review::rules::{check_remark, revision_open};
use crate::domain::review::targets::{anchor_on, is_detached, item_name, targets};
use crate::domain::review::{Body, Remark, RemarksView};
use crate::domain::validation::Problem;
use crate::error::AppError;
use crate::server::auth::{authorize, permit_current};
use crate::server::clock::{rfc3339_now, unix_now};
use crate::server::db::{self, reviews::NewRemark};
use crate::server::plans::{cycle, plan_target};
use crate::server::state::AppState;
use crate::server::tokens::new_id;

/// `/piani/{year}/{slug}/osservazioni`: the remarks on a plan, each placed in its current
/// version, the CNER table's decisions on it, and what the viewer may do.
#[tracing::instrument(skip_all, fields(year = year, community = slug))]
pub async fn remarks(state: &AppState, year: i32, slug: &str) -> Result<RemarksView, AppError> {
    let (cycle, community, community_name) = plan_target(state, year, slug).await?;
    let action = Action::ReadRemarks(community.clone(), cycle.phase);
    let viewer = permit_current(state, &action).await?;
    let current = db::plans::current(&state.db, year, &community)
        .await?
        .ok_or(AppError::NotFound)?;
    let remarks = db::reviews::remarks(&state.db, year, &community)
        .await?
        .into_iter()
        .map(|stored| Remark {
            item_label: item_name(&current.content, &stored.anchor.item).unwrap_or_default(),
            detached: is_detached(&stored.anchor, &current.content),
            id: stored.id,
            body: stored.body,
            anchor: stored.anchor,
            text: stored.text,
            author: stored.author,
            plan_version: stored.plan_version,
            created_at: stored.created_at,
        })
        .collect();
    let mut decisions = db::reviews::decisions(&state.db, year, unix_now()).await?;
    let in_revision = revision_open(&decisions, &community);
    decisions.retain(|d| d.community.as_ref() == Some(&community));
    let bodies = if allows(viewer.as_ref(), &Action::Remark(cycle.phase)) {
        let viewer = viewer.as_ref();
        Body::ALL
            .iter()
            .copied()
            .filter(|body| viewer.is_some_and(|v| v.has(body.role())))
            .collect()
    } else {
        Vec::new()
    };
    let revise = Action::RevisePlan(community.clone(), cycle.phase);
    let can_revise = allows(viewer.as_ref(), &revise) && in_revision;
    Ok(RemarksView {
        targets: targets(&current.content),
        plan_version: current.info.number,
        cycle,
        community,
        community_name,
        remarks,
        decisions,
        bodies,
        can_revise,
    })
}

/// Writes a remark of a member of `body` on `field` of `item` of `slug`'s current plan, on
/// the passage `quote` (or the whole field when it is empty).
#[tracing::instrument(skip_all, fields(year = year, community = slug, body = body, target = target))]
pub async fn remark(
    state: &AppState,
    year: i32,
    slug: &str,
    body: &str,
    target: &str,
    quote: &str,
    text: &str,
) -> Result<(), AppError> {
    let cycle = cycle(state, Some(year)).await?;
    let viewer = authorize(state, &Action::Remark(cycle.phase)).await?;
    let community = known_community(state, slug).await?;
    let body = Body::parse(body)
        .filter(|body| viewer.has(body.role()))
        .ok_or_else(|| AppError::invalid_field("organo", Problem::UnknownChoice))?;
    check_remark(text, quote).map_err(|rejection| AppError::Invalid(Box::new(rejection)))?;
    let current = db::plans::current(&state.db, year, &community)
        .await?
        .ok_or(AppError::NotFound)?;
    let (item, field) = target
        .split_once('.')
        .ok_or_else(|| AppError::invalid_field("punto", Problem::UnknownChoice))?;
    if !targets(&current.content)
        .iter()
        .any(|(i, f, _)| i == item && f == field)
    {
        return Err(AppError::invalid_field("punto", Problem::UnknownChoice));
    }
    let anchor = anchor_on(&current.content, item, field, quote)
        .ok_or_else(|| AppError::invalid_field("citazione", Problem::QuoteNotFound))?;
    let now = rfc3339_now();
    let id = new_id();
    let new = NewRemark {
        id: &id,
        community: &community,
        plan_version: current.info.number,
        body,
        anchor: &anchor,
        text: text.trim(),
        author: &viewer.person_id,
        now: &now,
    };
    if db::reviews::add_remark(&state.db, year, &new).await? {
        told::remarked(
            state,
            year,
            &community,
            body,
            text.trim(),
            &viewer.person_id,
        )
        .await;
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}
