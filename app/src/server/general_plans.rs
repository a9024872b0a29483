//! The general plan: reading any version (with the parts the current plans and board have left
//! out of date), saving the text regional staff write, and presenting it for validation.

mod assemble;
pub mod documents;

use self::assemble::{Current, assemble, default_text};
use super::auth::{authorize, permit_current};
use super::clock::{italian_today, rfc3339_now};
use super::db::general_plans::{NewGeneral, StoredGeneral};
use super::db::{self, plans::Saved};
use super::plans::cycle;
use super::state::AppState;
use crate::domain::audit::AuditAction::PhaseAdvanced;
use crate::domain::cycle::Phase;
use crate::domain::general_plan::check::check;
use crate::domain::general_plan::parts::stale;
use crate::domain::general_plan::{
    GeneralPlan, GeneralPlanView, GeneralSaveOutcome, GeneralText, GeneralVersionList, PlanPart,
};
use crate::domain::numbers::Day;
use crate::domain::policy::{Action, allows};
use crate::domain::role::Viewer;
use crate::error::AppError;
use crate::server::failure::Context;

/// Version `number` of the general plan of `year` (the latest when `None`), for those who may
/// read it in the current phase; while it can still change, which parts are out of date.
#[tracing::instrument(skip_all, fields(year = year, version = number))]
pub async fn read(
    state: &AppState,
    year: i32,
    number: Option<i64>,
) -> Result<GeneralPlanView, AppError> {
    let cycle = cycle(state, Some(year)).await?;
    let viewer = permit_current(state, &Action::ReadGeneralPlan(cycle.phase)).await?;
    let stored = db::general_plans::version(&state.db, year, number).await?;
    if number.is_some() && stored.is_none() {
        return Err(AppError::NotFound);
    }
    let latest = match (&stored, number) {
        (Some(shown), Some(_)) => db::general_plans::version(&state.db, year, None)
            .await?
            .is_some_and(|last| last.version.number == shown.version.number),
        _ => true,
    };
    let plan = match stored {
        Some(stored) => Some(whole(state, year, stored).await?),
        None => None,
    };
    let text = match &plan {
        Some(plan) => plan.text.clone(),
        None => default_text(&cycle),
    };
    let mut out_of_date = Vec::new();
    if let Some(plan) = plan
        .as_ref()
        .filter(|_| latest && cycle.phase.allows_general_plan_editing())
    {
        let current = assemble(state, &cycle, &text).await?;
        out_of_date = stale(plan, &current.assembled, &current.built_from);
    }
    Ok(GeneralPlanView {
        can_edit: allows(viewer.as_ref(), &Action::EditGeneralPlan(cycle.phase)),
        approval: super::reviews::approval(state, &cycle).await?,
        cycle,
        plan,
        text,
        stale: out_of_date,
        latest,
    })
}

/// Saves `text` as the version after `base`, assembled from the current plans and board; the
/// newer text when someone saved in between.
#[tracing::instrument(skip_all, fields(year = year, base = base))]
pub async fn save(
    state: &AppState,
    year: i32,
    base: i64,
    text: GeneralText,
) -> Result<GeneralSaveOutcome, AppError> {
    let cycle = cycle(state, Some(year)).await?;
    let viewer = authorize(state, &Action::EditGeneralPlan(cycle.phase)).await?;
    let text = GeneralText {
        numbers_day: text.numbers_day.trim().to_owned(),
        ..text
    };
    let today = Day::from_trusted(italian_today());
    check(&text, &today).map_err(|rejection| AppError::Invalid(Box::new(rejection)))?;
    let current = assemble(state, &cycle, &text).await?;
    let now = rfc3339_now();
    let new = new_version(&current, &text, &viewer, &now);
    match db::general_plans::save(&state.db, year, base, &new).await? {
        Saved::Yes => {
            let saved = db::general_plans::version(&state.db, year, Some(base + 1)).await?;
            saved
                .map(|s| GeneralSaveOutcome::Saved(s.version))
                .context("reading the general plan version just saved")
        }
        Saved::Closed => Err(AppError::Forbidden),
        Saved::Stale => {
            let theirs = db::general_plans::version(&state.db, year, None)
                .await?
                .context("reading the newer general plan version")?;
            Ok(GeneralSaveOutcome::Conflict {
                number: theirs.version.number,
                text: theirs.text,
            })
        }
    }
}

