//! The accessibility statement's feedback: a report of a problem, from anyone.

use leptos::prelude::*;

use crate::domain::accessibility::ReportForm;
use crate::error::AppError;

/// Sends an accessibility report to regional staff, then says it arrived.
#[server]
pub async fn report_accessibility_problem(form: ReportForm) -> Result<(), AppError> {
    use crate::server::{accessibility, request::redirect, state::app_state};
    accessibility::report(&app_state()?, form).await?;
    redirect("/accessibilita?inviata=1");
    Ok(())
}
