//! The "page not found" view, answered with HTTP 404.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::texts;

/// Tells the person the page does not exist and offers the way home.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::http::respond_not_found();
    let t = texts();
    view! {
        <Title text=format!("{} · {}", t.not_found_title, t.site_name) />
        <div class="container section">
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_text}</p>
            <p>
                <a class="btn btn-primary" href="/">
                    {t.back_home}
                </a>
            </p>
        </div>
    }
}
