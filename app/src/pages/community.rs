//! `/comunita/{slug}`: one community and its declaratoria.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::communities::get_community;
use crate::components::error_notice::ErrorNotice;
use crate::components::not_found::NotFound;
use crate::domain::community::Community;
use crate::error::AppError;
use crate::i18n::texts;

/// A community's page; an unknown slug answers 404.
#[component]
pub fn CommunityPage() -> impl IntoView {
    let params = use_params_map();
    let community = Resource::new(
        move || params.with(|p| p.get("slug").unwrap_or_default()),
        get_community,
    );
    view! {
        <Suspense fallback=move || {
            view! { <p class="container">{texts().loading}</p> }
        }>
            {move || Suspend::new(async move {
                match community.await {
                    Ok(community) => view! { <CommunityDetails community /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(error) => {
                        view! {
                            <div class="container section">
                                <ErrorNotice error />
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn CommunityDetails(community: Community) -> impl IntoView {
    let t = texts();
    let Community {
        summary,
        declaratoria,
    } = community;
    view! {
        <Title text=format!("{} · {}", summary.name, t.site_name) />
        <nav class="container breadcrumb" aria-label=t.breadcrumb>
            <ol>
                <li>
                    <a href="/">{t.nav_home}</a>
                </li>
                <li>
                    <a href="/comunita">{t.nav_communities}</a>
                </li>
                <li aria-current="page">{summary.name.clone()}</li>
            </ol>
        </nav>
        <section class="hero hero-community">
            <div class="container">
                <p class="kicker">{t.community_kicker}</p>
                <h1>{summary.name}</h1>
                <p class="lead">{summary.summary}</p>
                <p class="member-count">{(t.members)(summary.member_count)}</p>
            </div>
        </section>
        <div class="container section declaratoria">
            <section aria-labelledby="missione">
                <h2 id="missione">{t.community_mission}</h2>
                <p>{declaratoria.mission}</p>
            </section>
            <section aria-labelledby="temi">
                <h2 id="temi">{t.community_themes}</h2>
                <ul class="chips">
                    {declaratoria
                        .themes
                        .into_iter()
                        .map(|theme| view! { <li>{theme}</li> })
                        .collect_view()}
                </ul>
            </section>
            <section aria-labelledby="obiettivi">
                <h2 id="obiettivi">{t.community_objectives}</h2>
                <ol>
                    {declaratoria
                        .objectives
                        .into_iter()
                        .map(|goal| view! { <li>{goal}</li> })
                        .collect_view()}
                </ol>
            </section>
            <section aria-labelledby="destinatari">
                <h2 id="destinatari">{t.community_audience}</h2>
                <p>{declaratoria.audience}</p>
            </section>
        </div>
    }
}