/// Every version of the general plan of `year`, newest first.
#[tracing::instrument(skip_all, fields(year = year))]
pub async fn versions(state: &AppState, year: i32) -> Result<GeneralVersionList, AppError> {
    let cycle = cycle(state, Some(year)).await?;
    permit_current(state, &Action::ReadGeneralPlan(cycle.phase)).await?;
    Ok(GeneralVersionList {
        year,
        versions: db::general_plans::versions(&state.db, year).await?,
    })
}

/// Moves the cycle of `year` from the final re-reading to validation and freezes the general
/// plan as presented: the latest version if nothing changed since, otherwise a new version
/// built from the current plans and board with the latest text. Whether the cycle moved.
pub async fn present(state: &AppState, year: i32, viewer: &Viewer) -> Result<bool, AppError> {
    let (current, text, changed) = presentation(state, year).await?;
    let now = rfc3339_now();
    let new = new_version(&current, &text, viewer, &now);
    let new = changed.then_some(&new);
    let year_text = year.to_string();
    let entry = super::audit::entry(state, &viewer.person_id, PhaseAdvanced, &year_text)
        .before(Phase::FinalReading.code())
        .after(Phase::Validation.code());
    db::general_plans::advance_and_present(&state.db, year, new, &now, &entry).await
}

/// Presents the general plan again during validation, rebuilt from the revised plans as a new
/// version (even when a revision changed nothing, the bodies decide on a new presentation);
/// whether it was presented.
pub async fn present_again(state: &AppState, year: i32, viewer: &Viewer) -> Result<bool, AppError> {
    let (current, text, _) = presentation(state, year).await?;
    let now = rfc3339_now();
    let new = new_version(&current, &text, viewer, &now);
    db::general_plans::present_again(&state.db, year, &new, &now).await
}

/// What would be presented now: the plan assembled from the current plans and board with the
/// latest text, and whether it differs from the latest version.
async fn presentation(
    state: &AppState,
    year: i32,
) -> Result<(Current, GeneralText, bool), AppError> {
    let cycle = cycle(state, Some(year)).await?;
    let latest = db::general_plans::version(&state.db, year, None).await?;
    let text = match &latest {
        Some(stored) => stored.text.clone(),
        None => default_text(&cycle),
    };
    let current = assemble(state, &cycle, &text).await?;
    let changed = match latest {
        Some(stored) => !stale(
            &whole(state, year, stored).await?,
            &current.assembled,
            &current.built_from,
        )
        .is_empty(),
        None => true,
    };
    Ok((current, text, changed))
}

fn new_version<'a>(
    current: &'a Current,
    text: &'a GeneralText,
    viewer: &'a Viewer,
    now: &'a str,
) -> NewGeneral<'a> {
    NewGeneral {
        text,
        assembled: &current.assembled,
        built_from: &current.built_from,
        author: Some(&viewer.person_id),
        now,
    }
}

/// A stored version with the plans it was built from.
async fn whole(
    state: &AppState,
    year: i32,
    stored: StoredGeneral,
) -> Result<GeneralPlan, AppError> {
    let communities = db::communities::list(&state.db).await?;
    let mut plans = Vec::new();
    for (community, number) in &stored.version.built_from {
        let plan = db::plans::version(&state.db, year, community, Some(*number))
            .await?
            .context("reading a plan version the general plan was built from")?;
        let name = communities
            .iter()
            .find(|c| &c.slug == community)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        plans.push(PlanPart {
            community: community.clone(),
            name,
            version: *number,
            content: plan.content,
        });
    }
    Ok(GeneralPlan {
        year,
        version: stored.version,
        text: stored.text,
        assembled: stored.assembled,
        plans,
    })
}
