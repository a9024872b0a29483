//! `/iscriviti/fatto`: the one answer every signup gets, whatever the address.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::texts;

/// Asks the person to open the link mailed to them.
#[component]
pub fn SignupDonePage() -> impl IntoView {
    let t = texts();
    view! {
        <Title text=format!("{} · {}", t.signup_done_title, t.site_name) />
        <div class="container section narrow">
            <h1>{t.signup_done_title}</h1>
            <div class="alert alert-success" role="status">
                <p>{t.signup_done_sent}</p>
            </div>
            <p>{t.signup_done_hint}</p>
        </div>
    }
}
