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
