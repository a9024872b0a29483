//! `/comunita`: all communities, with a filter that works with and without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::communities::list_communities;
use crate::components::community_card::CommunityCard;
use crate::components::error_notice::ErrorNotice;
use crate::components::search_filter::SearchFilter;
use crate::domain::community::CommunitySummary;
use crate::i18n::texts;

/// The list of communities, filtered by `?q=` on the server and live once hydrated.
#[component]
pub fn CommunitiesPage() -> impl IntoView {
    let t = texts();
    let initial = use_query_map().with_untracked(|query| query.get("q").unwrap_or_default());
    let query = RwSignal::new(initial.clone());
    let communities = Resource::new(|| (), |_| list_communities());
    view! {
        <Title text=format!("{} · {}", t.communities_title, t.site_name) />
        <div class="container section">
            <h1>{t.communities_title}</h1>
            <p class="lead">{t.communities_lead}</p>
            <SearchFilter initial on_search=Callback::new(move |text| query.set(text)) />
            <h2>{t.communities_list_title}</h2>
            <Suspense fallback=move || {
                view! { <p>{t.loading}</p> }
            }>
                {move || Suspend::new(async move {
                    match communities.await {
                        Ok(all) => {
                            let shown = Memo::new(move |_| query.with(|q| matching(&all, q)));
                            view! {
                                <p class="results-count" role="status">
                                    {move || (t.filter_results)(shown.with(Vec::len))}
                                </p>
                                <ul class="card-grid">
                                    <For
                                        each=move || shown.get()
                                        key=|community| community.slug.clone()
                                        children=|community| view! { <CommunityCard community /> }
                                    />
                                </ul>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The communities whose name or summary matches `query`, in their order.
fn matching(all: &[CommunitySummary], query: &str) -> Vec<CommunitySummary> {
    all.iter()
        .filter(|community| community.matches(query))
        .cloned()
        .collect()
}
