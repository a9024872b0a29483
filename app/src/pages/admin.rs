//! `/amministrazione`: regional staff assign roles, validate bodies named at signup, and list
//! and export the signups; the audit log has its own page. Every action is checked again on
//! the server.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::{
    AssignRole, MergeEnte, RevokeRole, ValidateEnte, list_signups, pending_enti, role_holders,
};
use crate::api::communities::list_communities;
use crate::components::error_notice::ErrorNotice;
use crate::components::login_prompt::LoginPrompt;
use crate::error::AppError;
use crate::i18n::{audit_texts, texts};

mod audit_log;
mod pending_enti;
mod roles;
mod signups;

pub use audit_log::AuditLogPage;
use pending_enti::PendingEnti;
use roles::Roles;
use signups::Signups;

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
            <p>
                <a href="/amministrazione/registro">{audit_texts().link}</a>
            </p>
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
