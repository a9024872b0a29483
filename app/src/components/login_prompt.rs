//! What a visitor sees on a page that needs a login.

use leptos::prelude::*;

use crate::i18n::texts;

/// Explains that the page needs a login and links to it, returning to `next` afterwards; the
/// page answers `401 Unauthorized`.
#[component]
pub fn LoginPrompt(#[prop(into)] next: String) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::http::respond_with(axum::http::StatusCode::UNAUTHORIZED);
    let t = texts();
    view! {
        <div class="alert alert-info" role="status">
            <p>{t.error_login_required}</p>
            <p>
                <a class="btn btn-primary" href=format!("/accedi?next={next}")>
                    {t.login_title}
                </a>
            </p>
        </div>
    }
}
