//! The plans and their cycle: reading, saving, versions, and moving the cycle on, each checked
//! against the phase the cycle is in.

mod announced;
mod phases;
pub(crate) mod told;
mod versions;

pub use phases::{advance, set_deadline};
pub use versions::{compare, versions};

use super::auth::{authorize, permit_current, sessions};
use super::clock::{end_of_italian_day, italian_today, rfc3339_now, unix_now};
use super::db::{self, plans::Saved, plans::StoredVersion};
use super::state::AppState;
use crate::domain::community::CommunitySlug;
use crate::domain::cycle::{CalendarView, Cycle, Deadline, Phase, default_deadlines};
use crate::domain::plan::carry::next_year_draft;
use crate::domain::plan::check::check;
use crate::domain::plan::pages::{PlanSummary, PlanView, PlanYear, SaveOutcome};
use crate::domain::plan::{Plan, PlanContent};
use crate::domain::policy::{Action, allows};
use crate::domain::validation::Problem;
use crate::error::AppError;
use crate::server::failure::Context;

/// The cycle of `year`, or of the latest year when `None`.
#[tracing::instrument(skip_all, fields(year = year))]
pub async fn cycle(state: &AppState, year: Option<i32>) -> Result<Cycle, AppError> {
    let year = match year {
        Some(year) => year,
        None => db::cycles::latest_year(&state.db)
            .await?
            .ok_or(AppError::NotFound)?,
    };
    let stored = db::cycles::find(&state.db, year)
        .await?
        .ok_or(AppError::NotFound)?;
    let deadlines = stored
        .deadlines
        .into_iter()
        .map(|(phase, day)| Deadline {
            phase,
            ends_at: end_of_italian_day(&day).unwrap_or_default(),
            day,
        })
        .collect();
    Ok(Cycle {
        year,
        phase: stored.phase,
        deadlines,
        now: unix_now(),
    })
}

/// The latest cycle for `/calendario`, and whether the viewer may manage the cycles.
#[tracing::instrument(skip_all)]
pub async fn calendar(state: &AppState) -> Result<CalendarView, AppError> {
    let viewer = sessions::current(state).await?;
    let cycle = match cycle(state, None).await {
        Ok(cycle) => Some(cycle),
        Err(AppError::NotFound) => None,
        Err(error) => return Err(error),
    };
    Ok(CalendarView {
        next_year: next_year(cycle.as_ref()),
        cycle,
        can_manage: allows(viewer.as_ref(), &Action::ManageCycle),
    })
}

/// Opens the next year's cycle in drafting once the latest cycle is approved (or when there is
/// none): every community's plan starts as a draft made from its approved plan (see
/// [`next_year_draft`]), or empty.
#[tracing::instrument(skip_all)]
pub async fn open_next(state: &AppState) -> Result<i32, AppError> {
    let viewer = authorize(state, &Action::ManageCycle).await?;
    let latest = match cycle(state, None).await {
        Ok(cycle) => Some(cycle),
        Err(AppError::NotFound) => None,
        Err(error) => return Err(error),
    };
    let year = next_year(latest.as_ref())
        .ok_or_else(|| AppError::invalid_field("anno", Problem::Stale))?;
    let deadlines = default_deadlines(year, latest.as_ref());
    let now = rfc3339_now();
    if !db::cycles::open(&state.db, year, &deadlines, &now).await? {
        return Err(AppError::invalid_field("anno", Problem::Stale));
    }
    for community in db::communities::list(&state.db).await? {
        let approved = match &latest {
            Some(cycle) => db::plans::current(&state.db, cycle.year, &community.slug).await?,
            None => None,
        };
        let draft = match (&latest, approved) {
            (Some(cycle), Some(approved)) => next_year_draft(&approved.content, cycle.year),
            _ => PlanContent::default(),
        };
        let author = Some(&viewer.person_id);
        db::plans::save(&state.db, year, &community.slug, 0, &draft, author, &now).await?;
    }
    db::cycles::freeze(&mut *state.db.acquire().await?, year, Phase::Drafting).await?;
    Ok(year)
}

/// The year after the latest cycle if it is approved; this year (in Italy) if there is none.
fn next_year(latest: Option<&Cycle>) -> Option<i32> {
    match latest {
        None => italian_today().get(..4)?.parse().ok(),
        Some(cycle) if cycle.phase == Phase::Approved => Some(cycle.year + 1),
        Some(_) => None,
    }
}

