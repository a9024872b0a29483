//! `/accedi/link/{token}`: confirms a login by link with one press, so that mail scanners that
//! open links do not use them up.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::account::RedeemLoginLink;
use crate::components::action_error::ActionError;
use crate::i18n::texts;

/// The page a login link opens.
#[component]
pub fn LoginLinkPage() -> impl IntoView {
    let t = texts();
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let redeem = ServerAction::<RedeemLoginLink>::new();
    view! {
        <Title text=format!("{} · {}", t.login_title, t.site_name) />
        <div class="container section narrow">
            <h1>{t.link_page_title}</h1>
            <p>{t.link_page_lead}</p>
            <ActionError result=redeem.value().into() />
            <ActionForm action=redeem attr:class="form">
                <input type="hidden" name="token" value=token />
                <button type="submit" class="btn btn-primary">
                    {t.link_page_submit}
                </button>
            </ActionForm>
            <p class="form-footnote">
                <a href="/accedi">{t.link_page_new}</a>
            </p>
        </div>
    }
}
