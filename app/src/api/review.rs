//! The validation by the CNER table and the Cabina di Regia.

use leptos::prelude::*;

use crate::domain::review::{RemarksView, ReviewView};
use crate::error::AppError;

/// Where the validation of `anno` stands, with its whole history.
#[server]
pub async fn read_validation(anno: i32) -> Result<ReviewView, AppError> {
    use crate::server::{reviews, state::app_state};
    reviews::view(&app_state()?, anno).await
}

/// Records a body's decision: the CNER table's on the plan of `comunita`, or the Cabina di
/// Regia's on the general plan when `comunita` is empty.
#[server]
pub async fn record_decision(
    anno: i32,
    comunita: String,
    esito: String,
    richieste: String,
    riunione: String,
    verbale: String,
    revisione_entro: String,
) -> Result<(), AppError> {
    use crate::domain::review::rules::DecisionForm;
    use crate::server::{reviews, state::app_state};
    let form = DecisionForm {
        outcome: esito,
        changes: richieste,
        meeting_day: riunione,
        minutes: verbale,
        revision_until: revisione_entro,
    };
    let community = Some(comunita.as_str()).filter(|slug| !slug.is_empty());
    reviews::decide(&app_state()?, anno, community, form).await
}

/// Presents the general plan of `anno` again, rebuilt from the revised plans.
#[server]
pub async fn present_again(anno: i32) -> Result<(), AppError> {
    use crate::server::{reviews, state::app_state};
    reviews::present_again(&app_state()?, anno).await
}

/// The remarks and decisions on the plan of `comunita` for `anno`.
#[server]
pub async fn plan_remarks(anno: i32, comunita: String) -> Result<RemarksView, AppError> {
    use crate::server::{reviews, state::app_state};
    reviews::remarks(&app_state()?, anno, &comunita).await
}

/// Writes a remark, as a member of `organo`, on `punto` (`item.field`) of the plan of
/// `comunita`, on the passage `citazione` (the whole text when empty).
#[server]
pub async fn add_remark(
    anno: i32,
    comunita: String,
    organo: String,
    punto: String,
    citazione: String,
    osservazione: String,
) -> Result<(), AppError> {
    use crate::server::{reviews, state::app_state};
    let state = app_state()?;
    reviews::remark(
        &state,
        anno,
        &comunita,
        &organo,
        &punto,
        &citazione,
        &osservazione,
    )
    .await
}

/// Hands back the revision of the plan of `comunita`: it goes back to the bodies.
#[server]
pub async fn hand_back_revision(anno: i32, comunita: String) -> Result<(), AppError> {
    use crate::server::{reviews, state::app_state};
    reviews::hand_back(&app_state()?, anno, &comunita).await
}
