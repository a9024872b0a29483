//! `/notifiche/disiscrizione/{token}`: the page of a mail's unsubscribe link. It asks before
//! turning anything off (mail scanners open links); its button posts to the same address,
//! as a mail client's one-click unsubscribe does, and the page then says what was turned off.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::notifications::unsubscribe_link;
use crate::components::error_notice::page_error;
use crate::domain::notification::Unsubscribe;
use crate::error::AppError;
use crate::i18n::{notification_mail_texts, notification_texts, texts};

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let link = Resource::new(token, unsubscribe_link);
    view! {
        <Title text=format!(
            "{} · {}",
            notification_mail_texts().unsubscribe_title,
            texts().site_name,
        ) />
        <div class="container section narrow">
            <h1>{notification_mail_texts().unsubscribe_title}</h1>
            <Suspense fallback=move || {
                view! { <p>{texts().loading}</p> }
            }>
                {move || Suspend::new(async move {
                    match link.await {
                        Ok(link) => view! { <LinkState link /> }.into_any(),
                        Err(AppError::NotFound) => {
                            #[cfg(feature = "ssr")]
                            crate::server::http::respond_with(
                                crate::server::http::status_of(&AppError::NotFound),
                            );
                            view! {
                                <p class="alert alert-danger" role="alert">
                                    {notification_mail_texts().unsubscribe_unknown}
                                </p>
                            }
                                .into_any()
                        }
                        Err(error) => page_error(error),
                    }
                })}
            </Suspense>
            <p>
                <a href="/profilo#notifiche">{notification_mail_texts().unsubscribe_profile}</a>
            </p>
        </div>
    }
}

/// What the link turns off: a question with its button, or that it is done.
#[component]
fn LinkState(link: Unsubscribe) -> impl IntoView {
    let t = notification_mail_texts();
    let kind = link.kind.map(notification_texts().kind_name);
    if link.done {
        return view! {
            <p class="alert alert-success" role="status">
                {(t.unsubscribe_done)(kind)}
            </p>
        }
        .into_any();
    }
    view! {
        <form method="post">
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <p>{(t.unsubscribe_ask)(kind)}</p>
            <button type="submit" class="btn btn-primary">
                {t.unsubscribe_button}
            </button>
        </form>
    }
    .into_any()
}
