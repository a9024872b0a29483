//! A community's meetings on its page: the next ones, the past ones with their minutes, and
//! its calendar.

use leptos::prelude::*;

use crate::api::meetings::list_meetings;
use crate::components::meeting_list::MeetingList;
use crate::i18n::meeting_texts;

/// How many past meetings the community page lists (`/incontri` has them all).
const PAST_SHOWN: usize = 5;

/// The meetings of community `slug`, and those for everyone.
#[component]
pub fn CommunityMeetings(slug: String) -> impl IntoView {
    let t = meeting_texts();
    let feed = format!("/comunita/{slug}/incontri.ics");
    let meetings = Resource::new(move || slug.clone(), list_meetings);
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
