//! The bodies named at signup, waiting to be confirmed or merged.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::api::admin::{MergeEnte, ValidateEnte};
use crate::components::action_error::ActionError;
use crate::components::data_table::DataTable;
use crate::i18n::texts;

#[component]
pub(super) fn PendingEnti(
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
