//! A failure shown as a polite, readable alert.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::texts;

/// Shows what went wrong in words the person can act on.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    view! {
        <div class="alert alert-danger" role="alert">
            <h2 class="alert-title">{texts().error_title}</h2>
            <p>{error.message()}</p>
        </div>
    }
}
