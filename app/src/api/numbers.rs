//! The public figures.

use leptos::prelude::*;

use crate::domain::numbers::Numbers;
use crate::error::AppError;

/// The figures at the end of `al` (`YYYY-MM-DD`, Italian time), or of today when empty.
#[server]
pub async fn numbers_as_of(al: String) -> Result<Numbers, AppError> {
    use crate::server::{numbers, state::app_state};
    numbers::page(&app_state()?, &al).await
}
