//! `/privacy`: the privacy notice people accept at signup.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::person::PRIVACY_VERSION;
use crate::i18n::texts;

/// The privacy notice, with its version.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let t = texts();
    view! {
        <Title text=format!("{} · {}", t.privacy_title, t.site_name) />
        <div class="container section narrow prose">
            <h1>{t.privacy_title}</h1>
            <p class="form-hint">{(t.privacy_version)(PRIVACY_VERSION)}</p>
            {t
                .privacy_sections
                .iter()
                .map(|(title, text)| {
                    view! {
                        <h2>{*title}</h2>
                        <p>{*text}</p>
                    }
                })
                .collect_view()}
        </div>
    }
}
