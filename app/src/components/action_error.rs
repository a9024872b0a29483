//! The outcome of a form's action when it failed for a reason other than its fields.

use leptos::prelude::*;

use crate::error::AppError;

/// Shows the action's error (throttled, wrong credentials, forbidden...) unless it is a field
/// rejection, which the form shows next to the fields.
#[component]
pub fn ActionError(result: Signal<Option<Result<(), AppError>>>) -> impl IntoView {
    move || match result.get() {
        Some(Err(error)) if error.rejection().is_none() => Some(view! {
            <div class="alert alert-danger" role="alert">
                <p>{error.message()}</p>
            </div>
        }),
        _ => None,
    }
}

/// Confirms, in a polite live region, that the action's latest run succeeded.
#[component]
pub fn ActionDone(
    result: Signal<Option<Result<(), AppError>>>,
    message: &'static str,
) -> impl IntoView {
    move || {
        matches!(result.get(), Some(Ok(()))).then(|| {
            view! {
                <p class="alert alert-success" role="status">
                    {message}
                </p>
            }
        })
    }
}
