//! The roles section: who holds which role, assigning and revoking.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::admin::{AssignRole, RevokeRole};
use crate::components::action_error::ActionError;
use crate::components::data_table::DataTable;
use crate::components::form_field::{TextField, field_error, rejection_of};
use crate::domain::community::CommunitySummary;
use crate::domain::role::RoleKind;
use crate::i18n::texts;

#[component]
pub(super) fn Roles(
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
pub(super) fn CommunitySelect(
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
