//! The cross-reading board: loading it, applying changes, and the pages read off it.

mod checks;
pub mod hub;
pub mod live;
mod told;

use super::auth::authorize;
use super::clock::rfc3339_now;
use super::db::{self, board::Submit};
use super::plans::cycle;
use super::state::AppState;
use crate::domain::board::ops::{self, Actor, BoardOp};
use crate::domain::board::pages::{IntegratedPage, SynergyPage};
use crate::domain::board::synergies::{integrated_actions, matrix};
use crate::domain::board::{Annotation, AnnotationId, BoardMe, BoardPlan, BoardView};
use crate::domain::community::CommunitySlug;
use crate::domain::policy::{Action, allows};
use crate::domain::role::{RoleKind, Viewer};
use crate::error::AppError;

/// The board of the latest cycle for the signed-in person.
#[tracing::instrument(skip_all)]
pub async fn view(state: &AppState) -> Result<BoardView, AppError> {
    let cycle = cycle(state, None).await?;
    let viewer = authorize(state, &Action::ReadBoard(cycle.phase)).await?;
    // Read first: the annotations are then at least as new, and the live connection
    // catches up from here (applying a change twice changes nothing).
    let last_event = db::board::latest_event(&state.db).await?;
    let plans = plans(state, cycle.year).await?;
    let annotations = db::board::annotations(&state.db, cycle.year).await?;
    let me = BoardMe {
        name: db::board::author(&state.db, &viewer.person_id).await?.name,
        resolves: resolves(state, &viewer).await?,
        can_write: allows(Some(&viewer), &Action::WriteBoard(cycle.phase)),
        mentionable: mentionable(state, &viewer, cycle.phase).await?,
        person_id: viewer.person_id,
    };
    Ok(BoardView {
        year: cycle.year,
        phase: cycle.phase,
        plans,
        annotations,
        last_event,
        me,
    })
}

/// Applies `op` to the board of `year` once per `key`, then wakes the live connections and
/// tells whom the change concerns.
#[tracing::instrument(skip_all, fields(year = year))]
pub async fn submit(
    state: &AppState,
    year: i32,
    key: &AnnotationId,
    op: BoardOp,
) -> Result<Annotation, AppError> {
    let cycle = cycle(state, Some(year)).await?;
    let viewer = authorize(state, &Action::WriteBoard(cycle.phase)).await?;
    checks::ids(key, &op)?;
    if let BoardOp::Create(new) = &op {
        checks::targets(new, &plans(state, year).await?)?;
    }
    let actor = Actor {
        author: db::board::author(&state.db, &viewer.person_id).await?,
        resolves: resolves(state, &viewer).await?,
    };
    let now = rfc3339_now();
    let submit = Submit {
        year,
        key,
        person: &viewer.person_id,
        annotation: op.annotation(),
        now: &now,
    };
    // What the change found, when it was applied now (not a key applied before).
    let mut applied: Option<Option<Annotation>> = None;
    let annotation = db::board::apply(&state.db, &submit, |current, event| {
        applied = Some(current.cloned());
        ops::apply(&op, current, &actor, year, &now, event)
    })
    .await?;
    state.hub.wake();
    if let Some(before) = applied {
        told::changed(
            state,
            year,
            &op,
            before.as_ref(),
            &annotation,
            &viewer.person_id,
        )
        .await;
    }
    Ok(annotation)
}

/// The synergy matrix of the latest cycle's board.
#[tracing::instrument(skip_all)]
pub async fn synergies(state: &AppState) -> Result<SynergyPage, AppError> {
    let (year, plans, annotations) = readable(state).await?;
    let communities: Vec<CommunitySlug> = plans.iter().map(|p| p.community.clone()).collect();
    Ok(SynergyPage {
        year,
        matrix: matrix(&communities, &annotations),
        plans: labelled(plans),
    })
}

/// The integrated actions of the latest cycle's board.
#[tracing::instrument(skip_all)]
pub async fn integrated(state: &AppState) -> Result<IntegratedPage, AppError> {
    let (year, plans, annotations) = readable(state).await?;
    let actions = integrated_actions(&annotations);
    let sources = annotations
        .into_iter()
        .filter(|a| actions.iter().any(|action| action.sources.contains(&a.id)))
        .collect();
    Ok(IntegratedPage {
        year,
        plans: labelled(plans),
        actions,
        sources,
    })
}

/// The latest cycle's year, plans and annotations, for someone who may read its board.
async fn readable(state: &AppState) -> Result<(i32, Vec<BoardPlan>, Vec<Annotation>), AppError> {
    let cycle = cycle(state, None).await?;
    authorize(state, &Action::ReadBoard(cycle.phase)).await?;
    let plans = plans(state, cycle.year).await?;
    let annotations = db::board::annotations(&state.db, cycle.year).await?;
    Ok((cycle.year, plans, annotations))
}

/// The current plan of every community of `year`, in display order.
pub(crate) async fn plans(state: &AppState, year: i32) -> Result<Vec<BoardPlan>, AppError> {
    let mut latest = db::plans::latest_of_year(&state.db, year).await?;
    let communities = db::communities::list(&state.db).await?;
    Ok(communities
        .into_iter()
        .filter_map(|community| {
            let at = latest
                .iter()
                .position(|(slug, ..)| *slug == community.slug)?;
            let (slug, info, content) = latest.swap_remove(at);
            Some(BoardPlan {
                community: slug,
                name: community.name,
                version: info.number,
                content,
            })
        })
        .collect())
}

/// The communities whose threads `viewer` may resolve: all for regional staff, otherwise the
/// ones they coordinate or are a referent of.
async fn resolves(state: &AppState, viewer: &Viewer) -> Result<Vec<CommunitySlug>, AppError> {
    if viewer.has(RoleKind::Admin) {
        let communities = db::communities::list(&state.db).await?;
        return Ok(communities.into_iter().map(|c| c.slug).collect());
    }
    let mut led: Vec<CommunitySlug> = Vec::new();
    for role in &viewer.roles {
        if let (true, Some(community)) = (role.kind.is_per_community(), &role.community)
            && !led.contains(community)
        {
            led.push(community.clone());
        }
    }
    Ok(led)
}

/// Whom `viewer` can mention on the board in `phase`: the others who read it, then the groups.
async fn mentionable(
    state: &AppState,
    viewer: &Viewer,
    phase: crate::domain::cycle::Phase,
) -> Result<Vec<String>, AppError> {
    let mut names: Vec<String> = Vec::new();
    for holder in db::roles::holders(&state.db).await? {
        // Any one of a person's roles that reads the board is enough.
        let reader = Viewer {
            person_id: holder.person_id.clone(),
            first_name: String::new(),
            roles: vec![holder.role],
            communities: Vec::new(),
        };
        let reads = allows(Some(&reader), &Action::ReadBoard(phase));
        if reads && holder.person_id != viewer.person_id && !names.contains(&holder.name) {
            names.push(holder.name);
        }
    }
    names.sort();
    names.push("coordinatori".to_owned());
    for community in db::communities::list(&state.db).await? {
        names.push(format!("coordinatori-{}", community.slug));
        names.push(format!("referenti-{}", community.slug));
    }
    Ok(names)
}

/// Each plan as the secondary pages label them: community, name, content.
fn labelled(
    plans: Vec<BoardPlan>,
) -> Vec<(CommunitySlug, String, crate::domain::plan::PlanContent)> {
    plans
        .into_iter()
        .map(|plan| (plan.community, plan.name, plan.content))
        .collect()
}
