//! What a visitor sees on a page that needs a login.

use leptos::prelude::*;

use crate::i18n::texts;

/// Explains that the page needs a login and links to it, returning to `next` afterwards.
#[component]
pub fn LoginPrompt(#[prop(into)] next: String) -> impl IntoView {
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