/// The cycle of `year` and its plans, each marked readable or not for the viewer.
#[tracing::instrument(skip_all, fields(year = year))]
pub async fn year(state: &AppState, year: i32) -> Result<PlanYear, AppError> {
    let cycle = cycle(state, Some(year)).await?;
    let viewer = sessions::current(state).await?;
    let latest = db::plans::latest_of_year(&state.db, year).await?;
    let plans = db::communities::list(&state.db)
        .await?
        .into_iter()
        .map(|community| {
            let found = latest.iter().find(|(slug, ..)| *slug == community.slug);
            let action = Action::ReadPlan(community.slug.clone(), cycle.phase);
            let readable = allows(viewer.as_ref(), &action);
            // What an unreadable plan says, even its size and authors, stays on the server.
            let found = found.filter(|_| readable);
            PlanSummary {
                readable,
                version: found.map(|(_, info, _)| info.clone()),
                objectives: found.map_or(0, |(.., content)| content.objectives.len()),
                actions: found.map_or(0, |(.., content)| content.actions.len()),
                community: community.slug,
                community_name: community.name,
            }
        })
        .collect();
    let general = Action::ReadGeneralPlan(cycle.phase);
    Ok(PlanYear {
        general_plan_readable: allows(viewer.as_ref(), &general),
        cycle,
        plans,
    })
}

/// One plan at its current version, for someone allowed to read it in the current phase.
#[tracing::instrument(skip_all, fields(year = year, community = slug))]
pub async fn read(state: &AppState, year: i32, slug: &str) -> Result<PlanView, AppError> {
    let (cycle, community, name) = plan_target(state, year, slug).await?;
    let viewer = permit_current(state, &Action::ReadPlan(community.clone(), cycle.phase)).await?;
    let stored = db::plans::current(&state.db, year, &community)
        .await?
        .ok_or(AppError::NotFound)?;
    let can_edit = allows(viewer.as_ref(), &edit_action(&community, &cycle))
        && (cycle.phase != Phase::Validation
            || super::reviews::revision_open(state, year, &community).await?);
    let meetings = if can_edit {
        announced::choices(state, year, &community, &stored.content).await?
    } else {
        Vec::new()
    };
    Ok(PlanView {
        digest: stored.digest.clone(),
        approval: super::reviews::approval(state, &cycle).await?,
        meetings,
        plan: plan(year, community, name, stored),
        cycle,
        can_edit,
    })
}

/// Saves `content` on top of version `base`, or tells of the version saved meanwhile.
#[tracing::instrument(skip_all, fields(year = year, community = slug, base = base))]
pub async fn save(
    state: &AppState,
    year: i32,
    slug: &str,
    base: i64,
    content: PlanContent,
) -> Result<SaveOutcome, AppError> {
    let (cycle, community, name) = plan_target(state, year, slug).await?;
    let viewer = authorize(state, &edit_action(&community, &cycle)).await?;
    check(&content).map_err(|rejection| AppError::Invalid(Box::new(rejection)))?;
    announced::check(state, &content).await?;
    let now = rfc3339_now();
    let author = Some(&viewer.person_id);
    match db::plans::save(&state.db, year, &community, base, &content, author, &now).await? {
        Saved::Yes => {
            told::new_version(state, year, &community, &name, &viewer.person_id).await;
            let saved = db::plans::version(&state.db, year, &community, Some(base + 1)).await?;
            return saved
                .map(|v| SaveOutcome::Saved(v.info))
                .context("reading the plan version just saved");
        }
        Saved::Closed => return Err(AppError::Forbidden),
        Saved::Stale => {}
    }
    let theirs = db::plans::current(&state.db, year, &community)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(SaveOutcome::Conflict(Box::new(plan(
        year, community, name, theirs,
    ))))
}

/// What editing a plan is in the cycle's phase: revising it when it was sent back in
/// validation (the server checks its window), editing it otherwise.
fn edit_action(community: &CommunitySlug, cycle: &Cycle) -> Action {
    if cycle.phase == Phase::Validation {
        Action::RevisePlan(community.clone(), cycle.phase)
    } else {
        Action::EditPlan(community.clone(), cycle.phase)
    }
}

/// The cycle, the community and its name, or `NotFound`.
pub(crate) async fn plan_target(
    state: &AppState,
    year: i32,
    slug: &str,
) -> Result<(Cycle, CommunitySlug, String), AppError> {
    let community = CommunitySlug::parse(slug).map_err(|_| AppError::NotFound)?;
    let found = db::communities::find(&state.db, &community)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        cycle(state, Some(year)).await?,
        community,
        found.summary.name,
    ))
}

fn plan(year: i32, community: CommunitySlug, name: String, stored: StoredVersion) -> Plan {
    Plan {
        year,
        community,
        community_name: name,
        version: stored.info,
        content: stored.content,
    }
}
