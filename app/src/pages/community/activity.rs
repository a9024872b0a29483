//! A community's life on its page: its latest news with its feed, its next meetings, the past
//! ones with their minutes, and its calendar.

use leptos::prelude::*;

use crate::components::meeting_list::MeetingList;
use crate::components::news_list::NewsItems;
use crate::domain::meeting::MeetingsPage;
use crate::domain::news::NewsList;
use crate::error::AppError;
use crate::i18n::{meeting_texts, news_texts};
use crate::pages::news::FeedLink;

/// How many past meetings the community page lists (`/incontri` has them all).
const PAST_SHOWN: usize = 5;
/// How many news posts the community page lists.
const NEWS_SHOWN: usize = 3;

/// The latest news concerning community `slug` (`news`), its feed announced in the head.
#[component]
pub fn CommunityNews(
    slug: String,
    name: String,
    news: Resource<Result<NewsList, AppError>>,
) -> impl IntoView {
    let t = news_texts();
    let feed = format!("/comunita/{slug}/notizie.atom");
    view! {
        <FeedLink href=feed.clone() title=(t.feed_of)(&name) />
        <section class="container section" aria-labelledby="notizie-comunita">
            <h2 id="notizie-comunita">{t.community_title}</h2>
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
            <p class="plan-actions">
                <a class="btn btn-outline" href="/notizie">
                    {t.all}
                </a>
                <a class="btn btn-outline" href=feed>
                    {t.feed_link}
                </a>
            </p>
        </section>
    }
}

/// The meetings of community `slug`, and those for everyone (`meetings`).
#[component]
pub fn CommunityMeetings(
    slug: String,
    meetings: Resource<Result<MeetingsPage, AppError>>,
) -> impl IntoView {
    let t = meeting_texts();
    let feed = format!("/comunita/{slug}/incontri.ics");
    view! {
        <div class="container section">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    meetings
                        .await
                        .ok()
                        .map(|page| {
                            let past: Vec<_> = page.past.into_iter().take(PAST_SHOWN).collect();
                            view! {
                                <section aria-labelledby="prossimi-incontri">
                                    <h2 id="prossimi-incontri">{t.upcoming}</h2>
                                    <MeetingList
                                        meetings=page.upcoming
                                        names=page.names.clone()
                                        empty=t.none_upcoming
                                    />
                                </section>
                                <section aria-labelledby="incontri-passati">
                                    <h2 id="incontri-passati">{t.past}</h2>
                                    <MeetingList meetings=past names=page.names empty=t.none_past />
                                </section>
                            }
                        })
                })}
            </Suspense>
            <p class="plan-actions">
                <a class="btn btn-outline" href="/incontri">
                    {t.all}
                </a>
                <a class="btn btn-outline" href=feed>
                    {t.community_feed}
                </a>
            </p>
        </div>
    }
}
