//! The header's account links: log in and sign up, or the bell, my profile, admin and log out.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::bell::Bell;
use crate::api::account::LogOut;
use crate::api::notifications::header_state;
use crate::domain::role::RoleKind;
use crate::i18n::texts;

/// Account links for the header, refreshed on every navigation so they follow logins and logouts
/// (and the bell, the notifications read on the page).
#[component]
pub fn UserMenu() -> impl IntoView {
    let t = texts();
    let path = use_location().pathname;
    let viewer = Resource::new(move || path.get(), header_state);
    let log_out = ServerAction::<LogOut>::new();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match viewer.await.ok().flatten() {
                    Some((viewer, unread)) => {
                        view! {
                            <Bell unread />
                            <li>
                                <a href="/profilo">{(t.hello)(&viewer.first_name)}</a>
                            </li>
                            {viewer
                                .has(RoleKind::Admin)
                                .then(|| {
                                    view! {
                                        <li>
                                            <a href="/amministrazione">{t.admin_title}</a>
                                        </li>
                                    }
                                })}
                            <li>
                                <ActionForm action=log_out attr:class="inline-form">
                                    <button type="submit" class="link-button">
                                        {t.log_out}
                                    </button>
                                </ActionForm>
                            </li>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <li>
                                <a href="/accedi">{t.login_title}</a>
                            </li>
                            <li>
                                <a href="/iscriviti" class="nav-cta">
                                    {t.signup_title}
                                </a>
                            </li>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}
