//! `/accedi`: log in with a password, or ask for a one-time link by email.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::account::{LogIn, RequestLoginLink};
use crate::components::action_error::ActionError;
use crate::components::form_field::{TextField, field_error, rejection_of};
use crate::domain::local_path::local_path;
use crate::i18n::texts;

/// The login page; `?next=` is where to go afterwards, `?inviato=1` confirms a link was sent.
#[component]
pub fn LoginPage() -> impl IntoView {
    let t = texts();
    let query = use_query_map();
    let next = query.with_untracked(|q| {
        q.get("next")
            .filter(|n| local_path(n).is_some())
            .unwrap_or_default()
    });
    // Reactive: with JavaScript the request redirects to `?inviato=1` on this same page.
    let link_sent = move || query.with(|q| q.get("inviato").is_some());
    let login = ServerAction::<LogIn>::new();
    let link = ServerAction::<RequestLoginLink>::new();
    let link_rejection = Signal::derive(move || rejection_of(link.value().get()));
    let no_error = Signal::derive(|| None);
    view! {
        <Title text=format!("{} · {}", t.login_title, t.site_name) />
        <div class="container section narrow">
            <h1>{t.login_title}</h1>
            {move || {
                link_sent()
                    .then(|| {
                        view! {
                            <div class="alert alert-success" role="status">
                                <p>{t.link_sent}</p>
                            </div>
                        }
                    })
            }}
            <section aria-labelledby="con-password">
                <h2 id="con-password">{t.login_with_password}</h2>
                <ActionError result=login.value().into() />
                <ActionForm action=login attr:class="form">
                    <input type="hidden" name="next" value=next />
                    <TextField
                        id="login-email"
                        name="email"
                        label=t.field_email
                        error=no_error
                        input_type="email"
                        autocomplete="username"
                    />
                    <TextField
                        id="login-password"
                        name="password"
                        label=t.field_password
                        error=no_error
                        input_type="password"
                        autocomplete="current-password"
                    />
                    <button
                        type="submit"
                        class="btn btn-primary"
                        disabled=move || login.pending().get()
                    >
                        {t.login_submit}
                    </button>
                </ActionForm>
            </section>
            <section aria-labelledby="con-link">
                <h2 id="con-link">{t.login_with_link}</h2>
                <p>{t.login_with_link_lead}</p>
                <ActionError result=link.value().into() />
                <ActionForm action=link attr:class="form">
                    <TextField
                        id="link-email"
                        name="email"
                        label=t.field_email
                        error=field_error(link_rejection, "email")
                        input_type="email"
                        autocomplete="email"
                    />
                    <button
                        type="submit"
                        class="btn btn-outline-primary"
                        disabled=move || link.pending().get()
                    >
                        {t.link_submit}
                    </button>
                </ActionForm>
            </section>
            <p class="form-footnote">
                {t.login_no_account}" "<a href="/iscriviti">{t.signup_title}</a>
            </p>
        </div>
    }
}
