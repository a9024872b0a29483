//! `/iscriviti/conferma/{token}`: confirms a signup with one press, so that mail scanners that
//! open links do not use them up.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::account::ConfirmSignup;
use crate::components::action_error::ActionError;
use crate::i18n::texts;

/// The page a confirmation link opens.
#[component]
pub fn SignupConfirmPage() -> impl IntoView {
    let t = texts();
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let confirm = ServerAction::<ConfirmSignup>::new();
    view! {
        <Title text=format!("{} · {}", t.confirm_page_title, t.site_name) />
        <div class="container section narrow">
            <h1>{t.confirm_page_title}</h1>
            <p>{t.confirm_page_lead}</p>
            <ActionError result=confirm.value().into() />
            <ActionForm action=confirm attr:class="form">
                <input type="hidden" name="token" value=token />
                <button type="submit" class="btn btn-primary">
                    {t.confirm_page_submit}
                </button>
            </ActionForm>
            <p class="form-footnote">
                <a href="/iscriviti">{t.confirm_page_again}</a>
            </p>
        </div>
    }
}
