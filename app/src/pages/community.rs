//! `/comunita/{slug}`: one community and its declaratoria.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::communities::{community_people, get_community};
use crate::api::meetings::list_meetings;
use crate::api::news::list_news;
use crate::api::profile::JoinCommunity;
use crate::components::error_notice::page_error;
use crate::domain::community::{Community, CommunityRoster};
use crate::domain::role::RoleKind;
use crate::error::AppError;
use crate::i18n::texts;

mod activity;
use activity::{CommunityMeetings, CommunityNews};

/// A community's page; an unknown slug answers 404. Its resources are all made here, not inside
/// its `Suspense`: one made there may come after hydration has ended and be fetched again, and
/// news or people changed meanwhile would no longer match the page the server rendered.
#[component]
pub fn CommunityPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let community = Resource::new(slug, get_community);
    let join = ServerAction::<JoinCommunity>::new();
    let people = Resource::new(
        move || (slug(), join.version().get()),
        |(slug, _)| community_people(slug),
    );
    let news = Resource::new(slug, list_news);
    let meetings = Resource::new(slug, list_meetings);
    view! {
        <Suspense fallback=move || {
            view! { <p class="container">{texts().loading}</p> }
        }>
            {move || Suspend::new(async move {
                match community.await {
                    Ok(community) => {
                        let slug = community.summary.slug.to_string();
                        let name = community.summary.name.clone();
                        view! {
                            <CommunityDetails community />
                            <CommunityMembership people join />
                            <CommunityNews slug=slug.clone() name news />
                            <CommunityMeetings slug meetings />
                        }
                            .into_any()
                    }
                    Err(error) => page_error(error),
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

/// The coordinators and referents, and the way to join.
#[component]
fn CommunityMembership(
    people: Resource<Result<CommunityRoster, AppError>>,
    join: ServerAction<JoinCommunity>,
) -> impl IntoView {
    let params = use_params_map();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let slug = params.with_untracked(|p| p.get("slug").unwrap_or_default());
                people.await.ok().map(|people| view! { <PeopleSection people slug join /> })
            })}
        </Transition>
    }
}

#[component]
fn PeopleSection(
    people: CommunityRoster,
    slug: String,
    join: ServerAction<JoinCommunity>,
) -> impl IntoView {
    let t = texts();
    let leaders = |kind: RoleKind| {
        people
            .leaders
            .iter()
            .filter(move |(k, _)| *k == kind)
            .map(|(_, name)| name.clone())
            .collect::<Vec<_>>()
    };
    let rows = [
        (t.coordinators, leaders(RoleKind::Coordinator)),
        (t.referents, leaders(RoleKind::Referent)),
    ];
    let export_href = format!("/amministrazione/iscrizioni.csv?comunita={slug}");
    let action = match (people.signed_in, people.is_member) {
        (_, true) => view! {
            <p class="member-badge">
                {t.you_are_member}" "<a href="/profilo">{t.manage_in_profile}</a>
            </p>
        }
        .into_any(),
        (true, false) => view! {
            <ActionForm action=join attr:class="inline-form">
                <input type="hidden" name="comunita" value=slug.clone() />
                <button type="submit" class="btn btn-primary">
                    {t.join_community}
                </button>
            </ActionForm>
        }
        .into_any(),
        (false, false) => view! {
            <a class="btn btn-primary" href=format!("/iscriviti?comunita={slug}")>
                {t.join_community}
            </a>
        }
        .into_any(),
    };
    view! {
        <div class="container section community-people">
            <section aria-labelledby="chi-la-anima">
                <h2 id="chi-la-anima">{t.community_leaders}</h2>
                <dl class="leaders">
                    {rows
                        .into_iter()
                        .map(|(title, names)| {
                            view! {
                                <dt>{title}</dt>
                                <dd>
                                    {if names.is_empty() {
                                        t.nobody_yet.to_owned()
                                    } else {
                                        names.join(", ")
                                    }}
                                </dd>
                            }
                        })
                        .collect_view()}
                </dl>
            </section>
            <section aria-labelledby="partecipa">
                <h2 id="partecipa">{t.take_part}</h2>
                {action}
                {people
                    .can_export
                    .then(|| {
                        view! {
                            <p>
                                <a href=export_href download="iscritti.csv">
                                    {t.download_members}
                                </a>
                            </p>
                        }
                    })}
            </section>
        </div>
    }
}
