//! `/iscriviti/fatto`: what a signup did, for those not logged in straight away.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::communities::list_communities;
use crate::i18n::texts;

/// Confirms a signup: a login link is on its way, or communities were added to a known email.
#[component]
pub fn SignupDonePage() -> impl IntoView {
    let t = texts();
    let query = use_query_map();
    let outcome = query.with_untracked(|q| q.get("esito").unwrap_or_default());
    let added = query.with_untracked(|q| q.get("aggiunte").unwrap_or_default());
    let added: Vec<String> = added
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let message = match (outcome.as_str(), added.is_empty()) {
        ("link", _) => t.signup_done_link.to_owned(),
        ("esistente", false) => (t.signup_done_added)(added.len()),
        _ => t.signup_done_nothing_new.to_owned(),
    };
    let communities = Resource::new(|| (), |_| list_communities());
    view! {
        <Title text=format!("{} · {}", t.signup_done_title, t.site_name) />
        <div class="container section narrow">
            <h1>{t.signup_done_title}</h1>
            <div class="alert alert-success" role="status">
                <p>{message}</p>
                <Suspense>
                    {move || {
                        let added = added.clone();
                        Suspend::new(async move {
                            let all = communities.await.unwrap_or_default();
                            let joined = all
                                .into_iter()
                                .filter(|c| added.contains(&c.slug.to_string()));
                            view! {
                                <ul>
                                    {joined
                                        .map(|c| {
                                            view! {
                                                <li>
                                                    <a href=c.href()>{c.name.clone()}</a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })
                    }}
                </Suspense>
            </div>
            <p>
                <a class="btn btn-primary" href="/accedi">
                    {t.login_title}
                </a>
            </p>
        </div>
    }
}
