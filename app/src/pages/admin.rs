//! `/amministrazione`: regional staff assign roles, validate bodies named at signup, and list
//! and export the signups. Every action is checked again on the server.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::{
    AssignRole, MergeEnte, RevokeRole, ValidateEnte, list_signups, pending_enti, role_holders,
};
use crate::api::communities::list_communities;
use crate::components::action_error::ActionError;
use crate::components::data_table::DataTable;
use crate::components::error_notice::ErrorNotice;
use crate::components::form_field::{TextField, field_error, rejection_of};
use crate::components::login_prompt::LoginPrompt;
use crate::domain::community::CommunitySummary;
use crate::domain::role::RoleKind;
use crate::error::AppError;
use crate::i18n::texts;

/// The admin page.
#[component]
pub fn AdminPage() -> impl IntoView {
    let t = texts();
    let assign = ServerAction::<AssignRole>::new();
    let revoke = ServerAction::<RevokeRole>::new();
    let validate = ServerAction::<ValidateEnte>::new();
    let merge = ServerAction::<MergeEnte>::new();
    let data = Resource::new(
        move || {
            (
                assign.version().get(),
                revoke.version().get(),
                validate.version().get(),
                merge.version().get(),
            )
        },
        |_| async {
            let holders = role_holders().await?;
            let pending = pending_enti().await?;
            let signups = list_signups(String::new()).await?;
            let communities = list_communities().await?;
            Ok::<_, AppError>((holders, pending, signups, communities))
        },
    );
    view! {
        <Title text=format!("{} · {}", t.admin_title, t.site_name) />
        <div class="container section">
            <h1>{t.admin_title}</h1>
            <Transition fallback=move || {
                view! { <p>{t.loading}</p> }
            }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok((holders, pending, signups, communities)) => {
                            view! {
                                <Roles holders communities=communities.clone() assign revoke />
                                <PendingEnti pending validate merge />
                                <Signups signups communities />
                            }
                                .into_any()
                        }
                        Err(AppError::LoginRequired) => {
                            view! { <LoginPrompt next="/amministrazione" /> }.into_any()
                        }
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Roles(
    holders: Vec<crate::domain::role::RoleHolder>,
    communities: Vec<CommunitySummary>,
    assign: ServerAction<AssignRole>,
    revoke: ServerAction<RevokeRole>,
) -> impl IntoView {
    let t = texts();
    let rejection = Signal::derive(move || rejection_of(assign.value().get()));
    let rows = holders
        .into_iter()
        .map(|holder| {
            let community = holder
                .role
                .community
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            let label = (t.revoke_named)(&holder.name, holder.role.kind.label());
            view! {
                <tr>
                    <td>{holder.name.clone()}</td>
                    <td>{holder.email}</td>
                    <td>{holder.role.kind.label()}</td>
                    <td>{community.clone()}</td>
                    <td>
                        <ActionForm action=revoke attr:class="inline-form">
                            <input type="hidden" name="persona" value=holder.person_id.0 />
                            <input type="hidden" name="ruolo" value=holder.role.kind.code() />
                            <input type="hidden" name="comunita" value=community />
                            <button
                                type="submit"
                                class="btn btn-outline-primary btn-sm"
                                aria-label=label
                            >
                                {t.revoke}
                            </button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="ruoli">
            <h2 id="ruoli">{t.admin_roles}</h2>
            <ActionError result=assign.value().into() />
            <ActionError result=revoke.value().into() />
            <ActionForm action=assign attr:class="form form-inline">
                <TextField
                    id="ruolo-email"
                    name="email"
                    label=t.field_email
                    error=field_error(rejection, "email")
                    input_type="email"
                />
                <div class="form-group">
                    <label for="ruolo-tipo">{t.admin_role}</label>
                    <select id="ruolo-tipo" name="ruolo">
                        {RoleKind::ALL
                            .iter()
                            .map(|k| view! { <option value=k.code()>{k.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <CommunitySelect
                    id="ruolo-comunita"
                    communities
                    label=t.admin_role_community
                    error=field_error(rejection, "comunita")
                />
                <button type="submit" class="btn btn-primary">
                    {t.assign}
                </button>
            </ActionForm>
            <DataTable
                caption=t.admin_roles_table
                headers=vec![
                    t.col_name,
                    t.field_email,
                    t.admin_role,
                    t.col_community,
                    t.col_actions,
                ]
            >
                {rows}
            </DataTable>
        </section>
    }
}

#[component]
fn CommunitySelect(
    id: &'static str,
    communities: Vec<CommunitySummary>,
    label: &'static str,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let t = texts();
    view! {
        <div class="form-group">
            <label for=id>{label}</label>
            <crate::components::form_field::FieldError id=format!("{id}-errore") error />
            <select id=id name="comunita">
                <option value="">{t.none_whole_platform}</option>
                {communities
                    .into_iter()
                    .map(|c| view! { <option value=c.slug.to_string()>{c.name}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
fn PendingEnti(
    pending: Vec<(crate::domain::ente::EnteOption, i64)>,
    validate: ServerAction<ValidateEnte>,
    merge: ServerAction<MergeEnte>,
) -> impl IntoView {
    let t = texts();
    let empty = pending.is_empty();
    let rows = pending
        .into_iter()
        .enumerate()
        .map(|(index, (ente, people))| {
            let target_id = format!("unisci-{index}");
            let code = ente.code.clone();
            let validate_label = (t.validate_named)(&ente.name);
            let merge_label = (t.merge_into_named)(&ente.name);
            view! {
                <tr>
                    <td>{ente.name.clone()}</td>
                    <td>{ente.details()}</td>
                    <td>{people}</td>
                    <td class="actions">
                        <ActionForm action=validate attr:class="inline-form">
                            <input type="hidden" name="codice" value=code.clone() />
                            <button
                                type="submit"
                                class="btn btn-primary btn-sm"
                                aria-label=validate_label
                            >
                                {t.validate}
                            </button>
                        </ActionForm>
                        <ActionForm action=merge attr:class="inline-form">
                            <input type="hidden" name="codice" value=ente.code />
                            <label for=target_id.clone()>{merge_label}</label>
                            <input
                                id=target_id
                                type="text"
                                name="destinazione"
                                placeholder=t.merge_target_hint
                            />
                            <button type="submit" class="btn btn-outline-primary btn-sm">
                                {t.merge}
                            </button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="enti-da-validare">
            <h2 id="enti-da-validare">{t.admin_pending}</h2>
            <ActionError result=validate.value().into() />
            <ActionError result=merge.value().into() />
            {if empty {
                view! { <p>{t.admin_pending_none}</p> }.into_any()
            } else {
                view! {
                    <DataTable
                        caption=t.admin_pending
                        headers=vec![t.field_ente, t.field_ente_kind, t.col_people, t.col_actions]
                    >
                        {rows}
                    </DataTable>
                }
                    .into_any()
            }}
        </section>
    }
}

/// How many signups the page shows; the CSV has them all.
const SHOWN_SIGNUPS: usize = 100;

#[component]
fn Signups(
    signups: Vec<crate::domain::signup::SignupRow>,
    communities: Vec<CommunitySummary>,
) -> impl IntoView {
    let t = texts();
    let total = signups.len();
    let name_of = move |slug: &str| {
        communities
            .iter()
            .find(|c| c.slug.as_str() == slug)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let rows = signups
        .into_iter()
        .take(SHOWN_SIGNUPS)
        .map(|row| {
            view! {
                <tr>
                    <td>{row.created_at.get(..10).unwrap_or_default().to_owned()}</td>
                    <td>{format!("{} {}", row.first_name, row.last_name)}</td>
                    <td>{row.ente}</td>
                    <td>{name_of(&row.community)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="iscrizioni">
            <h2 id="iscrizioni">{t.admin_signups}</h2>
            <p>
                {(t.admin_signups_count)(total)}" "
                <a href="/amministrazione/iscrizioni.csv" download="comtem-iscrizioni.csv">
                    {t.download_csv}
                </a>
            </p>
            <DataTable
                caption=(t.admin_signups_latest)(SHOWN_SIGNUPS.min(total))
                headers=vec![t.col_date, t.col_name, t.field_ente, t.col_community]
            >
                {rows}
            </DataTable>
        </section>
    }
}
