//! `/incontri`: the meetings to come and past, and the calendars to subscribe to.

mod feeds;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::meetings::{RenewCalendar, list_meetings};
use crate::components::loaded_page::loaded_page;
use crate::components::meeting_list::MeetingList;
use crate::domain::meeting::MeetingsPage as Meetings;
use crate::i18n::{meeting_texts, texts};
use feeds::Calendars;

/// Every meeting; loaded again when the personal calendar's address is renewed.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    let renew = ServerAction::<RenewCalendar>::new();
    let page = Resource::new(
        move || renew.version().get(),
        |_| list_meetings(String::new()),
    );
    loaded_page(
        page,
        move |meetings| view! { <MeetingsView meetings renew /> },
    )
}

#[component]
fn MeetingsView(meetings: Meetings, renew: ServerAction<RenewCalendar>) -> impl IntoView {
    let t = meeting_texts();
    let new = meetings.can_organise.then(|| {
        view! {
            <p>
                <a class="btn btn-primary" href="/incontri/nuovo">
                    {t.new}
                </a>
            </p>
        }
    });
    view! {
        <Title text=format!("{} · {}", t.title, texts().site_name) />
        <div class="container section">
            <h1>{t.title}</h1>
            <p class="lead">{t.lead}</p>
            {new}
            <section aria-labelledby="prossimi">
                <h2 id="prossimi">{t.upcoming}</h2>
                <MeetingList
                    meetings=meetings.upcoming
                    names=meetings.names.clone()
                    empty=t.none_upcoming
                />
            </section>
            <Calendars
                personal=meetings.personal_feed
                signed_in=meetings.signed_in
                community=None
                renew
            />
            <section aria-labelledby="passati">
                <h2 id="passati">{t.past}</h2>
                <MeetingList meetings=meetings.past names=meetings.names empty=t.none_past />
            </section>
        </div>
    }
}
