//! `/profilo`: my details, my communities, my password, my data, and deleting my account.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::communities::list_communities;
use crate::api::profile::{
    DeleteAccount, JoinCommunity, LeaveCommunity, UpdateDetails, my_profile,
};
use crate::components::action_error::{ActionDone, ActionError};
use crate::components::error_notice::ErrorNotice;
use crate::components::form_field::{FieldError, TextField, field_error, rejection_of};
use crate::components::login_prompt::LoginPrompt;
use crate::domain::community::CommunitySummary;
use crate::domain::person::Profile;
use crate::error::AppError;
use crate::i18n::texts;

mod notifications;
mod password;
mod sessions;

use notifications::{NotificationPreferences, Preferences};
use password::Password;
use sessions::{MySessions, Sessions};

/// The signed-in person's profile; visitors are asked to log in.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let t = texts();
    let welcome = use_query_map().with_untracked(|q| q.get("benvenuto").is_some());
    let join = ServerAction::<JoinCommunity>::new();
    let leave = ServerAction::<LeaveCommunity>::new();
    let details = ServerAction::<UpdateDetails>::new();
    let profile = Resource::new(
        move || {
            (
                join.version().get(),
                leave.version().get(),
                details.version().get(),
            )
        },
        |_| async { (my_profile().await, list_communities().await) },
    );
    let preferences = Preferences::load();
    let sessions = Sessions::load();
    view! {
        <Title text=format!("{} · {}", t.profile_title, t.site_name) />
        <div class="container section narrow">
            <h1>{t.profile_title}</h1>
            {welcome
                .then(|| {
                    view! {
                        <div class="alert alert-success" role="status">
                            <p>{t.profile_welcome}</p>
                        </div>
                    }
                })}
            <Transition fallback=move || {
                view! { <p>{t.loading}</p> }
            }>
                {move || Suspend::new(async move {
                    match profile.await {
                        (Ok(me), Ok(all)) => {
                            view! {
                                <Details me=me.clone() action=details />
                                <MyCommunities me all join leave />
                                <NotificationPreferences preferences />
                                <Password />
                                <MySessions sessions />
                                <MyData />
                                <DeleteAccountForm />
                            }
                                .into_any()
                        }
                        (Err(AppError::LoginRequired), _) => {
                            view! { <LoginPrompt next="/profilo" /> }.into_any()
                        }
                        (Err(error), _) | (_, Err(error)) => {
                            view! { <ErrorNotice error /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Details(me: Profile, action: ServerAction<UpdateDetails>) -> impl IntoView {
    let t = texts();
    let rejection = Signal::derive(move || rejection_of(action.value().get()));
    let ente = match (me.ente_name.clone(), me.ente_pending) {
        (Some(name), true) => format!("{name} ({})", t.ente_pending),
        (Some(name), false) => name,
        (None, _) => String::new(),
    };
    view! {
        <section aria-labelledby="miei-dati">
            <h2 id="miei-dati">{t.profile_details}</h2>
            <p>{t.field_email}": "<strong>{me.email.clone()}</strong></p>
            <p>{t.field_ente}": "<strong>{ente}</strong></p>
            {(!me.roles.is_empty())
                .then(|| {
                    view! {
                        <p>
                            {t.profile_roles}": "
                            {me
                                .roles
                                .iter()
                                .map(|r| match &r.community {
                                    Some(c) => format!("{} ({c})", r.kind.label()),
                                    None => r.kind.label().to_owned(),
                                })
                                .collect::<Vec<_>>()
                                .join(", ")}
                        </p>
                    }
                })}
            <ActionError result=action.value().into() />
            <ActionDone result=action.value().into() message=t.saved />
            <ActionForm action attr:class="form">
                <TextField
                    id="profilo-nome"
                    name="nome"
                    label=t.field_first_name
                    value=me.first_name
                    error=field_error(rejection, "nome")
                    autocomplete="given-name"
                />
                <TextField
                    id="profilo-cognome"
                    name="cognome"
                    label=t.field_last_name
                    value=me.last_name
                    error=field_error(rejection, "cognome")
                    autocomplete="family-name"
                />
                <TextField
                    id="profilo-ruolo"
                    name="ruolo"
                    label=t.field_job_title
                    value=me.job_title
                    error=field_error(rejection, "ruolo")
                    autocomplete="organization-title"
                />
                <button type="submit" class="btn btn-primary">
                    {t.save}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn MyCommunities(
    me: Profile,
    all: Vec<CommunitySummary>,
    join: ServerAction<JoinCommunity>,
    leave: ServerAction<LeaveCommunity>,
) -> impl IntoView {
    let t = texts();
    let rows = all
        .into_iter()
        .map(|community| {
            let member = me.communities.contains(&community.slug);
            let slug = community.slug.to_string();
            let name = community.name.clone();
            let href = community.href();
            let button = if member {
                view! {
                    <ActionForm action=leave attr:class="inline-form">
                        <input type="hidden" name="comunita" value=slug />
                        <button
                            type="submit"
                            class="btn btn-outline-primary btn-sm"
                            aria-label=(t.leave_named)(&name)
                        >
                            {t.leave}
                        </button>
                    </ActionForm>
                }
                .into_any()
            } else {
                view! {
                    <ActionForm action=join attr:class="inline-form">
                        <input type="hidden" name="comunita" value=slug />
                        <button
                            type="submit"
                            class="btn btn-primary btn-sm"
                            aria-label=(t.join_named)(&name)
                        >
                            {t.join}
                        </button>
                    </ActionForm>
                }
                .into_any()
            };
            view! {
                <li class:member=member>
                    <a href=href>{community.name}</a>
                    <span class="membership">
                        {if member { t.member_yes } else { t.member_no }}
                    </span>
                    {button}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="mie-comunita">
            <h2 id="mie-comunita">{t.profile_communities}</h2>
            <ActionError result=join.value().into() />
            <ActionError result=leave.value().into() />
            <ul class="membership-list">{rows}</ul>
        </section>
    }
}

#[component]
fn MyData() -> impl IntoView {
    let t = texts();
    view! {
        <section aria-labelledby="miei-dati-download">
            <h2 id="miei-dati-download">{t.my_data_title}</h2>
            <p>{t.my_data_lead}</p>
            <p class="actions">
                <a class="btn btn-primary" href="/profilo/dati">
                    {t.my_data_read}
                </a>
                " "
                <a
                    class="btn btn-outline-primary"
                    href="/profilo/dati.json"
                    download="comtem-miei-dati.json"
                >
                    {t.my_data_download}
                </a>
            </p>
        </section>
    }
}

#[component]
fn DeleteAccountForm() -> impl IntoView {
    let t = texts();
    let action = ServerAction::<DeleteAccount>::new();
    let rejection = Signal::derive(move || rejection_of(action.value().get()));
    view! {
        <section aria-labelledby="elimina-account" class="danger-zone">
            <h2 id="elimina-account">{t.delete_title}</h2>
            <p>{t.delete_lead}</p>
            <ActionError result=action.value().into() />
            <ActionForm action attr:class="form">
                <div class="form-group checkbox">
                    <FieldError
                        id="conferma-errore".to_owned()
                        error=field_error(rejection, "conferma")
                    />
                    <input
                        id="conferma"
                        type="checkbox"
                        name="conferma"
                        value="on"
                        aria-describedby="conferma-errore"
                    />
                    <label for="conferma">{t.delete_confirm}</label>
                </div>
                <button type="submit" class="btn btn-danger">
                    {t.delete_submit}
                </button>
            </ActionForm>
        </section>
    }
}
