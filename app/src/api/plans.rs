//! The activity plans and their yearly cycle.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::domain::cycle::{CalendarView, Cycle};
use crate::domain::plan::PlanContent;
use crate::domain::plan::pages::{Comparison, PlanView, PlanYear, SaveOutcome, VersionList};
use crate::error::AppError;

/// The cycle of the latest year.
#[server]
pub async fn current_cycle() -> Result<Cycle, AppError> {
    use crate::server::{plans, state::app_state};
    plans::cycle(&app_state()?, None).await
}

/// The latest cycle, and whether the viewer may manage it.
#[server]
pub async fn calendar() -> Result<CalendarView, AppError> {
    use crate::server::{plans, state::app_state};
    plans::calendar(&app_state()?).await
}

/// The cycle of `anno` and its ten plans.
#[server]
pub async fn year_plans(anno: i32) -> Result<PlanYear, AppError> {
    use crate::server::{plans, state::app_state};
    plans::year(&app_state()?, anno).await
}

/// The plan of community `comunita` for `anno`, at its current version.
#[server]
pub async fn read_plan(anno: i32, comunita: String) -> Result<PlanView, AppError> {
    use crate::server::{plans, state::app_state};
    plans::read(&app_state()?, anno, &comunita).await
}

/// Saves `contenuto` as the version after `base`; refused with the newer version if someone
/// saved in between.
#[server(input = Json)]
pub async fn save_plan(
    anno: i32,
    comunita: String,
    base: i64,
    contenuto: PlanContent,
) -> Result<SaveOutcome, AppError> {
    use crate::server::{plans, state::app_state};
    plans::save(&app_state()?, anno, &comunita, base, contenuto).await
}

/// Every version of a plan, newest first.
#[server]
pub async fn plan_versions(anno: i32, comunita: String) -> Result<VersionList, AppError> {
    use crate::server::{plans, state::app_state};
    plans::versions(&app_state()?, anno, &comunita).await
}

/// What changed in a plan from version `da` to version `a`.
#[server]
pub async fn compare_versions(
    anno: i32,
    comunita: String,
    da: i64,
    a: i64,
) -> Result<Comparison, AppError> {
    use crate::server::{plans, state::app_state};
    plans::compare(&app_state()?, anno, &comunita, da, a).await
}

/// Moves the cycle of `anno` on from phase `fase` to the next.
#[server]
pub async fn advance_cycle(anno: i32, fase: String) -> Result<(), AppError> {
    use crate::server::{plans, state::app_state};
    plans::advance(&app_state()?, anno, &fase).await
}

/// Opens the next year's cycle, once the latest is approved; returns its year.
#[server]
pub async fn open_cycle() -> Result<i32, AppError> {
    use crate::server::{plans, state::app_state};
    plans::open_next(&app_state()?).await
}

/// Sets the deadline of phase `fase` of the cycle of `anno`.
#[server]
pub async fn set_deadline(anno: i32, fase: String, scadenza: String) -> Result<(), AppError> {
    use crate::server::{plans, state::app_state};
    plans::set_deadline(&app_state()?, anno, &fase, &scadenza).await
}
