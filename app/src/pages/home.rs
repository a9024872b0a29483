//! `/`: what COMTem is, and the ten communities with their member counts.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::communities::list_communities;
use crate::api::meetings::list_meetings;
use crate::api::news::list_news;
use crate::api::numbers::numbers_as_of;
use crate::api::plans::current_cycle;
use crate::components::community_card::CommunityCard;
use crate::components::cycle_status::CycleStatus;
use crate::components::error_notice::ErrorNotice;
use crate::components::meeting_list::MeetingList;
use crate::components::news_list::NewsItems;
use crate::components::totals::Totals;
use crate::i18n::{meeting_texts, news_texts, plan_texts, texts};
use crate::pages::news::FeedLink;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let t = texts();
    let communities = Resource::new(|| (), |_| list_communities());
    let cycle = Resource::new(|| (), |_| current_cycle());
    view! {
        <Title text=format!("{} · {}", t.site_name, t.site_full_name) />
        <section class="hero">
            <div class="container">
                <h1>{t.home_title}</h1>
                <p class="lead">{t.home_lead}</p>
            </div>
        </section>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                cycle
                    .await
                    .ok()
                    .map(|cycle| {
                        let p = plan_texts();
                        view! {
                            <section class="container section" aria-labelledby="ciclo-piani">
                                <h2 id="ciclo-piani">{(p.cycle_title)(cycle.year)}</h2>
                                <CycleStatus cycle=cycle.clone() />
                                <p class="plan-actions">
                                    <a
                                        class="btn btn-primary"
                                        href=format!("/piani/{}", cycle.year)
                                    >
                                        {(p.plans_title)(cycle.year)}
                                    </a>
                                    <a class="btn btn-outline" href="/calendario">
                                        {p.calendar_title}
                                    </a>
                                </p>
                            </section>
                        }
                    })
            })}
        </Suspense>
        <HeadlineNumbers />
        <NextMeetings />
        <LatestNews />
        <section class="container section" aria-labelledby="le-comunita">
            <h2 id="le-comunita">{t.home_communities_title}</h2>
            <Suspense fallback=move || {
                view! { <p>{t.loading}</p> }
            }>
                {move || Suspend::new(async move {
                    match communities.await {
                        Ok(list) => {
                            view! {
                                <ul class="card-grid">
                                    {list
                                        .into_iter()
                                        .map(|community| view! { <CommunityCard community /> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
            <p>
                <a class="btn btn-outline" href="/comunita">
                    {t.all_communities}
                </a>
            </p>
        </section>
        <section class="container section about" aria-labelledby="che-cosa-sono">
            <h2 id="che-cosa-sono">{t.home_about_title}</h2>
            {t.home_about.iter().map(|paragraph| view! { <p>{*paragraph}</p> }).collect_view()}
        </section>
    }
}

/// How many meetings the home page lists.
const MEETINGS_SHOWN: usize = 3;

/// The next meetings, with a link to all of them.
#[component]
fn NextMeetings() -> impl IntoView {
    let t = meeting_texts();
    let meetings = Resource::new(|| (), |_| list_meetings(String::new()));
    view! {
        <section class="container section" aria-labelledby="prossimi-incontri">
            <h2 id="prossimi-incontri">{t.home_title}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    meetings
                        .await
                        .ok()
                        .map(|page| {
                            let next: Vec<_> = page
                                .upcoming
                                .into_iter()
                                .take(MEETINGS_SHOWN)
                                .collect();
                            view! {
                                <MeetingList meetings=next names=page.names empty=t.none_upcoming />
                            }
                        })
                })}
            </Suspense>
            <p>
                <a class="btn btn-outline" href="/incontri">
                    {t.all}
                </a>
            </p>
        </section>
    }
}

/// How many news posts the home page lists.
const NEWS_SHOWN: usize = 3;

/// The latest news, with a link to all of it.
#[component]
fn LatestNews() -> impl IntoView {
    let t = news_texts();
    let news = Resource::new(|| (), |_| list_news(String::new()));
    view! {
        <FeedLink href="/notizie.atom".to_owned() title=t.feed_title.to_owned() />
        <section class="container section" aria-labelledby="ultime-notizie">
            <h2 id="ultime-notizie">{t.home_title}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    news.await
                        .ok()
                        .map(|list| {
                            let latest: Vec<_> = list
                                .published
                                .into_iter()
                                .take(NEWS_SHOWN)
                                .collect();
                            view! { <NewsItems posts=latest names=list.names empty=t.none /> }
                        })
                })}
            </Suspense>
            <p>
                <a class="btn btn-outline" href="/notizie">
                    {t.all}
                </a>
            </p>
        </section>
    }
}

/// Today's totals, with a link to every figure.
#[component]
fn HeadlineNumbers() -> impl IntoView {
    let t = texts();
    let numbers = Resource::new(|| (), |_| numbers_as_of(String::new()));
    view! {
        <section class="container section" aria-labelledby="i-numeri">
            <h2 id="i-numeri">{t.nav_numbers}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    numbers
                        .await
                        .ok()
                        .map(|numbers| {
                            view! {
                                <p>{(t.numbers_as_of)(&numbers.day.long())}</p>
                                <Totals numbers />
                            }
                        })
                })}
            </Suspense>
            <p>
                <a class="btn btn-outline" href="/numeri">
                    {t.numbers_title}
                </a>
            </p>
        </section>
    }
}
