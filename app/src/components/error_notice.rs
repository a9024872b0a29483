//! A failure shown as a polite, readable alert.

use leptos::prelude::*;

use super::not_found::NotFound;
use crate::error::AppError;
use crate::i18n::texts;

/// Shows why a page's data could not be loaded, in words the person can act on; rendered on
/// the server, the page is answered with the error's HTTP status.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::http::respond_with(crate::server::http::status_of(&error));
    view! {
        <div class="alert alert-danger" role="alert">
            <h2 class="alert-title">{texts().error_title}</h2>
            <p>{error.message()}</p>
        </div>
    }
}

/// What a page shows when its data could not be loaded: the 404 page for something that does
/// not exist, otherwise the error in the page's column; each answers with its HTTP status.
pub fn page_error(error: AppError) -> AnyView {
    match error {
        AppError::NotFound => view! { <NotFound /> }.into_any(),
        error => view! {
            <div class="container section">
                <ErrorNotice error />
            </div>
        }
        .into_any(),
    }
}
