//! `/iscriviti`: the signup form. It works without JavaScript (the server answers with the
//! problems and what was typed) and, once hydrated, checks without reloading.

use leptos::form::FromFormData;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::account::SignUp;
use crate::api::communities::list_communities;
use crate::components::action_error::ActionError;
use crate::components::error_summary::ErrorSummary;
use crate::components::form_field::{FieldError, TextField, field_error, rejection_of};
use crate::domain::validation::Rejection;
use crate::i18n::texts;

mod community_choices;
mod ente_fields;
mod signed_in_notice;

use community_choices::CommunityChoices;
use ente_fields::EnteFields;
use signed_in_notice::SignedInNotice;

/// Field name, element id and label of every field, in the order of the form.
fn fields() -> Vec<(&'static str, &'static str, &'static str)> {
    let t = texts();
    vec![
        ("nome", "nome", t.field_first_name),
        ("cognome", "cognome", t.field_last_name),
        ("email", "email", t.field_email),
        ("ruolo", "ruolo", t.field_job_title),
        ("ente_nome", "ente-nome", t.field_ente),
        ("ente_tipo", "ente-tipo", t.field_ente_kind),
        ("ente_provincia", "ente-provincia", t.field_province),
        ("comunita", "comunita", t.signup_communities),
        ("password", "password", t.field_password),
        ("privacy", "privacy", t.privacy_link),
    ]
}

/// The signup page.
#[component]
pub fn SignupPage() -> impl IntoView {
    let t = texts();
    let action = ServerAction::<SignUp>::new();
    // Once hydrated, the form is checked in the browser with the server's own rules, and only
    // a form that passes is sent; the server checks it again.
    let refused_here = RwSignal::new(None::<Rejection>);
    let rejection = Signal::derive(move || {
        refused_here
            .get()
            .or_else(|| rejection_of(action.value().get()))
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Ok(submitted) = SignUp::from_event(&event) else {
            return;
        };
        match submitted.form.validate() {
            Ok(_) => {
                refused_here.set(None);
                action.dispatch(submitted);
            }
            Err(refused) => refused_here.set(Some(refused)),
        }
    };
    // What the page was loaded with: the refused form without JavaScript, or `?comunita=`.
    let initial = rejection.get_untracked().unwrap_or_default();
    let preselected = use_query_map().with_untracked(|q| q.get("comunita").unwrap_or_default());
    let communities = Resource::new(|| (), |_| list_communities());
    let error = move |field| field_error(rejection, field);
    view! {
        <Title text=format!("{} · {}", t.signup_title, t.site_name) />
        <div class="container section narrow">
            <h1>{t.signup_title}</h1>
            <p class="lead">{t.signup_lead}</p>
            <SignedInNotice />
            <ErrorSummary rejection fields=fields() />
            <ActionError result=action.value().into() />
            <form
                action=SignUp::url()
                method="post"
                class="form"
                novalidate=true
                on:submit=on_submit
            >
                <fieldset>
                    <legend>{t.signup_about_you}</legend>
                    <TextField
                        id="nome"
                        name="form[nome]"
                        label=t.field_first_name
                        value=initial.typed("nome")
                        error=error("nome")
                        autocomplete="given-name"
                    />
                    <TextField
                        id="cognome"
                        name="form[cognome]"
                        label=t.field_last_name
                        value=initial.typed("cognome")
                        error=error("cognome")
                        autocomplete="family-name"
                    />
                    <TextField
                        id="email"
                        name="form[email]"
                        label=t.field_email
                        hint=t.field_email_hint
                        value=initial.typed("email")
                        error=error("email")
                        input_type="email"
                        autocomplete="email"
                    />
                    <TextField
                        id="ruolo"
                        name="form[ruolo]"
                        label=t.field_job_title
                        hint=t.field_job_title_hint
                        value=initial.typed("ruolo")
                        error=error("ruolo")
                        autocomplete="organization-title"
                    />
                </fieldset>
                <EnteFields initial=initial.clone() rejection />
                <fieldset id="comunita" class="checkbox-group" aria-describedby="comunita-errore">
                    <legend>{t.signup_communities}</legend>
                    <FieldError id="comunita-errore".to_owned() error=error("comunita") />
                    <Suspense fallback=move || {
                        view! { <p>{t.loading}</p> }
                    }>
                        {
                            let initial = initial.clone();
                            let preselected = preselected.clone();
                            move || {
                                let (initial, preselected) = (initial.clone(), preselected.clone());
                                Suspend::new(async move {
                                    let all = communities.await.unwrap_or_default();
                                    view! { <CommunityChoices all initial preselected /> }
                                })
                            }
                        }
                    </Suspense>
                </fieldset>
                <fieldset>
                    <legend>{t.signup_access}</legend>
                    <TextField
                        id="password"
                        name="form[password]"
                        label=t.field_password
                        hint=t.field_password_hint
                        error=error("password")
                        input_type="password"
                        autocomplete="new-password"
                    />
                </fieldset>
                <div
                    class="form-group checkbox"
                    class:has-error=move || error("privacy").with(Option::is_some)
                >
                    <FieldError id="privacy-errore".to_owned() error=error("privacy") />
                    <input
                        id="privacy"
                        type="checkbox"
                        name="form[privacy]"
                        value="on"
                        aria-describedby="privacy-errore"
                    />
                    <label for="privacy">
                        {t.field_privacy}" "<a href="/privacy">{t.privacy_link}</a>
                    </label>
                </div>
                <button
                    type="submit"
                    class="btn btn-primary"
                    disabled=move || action.pending().get()
                >
                    {move || if action.pending().get() { t.sending } else { t.signup_submit }}
                </button>
            </form>
            <p class="form-footnote">
                {t.signup_have_account}" "<a href="/accedi">{t.login_title}</a>
            </p>
        </div>
    }
}
