//! The general Activity Plan of a year.

use leptos::prelude::*;

use crate::domain::general_plan::{GeneralPlanView, GeneralSaveOutcome, GeneralVersionList};
use crate::error::AppError;

/// The general plan of `anno` at version `versione` (the latest when absent).
#[server]
pub async fn read_general_plan(
    anno: i32,
    versione: Option<i64>,
) -> Result<GeneralPlanView, AppError> {
    use crate::server::{general_plans, state::app_state};
    general_plans::read(&app_state()?, anno, versione).await
}

/// Saves the introduction, the summary and the day of the numbers as the version after
/// `base`, rebuilt from the current plans and board; refused with the newer text if someone
/// saved in between.
#[server]
pub async fn save_general_plan(
    anno: i32,
    base: i64,
    introduzione: String,
    sintesi: String,
    numeri_al: String,
) -> Result<GeneralSaveOutcome, AppError> {
    use crate::domain::general_plan::GeneralText;
    use crate::server::{general_plans, state::app_state};
    let text = GeneralText {
        introduction: introduzione,
        summary: sintesi,
        numbers_day: numeri_al,
    };
    general_plans::save(&app_state()?, anno, base, text).await
}

/// Every version of the general plan of `anno`, newest first.
#[server]
pub async fn general_plan_versions(anno: i32) -> Result<GeneralVersionList, AppError> {
    use crate::server::{general_plans, state::app_state};
    general_plans::versions(&app_state()?, anno).await
}
