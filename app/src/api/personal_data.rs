//! The signed-in person's own data, for `/profilo/dati`.

use leptos::prelude::*;

use crate::domain::personal_data::PersonalData;
use crate::error::AppError;

/// Everything COMTem keeps about the signed-in person and everything they wrote.
#[server]
pub async fn my_personal_data() -> Result<PersonalData, AppError> {
    use crate::server::{personal_data, state::app_state};
    personal_data::mine(&app_state()?).await
}
